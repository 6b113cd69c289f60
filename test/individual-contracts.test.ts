/**
 * The legal domain of the individual contract on DynamoDB Local: establishments and units, the
 * conflict-date notice (PDF) and its extension, an order's treatment information, the draft's
 * terms requested by e-mail and collected in parts within 2 calendar days (escalated once,
 * listed as overdue), the worker decided with the period check, and the gates the workflow runs.
 * Requirements: A5-3, A5-4, A5-5, X-1, X-2, X-4, X-5.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '../core/applications/application.js';
import type { Client } from '../core/clients/client.js';
import { runDeadlineJob } from '../core/deadline-job.js';
import { extendConflictDate, recordConflictDateNotice } from '../core/establishments/conflict-date-notice.js';
import type { Establishment } from '../core/establishments/establishment.js';
import { requestLegalDocumentUpload } from '../core/establishments/legal-documents.js';
import {
  addEstablishment,
  addOrganisationalUnit,
  updateOrganisationalUnit,
} from '../core/establishments/manage-establishments.js';
import { mirrorWorkerRegister } from '../core/gstaff/worker-register-mirror.js';
import { decideWorker } from '../core/individual-contracts/decide-worker.js';
import {
  draftIndividualContract,
  requestIndividualContractTerms,
  saveIndividualContractTerms,
} from '../core/individual-contracts/draft-individual-contract.js';
import type { IndividualContract } from '../core/individual-contracts/individual-contract.js';
import { checkIndividualContractGates } from '../core/individual-contracts/individual-contract-gates.js';
import type { IndividualContractTerms } from '../core/individual-contracts/individual-contract-terms.js';
import { recordTreatmentInformation } from '../core/individual-contracts/record-treatment-information.js';
import { recordPhoneInquiry } from '../core/inquiries/record-phone-inquiry.js';
import { listOverdueItems } from '../core/overdue/overdue-items.js';
import { InMemoryDocumentStore } from '../core/testing/in-memory-document-store.js';
import { createTestApi } from './support/api.js';
import {
  admin,
  hubDeps,
  managerTokyo,
  marketing,
  phoneInquiry,
  salesOsaka,
  salesTokyo,
  seedDirectory,
} from './support/builders.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';

let t: TestLedger;
/** Monday 2026-11-30, 14:00 JST. */
const NOW = '2026-11-30T05:00:00.000Z';
const documents = new InMemoryDocumentStore();
let d: ReturnType<typeof hubDeps> & { documents: InMemoryDocumentStore };
let client: Client;
let orderId: string;
let site: Establishment;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');

const unitId = (e: Establishment, name: string) =>
  e.organisationalUnits.find((u) => u.name === name)?.organisationalUnitId as string;

/** Uploads a PDF for the client as the browser would, and returns the reference a record names. */
async function uploadPdf(fileName: string, bytes = PDF, clientId = client.clientId) {
  const { key } = await requestLegalDocumentUpload(d, salesTokyo, {
    clientId,
    purpose: 'CONFLICT_DATE_NOTICE',
    fileName,
    size: bytes.length,
  });
  await documents.put(key, bytes, 'application/pdf');
  return { key, fileName };
}

const person = (name: string) => ({ name, title: '課長', phone: '03-1111-2222' });
const fullTerms: IndividualContractTerms = {
  jobContent: '倉庫内の出荷検品（ハンディ端末使用）',
  responsibilityLevel: '役職なし・責任の程度は通常',
  workLocation: '品川第一倉庫（東京都品川区東品川1-1-1）出荷課',
  commandingSupervisor: person('佐藤 一郎'),
  workingDays: '月～金（祝日・年末年始を除く）',
  workingHours: { start: '09:00', end: '18:00' },
  breakTime: '12:00～13:00（60分）',
  healthAndSafety: '安全靴を貸与、入構時に安全教育',
  complaintHandling: {
    agencyDesk: person('高橋 美咲'),
    clientDesk: person('鈴木 次郎'),
    procedure: '申出を受けた者が相手方へ連絡し、遅滞なく処理する',
  },
  cancellationMeasures: '30日前までに予告し、新たな就業機会を確保する',
  agencyManager: person('山田 太郎'),
  clientManager: person('田中 花子'),
  overtimeAndHolidayWork: '1日2時間・月20時間まで、休日労働は月1日まで',
  welfareFacilities: '食堂・休憩室・更衣室を利用可',
  directHireDisputePrevention: '派遣終了後に直接雇用する場合は紹介手数料の取り決めに従う',
  workerLimitation: { agreementCoveredOnly: true, indefiniteTermOrAged60Only: false },
  numberOfWorkers: 1,
  billingRateYenPerHour: 2100,
  wageYenPerHour: 1500,
};

const draft = (period: { startDate: string; endDate: string }, unit = '出荷課') =>
  draftIndividualContract(d, salesTokyo, {
    orderId,
    establishmentId: site.establishmentId,
    organisationalUnitId: unitId(site, unit),
    period,
  });

beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger);
  d = { ...hubDeps(t.ledger, NOW), documents };
  const inquiry = await recordPhoneInquiry(
    d,
    salesTokyo,
    phoneInquiry({ company: '株式会社みなと物流', phone: '03-1234-5678', email: 'keiyaku@minato.example' }),
  );
  orderId = `ord_${inquiry.inquiryId.replace(/^inq_/, '')}`;
  const created = (await t.ledger.getClient(inquiry.clientId)) as Client;
  // The client is linked to its G-Staff registration, so the worker register's assignments there count.
  client = {
    ...created,
    gstaff: { state: 'LINKED', gstaffClientId: 'G-1001', checkedAt: NOW },
    version: created.version + 1,
  };
  await t.ledger.commit(
    [{ entity: { type: 'CLIENT', value: client }, expectedVersion: created.version }],
    [],
  );
  await mirrorWorkerRegister(
    d,
    [
      {
        workerId: 'S-001',
        name: '山本 翔太',
        employmentTerm: 'FIXED_TERM',
        birthDate: '1992-05-14',
        // In 出荷課 since 2024-04-01 without a break: their own conflict date there is 2027-04-01.
        assignments: [
          {
            assignmentId: 'H-1',
            workerId: 'S-001',
            gstaffClientId: 'G-1001',
            establishment: '品川第一倉庫',
            organisationalUnit: '出荷課',
            startDate: '2024-04-01',
          },
        ],
      },
      { workerId: 'S-006', name: '松本 彩', employmentTerm: 'FIXED_TERM', assignments: [] },
    ],
    'api',
  );
  site = await addEstablishment(d, salesTokyo, {
    clientId: client.clientId,
    name: '品川第一倉庫',
    address: '東京都品川区東品川1-1-1',
    organisationalUnits: [{ name: '出荷課', head: '出荷課長' }],
  });
});

describe('establishments and organisational units', () => {
  it('lets sales of the client’s department and managers add and edit them, audited on the client', async () => {
    site = await addOrganisationalUnit(d, managerTokyo, {
      establishmentId: site.establishmentId,
      expectedVersion: site.version,
      name: '入荷課',
    });
    site = await updateOrganisationalUnit(d, salesTokyo, {
      establishmentId: site.establishmentId,
      organisationalUnitId: unitId(site, '入荷課'),
      expectedVersion: site.version,
      head: '入荷課長',
    });
    expect(site.organisationalUnits.map((u) => [u.name, u.head])).toEqual([
      ['出荷課', '出荷課長'],
      ['入荷課', '入荷課長'],
    ]);
    expect(await t.ledger.listEstablishmentsOfClient(client.clientId)).toEqual([site]);
    const trail = await t.ledger.listAuditTrail(`CLIENT#${client.clientId}`, 20);
    expect(trail.items.map((e) => e.operation)).toEqual(
      expect.arrayContaining([
        'establishment.add',
        'establishment.addOrganisationalUnit',
        'establishment.updateOrganisationalUnit',
      ]),
    );
  });

  it('refuses another department, a role that may not, a duplicate name and a stale version', async () => {
    const add = { clientId: client.clientId, name: '大井ふ頭センター' };
    await expect(addEstablishment(d, salesOsaka, add)).rejects.toMatchObject({ rule: 'OTHER_DEPARTMENT' });
    await expect(addEstablishment(d, marketing, add)).rejects.toMatchObject({ rule: 'ROLE_NOT_ALLOWED' });
    await expect(addEstablishment(d, salesTokyo, { ...add, name: ' 品川第一倉庫 ' })).rejects.toMatchObject({
      fieldErrors: [{ path: 'input.name' }],
    });
    await expect(
      addOrganisationalUnit(d, salesTokyo, {
        establishmentId: site.establishmentId,
        expectedVersion: site.version,
        name: '出荷課',
      }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'input.name' }] });
    await expect(
      addOrganisationalUnit(d, salesTokyo, {
        establishmentId: site.establishmentId,
        expectedVersion: 1,
        name: '梱包課',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('the conflict-date notice (A5-3)', () => {
  it('keeps the notice as the client’s PDF, with who received it and when', async () => {
    const document = await uploadPdf('抵触日通知_品川第一倉庫.pdf');
    site = await recordConflictDateNotice(d, salesTokyo, {
      establishmentId: site.establishmentId,
      expectedVersion: site.version,
      conflictDate: '2027-10-01',
      receivedOn: '2026-11-27',
      document,
    });
    expect(site.conflictDateNotice).toMatchObject({
      conflictDate: '2027-10-01',
      receivedBy: 'sales-tokyo-1',
      receivedOn: '2026-11-27',
      document: { key: document.key, fileName: '抵触日通知_品川第一倉庫.pdf', size: PDF.length },
      extensions: [],
    });
  });

  it('refuses a file that is not a PDF, a key of another client, and nothing uploaded, naming the field', async () => {
    const notPdf = await uploadPdf('scan.pdf', Buffer.from('GIF89a not a pdf'));
    const record = (document: { key: string; fileName: string }) =>
      recordConflictDateNotice(d, salesTokyo, {
        establishmentId: site.establishmentId,
        expectedVersion: site.version,
        conflictDate: '2027-10-01',
        receivedOn: '2026-11-27',
        document,
      });
    await expect(record(notPdf)).rejects.toMatchObject({
      fieldErrors: [{ path: 'input.document.key', message: 'the uploaded file is not a PDF' }],
    });
    await expect(
      record({ key: 'legal/cli_other/conflict_date_notice/doc_1.pdf', fileName: 'x.pdf' }),
    ).rejects.toMatchObject({
      fieldErrors: [{ path: 'input.document.key', message: 'is not a document uploaded for this client' }],
    });
    await expect(
      record({ key: `legal/${client.clientId}/conflict_date_notice/never.pdf`, fileName: 'x.pdf' }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'input.document.key' }] });
    await expect(
      recordConflictDateNotice(d, salesTokyo, {
        establishmentId: site.establishmentId,
        expectedVersion: site.version,
        conflictDate: '2027-02-30',
        receivedOn: '2026-11-27',
        document: notPdf,
      }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'input.conflictDate' }] });
  });

  it('extends the date only after a hearing at least a month before it, at most 3 years on', async () => {
    const notice = await uploadPdf('抵触日延長通知.pdf');
    const extend = (heardOn: string, newConflictDate: string) =>
      extendConflictDate(d, salesTokyo, {
        establishmentId: site.establishmentId,
        expectedVersion: site.version,
        newConflictDate,
        notice,
        hearing: {
          heardParty: 'MAJORITY_REPRESENTATIVE',
          partyName: '従業員代表 木村 健',
          heardOn,
          opinion: '異議なし',
        },
      });
    // Conflict date 2027-10-01: the hearing is due by 2027-09-01; the clock says 2026-11-30.
    await expect(extend('2026-12-01', '2030-10-01')).rejects.toMatchObject({
      fieldErrors: [{ path: 'input.hearing.heardOn' }],
    });
    await expect(extend('2026-11-20', '2030-10-02')).rejects.toMatchObject({
      fieldErrors: [{ path: 'input.newConflictDate' }],
    });
    site = await extend('2026-11-20', '2028-10-01');
    expect(site.conflictDateNotice?.extensions).toMatchObject([
      {
        previousConflictDate: '2027-10-01',
        newConflictDate: '2028-10-01',
        hearing: { heardParty: 'MAJORITY_REPRESENTATIVE', heardOn: '2026-11-20' },
        notice: { fileName: '抵触日延長通知.pdf' },
      },
    ]);
    const stored = await t.ledger.getEstablishment(site.establishmentId);
    expect(stored?.conflictDateNotice?.extensions.at(-1)?.newConflictDate).toBe('2028-10-01');
  });
});

describe('treatment information per order (A5-3)', () => {
  it('requires what the method requires and at least one PDF, and records who received it', async () => {
    const document = await uploadPdf('待遇情報.pdf');
    const record = (extra: Record<string, unknown>) =>
      recordTreatmentInformation(d, salesTokyo, {
        orderId,
        establishmentId: site.establishmentId,
        receivedOn: '2026-11-30',
        documents: [document],
        ...extra,
      });
    await expect(
      record({ method: 'EQUAL_BALANCED', items: { training: '入社時研修', welfareFacilities: '食堂' } }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'input.items.comparableWorkerTreatment' }] });
    await expect(
      record({ method: 'LABOUR_MANAGEMENT_AGREEMENT', items: { training: '入社時研修' }, documents: [] }),
    ).rejects.toMatchObject({
      fieldErrors: expect.arrayContaining([
        expect.objectContaining({ path: 'input.items.welfareFacilities' }),
        expect.objectContaining({ path: 'input.documents' }),
      ]),
    });
    await expect(
      record({
        method: 'LABOUR_MANAGEMENT_AGREEMENT',
        items: { training: 'x', welfareFacilities: 'y' },
        orderId: 'ord_unknown',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const info = await record({
      method: 'LABOUR_MANAGEMENT_AGREEMENT',
      items: { training: '入社時の安全教育（2時間）', welfareFacilities: '食堂・休憩室・更衣室を利用可' },
    });
    expect(info).toMatchObject({
      method: 'LABOUR_MANAGEMENT_AGREEMENT',
      receivedBy: 'sales-tokyo-1',
      version: 1,
    });
    expect(await t.ledger.getTreatmentInformation(orderId)).toEqual(info);
  });
});

describe('terms of an individual contract (A5-4)', () => {
  let contract: IndividualContract;

  it('e-mails the client’s contact the items still needed, due 2 calendar days later at 23:59:59.999 JST', async () => {
    contract = await draft({ startDate: '2027-01-04', endDate: '2027-03-31' });
    expect(contract).toMatchObject({ status: 'DRAFT', terms: {}, department: 'SALES_TOKYO' });
    contract = await requestIndividualContractTerms(d, salesTokyo, {
      individualContractId: contract.individualContractId,
      expectedVersion: contract.version,
    });
    // Requested Monday 14:00 JST: due Wednesday 2026-12-02 23:59:59.999 JST.
    expect(contract.termsRequest).toMatchObject({
      dueAt: '2026-12-02T14:59:59.999Z',
      sentTo: { email: 'keiyaku@minato.example' },
    });
    const mail = await t.ledger.getMailMessage(contract.termsRequest?.mailMessageId as string);
    expect(mail).toMatchObject({
      template: 'INDIVIDUAL_CONTRACT_TERMS_REQUEST',
      to: ['keiyaku@minato.example'],
    });
    expect(mail?.text).toContain('指揮命令者');
    expect(mail?.text).toContain('派遣人員');
    expect(mail?.subject).toContain('2026-12-02');
  });

  it('counts calendar days from the JST date of the request (weekends and holidays included)', async () => {
    // Saturday 2026-12-05 00:30 JST (Friday 15:30 UTC): due Monday 2026-12-07 23:59:59.999 JST.
    d.clock.set('2026-12-04T15:30:00.000Z');
    try {
      const late = await draft({ startDate: '2027-01-04', endDate: '2027-03-31' });
      const requested = await requestIndividualContractTerms(d, salesTokyo, {
        individualContractId: late.individualContractId,
        expectedVersion: late.version,
      });
      expect(requested.termsRequest?.dueAt).toBe('2026-12-07T14:59:59.999Z');
    } finally {
      d.clock.set(NOW);
    }
  });

  it('saves the items in parts, reports each missing one in Japanese, and the completing save meets the deadline', async () => {
    const { jobContent, workingHours, ...rest } = fullTerms;
    const first = await saveIndividualContractTerms(d, salesTokyo, {
      individualContractId: contract.individualContractId,
      expectedVersion: contract.version,
      terms: rest,
    });
    expect(first.completeness.missing.map((m) => m.label)).toEqual(['業務内容', '就業時間（始業・終業）']);
    expect(first.contract.termsRequest?.metAt).toBeUndefined();
    await expect(
      saveIndividualContractTerms(d, salesTokyo, {
        individualContractId: contract.individualContractId,
        expectedVersion: first.contract.version,
        terms: { workingHours: { start: '9時', end: '18:00' } },
      }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'input.terms.workingHours.start' }] });
    const second = await saveIndividualContractTerms(d, salesTokyo, {
      individualContractId: contract.individualContractId,
      expectedVersion: first.contract.version,
      terms: { jobContent, workingHours },
    });
    expect(second.completeness).toEqual({ complete: true, missing: [] });
    expect(second.contract.termsRequest?.metAt).toBe(NOW);
    contract = second.contract;
  });

  it('escalates an incomplete request once to the department’s managers and lists it as overdue until met', async () => {
    const open = await draft({ startDate: '2027-01-04', endDate: '2027-03-31' });
    const requested = await requestIndividualContractTerms(d, salesTokyo, {
      individualContractId: open.individualContractId,
      expectedVersion: open.version,
    });
    d.clock.set('2026-12-02T14:59:59.999Z');
    expect((await runDeadlineJob(d)).individualContractTerms.escalated).toBe(0);
    d.clock.set('2026-12-02T15:00:00.000Z');
    try {
      const first = await runDeadlineJob(d);
      // The request above and the one made on Saturday are both open; only the first is past due.
      expect(first.individualContractTerms.escalated).toBe(1);
      expect((await runDeadlineJob(d)).individualContractTerms.escalated).toBe(0);
      const escalated = await t.ledger.getIndividualContract(open.individualContractId);
      expect(escalated?.termsRequest?.escalatedAt).toBe('2026-12-02T15:00:00.000Z');
      const inbox = await t.ledger.listNotifications('mgr-tokyo-1', 20);
      expect(inbox.items.some((n) => n.kind === 'INDIVIDUAL_CONTRACT_TERMS_OVERDUE')).toBe(true);
      const overdue = await listOverdueItems(d, managerTokyo, { kinds: ['INDIVIDUAL_CONTRACT_TERMS'] });
      expect(overdue).toEqual([
        expect.objectContaining({
          kind: 'INDIVIDUAL_CONTRACT_TERMS',
          subjectId: open.individualContractId,
          dueAt: requested.termsRequest?.dueAt,
          responsibleUserId: 'sales-tokyo-1',
          escalatedAt: '2026-12-02T15:00:00.000Z',
        }),
      ]);
      expect(await listOverdueItems(d, salesOsaka, { kinds: ['INDIVIDUAL_CONTRACT_TERMS'] })).toEqual([]);
      // Met late: it leaves the view, and stays late.
      const met = await saveIndividualContractTerms(d, salesTokyo, {
        individualContractId: open.individualContractId,
        expectedVersion: (escalated as IndividualContract).version,
        terms: fullTerms,
      });
      expect(met.contract.termsRequest?.metAt).toBe('2026-12-02T15:00:00.000Z');
      expect(await listOverdueItems(d, managerTokyo, { kinds: ['INDIVIDUAL_CONTRACT_TERMS'] })).toEqual([]);
    } finally {
      d.clock.set(NOW);
    }
  });

  it('refuses roles and departments that may not collect terms', async () => {
    const input = { individualContractId: contract.individualContractId, expectedVersion: contract.version };
    await expect(
      saveIndividualContractTerms(d, marketing, { ...input, terms: { breakTime: 'x' } }),
    ).rejects.toMatchObject({
      rule: 'ROLE_NOT_ALLOWED',
    });
    await expect(
      saveIndividualContractTerms(d, salesOsaka, { ...input, terms: { breakTime: 'x' } }),
    ).rejects.toMatchObject({
      rule: 'OTHER_DEPARTMENT',
    });
    await expect(
      draftIndividualContract(d, salesOsaka, {
        orderId,
        establishmentId: site.establishmentId,
        organisationalUnitId: unitId(site, '出荷課'),
        period: { startDate: '2027-01-04', endDate: '2027-03-31' },
      }),
    ).rejects.toMatchObject({ rule: 'OTHER_DEPARTMENT' });
  });
});

describe('deciding the worker and the gates (A5-5)', () => {
  it('reports every gate that fails on a bare draft, each naming what is missing', async () => {
    const bare = await draft({ startDate: '2027-01-04', endDate: '2027-03-31' }, '入荷課');
    const result = await checkIndividualContractGates(d, bare.individualContractId);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failures.map((f) => f.gate)).toEqual([
      'BASIC_CONTRACT_EXECUTED',
      'TERMS_COMPLETE',
      'WORKER_DECIDED',
    ]);
    expect(result.failures[1]?.message).toContain('業務内容');
  });

  it('refuses a worker whose own unit date the period reaches, naming the date and the rule; the earlier date binds', async () => {
    // S-001 has been in 出荷課 since 2024-04-01 (own date 2027-04-01); the establishment's date is 2028-10-01.
    let contract = await draft({ startDate: '2027-01-04', endDate: '2027-04-01' });
    await expect(
      decideWorker(d, salesTokyo, {
        individualContractId: contract.individualContractId,
        expectedVersion: contract.version,
        workerId: 'S-001',
      }),
    ).rejects.toMatchObject({
      rule: 'PERIOD_CHECK',
      message: expect.stringMatching(/2027-04-01.*個人単位の期間制限/),
    });
    // S-006 has never been there: the establishment's date binds (2028-10-01), so the same period passes.
    contract = await decideWorker(d, salesTokyo, {
      individualContractId: contract.individualContractId,
      expectedVersion: contract.version,
      workerId: 'S-006',
    });
    expect(contract.worker).toMatchObject({
      workerId: 'S-006',
      workerName: '松本 彩',
      bindingConflictDate: '2028-10-01',
    });
    await expect(
      decideWorker(d, salesTokyo, {
        individualContractId: contract.individualContractId,
        expectedVersion: contract.version,
        workerId: 'S-404',
      }),
    ).rejects.toMatchObject({ rule: 'PERIOD_CHECK', message: expect.stringContaining('スタッフ台帳') });
  });

  it('passes S-001 up to the day before their date, and past it only with an exemption and its reason', async () => {
    const contract = await draft({ startDate: '2027-01-04', endDate: '2027-03-31' });
    const decided = await decideWorker(d, salesTokyo, {
      individualContractId: contract.individualContractId,
      expectedVersion: contract.version,
      workerId: 'S-001',
    });
    expect(decided.worker?.bindingConflictDate).toBe('2027-04-01');
    const longer = await draft({ startDate: '2027-01-04', endDate: '2027-09-30' });
    await expect(
      decideWorker(d, salesTokyo, {
        individualContractId: longer.individualContractId,
        expectedVersion: longer.version,
        workerId: 'S-001',
        exemption: { kind: 'LEAVE_SUBSTITUTE', reason: ' ' },
      }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'input.exemption.reason' }] });
    const exempt = await decideWorker(d, salesTokyo, {
      individualContractId: longer.individualContractId,
      expectedVersion: longer.version,
      workerId: 'S-001',
      exemption: { kind: 'LEAVE_SUBSTITUTE', reason: '出荷課 佐々木さんの育児休業（2027-09-30 まで）の代替' },
    });
    expect(exempt.exemption).toMatchObject({ kind: 'LEAVE_SUBSTITUTE', recordedBy: 'sales-tokyo-1' });
    expect(exempt.worker?.bindingConflictDate).toBeUndefined();
  });

  it('opens every gate once the basic contract is executed, the records are there, the terms complete and the worker decided', async () => {
    let contract = await draft({ startDate: '2027-01-04', endDate: '2027-03-31' });
    contract = (
      await saveIndividualContractTerms(d, salesTokyo, {
        individualContractId: contract.individualContractId,
        expectedVersion: contract.version,
        terms: fullTerms,
      })
    ).contract;
    contract = await decideWorker(d, salesTokyo, {
      individualContractId: contract.individualContractId,
      expectedVersion: contract.version,
      workerId: 'S-001',
    });
    const closed = await checkIndividualContractGates(d, contract.individualContractId);
    expect(closed).toMatchObject({ ok: false, failures: [{ gate: 'BASIC_CONTRACT_EXECUTED' }] });
    const executed: Application = {
      applicationId: 'app_basic_1',
      type: 'CONTRACT_EXECUTION',
      status: 'APPROVED',
      clientId: client.clientId,
      department: 'SALES_TOKYO',
      applicantId: 'sales-tokyo-1',
      history: [],
      createdAt: NOW,
      updatedAt: NOW,
      version: 1,
    };
    await t.ledger.commit([{ entity: { type: 'APPLICATION', value: executed } }], []);
    expect(await checkIndividualContractGates(d, contract.individualContractId)).toEqual({ ok: true });
    // A worker's register changing afterwards closes the period gate again: it is re-run, not remembered.
    await mirrorWorkerRegister(
      d,
      [
        {
          workerId: 'S-001',
          name: '山本 翔太',
          employmentTerm: 'FIXED_TERM',
          birthDate: '1992-05-14',
          assignments: [
            {
              assignmentId: 'H-0',
              workerId: 'S-001',
              gstaffClientId: 'G-1001',
              establishment: '品川第一倉庫',
              organisationalUnit: '出荷課',
              startDate: '2024-01-04',
              endDate: '2024-03-31',
            },
          ],
        },
      ],
      'api',
    );
    const reopened = await checkIndividualContractGates(d, contract.individualContractId);
    expect(reopened).toMatchObject({
      ok: false,
      failures: [{ gate: 'PERIOD_CHECK', message: expect.stringContaining('2027-01-04') }],
    });
  });
});

describe('in GraphQL', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  beforeAll(async () => {
    api = await createTestApi(d);
  });

  it('shows the client’s establishments and contracts with what is missing and the gates', async () => {
    const result = await api.graphql(
      salesTokyo,
      `query($id: ID!) { client(id: $id) { ... on Client {
        establishments { name conflictDate organisationalUnits { name } conflictDateNotice { extensions { newConflictDate } } }
        individualContracts { status termsCompleteness { complete missing { item label } } gateFailures { gate message } }
      } } }`,
      { id: client.clientId },
    );
    expect(result.errors).toBeUndefined();
    const view = (result.data as { client: { establishments: unknown[]; individualContracts: unknown[] } })
      .client;
    expect(view.establishments).toEqual([
      {
        name: '品川第一倉庫',
        conflictDate: '2028-10-01',
        organisationalUnits: [{ name: '出荷課' }, { name: '入荷課' }],
        conflictDateNotice: { extensions: [{ newConflictDate: '2028-10-01' }] },
      },
    ]);
    expect(view.individualContracts).toContainEqual({
      status: 'DRAFT',
      termsCompleteness: expect.objectContaining({ complete: false }),
      gateFailures: expect.arrayContaining([
        { gate: 'TERMS_COMPLETE', message: expect.stringContaining('業務内容') },
        { gate: 'WORKER_DECIDED', message: expect.any(String) },
      ]),
    });
  });

  it('answers bad input and refused gates as typed results naming the field or the rule', async () => {
    const contract = await draft({ startDate: '2027-01-04', endDate: '2027-12-31' });
    const save = await api.graphql(
      salesTokyo,
      `mutation($input: SaveIndividualContractTermsInput!) { saveIndividualContractTerms(input: $input) {
        __typename ... on ValidationError { fieldErrors { path } } } }`,
      {
        input: {
          individualContractId: contract.individualContractId,
          expectedVersion: contract.version,
          terms: { workingHours: { start: '25:00', end: '18:00' }, numberOfWorkers: 0 },
        },
      },
    );
    expect(save.data?.saveIndividualContractTerms).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ path: 'input.terms.workingHours.start' }, { path: 'input.terms.numberOfWorkers' }],
    });
    const decide = await api.graphql(
      salesTokyo,
      `mutation($input: DecideWorkerInput!) { decideWorker(input: $input) {
        __typename ... on PreconditionFailedError { rule message } } }`,
      {
        input: {
          individualContractId: contract.individualContractId,
          expectedVersion: contract.version,
          workerId: 'S-001',
        },
      },
    );
    expect(decide.data?.decideWorker).toMatchObject({
      __typename: 'PreconditionFailedError',
      rule: 'PERIOD_CHECK',
      message: expect.stringContaining('2027-01-04'),
    });
  });

  it('refuses other departments and roles that may not, and lets marketing read the worker register', async () => {
    const add = `mutation($input: AddEstablishmentInput!) { addEstablishment(input: $input) { __typename } }`;
    const input = { input: { clientId: client.clientId, name: '川崎センター' } };
    const osaka = await api.graphql(salesOsaka, add, input);
    expect(osaka.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'OTHER_DEPARTMENT' });
    const mkt = await api.graphql(marketing, add, input);
    expect(mkt.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'ROLE_NOT_ALLOWED' });
    const workers = await api.graphql(
      marketing,
      `{ workers(first: 10) { edges { node { id name employmentTerm assignments { establishment organisationalUnit startDate } } } } }`,
    );
    expect(workers.errors).toBeUndefined();
    const nodes = (workers.data as { workers: { edges: { node: { id: string } }[] } }).workers.edges.map(
      (e) => e.node,
    );
    expect(nodes.map((n) => n.id)).toEqual(['S-001', 'S-006']);
    const refused = await api.graphql(admin, `{ workers(first: 1) { edges { node { id } } } }`);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'ROLE_NOT_ALLOWED' });
  });
});

describe('a contract at another establishment of the same order', () => {
  it('needs that establishment’s notice and treatment information, not the first one’s', async () => {
    const other = await addEstablishment(d, salesTokyo, {
      clientId: client.clientId,
      name: '大井ふ頭センター',
      organisationalUnits: [{ name: '配送課' }],
    });
    const contract = await draftIndividualContract(d, salesTokyo, {
      orderId,
      establishmentId: other.establishmentId,
      organisationalUnitId: unitId(other, '配送課'),
      period: { startDate: '2027-01-04', endDate: '2027-03-31' },
    });
    const result = await checkIndividualContractGates(d, contract.individualContractId);
    expect(result.ok === false && result.failures).toEqual(
      expect.arrayContaining([
        { gate: 'CONFLICT_DATE_NOTICE', message: expect.stringContaining('大井ふ頭センター') },
        { gate: 'TREATMENT_INFORMATION', message: expect.stringContaining('別の事業所') },
      ]),
    );
  });
});
