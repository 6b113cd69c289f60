/**
 * The client ledger through GraphQL (issue 5): a manager sees the proposal and assigns a rep,
 * the rep prepares and records a visit with a photo and a complete hearing sheet, and the
 * client's view brings it all together; `clients` pages cost a constant number of DynamoDB
 * calls. Requirements: A2-1, A2-2, A2-3, A3-1 … A3-6, A3-5, A7-5, X-1, X-5.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { assignSalesRep } from '../core/assignment/assign-sales-rep.js';
import type { Client } from '../core/clients/client.js';
import { recordPhoneInquiry } from '../core/inquiries/record-phone-inquiry.js';
import { InMemoryDocumentStore } from '../core/testing/in-memory-document-store.js';
import { createTestApi } from './support/api.js';
import {
  directory,
  hubDeps,
  managerTokyo,
  salesOsaka,
  salesTokyo,
  seedDirectory,
} from './support/builders.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';
import { completeHearing, fullChecklist, moreTokyoReps, visitRecordInput } from './support/visits.js';

let t: TestLedger;
let api: Awaited<ReturnType<typeof createTestApi>>;
const documents = new InMemoryDocumentStore();
let dynamoCalls = 0;

beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger, [...directory, ...moreTokyoReps]);
  const hub = hubDeps(t.ledger, '2026-11-30T05:00:00Z');
  api = await createTestApi({ ...hub, documents });
  const busy = await recordPhoneInquiry(hub, salesTokyo, {
    company: '株式会社既存',
    contactName: '既存',
    phone: '03-7777-0999',
  });
  await assignSalesRep(hub, managerTokyo, {
    clientId: busy.clientId,
    salesRepId: 'sales-tokyo-1',
    overrideReason: '既存',
  });
  t.db.middlewareStack.add(
    (next) => async (args) => {
      dynamoCalls += 1;
      return next(args);
    },
    { step: 'initialize', name: 'countCalls' },
  );
});

const data = <T>(result: { data?: unknown; errors?: unknown }): T => {
  expect(result.errors).toBeUndefined();
  return result.data as T;
};

describe('a client from proposal to recorded visit, in GraphQL', () => {
  it('works for the manager and the rep, and the ledger view shows everything with its audit trail', async () => {
    const taken = data<{ recordPhoneInquiry: { id: string; client: { id: string } } }>(
      await api.graphql(
        salesTokyo,
        `mutation($input: RecordPhoneInquiryInput!) { recordPhoneInquiry(input: $input) {
          ... on Inquiry { id client { id } } } }`,
        { input: { company: '株式会社ビュー精機', contactName: '田中', phone: '03-7777-0001' } },
      ),
    );
    const clientId = taken.recordPhoneInquiry.client.id;
    data(
      await api.graphql(
        salesTokyo,
        `mutation($input: UpdateClientProfileInput!) { updateClientProfile(input: $input) { ... on Client { industry } } }`,
        { input: { clientId, industry: 'MANUFACTURING' } },
      ),
    );
    const proposal = data<{
      salesRepProposal: { candidates: { salesRepId: string; rank: number; factors: { reason: string }[] }[] };
    }>(
      await api.graphql(
        managerTokyo,
        `query($id: ID!) { salesRepProposal(clientId: $id) { ... on SalesRepProposal {
          candidates { salesRepId rank score tied factors { factor value reason } } } } }`,
        { id: clientId },
      ),
    ).salesRepProposal;
    expect(proposal.candidates.map((c) => c.rank)).toEqual([1, 2, 3]);
    expect(proposal.candidates[0]?.factors[0]?.reason).toContain('担当顧客');
    // The rep denied the proposal:
    const denied = await api.graphql(
      salesTokyo,
      `query($id: ID!) { salesRepProposal(clientId: $id) { __typename } }`,
      {
        id: clientId,
      },
    );
    expect((denied.errors as { extensions: { code: string } }[])[0]?.extensions.code).toBe('FORBIDDEN');

    const assign = `mutation($input: AssignSalesRepInput!) { assignSalesRep(input: $input) {
      __typename ... on AssignSalesRepPayload { client { stage salesRep { userId } } assignment { proposalRank overrideReason } }
      ... on ValidationError { fieldErrors { path message } } } }`;
    // sales-tokyo-1 already has a client (seeded in beforeAll), so it is not the top rep: it needs a reason.
    const chosen = proposal.candidates.find((c) => c.salesRepId === 'sales-tokyo-1');
    expect(chosen?.rank).toBeGreaterThan(1);
    const refused = data<{ assignSalesRep: { __typename: string; fieldErrors?: { path: string }[] } }>(
      await api.graphql(managerTokyo, assign, { input: { clientId, salesRepId: 'sales-tokyo-1' } }),
    ).assignSalesRep;
    expect(refused.fieldErrors?.[0]?.path).toBe('input.overrideReason');
    const assigned = data<{
      assignSalesRep: {
        client: { stage: string; salesRep: { userId: string } };
        assignment: { overrideReason: string };
      };
    }>(
      await api.graphql(managerTokyo, assign, {
        input: { clientId, salesRepId: 'sales-tokyo-1', overrideReason: '既存取引先の担当' },
      }),
    ).assignSalesRep;
    expect(assigned).toMatchObject({
      client: { stage: 'ASSIGNED', salesRep: { userId: 'sales-tokyo-1' } },
      assignment: { overrideReason: '既存取引先の担当' },
    });

    const visit = data<{ planVisit: { id: string; status: string } }>(
      await api.graphql(
        salesTokyo,
        `mutation($input: PlanVisitInput!) { planVisit(input: $input) { ... on Visit { id status } } }`,
        { input: { clientId, plannedStartAt: '2026-11-30T01:00:00Z', plannedEndAt: '2026-11-30T02:30:00Z' } },
      ),
    ).planVisit;
    const prepared = data<{ confirmPreVisitChecklist: { status: string; missingChecklistItems: string[] } }>(
      await api.graphql(
        salesTokyo,
        `mutation($input: ConfirmPreVisitChecklistInput!) { confirmPreVisitChecklist(input: $input) {
          ... on Visit { status missingChecklistItems } } }`,
        { input: { visitId: visit.id, items: fullChecklist } },
      ),
    ).confirmPreVisitChecklist;
    expect(prepared).toEqual({ status: 'PREPARED', missingChecklistItems: [] });

    const upload = data<{
      requestVisitAttachmentUpload: { attachment: { id: string }; upload: { url: string; method: string } };
    }>(
      await api.graphql(
        salesTokyo,
        `mutation($input: RequestVisitAttachmentUploadInput!) { requestVisitAttachmentUpload(input: $input) {
          ... on VisitAttachmentUpload { attachment { id } upload { url method headers expiresAt } } } }`,
        {
          input: {
            visitId: visit.id,
            kind: 'SITE_PHOTO',
            fileName: '工場入口.png',
            contentType: 'image/png',
            size: 24,
          },
        },
      ),
    ).requestVisitAttachmentUpload;
    expect(upload.upload.method).toBe('PUT');
    const key = documents.grants.at(-1)?.key as string;
    await documents.put(
      key,
      Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(16)]),
      'image/png',
    );
    data(
      await api.graphql(
        salesTokyo,
        `mutation($input: ConfirmVisitAttachmentInput!) { confirmVisitAttachment(input: $input) { ... on Visit { id } } }`,
        { input: { visitId: visit.id, attachmentId: upload.attachment.id } },
      ),
    );
    const { hearingItems, ...record } = visitRecordInput(visit.id, '2026-11-30T02:30:00Z');
    const recorded = data<{
      recordVisit: { visit: { status: string }; draftApplication: { status: string } };
    }>(
      await api.graphql(
        salesTokyo,
        `mutation($input: RecordVisitInput!) { recordVisit(input: $input) {
          ... on RecordVisitPayload { visit { status } draftApplication { type status } } } }`,
        { input: { ...record, hearingItems: { ...hearingItems } } },
      ),
    ).recordVisit;
    expect(recorded).toEqual({
      visit: { status: 'RECORDED' },
      draftApplication: { type: 'CREDIT_PRECHECK', status: 'DRAFT' },
    });

    const view = data<{ client: Record<string, unknown> }>(
      await api.graphql(
        managerTokyo,
        `query($id: ID!) { client(id: $id) { ... on Client {
          stage industry salesRep { userId } assignments { salesRepId proposalRank }
          visits { status checklist { item } recordDeadline { status late } record { outcome workJudgment { result } }
            attachments { state fileName downloadUrl } }
          hearingSheets { completeness { complete missing } }
          ledgerFacts { item value source { via visitId by } }
          applications { type status }
          inquiries { hearingSheet { completeness { complete } } }
          kintoneSync { app subjectType state }
          auditTrail(first: 30) { edges { node { operation } } } } } }`,
        { id: clientId },
      ),
    ).client;
    expect(view).toMatchObject({
      stage: 'VISITED',
      industry: 'MANUFACTURING',
      salesRep: { userId: 'sales-tokyo-1' },
      visits: [
        {
          status: 'RECORDED',
          recordDeadline: { status: 'MET', late: false },
          record: { outcome: 'REQUEST_LIKELY', workJudgment: { result: 'PERMITTED' } },
          attachments: [
            { state: 'STORED', fileName: '工場入口.png', downloadUrl: expect.stringContaining('download') },
          ],
        },
      ],
      hearingSheets: [{ completeness: { complete: true, missing: [] } }],
      applications: [{ type: 'CREDIT_PRECHECK', status: 'DRAFT' }],
      inquiries: [{ hearingSheet: { completeness: { complete: true } } }],
    });
    expect(view.ledgerFacts).toContainEqual({
      item: 'jobContent',
      value: completeHearing.jobContent,
      source: { via: 'VISIT', visitId: visit.id, by: 'sales-tokyo-1' },
    });
    expect(view.kintoneSync).toContainEqual({ app: 'visits', subjectType: 'VISIT', state: 'PENDING' });
    const operations = (view.auditTrail as { edges: { node: { operation: string } }[] }).edges.map(
      (e) => e.node.operation,
    );
    for (const op of [
      'assignment.assign',
      'visit.plan',
      'visit.confirmChecklist',
      'visit.confirmAttachment',
      'visit.record',
    ]) {
      expect(operations).toContain(op);
    }
    // Another department sees none of it.
    const other = await api.graphql(salesOsaka, `query($id: ID!) { client(id: $id) { __typename } }`, {
      id: clientId,
    });
    expect((other.errors as { extensions: { code: string } }[])[0]?.extensions.code).toBe('FORBIDDEN');
  });
});

describe('clients view', () => {
  it('serves a page of 50 clients with their reps in a constant number of DynamoDB calls', async () => {
    const reps = ['sales-tokyo-1', 'sales-tokyo-2', 'sales-tokyo-3'];
    const writes = Array.from({ length: 60 }, (_, i) => {
      const at = new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString();
      const client: Client = {
        clientId: `cli_page${String(i).padStart(3, '0')}`,
        name: `株式会社ページ${i}`,
        normalizedName: `ページ${i}`,
        phones: [],
        emailDomains: [],
        stage: i % 2 ? 'ASSIGNED' : 'VISITED',
        department: 'SALES_TOKYO',
        salesRepId: reps[i % 3] as string,
        possibleDuplicateOf: [],
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      return { entity: { type: 'CLIENT' as const, value: client } };
    });
    for (let i = 0; i < writes.length; i += 25) await t.ledger.commit(writes.slice(i, i + 25), []);

    const query = `query($filter: ClientFilter) { clients(first: 50, filter: $filter) {
      edges { node { id stage salesRep { name } } } pageInfo { hasNextPage } } }`;
    const page = async (filter: Record<string, unknown>) => {
      const before = dynamoCalls;
      const result = data<{ clients: { edges: { node: { stage: string; salesRep: { name: string } } }[] } }>(
        await api.graphql(managerTokyo, query, { filter }),
      );
      return { nodes: result.clients.edges.map((e) => e.node), calls: dynamoCalls - before };
    };
    const all = await page({});
    expect(all.nodes).toHaveLength(50);
    expect(all.nodes.every((n) => n.salesRep.name.startsWith('Member'))).toBe(true);
    // The signed-in person's directory entry (role and department), one Query for the page, one
    // BatchGetItem for every rep on it.
    expect(all.calls).toBe(3);
    const ofRep = await page({ salesRepId: 'sales-tokyo-2' });
    expect(ofRep.nodes.length).toBeGreaterThanOrEqual(20);
    expect(ofRep.calls).toBe(3);
    const visited = await page({ stage: 'VISITED' });
    expect(visited.nodes.length).toBeGreaterThanOrEqual(30); // the 30 VISITED of the 60 above, at least
    expect(visited.nodes.every((n) => n.stage === 'VISITED')).toBe(true);
    const forbidden = await api.graphql(salesTokyo, query, { filter: { department: 'SALES_OSAKA' } });
    expect((forbidden.errors as { extensions: { code: string } }[])[0]?.extensions.code).toBe('FORBIDDEN');
  });
});
