/**
 * 期限超過: everything past its deadline within the department (the API's `overdue` view): first
 * contacts, visit records, 06_2 executions, approvals and kintone sync conflicts, the longest overdue
 * first, with who is responsible, the escalation sent, and a link to where it is dealt with.
 */
import { Anchor, Badge, Chip, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../api/graphql.js';
import { DeadlineClock } from '../app/clock.js';
import { useQuery } from '../app/hooks.js';
import { useActor, useI18n } from '../app/session.js';
import { ErrorNote, Loading, Section } from '../app/ui.js';
import { countByKind, type OverdueKind, overdueLink } from '../lib/overdue.js';
import { may } from '../lib/roles.js';
import { formatJst } from '../lib/time.js';

const OverdueQuery = graphql(`
  query Overdue($kinds: [OverdueKind!]) {
    overdue(kinds: $kinds) {
      kind subjectId department dueAt responsible escalatedAt escalatedTo
      client { id name }
    }
  }
`);

export function OverdueScreen() {
  const i18n = useI18n();
  const actor = useActor();
  const all = useQuery(OverdueQuery, { kinds: null });
  const [shown, setShown] = useState<string[]>([]);
  const items = (all.data?.overdue ?? []).filter((i) => !shown.length || shown.includes(i.kind));
  const counts = countByKind(all.data?.overdue ?? []);
  return (
    <Stack>
      <Title order={2}>{i18n.t('overdue')}</Title>
      <ErrorNote message={all.error} />
      {all.loading && !all.data ? <Loading /> : null}
      {/* The counts once the view has loaded (never zeros that are only "not yet"). */}
      {all.data ? (
        <Chip.Group multiple value={shown} onChange={setShown}>
          <Group gap="xs" role="group" aria-label={i18n.t('overdueKinds')} data-testid="overdue-kinds">
            {counts.map(({ kind, count }) => (
              <Chip key={kind} value={kind} variant="outline">
                {`${i18n.label('OverdueKind', kind)} ${count}`}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      ) : null}
      <Section title={i18n.t('overdueItems')} id="overdue-items">
        {all.data && !items.length ? <Text c="dimmed">{i18n.t('none')}</Text> : null}
        {items.length ? (
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{i18n.t('overdueKind')}</Table.Th>
                  <Table.Th>{i18n.t('client')}</Table.Th>
                  <Table.Th>{i18n.t('department')}</Table.Th>
                  <Table.Th>{i18n.t('dueAt')}</Table.Th>
                  <Table.Th>{i18n.t('responsible')}</Table.Th>
                  <Table.Th>{i18n.t('escalated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={`${item.kind}-${item.subjectId}`} data-kind={item.kind}>
                    <Table.Td>
                      <Anchor component={Link} to={overdueLink(item, may(actor, 'decideApproval'))}>
                        {i18n.label('OverdueKind', item.kind as OverdueKind)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{item.client?.name ?? '—'}</Table.Td>
                    <Table.Td>{i18n.label('Department', item.department)}</Table.Td>
                    <Table.Td>
                      <DeadlineClock dueAt={item.dueAt} />
                    </Table.Td>
                    <Table.Td>{i18n.pool(item.responsible) ?? item.responsible}</Table.Td>
                    <Table.Td>
                      {item.escalatedAt ? (
                        <Text size="sm">
                          {i18n.qualified(
                            formatJst(item.escalatedAt),
                            item.escalatedTo ? (i18n.pool(item.escalatedTo) ?? item.escalatedTo) : '—',
                          )}
                        </Text>
                      ) : (
                        <Badge color="gray" variant="light">
                          {i18n.t('notEscalated')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Section>
    </Stack>
  );
}
