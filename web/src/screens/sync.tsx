/**
 * kintone連携: the kintone sync conflicts (a record both kintone's staff and the hub changed) with
 * both versions of each differing field, resolved by a manager of the client's department or an
 * admin — keep the hub's values, keep kintone's, or choose each value — and the latest runs of the
 * hub's jobs with what they did.
 */
import {
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { graphql, type ResultOf, type VariablesOf } from '../api/graphql.js';
import { useMutation, useQuery } from '../app/hooks.js';
import { useActor, useI18n } from '../app/session.js';
import { CodeLabel, ErrorNote, Loading, MutationErrors, Section } from '../app/ui.js';
import { may } from '../lib/roles.js';
import { jobEnum, mergeInput, type Resolution } from '../lib/sync.js';
import { formatJst } from '../lib/time.js';

const ConflictsQuery = graphql(`
  query SyncConflicts($resolved: Boolean) {
    syncConflicts(first: 50, resolved: $resolved) {
      id system app hubId kintoneRecordId status detectedAt detectedBy resolution
      client { id name department }
      differingFields { field agreed hub source }
    }
  }
`);

const RunsQuery = graphql(`
  query SyncRuns($job: SyncJob) {
    syncRuns(first: 30, job: $job) {
      id job mode trigger status dryRun startedAt finishedAt durationMs
      read created updated deleted unchanged conflicts failed requests errors
    }
  }
`);

const Resolve = graphql(`
  mutation ResolveSyncConflict($input: ResolveSyncConflictInput!) {
    resolveSyncConflict(input: $input) {
      __typename
      ... on SyncConflict { id status }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

type Conflict = ResultOf<typeof ConflictsQuery>['syncConflicts'][number];

function ResolveForm({ conflict, onDone }: { conflict: Conflict; onDone(): void }) {
  const i18n = useI18n();
  const resolve = useMutation(Resolve, 'resolveSyncConflict', 'SyncConflict');
  const [resolution, setResolution] = useState<Resolution>('KEEP_HUB');
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(conflict.differingFields.map((f) => [f.field, f.hub ?? ''])),
  );
  const [note, setNote] = useState('');
  return (
    <Stack gap="xs">
      <Select
        label={i18n.t('resolution')}
        data={i18n.options('SyncConflictResolution')}
        value={resolution}
        onChange={(v) => v && setResolution(v as Resolution)}
        allowDeselect={false}
        error={resolve.fields.resolution}
      />
      {resolution === 'MERGE'
        ? conflict.differingFields.map((f) => (
            <TextInput
              key={f.field}
              label={i18n.qualified(i18n.t('valueToKeep'), i18n.label('RecordField', f.field))}
              value={values[f.field] ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setValues((v) => ({ ...v, [f.field]: value }));
              }}
              error={resolve.fields.fields}
            />
          ))
        : null}
      <Textarea
        label={i18n.t('note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={resolve.fields.note}
        autosize
        minRows={1}
      />
      <MutationErrors state={resolve} placed={['resolution', 'fields', 'note']} />
      <Group>
        <Button
          loading={resolve.busy}
          onClick={async () => {
            const done = await resolve.run({
              input: mergeInput(conflict.id, resolution, values, conflict.differingFields, note),
            });
            if (done) onDone();
          }}
        >
          {i18n.t('resolve')}
        </Button>
      </Group>
    </Stack>
  );
}

function ConflictCard({ conflict, onDone }: { conflict: Conflict; onDone(): void }) {
  const i18n = useI18n();
  const actor = useActor();
  return (
    <Card
      withBorder
      component="article"
      id={`conflict-${conflict.id}`}
      aria-label={`${i18n.t('syncConflict')} ${conflict.client?.name ?? conflict.hubId}`}
      data-testid={`conflict-${conflict.hubId}`}
    >
      <Stack gap="xs">
        <Group gap="xs">
          <Badge color={conflict.status === 'OPEN' ? 'orange' : 'teal'} variant="light" autoContrast>
            {conflict.status === 'OPEN' ? i18n.t('conflictOpen') : i18n.t('conflictResolved')}
          </Badge>
          {conflict.client ? (
            <Text component={Link} to={`/clients/${conflict.client.id}`} size="sm" td="underline">
              {conflict.client.name}
            </Text>
          ) : null}
          <Text size="sm">
            {i18n.qualified(
              `${i18n.label('SyncSystem', conflict.system)} ${i18n.label('SyncApp', conflict.app)}`,
              `#${conflict.kintoneRecordId}`,
            )}
          </Text>
          <Text size="sm">
            {i18n.t('detectedAt')}: {formatJst(conflict.detectedAt)}
          </Text>
        </Group>
        <Table.ScrollContainer minWidth={560}>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{i18n.t('field')}</Table.Th>
                <Table.Th>{i18n.t('agreedValue')}</Table.Th>
                <Table.Th>{i18n.t('hubValue')}</Table.Th>
                <Table.Th>{i18n.t('kintoneValue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {conflict.differingFields.map((f) => (
                <Table.Tr key={f.field}>
                  <Table.Td>
                    <CodeLabel name="RecordField" value={f.field} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{f.agreed ?? '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{f.hub ?? '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{f.source ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {conflict.status === 'OPEN' && may(actor, 'resolveSyncConflict') ? (
          <ResolveForm conflict={conflict} onDone={onDone} />
        ) : null}
      </Stack>
    </Card>
  );
}

function Runs() {
  const i18n = useI18n();
  const [job, setJob] = useState<string | null>(null);
  const q = useQuery(RunsQuery, { job: (job as VariablesOf<typeof RunsQuery>['job']) ?? null });
  return (
    <Section title={i18n.t('syncRuns')} id="sync-runs">
      <Select
        label={i18n.t('job')}
        data={i18n.options('SyncJob')}
        value={job}
        onChange={setJob}
        clearable
        w={280}
      />
      <ErrorNote message={q.error} />
      {q.loading && !q.data ? <Loading /> : null}
      {q.data && !q.data.syncRuns.length ? <Text c="dimmed">{i18n.t('none')}</Text> : null}
      {q.data?.syncRuns.length ? (
        <Table.ScrollContainer minWidth={860}>
          <Table striped data-testid="sync-runs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{i18n.t('job')}</Table.Th>
                <Table.Th>{i18n.t('startedAt')}</Table.Th>
                <Table.Th>{i18n.t('runStatus')}</Table.Th>
                <Table.Th>{i18n.t('runCounts')}</Table.Th>
                <Table.Th>{i18n.t('runErrors')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.syncRuns.map((run) => (
                <Table.Tr key={run.id}>
                  <Table.Td>
                    {i18n.qualified(
                      i18n.label('SyncJob', jobEnum(run.job)),
                      [
                        i18n.label('SyncRunMode', run.mode),
                        i18n.label('SyncRunTrigger', run.trigger),
                        ...(run.dryRun ? [i18n.t('dryRun')] : []),
                      ].join(' / '),
                    )}
                  </Table.Td>
                  <Table.Td>
                    {formatJst(run.startedAt)}
                    {run.durationMs != null ? ` · ${(run.durationMs / 1000).toFixed(1)}s` : ''}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      color={run.status === 'SUCCEEDED' ? 'teal' : run.status === 'FAILED' ? 'red' : 'gray'}
                      variant="light"
                      autoContrast
                    >
                      {i18n.label('SyncRunStatus', run.status)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {i18n.t('runCountsValue', {
                      read: run.read,
                      created: run.created,
                      updated: run.updated,
                      deleted: run.deleted,
                      conflicts: run.conflicts,
                      failed: run.failed,
                    })}
                  </Table.Td>
                  <Table.Td>{run.errors.length ? run.errors.join(', ') : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Section>
  );
}

export function SyncScreen() {
  const i18n = useI18n();
  const [resolved, setResolved] = useState(false);
  const q = useQuery(ConflictsQuery, { resolved });
  return (
    <Stack>
      <Title order={2}>{i18n.t('sync')}</Title>
      <Section title={i18n.t('syncConflicts')} id="sync-conflicts">
        <Select
          label={i18n.t('conflictStatus')}
          data={[
            { value: 'open', label: i18n.t('conflictOpen') },
            { value: 'resolved', label: i18n.t('conflictResolved') },
          ]}
          value={resolved ? 'resolved' : 'open'}
          onChange={(v) => setResolved(v === 'resolved')}
          allowDeselect={false}
          w={280}
        />
        <ErrorNote message={q.error} />
        {q.loading && !q.data ? <Loading /> : null}
        {q.data && !q.data.syncConflicts.length ? <Text c="dimmed">{i18n.t('none')}</Text> : null}
        {q.data?.syncConflicts.map((conflict) => (
          <ConflictCard key={conflict.id} conflict={conflict} onDone={() => void q.reload()} />
        ))}
      </Section>
      <Runs />
    </Stack>
  );
}
