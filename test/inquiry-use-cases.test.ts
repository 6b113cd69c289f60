/**
 * Inquiry use cases against a real DynamoDB Local: intake, matching, routing, first contact,
 * judgment, idempotency, conflicts, audit with every change, nothing written on failure.
 * Requirements: A1-1 … A1-4, X-1, X-4, X-5.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { clientAuditTrail, getClient } from '../core/clients/client-queries.js';
import { ConflictError, ForbiddenError, PreconditionFailedError, ValidationError } from '../core/errors.js';
import { firstContactStatus } from '../core/inquiries/inquiry.js';
import { inquiriesOfClient, listInquiries } from '../core/inquiries/inquiry-queries.js';
import { receiveWebInquiry } from '../core/inquiries/receive-web-inquiry.js';
import { recordFirstContact } from '../core/inquiries/record-first-contact.js';
import { recordHearingJudgment } from '../core/inquiries/record-hearing-judgment.js';
import { recordPhoneInquiry } from '../core/inquiries/record-phone-inquiry.js';
import { routeInquiry } from '../core/inquiries/route-inquiry.js';
import {
  hubDeps,
  managerTokyo,
  marketing,
  phoneInquiry,
  salesOsaka,
  salesTokyo,
  seedDirectory,
  webForm,
} from './support/builders.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';

let t: TestLedger;
beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger);
});

const unique = (name: string) => `${name}${Math.random().toString(36).slice(2, 8)}`;

describe('web inquiry intake (A1-1, A1-2)', () => {
  it('stores the inquiry with its first-contact deadline and a new prospect, with audit events', async () => {
    const deps = hubDeps(t.ledger);
    const receipt = await receiveWebInquiry(deps, webForm({ company: unique('株式会社ウェブ') }));
    expect(receipt).toMatchObject({ status: 201, duplicate: false });
    expect(receipt.body.firstContactDueAt).toBe('2026-11-30T14:59:59.999Z');

    const inquiry = await t.ledger.getInquiry(String(receipt.body.inquiryId));
    expect(inquiry).toMatchObject({ channel: 'WEB', status: 'NEW', clientMatch: 'NEW_PROSPECT' });
    expect(firstContactStatus(inquiry!, deps.clock.now())).toBe('ON_TIME');
    const client = await t.ledger.getClient(inquiry!.clientId);
    expect(client).toMatchObject({
      stage: 'PROSPECT',
      phones: ['0312345678'],
      emailDomains: ['sample-logi.example'],
    });
    const trail = await clientAuditTrail(deps, marketing, inquiry!.clientId, {});
    expect(trail.items.map((e) => [e.operation, e.subjectType])).toEqual([
      ['inquiry.receiveWeb', 'INQUIRY'],
      ['inquiry.receiveWeb', 'CLIENT'],
    ]);
    expect(trail.items[0]?.changes.find((c) => c.field === 'status')).toEqual({
      field: 'status',
      before: null,
      after: 'NEW',
    });
  });

  it('answers a repeated submission with the first response and writes nothing new', async () => {
    const deps = hubDeps(t.ledger);
    const form = webForm({ company: unique('株式会社重複') });
    const first = await receiveWebInquiry(deps, form);
    deps.clock.advance(60_000);
    const again = await receiveWebInquiry(deps, form);
    expect(again).toEqual({ ...first, duplicate: true });
    const inquiry = await t.ledger.getInquiry(String(first.body.inquiryId));
    expect(await t.ledger.listInquiriesOfClient(inquiry!.clientId)).toHaveLength(1);
  });

  it('creates one inquiry when the same submission is delivered concurrently', async () => {
    const deps = hubDeps(t.ledger);
    const form = webForm({ company: unique('株式会社同時') });
    const receipts = await Promise.all(Array.from({ length: 6 }, () => receiveWebInquiry(deps, form)));
    expect(new Set(receipts.map((r) => r.body.inquiryId)).size).toBe(1);
    expect(receipts.filter((r) => !r.duplicate)).toHaveLength(1);
    const inquiry = await t.ledger.getInquiry(String(receipts[0]?.body.inquiryId));
    expect(await t.ledger.listInquiriesOfClient(inquiry!.clientId)).toHaveLength(1);
  });

  it('names every bad field and writes nothing', async () => {
    const deps = hubDeps(t.ledger);
    const company = unique('株式会社不正');
    const error = await receiveWebInquiry(
      deps,
      webForm({ company, phone: '12', email: 'not-mail', contactName: '' }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.map((f) => f.path).sort()).toEqual([
      'body.contactName',
      'body.email',
      'body.phone',
    ]);
    expect(await t.ledger.findClientsByNormalizedName(company)).toEqual([]);
  });
});

describe('client matching (docs/policy.md, Inquiries)', () => {
  it('links to an existing client when the name and a second key match', async () => {
    const deps = hubDeps(t.ledger);
    const name = unique('マッチ商事');
    const first = await receiveWebInquiry(
      deps,
      webForm({ company: `株式会社${name}`, phone: '03-1111-2222' }),
    );
    const second = await receiveWebInquiry(
      deps,
      webForm({ company: `${name}(株)`, phone: undefined, email: 'x@sample-logi.example' }),
    );
    const [a, b] = await Promise.all([
      t.ledger.getInquiry(String(first.body.inquiryId)),
      t.ledger.getInquiry(String(second.body.inquiryId)),
    ]);
    expect(b?.clientMatch).toBe('EXISTING_CLIENT');
    expect(b?.clientId).toBe(a?.clientId);
  });

  it('creates a prospect flagged as a possible duplicate on a name-only match', async () => {
    const deps = hubDeps(t.ledger);
    const name = unique('同名工業');
    const first = await receiveWebInquiry(
      deps,
      webForm({ company: `株式会社${name}`, phone: '03-3333-4444' }),
    );
    const second = await receiveWebInquiry(
      deps,
      webForm({ company: `株式会社 ${name}`, phone: '045-999-8888', email: 'someone@gmail.com' }),
    );
    const a = await t.ledger.getInquiry(String(first.body.inquiryId));
    const b = await t.ledger.getInquiry(String(second.body.inquiryId));
    expect(b?.clientMatch).toBe('POSSIBLE_DUPLICATE');
    expect(b?.clientId).not.toBe(a?.clientId);
    expect((await t.ledger.getClient(b!.clientId))?.possibleDuplicateOf).toEqual([a?.clientId]);
  });
});

describe('routing and first contact (A1-1, A1-2, A1-4)', () => {
  async function newWebInquiry() {
    const deps = hubDeps(t.ledger);
    const receipt = await receiveWebInquiry(deps, webForm({ company: unique('株式会社ルート') }));
    return { deps, inquiryId: String(receipt.body.inquiryId) };
  }

  it('marketing routes to a sales department; the client joins that department', async () => {
    const { deps, inquiryId } = await newWebInquiry();
    const routed = await routeInquiry(deps, marketing, {
      inquiryId,
      department: 'SALES_TOKYO',
      hearingJudgment: { result: 'RECONFIRM_AT_VISIT', reason: '危険作業の有無が不明' },
    });
    expect(routed).toMatchObject({
      status: 'ROUTED',
      department: 'SALES_TOKYO',
      routedBy: 'mkt-1',
      version: 2,
    });
    expect(routed.hearingJudgment).toMatchObject({ result: 'RECONFIRM_AT_VISIT', judgedBy: 'mkt-1' });
    expect((await getClient(deps, salesTokyo, routed.clientId)).department).toBe('SALES_TOKYO');
    await expect(getClient(deps, salesOsaka, routed.clientId)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('refuses an unknown department, naming the field', async () => {
    const { deps, inquiryId } = await newWebInquiry();
    const error = await routeInquiry(deps, marketing, { inquiryId, department: 'SALES_MARS' }).catch(
      (e: unknown) => e,
    );
    expect((error as ValidationError).fieldErrors[0]?.path).toBe('input.department');
    expect((await t.ledger.getInquiry(inquiryId))?.status).toBe('NEW');
  });

  it('only marketing routes', async () => {
    const { deps, inquiryId } = await newWebInquiry();
    await expect(
      routeInquiry(deps, salesTokyo, { inquiryId, department: 'SALES_TOKYO' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('records first contact on time, then refuses a second one', async () => {
    const { deps, inquiryId } = await newWebInquiry();
    await routeInquiry(deps, marketing, { inquiryId, department: 'SALES_TOKYO' });
    deps.clock.advance(2 * 60 * 60 * 1000);
    const contacted = await recordFirstContact(deps, salesTokyo, { inquiryId, note: '電話で要件確認' });
    expect(contacted.status).toBe('CONTACTED');
    expect(firstContactStatus(contacted, deps.clock.now())).toBe('MET');
    await expect(recordFirstContact(deps, salesTokyo, { inquiryId })).rejects.toMatchObject({
      rule: 'FIRST_CONTACT_ALREADY_RECORDED',
    });
  });

  it('records a late first contact as late and shows the open one as overdue', async () => {
    const { deps, inquiryId } = await newWebInquiry();
    await routeInquiry(deps, marketing, { inquiryId, department: 'SALES_TOKYO' });
    deps.clock.set('2026-12-01T01:00:00Z');
    const overdue = await listInquiries(deps, salesTokyo, { overdue: true }, { first: 100 });
    expect(overdue.items.map((i) => i.inquiryId)).toContain(inquiryId);
    const contacted = await recordFirstContact(deps, salesTokyo, { inquiryId });
    expect(firstContactStatus(contacted, deps.clock.now())).toBe('MET_LATE');
    const after = await listInquiries(deps, salesTokyo, { overdue: true }, { first: 100 });
    expect(after.items.map((i) => i.inquiryId)).not.toContain(inquiryId);
  });

  it('refuses first contact before routing, and from another department', async () => {
    const { deps, inquiryId } = await newWebInquiry();
    await expect(recordFirstContact(deps, salesTokyo, { inquiryId })).rejects.toBeInstanceOf(ForbiddenError);
    await routeInquiry(deps, marketing, { inquiryId, department: 'SALES_TOKYO' });
    await expect(recordFirstContact(deps, salesOsaka, { inquiryId })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordFirstContact(deps, marketing, { inquiryId })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('detects a concurrent change by version instead of overwriting it', async () => {
    const { deps, inquiryId } = await newWebInquiry();
    await routeInquiry(deps, marketing, { inquiryId, department: 'SALES_TOKYO', expectedVersion: 1 });
    await expect(
      routeInquiry(deps, marketing, { inquiryId, department: 'SALES_OSAKA', expectedVersion: 1 }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await t.ledger.getInquiry(inquiryId))?.department).toBe('SALES_TOKYO');
  });

  it('rejects a contact time in the future', async () => {
    const { deps, inquiryId } = await newWebInquiry();
    await routeInquiry(deps, marketing, { inquiryId, department: 'SALES_TOKYO' });
    const error = await recordFirstContact(deps, salesTokyo, {
      inquiryId,
      contactedAt: '2030-01-01T00:00:00+09:00',
    }).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors).toEqual([
      { path: 'input.contactedAt', message: 'must not be in the future' },
    ]);
  });
});

describe('phone inquiries (A1-3, A1-4)', () => {
  it('are routed at intake and contacted by the call itself', async () => {
    const deps = hubDeps(t.ledger);
    const inquiry = await recordPhoneInquiry(
      deps,
      salesTokyo,
      phoneInquiry({ company: unique('有限会社電話'), hearingJudgment: { result: 'DISPATCHABLE' } }),
    );
    expect(inquiry).toMatchObject({
      channel: 'PHONE',
      status: 'CONTACTED',
      department: 'SALES_TOKYO',
      takenBy: 'sales-tokyo-1',
    });
    expect(inquiry.firstContact).toBeUndefined();
    expect(inquiry.hearingJudgment?.result).toBe('DISPATCHABLE');
    expect((await t.ledger.getClient(inquiry.clientId))?.department).toBe('SALES_TOKYO');
  });

  it('may be shared with another sales department', async () => {
    const deps = hubDeps(t.ledger);
    const inquiry = await recordPhoneInquiry(
      deps,
      managerTokyo,
      phoneInquiry({ company: unique('共有'), department: 'SALES_OSAKA' }),
    );
    expect(inquiry.department).toBe('SALES_OSAKA');
    expect((await inquiriesOfClient(deps, salesOsaka, inquiry.clientId)).map((i) => i.inquiryId)).toEqual([
      inquiry.inquiryId,
    ]);
  });

  it('need a reason when judged not dispatchable', async () => {
    const deps = hubDeps(t.ledger);
    const error = await recordPhoneInquiry(
      deps,
      salesTokyo,
      phoneInquiry({ hearingJudgment: { result: 'NOT_DISPATCHABLE' } }),
    ).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors).toEqual([
      {
        path: 'input.hearingJudgment.reason',
        message: 'a reason is required when the work is not dispatchable',
      },
    ]);
  });

  it('are taken by sales, not marketing', async () => {
    await expect(recordPhoneInquiry(hubDeps(t.ledger), marketing, phoneInquiry())).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('can have the judgment revised, audited with before and after', async () => {
    const deps = hubDeps(t.ledger);
    const inquiry = await recordPhoneInquiry(deps, salesTokyo, phoneInquiry({ company: unique('判定') }));
    deps.clock.advance(1000);
    const judged = await recordHearingJudgment(deps, salesTokyo, {
      inquiryId: inquiry.inquiryId,
      judgment: { result: 'NOT_DISPATCHABLE', reason: '港湾運送業務のため派遣禁止' },
      expectedVersion: 1,
    });
    expect(judged.hearingJudgment).toMatchObject({
      result: 'NOT_DISPATCHABLE',
      reason: '港湾運送業務のため派遣禁止',
    });
    const trail = await clientAuditTrail(deps, salesTokyo, inquiry.clientId, { first: 1 });
    expect(trail.items[0]).toMatchObject({
      operation: 'inquiry.recordHearingJudgment',
      actor: { kind: 'USER', userId: 'sales-tokyo-1', role: 'SALES' },
    });
    expect(trail.items[0]?.changes.map((c) => c.field)).toEqual(['hearingJudgment']);
  });
});

describe('listing within scope (X-5)', () => {
  it('keeps sales to their own department', async () => {
    const deps = hubDeps(t.ledger);
    await expect(listInquiries(deps, salesTokyo, { department: 'SALES_OSAKA' }, {})).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    // One of each department, so the list can neither pass empty nor pass with Osaka's in it.
    const tokyo = await recordPhoneInquiry(deps, salesTokyo, phoneInquiry({ company: unique('東京分') }));
    const osaka = await recordPhoneInquiry(deps, salesOsaka, phoneInquiry({ company: unique('大阪分') }));
    const mine = await listInquiries(deps, salesTokyo, {}, { first: 100 });
    const ids = mine.items.map((i) => i.inquiryId);
    expect(ids).toContain(tokyo.inquiryId);
    expect(ids).not.toContain(osaka.inquiryId);
    expect(mine.items.every((i) => i.department === 'SALES_TOKYO')).toBe(true);
  });

  it('shows marketing the unrouted web inquiries', async () => {
    const deps = hubDeps(t.ledger);
    await receiveWebInquiry(deps, webForm({ company: unique('株式会社未振分') }));
    const page = await listInquiries(deps, marketing, { status: 'NEW' }, { first: 100 });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((i) => i.status === 'NEW' && i.department === undefined)).toBe(true);
  });
});

it('a precondition failure names its rule', async () => {
  const deps = hubDeps(t.ledger);
  const inquiry = await recordPhoneInquiry(deps, salesTokyo, phoneInquiry({ company: unique('規則') }));
  const error = await routeInquiry(deps, marketing, {
    inquiryId: inquiry.inquiryId,
    department: 'SALES_OSAKA',
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PreconditionFailedError);
  expect((error as PreconditionFailedError).rule).toBe('PHONE_INQUIRY_ROUTED_AT_INTAKE');
});
