/**
 * Shared intake of a new inquiry: link it to a client or create a prospect, and prepare the
 * writes and audit events. Requirements: A1-1, A1-3, X-1.
 */
import { type AuditActor, type AuditEvent, auditChange } from '../audit.js';
import { type Client, clientTrail } from '../clients/client.js';
import {
  companyEmailDomain,
  matchClient,
  normalizeCompanyName,
  normalizePhone,
} from '../clients/client-matching.js';
import type { HubDepsWith } from '../hub.js';
import type { ClientInquiryLedger, LedgerWrite } from '../ledger.js';
import type { Inquiry } from './inquiry.js';

export type InquiryDraft = Omit<
  Inquiry,
  'inquiryId' | 'clientId' | 'clientMatch' | 'version' | 'createdAt' | 'updatedAt'
> & { corporateNumber?: string };

export interface PreparedIntake {
  inquiry: Inquiry;
  client: Client;
  writes: LedgerWrite[];
  audit: AuditEvent[];
}

export async function prepareIntake(
  deps: HubDepsWith<ClientInquiryLedger>,
  draft: InquiryDraft,
  actor: AuditActor,
  operation: string,
): Promise<PreparedIntake> {
  const now = deps.clock.now().toISOString();
  const { corporateNumber, ...inquiryFields } = draft;
  const keys = {
    normalizedName: normalizeCompanyName(draft.company),
    phone: draft.phone ? normalizePhone(draft.phone) : undefined,
    emailDomain: companyEmailDomain(draft.email),
    corporateNumber,
  };
  const match = matchClient(keys, await deps.ledger.findClientsByNormalizedName(keys.normalizedName));

  const writes: LedgerWrite[] = [];
  const audit: AuditEvent[] = [];
  let client: Client;
  if (match.kind === 'EXISTING_CLIENT') {
    client = match.client;
  } else {
    client = {
      clientId: deps.ids.next('cli'),
      name: draft.company,
      normalizedName: keys.normalizedName,
      ...(corporateNumber ? { corporateNumber } : {}),
      phones: keys.phone ? [keys.phone] : [],
      emailDomains: keys.emailDomain ? [keys.emailDomain] : [],
      stage: 'PROSPECT',
      ...(draft.department ? { department: draft.department } : {}),
      possibleDuplicateOf: match.kind === 'POSSIBLE_DUPLICATE' ? match.candidates.map((c) => c.clientId) : [],
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    writes.push({ entity: { type: 'CLIENT', value: client } });
    audit.push(
      auditChange(deps.ids, {
        trail: clientTrail(client.clientId),
        at: now,
        actor,
        operation,
        subjectType: 'CLIENT',
        subjectId: client.clientId,
        before: undefined,
        after: client,
      }),
    );
  }

  const inquiry: Inquiry = {
    ...inquiryFields,
    inquiryId: deps.ids.next('inq'),
    clientId: client.clientId,
    clientMatch: match.kind,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  writes.push({ entity: { type: 'INQUIRY', value: inquiry } });
  audit.push(
    auditChange(deps.ids, {
      trail: clientTrail(client.clientId),
      at: now,
      actor,
      operation,
      subjectType: 'INQUIRY',
      subjectId: inquiry.inquiryId,
      before: undefined,
      after: inquiry,
    }),
  );
  return { inquiry, client, writes, audit };
}
