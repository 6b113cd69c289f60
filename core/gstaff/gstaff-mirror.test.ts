/** Unit tests of the G-Staff mirror rules with in-memory fakes. */
import { expect, it } from 'vitest';
import { FixedClock } from '../clock.js';
import { randomIds } from '../ids.js';
import { defaultPolicy } from '../policy-config.js';
import { InMemoryGStaff } from '../testing/in-memory-gstaff.js';
import { InMemoryClientLedger } from '../testing/in-memory-ledger.js';
import { mirrorGStaffClients, refreshGStaffMirror } from './gstaff-mirror.js';
import { refreshWorkerRegisterMirror } from './worker-register-mirror.js';

it('mirrors the registers, rewriting only what changed', async () => {
  const ledger = new InMemoryClientLedger();
  const gstaff = new InMemoryGStaff();
  gstaff.clients = [
    {
      gstaffClientId: 'G-1',
      name: '株式会社ミラー',
      active: true,
      pastTroubles: [],
      conflictDates: [],
      updatedAt: '2026-10-01T00:00:00Z',
    },
  ];
  gstaff.workers = [
    {
      workerId: 'S-1',
      name: '派遣 太郎',
      employmentTerm: 'FIXED_TERM',
      assignments: [
        {
          assignmentId: 'H-1',
          workerId: 'S-1',
          gstaffClientId: 'G-1',
          establishment: '本社',
          organisationalUnit: '総務課',
          startDate: '2025-01-01',
        },
      ],
    },
  ];
  const deps = {
    ledger,
    clock: new FixedClock(new Date('2026-11-30T00:00:00Z')),
    ids: randomIds,
    policy: defaultPolicy,
    gstaff,
  };
  expect(await refreshGStaffMirror(deps)).toEqual({ seen: 1, changed: 1 });
  expect(await refreshGStaffMirror(deps)).toEqual({ seen: 1, changed: 0 });
  // One worker seen; the worker and their assignment written.
  expect(await refreshWorkerRegisterMirror(deps)).toEqual({ seen: 1, changed: 2 });
  expect(await refreshWorkerRegisterMirror(deps)).toEqual({ seen: 1, changed: 0 });
  expect((await ledger.listWorkerAssignmentsOfWorker('S-1')).map((a) => a.organisationalUnit)).toEqual([
    '総務課',
  ]);
  gstaff.clients = [{ ...(gstaff.clients[0] as (typeof gstaff.clients)[0]), turnoverRate: 0.3 }];
  expect(await refreshGStaffMirror(deps)).toEqual({ seen: 1, changed: 1 });
  expect((await ledger.findGStaffMirrorRecordsByName('ミラー'))[0]).toMatchObject({
    turnoverRate: 0.3,
    version: 2,
  });
});

it('mirrors a client listed twice in one export once, the later row winning', async () => {
  const ledger = new InMemoryClientLedger();
  const deps = {
    ledger,
    clock: new FixedClock(new Date('2026-11-30T00:00:00Z')),
    ids: randomIds,
    policy: defaultPolicy,
  };
  const row = {
    gstaffClientId: 'G-2',
    name: '株式会社二重',
    active: true,
    pastTroubles: [],
    conflictDates: [],
    updatedAt: '2026-10-01T00:00:00Z',
  };
  expect(await mirrorGStaffClients(deps, [row, { ...row, turnoverRate: 0.1 }], 'csv')).toEqual({
    seen: 1,
    changed: 1,
    clientsChanged: 0,
    conflicts: 0,
  });
  expect((await ledger.getGStaffMirrorRecords(['G-2']))[0]).toMatchObject({ turnoverRate: 0.1, version: 1 });
});
