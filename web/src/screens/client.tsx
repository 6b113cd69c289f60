/**
 * A client (顧客管理台帳の1件): profile, rep and the ranked proposal (A2-1, A2-2), inquiries,
 * visits and planning (A3-1), hearing sheets with completeness, G-Staff facts (A1-5), working
 * conditions (A3-5), applications 06_1 / 06_2 (A4, A5), kintone sync state, the audit trail.
 */
import {
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { graphql } from '../api/graphql.js';
import { ApplicationCard, ApplicationFields } from '../app/application-card.js';
import { ClientIndividualContracts } from '../app/client-individual-contracts.js';
import { Completeness } from '../app/hearing-sheet-form.js';
import { useMutation, useQuery } from '../app/hooks.js';
import { useActor, useI18n, useSession } from '../app/session.js';
import { CodeLabel, EnumBadge, ErrorNote, Loading, MutationErrors, Section, UnknownCode } from '../app/ui.js';
import { uploadTo } from '../app/upload.js';
import { fieldLabel } from '../lib/audit.js';
import { factText } from '../lib/hearing.js';
import { actsForClient, may } from '../lib/roles.js';
import { formatJst, fromJstInput, toJstInput } from '../lib/time.js';

const ClientQuery = graphql(
  `
  query Client($id: ID!) {
    client(id: $id) {
      __typename
      ... on NotFoundError { message }
      ... on Client {
        id name stage department industry corporateNumber version createdAt updatedAt
        gstaffRegistration gstaffClientId possibleDuplicateOf salesRepId
        contact { name email }
        salesRep { userId name }
        assignments { id salesRepId assignedAt assignedBy proposalRank overrideReason endedAt }
        inquiries { id company channel status receivedAt hearingJudgment { result } }
        visits { id status plannedStartAt plannedEndAt recordDeadline { dueAt status } }
        hearingSheets { id inquiryId completeness { complete missing } }
        gstaff { match record { gstaffClientId name active turnoverRate pastTroubles { date summary } conflictDates { establishment conflictDate } } }
        ledgerFacts { item value source { at by via } }
        applications { id type status ...ApplicationFields }
        kintoneSync { id app state attempts lastError kintoneRecordId subjectType updatedAt }
        auditTrail(first: 30) { edges { node { id at operation subjectType actorUserId actorSystem actorRole changes { field } } } }
      }
    }
  }
`,
  [ApplicationFields],
);

const ProposalQuery = graphql(`
  query Proposal($clientId: ID!) {
    salesRepProposal(clientId: $clientId) {
      __typename
      ... on Error { message }
      ... on SalesRepProposal {
        department computedAt
        risk { level reasons }
        candidates { salesRepId name rank score tied factors { factor reason points } }
      }
    }
  }
`);

const AssignRep = graphql(`
  mutation AssignSalesRep($input: AssignSalesRepInput!) {
    assignSalesRep(input: $input) {
      __typename
      ... on AssignSalesRepPayload { client { id } }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);
const UpdateProfile = graphql(`
  mutation UpdateClientProfile($input: UpdateClientProfileInput!) {
    updateClientProfile(input: $input) {
      __typename
      ... on Client { id }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);
const PlanVisit = graphql(`
  mutation PlanVisit($input: PlanVisitInput!) {
    planVisit(input: $input) {
      __typename
      ... on Visit { id }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);
const SubmitPrecheck = graphql(`
  mutation SubmitCreditPrecheck($input: SubmitCreditPrecheckInput!) {
    submitCreditPrecheck(input: $input) {
      __typename
      ... on Application { id status }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);
const SubmitContract = graphql(`
  mutation SubmitContractExecution($input: SubmitContractExecutionInput!) {
    submitContractExecution(input: $input) {
      __typename
      ... on Application { id status }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);
const ContractUpload = graphql(`
  mutation RequestContractUpload($input: RequestContractUploadInput!) {
    requestContractUpload(input: $input) {
      __typename
      ... on ContractUpload { documentKey url method headers }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

type Industry = 'MANUFACTURING';

function Proposal({
  clientId,
  version,
  onAssigned,
}: {
  clientId: string;
  version: number;
  onAssigned(): void;
}) {
  const i18n = useI18n();
  const q = useQuery(ProposalQuery, { clientId });
  const assign = useMutation(AssignRep, 'assignSalesRep', 'AssignSalesRepPayload', {
    onConflict: onAssigned,
  });
  const [reason, setReason] = useState('');
  const p = q.data?.salesRepProposal;
  if (!p) return q.loading ? <Loading /> : <ErrorNote message={q.error} />;
  if (p.__typename !== 'SalesRepProposal') return <ErrorNote message={p.message} />;
  return (
    <Stack gap="xs" data-testid="rep-proposal">
      <Group gap="xs">
        <Text size="sm">
          {i18n.t('risk')}: {Math.round(p.risk.level * 100)}%
        </Text>
        {p.risk.reasons.map((r) => (
          <Badge key={r} variant="light" color="orange" autoContrast>
            {r}
          </Badge>
        ))}
      </Group>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{i18n.t('rank')}</Table.Th>
            <Table.Th>{i18n.t('name')}</Table.Th>
            <Table.Th>{i18n.t('score')}</Table.Th>
            <Table.Th>{i18n.t('reasons')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.candidates.map((c) => (
            <Table.Tr key={c.salesRepId}>
              <Table.Td>
                {c.rank}
                {c.tied ? i18n.t('tied') : ''}
              </Table.Td>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>{c.score.toFixed(2)}</Table.Td>
              <Table.Td>
                {c.factors.map((f) => (
                  <Text key={f.factor} size="xs">
                    {i18n.label('AssignmentFactor', f.factor)}: {f.reason}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  aria-label={`${c.name}: ${i18n.t('assign')}`}
                  loading={assign.busy}
                  onClick={async () => {
                    const done = await assign.run({
                      input: {
                        clientId,
                        salesRepId: c.salesRepId,
                        expectedVersion: version,
                        ...(reason.trim() ? { overrideReason: reason.trim() } : {}),
                      },
                    });
                    if (done) onAssigned();
                  }}
                >
                  {i18n.t('assign')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Textarea
        label={i18n.t('overrideReason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={assign.fields.overrideReason}
        autosize
        minRows={1}
      />
      <MutationErrors state={assign} placed={['overrideReason']} />
    </Stack>
  );
}

function ProfileForm({
  client,
  onSaved,
}: {
  client: {
    id: string;
    version: number;
    industry: string | null;
    corporateNumber: string | null;
    contact: { name: string; email: string } | null;
  };
  onSaved(): void;
}) {
  const i18n = useI18n();
  const update = useMutation(UpdateProfile, 'updateClientProfile', 'Client');
  const [industry, setIndustry] = useState<string | null>(client.industry);
  const [corporateNumber, setCorporateNumber] = useState(client.corporateNumber ?? '');
  const [name, setName] = useState(client.contact?.name ?? '');
  const [email, setEmail] = useState(client.contact?.email ?? '');
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Select
          label={i18n.t('industry')}
          data={i18n.options('Industry')}
          value={industry}
          onChange={setIndustry}
          error={update.fields.industry}
          searchable
        />
        <TextInput
          label={i18n.t('corporateNumber')}
          value={corporateNumber}
          onChange={(e) => setCorporateNumber(e.currentTarget.value)}
          error={update.fields.corporateNumber}
        />
        <TextInput
          label={i18n.t('contractContactName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={update.fields['contact.name']}
        />
        <TextInput
          label={i18n.t('contractContactEmail')}
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={update.fields['contact.email']}
        />
      </SimpleGrid>
      <MutationErrors
        state={update}
        placed={['industry', 'corporateNumber', 'contact.name', 'contact.email']}
      />
      <Group>
        <Button
          variant="light"
          loading={update.busy}
          onClick={async () => {
            const done = await update.run({
              input: {
                clientId: client.id,
                expectedVersion: client.version,
                ...(industry ? { industry: industry as Industry } : {}),
                ...(corporateNumber.trim() ? { corporateNumber: corporateNumber.trim() } : {}),
                ...(name.trim() || email.trim()
                  ? { contact: { name: name.trim(), email: email.trim() } }
                  : {}),
              },
            });
            if (done) onSaved();
          }}
        >
          {i18n.t('save')}
        </Button>
      </Group>
    </Stack>
  );
}

function PlanVisitForm({ clientId, onPlanned }: { clientId: string; onPlanned(id: string): void }) {
  const i18n = useI18n();
  const plan = useMutation(PlanVisit, 'planVisit', 'Visit');
  const tomorrow = new Date(Date.now() + 24 * 3600_000);
  tomorrow.setUTCMinutes(0, 0, 0);
  const [start, setStart] = useState(toJstInput(tomorrow));
  const [end, setEnd] = useState(toJstInput(new Date(tomorrow.getTime() + 3600_000)));
  return (
    <Stack gap="xs">
      <Group grow align="flex-start">
        <TextInput
          type="datetime-local"
          label={i18n.qualified(i18n.t('plannedStart'), 'JST')}
          value={start}
          onChange={(e) => setStart(e.currentTarget.value)}
          error={plan.fields.plannedStartAt}
        />
        <TextInput
          type="datetime-local"
          label={i18n.qualified(i18n.t('plannedEnd'), 'JST')}
          value={end}
          onChange={(e) => setEnd(e.currentTarget.value)}
          error={plan.fields.plannedEndAt}
        />
      </Group>
      <MutationErrors state={plan} placed={['plannedStartAt', 'plannedEndAt']} />
      <Group>
        <Button
          loading={plan.busy}
          onClick={async () => {
            const done = await plan.run({
              input: {
                clientId,
                plannedStartAt: fromJstInput(start) ?? start,
                plannedEndAt: fromJstInput(end) ?? end,
              },
            });
            if (done) onPlanned(done.id);
          }}
        >
          {i18n.t('planVisit')}
        </Button>
      </Group>
    </Stack>
  );
}

type Finding = 'OK' | 'CONCERN';
const LABOUR = ['pastUnpaidWages', 'labourDisputes', 'turnover'] as const;
const TRADE = ['antisocialForces', 'businessCondition', 'workplaceEnvironment', 'legalCompliance'] as const;

function PrecheckForm({ clientId, onDone }: { clientId: string; onDone(): void }) {
  const i18n = useI18n();
  const submit = useMutation(SubmitPrecheck, 'submitCreditPrecheck', 'Application');
  const [rating, setRating] = useState<string | number>('');
  const [antisocial, setAntisocial] = useState<string | null>('CLEAR');
  const [findings, setFindings] = useState<Record<string, { result: Finding; note: string }>>(
    Object.fromEntries([...LABOUR, ...TRADE].map((k) => [k, { result: 'OK' as Finding, note: '' }])),
  );
  const findingField = (k: string, group: 'LabourRiskItem' | 'TradeCriteriaItem', prefix: string) => {
    const f = findings[k] ?? { result: 'OK', note: '' };
    const path = `creditPrecheck.${prefix}.${k}`;
    return (
      <Group key={k} grow align="flex-start">
        <Select
          label={i18n.label(group, k)}
          data={i18n.options('FindingResult')}
          value={f.result}
          onChange={(v) => setFindings({ ...findings, [k]: { ...f, result: (v ?? 'OK') as Finding } })}
          error={submit.fields[`${path}.result`]}
        />
        <TextInput
          label={i18n.qualified(i18n.label(group, k), i18n.t('note'))}
          value={f.note}
          onChange={(e) => setFindings({ ...findings, [k]: { ...f, note: e.currentTarget.value } })}
          error={submit.fields[`${path}.note`]}
        />
      </Group>
    );
  };
  const pick = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, findings[k]]));
  return (
    <Stack gap="xs" data-testid="precheck-form">
      <Group grow align="flex-start">
        <NumberInput
          label={i18n.t('creditRating')}
          value={rating}
          onChange={setRating}
          min={0}
          max={100}
          error={submit.fields['creditPrecheck.creditRating']}
        />
        <Select
          label={i18n.t('antisocialCheck')}
          data={i18n.options('AntisocialCheckResult')}
          value={antisocial}
          onChange={setAntisocial}
          error={submit.fields['creditPrecheck.antisocialCheck']}
        />
      </Group>
      <Text size="sm" fw={700}>
        {i18n.t('labourRisk')}
      </Text>
      {LABOUR.map((k) => findingField(k, 'LabourRiskItem', 'labourRisk'))}
      <Text size="sm" fw={700}>
        {i18n.t('tradeCriteria')}
      </Text>
      {TRADE.map((k) => findingField(k, 'TradeCriteriaItem', 'tradeCriteria'))}
      <MutationErrors
        state={submit}
        placed={[
          'creditPrecheck.creditRating',
          'creditPrecheck.antisocialCheck',
          ...LABOUR.flatMap((k) => [
            `creditPrecheck.labourRisk.${k}.result`,
            `creditPrecheck.labourRisk.${k}.note`,
          ]),
          ...TRADE.flatMap((k) => [
            `creditPrecheck.tradeCriteria.${k}.result`,
            `creditPrecheck.tradeCriteria.${k}.note`,
          ]),
        ]}
      />
      <Group>
        <Button
          loading={submit.busy}
          disabled={rating === ''}
          onClick={async () => {
            const done = await submit.run({
              input: {
                clientId,
                creditPrecheck: {
                  creditRating: Number(rating),
                  antisocialCheck: (antisocial ?? 'CLEAR') as 'CLEAR',
                  labourRisk: pick(LABOUR) as never,
                  tradeCriteria: pick(TRADE) as never,
                },
              },
            });
            if (done) onDone();
          }}
        >
          {i18n.qualified(i18n.t('submit'), '06_1')}
        </Button>
      </Group>
    </Stack>
  );
}

function ContractForm({ clientId, onDone }: { clientId: string; onDone(): void }) {
  const i18n = useI18n();
  const { api } = useSession();
  const submit = useMutation(SubmitContract, 'submitContractExecution', 'Application');
  const [form, setForm] = useState<string | null>('STANDARD');
  const [file, setFile] = useState<File | null>(null);
  const [uploadError, setUploadError] = useState<string>();
  return (
    <Stack gap="xs" data-testid="contract-form">
      <Select
        label={i18n.t('contractForm')}
        data={i18n.options('ContractForm')}
        value={form}
        onChange={setForm}
        error={submit.fields.form}
      />
      {form === 'NON_STANDARD' ? (
        <FileInput
          label={i18n.t('contractFile')}
          accept="application/pdf"
          value={file}
          onChange={setFile}
          error={uploadError ?? submit.fields.documentKey ?? submit.fields.fileName}
          clearable
        />
      ) : null}
      <MutationErrors state={submit} placed={['form', 'documentKey', 'fileName']} />
      <Group>
        <Button
          loading={submit.busy}
          onClick={async () => {
            setUploadError(undefined);
            let document: { documentKey: string; fileName: string } | undefined;
            if (form === 'NON_STANDARD' && file) {
              const granted = await api(ContractUpload, {
                input: { clientId, fileName: file.name, size: file.size },
              });
              const r = granted.requestContractUpload;
              if (r.__typename !== 'ContractUpload') return setUploadError(r.message);
              try {
                await uploadTo(r, file);
              } catch (e) {
                return setUploadError((e as Error).message);
              }
              document = { documentKey: r.documentKey, fileName: file.name };
            }
            const done = await submit.run({
              input: { clientId, form: (form ?? 'STANDARD') as 'STANDARD', ...document },
            });
            if (done) onDone();
          }}
        >
          {i18n.qualified(i18n.t('submit'), '06_2')}
        </Button>
      </Group>
    </Stack>
  );
}

export function ClientScreen() {
  const { id = '' } = useParams();
  const actor = useActor();
  const i18n = useI18n();
  const q = useQuery(ClientQuery, { id });
  const [planned, setPlanned] = useState<string>();
  if (q.loading && !q.data) return <Loading />;
  const client = q.data?.client;
  if (!client) return <ErrorNote message={q.error ?? i18n.t('notFound')} />;
  if (client.__typename !== 'Client') return <ErrorNote message={client.message} />;
  const reload = () => void q.reload();
  const forClient = actsForClient(actor, client) && may(actor, 'submitApplication');
  const open = (type: string) =>
    client.applications.some((a) => a.type === type && (a.status === 'SUBMITTED' || a.status === 'APPROVED'));
  return (
    <Stack>
      <Title order={2}>{client.name}</Title>
      <Group gap="xs">
        <EnumBadge name="ClientStage" value={client.stage} />
        <Text size="sm">{i18n.label('Department', client.department)}</Text>
        <Text size="sm">
          {i18n.t('salesRep')}: {client.salesRep?.name ?? i18n.t('noRep')}
        </Text>
      </Group>
      <ErrorNote message={q.error} />
      <Section title={i18n.t('profile')} id="profile">
        <Text size="sm">
          {i18n.t('industry')}: {i18n.label('Industry', client.industry)} / {i18n.t('corporateNumber')}:{' '}
          {client.corporateNumber ?? '—'} / {i18n.t('contractContact')}:{' '}
          {client.contact ? `${client.contact.name} <${client.contact.email}>` : '—'}
        </Text>
        {client.possibleDuplicateOf.length ? (
          <Text size="sm" c="orange.9">
            {i18n.t('possibleDuplicateOf')}: {client.possibleDuplicateOf.join(', ')}
          </Text>
        ) : null}
        {may(actor, 'updateClientProfile') ? (
          <ProfileForm key={client.version} client={client} onSaved={reload} />
        ) : null}
      </Section>

      <Section title={i18n.t('salesRep')} id="rep">
        {client.assignments.map((a) => (
          <Text key={a.id} size="sm">
            {formatJst(a.assignedAt)} {i18n.qualified(a.salesRepId, `${i18n.t('rank')} ${a.proposalRank}`)}
            {a.overrideReason ? ` — ${a.overrideReason}` : ''} / {a.assignedBy}
          </Text>
        ))}
        {may(actor, 'assignRep') && (actor.role === 'DIRECTOR' || actor.department === client.department) ? (
          <>
            <Title order={4} size="h5">
              {i18n.t('proposal')}
            </Title>
            <Proposal clientId={client.id} version={client.version} onAssigned={reload} />
          </>
        ) : null}
      </Section>

      <Section title={i18n.t('inquiries')} id="inquiries">
        {client.inquiries.map((inq) => (
          <Group key={inq.id} gap="xs">
            <Anchor component={Link} to={`/inquiries/${inq.id}`}>
              {formatJst(inq.receivedAt)} {i18n.label('InquiryChannel', inq.channel)}
            </Anchor>
            <EnumBadge name="InquiryStatus" value={inq.status} />
            {inq.hearingJudgment ? (
              <EnumBadge name="Dispatchability" value={inq.hearingJudgment.result} />
            ) : null}
          </Group>
        ))}
      </Section>

      <Section title={i18n.t('visits')} id="visits">
        {client.visits.map((v) => (
          <Group key={v.id} gap="xs">
            <Anchor component={Link} to={`/visits/${v.id}`}>
              {formatJst(v.plannedStartAt)}〜{formatJst(v.plannedEndAt)}
            </Anchor>
            <EnumBadge name="VisitStatus" value={v.status} />
            <Text size="xs">
              {i18n.t('recordDeadline')}: {formatJst(v.recordDeadline.dueAt)}
            </Text>
            <EnumBadge name="DeadlineStatus" value={v.recordDeadline.status} />
          </Group>
        ))}
        {planned ? (
          <Anchor component={Link} to={`/visits/${planned}`}>
            {i18n.t('visit')} →
          </Anchor>
        ) : null}
        {actsForClient(actor, client) && may(actor, 'manageVisits') ? (
          <PlanVisitForm
            clientId={client.id}
            onPlanned={(v) => {
              setPlanned(v);
              reload();
            }}
          />
        ) : null}
      </Section>

      <Section title={i18n.t('hearingSheet')} id="hearing-sheets">
        {client.hearingSheets.map((h) => (
          <Group key={h.id} gap="xs">
            <Anchor component={Link} to={`/inquiries/${h.inquiryId}`}>
              {h.inquiryId}
            </Anchor>
            <Completeness complete={h.completeness.complete} missing={h.completeness.missing} />
          </Group>
        ))}
      </Section>

      <Section title={i18n.t('gstaff')} id="gstaff">
        <Text size="sm">
          {i18n.t('gstaffRegistration')}:{' '}
          <CodeLabel name="GStaffRegistration" value={client.gstaffRegistration} />{' '}
          {client.gstaffClientId ?? ''}
        </Text>
        {client.gstaff.map((g) => (
          <Stack key={g.record.gstaffClientId} gap={2}>
            <Text size="sm">
              {i18n.qualified(g.record.name, i18n.label('GStaffMatch', g.match))}
              {g.record.turnoverRate != null
                ? ` ${i18n.t('turnoverRate')}: ${(g.record.turnoverRate * 100).toFixed(0)}%`
                : ''}
            </Text>
            {g.record.pastTroubles.map((p) => (
              <Text key={p.date + p.summary} size="xs">
                {i18n.t('pastTroubles')}: {p.date} {p.summary}
              </Text>
            ))}
            {g.record.conflictDates.map((c) => (
              <Text key={c.establishment} size="xs">
                {i18n.t('conflictDate')}: {c.establishment} {c.conflictDate}
              </Text>
            ))}
          </Stack>
        ))}
      </Section>

      <Section title={i18n.t('ledgerFacts')} id="ledger-facts">
        {client.ledgerFacts.map((f) => (
          <Text key={f.item} size="sm">
            {i18n.label('HearingItem', f.item)}: {factText(i18n, f.item, f.value)}{' '}
            <Text span size="xs" c="dimmed">
              {i18n.qualified('', `${i18n.label('HearingSource', f.source.via)} ${formatJst(f.source.at)}`)}
            </Text>
          </Text>
        ))}
      </Section>

      <Section title={i18n.t('applications')} id="applications">
        {client.applications.map((a) => (
          <ApplicationCard key={a.id} application={a} />
        ))}
        {forClient && client.stage === 'VISITED' && !open('CREDIT_PRECHECK') ? (
          <>
            <Title order={4} size="h5">
              {i18n.t('creditPrecheck')}
            </Title>
            <PrecheckForm clientId={client.id} onDone={reload} />
          </>
        ) : null}
        {forClient && client.stage === 'CREDIT_APPROVED' ? (
          <>
            <Title order={4} size="h5">
              {i18n.t('contractExecution')}
            </Title>
            <ContractForm clientId={client.id} onDone={reload} />
          </>
        ) : null}
      </Section>

      {client.stage === 'TRADING' ? (
        <ClientIndividualContracts
          clientId={client.id}
          manages={actsForClient(actor, client) && may(actor, 'manageIndividualContracts')}
        />
      ) : null}

      <Section title={i18n.t('kintoneSync')} id="kintone">
        {client.kintoneSync.map((k) => (
          <Group key={k.id} gap="xs">
            <Text size="sm">
              <CodeLabel name="SyncApp" value={k.app} />
            </Text>
            <EnumBadge name="KintoneSyncState" value={k.state} />
            <Text size="xs" c="dimmed">
              {formatJst(k.updatedAt)} {i18n.t('kintoneRecordNumber')}: {k.kintoneRecordId ?? '—'}
              {k.attempts > 1 ? ` / ${i18n.t('attempts', { n: k.attempts })}` : ''}
              {k.lastError ? ` / ${k.lastError}` : ''}
            </Text>
          </Group>
        ))}
      </Section>

      <Section title={i18n.t('auditTrail')} id="audit">
        <Timeline bulletSize={12} lineWidth={2}>
          {client.auditTrail.edges.map(({ node: e }) => (
            <Timeline.Item
              key={e.id}
              title={
                <Text size="sm">
                  <CodeLabel name="AuditOperation" value={e.operation} />
                </Text>
              }
            >
              <Text size="xs" c="dimmed">
                {formatJst(e.at)}{' '}
                {e.actorUserId ? (
                  e.actorRole ? (
                    i18n.qualified(e.actorUserId, i18n.label('Role', e.actorRole))
                  ) : (
                    e.actorUserId
                  )
                ) : (
                  <CodeLabel name="AuditActorSystem" value={e.actorSystem} />
                )}
              </Text>
              {e.changes.length ? (
                <Text size="xs" c="dimmed">
                  {i18n.t('changedFields')}:{' '}
                  {e.changes.map((c, i) => (
                    <span key={c.field}>
                      {i ? i18n.separator : ''}
                      {fieldLabel(i18n, e.subjectType, c.field) ?? <UnknownCode code={c.field} />}
                    </span>
                  ))}
                </Text>
              ) : null}
            </Timeline.Item>
          ))}
        </Timeline>
      </Section>
    </Stack>
  );
}
