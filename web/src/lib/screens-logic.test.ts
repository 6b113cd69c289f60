/** The overdue view's links and counts, the sync screen's resolution input, and who is offered each. */
import { describe, expect, it } from 'vitest';
import { countByKind, OVERDUE_KINDS, overdueLink } from './overdue.js';
import { canSee, may } from './roles.js';
import { jobEnum, mergeInput } from './sync.js';

describe('the overdue view', () => {
  it('sends each kind to where it is dealt with', () => {
    const client = { id: 'CL-1' };
    expect(overdueLink({ kind: 'FIRST_CONTACT', subjectId: 'IQ-1', client }, false)).toBe('/inquiries/IQ-1');
    expect(overdueLink({ kind: 'VISIT_RECORD', subjectId: 'V-1', client }, false)).toBe('/visits/V-1');
    expect(overdueLink({ kind: 'CONTRACT_EXECUTION', subjectId: 'AP-1', client }, true)).toBe(
      '/clients/CL-1',
    );
    expect(overdueLink({ kind: 'APPROVAL', subjectId: 'T-1', client }, true)).toBe('/approvals');
    expect(overdueLink({ kind: 'APPROVAL', subjectId: 'T-1', client }, false)).toBe('/clients/CL-1');
    expect(overdueLink({ kind: 'SYNC_CONFLICT', subjectId: 'SC-1', client }, false)).toBe(
      '/sync#conflict-SC-1',
    );
    expect(overdueLink({ kind: 'SOMETHING_NEW', subjectId: 'X', client: null }, false)).toBe('/');
  });

  it('counts every kind, zero included', () => {
    const counts = countByKind([{ kind: 'APPROVAL' }, { kind: 'APPROVAL' }, { kind: 'SYNC_CONFLICT' }]);
    expect(counts.map((c) => c.kind)).toEqual(OVERDUE_KINDS);
    expect(Object.fromEntries(counts.map((c) => [c.kind, c.count]))).toEqual({
      FIRST_CONTACT: 0,
      VISIT_RECORD: 0,
      CONTRACT_EXECUTION: 0,
      APPROVAL: 2,
      SYNC_CONFLICT: 1,
      INDIVIDUAL_CONTRACT_TERMS: 0,
    });
  });

  it('is offered to managers, directors and admins', () => {
    expect(
      ['SALES', 'MANAGER', 'DIRECTOR', 'LEGAL', 'MARKETING', 'ADMIN'].filter((role) =>
        canSee({ role } as never, 'overdue'),
      ),
    ).toEqual(['MANAGER', 'DIRECTOR', 'ADMIN']);
  });
});

describe('the sync screen', () => {
  const differing = [{ field: 'summary' }, { field: 'status' }];

  it('sends field values with MERGE only, one per differing field', () => {
    expect(mergeInput('SC-1', 'KEEP_HUB', { summary: 'x' }, differing, '  ')).toEqual({
      conflictId: 'SC-1',
      resolution: 'KEEP_HUB',
    });
    expect(
      mergeInput('SC-1', 'MERGE', { summary: '両方の内容', other: 'ignored' }, differing, ' 電話で確認 '),
    ).toEqual({
      conflictId: 'SC-1',
      resolution: 'MERGE',
      fields: [
        { field: 'summary', value: '両方の内容' },
        { field: 'status', value: '' },
      ],
      note: '電話で確認',
    });
  });

  it('names a run’s job as the schema does', () => {
    expect(jobEnum('kintone.orders')).toBe('KINTONE_ORDERS');
    expect(jobEnum('deadlines')).toBe('DEADLINES');
  });

  it('is offered to managers, directors (as managers) and admins, who may also resolve', () => {
    const roles = ['SALES', 'MANAGER', 'DIRECTOR', 'LEGAL', 'MARKETING', 'ADMIN'];
    expect(roles.filter((role) => canSee({ role } as never, 'sync'))).toEqual([
      'MANAGER',
      'DIRECTOR',
      'ADMIN',
    ]);
    expect(roles.filter((role) => may({ role } as never, 'resolveSyncConflict'))).toEqual([
      'MANAGER',
      'DIRECTOR',
      'ADMIN',
    ]);
  });
});
