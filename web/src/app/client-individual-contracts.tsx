/**
 * On the client page, once trading: its establishments (事業所) with their organisational units and
 * the conflict date in force, its orders, and its individual contracts (個別契約); sales of the
 * client's department add an establishment and draft an individual contract for an order (A5-3, A5-4).
 */
import {
  Anchor,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../api/graphql.js';
import { useMutation, useQuery } from './hooks.js';
import { useI18n } from './session.js';
import { EnumBadge, MutationErrors, Section } from './ui.js';

const ClientContractsQuery = graphql(`
  query ClientIndividualContracts($id: ID!) {
    client(id: $id) {
      __typename
      ... on Client {
        id
        establishments { id name address conflictDate organisationalUnits { id name head } }
        individualContracts { id orderId status period { startDate endDate } worker { workerName } gateFailures { gate } }
      }
    }
    orders(first: 50, filter: { clientId: $id }) {
      edges { node { id kintoneRecordId status summary jobCategory } }
    }
  }
`);

const AddEstablishment = graphql(`
  mutation AddEstablishment($input: AddEstablishmentInput!) {
    addEstablishment(input: $input) {
      __typename
      ... on Establishment { id }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

const DraftContract = graphql(`
  mutation DraftIndividualContract($input: DraftIndividualContractInput!) {
    draftIndividualContract(input: $input) {
      __typename
      ... on IndividualContract { id }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

function AddEstablishmentForm({ clientId, onDone }: { clientId: string; onDone(): void }) {
  const i18n = useI18n();
  const add = useMutation(AddEstablishment, 'addEstablishment', 'Establishment');
  const [v, setV] = useState({ name: '', address: '', unit: '', head: '' });
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setV({ ...v, [k]: e.currentTarget.value });
  const unitError = add.fields['organisationalUnits.0.name'] ?? add.fields.organisationalUnits;
  return (
    <Stack gap="xs" data-testid="establishment-form">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={i18n.t('establishmentName')}
          value={v.name}
          onChange={set('name')}
          error={add.fields.name}
        />
        <TextInput
          label={i18n.t('address')}
          value={v.address}
          onChange={set('address')}
          error={add.fields.address}
        />
        <TextInput
          label={i18n.t('organisationalUnit')}
          value={v.unit}
          onChange={set('unit')}
          error={unitError}
        />
        <TextInput
          label={i18n.t('unitHead')}
          value={v.head}
          onChange={set('head')}
          error={add.fields['organisationalUnits.0.head']}
        />
      </SimpleGrid>
      <MutationErrors
        state={add}
        placed={[
          'name',
          'address',
          'organisationalUnits',
          'organisationalUnits.0.name',
          'organisationalUnits.0.head',
        ]}
      />
      <Group>
        <Button
          loading={add.busy}
          onClick={async () => {
            const done = await add.run({
              input: {
                clientId,
                name: v.name,
                ...(v.address.trim() ? { address: v.address } : {}),
                ...(v.unit.trim()
                  ? { organisationalUnits: [{ name: v.unit, ...(v.head.trim() ? { head: v.head } : {}) }] }
                  : {}),
              },
            });
            if (done) {
              setV({ name: '', address: '', unit: '', head: '' });
              onDone();
            }
          }}
        >
          {i18n.t('addEstablishment')}
        </Button>
      </Group>
    </Stack>
  );
}

function DraftForm({
  establishments,
  orders,
}: {
  establishments: { id: string; name: string; organisationalUnits: { id: string; name: string }[] }[];
  orders: { id: string; kintoneRecordId: string; summary?: string | null }[];
}) {
  const i18n = useI18n();
  const navigate = useNavigate();
  const draft = useMutation(DraftContract, 'draftIndividualContract', 'IndividualContract');
  const [orderId, setOrderId] = useState<string | null>(orders[0]?.id ?? null);
  const [establishmentId, setEstablishmentId] = useState<string | null>(establishments[0]?.id ?? null);
  const units = establishments.find((e) => e.id === establishmentId)?.organisationalUnits ?? [];
  const [unitId, setUnitId] = useState<string | null>(units[0]?.id ?? null);
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  return (
    <Stack gap="xs" data-testid="draft-form">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={i18n.t('order')}
          data={orders.map((o) => ({
            value: o.id,
            label: `#${o.kintoneRecordId} ${o.summary ?? ''}`.trim(),
          }))}
          value={orderId}
          onChange={setOrderId}
          error={draft.fields.orderId}
        />
        <Select
          label={i18n.t('establishment')}
          data={establishments.map((e) => ({ value: e.id, label: e.name }))}
          value={establishmentId}
          onChange={(id) => {
            setEstablishmentId(id);
            setUnitId(establishments.find((e) => e.id === id)?.organisationalUnits[0]?.id ?? null);
          }}
          error={draft.fields.establishmentId}
        />
        <Select
          label={i18n.t('organisationalUnit')}
          data={units.map((u) => ({ value: u.id, label: u.name }))}
          value={unitId}
          onChange={setUnitId}
          error={draft.fields.organisationalUnitId}
        />
        <span />
        <TextInput
          type="date"
          label={i18n.t('periodStart')}
          value={startDate}
          onChange={(e) => setStartDate(e.currentTarget.value)}
          error={draft.fields['period.startDate']}
        />
        <TextInput
          type="date"
          label={i18n.t('periodEnd')}
          value={endDate}
          onChange={(e) => setEndDate(e.currentTarget.value)}
          error={draft.fields['period.endDate']}
        />
      </SimpleGrid>
      <MutationErrors
        state={draft}
        placed={['orderId', 'establishmentId', 'organisationalUnitId', 'period.startDate', 'period.endDate']}
      />
      <Group>
        <Button
          loading={draft.busy}
          onClick={async () => {
            const done = await draft.run({
              input: {
                orderId: orderId ?? '',
                establishmentId: establishmentId ?? '',
                organisationalUnitId: unitId ?? '',
                period: { startDate, endDate },
              },
            });
            if (done) void navigate(`/individual-contracts/${done.id}`);
          }}
        >
          {i18n.t('draftIndividualContract')}
        </Button>
      </Group>
    </Stack>
  );
}

export function ClientIndividualContracts({ clientId, manages }: { clientId: string; manages: boolean }) {
  const i18n = useI18n();
  const q = useQuery(ClientContractsQuery, { id: clientId });
  const client = q.data?.client.__typename === 'Client' ? q.data.client : undefined;
  if (!client) return null;
  const orders = q.data?.orders.edges.map((e) => e.node) ?? [];
  return (
    <Section title={i18n.t('individualContracts')} id="individual-contracts">
      <Title order={4} size="h5">
        {i18n.t('establishments')}
      </Title>
      {client.establishments.length === 0 ? <Text c="dimmed">{i18n.t('none')}</Text> : null}
      {client.establishments.map((e) => (
        <Text key={e.id} size="sm">
          {e.address ? i18n.qualified(e.name, e.address) : e.name} / {i18n.t('organisationalUnit')}:{' '}
          {i18n.list(e.organisationalUnits.map((u) => u.name))} / {i18n.t('conflictDate')}:{' '}
          {e.conflictDate ?? i18n.t('noNotice')}
        </Text>
      ))}
      {manages ? <AddEstablishmentForm clientId={client.id} onDone={() => void q.reload()} /> : null}

      <Title order={4} size="h5">
        {i18n.t('individualContracts')}
      </Title>
      {client.individualContracts.length ? (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{i18n.t('individualContract')}</Table.Th>
              <Table.Th>{i18n.t('order')}</Table.Th>
              <Table.Th>{i18n.t('dispatchPeriod')}</Table.Th>
              <Table.Th>{i18n.t('worker')}</Table.Th>
              <Table.Th>{i18n.t('gates')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {client.individualContracts.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/individual-contracts/${c.id}`}>
                    {c.id}
                  </Anchor>{' '}
                  <EnumBadge name="IndividualContractStatus" value={c.status} />
                </Table.Td>
                <Table.Td>{c.orderId}</Table.Td>
                <Table.Td>
                  {c.period.startDate}〜{c.period.endDate}
                </Table.Td>
                <Table.Td>{c.worker?.workerName ?? '—'}</Table.Td>
                <Table.Td>
                  {c.gateFailures.length
                    ? i18n.list(c.gateFailures.map((g) => i18n.label('IndividualContractGate', g.gate)))
                    : i18n.t('gatesPassed')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text c="dimmed">{i18n.t('none')}</Text>
      )}
      {manages && client.establishments.length && orders.length ? (
        <DraftForm establishments={client.establishments} orders={orders} />
      ) : null}
    </Section>
  );
}
