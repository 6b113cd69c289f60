/**
 * A2-2, beyond `rank-sales-reps.test.ts`: how each risk signal scales the client's risk, how
 * each factor is normalised within the department, and what the proposal tells the manager.
 */
import { describe, expect, it } from 'vitest';
import type { AssignmentWeights } from '../policy-config.js';
import { type ClientRiskFacts, clientRisk, type RepFacts, rankSalesReps } from './rank-sales-reps.js';

const none: ClientRiskFacts = {
  pastTroubles: 0,
  turnoverRate: undefined,
  rejectedApplications: 0,
  missedDeadlines: 0,
  industryLabel: '製造業',
};
const rep = (
  salesRepId: string,
  currentClients: number,
  dispatchedWorkers: number,
  industryClients?: number,
): RepFacts => ({
  salesRepId,
  name: `名前-${salesRepId}`,
  currentClients,
  dispatchedWorkers,
  industryClients,
});
const even: AssignmentWeights = { clientLoad: 1, workerLoad: 1, industryFit: 1, riskBoost: 0 };

describe('client risk', () => {
  it('is 0 with no signal, and says there is no turnover record', () => {
    const risk = clientRisk(none);
    expect(risk.level).toBe(0);
    expect(risk.reasons).toEqual([
      'G-Staff の過去トラブル 0 件',
      'G-Staff に離職率の記録なし',
      '否決された申請 0 件',
      '期限超過の履歴 0 件',
    ]);
  });

  it('counts one past trouble as half the risk and two as all of it', () => {
    expect(clientRisk({ ...none, pastTroubles: 1 }).level).toBe(0.5);
    expect(clientRisk({ ...none, pastTroubles: 2 }).level).toBe(1);
    expect(clientRisk({ ...none, pastTroubles: 5 }).level).toBe(1);
  });

  it('reaches full risk at a 30 % turnover rate, rising linearly below it', () => {
    expect(clientRisk({ ...none, turnoverRate: 0 }).level).toBe(0);
    expect(clientRisk({ ...none, turnoverRate: 0.15 }).level).toBeCloseTo(0.5, 9);
    expect(clientRisk({ ...none, turnoverRate: 0.3 }).level).toBe(1);
    expect(clientRisk({ ...none, turnoverRate: 0.9 }).level).toBe(1);
    expect(clientRisk({ ...none, turnoverRate: 0.123 }).reasons[1]).toBe('離職率 12.3%（30% 以上で最大）');
  });

  it('makes one rejected application full risk', () => {
    expect(clientRisk({ ...none, rejectedApplications: 1 }).level).toBe(1);
    expect(clientRisk({ ...none, rejectedApplications: 3 }).reasons[2]).toBe('否決された申請 3 件');
  });

  it('counts one missed deadline as half the risk and two as all of it', () => {
    expect(clientRisk({ ...none, missedDeadlines: 1 }).level).toBe(0.5);
    expect(clientRisk({ ...none, missedDeadlines: 2 }).level).toBe(1);
    expect(clientRisk({ ...none, missedDeadlines: 4 }).reasons[3]).toBe('期限超過の履歴 4 件');
  });

  it('takes the strongest signal, not their sum', () => {
    expect(clientRisk({ ...none, pastTroubles: 1, missedDeadlines: 1, turnoverRate: 0.06 }).level).toBe(0.5);
    expect(clientRisk({ ...none, turnoverRate: 0.24, pastTroubles: 1 }).level).toBeCloseTo(0.8, 9);
  });

  it('never falls below 0, even on a nonsensical negative figure', () => {
    expect(clientRisk({ ...none, pastTroubles: -3 }).level).toBe(0);
  });
});

describe('ranking within the department', () => {
  it('has nobody to rank in an empty department', () => {
    expect(rankSalesReps([], clientRisk(none), even, '製造業')).toEqual([]);
  });

  it('scores client load linearly between the department’s least and most loaded rep', () => {
    const ranked = rankSalesReps(
      [rep('a', 0, 0), rep('b', 5, 0), rep('c', 10, 0)],
      clientRisk(none),
      even,
      undefined,
    );
    const clientLoad = (id: string) => ranked.find((r) => r.salesRepId === id)?.factors[0];
    expect(clientLoad('a')).toMatchObject({ value: 0, normalized: 1, weight: 1, points: 50 });
    expect(clientLoad('b')).toMatchObject({ value: 5, normalized: 0.5, points: 25 });
    expect(clientLoad('c')).toMatchObject({ value: 10, normalized: 0, points: 0 });
    // Equal worker load: every rep gets the full half of the score for it.
    expect(ranked.map((r) => r.factors[1]?.points)).toEqual([50, 50, 50]);
    expect(ranked.map((r) => [r.salesRepId, r.score])).toEqual([
      ['a', 100],
      ['b', 75],
      ['c', 50],
    ]);
  });

  it('scores worker load the same way, fewer being better', () => {
    const ranked = rankSalesReps([rep('many', 1, 30), rep('few', 1, 10)], clientRisk(none), even, undefined);
    expect(ranked.map((r) => r.salesRepId)).toEqual(['few', 'many']);
    expect(ranked[1]?.factors[1]).toMatchObject({ value: 30, normalized: 0, points: 0 });
    expect(ranked[1]?.factors[1]?.reason).toBe(
      '稼働中の派遣スタッフ 30 名（部内 10〜30 名、少ないほど高評価）',
    );
    expect(ranked[0]?.factors[0]?.reason).toBe('担当顧客 1 社（部内 1〜1 社、少ないほど高評価）');
  });

  it('scores industry fit against the most experienced rep, with no experience scoring 0', () => {
    const ranked = rankSalesReps(
      [rep('none', 0, 0, 0), rep('some', 0, 0, 2), rep('most', 0, 0, 4), rep('unknown', 0, 0, undefined)],
      clientRisk(none),
      even,
      '製造業',
    );
    const fitOf = (id: string) => ranked.find((r) => r.salesRepId === id)?.factors[2];
    expect(fitOf('most')).toMatchObject({ value: 4, normalized: 1, weight: 1 });
    expect(fitOf('some')).toMatchObject({ value: 2, normalized: 0.5 });
    expect(fitOf('none')).toMatchObject({ value: 0, normalized: 0, points: 0 });
    expect(fitOf('unknown')).toMatchObject({ value: 0, normalized: 0 });
    expect(fitOf('most')?.reason).toBe('「製造業」の顧客を現在・過去に 4 社担当（部内最多 4 社）');
    expect(fitOf('unknown')?.reason).toBe('「製造業」の顧客を現在・過去に 0 社担当（部内最多 4 社）');
    expect(ranked[0]?.salesRepId).toBe('most');
    expect(ranked[0]?.score).toBe(100);
    expect(ranked.find((r) => r.salesRepId === 'some')?.score).toBeCloseTo(83.3, 9);
  });

  it('says when nobody in the department has served the industry', () => {
    const ranked = rankSalesReps([rep('a', 1, 1, 0), rep('b', 2, 2, 0)], clientRisk(none), even, '建設業');
    expect(ranked[0]?.factors[2]).toMatchObject({ normalized: 0, points: 0 });
    expect(ranked[0]?.factors[2]?.reason).toBe('「建設業」の担当経験は部内に誰もなし');
    // Fit still counts in the total: the best rep gets the two load factors' share only.
    expect(ranked[0]?.score).toBeCloseTo(66.7, 9);
  });

  it('raises the weight of industry fit by the risk boost times the client’s risk', () => {
    const risky = clientRisk({ ...none, pastTroubles: 1 }); // 0.5
    const ranked = rankSalesReps(
      [rep('a', 0, 0, 2), rep('b', 1, 1, 1)],
      risky,
      { clientLoad: 1, workerLoad: 1, industryFit: 2, riskBoost: 2 },
      '製造業',
    );
    expect(ranked[0]?.factors[2]?.weight).toBe(4); // 2 × (1 + 2 × 0.5)
    expect(ranked[0]?.factors[2]?.reason).toBe(
      '「製造業」の顧客を現在・過去に 2 社担当（部内最多 2 社）。顧客リスク 50% により重みを加算',
    );
    // b: client 0, workers 0, fit 0.5 × 4 of 6 → 33.3
    expect(ranked[1]?.score).toBeCloseTo(33.3, 9);
  });

  it('does not mention risk when the client has none', () => {
    const ranked = rankSalesReps([rep('a', 0, 0, 2)], clientRisk(none), { ...even, riskBoost: 3 }, '製造業');
    expect(ranked[0]?.factors[2]?.reason).toBe('「製造業」の顧客を現在・過去に 2 社担当（部内最多 2 社）');
    expect(ranked[0]?.factors[2]?.weight).toBe(1);
  });

  it('still lists all three factors when the industry is unknown, industry fit unscored', () => {
    const ranked = rankSalesReps([rep('a', 0, 0)], clientRisk(none), even, undefined);
    expect(ranked[0]?.factors.map((f) => [f.factor, f.weight])).toEqual([
      ['CLIENT_LOAD', 1],
      ['WORKER_LOAD', 1],
      ['INDUSTRY_FIT', 0],
    ]);
  });

  it('ignores risk when the industry is unknown', () => {
    const risky = clientRisk({ ...none, rejectedApplications: 1 });
    const ranked = rankSalesReps(
      [rep('a', 0, 4), rep('b', 4, 0)],
      risky,
      { ...even, riskBoost: 5 },
      undefined,
    );
    expect(ranked.map((r) => r.score)).toEqual([50, 50]);
    expect(ranked.map((r) => r.factors[2]?.weight)).toEqual([0, 0]);
  });

  it('scores everyone 0, not NaN, when every weight is 0', () => {
    const ranked = rankSalesReps(
      [rep('a', 0, 0, 1), rep('b', 1, 1, 0)],
      clientRisk(none),
      { clientLoad: 0, workerLoad: 0, industryFit: 0, riskBoost: 1 },
      '製造業',
    );
    expect(ranked.map((r) => [r.salesRepId, r.score, r.tied])).toEqual([
      ['a', 0, true],
      ['b', 0, true],
    ]);
    expect(ranked.flatMap((r) => r.factors.map((f) => f.points))).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('carries the rep’s name and numbers the ranks from 1', () => {
    const ranked = rankSalesReps(
      [rep('b', 3, 3), rep('a', 1, 1), rep('c', 2, 2)],
      clientRisk(none),
      even,
      undefined,
    );
    expect(ranked.map((r) => [r.rank, r.salesRepId, r.name])).toEqual([
      [1, 'a', '名前-a'],
      [2, 'c', '名前-c'],
      [3, 'b', '名前-b'],
    ]);
    expect(ranked.every((r) => r.tied === false)).toBe(true);
  });

  it('rounds scores and points to one decimal and normalised values to three', () => {
    const ranked = rankSalesReps(
      [rep('a', 0, 0), rep('b', 1, 0), rep('c', 3, 0)],
      clientRisk(none),
      even,
      undefined,
    );
    const b = ranked.find((r) => r.salesRepId === 'b');
    expect(b?.factors[0]?.normalized).toBe(0.667);
    expect(b?.factors[0]?.points).toBe(33.3);
    expect(b?.score).toBe(83.3);
  });

  it('marks as tied only reps whose exact scores are equal', () => {
    // 1/3 and 1/3 + tiny differences round alike but are not ties.
    const ranked = rankSalesReps(
      [rep('a', 0, 3), rep('b', 3, 0), rep('c', 1, 2)],
      clientRisk(none),
      { ...even, workerLoad: 1.0000001 },
      undefined,
    );
    expect(ranked.find((r) => r.salesRepId === 'c')?.tied).toBe(false);
    expect(ranked.map((r) => r.salesRepId)).toEqual(['b', 'c', 'a']);
  });
});
