/**
 * One inquiry: first contact and the hearing judgment (A1-2, A1-4), the hearing sheet (A1-6,
 * A7-2), registering the order (A7-3), and the way to its client.
 */
import { Anchor, Button, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { graphql, readFragment } from '../api/graphql.js';
import { DeadlineClock } from '../app/clock.js';
import { Completeness, HearingSheetFields, HearingSheetForm } from '../app/hearing-sheet-form.js';
import { useMutation, useQuery } from '../app/hooks.js';
import { useActor, useI18n } from '../app/session.js';
import { EnumBadge, ErrorNote, Loading, MutationErrors, Section } from '../app/ui.js';
import { may } from '../lib/roles.js';
import { formatJst } from '../lib/time.js';

const InquiryQuery = graphql(
  `
  query Inquiry($id: ID!) {
    inquiry(id: $id) {
      __typename
      ... on NotFoundError { message }
      ... on Inquiry {
        id version company contactName contactDepartment email phone text: message channel status department
        receivedAt routedAt requestedJobCategory requestedStart clientMatch
        client { id name salesRepId }
        firstContact { dueAt contactedAt contactedBy status note escalatedAt }
        hearingJudgment { result reason judgedAt judgedBy }
        hearingSheet { ...HearingSheetFields }
      }
    }
  }
`,
  [HearingSheetFields],
);

const RecordFirstContact = graphql(`
  mutation RecordFirstContact($input: RecordFirstContactInput!) {
    recordFirstContact(input: $input) {
      __typename
      ... on Inquiry { id status }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);
const RecordJudgment = graphql(`
  mutation RecordHearingJudgment($input: RecordHearingJudgmentInput!) {
    recordHearingJudgment(input: $input) {
      __typename
      ... on Inquiry { id status }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);
const RegisterOrder = graphql(`
  mutation RegisterOrder($input: RegisterOrderInput!) {
    registerOrder(input: $input) {
      __typename
      ... on Application { id status }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

type Judgment = 'DISPATCHABLE' | 'NOT_DISPATCHABLE' | 'RECONFIRM_AT_VISIT';

function JudgmentFields({
  value,
  onChange,
  errors,
}: {
  value: { result: Judgment | null; reason: string };
  onChange(v: { result: Judgment | null; reason: string }): void;
  errors: Record<string, string>;
}) {
  const i18n = useI18n();
  return (
    <Group grow align="flex-start">
      <Select
        label={i18n.t('judgment')}
        data={i18n.options('Dispatchability')}
        value={value.result}
        onChange={(v) => onChange({ ...value, result: v as Judgment | null })}
        error={errors['hearingJudgment.result'] ?? errors['judgment.result']}
        clearable
      />
      <TextInput2
        label={i18n.t('judgmentReason')}
        value={value.reason}
        onChange={(reason) => onChange({ ...value, reason })}
        error={errors['hearingJudgment.reason'] ?? errors['judgment.reason']}
      />
    </Group>
  );
}

function TextInput2({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  error?: string | undefined;
}) {
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
}

export function InquiryScreen() {
  const { id = '' } = useParams();
  const actor = useActor();
  const i18n = useI18n();
  const q = useQuery(InquiryQuery, { id });
  const contact = useMutation(RecordFirstContact, 'recordFirstContact', 'Inquiry');
  const judge = useMutation(RecordJudgment, 'recordHearingJudgment', 'Inquiry');
  const order = useMutation(RegisterOrder, 'registerOrder', 'Application');
  const [note, setNote] = useState('');
  const [judgment, setJudgment] = useState<{ result: Judgment | null; reason: string }>({
    result: null,
    reason: '',
  });
  const [ordered, setOrdered] = useState(false);
  if (q.loading && !q.data) return <Loading />;
  const inquiry = q.data?.inquiry;
  if (inquiry?.__typename !== 'Inquiry') return <ErrorNote message={q.error ?? i18n.t('notFound')} />;
  const sheet = readFragment(HearingSheetFields, inquiry.hearingSheet);
  const judgmentInput = judgment.result
    ? { result: judgment.result, ...(judgment.reason ? { reason: judgment.reason } : {}) }
    : undefined;
  return (
    <Stack>
      <Title order={2}>
        {i18n.t('inquiry')}: {inquiry.company}
      </Title>
      <ErrorNote message={q.error} />
      <Section title={i18n.t('inquiry')} id="inquiry-details">
        <Group gap="xs">
          <EnumBadge name="InquiryStatus" value={inquiry.status} />
          <Text size="sm">{i18n.label('InquiryChannel', inquiry.channel)}</Text>
          <Text size="sm">
            {i18n.t('receivedAt')}: {formatJst(inquiry.receivedAt)}
          </Text>
          <Text size="sm">
            {i18n.t('department')}: {i18n.label('Department', inquiry.department)}
          </Text>
        </Group>
        <Text size="sm">
          {i18n.t('contactName')}: {inquiry.contactName} {inquiry.contactDepartment ?? ''} /{' '}
          {inquiry.email ?? ''} {inquiry.phone ?? ''}
        </Text>
        {inquiry.text ? <Text size="sm">{inquiry.text}</Text> : null}
        {inquiry.client ? (
          <Text size="sm">
            {i18n.t('client')}:{' '}
            <Anchor component={Link} to={`/clients/${inquiry.client.id}`}>
              {inquiry.client.name}
            </Anchor>
          </Text>
        ) : null}
      </Section>

      <Section title={i18n.t('firstContact')} id="first-contact">
        {inquiry.firstContact ? (
          <Group gap="xs">
            <Text size="sm">
              {i18n.t('firstContactClock')}: {formatJst(inquiry.firstContact.dueAt)}
            </Text>
            <DeadlineClock dueAt={inquiry.firstContact.dueAt} metAt={inquiry.firstContact.contactedAt} />
            {inquiry.firstContact.note ? <Text size="sm">{inquiry.firstContact.note}</Text> : null}
          </Group>
        ) : null}
        {inquiry.hearingJudgment ? (
          <Group gap="xs">
            <Text size="sm">{i18n.t('judgment')}:</Text>
            <EnumBadge name="Dispatchability" value={inquiry.hearingJudgment.result} />
            <Text size="sm">{inquiry.hearingJudgment.reason ?? ''}</Text>
          </Group>
        ) : null}
        {inquiry.status === 'ROUTED' && may(actor, 'recordFirstContact') ? (
          <Stack gap="xs">
            <Textarea
              label={i18n.t('note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={contact.fields.note}
              autosize
              minRows={2}
            />
            <JudgmentFields value={judgment} onChange={setJudgment} errors={contact.fields} />
            <MutationErrors
              state={contact}
              placed={['note', 'hearingJudgment.result', 'hearingJudgment.reason']}
            />
            <Button
              loading={contact.busy}
              onClick={async () => {
                const done = await contact.run({
                  input: {
                    inquiryId: inquiry.id,
                    expectedVersion: inquiry.version,
                    ...(note ? { note } : {}),
                    ...(judgmentInput ? { hearingJudgment: judgmentInput } : {}),
                  },
                });
                if (done) await q.reload();
              }}
            >
              {i18n.t('recordFirstContact')}
            </Button>
          </Stack>
        ) : null}
        {inquiry.status === 'CONTACTED' && may(actor, 'recordHearingJudgment') ? (
          <Stack gap="xs">
            <JudgmentFields value={judgment} onChange={setJudgment} errors={judge.fields} />
            <MutationErrors state={judge} placed={['judgment.result', 'judgment.reason']} />
            <Button
              variant="light"
              disabled={!judgmentInput}
              loading={judge.busy}
              onClick={async () => {
                if (
                  judgmentInput &&
                  (await judge.run({
                    input: {
                      inquiryId: inquiry.id,
                      expectedVersion: inquiry.version,
                      judgment: judgmentInput,
                    },
                  }))
                )
                  await q.reload();
              }}
            >
              {i18n.t('saveJudgment')}
            </Button>
          </Stack>
        ) : null}
      </Section>

      <Section title={i18n.t('hearingSheet')} id="hearing-sheet">
        {sheet ? (
          <Completeness complete={sheet.completeness.complete} missing={sheet.completeness.missing} />
        ) : null}
        <HearingSheetForm
          key={sheet?.version ?? 0}
          inquiryId={inquiry.id}
          items={sheet?.items}
          version={sheet?.version}
          editable={may(actor, 'saveHearingSheet') && inquiry.status !== 'NEW'}
          onSaved={() => void q.reload()}
        />
        {may(actor, 'submitApplication') && inquiry.client?.salesRepId === actor.userId ? (
          <Stack gap="xs">
            {sheet?.completeness.missingForOrder.length ? (
              <Text size="sm">
                {i18n.t('missingForOrder')}:{' '}
                {i18n.list(sheet.completeness.missingForOrder.map((m) => i18n.label('HearingItem', m)))}
              </Text>
            ) : null}
            <MutationErrors state={order} />
            {ordered ? <Text c="teal">{i18n.t('orderRegistered')}</Text> : null}
            <Button
              variant="light"
              loading={order.busy}
              onClick={async () => {
                if (await order.run({ input: { inquiryId: inquiry.id } })) setOrdered(true);
              }}
            >
              {i18n.t('registerOrder')}
            </Button>
          </Stack>
        ) : null}
      </Section>
    </Stack>
  );
}
