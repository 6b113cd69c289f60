/** In-memory G-Staff for `core/` unit tests only: a register, idempotent registrations, stored contracts and shares. */
import { createHash } from 'node:crypto';
import type {
  ContractDocument,
  ContractToStore,
  CreditDecision,
  GStaff,
  GStaffClientRecord,
  GStaffClientRegistration,
  IndividualContractShare,
  RegisteredWorker,
  RetentionUpdate,
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
    this.shares.set(share.hubIndividualContractId, share);
    return { gstaffShareId: `SH-${share.hubIndividualContractId}` };
  }

  /** The contract document drawn up from a share: a PDF naming its items. */
  async individualContractDocument(gstaffShareId: string): Promise<ContractDocument> {
    const share = this.shares.get(gstaffShareId.replace(/^SH-/, ''));
    if (!share) throw new Error(`no share ${gstaffShareId}`);
    const pdf = Buffer.from(`%PDF-1.4\n% 労働者派遣個別契約書 ${JSON.stringify(share.items)}\n%%EOF\n`);
    return {
      fileName: `個別契約書_${share.hubIndividualContractId}.pdf`,
      pdf,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    };
  }

  /** Retention moves by G-Staff contract id. */
  readonly retentionUpdates: RetentionUpdate[] = [];

  async updateContractRetention(update: RetentionUpdate) {
    if (this.retentionUpdates.some((u) => u.idempotencyKey === update.idempotencyKey)) return;
    this.retentionUpdates.push(update);
    for (const [id, contract] of this.contracts)
      if (`K-${id}` === update.gstaffContractId)
        this.contracts.set(id, { ...contract, retentionUntil: update.retentionUntil });
  }
}
