/**
 * Rep assignment's ranking (A2-2, docs/policy.md "Rep assignment"): a pure function of facts
 * derived from data, so the same inputs always give the same ranking. Each factor is
 * normalised within the department; the client's risk raises the weight of industry fit.
 */
import type { AssignmentWeights } from '../policy-config.js';

/** What the ledger, the worker register and the G-Staff mirror say about one rep. */
export interface RepFacts {
  salesRepId: string;
  name: string;
  /** Clients currently assigned to the rep (the client being assigned not counted). */
  currentClients: number;
  /** Dispatched workers currently working under the rep (worker register). */
  dispatchedWorkers: number;
  /** Current and past clients of the rep in the client's industry; undefined when the client's industry is unknown. */
  industryClients: number | undefined;
}

/** The client's past evaluation and risk, each signal with the count it came from. */
export interface ClientRiskFacts {
  pastTroubles: number;
  /** Highest turnover rate of its G-Staff registrations, 0–1. */
  turnoverRate: number | undefined;
  rejectedApplications: number;
  /** Deadlines on the client's items that were missed (first contacts, visit records). */
  missedDeadlines: number;
  industryLabel: string | undefined;
}

export const ASSIGNMENT_FACTORS = ['CLIENT_LOAD', 'WORKER_LOAD', 'INDUSTRY_FIT'] as const;
export type AssignmentFactor = (typeof ASSIGNMENT_FACTORS)[number];

export interface FactorScore {
  factor: AssignmentFactor;
  /** The raw figure the factor is computed from (a count). */
  value: number | null;
  /** 0–1 within the department (1 = best). */
  normalized: number;
  /** The weight applied, after the risk adjustment. */
  weight: number;
  /** Contribution to the score, in points out of 100. */
  points: number;
  reason: string;
}

export interface RankedRep {
  salesRepId: string;
  name: string;
  rank: number;
  /** 0–100. */
  score: number;
  /** Another rep has exactly the same score; the order between them is by user id. */
  tied: boolean;
  factors: FactorScore[];
}

export interface ClientRisk {
  /** 0–1: the strongest of its signals. */
  level: number;
  reasons: string[];
}

const TURNOVER_AT_FULL_RISK = 0.3;
const round1 = (n: number) => Math.round(n * 10) / 10;
const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

export function clientRisk(facts: ClientRiskFacts): ClientRisk {
  const signals: [number, string][] = [
    [clamp01(facts.pastTroubles / 2), `G-Staff の過去トラブル ${facts.pastTroubles} 件`],
    [
      facts.turnoverRate === undefined ? 0 : clamp01(facts.turnoverRate / TURNOVER_AT_FULL_RISK),
      facts.turnoverRate === undefined
        ? 'G-Staff に離職率の記録なし'
        : `離職率 ${round1(facts.turnoverRate * 100)}%（${TURNOVER_AT_FULL_RISK * 100}% 以上で最大）`,
    ],
    [clamp01(facts.rejectedApplications), `否決された申請 ${facts.rejectedApplications} 件`],
    [clamp01(facts.missedDeadlines / 2), `期限超過の履歴 ${facts.missedDeadlines} 件`],
  ];
  return { level: Math.max(...signals.map(([v]) => v)), reasons: signals.map(([, r]) => r) };
}

/** Fewer is better: the smallest count scores 1, the largest 0; all equal scores 1. */
function lowerIsBetter(value: number, all: number[]): number {
  const min = Math.min(...all);
  const max = Math.max(...all);
  return max === min ? 1 : (max - value) / (max - min);
}

export function rankSalesReps(
  reps: RepFacts[],
  risk: ClientRisk,
  weights: AssignmentWeights,
  industryLabel: string | undefined,
): RankedRep[] {
  if (reps.length === 0) return [];
  const clientCounts = reps.map((r) => r.currentClients);
  const workerCounts = reps.map((r) => r.dispatchedWorkers);
  const industryKnown = industryLabel !== undefined;
  const maxIndustry = Math.max(0, ...reps.map((r) => r.industryClients ?? 0));
  const industryWeight = industryKnown ? weights.industryFit * (1 + weights.riskBoost * risk.level) : 0;
  const totalWeight = weights.clientLoad + weights.workerLoad + industryWeight;
  const range = (all: number[]) => `部内 ${Math.min(...all)}〜${Math.max(...all)}`;

  const scored = reps.map((rep) => {
    const parts: Omit<FactorScore, 'points'>[] = [
      {
        factor: 'CLIENT_LOAD',
        value: rep.currentClients,
        normalized: lowerIsBetter(rep.currentClients, clientCounts),
        weight: weights.clientLoad,
        reason: `担当顧客 ${rep.currentClients} 社（${range(clientCounts)} 社、少ないほど高評価）`,
      },
      {
        factor: 'WORKER_LOAD',
        value: rep.dispatchedWorkers,
        normalized: lowerIsBetter(rep.dispatchedWorkers, workerCounts),
        weight: weights.workerLoad,
        reason: `稼働中の派遣スタッフ ${rep.dispatchedWorkers} 名（${range(workerCounts)} 名、少ないほど高評価）`,
      },
      industryKnown
        ? {
            factor: 'INDUSTRY_FIT',
            value: rep.industryClients ?? 0,
            normalized: maxIndustry === 0 ? 0 : (rep.industryClients ?? 0) / maxIndustry,
            weight: industryWeight,
            reason:
              maxIndustry === 0
                ? `「${industryLabel}」の担当経験は部内に誰もなし`
                : `「${industryLabel}」の顧客を現在・過去に ${rep.industryClients ?? 0} 社担当（部内最多 ${maxIndustry} 社）` +
                  (risk.level > 0 ? `。顧客リスク ${round1(risk.level * 100)}% により重みを加算` : ''),
          }
        : {
            factor: 'INDUSTRY_FIT',
            value: null,
            normalized: 0,
            weight: 0,
            reason: '顧客の業種が未登録のため、業種適合は評価していません',
          },
    ];
    const factors = parts.map((p) => ({
      ...p,
      points: totalWeight === 0 ? 0 : (100 * p.weight * p.normalized) / totalWeight,
    }));
    const exact = factors.reduce((sum, f) => sum + f.points, 0);
    return { rep, exact, factors };
  });

  // Deterministic: by score, then by user id; equal scores are marked as ties.
  scored.sort((a, b) => b.exact - a.exact || a.rep.salesRepId.localeCompare(b.rep.salesRepId));
  const same = (x: number, y: number) => Math.abs(x - y) < 1e-9;
  return scored.map((s, i) => ({
    salesRepId: s.rep.salesRepId,
    name: s.rep.name,
    rank: i + 1,
    score: round1(s.exact),
    tied: scored.some((o, j) => j !== i && same(o.exact, s.exact)),
    factors: s.factors.map((f) => ({
      ...f,
      normalized: Math.round(f.normalized * 1000) / 1000,
      points: round1(f.points),
    })),
  }));
}
