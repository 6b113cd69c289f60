/** The conflict rule and the hub's unconfirmed writes (X-3, docs/sync.md "Conflicts"). */
import { describe, expect, it } from 'vitest';
import type { KintoneOutboxEntry } from '../kintone/kintone-outbox.js';
import type { OrderRecord } from '../kintone/order.js';
import { unconfirmedHubWrites } from './apply-kintone-records.js';
import { changedFieldNames, threeWayMerge } from './three-way-merge.js';

const agreed = { status: 'INQUIRY', summary: 'a' };

describe('threeWayMerge', () => {
  it('a field both sides changed to different values is in conflict', () => {
    const merge = threeWayMerge({
      agreed,
      hubBase: agreed,
      hub: { ...agreed, status: 'OPEN' },
      source: { ...agreed, status: 'RECEIVED' },
    });
    expect(merge.differing).toEqual([
      { field: 'status', agreed: 'INQUIRY', hub: 'OPEN', source: 'RECEIVED' },
    ]);
    expect(merge.hubChanges).toEqual({});
  });

  it('kintone holding the value of a hub write never confirmed is the hub’s own: the newer value goes through', () => {
    const merge = threeWayMerge({
      agreed,
      hubBase: agreed,
      hub: { ...agreed, status: 'OPEN' },
      source: { ...agreed, status: 'RECEIVED' },
      hubUnconfirmed: [{ ...agreed, status: 'RECEIVED' }],
    });
    expect(merge.differing).toEqual([]);
    expect(merge.sourceChanged).toEqual([]);
    expect(merge.hubChanges).toEqual({ status: 'OPEN' });
  });

  it('an unconfirmed write that did not change the field proves nothing about it', () => {
    const merge = threeWayMerge({
      agreed,
      hubBase: agreed,
      hub: { ...agreed, summary: 'hub' },
      source: { ...agreed, summary: 'staff' },
      hubUnconfirmed: [{ ...agreed, status: 'RECEIVED' }],
    });
    expect(merge.differing.map((d) => d.field)).toEqual(['summary']);
  });
});

describe('threeWayMerge, field by field', () => {
  it('lists what each side changed, in field order; agreement is a hub change kintone already holds', () => {
    const merge = threeWayMerge({
      agreed: { a: '1', b: '1', c: '1', d: '1' },
      hubBase: { a: '1', b: '1', c: '1', d: '1' },
      hub: { d: '2', c: '2', b: '1', a: '1' },
      source: { a: '2', b: '1', c: '2', d: '3' },
    });
    expect(merge.hubChanged).toEqual(['c', 'd']);
    expect(merge.sourceChanged).toEqual(['a', 'c', 'd']);
    expect(merge.hubChanges).toEqual({});
    expect(merge.differing.map((d) => d.field)).toEqual(['d']);
  });

  it('conflicting fields come out sorted whatever order the records list them in', () => {
    const merge = threeWayMerge({
      agreed: { z: '0', a: '0' },
      hubBase: { z: '0', a: '0' },
      hub: { z: 'h', a: 'h' },
      source: { z: 's', a: 's' },
    });
    expect(merge.differing.map((d) => d.field)).toEqual(['a', 'z']);
    expect(merge.hubChanged).toEqual(['a', 'z']);
  });

  it('a field the hub’s record does not carry is not a hub change; empty and absent are the same', () => {
    const merge = threeWayMerge({
      agreed: { x: '1', y: '' },
      hubBase: { x: '1', y: '' },
      hub: { y: undefined },
      source: { x: '2', y: '' },
    });
    expect(merge).toEqual({ hubChanges: {}, hubChanged: [], sourceChanged: ['x'], differing: [] });
  });

  it('a field the hub cleared is written as empty', () => {
    const merge = threeWayMerge({
      agreed,
      hubBase: agreed,
      hub: { ...agreed, summary: undefined },
      source: agreed,
    });
    expect(merge.hubChanges).toEqual({ summary: '' });
  });

  it('an unconfirmed write that left the field as the hub last wrote it does not hide kintone’s change back to that value', () => {
    // The hub wrote B, kintone's staff changed it to X (taken), then back to B; the hub now wants C.
    const merge = threeWayMerge({
      agreed: { status: 'X' },
      hubBase: { status: 'B' },
      hub: { status: 'C' },
      source: { status: 'B' },
      hubUnconfirmed: [{ status: 'B' }],
    });
    expect(merge.differing).toEqual([{ field: 'status', agreed: 'X', hub: 'C', source: 'B' }]);
  });
});

describe('changedFieldNames', () => {
  it('names the fields whose values differ, sorted; empty and absent are the same', () => {
    expect(changedFieldNames({ b: '1', a: '1', e: '' }, { a: '2', b: '1', c: 'x', e: undefined })).toEqual([
      'a',
      'c',
    ]);
    expect(changedFieldNames({ z: '1', a: '1' }, { z: '2', a: '2' })).toEqual(['a', 'z']);
    expect(changedFieldNames({ a: '1' }, { a: '1' })).toEqual([]);
  });
});

describe('unconfirmedHubWrites', () => {
  const entry = (status: OrderRecord['status'], state: KintoneOutboxEntry['state'], createdAt: string) =>
    ({
      entryId: `kout_${createdAt}`,
      app: 'orders',
      order: {
        hubId: 'ord_1',
        clientId: 'cli_1',
        clientName: 'n',
        status,
        inquiryId: 'inq_1',
        channel: 'PHONE',
      },
      hubId: 'ord_1',
      clientId: 'cli_1',
      subjectType: 'INQUIRY',
      subjectId: 'inq_1',
      state,
      attempts: 0,
      nextAttemptAt: createdAt,
      version: 1,
      createdAt,
      updatedAt: createdAt,
    }) as KintoneOutboxEntry;

  it('are the record’s writes not DONE (nor HELD) made after its newest DONE write', () => {
    const entries = [
      entry('INQUIRY', 'SUPERSEDED', '2026-12-01T00:00:01Z'), // superseded before the DONE one: never sent after it
      entry('RECEIVED', 'DONE', '2026-12-01T00:00:02Z'),
      entry('PENDING_APPROVAL', 'SUPERSEDED', '2026-12-01T00:00:03Z'),
      entry('CLOSED', 'HELD', '2026-12-01T00:00:04Z'),
      entry('OPEN', 'PENDING', '2026-12-01T00:00:05Z'),
      { ...entry('OPEN', 'FAILED', '2026-12-01T00:00:06Z'), hubId: 'ord_2' },
    ];
    expect(unconfirmedHubWrites(entries, 'orders', 'ord_1').map((f) => f.status)).toEqual([
      'PENDING_APPROVAL',
      'OPEN',
    ]);
    expect(unconfirmedHubWrites(entries, 'visits', 'ord_1')).toEqual([]);
  });
});
