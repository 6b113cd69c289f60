/**
 * Batch reads of the client ledger: what a page of the API shows about each of its rows, read
 * for all rows at once, so a page of 50 costs the same number of ledger calls as a page of 5
 * (docs/benchmarks.md, "No N+1"). Each method answers exactly what the single-row read of the
 * ClientLedger port answers, row by row; nothing here checks roles — the use cases that call the
 * single reads still do, per row. Requirements.
 */
import type { Application } from './applications/application.js';
import type { ApprovalTask } from './applications/approval-task.js';
import type { SalesRepAssignment } from './assignment/sales-rep-assignment.js';
import type { AuditEvent } from './audit.js';
import type { Establishment } from './establishments/establishment.js';
import type { GStaffMirrorRecord } from './gstaff/gstaff-mirror.js';
import type { WorkerAssignmentMirror } from './gstaff/worker-register-mirror.js';
import type { HearingSheet } from './hearing-sheets/hearing-sheet.js';
import type { IndividualContract } from './individual-contracts/individual-contract.js';
import type { TreatmentInformation } from './individual-contracts/treatment-information.js';
import type { Inquiry } from './inquiries/inquiry.js';
import type { KintoneOutboxEntry } from './kintone/kintone-outbox.js';
import type { Page } from './ledger.js';
import type { SyncConflict, SyncedKintoneRecord } from './sync/sync-model.js';
import type { Visit } from './visits/visit.js';

/**
 * The lists kept under one owner (a client, an application, a worker), by the name of the
 * single-owner read they batch; each in that read's order.
 */
export interface OwnedLists {
  listInquiriesOfClient: Inquiry;
  listVisitsOfClient: Visit;
  listSalesRepAssignmentsOfClient: SalesRepAssignment;
  listApplicationsOfClient: Application;
  listHearingSheetsOfClient: HearingSheet;
  listEstablishmentsOfClient: Establishment;
  listIndividualContractsOfClient: IndividualContract;
  listKintoneOutboxEntriesOfClient: KintoneOutboxEntry;
  listSyncedKintoneRecordsOfClient: SyncedKintoneRecord;
  listApprovalTasksOfApplication: ApprovalTask;
  listWorkerAssignmentsOfWorker: WorkerAssignmentMirror;
}
export type OwnedListName = keyof OwnedLists;

export const OWNED_LIST_NAMES = [
  'listInquiriesOfClient',
  'listVisitsOfClient',
  'listSalesRepAssignmentsOfClient',
  'listApplicationsOfClient',
  'listHearingSheetsOfClient',
  'listEstablishmentsOfClient',
  'listIndividualContractsOfClient',
  'listKintoneOutboxEntriesOfClient',
  'listSyncedKintoneRecordsOfClient',
  'listApprovalTasksOfApplication',
  'listWorkerAssignmentsOfWorker',
] as const satisfies readonly OwnedListName[];

/** The first page of an audit trail, as `listAuditTrail(trail, first)` returns it. */
export interface AuditTrailRequest {
  trail: string;
  first: number;
}

export interface LedgerBatchReads {
  /** For each owner id, what `ledger[list](ownerId)` returns; every id given is a key (maybe of []). */
  listOwnedBatch<K extends OwnedListName>(
    list: K,
    ownerIds: readonly string[],
  ): Promise<Map<string, OwnedLists[K][]>>;
  /** For each normalised name, what `findGStaffMirrorRecordsByName` returns. */
  findGStaffMirrorRecordsByNames(
    normalizedNames: readonly string[],
  ): Promise<Map<string, GStaffMirrorRecord[]>>;
  /** For each trail, what `listAuditTrail(trail, first)` returns (the first page, no `after`). */
  listAuditTrails(requests: readonly AuditTrailRequest[]): Promise<Map<string, Page<AuditEvent>>>;
  /** Those found, in no particular order (as `getClients`). */
  getApplications(applicationIds: readonly string[]): Promise<Application[]>;
  getEstablishments(establishmentIds: readonly string[]): Promise<Establishment[]>;
  getHearingSheets(hearingSheetIds: readonly string[]): Promise<HearingSheet[]>;
  getSyncConflicts(conflictIds: readonly string[]): Promise<SyncConflict[]>;
  getIndividualContracts(individualContractIds: readonly string[]): Promise<IndividualContract[]>;
  getTreatmentInformations(orderIds: readonly string[]): Promise<TreatmentInformation[]>;
}

/** The key under which `listAuditTrails` answers a request. */
export const auditTrailRequestKey = (r: AuditTrailRequest) => `${r.first}#${r.trail}`;
