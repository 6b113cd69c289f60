/** Managers and directors: what in the department is past its deadline (first contact, visit records, contracts). */
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { graphql } from '../api/graphql.js';
import { ClientRow, ClientTable } from '../app/client-table.js';
import { DeadlineClock } from '../app/clock.js';
import { useQuery } from '../app/hooks.js';
import { useI18n } from '../app/session.js';
import { EnumBadge, ErrorNote, Loading, Section } from '../app/ui.js';

const OverdueQuery = graphql(
  `
  query Overdue {
    clients(first: 50, filter: { overdue: true }) { edges { node { ...ClientRow } } }
    inquiries(first: 50, filter: { overdue: true }) {
      edges { node { id company status department firstContact { dueAt contactedAt escalatedAt } } }
    }
  }
`,
  [ClientRow],
);

export function OverdueScreen() {
  const i18n = useI18n();
  const q = useQuery(OverdueQuery, {});
  return (
    <Stack>
      <Title order={2}>{i18n.t('overdue')}</Title>
      <ErrorNote message={q.error} />
      {q.loading && !q.data ? <Loading /> : null}
      <Section title={`${i18n.t('inquiries')}（${i18n.t('firstContact')}）`} id="overdue-inquiries">
        {q.data?.inquiries.edges.length === 0 ? <Text c="dimmed">{i18n.t('none')}</Text> : null}
        {q.data?.inquiries.edges.map(({ node }) => (
          <Group key={node.id} gap="xs">
            <Anchor component={Link} to={`/inquiries/${node.id}`}>
              {node.company}
            </Anchor>
            <EnumBadge name="InquiryStatus" value={node.status} />
            <Text size="sm">{i18n.label('Department', node.department)}</Text>
            {node.firstContact ? (
              <DeadlineClock dueAt={node.firstContact.dueAt} metAt={node.firstContact.contactedAt} />
            ) : null}
          </Group>
        ))}
      </Section>
      <Section title={i18n.t('clientLedger')} id="overdue-clients">
        <ClientTable clients={q.data?.clients.edges.map((e) => e.node) ?? []} />
      </Section>
    </Stack>
  );
}
