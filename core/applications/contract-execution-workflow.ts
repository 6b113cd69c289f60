/**
 * The contract execution workflow (06_2) as a module: validate (06_1 approved) → the manager →
 * legal reviews a non-standard text → legal sends the basic contract through GMO Sign → the
 * signature → the signed PDF in G-Staff, retention OPEN while no individual contract under it
 * has ended → the client is TRADING. Requirements: A4-4, A4-6, A5-1, A5-2, A6-5.
 */
import * as z from 'zod';
import { clientChange } from '../clients/client-change.js';
import { PreconditionFailedError } from '../errors.js';
import type { HubDepsWith } from '../hub.js';
import type { ApplicationLedger } from '../ledger.js';
import { recordEventOnce } from './application-changes.js';
import { contractSigningTasks, type SignedContractKind } from './contract-steps.js';
import {
  type ApplicationWorkflow,
  loadApplication,
  noEffects,
  WORKFLOW,
  workflowTask,
} from './workflow-module.js';

async function loadContractApplication(deps: HubDepsWith<ApplicationLedger>, applicationId: string) {
  const application = await loadApplication(deps, applicationId);
  const contract = application.contractExecution;
  if (application.type !== 'CONTRACT_EXECUTION' || !contract) {
    throw new PreconditionFailedError(
      'APPLICATION_INCOMPLETE',
      `${applicationId} is not a contract execution`,
    );
  }
  return { application, contract };
}

/** The basic contract (基本契約書): legal's send, the agency's signer and the client's contact. */
export const BASIC_CONTRACT: SignedContractKind = {
  taskPrefix: 'contract',
  async load(deps, applicationId) {
    const { application, contract } = await loadContractApplication(deps, applicationId);
    return { application, envelopeName: contract.envelopeName };
  },
  async envelope(deps, application) {
    const { contract } = await loadContractApplication(deps, application.applicationId);
    const client = await deps.ledger.getClient(application.clientId);
    const business = { businessType: 'BASIC_CONTRACT', businessId: application.applicationId };
    const signers = {
      envelopeName: contract.envelopeName,
      ourSigners: [deps.policy.basicContract.agencySigner],
      partnerSigners: [{ ...contract.clientSigner, ...(client ? { organization: client.name } : {}) }],
      approvers: [],
    };
    if (contract.form === 'STANDARD')
      return { ...business, request: { ...signers, templateId: deps.policy.basicContract.templateId } };
    // The PDF stays in the document store; the outbox entry refers to it by key.
    const stored = contract.documentKey ? await deps.documents.inspect(contract.documentKey, 4) : undefined;
    if (!contract.documentKey || !stored)
      throw new PreconditionFailedError('CONTRACT_DOCUMENT_MISSING', 'the non-standard contract PDF is gone');
    return {
      ...business,
      request: {
        ...signers,
        documentName: contract.fileName ?? '基本契約書.pdf',
        documentKey: contract.documentKey,
      },
    };
  },
  async storage(deps, application) {
    const { contract } = await loadContractApplication(deps, application.applicationId);
    if (contract.gstaffContractId) return { gstaffContractId: contract.gstaffContractId };
    // Open while no individual contract under it has ended (docs/policy.md); the register moves it.
    return {
      hubContractId: application.applicationId,
      kind: 'BASIC',
      fileName: `${contract.envelopeName}.pdf`,
      retentionUntil: 'OPEN',
    };
  },
  async stored(deps, application, kept) {
    const { contract } = await loadContractApplication(deps, application.applicationId);
    return { application: { contractExecution: { ...contract, ...kept } }, changes: [] };
  },
};

const byId = z.object({ applicationId: z.string().min(1) });

export const contractExecutionWorkflow: ApplicationWorkflow = {
  type: 'CONTRACT_EXECUTION',
  label: '06_2 契約書類締結申請',
  tasks: {
    /** 06_1 must be approved (docs/policy.md); says whether legal must review a non-standard text. */
    'contract.validate': workflowTask(byId, async (deps, { applicationId }) => {
      const { application, contract } = await loadContractApplication(deps, applicationId);
      const approved = (await deps.ledger.listApplicationsOfClient(application.clientId)).some(
        (a) => a.type === 'CREDIT_PRECHECK' && a.status === 'APPROVED',
      );
      if (!approved)
        throw new PreconditionFailedError(
          'CREDIT_PRECHECK_NOT_APPROVED',
          'the credit pre-check is not approved',
        );
      if (application.status === 'SUBMITTED')
        await recordEventOnce(deps, WORKFLOW, 'workflow.validated', application, 'VALIDATED', contract.form);
      return { nonStandard: contract.form === 'NON_STANDARD' };
    }),
    ...contractSigningTasks(BASIC_CONTRACT),
  },
  decisions: {
    LEGAL: { text: () => '法務の判断により差し戻されました。' },
    SIGNER: { text: () => '署名者が GMOサインで署名を辞退しました。' },
    SIGNED: { text: () => '基本契約書が締結され、G-Staff に保管されました。取引を開始できます。' },
  },
  // Signed: trading starts; otherwise the client is back where a new 06_2 can start.
  async onDecided(deps, outcome, { client, now }) {
    const stage = outcome === 'APPROVED' ? 'TRADING' : 'CREDIT_APPROVED';
    return {
      changes: [clientChange(deps, WORKFLOW, 'application.decide', client, { stage }, now).change],
      writes: [],
    };
  },
  async onFailed(deps, { client, now }) {
    if (client.stage !== 'CONTRACTING') return noEffects();
    return {
      changes: [
        clientChange(deps, WORKFLOW, 'application.fail', client, { stage: 'CREDIT_APPROVED' }, now).change,
      ],
      writes: [],
    };
  },
};
