/** Individual contracts (個別契約) and the treatment information given for an order (A5-3 … A5-5). */
import type { IndividualContract } from '../individual-contracts/individual-contract.js';
import type { TreatmentInformation } from '../individual-contracts/treatment-information.js';
import type { Page } from '../ledger.js';

export interface IndividualContractLedger {
  /** The treatment information given for an order (one per order). */
  getTreatmentInformation(orderId: string): Promise<TreatmentInformation | undefined>;
  getIndividualContract(individualContractId: string): Promise<IndividualContract | undefined>;
  /** Newest first. */
  listIndividualContractsOfClient(clientId: string): Promise<IndividualContract[]>;
  /** Newest first. */
  listIndividualContractsOfOrder(orderId: string): Promise<IndividualContract[]>;
  /** Contracts whose terms were requested and are not complete, due before `dueBefore`, soonest due first. */
  listOpenIndividualContractTermsRequests(query: {
    dueBefore: Date;
    department?: string;
    first: number;
    after?: string;
  }): Promise<Page<IndividualContract>>;
}
