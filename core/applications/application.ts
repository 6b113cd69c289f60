/**
 * Workflow applications (ワークフロー申請 / 稟議書). This issue creates the draft credit
 * pre-check (06_1) a visit with a likely request starts (A6-1); the approval workflows that
 * submit and decide applications build on it (A4-*, policy.md "Credit / anti-social pre-check").
 */
export const APPLICATION_TYPES = ['CREDIT_PRECHECK', 'CONTRACT_EXECUTION'] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];

export const APPLICATION_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Statuses in which an application is still open (one open application per client and type). */
export const OPEN_APPLICATION_STATUSES: readonly ApplicationStatus[] = ['DRAFT', 'SUBMITTED'];

export interface Application {
  applicationId: string;
  type: ApplicationType;
  status: ApplicationStatus;
  clientId: string;
  department: string;
  /** The rep who applies (the client's rep). */
  applicantId: string;
  /** The visit that started it (A6-1). */
  visitId?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}
