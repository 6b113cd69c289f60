/** My work: what waits for the signed-in person — approval tasks, overdue deadlines, the inbox, my clients. */
import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { graphql } from '../api/graphql.js';
import { DeadlineClock } from '../app/clock.js';
import { useQuery } from '../app/hooks.js';
import { useActor, useI18n, useSession } from '../app/session.js';
import { EnumBadge, ErrorNote, Loading, Section } from '../app/ui.js';
import { may } from '../lib/roles.js';
import { formatJst } from '../lib/time.js';

const NotificationsQuery = graphql(`
  query MyNotifications {
    myNotifications(first: 20) { edges { node { id title kind createdAt readAt clientId inquiryId } } }
  }
`);
const MarkRead = graphql(`
  mutation MarkRead($id: ID!) { markNotificationRead(id: $id) { __typename } }
`);
const TasksQuery = graphql(`
  query MyTaskCount { myApprovalTasks { id step applicationType clientId openedAt escalatedAt } }
`);
const OverdueInquiries = graphql(`
  query MyOverdueInquiries {
    inquiries(first: 20, filter: { overdue: true }) {
      edges { node { id company status department firstContact { dueAt contactedAt status } } }
    }
  }
`);
const MyClients = graphql(`
  query MyClients($rep: String!) {
    clients(first: 20, filter: { salesRepId: $rep }) { edges { node { id name stage updatedAt } } }
  }
`);

function Notifications() {
  const { t } = useI18n();
  const { api } = useSession();
  const q = useQuery(NotificationsQuery, {});
  return (
    <Section title={t('notifications')} id="notifications">
      <ErrorNote message={q.error} />
      {q.loading && !q.data ? <Loading /> : null}
      {q.data?.myNotifications.edges.length === 0 ? <Text c="dimmed">{t('none')}</Text> : null}
      <Stack gap={4}>
        {q.data?.myNotifications.edges.map(({ node: n }) => (
          <Group key={n.id} justify="space-between" wrap="nowrap">
            <Text size="sm" fw={n.readAt ? 400 : 700}>
              {formatJst(n.createdAt)}{' '}
              {n.clientId ? (
                <Anchor component={Link} to={`/clients/${n.clientId}`}>
                  {n.title}
                </Anchor>
              ) : n.inquiryId ? (
                <Anchor component={Link} to={`/inquiries/${n.inquiryId}`}>
                  {n.title}
                </Anchor>
              ) : (
                n.title
              )}
            </Text>
            {n.readAt ? null : (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={async () => {
                  await api(MarkRead, { id: n.id });
                  await q.reload();
                }}
              >
                {t('markRead')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Section>
  );
}

function Tasks() {
  const i18n = useI18n();
  const q = useQuery(TasksQuery, {});
  return (
    <Section title={i18n.t('myTasks')} id="tasks">
      <ErrorNote message={q.error} />
      {q.data?.myApprovalTasks.length === 0 ? <Text c="dimmed">{i18n.t('none')}</Text> : null}
      {q.data?.myApprovalTasks.map((task) => (
        <Group key={task.id} gap="xs">
          <EnumBadge name="ApprovalStep" value={task.step} />
          <Text size="sm">{i18n.label('ApplicationType', task.applicationType)}</Text>
          <Text size="sm" c="dimmed">
            {formatJst(task.openedAt)}
          </Text>
          <Anchor component={Link} to="/approvals" size="sm">
            {i18n.t('open')}
          </Anchor>
        </Group>
      ))}
    </Section>
  );
}

function Deadlines() {
  const i18n = useI18n();
  const q = useQuery(OverdueInquiries, {});
  return (
    <Section title={i18n.qualified(i18n.t('deadlines'), i18n.t('overdue'))} id="deadlines">
      <ErrorNote message={q.error} />
      {q.data?.inquiries.edges.length === 0 ? <Text c="dimmed">{i18n.t('none')}</Text> : null}
      {q.data?.inquiries.edges.map(({ node }) => (
        <Group key={node.id} gap="xs">
          <Anchor component={Link} to={`/inquiries/${node.id}`}>
            {node.company}
          </Anchor>
          <EnumBadge name="InquiryStatus" value={node.status} />
          {node.firstContact ? (
            <DeadlineClock dueAt={node.firstContact.dueAt} metAt={node.firstContact.contactedAt} />
          ) : null}
        </Group>
      ))}
    </Section>
  );
}

function Clients({ rep }: { rep: string }) {
  const i18n = useI18n();
  const q = useQuery(MyClients, { rep });
  return (
    <Section title={i18n.t('myClients')} id="my-clients">
      <ErrorNote message={q.error} />
      <Table>
        <Table.Tbody>
          {q.data?.clients.edges.map(({ node }) => (
            <Table.Tr key={node.id}>
              <Table.Td>
                <Anchor component={Link} to={`/clients/${node.id}`}>
                  {node.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <EnumBadge name="ClientStage" value={node.stage} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

export function MyWorkScreen() {
  const actor = useActor();
  const { t } = useI18n();
  return (
    <Stack>
      <Title order={2}>{t('myWork')}</Title>
      {may(actor, 'decideApproval') ? <Tasks /> : null}
      {actor.role !== 'ADMIN' && actor.role !== 'LEGAL' ? <Deadlines /> : null}
      {actor.role === 'SALES' ? <Clients rep={actor.userId} /> : null}
      <Notifications />
    </Stack>
  );
}
