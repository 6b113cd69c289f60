/**
 * A client's establishments (事業所) and their organisational units (組織単位): sales of the
 * client's department (and managers, directors) add and edit them; every change is audited on
 * the client's trail. Names are unique within the client (establishments) and within the
 * establishment (units), compared as people type them. Requirements: A5-3, A5-5, X-1, X-4.
 */
import * as z from 'zod';
import { type Actor, assertMay } from '../access.js';
import type { AuditActor } from '../audit.js';
import type { Client } from '../clients/client.js';
import { getClient } from '../clients/client-queries.js';
import { commitChanges, type EntityChange, entityChange } from '../entity-change.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { HubDeps, HubDepsWith } from '../hub.js';
import type { ClientInquiryLedger, EstablishmentLedger } from '../ledger.js';
import { parseInput } from '../validation.js';
import { type Establishment, type OrganisationalUnit, sameSiteName } from './establishment.js';

const name = z.string().trim().min(1, 'must not be empty').max(100);
const unitInput = z.object({ name, head: z.string().trim().min(1).max(100).optional() });

const addEstablishmentInput = z.object({
  clientId: z.string().min(1),
  name,
  address: z.string().trim().min(1).max(300).optional(),
  organisationalUnits: z.array(unitInput).max(100).default([]),
});

const updateEstablishmentInput = z.object({
  establishmentId: z.string().min(1),
  expectedVersion: z.number().int().min(1),
  name: name.optional(),
  address: z.string().trim().min(1).max(300).optional(),
});

const addUnitInput = unitInput.extend({
  establishmentId: z.string().min(1),
  expectedVersion: z.number().int().min(1),
});

const updateUnitInput = z.object({
  establishmentId: z.string().min(1),
  organisationalUnitId: z.string().min(1),
  expectedVersion: z.number().int().min(1),
  name: name.optional(),
  head: z.string().trim().min(1).max(100).optional(),
});

export function establishmentChange(
  deps: HubDeps,
  actor: Actor | AuditActor,
  operation: string,
  before: Establishment | undefined,
  after: Establishment,
): EntityChange {
  return entityChange(deps.ids, {
    actor,
    operation,
    at: after.updatedAt,
    clientId: after.clientId,
    subjectId: after.establishmentId,
    entity: { type: 'ESTABLISHMENT', value: after },
    before,
  });
}

/** The establishment's next version with `patch` applied, written together with its audit event. */
export async function saveEstablishment(
  deps: HubDeps,
  actor: Actor,
  operation: string,
  before: Establishment,
  now: string,
  patch: Partial<Establishment>,
): Promise<Establishment> {
  const after: Establishment = { ...before, ...patch, version: before.version + 1, updatedAt: now };
  await commitChanges(deps.ledger, [establishmentChange(deps, actor, operation, before, after)]);
  return after;
}

/** The establishment, read within the actor's department, at the version the caller saw. */
export async function loadEstablishmentForChange(
  deps: HubDepsWith<ClientInquiryLedger & EstablishmentLedger>,
  actor: Actor,
  establishmentId: string,
  expectedVersion: number | undefined,
  permission: 'establishment.manage' | 'legalRecord.manage' = 'establishment.manage',
): Promise<{ establishment: Establishment; client: Client }> {
  assertMay(actor, permission);
  const establishment = await deps.ledger.getEstablishment(establishmentId);
  if (!establishment) throw new NotFoundError('Establishment', establishmentId);
  const client = await getClient(deps, actor, establishment.clientId);
  if (expectedVersion !== undefined && expectedVersion !== establishment.version) {
    throw new ConflictError(
      `establishment ${establishmentId} was changed by someone else (version ${establishment.version}, you had ${expectedVersion}); reload and try again`,
    );
  }
  return { establishment, client };
}

function assertUniqueUnitNames(units: readonly { name: string }[], path: string): void {
  units.forEach((unit, i) => {
    if (units.findIndex((u) => sameSiteName(u.name, unit.name)) !== i) {
      throw new ValidationError([
        { path: `${path}.${i}.name`, message: `「${unit.name}」 is already a unit of this establishment` },
      ]);
    }
  });
}

async function assertUniqueEstablishmentName(
  deps: HubDepsWith<EstablishmentLedger>,
  clientId: string,
  candidate: string,
  self?: string,
): Promise<void> {
  const others = (await deps.ledger.listEstablishmentsOfClient(clientId)).filter(
    (e) => e.establishmentId !== self,
  );
  if (others.some((e) => sameSiteName(e.name, candidate))) {
    throw new ValidationError([
      { path: 'input.name', message: `「${candidate}」 is already an establishment of this client` },
    ]);
  }
}

export async function addEstablishment(deps: HubDeps, actor: Actor, input: unknown): Promise<Establishment> {
  assertMay(actor, 'establishment.manage');
  const cmd = parseInput(addEstablishmentInput, input);
  const client = await getClient(deps, actor, cmd.clientId);
  await assertUniqueEstablishmentName(deps, client.clientId, cmd.name);
  assertUniqueUnitNames(cmd.organisationalUnits, 'input.organisationalUnits');
  const now = deps.clock.now().toISOString();
  const establishment: Establishment = {
    establishmentId: deps.ids.next('est'),
    clientId: client.clientId,
    name: cmd.name,
    ...(cmd.address ? { address: cmd.address } : {}),
    organisationalUnits: cmd.organisationalUnits.map((u) => ({
      organisationalUnitId: deps.ids.next('unit'),
      name: u.name,
      ...(u.head ? { head: u.head } : {}),
    })),
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await commitChanges(deps.ledger, [
    establishmentChange(deps, actor, 'establishment.add', undefined, establishment),
  ]);
  return establishment;
}

export async function updateEstablishment(
  deps: HubDeps,
  actor: Actor,
  input: unknown,
): Promise<Establishment> {
  assertMay(actor, 'establishment.manage');
  const cmd = parseInput(updateEstablishmentInput, input);
  const { establishment } = await loadEstablishmentForChange(
    deps,
    actor,
    cmd.establishmentId,
    cmd.expectedVersion,
  );
  if (cmd.name)
    await assertUniqueEstablishmentName(
      deps,
      establishment.clientId,
      cmd.name,
      establishment.establishmentId,
    );
  const now = deps.clock.now().toISOString();
  return saveEstablishment(deps, actor, 'establishment.update', establishment, now, {
    ...(cmd.name ? { name: cmd.name } : {}),
    ...(cmd.address ? { address: cmd.address } : {}),
  });
}

export async function addOrganisationalUnit(
  deps: HubDeps,
  actor: Actor,
  input: unknown,
): Promise<Establishment> {
  assertMay(actor, 'establishment.manage');
  const cmd = parseInput(addUnitInput, input);
  const { establishment } = await loadEstablishmentForChange(
    deps,
    actor,
    cmd.establishmentId,
    cmd.expectedVersion,
  );
  const unit: OrganisationalUnit = {
    organisationalUnitId: deps.ids.next('unit'),
    name: cmd.name,
    ...(cmd.head ? { head: cmd.head } : {}),
  };
  const units = [...establishment.organisationalUnits, unit];
  if (establishment.organisationalUnits.some((u) => sameSiteName(u.name, cmd.name))) {
    throw new ValidationError([
      { path: 'input.name', message: `「${cmd.name}」 is already a unit of this establishment` },
    ]);
  }
  const now = deps.clock.now().toISOString();
  return saveEstablishment(deps, actor, 'establishment.addOrganisationalUnit', establishment, now, {
    organisationalUnits: units,
  });
}

export async function updateOrganisationalUnit(
  deps: HubDeps,
  actor: Actor,
  input: unknown,
): Promise<Establishment> {
  assertMay(actor, 'establishment.manage');
  const cmd = parseInput(updateUnitInput, input);
  const { establishment } = await loadEstablishmentForChange(
    deps,
    actor,
    cmd.establishmentId,
    cmd.expectedVersion,
  );
  if (!establishment.organisationalUnits.some((u) => u.organisationalUnitId === cmd.organisationalUnitId)) {
    throw new NotFoundError('OrganisationalUnit', cmd.organisationalUnitId);
  }
  const units = establishment.organisationalUnits.map((u) =>
    u.organisationalUnitId === cmd.organisationalUnitId
      ? { ...u, ...(cmd.name ? { name: cmd.name } : {}), ...(cmd.head ? { head: cmd.head } : {}) }
      : u,
  );
  const newName = cmd.name;
  if (
    newName &&
    establishment.organisationalUnits.some(
      (u) => u.organisationalUnitId !== cmd.organisationalUnitId && sameSiteName(u.name, newName),
    )
  ) {
    throw new ValidationError([
      { path: 'input.name', message: `「${newName}」 is already a unit of this establishment` },
    ]);
  }
  const now = deps.clock.now().toISOString();
  return saveEstablishment(deps, actor, 'establishment.updateOrganisationalUnit', establishment, now, {
    organisationalUnits: units,
  });
}

/** A client's establishments, for whoever may see the client. */
export async function establishmentsOfClient(
  deps: HubDepsWith<ClientInquiryLedger & EstablishmentLedger>,
  actor: Actor,
  clientId: string,
) {
  await getClient(deps, actor, clientId);
  return deps.ledger.listEstablishmentsOfClient(clientId);
}
