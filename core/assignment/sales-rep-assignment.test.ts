import { describe, expect, it } from 'vitest';
import { policyFromEnv } from '../policy-config.js';
import { fromStoredAssignment, type SalesRepAssignment } from './sales-rep-assignment.js';

const stored = (factor: string, weights: Record<string, number>) =>
  ({
    assignmentId: 'asg_1',
    clientId: 'cl_1',
    department: 'tokyo-sales',
    salesRepId: 'u_rep',
    assignedBy: 'u_mgr',
    assignedAt: '2026-11-30T01:00:00.000Z',
    proposalRank: 1,
    version: 1,
    proposal: {
      clientId: 'cl_1',
      department: 'tokyo-sales',
      risk: { level: 0, reasons: [] },
      weights,
      computedAt: '2026-11-30T00:59:00.000Z',
      candidates: [
        {
          salesRepId: 'u_rep',
          name: '営業 一郎',
          rank: 1,
          score: 80,
          tied: false,
          factors: [
            { factor: 'CLIENT_LOAD', value: 3, normalized: 1, weight: 0.35, points: 35, reason: 'a' },
            { factor, value: 12, normalized: 0.5, weight: 0.25, points: 12.5, reason: 'b' },
          ],
        },
      ],
    },
  }) as unknown as SalesRepAssignment;

describe('an assignment stored before the factor was named for dispatched workers (A2-2)', () => {
  it('reads STAFF_LOAD and weights.staffLoad as WORKER_LOAD and workerLoad, keeping the figures', () => {
    const read = fromStoredAssignment(
      stored('STAFF_LOAD', { clientLoad: 0.35, staffLoad: 0.25, industryFit: 0.4, riskBoost: 1 }),
    );
    expect(read.proposal.weights).toEqual({
      clientLoad: 0.35,
      workerLoad: 0.25,
      industryFit: 0.4,
      riskBoost: 1,
    });
    expect(read.proposal.candidates[0]?.factors.map((f) => [f.factor, f.value])).toEqual([
      ['CLIENT_LOAD', 3],
      ['WORKER_LOAD', 12],
    ]);
  });

  it('returns a current assignment unchanged', () => {
    const current = stored('WORKER_LOAD', {
      clientLoad: 0.35,
      workerLoad: 0.25,
      industryFit: 0.4,
      riskBoost: 1,
    });
    expect(fromStoredAssignment(current)).toBe(current);
  });

  it('refuses the old weight setting, naming the new one, instead of silently using the default', () => {
    expect(() => policyFromEnv({ ASSIGNMENT_WEIGHT_STAFF_LOAD: '0.5' })).toThrow(
      /ASSIGNMENT_WEIGHT_WORKER_LOAD/,
    );
    expect(policyFromEnv({ ASSIGNMENT_WEIGHT_WORKER_LOAD: '0.5' }).assignment.workerLoad).toBe(0.5);
  });
});
