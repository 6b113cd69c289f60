/**
 * Drafting an individual contract and collecting its terms (A5-4): sales of the client's
 * department open a DRAFT for an order at one establishment's organisational unit for a dispatch
 * period; `requestIndividualContractTerms` e-mails the client's contact the items still needed
 * (through the mail outbox, in the same transaction) and starts the 2-day calendar deadline;
 * `saveIndividualContractTerms` stores items in parts, and the save that completes them meets the
 * deadline (late stays late). Requirements: A5-4, A5-3, X-1, X-2, X-4.
 */
import * as z from 'zod';
import { type Actor, assertMay } from '../access.js';
import { dueWithinCalendarDays } from '../business-days.js';
import { contractContact } from '../clients/client.js';
import { getClient } from '../clients/client-queries.js';
import { commitChanges } from '../entity-change.js';
import { NotFoundError, PreconditionFailedError, ValidationError } from '../errors.js';
import { jstDateInput } from '../establishments/conflict-date-notice.js';
import type { HubDeps } from '../hub.js';
import { enqueueMail } from '../mail/mail-message.js';
import { closedWithoutDispatch } from '../orders/order-view.js';
import { parseInput } from '../validation.js';
import type { IndividualContract } from './individual-contract.js';
import {
  individualContractChange,
  loadIndividualContractForChange,
  nextIndividualContract,
} from './individual-contract-changes.js';
import { type TermsCompleteness, termsCompleteness, termsPartInput } from './individual-contract-terms.js';
import { assertOrderOfClient } from './orders-of-client.js';

const draftInput = z
  .object({
    orderId: z.string().min(1).max(200),
    establishmentId: z.string().min(1),
    organisationalUnitId: z.string().min(1),
    period: z.object({ startDate: jstDateInput, endDate: jstDateInput }),
  })
  .refine((c) => c.period.startDate <= c.period.endDate, {
    path: ['period', 'endDate'],
    message: 'must be on or after the start date',
  });

export async function draftIndividualContract(
  deps: HubDeps,
  actor: Actor,
  input: unknown,
): Promise<IndividualContract> {
  assertMay(actor, 'individualContract.manage');
  const cmd = parseInput(draftInput, input);
  const establishment = await deps.ledger.getEstablishment(cmd.establishmentId);
  if (!establishment) throw new NotFoundError('Establishment', cmd.establishmentId);
  const client = await getClient(deps, actor, establishment.clientId);
  if (!establishment.organisationalUnits.some((u) => u.organisationalUnitId === cmd.organisationalUnitId)) {
    throw new ValidationError([
      { path: 'input.organisationalUnitId', message: `is not a unit of ${establishment.name}` },
    ]);
  }
  const closed = closedWithoutDispatch(await assertOrderOfClient(deps, client.clientId, cmd.orderId));
  if (closed) {
    throw new PreconditionFailedError(
      'ORDER_CLOSED',
      `the order was closed as ${closed}; no individual contract is made for it`,
    );
  }
  const now = deps.clock.now().toISOString();
  const contract: IndividualContract = {
    individualContractId: deps.ids.next('ic'),
    clientId: client.clientId,
    orderId: cmd.orderId,
    establishmentId: establishment.establishmentId,
    organisationalUnitId: cmd.organisationalUnitId,
    ...(client.department ? { department: client.department } : {}),
    period: cmd.period,
    terms: {},
    status: 'DRAFT',
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await commitChanges(deps.ledger, [
    individualContractChange(deps, actor, 'individualContract.draft', undefined, contract),
  ]);
  return contract;
}

const requestInput = z.object({
  individualContractId: z.string().min(1),
  expectedVersion: z.number().int().min(1),
});

function assertDraft(contract: IndividualContract): void {
  if (contract.status !== 'DRAFT') {
    throw new PreconditionFailedError(
      'INDIVIDUAL_CONTRACT_NOT_DRAFT',
      `the terms are collected while the individual contract is a draft (it is ${contract.status})`,
    );
  }
}

/**
 * E-mails the client's contact the items still needed and starts the deadline. Asking again
 * while a request is open sends the e-mail again but keeps the deadline of the first request.
 */
export async function requestIndividualContractTerms(
  deps: HubDeps,
  actor: Actor,
  input: unknown,
): Promise<IndividualContract> {
  const cmd = parseInput(requestInput, input);
  const { contract, client } = await loadIndividualContractForChange(
    deps,
    actor,
    cmd.individualContractId,
    cmd.expectedVersion,
  );
  assertDraft(contract);
  const completeness = termsCompleteness(contract.terms);
  if (completeness.complete) {
    throw new PreconditionFailedError('TERMS_ALREADY_COMPLETE', 'every required item is already stored');
  }
  const contact = contractContact(client, await deps.ledger.listInquiriesOfClient(client.clientId));
  if (!contact) {
    throw new PreconditionFailedError(
      'NO_CLIENT_CONTACT',
      'the client has no contact with an e-mail address; record it on the client first (updateClientProfile)',
    );
  }
  const establishment = await deps.ledger.getEstablishment(contract.establishmentId);
  const unit = establishment?.organisationalUnits.find(
    (u) => u.organisationalUnitId === contract.organisationalUnitId,
  );
  const [rep] = await deps.ledger.getStaffMembers([client.salesRepId ?? actor.userId]);
  const now = deps.clock.now();
  const at = now.toISOString();
  const open = contract.termsRequest && !contract.termsRequest.metAt ? contract.termsRequest : undefined;
  const dueAt =
    open?.dueAt ?? dueWithinCalendarDays(now, deps.policy.individualContractTermsDays).toISOString();
  const mail = enqueueMail(deps.ids, at, {
    template: 'INDIVIDUAL_CONTRACT_TERMS_REQUEST',
    params: {
      company: client.name,
      contactName: contact.name,
      salesRepName: rep?.name ?? actor.userId,
      agencyName: deps.policy.agencyName,
      establishment: establishment?.name ?? contract.establishmentId,
      organisationalUnit: unit?.name ?? contract.organisationalUnitId,
      period: contract.period,
      items: completeness.missing.map((m) => m.label),
      dueAt,
      individualContractId: contract.individualContractId,
    },
    to: [contact.email],
    clientId: client.clientId,
  });
  const after = nextIndividualContract(
    contract,
    {
      termsRequest: {
        requestedBy: open?.requestedBy ?? actor.userId,
        requestedAt: open?.requestedAt ?? at,
        sentTo: contact,
        mailMessageId: mail.entity.type === 'MAIL_MESSAGE' ? mail.entity.value.messageId : '',
        dueAt,
        ...(open?.escalatedAt ? { escalatedAt: open.escalatedAt } : {}),
      },
    },
    at,
  );
  await commitChanges(
    deps.ledger,
    [individualContractChange(deps, actor, 'individualContract.requestTerms', contract, after)],
    [mail],
  );
  return after;
}

const saveInput = z.object({
  individualContractId: z.string().min(1),
  expectedVersion: z.number().int().min(1),
  terms: termsPartInput,
});

/** Stores the given items (each whole); the save that completes them meets an open request's deadline. */
export async function saveIndividualContractTerms(
  deps: HubDeps,
  actor: Actor,
  input: unknown,
): Promise<{ contract: IndividualContract; completeness: TermsCompleteness }> {
  const cmd = parseInput(saveInput, input);
  const { contract } = await loadIndividualContractForChange(
    deps,
    actor,
    cmd.individualContractId,
    cmd.expectedVersion,
  );
  assertDraft(contract);
  if (Object.keys(cmd.terms).length === 0) {
    throw new ValidationError([{ path: 'input.terms', message: 'must give at least one item' }]);
  }
  const now = deps.clock.now().toISOString();
  const terms = { ...contract.terms, ...cmd.terms };
  const completeness = termsCompleteness(terms);
  const request = contract.termsRequest;
  const after = nextIndividualContract(
    contract,
    {
      terms,
      ...(request && !request.metAt && completeness.complete
        ? { termsRequest: { ...request, metAt: now } }
        : {}),
    },
    now,
  );
  await commitChanges(deps.ledger, [
    individualContractChange(deps, actor, 'individualContract.saveTerms', contract, after),
  ]);
  return { contract: after, completeness };
}
