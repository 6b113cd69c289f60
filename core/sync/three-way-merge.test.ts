/** The conflict rule and the hub's unconfirmed writes (X-3, docs/sync.md "Conflicts"). */
import { describe, expect, it } from 'vitest';
import type { KintoneOutboxEntry } from '../kintone/kintone-outbox.js';
import type { OrderRecord } from '../kintone/order.js';
import { unconfirmedHubWrites } from './apply-kintone-records.js';
import { threeWayMerge } from './three-way-merge.js';

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
