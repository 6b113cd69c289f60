/** The visit record form (A3-1 … A3-6) and the RecordVisitInput it sends. */
import { fromJstInput } from './time.js';

export const TOPICS = [
  'EMPLOYMENT_RELATIONSHIP',
  'COMMAND_AUTHORITY',
  'CONTRACT_COMPLIANCE',
  'RECEIVING_STAFF',
] as const;
export type Topic = (typeof TOPICS)[number];

export type ProhibitedCategory =
  | 'PORT_TRANSPORT'
  | 'CONSTRUCTION'
  | 'SECURITY_GUARD'
  | 'MEDICAL'
  | 'LICENSED_PROFESSION';

export interface VisitRecordForm {
  startedAt: string;
  endedAt: string;
  company: boolean;
  registrants: boolean;
  trackRecord: boolean;
  recruitmentBackground: string;
  hrIssues: string;
  notes: string;
  topics: Topic[];
  how: 'WRITTEN' | 'ON_SCREEN';
  acknowledgedByRole: string;
  workJudgment: 'PERMITTED' | 'PROHIBITED';
  prohibitedCategory: ProhibitedCategory | null;
  workReason: string;
  requestLikely: boolean;
}

/** The input as the API takes it; times are JST wall clock on the form, instants on the wire. The explanation was acknowledged when the visit ended. */
export function visitRecordInput(visitId: string, expectedVersion: number, f: VisitRecordForm) {
  const endedAt = fromJstInput(f.endedAt) ?? f.endedAt;
  return {
    visitId,
    expectedVersion,
    startedAt: fromJstInput(f.startedAt) ?? f.startedAt,
    endedAt,
    explained: { company: f.company, registrants: f.registrants, trackRecord: f.trackRecord },
    recruitmentBackground: f.recruitmentBackground,
    hrIssues: f.hrIssues,
    ...(f.notes.trim() ? { notes: f.notes.trim() } : {}),
    dispatchExplanation: {
      topics: f.topics,
      how: f.how,
      acknowledgedAt: endedAt,
      acknowledgedByRole: f.acknowledgedByRole,
    },
    workJudgment: {
      result: f.workJudgment,
      ...(f.workJudgment === 'PROHIBITED' && f.prohibitedCategory
        ? { prohibitedCategory: f.prohibitedCategory }
        : {}),
      ...(f.workReason.trim() ? { reason: f.workReason.trim() } : {}),
    },
    requestLikely: f.requestLikely,
  };
}
