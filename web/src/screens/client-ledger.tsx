/**
 * 顧客管理台帳: the client ledger with a search by company name (matched by the API as inquiries are
 * matched to clients: any width, with or without 株式会社) and filters by stage, department, rep and
 * overdue, paged.
 */
import { Button, Checkbox, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { graphql } from '../api/graphql.js';
import { ClientRow, ClientTable } from '../app/client-table.js';
import { useQuery } from '../app/hooks.js';
import { useI18n } from '../app/session.js';
import { ErrorNote, Loading } from '../app/ui.js';

const LedgerQuery = graphql(
  `
  query ClientLedger($filter: ClientFilter, $after: String) {
    clients(first: 20, after: $after, filter: $filter) {
      edges { node { ...ClientRow } }
      pageInfo { hasNextPage endCursor }
    }
    salesDepartments
  }
`,
  [ClientRow],
);

type Stage =
  | 'PROSPECT'
  | 'ASSIGNED'
  | 'VISITED'
  | 'CREDIT_REVIEW'
  | 'CREDIT_APPROVED'
  | 'CREDIT_REJECTED'
  | 'CONTRACTING'
  | 'TRADING'
  | 'INACTIVE';

export function ClientLedgerScreen() {
  const i18n = useI18n();
  const [stage, setStage] = useState<string | null>(null);
  const [department, setDepartment] = useState<string | null>(null);
  const [rep, setRep] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [name, setName] = useState('');
  const [searched] = useDebouncedValue(name.trim(), 300);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const filter = {
    ...(searched ? { name: searched } : {}),
    ...(stage ? { stage: stage as Stage } : {}),
    ...(department ? { department } : {}),
    ...(rep.trim() ? { salesRepId: rep.trim() } : {}),
    ...(overdue ? { overdue: true } : {}),
  };
  const q = useQuery(LedgerQuery, { filter, after: cursors[cursors.length - 1] ?? null });
  const reset = () => setCursors([null]);
  // The API names the field it refuses (a search that is only a legal form): shown at the field.
  const nameError = q.error?.includes('filter.name') ? q.error : undefined;
  return (
    <Stack>
      <Title order={2}>{i18n.t('clientLedger')}</Title>
      <Group align="flex-end" role="search" aria-label={i18n.t('filters')}>
        <TextInput
          type="search"
          label={i18n.t('company')}
          description={i18n.t('companySearchHint')}
          error={nameError}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            reset();
          }}
        />
        <Select
          label={i18n.t('stage')}
          data={i18n.options('ClientStage')}
          value={stage}
          onChange={(v) => {
            setStage(v);
            reset();
          }}
          clearable
        />
        <Select
          label={i18n.t('department')}
          data={(q.data?.salesDepartments ?? []).map((d) => ({
            value: d,
            label: i18n.label('Department', d),
          }))}
          value={department}
          onChange={(v) => {
            setDepartment(v);
            reset();
          }}
          clearable
        />
        <TextInput
          label={i18n.qualified(i18n.t('salesRep'), i18n.t('userId'))}
          value={rep}
          onChange={(e) => {
            setRep(e.currentTarget.value);
            reset();
          }}
        />
        <Checkbox
          label={i18n.t('onlyOverdue')}
          checked={overdue}
          onChange={(e) => {
            setOverdue(e.currentTarget.checked);
            reset();
          }}
        />
      </Group>
      <ErrorNote message={nameError ? undefined : q.error} />
      {q.loading && !q.data ? <Loading /> : null}
      <ClientTable clients={q.data?.clients.edges.map((e) => e.node) ?? []} />
      <Group>
        <Button
          variant="default"
          size="xs"
          disabled={cursors.length < 2}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          {i18n.t('previous')}
        </Button>
        <Button
          variant="default"
          size="xs"
          disabled={!q.data?.clients.pageInfo.hasNextPage}
          onClick={() => setCursors([...cursors, q.data?.clients.pageInfo.endCursor ?? null])}
        >
          {i18n.t('next')}
        </Button>
      </Group>
    </Stack>
  );
}
