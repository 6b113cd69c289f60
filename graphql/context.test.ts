/**
 * Who the signed-in person is comes from the token; what they may see from the staff directory
 * . The integration tests go through the real yoga app (dev sign-in tokens) against DynamoDB Local.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { recordPhoneInquiry } from '../core/inquiries/record-phone-inquiry.js';
import { createTestApi, type GraphQLResult } from '../test/support/api.js';
import {
  hubDeps,
  managerTokyo,
  phoneInquiry,
  salesOsaka,
  salesTokyo,
  seedDirectory,
  staffMember,
} from '../test/support/builders.js';
import { createTestLedger, type TestLedger } from '../test/support/ledger.js';
import { actorFromClaims, resolveActor } from './context.js';

describe('actorFromClaims (a person the directory does not know, local hosts only)', () => {
  it('reads the dev sign-in claims', () => {
    expect(actorFromClaims({ sub: 'sales.tokyo1', role: 'SALES', department: 'SALES_TOKYO' })).toEqual({
      userId: 'sales.tokyo1',
      role: 'SALES',
      department: 'SALES_TOKYO',
    });
  });

  it('reads Cognito groups as API Gateway’s JWT authorizer passes them, and no custom attribute', () => {
    expect(
      actorFromClaims({
        sub: '7d4b6c1e-0000-4000-8000-000000000000',
        'cognito:username': 'mgr.osaka',
        'cognito:groups': '[MANAGER]',
        'custom:department': 'SALES_OSAKA',
      }),
    ).toEqual({ userId: 'mgr.osaka', role: 'MANAGER' });
    expect(actorFromClaims({ sub: 'x', 'cognito:groups': ['Other', 'legal'] })).toEqual({
      userId: 'x',
      role: 'LEGAL',
    });
  });

  it('refuses claims that name no known role', () => {
    expect(actorFromClaims({ sub: 'x' })).toBeUndefined();
    expect(actorFromClaims({ sub: 'x', role: 'CEO' })).toBeUndefined();
    expect(actorFromClaims(undefined)).toBeUndefined();
  });
});

let t: TestLedger;
beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger);
  await seedDirectory(t.ledger, [
    staffMember({ userId: 'sales-left-1', role: 'SALES', department: 'SALES_TOKYO', active: false }),
  ]);
});

describe('resolveActor: the staff directory decides role and department', () => {
  it('takes role and department from the directory, whatever the token claims', async () => {
    const claims = {
      sub: '7d4b6c1e-0000-4000-8000-000000000000',
      'cognito:username': salesTokyo.userId,
      'cognito:groups': '[DIRECTOR]',
      role: 'ADMIN',
      department: 'SALES_OSAKA',
    };
    for (const identity of ['directory', 'directory-or-token'] as const)
      expect(await resolveActor({ ledger: t.ledger, identity }, claims)).toEqual(salesTokyo);
  });

  it('refuses an inactive member, and on AWS a person the directory does not know', async () => {
    const left = { sub: 'sales-left-1', role: 'SALES', department: 'SALES_TOKYO' };
    expect(await resolveActor({ ledger: t.ledger, identity: 'directory-or-token' }, left)).toBeUndefined();
    const stranger = { sub: 'nobody-1', 'cognito:groups': '[ADMIN]' };
    expect(await resolveActor({ ledger: t.ledger, identity: 'directory' }, stranger)).toBeUndefined();
    expect(await resolveActor({ ledger: t.ledger, identity: 'directory-or-token' }, stranger)).toEqual({
      userId: 'nobody-1',
      role: 'ADMIN',
    });
    expect(await resolveActor({ ledger: t.ledger }, { role: 'ADMIN' })).toBeUndefined();
  });

  it('takes an identity longer than any key for nobody, without asking the directory (a 3 000-character dev sign-in was an unexpected error on every request)', async () => {
    const long = { sub: 'u'.repeat(3000), role: 'ADMIN' };
    for (const identity of ['directory', 'directory-or-token'] as const)
      expect(await resolveActor({ ledger: t.ledger, identity }, long)).toBeUndefined();
    const longUsername = { sub: 'ok-sub', 'cognito:username': 'u'.repeat(3000), role: 'ADMIN' };
    expect(
      await resolveActor({ ledger: t.ledger, identity: 'directory-or-token' }, longUsername),
    ).toBeUndefined();
  });
});

describe('a token whose claims disagree with the directory (through the API)', () => {
  const departments = (r: GraphQLResult) =>
    ((r.data?.inquiries ?? { edges: [] }) as { edges: { node: { department: string } }[] }).edges.map(
      (e) => e.node.department,
    );

  it('sees only the directory’s department, with the directory’s role', async () => {
    const hub = hubDeps(t.ledger);
    await recordPhoneInquiry(
      hub,
      salesTokyo,
      phoneInquiry({ company: '株式会社東京案件', department: 'SALES_TOKYO' }),
    );
    await recordPhoneInquiry(
      hub,
      salesOsaka,
      phoneInquiry({ company: '株式会社大阪案件', department: 'SALES_OSAKA' }),
    );
    const api = await createTestApi(hub);
    // sales-tokyo-1 signs a token claiming to be an Osaka manager.
    const forged = { ...managerTokyo, userId: salesTokyo.userId, department: 'SALES_OSAKA' };
    const me = await api.graphql(forged, '{ me { userId role department } }');
    expect(me.data?.me).toEqual({ userId: salesTokyo.userId, role: 'SALES', department: 'SALES_TOKYO' });
    const listed = await api.graphql(
      forged,
      '{ inquiries(first: 100) { edges { node { id department } } } }',
    );
    expect(departments(listed).length).toBeGreaterThan(0);
    expect(new Set(departments(listed))).toEqual(new Set(['SALES_TOKYO']));
    const osaka = await api.graphql(
      forged,
      '{ inquiries(filter: { department: "SALES_OSAKA" }) { edges { node { id } } } }',
    );
    expect(osaka.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The same person as the directory knows them sees the same; a real Osaka rep sees only Osaka.
    expect(
      new Set(
        departments(
          await api.graphql(salesOsaka, '{ inquiries(first: 100) { edges { node { id department } } } }'),
        ),
      ),
    ).toEqual(new Set(['SALES_OSAKA']));
  });
});
