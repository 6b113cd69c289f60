/**
 * What each role is offered. The API checks every operation (and the department); the console
 * only hides what the signed-in role may not do, so nobody is shown a button that would be refused.
 * The table follows the API's permissions: a director acts as a manager, a manager as sales.
 */
export type Role = 'SALES' | 'MANAGER' | 'DIRECTOR' | 'LEGAL' | 'MARKETING' | 'ADMIN';

export interface Actor {
  userId: string;
  role: Role;
  department?: string | null;
}

const INHERITS: Record<Role, readonly Role[]> = {
  SALES: ['SALES'],
  MANAGER: ['MANAGER', 'SALES'],
  DIRECTOR: ['DIRECTOR', 'MANAGER', 'SALES'],
  LEGAL: ['LEGAL'],
  MARKETING: ['MARKETING'],
  ADMIN: ['ADMIN'],
};

const ACTIONS = {
  recordPhoneInquiry: ['SALES'],
  routeInquiry: ['MARKETING'],
  recordFirstContact: ['SALES'],
  recordHearingJudgment: ['SALES', 'MARKETING'],
  updateClientProfile: ['SALES', 'MARKETING'],
  assignRep: ['MANAGER'],
  manageVisits: ['SALES'],
  saveHearingSheet: ['SALES'],
  submitApplication: ['SALES'],
  decideApproval: ['MANAGER', 'LEGAL', 'MARKETING'],
  readStaff: ['ADMIN', 'MANAGER'],
  manageStaff: ['ADMIN'],
  /** kintone sync conflicts and the jobs' runs: managers (their department's clients) and admins. */
  readSync: ['MANAGER', 'ADMIN'],
  resolveSyncConflict: ['MANAGER', 'ADMIN'],
  /** Updating and closing orders: sales of the order's department and up. */
  manageOrders: ['SALES'],
  /** Establishments, the conflict-date notice, treatment information, individual contracts (A5-3 … A5-5). */
  manageIndividualContracts: ['SALES'],
  /** The contracts register (A6-5). */
  readContracts: ['SALES', 'LEGAL', 'MARKETING', 'ADMIN'],
  /** Opening a stored contract PDF (audited). */
  downloadContract: ['SALES', 'LEGAL'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ACTIONS;

export function may(actor: Pick<Actor, 'role'>, action: Action): boolean {
  return ACTIONS[action].some((role: Role) => INHERITS[actor.role].includes(role));
}

export type Screen =
  | 'myWork'
  | 'dashboard'
  | 'clientLedger'
  | 'inquiryInbox'
  | 'phoneInquiry'
  | 'approvals'
  | 'overdue'
  | 'sync'
  | 'orders'
  | 'contracts'
  | 'staffDirectory';

const SCREEN_NEEDS: Record<Screen, Action | 'everyone' | 'overdueView'> = {
  myWork: 'everyone',
  dashboard: 'everyone',
  clientLedger: 'everyone',
  inquiryInbox: 'everyone',
  phoneInquiry: 'recordPhoneInquiry',
  approvals: 'decideApproval',
  overdue: 'overdueView',
  sync: 'readSync',
  orders: 'everyone',
  contracts: 'readContracts',
  staffDirectory: 'readStaff',
};

export function canSee(actor: Pick<Actor, 'role'>, screen: Screen): boolean {
  const need = SCREEN_NEEDS[screen];
  if (need === 'everyone') return true;
  // Everyone may ask the API; the view is for those who chase deadlines: the department's managers,
  // the directors, and the admins (who resolve sync conflicts).
  if (need === 'overdueView') return ['MANAGER', 'DIRECTOR', 'ADMIN'].includes(actor.role);
  return may(actor, need);
}

export function screensFor(actor: Pick<Actor, 'role'>): Screen[] {
  return (Object.keys(SCREEN_NEEDS) as Screen[]).filter((s) => canSee(actor, s));
}

/** The client's own rep acts for it; a manager (or director) of its department too. */
export function actsForClient(
  actor: Actor,
  client: { salesRepId?: string | null; department?: string | null },
): boolean {
  if (actor.role === 'SALES') return actor.userId === client.salesRepId;
  if (actor.role === 'DIRECTOR') return true;
  return actor.role === 'MANAGER' && actor.department === client.department;
}
