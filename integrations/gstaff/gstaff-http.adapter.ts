/**
 * HttpGStaff: the core `GStaff` port over the hub's assumed G-Staff REST contract
 * (docs/integrations/gstaff.md), through the shared resilient HTTP client. Registration sends
 * the hub's client id as `Idempotency-Key`, so a retried registration registers once.
 */
import { createHash } from 'node:crypto';
import { IntegrationError } from '../../core/errors.js';
import type {
  ContractDocument,
  ContractToStore,
  CreditDecision,
  GStaff,
  GStaffClientRecord,
  GStaffClientRegistration,
  IndividualContractShare,
  RegisteredWorker,
  RetentionUpdate,
} from '../../core/gstaff/gstaff.js';
import { ResilientHttpClient } from '../shared/http-client.js';
import type { RetryPolicy } from '../shared/resilience.js';
import {
  fromApiClient,
  fromApiWorker,
  GSTAFF_PATHS,
  type GStaffApiClient,
  type GStaffApiContractDocument,
  type GStaffApiWorker,
  toApiContract,
  toApiCreditDecision,
  toApiRetention,
  toApiShare,
} from './gstaff-mapping.js';

export interface GStaffConnection {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  retry: RetryPolicy;
  pageSize?: number;
}

type PageOf<T> = { items: T[]; nextCursor: string | null };

export class HttpGStaff implements GStaff {
  private readonly http: ResilientHttpClient;
  private readonly pageSize: number;

  constructor(connection: GStaffConnection) {
    this.http = new ResilientHttpClient({
      system: 'gstaff',
      baseUrl: connection.baseUrl,
      timeoutMs: connection.timeoutMs,
      retry: connection.retry,
      headers: { authorization: `Bearer ${connection.apiKey}` },
    });
    this.pageSize = connection.pageSize ?? 100;
  }

  private async *pages<A, T>(
    operation: string,
    path: string,
    map: (a: A) => T,
    params: Record<string, string> = {},
  ) {
    let cursor: string | null = null;
    do {
      const page: PageOf<A> = await this.http.request<PageOf<A>>(operation, {
        method: 'GET',
        url: path,
        params: { ...params, limit: this.pageSize, ...(cursor ? { cursor } : {}) },
      });
      yield page.items.map(map);
      cursor = page.nextCursor;
    } while (cursor);
  }

  clientRegister(since?: Date): AsyncIterable<GStaffClientRecord[]> {
    return this.pages<GStaffApiClient, GStaffClientRecord>(
      'clientRegister',
      GSTAFF_PATHS.clients,
      fromApiClient,
      since ? { updatedSince: since.toISOString() } : {},
    );
  }

  workerRegister(): AsyncIterable<RegisteredWorker[]> {
    return this.pages<GStaffApiWorker, RegisteredWorker>(
      'workerRegister',
      GSTAFF_PATHS.workers,
      fromApiWorker,
    );
  }

  async registerClient(registration: GStaffClientRegistration): Promise<{ gstaffClientId: string }> {
    return this.http.request<{ gstaffClientId: string }>('registerClient', {
      method: 'POST',
      url: GSTAFF_PATHS.clients,
      headers: { 'idempotency-key': registration.hubClientId },
      data: registration,
    });
  }

  async storeContract(contract: ContractToStore): Promise<{ gstaffContractId: string }> {
    return this.http.request<{ gstaffContractId: string }>('storeContract', {
      method: 'POST',
      url: GSTAFF_PATHS.contracts,
      headers: { 'idempotency-key': contract.hubContractId },
      data: toApiContract(contract),
    });
  }

  async recordCreditDecision(decision: CreditDecision): Promise<{ gstaffDecisionId: string }> {
    return this.http.request<{ gstaffDecisionId: string }>('recordCreditDecision', {
      method: 'POST',
      url: GSTAFF_PATHS.creditDecisions,
      headers: { 'idempotency-key': decision.hubApplicationId },
      data: toApiCreditDecision(decision),
    });
  }

  async shareIndividualContract(share: IndividualContractShare): Promise<{ gstaffShareId: string }> {
    return this.http.request<{ gstaffShareId: string }>('shareIndividualContract', {
      method: 'POST',
      url: GSTAFF_PATHS.individualContractShares,
      headers: { 'idempotency-key': share.hubIndividualContractId },
      data: toApiShare(share),
    });
  }

  async individualContractDocument(gstaffShareId: string): Promise<ContractDocument> {
    const answer = await this.http.request<GStaffApiContractDocument>('individualContractDocument', {
      method: 'GET',
      url: `${GSTAFF_PATHS.individualContractShares}/${encodeURIComponent(gstaffShareId)}/document`,
    });
    const pdf = Buffer.from(answer.fileBase64 ?? '', 'base64');
    if (pdf.length === 0 || createHash('sha256').update(pdf).digest('hex') !== answer.sha256) {
      throw new IntegrationError({
        system: 'gstaff',
        operation: 'individualContractDocument',
        retryable: true,
        message: 'the document does not match its sha256',
      });
    }
    return { fileName: answer.fileName, pdf, sha256: answer.sha256 };
  }

  async updateContractRetention(update: RetentionUpdate): Promise<void> {
    await this.http.request<unknown>('updateContractRetention', {
      method: 'PUT',
      url: `${GSTAFF_PATHS.contracts}/${encodeURIComponent(update.gstaffContractId)}/retention`,
      headers: { 'idempotency-key': update.idempotencyKey },
      data: toApiRetention(update.retentionUntil),
    });
  }
}
