/** Which sales rep (営業担当) a client has had, and which clients a rep has had (A3-1 … A3-3). */
import type { SalesRepAssignment } from '../assignment/sales-rep-assignment.js';

export interface SalesRepAssignmentLedger {
  getSalesRepAssignment(assignmentId: string): Promise<SalesRepAssignment | undefined>;
  /** Every assignment the rep has had (current and past), oldest first. */
  listSalesRepAssignmentsOfRep(salesRepId: string): Promise<SalesRepAssignment[]>;
  /** The client's assignment history, newest first. */
  listSalesRepAssignmentsOfClient(clientId: string): Promise<SalesRepAssignment[]>;
}
