/**
 * オーダー一覧: the ledger's orders (kintone's orders app as the hub sees it), newest first, by
 * status — each with its sync state; sales of its department and up change its fields or close it
 * (FILLED / LOST / CANCELLED with the reason) at the revision they read (A7-4); an open sync
 * conflict shows both versions, field by field, with a link to where it is resolved.
 */
import {
  Anchor,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { graphql, type ResultOf } from '../api/graphql.js';
import { useMutation, useQuery } from '../app/hooks.js';
import { useActor, useI18n } from '../app/session.js';
import { CodeLabel, EnumBadge, ErrorNote, Loading, MutationErrors } from '../app/ui.js';
import { conflictRows } from '../lib/individual-contract.js';
import { canSee, may } from '../lib/roles.js';
import { formatJst } from '../lib/time.js';

const OrdersQuery = graphql(`
  query Orders($filter: OrderFilter, $after: String) {
    orders(first: 20, after: $after, filter: $filter) {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id kintoneRecordId clientName status summary jobCategory requestedStart revision syncState
          lastError lastChangedBy closeOutcome closeReason updatedAt kintoneUpdatedAt department
          client { id name }
          conflict { id detectedAt differingFields { field agreed hub source } }
        }
      }
    }
  }
`);

const UpdateOrder = graphql(`
  mutation UpdateOrder($input: UpdateOrderInput!) {
    updateOrder(input: $input) {
      __typename
      ... on Order { id revision }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

const CloseOrder = graphql(`
  mutation CloseOrder($input: CloseOrderInput!) {
    closeOrder(input: $input) {
      __typename
      ... on Order { id status }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

/** An invalid field's text and message darker than the default error red (axe contrast). */
const ERROR_CONTRAST = {
  input: { color: 'var(--mantine-color-text)' },
  error: { color: 'var(--mantine-color-red-9)' },
};

type Order = ResultOf<typeof OrdersQuery>['orders']['edges'][number]['node'];

function EditOrder({ order, onDone }: { order: Order; onDone(): void }) {
  const i18n = useI18n();
  const update = useMutation(UpdateOrder, 'updateOrder', 'Order', { onConflict: onDone });
  const [v, setV] = useState({
    summary: order.summary ?? '',
    jobCategory: order.jobCategory ?? '',
    requestedStart: order.requestedStart ?? '',
  });
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setV({ ...v, [k]: e.currentTarget.value });
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Textarea
          label={i18n.t('orderSummary')}
          value={v.summary}
          onChange={set('summary')}
          error={update.fields.summary}
          autosize
          minRows={1}
        />
        <TextInput
          label={i18n.t('jobCategory')}
          value={v.jobCategory}
          onChange={set('jobCategory')}
          error={update.fields.jobCategory}
        />
        <TextInput
          label={i18n.t('requestedStart')}
          value={v.requestedStart}
          onChange={set('requestedStart')}
          error={update.fields.requestedStart}
        />
      </SimpleGrid>
      <MutationErrors state={update} placed={['summary', 'jobCategory', 'requestedStart']} />
      <Group>
        <Button
          size="xs"
          loading={update.busy}
          onClick={async () => {
            const changed = Object.fromEntries(
              (Object.keys(v) as (keyof typeof v)[])
                .filter((k) => v[k] !== (order[k] ?? ''))
                .map((k) => [k, v[k]]),
            );
            if (await update.run({ input: { orderId: order.id, revision: order.revision, ...changed } }))
              onDone();
          }}
        >
          {i18n.t('saveOrder')}
        </Button>
      </Group>
    </Stack>
  );
}

function CloseOrderForm({ order, onDone }: { order: Order; onDone(): void }) {
  const i18n = useI18n();
  const close = useMutation(CloseOrder, 'closeOrder', 'Order', { onConflict: onDone });
  const [outcome, setOutcome] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [outcomeMissing, setOutcomeMissing] = useState(false);
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={i18n.t('closeOutcome')}
          data={i18n.options('OrderCloseOutcome')}
          value={outcome}
          onChange={setOutcome}
          error={close.fields.outcome ?? (outcomeMissing ? i18n.t('chooseOne') : undefined)}
          styles={ERROR_CONTRAST}
        />
        <TextInput
          label={i18n.t('closeReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={close.fields.reason}
          styles={ERROR_CONTRAST}
        />
      </SimpleGrid>
      <MutationErrors state={close} placed={['outcome', 'reason']} />
      <Group>
        <Button
          size="xs"
          color="red.9"
          variant="outline"
          loading={close.busy}
          onClick={async () => {
            // One of the three outcomes: without one there is no valid request to send.
            setOutcomeMissing(!outcome);
            if (!outcome) return;
            if (
              await close.run({
                input: {
                  orderId: order.id,
                  revision: order.revision,
                  outcome: outcome as 'FILLED',
                  reason,
                },
              })
            )
              onDone();
          }}
        >
          {i18n.t('closeOrder')}
        </Button>
      </Group>
    </Stack>
  );
}

function OrderCard({ order, onChanged }: { order: Order; onChanged(): void }) {
  const i18n = useI18n();
  const actor = useActor();
  const [editing, setEditing] = useState(false);
  const open = order.status !== 'CLOSED';
  // A change saved closes the editor; the list is read again.
  const done = () => {
    setEditing(false);
    onChanged();
  };
  return (
    <Card
      withBorder
      component="article"
      aria-label={`${order.clientName} #${order.kintoneRecordId}`}
      data-testid={`order-${order.id}`}
    >
      <Stack gap="xs">
        <Group gap="xs">
          <Text fw={700}>#{order.kintoneRecordId}</Text>
          {order.client ? (
            <Anchor component={Link} to={`/clients/${order.client.id}`}>
              {order.client.name}
            </Anchor>
          ) : (
            <Text>{order.clientName}</Text>
          )}
          <EnumBadge name="OrderStatus" value={order.status} />
          <EnumBadge name="OrderSyncState" value={order.syncState} />
          {order.closeOutcome ? <EnumBadge name="OrderCloseOutcome" value={order.closeOutcome} /> : null}
        </Group>
        <Text size="sm">
          {i18n.t('orderSummary')}: {order.summary ?? '—'} / {i18n.t('jobCategory')}:{' '}
          {order.jobCategory ?? '—'} / {i18n.t('requestedStart')}: {order.requestedStart ?? '—'}
        </Text>
        <Text size="xs" c="dimmed">
          {i18n.t('kintoneUpdatedAt')}: {formatJst(order.kintoneUpdatedAt)} / {i18n.t('revision')}{' '}
          {order.revision} / {i18n.t('lastChangedBy')}:{' '}
          <CodeLabel name="LastChangedBy" value={order.lastChangedBy} />
          {order.closeReason ? ` / ${i18n.t('closeReason')}: ${order.closeReason}` : ''}
          {order.lastError ? ` / ${order.lastError}` : ''}
        </Text>
        {order.conflict ? (
          <Stack gap={4} data-testid="order-conflict">
            <Text size="sm" fw={700} c="red.9">
              {i18n.t('syncConflict')} ({formatJst(order.conflict.detectedAt)})
            </Text>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{i18n.t('field')}</Table.Th>
                  <Table.Th>{i18n.t('agreedValue')}</Table.Th>
                  <Table.Th>{i18n.t('hubValue')}</Table.Th>
                  <Table.Th>{i18n.t('kintoneValue')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {conflictRows(order.conflict).map((r) => (
                  <Table.Tr key={r.field}>
                    <Table.Td>
                      <CodeLabel name="RecordField" value={r.field} />
                    </Table.Td>
                    <Table.Td>{r.agreed}</Table.Td>
                    <Table.Td>{r.hub}</Table.Td>
                    <Table.Td>{r.kintone}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {canSee(actor, 'sync') ? (
              <Anchor component={Link} to="/sync" size="sm">
                {i18n.t('resolveInSync')} →
              </Anchor>
            ) : null}
          </Stack>
        ) : null}
        {may(actor, 'manageOrders') && open ? (
          <>
            <Group>
              <Button size="xs" variant="subtle" onClick={() => setEditing(!editing)} aria-expanded={editing}>
                {i18n.t('changeOrder')}
              </Button>
            </Group>
            {editing ? (
              <>
                <EditOrder key={order.revision} order={order} onDone={done} />
                <CloseOrderForm order={order} onDone={done} />
              </>
            ) : null}
          </>
        ) : null}
      </Stack>
    </Card>
  );
}

export function OrdersScreen() {
  const i18n = useI18n();
  const [status, setStatus] = useState<string | null>(null);
  const [after, setAfter] = useState<string[]>([]);
  const q = useQuery(OrdersQuery, {
    filter: status ? { status: status as 'OPEN' } : {},
    ...(after.length ? { after: after[after.length - 1] } : {}),
  });
  const page = q.data?.orders;
  return (
    <Stack>
      <Title order={2}>{i18n.t('orders')}</Title>
      <Group>
        <Select
          label={i18n.t('status')}
          data={i18n.options('OrderStatus')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setAfter([]);
          }}
          clearable
          placeholder={i18n.t('all')}
        />
      </Group>
      <ErrorNote message={q.error} />
      {q.loading && !q.data ? <Loading /> : null}
      {page?.edges.length === 0 ? <Text c="dimmed">{i18n.t('none')}</Text> : null}
      {page?.edges.map(({ node }) => (
        <OrderCard key={node.id} order={node} onChanged={() => void q.reload()} />
      ))}
      <Group>
        <Button variant="default" disabled={!after.length} onClick={() => setAfter(after.slice(0, -1))}>
          {i18n.t('previous')}
        </Button>
        <Button
          variant="default"
          disabled={!page?.pageInfo.hasNextPage}
          onClick={() => page?.pageInfo.endCursor && setAfter([...after, page.pageInfo.endCursor])}
        >
          {i18n.t('next')}
        </Button>
      </Group>
    </Stack>
  );
}
