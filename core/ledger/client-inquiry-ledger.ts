/** Clients (顧客) and the inquiries that create or find them, with the web form's replay record (A1-1 … A1-5, A2-1). */
import type { Client, ClientStage } from '../clients/client.js';
import type { Inquiry, InquiryStatus } from '../inquiries/inquiry.js';
import type { Page } from '../ledger.js';

/** What the website form was answered the first time, replayed for a duplicate delivery. */
export interface WebSubmission {
  submissionId: string;
  inquiryId: string;
  /** The body is kept as the JSON text that was sent, so a replay is byte-for-byte the same. */
  response: { status: number; body: string };
  receivedAt: string;
  version: number;
}

export interface InquiryQuery {
  department?: string;
  status?: InquiryStatus;
  /** Only inquiries whose first contact is still open and was due before this instant. */
  overdueAt?: Date;
  first: number;
  after?: string;
}

/** Clients newest first, by one keyed partition: a rep's, a department's, or all; stage filters within it. */
export interface ClientQuery {
  salesRepId?: string;
  department?: string;
  stage?: ClientStage;
  first: number;
  after?: string;
}

export interface ClientInquiryLedger {
  getClient(clientId: string): Promise<Client | undefined>;
  getClients(clientIds: readonly string[]): Promise<Client[]>;
  findClientsByNormalizedName(normalizedName: string): Promise<Client[]>;
  /** Clients whose G-Staff registration has not been checked yet, oldest first. */
  listClientsWithoutGStaffCheck(limit: number): Promise<Client[]>;
  listClients(query: ClientQuery): Promise<Page<Client>>;
  getInquiry(inquiryId: string): Promise<Inquiry | undefined>;
  listInquiries(query: InquiryQuery): Promise<Page<Inquiry>>;
  listInquiriesOfClient(clientId: string): Promise<Inquiry[]>;
  getWebSubmission(submissionId: string): Promise<WebSubmission | undefined>;
}
