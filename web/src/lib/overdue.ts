/** Where each overdue item is dealt with in the console (the kinds of the API's `overdue` view). */
export type OverdueKind =
  | 'FIRST_CONTACT'
  | 'VISIT_RECORD'
  | 'CONTRACT_EXECUTION'
  | 'APPROVAL'
  | 'SYNC_CONFLICT'
  | 'INDIVIDUAL_CONTRACT_TERMS';

export const OVERDUE_KINDS: readonly OverdueKind[] = [
  'FIRST_CONTACT',
  'VISIT_RECORD',
  'CONTRACT_EXECUTION',
  'APPROVAL',
  'SYNC_CONFLICT',
  'INDIVIDUAL_CONTRACT_TERMS',
];

/**
 * The screen that settles the item: the inquiry, the visit, the approval queue (for who decides;
 * the client's applications for others), the sync screen, else the client (individual-contract
 * terms are collected on the client's page).
 */
export function overdueLink(
  item: { kind: string; subjectId: string; client?: { id: string } | null },
  decidesApprovals: boolean,
): string {
  switch (item.kind) {
    case 'FIRST_CONTACT':
      return `/inquiries/${item.subjectId}`;
    case 'VISIT_RECORD':
      return `/visits/${item.subjectId}`;
    case 'APPROVAL':
      if (decidesApprovals) return '/approvals';
      break;
    case 'SYNC_CONFLICT':
      return `/sync#conflict-${item.subjectId}`;
  }
  return item.client ? `/clients/${item.client.id}` : '/';
}

/** How many items of each kind, every kind listed (zero included), in the API's order of kinds. */
export function countByKind(items: readonly { kind: string }[]): { kind: OverdueKind; count: number }[] {
  return OVERDUE_KINDS.map((kind) => ({ kind, count: items.filter((i) => i.kind === kind).length }));
}
