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
