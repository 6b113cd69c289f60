/**
 * The deadline job for an individual contract's items (A5-4, X-2, docs/policy.md "Escalation")
 * against the in-memory ledger: a request whose items are not all stored by the end of the second
 * calendar day after it (Japan time) is escalated exactly once, at the first instant past that, to
 * the active managers of the department the client belongs to then, in their inboxes and by e-mail
 * naming the client, who asked, the deadline and each item still missing, audited on the client's
 * trail; one completed in time never is, one completed meanwhile is skipped, a ledger failure is
 * not swallowed. (test/individual-contracts.test.ts proves it on DynamoDB Local.)
 */
import { describe, expect, it } from 'vitest';
import { hubDeps, salesOsaka, salesTokyo } from '../../test/support/builders.js';
import {
  actAfterNextRead,
  escalationDirectory,
  expectEscalatedOnlyPast,
  FailingLedger,
  inboxesOf,
  leaves,
  mailsOf,
  seedStaff,
} from '../../test/support/deadline-escalation.js';
import { completeTerms, readyIndividualContract } from '../../test/support/individual-contracts.js';
import type { Actor } from '../access.js';
import type { Client } from '../clients/client.js';
import { clientTrail } from '../clients/client.js';
import { InMemoryClientLedger } from '../testing/in-memory-ledger.js';
import { requestIndividualContractTerms, saveIndividualContractTerms } from './draft-individual-contract.js';
import { escalateOverdueTermsRequests } from './escalate-terms-requests.js';
import type { IndividualContract } from './individual-contract.js';

/** Monday 2026-11-30 14:00 JST: a request made now is due Wednesday 2 December 23:59:59.999 JST. */
const NOW = '2026-11-30T05:00:00.000Z';
const LAST_INSTANT = '2026-12-02T14:59:59.999Z';
const PAST_DUE = '2026-12-02T15:00:00.000Z';

const members = escalationDirectory;

let clients = 0;

async function setUp(ledger = new InMemoryClientLedger()) {
  await seedStaff(ledger, members);
  const d = hubDeps(ledger, NOW);
  /** A draft contract still missing its billing rate, its items requested from the client now. */
  const requested = async (rep: Actor = salesTokyo): Promise<IndividualContract> => {
    clients += 1;
    const ready = await readyIndividualContract(ledger, {
      gstaffClientId: `G-${9000 + clients}`,
      department: rep.department,
      salesRepId: rep.userId,
      without: 'TERMS_COMPLETE',
      now: NOW,
    });
    return requestIndividualContractTerms(d, rep, {
      individualContractId: ready.individualContractId,
      expectedVersion: 1,
    });
  };
  const complete = (contract: IndividualContract, rep: Actor = salesTokyo) =>
    ledger.getIndividualContract(contract.individualContractId).then((current) =>
      saveIndividualContractTerms(d, rep, {
        individualContractId: contract.individualContractId,
        expectedVersion: current?.version,
        terms: { billingRateYenPerHour: completeTerms.billingRateYenPerHour },
      }),
    );
  const inboxes = () => inboxesOf(ledger, members, 'INDIVIDUAL_CONTRACT_TERMS_OVERDUE');
  const mails = () => mailsOf(ledger, 'INDIVIDUAL_CONTRACT_TERMS_OVERDUE');
  const escalatedAt = async (c: IndividualContract) =>
    (await ledger.getIndividualContract(c.individualContractId))?.termsRequest?.escalatedAt;
  return { d, ledger, requested, complete, inboxes, mails, escalatedAt };
}

describe('when a request for an individual contract’s items is overdue', () => {
  it('is escalated at the first instant after the second calendar day, not at its last one', async () => {
    const { d, requested, mails } = await setUp();
    const contract = await requested();
    expect(contract.termsRequest?.dueAt).toBe(LAST_INSTANT);

    await expectEscalatedOnlyPast(d.clock, () => escalateOverdueTermsRequests(d), mails, {
      due: LAST_INSTANT,
      pastDue: PAST_DUE,
    });
  });

  it('goes to every active manager of the client’s department, no one else', async () => {
    const { d, requested, inboxes, mails } = await setUp();
    const tokyo = await requested();
    const osaka = await requested(salesOsaka);
    d.clock.set(PAST_DUE);
    expect(await escalateOverdueTermsRequests(d)).toEqual({ escalated: 2, skipped: 0 });

    const inbox = await inboxes();
    expect(inbox[tokyo.clientId]?.sort()).toEqual(['mgr-tokyo-1', 'mgr-tokyo-2']);
    expect(inbox[osaka.clientId]).toEqual(['mgr-osaka-1']);
    const toTokyo = (await mails()).find((m) => m.clientId === tokyo.clientId);
    expect(toTokyo?.to.sort()).toEqual(['mgr-tokyo-1@agency.example', 'mgr-tokyo-2@agency.example']);
  });

  it('goes to the department that has the client when it fell due, though the contract was drafted in another', async () => {
    const { d, ledger, requested, inboxes, mails } = await setUp();
    const contract = await requested();
    const client = (await ledger.getClient(contract.clientId)) as Client;
    await ledger.commit(
      [
        {
          entity: {
            type: 'CLIENT',
            value: { ...client, department: 'SALES_OSAKA', version: client.version + 1 },
          },
          expectedVersion: client.version,
        },
      ],
      [],
    );
    d.clock.set(PAST_DUE);
    await escalateOverdueTermsRequests(d);
    expect((await inboxes())[contract.clientId]).toEqual(['mgr-osaka-1']);
    expect((await mails())[0]?.text).toContain('SALES_OSAKA マネージャー各位');
  });

  it('tells them which client, who asked, the deadline and each item still missing', async () => {
    const { d, ledger, requested, mails } = await setUp();
    const contract = await requested();
    const client = (await ledger.getClient(contract.clientId)) as Client;
    d.clock.set(PAST_DUE);
    await escalateOverdueTermsRequests(d);
    const [mail] = await mails();
    expect(mail?.subject).toBe(
      `【期限超過】個別契約書の記載事項未回収: ${client.name} 様（2026-12-02 期限）`,
    );
    expect(mail?.text).toContain('SALES_TOKYO マネージャー各位');
    expect(mail?.text).toContain(
      `${client.name} 様の個別契約書の記載事項（依頼者: 東京 太郎、管理番号: ${contract.individualContractId}）が、期限（2026年12月2日(水) 23:59、`,
    );
    expect(mail?.text).toContain('未回収の事項:\n・請求単価\n');
    const [notice] = (await ledger.listNotifications('mgr-tokyo-2', 10)).items;
    expect(notice).toMatchObject({
      kind: 'INDIVIDUAL_CONTRACT_TERMS_OVERDUE',
      clientId: contract.clientId,
      title: mail?.subject,
      createdAt: PAST_DUE,
    });
  });

  it('names who asked by name though they have left the agency since', async () => {
    const { d, ledger, requested, mails } = await setUp();
    const contract = await requested();
    await leaves(ledger, 'sales-tokyo-1');
    d.clock.set(PAST_DUE);
    expect(await escalateOverdueTermsRequests(d)).toEqual({ escalated: 1, skipped: 0 });
    expect((await mails())[0]?.text).toContain(
      `（依頼者: 東京 太郎、管理番号: ${contract.individualContractId}）`,
    );
  });

  it('names who asked by their id when they are not in the staff directory', async () => {
    const { d, requested, mails } = await setUp();
    const contract = await requested({ userId: 'sales-tokyo-9', role: 'SALES', department: 'SALES_TOKYO' });
    d.clock.set(PAST_DUE);
    await escalateOverdueTermsRequests(d);
    expect((await mails())[0]?.text).toContain(
      `（依頼者: sales-tokyo-9、管理番号: ${contract.individualContractId}）`,
    );
  });

  it('is escalated once: the request records when, and later runs send nothing', async () => {
    const { d, requested, complete, mails, escalatedAt } = await setUp();
    const contract = await requested();
    d.clock.set(PAST_DUE);
    await escalateOverdueTermsRequests(d);
    d.clock.set('2026-12-03T03:00:00.000Z');
    expect(await escalateOverdueTermsRequests(d)).toEqual({ escalated: 0, skipped: 0 });
    expect(await escalatedAt(contract)).toBe(PAST_DUE);
    expect(await mails()).toHaveLength(1);

    // Completed late afterwards: met after its deadline, never escalated again.
    const met = await complete(contract);
    expect(met.contract.termsRequest).toMatchObject({
      metAt: '2026-12-03T03:00:00.000Z',
      escalatedAt: PAST_DUE,
    });
    expect(await escalateOverdueTermsRequests(d)).toEqual({ escalated: 0, skipped: 0 });
  });

  it('is audited on the client’s trail as the deadline job’s change', async () => {
    const { d, ledger, requested } = await setUp();
    const contract = await requested();
    d.clock.set(PAST_DUE);
    await escalateOverdueTermsRequests(d);
    const [event] = (await ledger.listAuditTrail(clientTrail(contract.clientId), 10)).items;
    expect(event).toMatchObject({
      at: PAST_DUE,
      actor: { kind: 'SYSTEM', name: 'deadline-job' },
      operation: 'individualContract.escalateTermsRequest',
      subjectId: contract.individualContractId,
      changes: [
        {
          field: 'termsRequest',
          before: contract.termsRequest,
          after: { ...contract.termsRequest, escalatedAt: PAST_DUE },
        },
      ],
    });
  });

  it('escalates every overdue request of a backlog longer than one page', async () => {
    const { d, ledger, requested, mails } = await setUp();
    const template = await requested();
    const backlog: IndividualContract[] = Array.from({ length: 104 }, (_, i) => ({
      ...template,
      individualContractId: `ic_backlog_${String(i).padStart(3, '0')}`,
      termsRequest: {
        ...(template.termsRequest as NonNullable<IndividualContract['termsRequest']>),
        dueAt: `2026-11-${String(10 + (i % 20)).padStart(2, '0')}T14:59:59.999Z`,
      },
    }));
    for (const c of backlog) await ledger.commit([{ entity: { type: 'INDIVIDUAL_CONTRACT', value: c } }], []);
    d.clock.set(PAST_DUE);
    expect(await escalateOverdueTermsRequests(d)).toEqual({ escalated: 105, skipped: 0 });
    expect(await mails()).toHaveLength(105);
    for (const c of backlog)
      expect((await ledger.getIndividualContract(c.individualContractId))?.termsRequest?.escalatedAt).toBe(
        PAST_DUE,
      );
  });
});

describe('when a request is not overdue', () => {
  it('is never escalated once every item was stored in time, however long after', async () => {
    const { d, requested, complete, mails } = await setUp();
    const contract = await requested();
    d.clock.set('2026-12-02T14:00:00.000Z');
    await complete(contract);
    d.clock.set('2027-01-15T00:00:00.000Z');
    expect(await escalateOverdueTermsRequests(d)).toEqual({ escalated: 0, skipped: 0 });
    expect(await mails()).toEqual([]);
  });

  it('is not escalated when completed late but before the job came round', async () => {
    const { d, requested, complete, mails, escalatedAt } = await setUp();
    const contract = await requested();
    d.clock.set('2026-12-03T00:30:00.000Z');
    await complete(contract);
    expect(await escalateOverdueTermsRequests(d)).toEqual({ escalated: 0, skipped: 0 });
    expect(await mails()).toEqual([]);
    expect(await escalatedAt(contract)).toBeUndefined();
  });

  it('skips one completed between the job’s read and its write, and does not escalate it later', async () => {
    const { d, ledger, requested, complete, mails, escalatedAt } = await setUp();
    const raced = await requested();
    const other = await requested();
    d.clock.set(PAST_DUE);
    actAfterNextRead(ledger, 'listOpenIndividualContractTermsRequests', () => complete(raced));
    expect(await escalateOverdueTermsRequests(d)).toEqual({ escalated: 1, skipped: 1 });
    expect((await mails()).map((m) => m.clientId)).toEqual([other.clientId]);
    expect(await escalatedAt(raced)).toBeUndefined();
    expect(await escalateOverdueTermsRequests(d)).toEqual({ escalated: 0, skipped: 0 });
  });

  it('does not pass off a ledger failure as a skip', async () => {
    const ledger = new FailingLedger();
    const { d, requested, escalatedAt } = await setUp(ledger);
    const contract = await requested();
    d.clock.set(PAST_DUE);
    ledger.failing = true;
    await expect(escalateOverdueTermsRequests(d)).rejects.toThrow('ledger unavailable');
    ledger.failing = false;
    expect(await escalatedAt(contract)).toBeUndefined();
    expect(await escalateOverdueTermsRequests(d)).toEqual({ escalated: 1, skipped: 0 });
  });
});
