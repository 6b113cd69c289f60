/** In-memory G-Staff for `core/` unit tests only: a register, idempotent registrations, stored contracts and shares. */
import type {
  ContractToStore,
  CreditDecision,
  GStaff,
  GStaffClientRecord,
  GStaffClientRegistration,
  IndividualContractShare,
  RegisteredWorker,
} from '../gstaff/gstaff.js';

export class InMemoryGStaff implements GStaff {
  clients: GStaffClientRecord[] = [];
  workers: RegisteredWorker[] = [];
  readonly registrations = new Map<string, string>();
  readonly contracts = new Map<string, ContractToStore>();
  readonly shares = new Map<string, IndividualContractShare>();
  readonly creditDecisions = new Map<string, CreditDecision>();

  async *clientRegister(since?: Date): AsyncIterable<GStaffClientRecord[]> {
    yield this.clients.filter((c) => !since || Date.parse(c.updatedAt) > since.getTime());
  }

  async *workerRegister(): AsyncIterable<RegisteredWorker[]> {
    yield this.workers;
  }

  async registerClient(registration: GStaffClientRegistration) {
    let id = this.registrations.get(registration.hubClientId);
    if (!id) {
      id = `G-${this.registrations.size + 1}`;
      this.registrations.set(registration.hubClientId, id);
    }
    return { gstaffClientId: id };
  }

  async storeContract(contract: ContractToStore) {
    this.contracts.set(contract.hubContractId, contract);
    return { gstaffContractId: `K-${contract.hubContractId}` };
  }

  async recordCreditDecision(decision: CreditDecision) {
    this.creditDecisions.set(decision.hubApplicationId, decision);
    return { gstaffDecisionId: `CD-${decision.hubApplicationId}` };
  }

  async shareIndividualContract(share: IndividualContractShare) {
    this.shares.set(share.hubOrderId, share);
    return { gstaffShareId: `SH-${share.hubOrderId}` };
  }
}
