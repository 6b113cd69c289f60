/** The paths of process-management actions the adapter runs to reach an order status. */
import { expect, it } from 'vitest';
import { actionPath, ORDER_PROCESS, ordersApp, toKintoneRecord } from './app-definitions.js';

const names = (from: string, to: string) => actionPath(ORDER_PROCESS, from, to)?.map((a) => a.name);

it('takes the fewest actions, never closing an order on the way to another status', () => {
  expect(names('INQUIRY', 'INQUIRY')).toEqual([]);
  expect(names('INQUIRY', 'OPEN')).toEqual(['与信承認', '承認申請', '承認']);
  expect(names('PENDING_APPROVAL', 'RECEIVED')).toEqual(['差戻し']);
  expect(names('OPEN', 'CLOSED')).toEqual(['クローズ']);
  expect(names('CLOSED', 'OPEN')).toEqual(['再開']);
  // From CLOSED only 再開 leads anywhere; from OPEN only クローズ: RECEIVED is out of reach.
  expect(names('CLOSED', 'RECEIVED')).toBeUndefined();
  expect(names('OPEN', 'PENDING_APPROVAL')).toBeUndefined();
});

it('never writes the status as a field', () => {
  expect(
    toKintoneRecord(ordersApp, { hubId: 'ord_1', clientId: 'c', clientName: 'n', status: 'OPEN' }),
  ).toEqual({ hub_id: { value: 'ord_1' }, client_id: { value: 'c' }, client_name: { value: 'n' } });
});
