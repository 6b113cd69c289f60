/** ClientInquiryLedger: clients and inquiries, their keyed lists, filters and pages (A1-1 … A1-5, A2-1). */
import { describe, expect, it } from 'vitest';
import type { ClientInquiryLedger } from '../../core/ledger.js';
import { client, create, inquiry, nov, update, webSubmission } from './builders.js';
import { type Fresh, freshPerTest, idsOf, sortedIdsOf } from './harness.js';

const clientIds = (page: { items: { clientId: string }[] }) => idsOf(page.items, (c) => c.clientId);
const inquiryIds = (page: { items: { inquiryId: string }[] }) => idsOf(page.items, (i) => i.inquiryId);

export function clientInquiryLedgerContract(fresh: Fresh<ClientInquiryLedger>) {
  describe('ClientInquiryLedger', () => {
    const ledger = freshPerTest(fresh);

    it('answers undefined or nothing for what does not exist', async () => {
      expect(await ledger().getClient('missing')).toBeUndefined();
      expect(await ledger().getInquiry('missing')).toBeUndefined();
      expect(await ledger().getWebSubmission('missing')).toBeUndefined();
      expect(await ledger().getClients([])).toEqual([]);
      expect(await ledger().getClients(['missing'])).toEqual([]);
      expect(await ledger().findClientsByNormalizedName('missing')).toEqual([]);
      expect(await ledger().listInquiriesOfClient('missing')).toEqual([]);
      expect(await ledger().listClients({ first: 10 })).toMatchObject({ items: [], hasNextPage: false });
    });

    it('reads clients in a batch once each, skipping ids that do not exist', async () => {
      await create(ledger(), client('c1'), client('c2'), client('c3'));
      const batch = await ledger().getClients(['c3', 'missing', 'c1', 'c3']);
      expect(sortedIdsOf(batch, (c) => c.clientId)).toEqual(['c1', 'c3']);
    });

    it('finds clients by normalised name', async () => {
      await create(
        ledger(),
        client('c1', { normalizedName: 'サンプル' }),
        client('c2', { normalizedName: 'サンプル' }),
        client('c3', { normalizedName: 'ほか' }),
      );
      expect(sortedIdsOf(await ledger().findClientsByNormalizedName('サンプル'), (c) => c.clientId)).toEqual([
        'c1',
        'c2',
      ]);
    });

    it('lists clients not yet checked in G-Staff oldest first, up to the limit, and drops a checked one', async () => {
      const c2 = client('c2', { createdAt: nov(2) });
      await create(ledger(), client('c3', { createdAt: nov(3) }), c2, client('c1', { createdAt: nov(1) }));
      expect(idsOf(await ledger().listClientsWithoutGStaffCheck(2), (c) => c.clientId)).toEqual(['c1', 'c2']);
      await ledger().commit(
        [update(c2, { gstaff: { state: 'REGISTERED', gstaffClientId: 'G-2', checkedAt: nov(4) } })],
        [],
      );
      expect(idsOf(await ledger().listClientsWithoutGStaffCheck(10), (c) => c.clientId)).toEqual([
        'c1',
        'c3',
      ]);
    });

    it('lists clients newest first: all, a rep’s, a department’s, each filtered by stage', async () => {
      await create(
        ledger(),
        client('c1', { createdAt: nov(1), salesRepId: 'rep-1', department: 'TOKYO', stage: 'PROSPECT' }),
        client('c2', { createdAt: nov(2), salesRepId: 'rep-2', department: 'TOKYO', stage: 'TRADING' }),
        client('c3', { createdAt: nov(3), salesRepId: 'rep-1', department: 'OSAKA', stage: 'TRADING' }),
        client('c4', { createdAt: nov(4), department: 'TOKYO', stage: 'PROSPECT' }),
      );
      expect(clientIds(await ledger().listClients({ first: 10 }))).toEqual(['c4', 'c3', 'c2', 'c1']);
      expect(clientIds(await ledger().listClients({ first: 10, salesRepId: 'rep-1' }))).toEqual(['c3', 'c1']);
      expect(
        clientIds(await ledger().listClients({ first: 10, salesRepId: 'rep-1', department: 'TOKYO' })),
      ).toEqual(['c1']);
      expect(clientIds(await ledger().listClients({ first: 10, department: 'TOKYO' }))).toEqual([
        'c4',
        'c2',
        'c1',
      ]);
      expect(
        clientIds(await ledger().listClients({ first: 10, department: 'TOKYO', stage: 'PROSPECT' })),
      ).toEqual(['c4', 'c1']);
      expect(clientIds(await ledger().listClients({ first: 10, stage: 'TRADING' }))).toEqual(['c3', 'c2']);
    });

    it('orders clients created at the same instant by id, and pages them without gaps or repeats', async () => {
      await create(ledger(), ...['a', 'd', 'b', 'c', 'e'].map((id) => client(id, { createdAt: nov(1) })));
      const first = await ledger().listClients({ first: 2 });
      expect(clientIds(first)).toEqual(['e', 'd']);
      expect(first.hasNextPage).toBe(true);
      const second = await ledger().listClients({ first: 2, after: first.endCursor as string });
      expect(clientIds(second)).toEqual(['c', 'b']);
      const third = await ledger().listClients({ first: 2, after: second.endCursor as string });
      expect(clientIds(third)).toEqual(['a']);
      expect(third.hasNextPage).toBe(false);
    });

    it('pages a filtered list to full pages even when the filter skips many items', async () => {
      const many = Array.from({ length: 30 }, (_, i) =>
        client(`c${String(i).padStart(2, '0')}`, {
          createdAt: nov(1, i % 24),
          stage: i % 10 === 0 ? 'TRADING' : 'PROSPECT',
        }),
      );
      await create(ledger(), ...many);
      const page = await ledger().listClients({ first: 2, stage: 'TRADING' });
      expect(page.items).toHaveLength(2);
      expect(page.hasNextPage).toBe(true);
      const rest = await ledger().listClients({
        first: 2,
        stage: 'TRADING',
        after: page.endCursor as string,
      });
      expect(rest.items).toHaveLength(1);
      expect(rest.hasNextPage).toBe(false);
    });

    it('lists inquiries newest first: all, by department, by status, by both', async () => {
      await create(
        ledger(),
        inquiry('i1', { receivedAt: nov(1), department: 'TOKYO', status: 'ROUTED' }),
        inquiry('i2', { receivedAt: nov(2), department: 'OSAKA', status: 'ROUTED' }),
        inquiry('i3', { receivedAt: nov(3), department: 'TOKYO', status: 'CONTACTED' }),
        inquiry('i4', { receivedAt: nov(4), status: 'NEW' }),
      );
      expect(inquiryIds(await ledger().listInquiries({ first: 10 }))).toEqual(['i4', 'i3', 'i2', 'i1']);
      expect(inquiryIds(await ledger().listInquiries({ first: 10, department: 'TOKYO' }))).toEqual([
        'i3',
        'i1',
      ]);
      expect(inquiryIds(await ledger().listInquiries({ first: 10, status: 'ROUTED' }))).toEqual(['i2', 'i1']);
      expect(
        inquiryIds(await ledger().listInquiries({ first: 10, department: 'TOKYO', status: 'ROUTED' })),
      ).toEqual(['i1']);
      const first = await ledger().listInquiries({ first: 3 });
      expect(
        inquiryIds(await ledger().listInquiries({ first: 3, after: first.endCursor as string })),
      ).toEqual(['i1']);
    });

    it('lists open first contacts due before an instant, soonest first, and drops one once contacted', async () => {
      const soon = inquiry('i1', { department: 'TOKYO', firstContact: { dueAt: nov(10) } });
      await create(
        ledger(),
        inquiry('i2', { department: 'TOKYO', firstContact: { dueAt: nov(12) } }),
        soon,
        inquiry('i3', { department: 'TOKYO', firstContact: { dueAt: nov(25) } }),
        inquiry('i4', { department: 'OSAKA', firstContact: { dueAt: nov(11) } }),
        inquiry('i5', { department: 'TOKYO', firstContact: { dueAt: nov(9), contactedAt: nov(8) } }),
      );
      const overdue = (department?: string) =>
        ledger().listInquiries({
          first: 10,
          overdueAt: new Date(nov(20)),
          ...(department ? { department } : {}),
        });
      expect(inquiryIds(await overdue())).toEqual(['i1', 'i4', 'i2']);
      expect(inquiryIds(await overdue('TOKYO'))).toEqual(['i1', 'i2']);
      await ledger().commit(
        [update(soon, { status: 'CONTACTED', firstContact: { dueAt: nov(10), contactedAt: nov(9) } })],
        [],
      );
      expect(inquiryIds(await overdue('TOKYO'))).toEqual(['i2']);
    });

    it('does not count a first contact due exactly at the instant as overdue', async () => {
      await create(ledger(), inquiry('i1', { firstContact: { dueAt: nov(10) } }));
      expect((await ledger().listInquiries({ first: 10, overdueAt: new Date(nov(10)) })).items).toEqual([]);
    });

    it('lists a client’s inquiries newest first, and keeps the web form’s first answer', async () => {
      await create(
        ledger(),
        inquiry('i1', { clientId: 'c1', receivedAt: nov(1) }),
        inquiry('i2', { clientId: 'c2', receivedAt: nov(2) }),
        inquiry('i3', { clientId: 'c1', receivedAt: nov(3) }),
        webSubmission('form-1'),
      );
      expect(idsOf(await ledger().listInquiriesOfClient('c1'), (i) => i.inquiryId)).toEqual(['i3', 'i1']);
      expect(await ledger().getWebSubmission('form-1')).toEqual(webSubmission('form-1').value);
      await expect(ledger().commit([{ entity: webSubmission('form-1') }], [])).rejects.toThrow();
    });
  });
}
