/**
 * The conflict-date notice and its extension (A5-3), against the in-memory ledger and document
 * store: the notice is recorded with its PDF and who received it, never dated in the future, and
 * not re-recorded once extended; an extension needs a recorded notice, a hearing held at least one
 * month before the conflict date in force (the same day a month earlier at the latest) and a new
 * date after it and at most 3 years later. (test/individual-contracts.test.ts proves the same
 * through GraphQL and DynamoDB Local.)
 */
import { describe, expect, it } from 'vitest';
import { readyIndividualContract } from '../../test/support/individual-contracts.js';
import { clientTrail } from '../clients/client.js';
import { FixedClock } from '../clock.js';
import { documentKey } from '../documents/document-store.js';
import { randomIds } from '../ids.js';
import { defaultPolicy } from '../policy-config.js';
import { InMemoryDocumentStore } from '../testing/in-memory-document-store.js';
import { InMemoryClientLedger } from '../testing/in-memory-ledger.js';
import { extendConflictDate, recordConflictDateNotice, sameDayMonthsBefore } from './conflict-date-notice.js';

const sales = { userId: 'sales-tokyo-1', role: 'SALES' as const, department: 'SALES_TOKYO' };

async function setUp(options: { withoutNotice?: boolean; conflictDate?: string } = {}) {
  const ledger = new InMemoryClientLedger();
  const documents = new InMemoryDocumentStore();
  const clock = new FixedClock(new Date('2026-12-01T01:00:00Z')); // 2026-12-01 in Japan
  const deps = { ledger, documents, clock, ids: randomIds, policy: defaultPolicy };
  const ready = await readyIndividualContract(ledger, {
    gstaffClientId: 'G-1001',
    ...(options.withoutNotice ? { without: 'CONFLICT_DATE_NOTICE' as const } : {}),
    ...(options.conflictDate ? { conflictDate: options.conflictDate } : {}),
  });
  const uploaded = async (name: string) => {
    const key = `${documentKey('legal', ready.clientId)}/${name}`;
    await documents.put(key, Buffer.from('%PDF-1.7 notice'), 'application/pdf');
    return { key, fileName: `${name}.pdf` };
  };
  const version = async () => (await ledger.getEstablishment(ready.establishmentId))?.version ?? 0;
  const extend = async (overrides: { newConflictDate?: string; heardOn?: string } = {}) =>
    extendConflictDate(deps, sales, {
      establishmentId: ready.establishmentId,
      expectedVersion: await version(),
      newConflictDate: overrides.newConflictDate ?? '2031-10-01',
      notice: await uploaded('new-notice'),
      hearing: {
        heardParty: 'MAJORITY_UNION',
        partyName: '労働組合',
        heardOn: overrides.heardOn ?? '2026-11-01',
        opinion: '異議なし',
      },
    });
  return { deps, ledger, ready, uploaded, version, extend };
}

const pathsOf = async (p: Promise<unknown>) =>
  (
    (await p.then(
      () => [],
      (e: { fieldErrors?: { path: string; message: string }[] }) => e.fieldErrors ?? [e],
    )) as { path: string; message: string }[]
  ).map((f) => f.path);

describe('sameDayMonthsBefore', () => {
  it('is the same calendar day months earlier, or that month’s last day', () => {
    expect(sameDayMonthsBefore('2028-10-01', 1)).toBe('2028-09-01');
    expect(sameDayMonthsBefore('2027-03-31', 1)).toBe('2027-02-28');
    expect(sameDayMonthsBefore('2028-03-31', 1)).toBe('2028-02-29');
    expect(sameDayMonthsBefore('2028-01-15', 1)).toBe('2027-12-15');
    expect(sameDayMonthsBefore('2028-05-31', 3)).toBe('2028-02-29');
    expect(sameDayMonthsBefore('2028-12-31', 12)).toBe('2027-12-31');
  });
});

describe('recordConflictDateNotice', () => {
  it('records the notice with its PDF, who received it and when', async () => {
    const { deps, ready, uploaded } = await setUp({ withoutNotice: true });
    const document = await uploaded('notice');
    const saved = await recordConflictDateNotice(deps, sales, {
      establishmentId: ready.establishmentId,
      expectedVersion: 1,
      conflictDate: '2029-04-01',
      receivedBy: '佐藤',
      receivedOn: '2026-12-01',
      document,
    });
    expect(saved.conflictDateNotice).toMatchObject({
      conflictDate: '2029-04-01',
      receivedBy: '佐藤',
      receivedOn: '2026-12-01',
      recordedBy: 'sales-tokyo-1',
      recordedAt: '2026-12-01T01:00:00.000Z',
      extensions: [],
      document: { key: document.key, fileName: 'notice.pdf', contentType: 'application/pdf', size: 15 },
    });
  });

  it('takes whoever records it as the receiver when none is named', async () => {
    const { deps, ready, uploaded } = await setUp({ withoutNotice: true });
    const saved = await recordConflictDateNotice(deps, sales, {
      establishmentId: ready.establishmentId,
      expectedVersion: 1,
      conflictDate: '2029-04-01',
      receivedOn: '2026-11-30',
      document: await uploaded('notice'),
    });
    expect(saved.conflictDateNotice?.receivedBy).toBe('sales-tokyo-1');
  });

  it('refuses a notice received in the future (Japan’s date), naming the field', async () => {
    const { deps, ready, uploaded } = await setUp({ withoutNotice: true });
    const record = (receivedOn: string) =>
      uploaded('notice').then((document) =>
        recordConflictDateNotice(deps, sales, {
          establishmentId: ready.establishmentId,
          expectedVersion: 1,
          conflictDate: '2029-04-01',
          receivedOn,
          document,
        }),
      );
    expect(await pathsOf(record('2026-12-02'))).toEqual(['input.receivedOn']);
    expect(await pathsOf(record('2026-12-01'))).toEqual([]);
  });

  it('is not recorded again once the conflict date was extended', async () => {
    const { deps, ready, uploaded, version, extend } = await setUp();
    await extend();
    await expect(
      recordConflictDateNotice(deps, sales, {
        establishmentId: ready.establishmentId,
        expectedVersion: await version(),
        conflictDate: '2029-04-01',
        receivedOn: '2026-11-30',
        document: await uploaded('notice'),
      }),
    ).rejects.toMatchObject({ rule: 'CONFLICT_DATE_EXTENDED' });
  });
});

describe('what a refusal says, and what is kept', () => {
  it('names each field with its reason: a date not YYYY-MM-DD, blank names and opinions, a document not uploaded', async () => {
    const { deps, ready, uploaded } = await setUp({ withoutNotice: true });
    await expect(
      recordConflictDateNotice(deps, sales, {
        establishmentId: ready.establishmentId,
        expectedVersion: 1,
        conflictDate: '2029/04/01',
        receivedBy: '   ',
        receivedOn: '2026-12-02',
        document: await uploaded('notice'),
      }),
    ).rejects.toMatchObject({
      fieldErrors: expect.arrayContaining([
        { path: 'input.conflictDate', message: 'must be a date YYYY-MM-DD' },
        expect.objectContaining({ path: 'input.receivedBy' }),
      ]),
    });
    await expect(
      recordConflictDateNotice(deps, sales, {
        establishmentId: ready.establishmentId,
        expectedVersion: 1,
        conflictDate: '2029-04-01',
        receivedOn: '2026-12-02',
        document: { key: 'x', fileName: 'n.pdf' },
      }),
    ).rejects.toMatchObject({
      fieldErrors: [
        { path: 'input.receivedOn', message: '2026-12-02 is in the future (today is 2026-12-01)' },
      ],
    });
    const missing = `${documentKey('legal', ready.clientId)}/never-uploaded`;
    await expect(
      recordConflictDateNotice(deps, sales, {
        establishmentId: ready.establishmentId,
        expectedVersion: 1,
        conflictDate: '2029-04-01',
        receivedOn: '2026-12-01',
        document: { key: missing, fileName: 'n.pdf' },
      }),
    ).rejects.toMatchObject({
      fieldErrors: [{ path: 'input.document.key', message: 'nothing has been uploaded under this key yet' }],
    });
  });

  it('an extension names a blank union, a blank opinion and documents not uploaded', async () => {
    const { deps, ready, version } = await setUp({ conflictDate: '2028-10-01' });
    const missing = (name: string) => ({
      key: `${documentKey('legal', ready.clientId)}/${name}`,
      fileName: 'n.pdf',
    });
    const attempt = async (hearing: Record<string, unknown>) =>
      extendConflictDate(deps, sales, {
        establishmentId: ready.establishmentId,
        expectedVersion: await version(),
        newConflictDate: '2031-10-01',
        notice: missing('notice'),
        hearing: {
          heardParty: 'MAJORITY_UNION',
          partyName: '組合',
          heardOn: '2026-11-01',
          opinion: '可',
          ...hearing,
        },
      });
    await expect(attempt({ partyName: '  ', opinion: '  ' })).rejects.toMatchObject({
      fieldErrors: [
        { path: 'input.hearing.partyName', message: 'must name the union or the representative' },
        { path: 'input.hearing.opinion', message: 'must say what was heard' },
      ],
    });
    await expect(attempt({ record: missing('hearing') })).rejects.toMatchObject({
      fieldErrors: [
        { path: 'input.notice.key', message: 'nothing has been uploaded under this key yet' },
        { path: 'input.hearing.record.key', message: 'nothing has been uploaded under this key yet' },
      ],
    });
  });

  it('says why, and audits each change on the client’s trail under its own operation', async () => {
    const { deps, ledger, ready, uploaded, version, extend } = await setUp({ withoutNotice: true });
    await expect(extend()).rejects.toThrow('record the conflict-date notice before extending it');
    await recordConflictDateNotice(deps, sales, {
      establishmentId: ready.establishmentId,
      expectedVersion: await version(),
      conflictDate: '2028-10-01',
      receivedOn: '2026-12-01',
      document: await uploaded('notice'),
    });
    const extended = await extend();
    expect(extended.conflictDateNotice?.extensions[0]?.extensionId).toMatch(/^ext_/);
    await expect(
      recordConflictDateNotice(deps, sales, {
        establishmentId: ready.establishmentId,
        expectedVersion: await version(),
        conflictDate: '2029-04-01',
        receivedOn: '2026-11-30',
        document: await uploaded('notice'),
      }),
    ).rejects.toThrow(
      'the conflict date has been extended; record a further change as an extension (extendConflictDate)',
    );
    const { items } = await ledger.listAuditTrail(clientTrail(ready.clientId), 20);
    expect(items.map((e) => e.operation)).toEqual(
      expect.arrayContaining(['establishment.recordConflictDateNotice', 'establishment.extendConflictDate']),
    );
  });
});

describe('extendConflictDate', () => {
  it('records the extension with the hearing and the new date, the previous date kept', async () => {
    const { extend } = await setUp({ conflictDate: '2028-10-01' });
    const saved = await extend({ newConflictDate: '2031-10-01', heardOn: '2026-11-01' });
    expect(saved.conflictDateNotice?.conflictDate).toBe('2028-10-01');
    expect(saved.conflictDateNotice?.extensions).toEqual([
      expect.objectContaining({
        previousConflictDate: '2028-10-01',
        newConflictDate: '2031-10-01',
        hearing: {
          heardParty: 'MAJORITY_UNION',
          partyName: '労働組合',
          heardOn: '2026-11-01',
          opinion: '異議なし',
        },
        recordedBy: 'sales-tokyo-1',
      }),
    ]);
  });

  it('a second extension starts from the date the first one set', async () => {
    const { extend } = await setUp({ conflictDate: '2026-12-20' });
    await extend({ newConflictDate: '2029-12-20', heardOn: '2026-11-20' });
    const second = await extend({ newConflictDate: '2032-12-20', heardOn: '2026-11-30' });
    expect(
      second.conflictDateNotice?.extensions.map((e) => [e.previousConflictDate, e.newConflictDate]),
    ).toEqual([
      ['2026-12-20', '2029-12-20'],
      ['2029-12-20', '2032-12-20'],
    ]);
    // The bounds move with the date in force: after 2032-12-20, at most 2035-12-20.
    await expect(extend({ newConflictDate: '2035-12-21' })).rejects.toMatchObject({
      fieldErrors: [
        {
          path: 'input.newConflictDate',
          message:
            'must be after the conflict date in force 2032-12-20 and at most 3 years later (2035-12-20)',
        },
      ],
    });
  });

  it('needs a recorded notice', async () => {
    const { extend } = await setUp({ withoutNotice: true });
    await expect(extend()).rejects.toMatchObject({ rule: 'CONFLICT_DATE_NOTICE_MISSING' });
  });

  it('needs the hearing at least one month before the conflict date in force: the same day a month earlier at the latest', async () => {
    const { extend } = await setUp({ conflictDate: '2026-12-31' });
    // The latest hearing day for 2026-12-31 is 2026-11-30.
    await expect(extend({ heardOn: '2026-12-01', newConflictDate: '2029-12-31' })).rejects.toMatchObject({
      fieldErrors: [
        {
          path: 'input.hearing.heardOn',
          message:
            'the hearing must take place at least one month before the conflict date 2026-12-31 (by 2026-11-30)',
        },
      ],
    });
    await expect(extend({ heardOn: '2026-11-30', newConflictDate: '2029-12-31' })).resolves.toBeDefined();
  });

  it('refuses a hearing dated in the future', async () => {
    const { extend } = await setUp({ conflictDate: '2028-10-01' });
    expect(await pathsOf(extend({ heardOn: '2026-12-02' }))).toEqual(['input.hearing.heardOn']);
  });

  it('the new date lies after the date in force and at most 3 years later; both problems are named together', async () => {
    const { extend } = await setUp({ conflictDate: '2028-10-01' });
    for (const bad of ['2028-10-01', '2028-09-30', '2031-10-02']) {
      await expect(extend({ newConflictDate: bad })).rejects.toMatchObject({
        fieldErrors: [
          {
            path: 'input.newConflictDate',
            message:
              'must be after the conflict date in force 2028-10-01 and at most 3 years later (2031-10-01)',
          },
        ],
      });
    }
    expect(await pathsOf(extend({ newConflictDate: '2028-10-02' }))).toEqual([]);
    const { extend: again } = await setUp({ conflictDate: '2026-12-31' });
    expect(await pathsOf(again({ heardOn: '2026-12-01', newConflictDate: '2026-12-30' }))).toEqual([
      'input.hearing.heardOn',
      'input.newConflictDate',
    ]);
  });

  it('keeps the hearing’s own record when one is given', async () => {
    const { deps, ready, uploaded, version } = await setUp({ conflictDate: '2028-10-01' });
    const record = await uploaded('hearing');
    const saved = await extendConflictDate(deps, sales, {
      establishmentId: ready.establishmentId,
      expectedVersion: await version(),
      newConflictDate: '2031-10-01',
      notice: await uploaded('new-notice'),
      hearing: {
        heardParty: 'MAJORITY_REPRESENTATIVE',
        partyName: '過半数代表者 鈴木',
        heardOn: '2026-11-01',
        opinion: '延長に同意',
        record,
      },
    });
    expect(saved.conflictDateNotice?.extensions[0]?.hearing.record).toMatchObject({ key: record.key });
    expect(saved.conflictDateNotice?.extensions[0]?.notice).toMatchObject({ fileName: 'new-notice.pdf' });
  });
});
