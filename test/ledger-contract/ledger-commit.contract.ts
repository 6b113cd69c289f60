/**
 * LedgerCommit and AuditTrailLedger: one commit writes every entity with the version it read and
 * its audit events, all or nothing; the audit trail reads back newest first.
 */
import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../../core/errors.js';
import type { ClientInquiryLedger, LedgerWrite } from '../../core/ledger.js';
import { auditEvent, client, create, inquiry, nov, update } from './builders.js';
import { type Fresh, freshPerTest, idsOf } from './harness.js';

const trailIds = async (ledger: Awaited<ReturnType<Fresh<ClientInquiryLedger>>>, trail: string) =>
  idsOf((await ledger.listAuditTrail(trail, 100)).items, (e) => e.eventId);

/** Reads back through ClientInquiryLedger, the smallest port that can show what a commit wrote. */
export function ledgerCommitContract(fresh: Fresh<ClientInquiryLedger>) {
  describe('LedgerCommit', () => {
    const ledger = freshPerTest(fresh);

    it('writes the entities and their audit events together, and reads back exactly what was written', async () => {
      const c = client('c1', { industry: 'TRANSPORT_POSTAL', department: 'SALES_TOKYO' });
      await ledger().commit([{ entity: c }], [auditEvent('CLIENT#c1', 'e1')]);
      const read = await ledger().getClient('c1');
      expect(read).toEqual(c.value);
      expect(await trailIds(ledger(), 'CLIENT#c1')).toEqual(['e1']);
    });

    it('hands out copies: changing what was read changes nothing stored', async () => {
      await create(ledger(), client('c1'));
      const read = await ledger().getClient('c1');
      if (read) read.name = 'changed in memory';
      expect((await ledger().getClient('c1'))?.name).toBe('株式会社c1');
    });

    it('refuses a create over an existing key, and writes nothing of that commit', async () => {
      await create(ledger(), client('c1'));
      const attempt = ledger().commit(
        [{ entity: client('c2') }, { entity: client('c1', { name: 'second' }) }],
        [auditEvent('CLIENT#c2', 'e2')],
      );
      await expect(attempt).rejects.toBeInstanceOf(ConflictError);
      expect(await ledger().getClient('c2')).toBeUndefined();
      expect((await ledger().getClient('c1'))?.name).toBe('株式会社c1');
      expect(await trailIds(ledger(), 'CLIENT#c2')).toEqual([]);
    });

    it('checks the version read (optimistic concurrency): a stale update is a conflict and writes nothing', async () => {
      const v1 = client('c1');
      await create(ledger(), v1);
      await ledger().commit([update(v1, { department: 'SALES_TOKYO' })], [auditEvent('CLIENT#c1', 'e1')]);
      const stale = ledger().commit(
        [update(v1, { department: 'SALES_OSAKA' }), { entity: inquiry('i1') }],
        [auditEvent('CLIENT#c1', 'e2')],
      );
      await expect(stale).rejects.toBeInstanceOf(ConflictError);
      expect(await ledger().getClient('c1')).toMatchObject({ department: 'SALES_TOKYO', version: 2 });
      expect(await ledger().getInquiry('i1')).toBeUndefined();
      expect(await trailIds(ledger(), 'CLIENT#c1')).toEqual(['e1']);
    });

    it('treats an update of something that does not exist as a conflict', async () => {
      await expect(ledger().commit([update(client('ghost'), {})], [])).rejects.toBeInstanceOf(ConflictError);
      expect(await ledger().getClient('ghost')).toBeUndefined();
    });

    it('refuses an update whose new version is not the version read + 1, writing nothing', async () => {
      const v1 = client('c1');
      await create(ledger(), v1);
      const skipping: LedgerWrite = {
        entity: { type: 'CLIENT', value: { ...v1.value, version: 5 } },
        expectedVersion: 1,
      };
      await expect(ledger().commit([skipping], [auditEvent('CLIENT#c1', 'e1')])).rejects.toThrow(
        /expected version \+ 1/,
      );
      expect((await ledger().getClient('c1'))?.version).toBe(1);
      expect(await trailIds(ledger(), 'CLIENT#c1')).toEqual([]);
    });

    it('refuses two writes of the same entity in one commit, writing nothing', async () => {
      const attempt = ledger().commit(
        [{ entity: client('c1') }, { entity: client('c1', { name: 'twice' }) }, { entity: client('c2') }],
        [],
      );
      await expect(attempt).rejects.toThrow(/more than once/);
      expect(await ledger().getClient('c1')).toBeUndefined();
      expect(await ledger().getClient('c2')).toBeUndefined();
    });

    it('refuses a commit of more than 100 items (one transaction), writing nothing', async () => {
      const writes = Array.from({ length: 100 }, (_, i) => ({ entity: client(`c${i}`) }));
      await expect(ledger().commit(writes, [auditEvent('CLIENT#c0', 'e1')])).rejects.toThrow(/at most 100/);
      expect(await ledger().getClient('c0')).toBeUndefined();
    });

    it('keeps audit events append-only: the same event written again is a conflict (a replayed commit)', async () => {
      await ledger().commit([], [auditEvent('CLIENT#c1', 'e1')]);
      await expect(ledger().commit([], [auditEvent('CLIENT#c1', 'e1')])).rejects.toBeInstanceOf(
        ConflictError,
      );
      expect(await trailIds(ledger(), 'CLIENT#c1')).toEqual(['e1']);
    });

    it('lets exactly one of concurrent creates of the same key win', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 4 }, (_, i) =>
          ledger().commit([{ entity: client('c1', { name: `n${i}` }) }], [auditEvent('CLIENT#c1', `e${i}`)]),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
      expect(await trailIds(ledger(), 'CLIENT#c1')).toHaveLength(1);
    });

    it('accepts an empty commit and writes nothing', async () => {
      await ledger().commit([], []);
      expect(await ledger().getClient('c1')).toBeUndefined();
    });
  });

  describe('AuditTrailLedger', () => {
    const ledger = freshPerTest(fresh);

    it('lists a trail newest first by instant; within one commit the later event first; other trails apart', async () => {
      await ledger().commit([], [auditEvent('T', 'late', nov(3))]);
      await ledger().commit([], [auditEvent('T', 'early', nov(1))]);
      await ledger().commit(
        [],
        [auditEvent('T', 'first-of-two', nov(2)), auditEvent('T', 'second-of-two', nov(2))],
      );
      await ledger().commit([], [auditEvent('OTHER', 'elsewhere', nov(2))]);
      expect(await trailIds(ledger(), 'T')).toEqual(['late', 'second-of-two', 'first-of-two', 'early']);
      expect((await ledger().listAuditTrail('NONE', 10)).items).toEqual([]);
    });

    it('pages with a cursor per item, and says when there is no more', async () => {
      for (let d = 1; d <= 5; d += 1) await ledger().commit([], [auditEvent('T', `e${d}`, nov(d))]);
      const first = await ledger().listAuditTrail('T', 2);
      expect(idsOf(first.items, (e) => e.eventId)).toEqual(['e5', 'e4']);
      expect(first.cursors).toHaveLength(2);
      expect(first.hasNextPage).toBe(true);
      const fromItem = await ledger().listAuditTrail('T', 10, first.cursors[0]);
      expect(idsOf(fromItem.items, (e) => e.eventId)).toEqual(['e4', 'e3', 'e2', 'e1']);
      const last = await ledger().listAuditTrail('T', 3, first.endCursor);
      expect(idsOf(last.items, (e) => e.eventId)).toEqual(['e3', 'e2', 'e1']);
      expect(last.hasNextPage).toBe(false);
    });

    it('resumes after the last item read even when a newer event was written in between', async () => {
      for (let d = 1; d <= 4; d += 1) await ledger().commit([], [auditEvent('T', `e${d}`, nov(d))]);
      const first = await ledger().listAuditTrail('T', 2);
      await ledger().commit([], [auditEvent('T', 'e9', nov(9))]);
      const next = await ledger().listAuditTrail('T', 10, first.endCursor);
      expect(idsOf(next.items, (e) => e.eventId)).toEqual(['e2', 'e1']);
    });

    it('rejects a cursor it did not hand out with an error naming `after`', async () => {
      const attempt = ledger().listAuditTrail('T', 10, 'not-a-cursor');
      await expect(attempt).rejects.toBeInstanceOf(ValidationError);
      await expect(attempt).rejects.toMatchObject({ fieldErrors: [{ path: 'after' }] });
    });
  });
}
