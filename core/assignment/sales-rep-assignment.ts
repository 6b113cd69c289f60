/**
 * A rep's assignment to a client (担当営業振り分け, A2-1/A2-2), kept as history: the current
 * one has no `endedAt`. It keeps the proposal the manager saw, so the choice can be explained
 * later, and the override reason when the manager chose another rep than the top one.
 */
import type { ClientRisk, RankedRep } from './rank-sales-reps.js';

export interface SalesRepProposal {
  clientId: string;
  department: string;
  industry?: string;
  risk: ClientRisk;
  candidates: RankedRep[];
  weights: { clientLoad: number; workerLoad: number; industryFit: number; riskBoost: number };
  computedAt: string;
}

export interface SalesRepAssignment {
  assignmentId: string;
  clientId: string;
  department: string;
  salesRepId: string;
  assignedBy: string;
  assignedAt: string;
  /** When another rep took over. */
  endedAt?: string;
  /** The chosen rep's rank in the proposal (1 = the top). */
  proposalRank: number;
  overrideReason?: string;
  proposal: SalesRepProposal;
  version: number;
}

export const isCurrent = (a: SalesRepAssignment) => a.endedAt === undefined;

/**
 * An assignment as stored, read back: assignments written before the rep proposal's factor was
 * named for dispatched workers carry `STAFF_LOAD` and `weights.staffLoad`; they read as
 * `WORKER_LOAD` and `workerLoad` (same figure, the rep's dispatched worker count).
 */
export function fromStoredAssignment(stored: SalesRepAssignment): SalesRepAssignment {
  const weights = stored.proposal?.weights as
    | (SalesRepProposal['weights'] & { staffLoad?: number })
    | undefined;
  const legacyFactor = (stored.proposal?.candidates ?? []).some((c) =>
    c.factors.some((f) => (f.factor as string) === 'STAFF_LOAD'),
  );
  if (!weights || (weights.staffLoad === undefined && !legacyFactor)) return stored;
  const { staffLoad, ...rest } = weights;
  return {
    ...stored,
    proposal: {
      ...stored.proposal,
      weights: { ...rest, workerLoad: rest.workerLoad ?? staffLoad ?? 0 },
      candidates: stored.proposal.candidates.map((c) => ({
        ...c,
        factors: c.factors.map((f) =>
          (f.factor as string) === 'STAFF_LOAD' ? { ...f, factor: 'WORKER_LOAD' as const } : f,
        ),
      })),
    },
  };
}
