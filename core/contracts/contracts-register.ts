/**
 * The contracts register (契約書管理, A6-5): every basic contract (06_2) and individual contract
 * of the clients the person may see, each with its status, signed date, retention deadline and
 * where the signed PDF is kept (G-Staff's storage, and the hub's copy in the document store).
 * A basic contract stays OPEN while an individual contract under it runs or is on its way to
 * signature (or none has ended); afterwards it is kept 3 years from the last end, and the
 * `contracts.retention` job writes that deadline to G-Staff (basic-contract-retention.ts). Contracts past their deadline are listed for
 * a disposal review (`retentionDue`); the hub deletes nothing by itself. A stored document is
 * downloaded through a short-lived URL by the roles allowed, each download in the audit trail.
 * Requirements: A6-5, A4-4 (the non-standard text legal reviews), X-1, X-5.
 */
import * as z from 'zod';
import { type Actor, assertMay, seesAllDepartments } from '../access.js';
import type { Application } from '../applications/application.js';
import { auditChange, userActor } from '../audit.js';
import { type JstDate, jstDateOf } from '../business-days.js';
import { type Client, clientTrail } from '../clients/client.js';
import { getClient } from '../clients/client-queries.js';
import { type DocumentStore, documentKey } from '../documents/document-store.js';
import { NotFoundError, PreconditionFailedError } from '../errors.js';
import type { HubDeps, HubDepsWith } from '../hub.js';
import type { IndividualContract } from '../individual-contracts/individual-contract.js';
import type { ApplicationLedger, ClientInquiryLedger, IndividualContractLedger } from '../ledger.js';
import { parseInput } from '../validation.js';
import { basicContractRetention } from './retention.js';

export const CONTRACT_KINDS = ['BASIC', 'INDIVIDUAL'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

/** DRAFT: not sent yet; IN_PROGRESS: its workflow runs; SIGNED: executed and running; ENDED: its period is over. */
export const CONTRACT_STATUSES = ['DRAFT', 'IN_PROGRESS', 'SIGNED', 'ENDED', 'REJECTED', 'FAILED'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export interface ContractEntry {
  /** The basic contract's application id; the individual contract's id. */
  contractId: string;
  kind: ContractKind;
  clientId: string;
  clientName: string;
  status: ContractStatus;
  /** The application that executed (or executes) it. */
  applicationId?: string;
  /** Individual contracts: 派遣期間. */
  period?: { startDate: JstDate; endDate: JstDate };
  /** Individual contracts: the contract whose next period this is. */
  renewalOf?: string;
  signedAt?: string;
  /** 保管期限: a date, or OPEN (never disposable yet). */
  retentionUntil?: JstDate | 'OPEN';
  /** Past its retention deadline: listed for a disposal review (nothing is deleted by itself). */
  retentionDue: boolean;
  /** Where the signed PDF is kept: G-Staff's storage and the hub's copy. */
  gstaffContractId?: string;
  signedDocumentKey?: string;
  /** A non-standard basic contract: the client's own text legal reviewed. */
  reviewedDocumentKey?: string;
}

export const contractsFilter = z
  .object({
    clientId: z.string().min(1).max(200).optional(),
    kind: z.enum(CONTRACT_KINDS).optional(),
    status: z.enum(CONTRACT_STATUSES).optional(),
    /** true: only contracts past their retention deadline (the disposal review). */
    retentionDue: z.boolean().optional(),
  })
  .strict();
export type ContractsFilter = z.infer<typeof contractsFilter>;

/** At most this many clients are read for one register without a client filter; the answer says when there were more. */
export const MAX_REGISTER_CLIENTS = 500;
const PAGE = 100;

const signedPdfKey = (envelopeName: string) => documentKey('signed', `${envelopeName}.pdf`);

const statusOf = (application: Application | undefined, endDate: JstDate | undefined, today: JstDate) => {
  if (!application) return 'DRAFT' as const;
  if (application.status === 'SUBMITTED' || application.status === 'DRAFT') return 'IN_PROGRESS' as const;
  if (application.status === 'APPROVED')
    return endDate && endDate < today ? ('ENDED' as const) : ('SIGNED' as const);
  if (application.status === 'REJECTED') return 'REJECTED' as const;
  return 'FAILED' as const;
};

const dueBy = (retentionUntil: JstDate | 'OPEN' | undefined, today: JstDate) =>
  retentionUntil !== undefined && retentionUntil !== 'OPEN' && retentionUntil < today;

/** One client's contracts: its basic contract(s) and its individual contracts, newest first. */
export async function contractsOfClient(
  deps: HubDeps,
  client: Client,
  today: JstDate,
): Promise<ContractEntry[]> {
  const [applications, individual] = await Promise.all([
    deps.ledger.listApplicationsOfClient(client.clientId),
    deps.ledger.listIndividualContractsOfClient(client.clientId),
  ]);
  // The latest application of each individual contract (newest first: the first found).
  const sendingOf = new Map<string, Application>();
  for (const a of applications) {
    const id = a.type === 'INDIVIDUAL_CONTRACT' ? a.individualContract?.individualContractId : undefined;
    if (id && !sendingOf.has(id)) sendingOf.set(id, a);
  }
  const individualEntries = individual.map((contract: IndividualContract): ContractEntry => {
    const application = sendingOf.get(contract.individualContractId);
    const signing = application?.individualContract;
    const status = statusOf(application, contract.period.endDate, today);
    return {
      contractId: contract.individualContractId,
      kind: 'INDIVIDUAL',
      clientId: client.clientId,
      clientName: client.name,
      status,
      ...(application ? { applicationId: application.applicationId } : {}),
      period: contract.period,
      ...(signing?.renewalOf ? { renewalOf: signing.renewalOf } : {}),
      ...(signing?.signedAt ? { signedAt: signing.signedAt } : {}),
      ...(signing?.retentionUntil ? { retentionUntil: signing.retentionUntil } : {}),
      retentionDue: dueBy(signing?.retentionUntil, today),
      ...(signing?.gstaffContractId
        ? {
            gstaffContractId: signing.gstaffContractId,
            signedDocumentKey: signedPdfKey(signing.envelopeName),
          }
        : {}),
    };
  });
  // The basic contract is open while an individual contract under it runs, is on its way to
  // signature, or none has ended (policy.md).
  const signedEnds = individualEntries
    .filter((e) => e.status === 'SIGNED' || e.status === 'ENDED')
    .map((e) => e.period?.endDate as JstDate);
  const pending = individualEntries.some((e) => e.status === 'IN_PROGRESS');
  const basicEntries = applications
    .filter((a) => a.type === 'CONTRACT_EXECUTION' && a.status !== 'DRAFT')
    .map(async (a): Promise<ContractEntry> => {
      const contract = a.contractExecution;
      const status = statusOf(a, undefined, today);
      const envelope = contract ? await deps.ledger.getSignatureEnvelope(contract.envelopeName) : undefined;
      const retentionUntil =
        status === 'SIGNED' ? basicContractRetention(signedEnds, today, pending) : undefined;
      return {
        contractId: a.applicationId,
        kind: 'BASIC',
        clientId: client.clientId,
        clientName: client.name,
        status,
        applicationId: a.applicationId,
        ...(status === 'SIGNED' && envelope?.completedAt ? { signedAt: envelope.completedAt } : {}),
        ...(retentionUntil ? { retentionUntil } : {}),
        retentionDue: dueBy(retentionUntil, today),
        ...(contract?.gstaffContractId ? { gstaffContractId: contract.gstaffContractId } : {}),
        ...(envelope?.signedPdf && contract
          ? { signedDocumentKey: signedPdfKey(contract.envelopeName) }
          : {}),
        ...(contract?.documentKey ? { reviewedDocumentKey: contract.documentKey } : {}),
      };
    });
  return [...(await Promise.all(basicEntries)), ...individualEntries];
}

/** The clients whose contracts the person may list: one, or every client of their scope (bounded). */
async function clientsInScope(
  deps: HubDepsWith<ClientInquiryLedger>,
  actor: Actor,
  clientId: string | undefined,
) {
  if (clientId) return { clients: [await getClient(deps, actor, clientId)], more: false };
  const department = seesAllDepartments(actor) ? undefined : actor.department;
  if (!seesAllDepartments(actor) && !department) return { clients: [], more: false };
  const clients: Client[] = [];
  // Only a trading client has an executed basic contract, hence contracts to keep.
  let after: string | undefined;
  for (;;) {
    const page = await deps.ledger.listClients({
      ...(department ? { department } : {}),
      stage: 'TRADING',
      first: PAGE,
      ...(after ? { after } : {}),
    });
    clients.push(...page.items);
    if (clients.length >= MAX_REGISTER_CLIENTS)
      return { clients: clients.slice(0, MAX_REGISTER_CLIENTS), more: true };
    if (!page.hasNextPage || !page.endCursor) return { clients, more: false };
    after = page.endCursor;
  }
}

/** The register, filtered; `truncated` when more clients were in scope than one answer reads. */
export async function listContracts(
  deps: HubDeps,
  actor: Actor,
  input: unknown,
): Promise<{ contracts: ContractEntry[]; truncated: boolean }> {
  assertMay(actor, 'contract.read');
  const filter = parseInput(contractsFilter, input ?? {}, 'filter');
  const today = jstDateOf(deps.clock.now());
  const { clients, more } = await clientsInScope(deps, actor, filter.clientId);
  const contracts = (await Promise.all(clients.map((c) => contractsOfClient(deps, c, today))))
    .flat()
    .filter(
      (e) =>
        (!filter.kind || e.kind === filter.kind) &&
        (!filter.status || e.status === filter.status) &&
        (filter.retentionDue === undefined || e.retentionDue === filter.retentionDue),
    );
  return { contracts, truncated: more };
}

const downloadInput = z
  .object({
    contractId: z.string().min(1).max(200),
    /** SIGNED_PDF: the executed contract; REVIEWED_TEXT: a non-standard basic contract's own text. */
    document: z.enum(['SIGNED_PDF', 'REVIEWED_TEXT']),
  })
  .strict();

/** A download link lives this long. */
export const DOWNLOAD_SECONDS = 300;

/**
 * A short-lived download URL for a contract's stored document, for the roles allowed
 * (`contract.download`) within their clients; every download is written to the client's audit trail.
 */
export async function requestContractDownload(
  deps: HubDeps & { documents: DocumentStore },
  actor: Actor,
  input: unknown,
): Promise<{ url: string; fileName: string; expiresAt: string }> {
  assertMay(actor, 'contract.download');
  const cmd = parseInput(downloadInput, input);
  const clientId = await clientOfContract(deps, cmd.contractId);
  const client = await getClient(deps, actor, clientId);
  const today = jstDateOf(deps.clock.now());
  const entry = (await contractsOfClient(deps, client, today)).find((e) => e.contractId === cmd.contractId);
  if (!entry) throw new NotFoundError('Contract', cmd.contractId);
  const key = cmd.document === 'SIGNED_PDF' ? entry.signedDocumentKey : entry.reviewedDocumentKey;
  if (!key || !(await deps.documents.inspect(key, 0))) {
    throw new PreconditionFailedError(
      'DOCUMENT_NOT_STORED',
      cmd.document === 'SIGNED_PDF'
        ? 'this contract has no signed PDF in the hub yet'
        : 'this contract has no non-standard text (only a non-standard basic contract has one)',
    );
  }
  const fileName = `${entry.kind === 'BASIC' ? '基本契約書' : '個別契約書'}_${client.name}_${entry.contractId}${
    cmd.document === 'REVIEWED_TEXT' ? '_定形外' : ''
  }.pdf`;
  const now = deps.clock.now();
  const url = await deps.documents.presignDownload(key, fileName, DOWNLOAD_SECONDS);
  const at = now.toISOString();
  await deps.ledger.commit(
    [],
    [
      auditChange(deps.ids, {
        trail: clientTrail(client.clientId),
        at,
        actor: userActor(actor),
        operation: 'contract.download',
        subjectType: 'Contract',
        subjectId: entry.contractId,
        before: undefined,
        after: { document: cmd.document, fileName, expiresInSeconds: DOWNLOAD_SECONDS },
      }),
    ],
  );
  return { url, fileName, expiresAt: new Date(now.getTime() + DOWNLOAD_SECONDS * 1000).toISOString() };
}

/** The client a contract id belongs to: an application (basic) or an individual contract. */
async function clientOfContract(
  deps: HubDepsWith<ApplicationLedger & IndividualContractLedger>,
  contractId: string,
): Promise<string> {
  const application = await deps.ledger.getApplication(contractId);
  if (application?.type === 'CONTRACT_EXECUTION') return application.clientId;
  const individual = await deps.ledger.getIndividualContract(contractId);
  if (individual) return individual.clientId;
  throw new NotFoundError('Contract', contractId);
}
