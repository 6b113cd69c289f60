/**
 * 個別契約: one individual contract from draft to signed, step by step as the gates want it — the
 * establishment's conflict-date notice (抵触日通知) with its PDF and its extension after hearing the
 * majority union or representative (A5-3), the order's treatment information (待遇情報, A5-3), the
 * terms requested from the client and saved in parts with what is still missing (A5-4), the worker
 * decided from the worker register with the period check's refusal next to the field (A5-5), the
 * submission (A5-5, A5-6: marketing sends it), and the next period of a signed one.
 * Sales of the client's department and up act; everyone else who may see it reads.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { graphql, type ResultOf, readFragment } from '../api/graphql.js';
import { ApplicationCard, ApplicationFields } from '../app/application-card.js';
import { useMutation, useQuery } from '../app/hooks.js';
import { useActor, useI18n, useSession } from '../app/session.js';
import { EnumBadge, ErrorNote, Loading, MutationErrors, Section } from '../app/ui.js';
import { uploadTo } from '../app/upload.js';
import {
  TERM_GROUPS,
  type TermField,
  type TermValues,
  termsPart,
  termValuesOf,
  workerDecisionErrors,
} from '../lib/individual-contract.js';
import { outcomeOf } from '../lib/outcome.js';
import { actsForClient, may } from '../lib/roles.js';
import { formatJst } from '../lib/time.js';

const ContractQuery = graphql(`
  query IndividualContract($id: ID!) {
    individualContract(id: $id) {
      __typename
      ... on NotFoundError { message }
      ... on IndividualContract {
        id clientId orderId status version organisationalUnitId createdAt updatedAt
        period { startDate endDate }
        establishment {
          id name version conflictDate
          organisationalUnits { id name }
          conflictDateNotice {
            conflictDate receivedOn receivedBy document { fileName }
            extensions { id previousConflictDate newConflictDate hearing { heardOn heardParty partyName } }
          }
        }
        terms {
          jobContent responsibilityLevel workLocation workingDays breakTime healthAndSafety
          cancellationMeasures overtimeAndHolidayWork welfareFacilities directHireDisputePrevention
          numberOfWorkers billingRateYenPerHour wageYenPerHour
          commandingSupervisor { name title phone }
          agencyManager { name title phone }
          clientManager { name title phone }
          workingHours { start end }
          complaintHandling { procedure agencyDesk { name title phone } clientDesk { name title phone } }
          workerLimitation { agreementCoveredOnly indefiniteTermOrAged60Only }
        }
        termsCompleteness { complete missing { item label } }
        termsRequest { requestedAt dueAt metAt sentTo escalatedAt }
        worker { workerId workerName bindingConflictDate decidedAt decidedBy }
        exemption { kind reason }
        gateFailures { gate message }
      }
    }
  }
`);

const ContextQuery = graphql(
  `
  query IndividualContractContext($clientId: ID!, $orderId: String!) {
    client(id: $clientId) {
      __typename
      ... on Client { id name salesRepId department applications { id type ...ApplicationFields } }
    }
    treatmentInformation(orderId: $orderId) {
      method receivedOn training welfareFacilities comparableWorkerTreatment missing version
      documents { fileName }
    }
    workers(first: 100) { edges { node { id name employmentTerm } } }
  }
`,
  [ApplicationFields],
);

const LegalUpload = graphql(`
  mutation RequestLegalDocumentUpload($input: RequestLegalDocumentUploadInput!) {
    requestLegalDocumentUpload(input: $input) {
      __typename
      ... on LegalDocumentUpload { key upload { url method headers } }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

const RecordNotice = graphql(`
  mutation RecordConflictDateNotice($input: RecordConflictDateNoticeInput!) {
    recordConflictDateNotice(input: $input) {
      __typename
      ... on Establishment { id }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

const ExtendConflict = graphql(`
  mutation ExtendConflictDate($input: ExtendConflictDateInput!) {
    extendConflictDate(input: $input) {
      __typename
      ... on Establishment { id }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

const RecordTreatment = graphql(`
  mutation RecordTreatmentInformation($input: RecordTreatmentInformationInput!) {
    recordTreatmentInformation(input: $input) {
      __typename
      ... on TreatmentInformation { orderId }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

const RequestTerms = graphql(`
  mutation RequestIndividualContractTerms($input: IndividualContractVersionInput!) {
    requestIndividualContractTerms(input: $input) {
      __typename
      ... on IndividualContract { id }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

const SaveTerms = graphql(`
  mutation SaveIndividualContractTerms($input: SaveIndividualContractTermsInput!) {
    saveIndividualContractTerms(input: $input) {
      __typename
      ... on SaveIndividualContractTermsPayload { completeness { complete missing { item label } } }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

const DecideWorker = graphql(`
  mutation DecideWorker($input: DecideWorkerInput!) {
    decideWorker(input: $input) {
      __typename
      ... on IndividualContract { id }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

const Submit = graphql(`
  mutation SubmitIndividualContract($input: SubmitIndividualContractInput!) {
    submitIndividualContract(input: $input) {
      __typename
      ... on Application { id status }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

const Renew = graphql(`
  mutation RenewIndividualContract($input: RenewIndividualContractInput!) {
    renewIndividualContract(input: $input) {
      __typename
      ... on Application { id status }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

type Purpose = 'CONFLICT_DATE_NOTICE' | 'HEARING_RECORD' | 'TREATMENT_INFORMATION';

/** Uploads a client's PDF through the pre-signed URL; the reference to name when recording, or the reason it failed. */
function useLegalUpload(clientId: string) {
  const { api } = useSession();
  return async (
    file: File,
    purpose: Purpose,
  ): Promise<{ ok: true; ref: { key: string; fileName: string } } | { ok: false; message: string }> => {
    try {
      const granted = (
        await api(LegalUpload, { input: { clientId, fileName: file.name, size: file.size, purpose } })
      ).requestLegalDocumentUpload;
      const outcome = outcomeOf(granted, 'LegalDocumentUpload');
      if (!outcome.ok) return { ok: false, message: Object.values(outcome.fields)[0] ?? outcome.message };
      await uploadTo(outcome.value.upload, file);
      return { ok: true, ref: { key: outcome.value.key, fileName: file.name } };
    } catch (e) {
      return { ok: false, message: (e as Error).message };
    }
  };
}

function PdfInput({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: File | null;
  onChange(f: File | null): void;
  error?: string | undefined;
}) {
  return (
    <FileInput
      label={label}
      accept="application/pdf"
      value={value}
      onChange={onChange}
      error={error}
      clearable
    />
  );
}

function NoticeForm({
  clientId,
  establishment,
  onDone,
}: {
  clientId: string;
  establishment: { id: string; version: number };
  onDone(): void;
}) {
  const i18n = useI18n();
  const upload = useLegalUpload(clientId);
  const record = useMutation(RecordNotice, 'recordConflictDateNotice', 'Establishment', {
    onConflict: onDone,
  });
  const [conflictDate, setConflictDate] = useState('');
  const [receivedOn, setReceivedOn] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  return (
    <Stack gap="xs" data-testid="notice-form">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          type="date"
          label={i18n.t('conflictDate')}
          value={conflictDate}
          onChange={(e) => setConflictDate(e.currentTarget.value)}
          error={record.fields.conflictDate}
        />
        <TextInput
          type="date"
          label={i18n.t('receivedOn')}
          value={receivedOn}
          onChange={(e) => setReceivedOn(e.currentTarget.value)}
          error={record.fields.receivedOn}
        />
        <PdfInput
          label={i18n.t('noticePdf')}
          value={file}
          onChange={setFile}
          error={fileError ?? record.fields['document.key'] ?? record.fields.document}
        />
      </SimpleGrid>
      <MutationErrors state={record} placed={['conflictDate', 'receivedOn', 'document', 'document.key']} />
      <Group>
        <Button
          loading={record.busy}
          onClick={async () => {
            setFileError(undefined);
            if (!file) return setFileError(i18n.t('pdfRequired'));
            const uploaded = await upload(file, 'CONFLICT_DATE_NOTICE');
            if (!uploaded.ok) return setFileError(uploaded.message);
            const done = await record.run({
              input: {
                establishmentId: establishment.id,
                expectedVersion: establishment.version,
                conflictDate,
                receivedOn,
                document: uploaded.ref,
              },
            });
            if (done) onDone();
          }}
        >
          {i18n.t('recordNotice')}
        </Button>
      </Group>
    </Stack>
  );
}

function ExtensionForm({
  clientId,
  establishment,
  onDone,
}: {
  clientId: string;
  establishment: { id: string; version: number };
  onDone(): void;
}) {
  const i18n = useI18n();
  const upload = useLegalUpload(clientId);
  const extend = useMutation(ExtendConflict, 'extendConflictDate', 'Establishment', { onConflict: onDone });
  const [v, setV] = useState({ newConflictDate: '', heardOn: '', partyName: '', opinion: '' });
  const [heardParty, setHeardParty] = useState<string | null>('MAJORITY_UNION');
  const [notice, setNotice] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setV({ ...v, [k]: e.currentTarget.value });
  return (
    <Stack gap="xs" data-testid="extension-form">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          type="date"
          label={i18n.t('newConflictDate')}
          value={v.newConflictDate}
          onChange={set('newConflictDate')}
          error={extend.fields.newConflictDate}
        />
        <TextInput
          type="date"
          label={i18n.t('heardOn')}
          value={v.heardOn}
          onChange={set('heardOn')}
          error={extend.fields['hearing.heardOn']}
        />
        <Select
          label={i18n.t('heardParty')}
          data={i18n.options('HeardParty')}
          value={heardParty}
          onChange={setHeardParty}
          error={extend.fields['hearing.heardParty']}
        />
        <TextInput
          label={i18n.t('partyName')}
          value={v.partyName}
          onChange={set('partyName')}
          error={extend.fields['hearing.partyName']}
        />
        <Textarea
          label={i18n.t('opinion')}
          value={v.opinion}
          onChange={set('opinion')}
          error={extend.fields['hearing.opinion']}
          autosize
          minRows={1}
        />
        <PdfInput
          label={i18n.t('extensionNoticePdf')}
          value={notice}
          onChange={setNotice}
          error={fileError ?? extend.fields['notice.key'] ?? extend.fields.notice}
        />
      </SimpleGrid>
      <MutationErrors
        state={extend}
        placed={[
          'newConflictDate',
          'hearing.heardOn',
          'hearing.heardParty',
          'hearing.partyName',
          'hearing.opinion',
          'notice',
          'notice.key',
        ]}
      />
      <Group>
        <Button
          loading={extend.busy}
          onClick={async () => {
            setFileError(undefined);
            if (!notice) return setFileError(i18n.t('pdfRequired'));
            const uploaded = await upload(notice, 'CONFLICT_DATE_NOTICE');
            if (!uploaded.ok) return setFileError(uploaded.message);
            const done = await extend.run({
              input: {
                establishmentId: establishment.id,
                expectedVersion: establishment.version,
                newConflictDate: v.newConflictDate,
                notice: uploaded.ref,
                hearing: {
                  heardOn: v.heardOn,
                  heardParty: (heardParty ?? 'MAJORITY_UNION') as 'MAJORITY_UNION',
                  partyName: v.partyName,
                  opinion: v.opinion,
                },
              },
            });
            if (done) onDone();
          }}
        >
          {i18n.t('extendConflictDate')}
        </Button>
      </Group>
    </Stack>
  );
}

function TreatmentForm({
  clientId,
  orderId,
  establishmentId,
  version,
  onDone,
}: {
  clientId: string;
  orderId: string;
  establishmentId: string;
  version: number | undefined;
  onDone(): void;
}) {
  const i18n = useI18n();
  const upload = useLegalUpload(clientId);
  const record = useMutation(RecordTreatment, 'recordTreatmentInformation', 'TreatmentInformation', {
    onConflict: onDone,
  });
  const [method, setMethod] = useState<string | null>('LABOUR_MANAGEMENT_AGREEMENT');
  const [items, setItems] = useState({ training: '', welfareFacilities: '', comparableWorkerTreatment: '' });
  const [receivedOn, setReceivedOn] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const item = (k: keyof typeof items) => (
    <Textarea
      label={i18n.t(k)}
      value={items[k]}
      onChange={(e) => setItems({ ...items, [k]: e.currentTarget.value })}
      error={record.fields[`items.${k}`]}
      autosize
      minRows={1}
    />
  );
  return (
    <Stack gap="xs" data-testid="treatment-form">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={i18n.t('treatmentMethod')}
          data={i18n.options('TreatmentMethod')}
          value={method}
          onChange={setMethod}
          error={record.fields.method}
        />
        <TextInput
          type="date"
          label={i18n.t('receivedOn')}
          value={receivedOn}
          onChange={(e) => setReceivedOn(e.currentTarget.value)}
          error={record.fields.receivedOn}
        />
        {item('training')}
        {item('welfareFacilities')}
        {item('comparableWorkerTreatment')}
        <PdfInput
          label={i18n.t('treatmentPdf')}
          value={file}
          onChange={setFile}
          error={fileError ?? record.fields.documents ?? record.fields['documents.0.key']}
        />
      </SimpleGrid>
      <MutationErrors
        state={record}
        placed={[
          'method',
          'receivedOn',
          'items.training',
          'items.welfareFacilities',
          'items.comparableWorkerTreatment',
          'documents',
          'documents.0.key',
        ]}
      />
      <Group>
        <Button
          loading={record.busy}
          onClick={async () => {
            setFileError(undefined);
            const documents: { key: string; fileName: string }[] = [];
            if (file) {
              const uploaded = await upload(file, 'TREATMENT_INFORMATION');
              if (!uploaded.ok) return setFileError(uploaded.message);
              documents.push(uploaded.ref);
            }
            const filled = Object.fromEntries(Object.entries(items).filter(([, t]) => t.trim()));
            const done = await record.run({
              input: {
                orderId,
                establishmentId,
                method: (method ?? 'LABOUR_MANAGEMENT_AGREEMENT') as 'LABOUR_MANAGEMENT_AGREEMENT',
                receivedOn,
                items: filled,
                documents,
                ...(version ? { expectedVersion: version } : {}),
              },
            });
            if (done) onDone();
          }}
        >
          {i18n.t('recordTreatment')}
        </Button>
      </Group>
    </Stack>
  );
}

function TermInput({
  field,
  value,
  onChange,
  error,
}: {
  field: TermField;
  value: string;
  onChange(v: string): void;
  error: string | undefined;
}) {
  const i18n = useI18n();
  const label = i18n.label('TermField', field.key);
  if (field.kind === 'yesNo')
    return (
      <Select
        label={label}
        data={[
          { value: 'yes', label: i18n.t('yes') },
          { value: 'no', label: i18n.t('no') },
        ]}
        value={value || null}
        onChange={(v) => onChange(v ?? '')}
        error={error}
        clearable
      />
    );
  if (field.kind === 'long')
    return (
      <Textarea
        label={label}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
        autosize
        minRows={1}
      />
    );
  return (
    <TextInput
      label={label}
      type={field.kind === 'time' ? 'time' : 'text'}
      inputMode={field.kind === 'int' ? 'numeric' : undefined}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

function TermsForm({
  contract,
  editable,
  onSaved,
}: {
  contract: { id: string; version: number; terms: unknown };
  editable: boolean;
  onSaved(): void;
}) {
  const i18n = useI18n();
  const save = useMutation(SaveTerms, 'saveIndividualContractTerms', 'SaveIndividualContractTermsPayload', {
    onConflict: onSaved,
  });
  const [values, setValues] = useState<TermValues>(() => termValuesOf(contract.terms));
  const [incomplete, setIncomplete] = useState<string[]>([]);
  return (
    <Stack gap="xs" data-testid="terms-form">
      {TERM_GROUPS.map((group) =>
        group.fields.length === 1 ? (
          <TermInput
            key={group.item}
            field={group.fields[0] as TermField}
            value={values[(group.fields[0] as TermField).key] ?? ''}
            onChange={(v) => setValues((old) => ({ ...old, [(group.fields[0] as TermField).key]: v }))}
            error={save.fields[`terms.${(group.fields[0] as TermField).key}`]}
          />
        ) : (
          <fieldset key={group.item} style={{ border: 0, padding: 0, margin: 0 }}>
            <legend>
              <Text size="sm" fw={700}>
                {i18n.label('IndividualContractTermItem', group.item)}
              </Text>
            </legend>
            <SimpleGrid cols={{ base: 1, sm: group.fields.length > 1 ? 3 : 1 }}>
              {group.fields.map((f) => (
                <TermInput
                  key={f.key}
                  field={f}
                  value={values[f.key] ?? ''}
                  onChange={(v) => setValues((old) => ({ ...old, [f.key]: v }))}
                  error={
                    save.fields[`terms.${f.key}`] ??
                    (incomplete.includes(group.item) ? i18n.t('fillTheRest') : undefined)
                  }
                />
              ))}
            </SimpleGrid>
          </fieldset>
        ),
      )}
      <MutationErrors
        state={save}
        placed={TERM_GROUPS.flatMap((g) => g.fields.map((f) => `terms.${f.key}`))}
      />
      {editable ? (
        <Group>
          <Button
            loading={save.busy}
            onClick={async () => {
              const part = termsPart(values);
              setIncomplete(part.incomplete);
              if (part.incomplete.length) return;
              const done = await save.run({
                input: {
                  individualContractId: contract.id,
                  expectedVersion: contract.version,
                  terms: part.terms,
                },
              });
              if (done) onSaved();
            }}
          >
            {i18n.t('saveTerms')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

function WorkerForm({
  contract,
  workers,
  onDone,
}: {
  contract: { id: string; version: number };
  workers: { id: string; name: string; employmentTerm: string }[];
  onDone(): void;
}) {
  const i18n = useI18n();
  const decide = useMutation(DecideWorker, 'decideWorker', 'IndividualContract', { onConflict: onDone });
  const [workerId, setWorkerId] = useState<string | null>(null);
  const [exemptionKind, setExemptionKind] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const errors = decide.message
    ? workerDecisionErrors({ message: decide.message, fields: decide.fields })
    : {};
  return (
    <Stack gap="xs" data-testid="worker-form">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={i18n.t('worker')}
          data={workers.map((w) => ({
            value: w.id,
            label: i18n.qualified(`${w.id} ${w.name}`, i18n.label('EmploymentTerm', w.employmentTerm)),
          }))}
          value={workerId}
          onChange={setWorkerId}
          error={errors.workerId}
          searchable
          allowDeselect={false}
          // The refusal is long text next to the field: darker than the default error red, for contrast.
          styles={{
            input: { color: 'var(--mantine-color-text)' },
            error: { color: 'var(--mantine-color-red-9)' },
          }}
        />
        <Select
          label={i18n.t('exemption')}
          data={i18n.options('PeriodLimitExemptionKind')}
          value={exemptionKind}
          onChange={setExemptionKind}
          error={errors['exemption.kind']}
          clearable
        />
        <TextInput
          label={i18n.t('exemptionReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors['exemption.reason']}
        />
      </SimpleGrid>
      <MutationErrors
        state={{
          ...decide,
          message: errors.workerId === decide.message ? undefined : decide.message,
          fields: errors,
        }}
        placed={['workerId', 'exemption.kind', 'exemption.reason', '']}
      />
      <Group>
        <Button
          loading={decide.busy}
          onClick={async () => {
            const done = await decide.run({
              input: {
                individualContractId: contract.id,
                expectedVersion: contract.version,
                workerId: workerId ?? '',
                ...(exemptionKind ? { exemption: { kind: exemptionKind as 'AGED_60_OR_OVER', reason } } : {}),
              },
            });
            if (done) onDone();
          }}
        >
          {i18n.t('decideWorker')}
        </Button>
      </Group>
    </Stack>
  );
}

export function IndividualContractScreen() {
  const { id = '' } = useParams();
  const actor = useActor();
  const i18n = useI18n();
  const q = useQuery(ContractQuery, { id });
  const found =
    q.data?.individualContract.__typename === 'IndividualContract' ? q.data.individualContract : undefined;
  if (q.loading && !q.data) return <Loading />;
  if (!found)
    return (
      <ErrorNote
        message={
          q.error ??
          (q.data?.individualContract.__typename === 'NotFoundError'
            ? q.data.individualContract.message
            : i18n.t('notFound'))
        }
      />
    );
  return <ContractView key={found.version} contract={found} actor={actor} reload={() => void q.reload()} />;
}

type Contract = Extract<
  ResultOf<typeof ContractQuery>['individualContract'],
  { __typename: 'IndividualContract' }
>;

function ContractView({
  contract,
  actor,
  reload,
}: {
  contract: Contract;
  actor: ReturnType<typeof useActor>;
  reload(): void;
}) {
  const i18n = useI18n();
  const ctx = useQuery(ContextQuery, { clientId: contract.clientId, orderId: contract.orderId });
  const requestTerms = useMutation(RequestTerms, 'requestIndividualContractTerms', 'IndividualContract', {
    onConflict: reload,
  });
  const submit = useMutation(Submit, 'submitIndividualContract', 'Application');
  const renew = useMutation(Renew, 'renewIndividualContract', 'Application');
  const [renewEnd, setRenewEnd] = useState('');
  const refresh = () => {
    reload();
    void ctx.reload();
  };
  const client = ctx.data?.client.__typename === 'Client' ? ctx.data.client : undefined;
  const manages =
    !!client &&
    actsForClient(actor, { salesRepId: client.salesRepId ?? null, department: client.department ?? null }) &&
    may(actor, 'manageIndividualContracts');
  // The newest application sending this contract (the API lists them newest first).
  const sending = (client?.applications ?? []).find(
    (a) =>
      a.type === 'INDIVIDUAL_CONTRACT' &&
      readFragment(ApplicationFields, a).individualContract?.individualContractId === contract.id,
  );
  const sendingStatus = sending ? readFragment(ApplicationFields, sending).status : undefined;
  // Collected while a draft that is not on its way (a rejected or failed send may be corrected and sent again).
  const draft = contract.status === 'DRAFT' && sendingStatus !== 'SUBMITTED' && sendingStatus !== 'APPROVED';
  const treatment = ctx.data?.treatmentInformation;
  const establishment = contract.establishment;
  const notice = establishment?.conflictDateNotice;
  const unit = establishment?.organisationalUnits.find((u) => u.id === contract.organisationalUnitId);
  const workers = ctx.data?.workers.edges.map((e) => e.node) ?? [];
  return (
    <Stack>
      <Title order={2}>
        {i18n.t('individualContract')} {contract.id}
      </Title>
      <Group gap="xs">
        <EnumBadge name="IndividualContractStatus" value={contract.status} />
        {client ? (
          <Anchor component={Link} to={`/clients/${client.id}`} size="sm">
            {client.name}
          </Anchor>
        ) : null}
        <Text size="sm">
          {i18n.t('order')}: {contract.orderId} / {i18n.t('dispatchPeriod')}: {contract.period.startDate}〜
          {contract.period.endDate} / {establishment?.name ?? '—'} {unit ? `・${unit.name}` : ''}
        </Text>
      </Group>
      <ErrorNote message={ctx.error} />

      <Section title={i18n.t('gates')} id="gates">
        {contract.gateFailures.length ? (
          <List size="sm" data-testid="gate-failures">
            {contract.gateFailures.map((g) => (
              <List.Item key={g.gate + g.message}>
                <Badge color="orange" variant="light" autoContrast mr="xs">
                  {i18n.label('IndividualContractGate', g.gate)}
                </Badge>
                {g.message}
              </List.Item>
            ))}
          </List>
        ) : (
          <Alert color="teal" title={i18n.t('gatesPassed')} data-testid="gates-passed" />
        )}
      </Section>

      <Section title={i18n.t('conflictDateNotice')} id="conflict-date">
        {notice ? (
          <Stack gap={2} data-testid="notice">
            <Text size="sm">
              {i18n.t('conflictDate')}: <b>{establishment?.conflictDate}</b> / {i18n.t('receivedOn')}:{' '}
              {notice.receivedOn} / {notice.document.fileName}
            </Text>
            {notice.extensions.map((x) => (
              <Text key={x.id} size="sm">
                {i18n.t('extension')}: {x.previousConflictDate} → {x.newConflictDate} ({x.hearing.heardOn}{' '}
                {i18n.label('HeardParty', x.hearing.heardParty)} {x.hearing.partyName})
              </Text>
            ))}
          </Stack>
        ) : (
          <Text c="dimmed">{i18n.t('noNotice')}</Text>
        )}
        {manages && establishment && !notice ? (
          <NoticeForm clientId={contract.clientId} establishment={establishment} onDone={refresh} />
        ) : null}
        {manages && establishment && notice ? (
          <>
            <Title order={4} size="h5">
              {i18n.t('extendConflictDate')}
            </Title>
            <ExtensionForm clientId={contract.clientId} establishment={establishment} onDone={refresh} />
          </>
        ) : null}
      </Section>

      <Section title={i18n.t('treatmentInformation')} id="treatment">
        {treatment ? (
          <Stack gap={2} data-testid="treatment">
            <Text size="sm">
              {i18n.label('TreatmentMethod', treatment.method)} / {i18n.t('receivedOn')}:{' '}
              {treatment.receivedOn} / {i18n.list(treatment.documents.map((d) => d.fileName))}
            </Text>
            {treatment.missing.length ? (
              <Text size="sm" c="red.9">
                {i18n.t('missing')}: {i18n.list(treatment.missing)}
              </Text>
            ) : null}
          </Stack>
        ) : (
          <Text c="dimmed">{i18n.t('none')}</Text>
        )}
        {manages && draft && establishment && (!treatment || treatment.missing.length) ? (
          <TreatmentForm
            clientId={contract.clientId}
            orderId={contract.orderId}
            establishmentId={establishment.id}
            version={treatment?.version}
            onDone={refresh}
          />
        ) : null}
      </Section>

      <Section title={i18n.t('terms')} id="terms">
        <Group gap="xs" data-testid="terms-completeness">
          {contract.termsCompleteness.complete ? (
            <Badge color="teal" variant="light" autoContrast>
              {i18n.t('termsComplete')}
            </Badge>
          ) : (
            <Text size="sm" c="red.9">
              {i18n.t('missing')}:{' '}
              {i18n.list(
                contract.termsCompleteness.missing.map((m) =>
                  i18n.label('IndividualContractTermItem', m.item),
                ),
              )}
            </Text>
          )}
        </Group>
        {contract.termsRequest ? (
          <Text size="sm">
            {i18n.t('termsRequested', {
              at: formatJst(contract.termsRequest.requestedAt),
              to: contract.termsRequest.sentTo,
            })}{' '}
            / {i18n.t('dueAt')}: {formatJst(contract.termsRequest.dueAt)}
            {contract.termsRequest.metAt
              ? ` / ${i18n.t('met')}: ${formatJst(contract.termsRequest.metAt)}`
              : ''}
          </Text>
        ) : null}
        {manages && draft && !contract.termsCompleteness.complete ? (
          <>
            <MutationErrors state={requestTerms} />
            <Group>
              <Button
                variant="light"
                loading={requestTerms.busy}
                onClick={async () => {
                  if (
                    await requestTerms.run({
                      input: { individualContractId: contract.id, expectedVersion: contract.version },
                    })
                  )
                    reload();
                }}
              >
                {i18n.t('requestTerms')}
              </Button>
            </Group>
          </>
        ) : null}
        <TermsForm contract={contract} editable={manages && draft} onSaved={reload} />
      </Section>

      <Section title={i18n.t('worker')} id="worker">
        {contract.worker ? (
          <Text size="sm" data-testid="decided-worker">
            {i18n.qualified(contract.worker.workerName, contract.worker.workerId)} / {i18n.t('decidedAt')}:{' '}
            {formatJst(contract.worker.decidedAt)}
            {contract.worker.bindingConflictDate
              ? ` / ${i18n.t('bindingConflictDate')}: ${contract.worker.bindingConflictDate}`
              : ''}
            {contract.exemption
              ? ` / ${i18n.label('PeriodLimitExemptionKind', contract.exemption.kind)}: ${contract.exemption.reason}`
              : ''}
          </Text>
        ) : null}
        {manages && draft ? <WorkerForm contract={contract} workers={workers} onDone={refresh} /> : null}
      </Section>

      <Section title={i18n.t('sending')} id="sending">
        {sending ? <ApplicationCard application={sending} /> : <Text c="dimmed">{i18n.t('notSent')}</Text>}
        {manages && draft ? (
          <>
            <MutationErrors state={submit} />
            <Group>
              <Button
                loading={submit.busy}
                onClick={async () => {
                  if (await submit.run({ input: { individualContractId: contract.id } })) refresh();
                }}
              >
                {i18n.t('submitIndividualContract')}
              </Button>
            </Group>
          </>
        ) : null}
        {manages && sendingStatus === 'APPROVED' ? (
          <Stack gap="xs" data-testid="renew-form">
            <TextInput
              type="date"
              label={i18n.t('renewUntil')}
              value={renewEnd}
              onChange={(e) => setRenewEnd(e.currentTarget.value)}
              error={renew.fields.endDate}
            />
            <MutationErrors state={renew} placed={['endDate']} />
            <Group>
              <Button
                loading={renew.busy}
                onClick={async () => {
                  if (await renew.run({ input: { individualContractId: contract.id, endDate: renewEnd } }))
                    refresh();
                }}
              >
                {i18n.t('renew')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Section>
    </Stack>
  );
}
