/** A2-2: the ranking is a pure, deterministic function of the facts, with a reason per factor. */
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy-config.js';
import { clientRisk, type RepFacts, rankSalesReps } from './rank-sales-reps.js';

const weights = defaultPolicy.assignment;
const noRisk = clientRisk({
  pastTroubles: 0,
  turnoverRate: undefined,
  rejectedApplications: 0,
  missedDeadlines: 0,
  industryLabel: '製造業',
});
const rep = (
  salesRepId: string,
  currentClients: number,
  dispatchedWorkers: number,
  industryClients = 0,
): RepFacts => ({
  salesRepId,
  name: salesRepId,
  currentClients,
  dispatchedWorkers,
  industryClients,
});

describe('rankSalesReps', () => {
  it('prefers fewer clients, fewer dispatched workers and more industry experience, with a reason for each', () => {
    const ranked = rankSalesReps(
      [rep('busy', 6, 20, 0), rep('free', 1, 2, 3), rep('middle', 3, 10, 1)],
      noRisk,
      weights,
      '製造業',
    );
    expect(ranked.map((r) => [r.salesRepId, r.rank])).toEqual([
      ['free', 1],
      ['middle', 2],
      ['busy', 3],
    ]);
    const top = ranked[0];
    expect(top?.score).toBe(100);
    expect(top?.factors.map((f) => f.factor)).toEqual(['CLIENT_LOAD', 'WORKER_LOAD', 'INDUSTRY_FIT']);
    expect(top?.factors[0]?.reason).toContain('担当顧客 1 社（部内 1〜6 社');
    expect(top?.factors[1]?.reason).toContain('派遣スタッフ 2 名');
    expect(top?.factors[2]?.reason).toContain('「製造業」の顧客を現在・過去に 3 社担当');
    expect(ranked[2]?.score).toBe(0);
  });

  it('gives the same ranking for the same inputs, whatever their order', () => {
    const reps = [rep('a', 2, 5, 1), rep('b', 4, 1, 0), rep('c', 3, 3, 2), rep('d', 1, 8, 0)];
    const first = rankSalesReps(reps, noRisk, weights, '製造業');
    const shuffled = rankSalesReps([...reps].reverse(), noRisk, weights, '製造業');
    expect(shuffled).toEqual(first);
  });

  it('marks ties and orders tied reps by user id', () => {
    const ranked = rankSalesReps(
      [rep('zeta', 2, 3), rep('alpha', 2, 3), rep('busy', 5, 9)],
      noRisk,
      weights,
      '製造業',
    );
    expect(ranked.map((r) => [r.salesRepId, r.tied])).toEqual([
      ['alpha', true],
      ['zeta', true],
      ['busy', false],
    ]);
    expect(ranked[0]?.score).toBe(ranked[1]?.score);
  });

  it('weighs industry experience more for a risky client', () => {
    // The experienced rep is busier; with no risk the free rep wins, with a risky client experience does.
    const reps = [rep('experienced', 4, 6, 4), rep('free', 1, 1, 0)];
    expect(rankSalesReps(reps, noRisk, weights, '製造業')[0]?.salesRepId).toBe('free');
    const risky = clientRisk({
      pastTroubles: 3,
      turnoverRate: 0.4,
      rejectedApplications: 0,
      missedDeadlines: 0,
      industryLabel: '製造業',
    });
    expect(risky.level).toBe(1);
    expect(risky.reasons).toContain('G-Staff の過去トラブル 3 件');
    const ranked = rankSalesReps(reps, risky, { ...weights, riskBoost: 2 }, '製造業');
    expect(ranked[0]?.salesRepId).toBe('experienced');
    expect(ranked[0]?.factors[2]?.reason).toContain('顧客リスク 100% により重みを加算');
  });

  it('leaves industry fit out, saying so, when the client’s industry is unknown', () => {
    const ranked = rankSalesReps(
      [rep('a', 1, 1, undefined), rep('b', 2, 2, undefined)],
      noRisk,
      weights,
      undefined,
    );
    expect(ranked[0]?.factors[2]).toMatchObject({ weight: 0, points: 0, value: null });
    expect(ranked[0]?.factors[2]?.reason).toContain('業種が未登録');
    expect(ranked[0]?.score).toBe(100);
  });

  it('uses the configured weights', () => {
    const reps = [rep('fewClients', 1, 9), rep('fewWorkers', 9, 1)];
    const byClients = rankSalesReps(reps, noRisk, { ...weights, clientLoad: 1, workerLoad: 0.1 }, undefined);
    const byWorkers = rankSalesReps(reps, noRisk, { ...weights, clientLoad: 0.1, workerLoad: 1 }, undefined);
    expect(byClients[0]?.salesRepId).toBe('fewClients');
    expect(byWorkers[0]?.salesRepId).toBe('fewWorkers');
  });
});
