/**
 * The GraphQL context, built from verified token claims by one function that every host uses
 * (docs/architecture.md, "Identity"). The token only says who the person is (`cognito:username`, or
 * `sub`); their role and department come from the staff directory, server side, so nobody can
 * widen their own access by changing what their token says. An inactive member gets nothing.
 * A person the directory does not know is refused on AWS (`identity: 'directory'`); the local
 * host and the tests may fall back to the dev sign-in's claims (`role`, `department`).
 * Requirements: X-5.
 */
import DataLoader from 'dataloader';
import * as z from 'zod';
import { type Actor, ROLES } from '../core/access.js';
import type { Client } from '../core/clients/client.js';
import { getClientsVisibleTo } from '../core/clients/client-queries.js';
import type { DocumentStore } from '../core/documents/document-store.js';
import type { HubDeps } from '../core/hub.js';
import type { SignatureService } from '../core/signing/signature-service.js';
import type { StaffMember } from '../core/staff/staff-member.js';
import { staffMembersVisibleTo } from '../core/staff/staff-queries.js';
import type { WorkflowEngine } from '../core/workflows/workflow-engine.js';
import { batchingLedger } from './batching-ledger.js';
import { MAX_ID_LENGTH } from './guards.js';

/**
 * Whom the API serves: `directory` — only active members of the staff directory (AWS);
 * `directory-or-token` — also a person the directory does not know, as their token describes
 * them (the local dev sign-in and the tests).
 */
export type IdentityMode = 'directory' | 'directory-or-token';

/** What the API's use cases need: the hub, the document store for attachments, the workflow engine. */
export type ApiDeps = HubDeps & {
  documents: DocumentStore;
  workflows: WorkflowEngine;
  /** GMO Sign, where the host holds its key (the local host; not the GraphQL function on AWS). */
  signatures?: SignatureService;
  /** @default 'directory-or-token' */
  identity?: IdentityMode;
};

const roleName = z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(ROLES));

const claimsSchema = z
  .object({
    sub: z.string().min(1),
    // Cognito's `sub` is an opaque UUID; its username is the staff directory's userId.
    'cognito:username': z.string().min(1).optional(),
    role: roleName.optional(),
    // API Gateway's JWT authorizer hands array claims over as a string such as "[SALES MANAGER]".
    'cognito:groups': z
      .preprocess(
        (v) =>
          typeof v === 'string'
            ? v
                .replace(/^\[|\]$/g, '')
                .split(/[\s,]+/)
                .filter(Boolean)
            : v,
        z.array(z.string()),
      )
      .optional(),
    department: z.string().min(1).optional(),
  })
  .transform((c, ctx): Actor | typeof z.NEVER => {
    const groupRole = c['cognito:groups']?.map((g) => roleName.safeParse(g)).find((r) => r.success)?.data;
    const role = c.role ?? groupRole;
    if (!role) {
      ctx.addIssue({ code: 'custom', message: 'the token names no role', path: ['role'] });
      return z.NEVER;
    }
    const department = c.department;
    return { userId: c['cognito:username'] ?? c.sub, role, ...(department ? { department } : {}) };
  });

/** The actor the claims alone describe, or undefined when they do not describe a usable one. */
export function actorFromClaims(claims: unknown): Actor | undefined {
  const parsed = claimsSchema.safeParse(claims);
  return parsed.success ? parsed.data : undefined;
}

/** Longer than any key of the directory: nobody, and never a key DynamoDB would refuse. */
const identitySchema = z.object({
  sub: z.string().min(1).max(MAX_ID_LENGTH),
  'cognito:username': z.string().min(1).max(MAX_ID_LENGTH).optional(),
});

/**
 * The signed-in person as the staff directory knows them: role and department from the
 * directory, whatever the token claims. Undefined for an inactive member, and for a person the
 * directory does not know unless `identity` is `directory-or-token`.
 */
export async function resolveActor(
  deps: Pick<ApiDeps, 'ledger' | 'identity'>,
  claims: unknown,
): Promise<Actor | undefined> {
  const identity = identitySchema.safeParse(claims);
  if (!identity.success) return undefined;
  const userId = identity.data['cognito:username'] ?? identity.data.sub;
  const member = await deps.ledger.getStaffMember(userId);
  if (member) {
    if (!member.active) return undefined;
    return { userId, role: member.role, ...(member.department ? { department: member.department } : {}) };
  }
  return (deps.identity ?? 'directory-or-token') === 'directory' ? undefined : actorFromClaims(claims);
}

export interface GraphQLContext {
  /** Absent when the request carried no valid token. */
  actor: Actor | undefined;
  deps: ApiDeps;
  loaders: {
    client: DataLoader<string, Client | undefined>;
    staffMember: DataLoader<string, StaffMember | undefined>;
  };
}

export async function createContext(apiDeps: ApiDeps, claims: unknown): Promise<GraphQLContext> {
  // The request's own view of the ledger: the single-row reads of a page's resolvers go out as batches.
  const deps = { ...apiDeps, ledger: batchingLedger(apiDeps.ledger) };
  const actor = await resolveActor(deps, claims);
  return {
    actor,
    deps,
    loaders: {
      // Per request: a page of inquiries with their clients costs one BatchGetItem.
      client: new DataLoader(async (ids) =>
        actor ? getClientsVisibleTo(deps, actor, ids) : ids.map(() => undefined),
      ),
      // A page of clients with their reps costs one more BatchGetItem, not one read per client.
      staffMember: new DataLoader(async (ids) =>
        actor ? staffMembersVisibleTo(deps, actor, ids) : ids.map(() => undefined),
      ),
    },
  };
}
