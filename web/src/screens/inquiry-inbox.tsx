/**
 * The inquiry inbox: marketing routes new web inquiries to a sales department against the
 * first-contact clock (A1-1, A1-2); sales and managers see their department's inquiries.
 */
import { Anchor, Button, Group, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../api/graphql.js';
import { DeadlineClock } from '../app/clock.js';
import { useMutation, useQuery } from '../app/hooks.js';
import { useActor, useI18n } from '../app/session.js';
import { EnumBadge, ErrorNote, Loading, MutationErrors } from '../app/ui.js';
import { may } from '../lib/roles.js';
import { formatJst } from '../lib/time.js';

const InboxQuery = graphql(`
  query InquiryInbox($filter: InquiryFilter, $after: String) {
    inquiries(first: 20, after: $after, filter: $filter) {
      edges {
        node {
          id company contactName channel status department receivedAt clientMatch
          firstContact { dueAt contactedAt status }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
    salesDepartments
  }
`);

export const RouteInquiry = graphql(`
  mutation RouteInquiry($input: RouteInquiryInput!) {
    routeInquiry(input: $input) {
      __typename
      ... on Inquiry { id status department }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

type Status = 'NEW' | 'ROUTED' | 'CONTACTED';

function RouteControl({
  inquiryId,
  departments,
  onDone,
}: {
  inquiryId: string;
  departments: string[];
  onDone(): void;
}) {
  const i18n = useI18n();
  const [department, setDepartment] = useState<string | null>(null);
  const route = useMutation(RouteInquiry, 'routeInquiry', 'Inquiry');
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap">
        <Select
          aria-label={i18n.t('routeTo')}
          placeholder={i18n.t('routeTo')}
          size="xs"
          data={departments.map((d) => ({ value: d, label: i18n.label('Department', d) }))}
          value={department}
          onChange={setDepartment}
          error={route.fields.department}
        />
        <Button
          size="xs"
          loading={route.busy}
          disabled={!department}
          onClick={async () => {
            if (department && (await route.run({ input: { inquiryId, department } }))) onDone();
          }}
        >
          {i18n.t('route')}
        </Button>
      </Group>
      <MutationErrors state={route} placed={['department']} />
    </Stack>
  );
}

export function InquiryInboxScreen() {
  const actor = useActor();
  const i18n = useI18n();
  const [status, setStatus] = useState<Status | 'ALL'>(actor.role === 'MARKETING' ? 'NEW' : 'ALL');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const q = useQuery(InboxQuery, { filter: status === 'ALL' ? {} : { status }, after });
  const routes = may(actor, 'routeInquiry');
  return (
    <Stack>
      <Title order={2}>{i18n.t('inquiryInbox')}</Title>
      <SegmentedControl
        aria-label={i18n.t('status')}
        value={status}
        onChange={(v) => {
          setStatus(v as Status | 'ALL');
          setCursors([null]);
        }}
        data={[
          { value: 'ALL', label: i18n.t('all') },
          ...(['NEW', 'ROUTED', 'CONTACTED'] as const).map((s) => ({
            value: s,
            label: i18n.label('InquiryStatus', s),
          })),
        ]}
      />
      <ErrorNote message={q.error} />
      {q.loading && !q.data ? <Loading /> : null}
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{i18n.t('receivedAt')}</Table.Th>
            <Table.Th>{i18n.t('company')}</Table.Th>
            <Table.Th>{i18n.t('channel')}</Table.Th>
            <Table.Th>{i18n.t('status')}</Table.Th>
            <Table.Th>{i18n.t('department')}</Table.Th>
            <Table.Th>{i18n.t('firstContactClock')}</Table.Th>
            {routes ? <Table.Th>{i18n.t('route')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data?.inquiries.edges.map(({ node }) => (
            <Table.Tr key={node.id} data-testid={`inquiry-${node.id}`}>
              <Table.Td>{formatJst(node.receivedAt)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/inquiries/${node.id}`}>
                  {node.company}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {node.contactName}
                </Text>
              </Table.Td>
              <Table.Td>{i18n.label('InquiryChannel', node.channel)}</Table.Td>
              <Table.Td>
                <EnumBadge name="InquiryStatus" value={node.status} />
              </Table.Td>
              <Table.Td>{i18n.label('Department', node.department)}</Table.Td>
              <Table.Td>
                {node.firstContact ? (
                  <DeadlineClock dueAt={node.firstContact.dueAt} metAt={node.firstContact.contactedAt} />
                ) : (
                  '—'
                )}
              </Table.Td>
              {routes ? (
                <Table.Td>
                  {node.status === 'NEW' ? (
                    <RouteControl
                      inquiryId={node.id}
                      departments={q.data?.salesDepartments ?? []}
                      onDone={() => void q.reload()}
                    />
                  ) : null}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {q.data?.inquiries.edges.length === 0 ? <Text c="dimmed">{i18n.t('none')}</Text> : null}
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
          disabled={!q.data?.inquiries.pageInfo.hasNextPage}
          onClick={() => setCursors([...cursors, q.data?.inquiries.pageInfo.endCursor ?? null])}
        >
          {i18n.t('next')}
        </Button>
      </Group>
    </Stack>
  );
}
