/**
 * Sales or marketing record what the ledger knows about a client's company: its industry
 * (which rep assignment weighs, A2-2), its corporate number (a matching key) and its contact for
 * contracts (the basic contract's signer, A7-1 e-mails). Requirements:
 * A2-2, X-1, X-3, X-4.
 */
import * as z from 'zod';
import { type Actor, assertMay } from '../access.js';
import { commitChanges } from '../entity-change.js';
import { ConflictError, PreconditionFailedError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import { parseInput } from '../validation.js';
import { assertSalesMayWorkOnClient } from '../visits/visit-changes.js';
import type { Client } from './client.js';
import { clientChange } from './client-change.js';
import { getClient } from './client-queries.js';
import { INDUSTRY_IDS } from './industry.js';

const updateClientProfileInput = z
  .object({
    clientId: z.string().min(1),
    industry: z.enum(INDUSTRY_IDS).optional(),
    corporateNumber: z
      .string()
      .regex(/^\d{13}$/, 'must be the 13-digit corporate number (法人番号)')
      .optional(),
    contact: z
      .object({ name: z.string().trim().min(1).max(100), email: z.email('must be an e-mail address') })
      .optional(),
    expectedVersion: z.number().int().positive().optional(),
  })
  .refine((i) => i.industry !== undefined || i.corporateNumber !== undefined || i.contact !== undefined, {
    message: 'give industry, corporateNumber or contact',
    path: ['industry'],
  });

export async function updateClientProfile(deps: HubDeps, actor: Actor, input: unknown): Promise<Client> {
  assertMay(actor, 'client.updateProfile');
  const cmd = parseInput(updateClientProfileInput, input);
  const client = await getClient(deps, actor, cmd.clientId);
  assertSalesMayWorkOnClient(actor, client);
  if (cmd.expectedVersion !== undefined && cmd.expectedVersion !== client.version) {
    throw new ConflictError(`client ${client.clientId} was changed by someone else; reload and try again`);
  }
  if (
    cmd.corporateNumber &&
    cmd.corporateNumber !== client.corporateNumber &&
    client.gstaff?.openConflictId
  ) {
    // G-Staff changed it too: a person settles the sync conflict first (core/sync/gstaff-conflicts.ts).
    throw new PreconditionFailedError(
      'CLIENT_SYNC_CONFLICT_OPEN',
      'the client’s G-Staff registration is in a sync conflict; resolve it before changing the corporate number',
    );
  }
  const now = deps.clock.now().toISOString();
  const { change, client: updated } = clientChange(
    deps,
    actor,
    'client.updateProfile',
    client,
    {
      ...(cmd.industry ? { industry: cmd.industry } : {}),
      ...(cmd.corporateNumber ? { corporateNumber: cmd.corporateNumber } : {}),
      ...(cmd.contact ? { contact: cmd.contact } : {}),
    },
    now,
  );
  await commitChanges(deps.ledger, [change]);
  return updated;
}
