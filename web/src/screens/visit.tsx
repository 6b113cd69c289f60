/**
 * A sales visit (営業訪問): the pre-visit checklist (A2-3), the visit record (A3-1 … A3-6) and site
 * photos taken with the phone's camera, uploaded through the pre-signed URL.
 */
import {
  Anchor,
  Button,
  Checkbox,
  Group,
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
import { graphql } from '../api/graphql.js';
import { useMutation, useQuery } from '../app/hooks.js';
import { useActor, useI18n, useSession } from '../app/session.js';
import { CodeLabel, EnumBadge, ErrorNote, Loading, MutationErrors, Section } from '../app/ui.js';
import { uploadTo } from '../app/upload.js';
import { may } from '../lib/roles.js';
import { formatJst, toJstInput } from '../lib/time.js';
import { TOPICS, type Topic, type VisitRecordForm, visitRecordInput } from '../lib/visit-record.js';

const VisitQuery = graphql(`
  query Visit($id: ID!) {
    visit(id: $id) {
      __typename
      ... on NotFoundError { message }
      ... on Visit {
        id version status clientId inquiryId salesRepId plannedStartAt plannedEndAt missingChecklistItems draftApplicationId
        checklist { item note confirmedAt confirmedBy }
        recordDeadline { dueAt status }
        record { recordedAt outcome hrIssues recruitmentBackground workJudgment { result } }
        attachments { id fileName kind state size downloadUrl }
      }
    }
  }
`);

const ConfirmChecklist = graphql(`
  mutation ConfirmChecklist($input: ConfirmPreVisitChecklistInput!) {
    confirmPreVisitChecklist(input: $input) {
      __typename
      ... on Visit { id status }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);
const RecordVisit = graphql(`
  mutation RecordVisit($input: RecordVisitInput!) {
    recordVisit(input: $input) {
      __typename
      ... on RecordVisitPayload { visit { id status } }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);
const RequestUpload = graphql(`
  mutation RequestVisitAttachmentUpload($input: RequestVisitAttachmentUploadInput!) {
    requestVisitAttachmentUpload(input: $input) {
      __typename
      ... on VisitAttachmentUpload { attachment { id } upload { url method headers } }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);
const ConfirmUpload = graphql(`
  mutation ConfirmVisitAttachment($input: ConfirmVisitAttachmentInput!) {
    confirmVisitAttachment(input: $input) {
      __typename
      ... on Visit { id }
      ... on Error { message }
    }
  }
`);

const EXPLAINED = ['company', 'registrants', 'trackRecord'] as const;

const CHECKLIST = [
  'PERSONAL_INFORMATION_HANDLING',
  'EMPLOYMENT_MANAGEMENT',
  'WORK_ENVIRONMENT',
  'HEALTH_AND_SAFETY_SETUP',
  'TRAINING',
] as const;

function ChecklistForm({
  visitId,
  version,
  missing,
  onDone,
}: {
  visitId: string;
  version: number;
  missing: readonly string[];
  onDone(): void;
}) {
  const i18n = useI18n();
  const confirm = useMutation(ConfirmChecklist, 'confirmPreVisitChecklist', 'Visit');
  const [notes, setNotes] = useState<Record<string, string>>({});
  const items = CHECKLIST.filter((c) => missing.includes(c));
  return (
    <Stack gap="xs">
      {items.map((item, i) => (
        <TextInput
          key={item}
          label={i18n.label('PreVisitChecklistItem', item)}
          value={notes[item] ?? ''}
          onChange={(e) => setNotes({ ...notes, [item]: e.currentTarget.value })}
          error={confirm.fields[`items.${i}.note`]}
        />
      ))}
      <MutationErrors state={confirm} placed={items.map((_, i) => `items.${i}.note`)} />
      <Group>
        <Button
          loading={confirm.busy}
          onClick={async () => {
            const filled = items
              .filter((item) => notes[item]?.trim())
              .map((item) => ({ item, note: (notes[item] ?? '').trim() }));
            if (await confirm.run({ input: { visitId, expectedVersion: version, items: filled } })) onDone();
          }}
        >
          {i18n.t('confirmChecklist')}
        </Button>
      </Group>
    </Stack>
  );
}

function RecordForm({
  visit,
  onDone,
}: {
  visit: { id: string; version: number; plannedStartAt: string; plannedEndAt: string };
  onDone(): void;
}) {
  const i18n = useI18n();
  const record = useMutation(RecordVisit, 'recordVisit', 'RecordVisitPayload');
  const [f, setF] = useState<VisitRecordForm>({
    startedAt: toJstInput(visit.plannedStartAt),
    endedAt: toJstInput(visit.plannedEndAt),
    company: false,
    registrants: false,
    trackRecord: false,
    recruitmentBackground: '',
    hrIssues: '',
    notes: '',
    topics: [],
    how: 'WRITTEN',
    acknowledgedByRole: '',
    workJudgment: 'PERMITTED',
    prohibitedCategory: null,
    workReason: '',
    requestLikely: true,
  });
  const set = <K extends keyof VisitRecordForm>(k: K, v: VisitRecordForm[K]) =>
    setF((x) => ({ ...x, [k]: v }));
  const e = record.fields;
  return (
    <Stack gap="xs" data-testid="visit-record-form">
      <Group grow align="flex-start">
        <TextInput
          type="datetime-local"
          label={i18n.qualified(i18n.t('startedAt'), 'JST')}
          value={f.startedAt}
          onChange={(ev) => set('startedAt', ev.currentTarget.value)}
          error={e.startedAt}
        />
        <TextInput
          type="datetime-local"
          label={i18n.qualified(i18n.t('endedAt'), 'JST')}
          value={f.endedAt}
          onChange={(ev) => set('endedAt', ev.currentTarget.value)}
          error={e.endedAt}
        />
      </Group>
      <Checkbox.Group
        label={i18n.t('explained')}
        error={e.explained}
        value={EXPLAINED.filter((k) => f[k])}
        onChange={(v) =>
          setF((x) => ({
            ...x,
            company: v.includes('company'),
            registrants: v.includes('registrants'),
            trackRecord: v.includes('trackRecord'),
          }))
        }
      >
        <Group>
          <Checkbox value="company" label={i18n.t('explainedCompany')} />
          <Checkbox value="registrants" label={i18n.t('explainedRegistrants')} />
          <Checkbox value="trackRecord" label={i18n.t('explainedTrackRecord')} />
        </Group>
      </Checkbox.Group>
      <Textarea
        label={i18n.t('recruitmentBackground')}
        value={f.recruitmentBackground}
        onChange={(ev) => set('recruitmentBackground', ev.currentTarget.value)}
        error={e.recruitmentBackground}
        autosize
        minRows={2}
      />
      <Textarea
        label={i18n.t('hrIssues')}
        value={f.hrIssues}
        onChange={(ev) => set('hrIssues', ev.currentTarget.value)}
        error={e.hrIssues}
        autosize
        minRows={2}
      />
      <Checkbox.Group
        label={i18n.t('dispatchExplanation')}
        value={f.topics}
        onChange={(v) => set('topics', v as Topic[])}
        error={e['dispatchExplanation.topics']}
      >
        <Group>
          {TOPICS.map((topic) => (
            <Checkbox key={topic} value={topic} label={i18n.label('DispatchExplanationTopic', topic)} />
          ))}
        </Group>
      </Checkbox.Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Select
          label={i18n.t('explanationHow')}
          data={i18n.options('ExplanationMedium')}
          value={f.how}
          onChange={(v) => set('how', (v ?? 'WRITTEN') as VisitRecordForm['how'])}
          error={e['dispatchExplanation.how']}
        />
        <TextInput
          label={i18n.t('acknowledgedByRole')}
          value={f.acknowledgedByRole}
          onChange={(ev) => set('acknowledgedByRole', ev.currentTarget.value)}
          error={e['dispatchExplanation.acknowledgedByRole']}
        />
        <Select
          label={i18n.t('workJudgment')}
          data={i18n.options('WorkJudgmentResult')}
          value={f.workJudgment}
          onChange={(v) => set('workJudgment', (v ?? 'PERMITTED') as VisitRecordForm['workJudgment'])}
          error={e['workJudgment.result']}
        />
        {f.workJudgment === 'PROHIBITED' ? (
          <Select
            label={i18n.t('prohibitedCategory')}
            data={i18n.options('ProhibitedWorkCategory')}
            value={f.prohibitedCategory}
            onChange={(v) => set('prohibitedCategory', v as VisitRecordForm['prohibitedCategory'])}
            error={e['workJudgment.prohibitedCategory']}
          />
        ) : null}
        <TextInput
          label={i18n.t('judgmentReason')}
          value={f.workReason}
          onChange={(ev) => set('workReason', ev.currentTarget.value)}
          error={e['workJudgment.reason']}
        />
      </SimpleGrid>
      <Textarea
        label={i18n.t('notes')}
        value={f.notes}
        onChange={(ev) => set('notes', ev.currentTarget.value)}
        error={e.notes}
        autosize
        minRows={2}
      />
      <Checkbox
        label={i18n.t('requestLikely')}
        checked={f.requestLikely}
        onChange={(ev) => set('requestLikely', ev.currentTarget.checked)}
      />
      <MutationErrors
        state={record}
        placed={[
          'startedAt',
          'endedAt',
          'explained',
          'recruitmentBackground',
          'hrIssues',
          'notes',
          'dispatchExplanation.topics',
          'dispatchExplanation.how',
          'dispatchExplanation.acknowledgedByRole',
          'workJudgment.result',
          'workJudgment.prohibitedCategory',
          'workJudgment.reason',
        ]}
      />
      <Group>
        <Button
          loading={record.busy}
          onClick={async () => {
            if (await record.run({ input: visitRecordInput(visit.id, visit.version, f) })) onDone();
          }}
        >
          {i18n.t('recordVisit')}
        </Button>
      </Group>
    </Stack>
  );
}

function PhotoUpload({ visitId, onDone }: { visitId: string; onDone(): void }) {
  const i18n = useI18n();
  const { api } = useSession();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    setBusy(true);
    setError(undefined);
    try {
      const granted = (
        await api(RequestUpload, {
          input: {
            visitId,
            kind: 'SITE_PHOTO',
            fileName: file.name,
            contentType: file.type || 'application/octet-stream',
            size: file.size,
          },
        })
      ).requestVisitAttachmentUpload;
      if (granted.__typename !== 'VisitAttachmentUpload')
        throw new Error(
          granted.__typename === 'ValidationError'
            ? granted.fieldErrors.map((f) => f.message).join(', ')
            : granted.message,
        );
      await uploadTo(granted.upload, file);
      const confirmed = (
        await api(ConfirmUpload, { input: { visitId, attachmentId: granted.attachment.id } })
      ).confirmVisitAttachment;
      if (confirmed.__typename !== 'Visit') throw new Error(confirmed.message);
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4}>
      <label htmlFor="site-photo">
        <Text size="sm" fw={500}>
          {i18n.t('addPhoto')}
        </Text>
      </label>
      <input
        id="site-photo"
        type="file"
        accept="image/*"
        capture="environment"
        disabled={busy}
        aria-describedby={error ? 'site-photo-error' : undefined}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void upload(file);
          e.currentTarget.value = '';
        }}
      />
      {error ? (
        <Text id="site-photo-error" c="red.8" size="sm" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}

export function VisitScreen() {
  const { id = '' } = useParams();
  const actor = useActor();
  const i18n = useI18n();
  const q = useQuery(VisitQuery, { id });
  if (q.loading && !q.data) return <Loading />;
  const visit = q.data?.visit;
  if (!visit) return <ErrorNote message={q.error ?? i18n.t('notFound')} />;
  if (visit.__typename !== 'Visit') return <ErrorNote message={visit.message} />;
  const mine = may(actor, 'manageVisits') && (actor.role !== 'SALES' || actor.userId === visit.salesRepId);
  const reload = () => void q.reload();
  return (
    <Stack>
      <Title order={2}>
        {i18n.t('visit')}: {formatJst(visit.plannedStartAt)}
      </Title>
      <Group gap="xs">
        <EnumBadge name="VisitStatus" value={visit.status} />
        <Text size="sm">
          {i18n.t('recordDeadline')}: {formatJst(visit.recordDeadline.dueAt)}
        </Text>
        <EnumBadge name="DeadlineStatus" value={visit.recordDeadline.status} />
        <Anchor component={Link} to={`/clients/${visit.clientId}`}>
          {i18n.t('client')} →
        </Anchor>
      </Group>
      <ErrorNote message={q.error} />
      <Section title={i18n.t('checklist')} id="checklist">
        {visit.checklist.map((c) => (
          <Text key={c.item} size="sm">
            ✓ {i18n.label('PreVisitChecklistItem', c.item)}: {c.note}{' '}
            <Text span size="xs" c="dimmed">
              {i18n.qualified('', `${c.confirmedBy} ${formatJst(c.confirmedAt)}`)}
            </Text>
          </Text>
        ))}
        {mine && visit.status === 'PLANNED' ? (
          <ChecklistForm
            visitId={visit.id}
            version={visit.version}
            missing={visit.missingChecklistItems}
            onDone={reload}
          />
        ) : null}
      </Section>
      <Section title={i18n.t('photos')} id="photos">
        {visit.attachments.map((a) => (
          <Group key={a.id} gap="xs" data-testid="attachment">
            <Text size="sm">{a.fileName}</Text>
            <Text size="xs">
              <CodeLabel name="AttachmentState" value={a.state} />
            </Text>
            {a.downloadUrl ? (
              <Anchor href={a.downloadUrl} size="xs">
                {i18n.t('open')}
              </Anchor>
            ) : null}
          </Group>
        ))}
        {mine && visit.status !== 'CANCELLED' ? <PhotoUpload visitId={visit.id} onDone={reload} /> : null}
      </Section>
      <Section title={i18n.t('recordVisit')} id="record">
        {visit.record ? (
          <Text size="sm">
            {formatJst(visit.record.recordedAt)} {i18n.label('VisitOutcome', visit.record.outcome)} /{' '}
            {i18n.label('WorkJudgmentResult', visit.record.workJudgment.result)} /{' '}
            {visit.record.recruitmentBackground}
          </Text>
        ) : null}
        {mine && visit.status === 'PREPARED' ? <RecordForm visit={visit} onDone={reload} /> : null}
      </Section>
    </Stack>
  );
}
