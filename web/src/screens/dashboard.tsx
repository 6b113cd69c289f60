/** ダッシュボード: the pipeline by stage, overdue deadlines by type and department, approval lead times — computed by the API. */
import { BarChart } from '@mantine/charts';
import { SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { graphql } from '../api/graphql.js';
import { useQuery } from '../app/hooks.js';
import { useI18n } from '../app/session.js';
import { ErrorNote, Loading, Section } from '../app/ui.js';
import { formatJst } from '../lib/time.js';

const DashboardQuery = graphql(`
  query SalesDashboard {
    salesDashboard {
      computedAt clientsCounted truncated
      pipeline { stage clients }
      overdue { deadline department count }
      approvalLeadTimes { type decided medianHours maxHours }
    }
  }
`);

const DEADLINES = ['FIRST_CONTACT', 'VISIT_RECORD', 'CONTRACT_EXECUTION'] as const;

export function DashboardScreen() {
  const i18n = useI18n();
  const q = useQuery(DashboardQuery, {});
  const d = q.data?.salesDashboard;
  const departments = [...new Set(d?.overdue.map((o) => o.department) ?? [])];
  const overdueRows = departments.map((department) => ({
    department: department === 'UNROUTED' ? i18n.t('unrouted') : i18n.label('Department', department),
    ...Object.fromEntries(
      DEADLINES.map((k) => [
        k,
        d?.overdue.find((o) => o.department === department && o.deadline === k)?.count ?? 0,
      ]),
    ),
  }));
  return (
    <Stack>
      <Title order={2}>{i18n.t('dashboard')}</Title>
      <ErrorNote message={q.error} />
      {q.loading && !d ? <Loading /> : null}
      {d ? (
        <>
          <Text size="xs" c="dimmed">
            {formatJst(d.computedAt)} / {d.clientsCounted}
            {d.truncated ? ' +' : ''}
          </Text>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Section title={i18n.t('pipeline')} id="pipeline">
              <BarChart
                h={260}
                data={d.pipeline.map((p) => ({
                  stage: i18n.label('ClientStage', p.stage),
                  clients: p.clients,
                }))}
                dataKey="stage"
                series={[{ name: 'clients', label: i18n.t('clientLedger'), color: 'indigo.7' }]}
                role="img"
                aria-label={i18n.t('pipeline')}
              />
              <Table>
                <Table.Tbody>
                  {d.pipeline.map((p) => (
                    <Table.Tr key={p.stage}>
                      <Table.Td>{i18n.label('ClientStage', p.stage)}</Table.Td>
                      <Table.Td>{p.clients}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Section>
            <Section title={i18n.t('overdueByType')} id="overdue-chart">
              <BarChart
                h={260}
                data={overdueRows}
                dataKey="department"
                type="stacked"
                series={[
                  {
                    name: 'FIRST_CONTACT',
                    label: i18n.label('DeadlineType', 'FIRST_CONTACT'),
                    color: 'red.8',
                  },
                  {
                    name: 'VISIT_RECORD',
                    label: i18n.label('DeadlineType', 'VISIT_RECORD'),
                    color: 'orange.8',
                  },
                  {
                    name: 'CONTRACT_EXECUTION',
                    label: i18n.label('DeadlineType', 'CONTRACT_EXECUTION'),
                    color: 'grape.8',
                  },
                ]}
                withLegend
                role="img"
                aria-label={i18n.t('overdueByType')}
              />
              {d.overdue.length === 0 ? <Text c="dimmed">{i18n.t('none')}</Text> : null}
            </Section>
          </SimpleGrid>
          <Section title={i18n.t('leadTimes')} id="lead-times">
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{i18n.t('applications')}</Table.Th>
                  <Table.Th>{i18n.t('decidedCount')}</Table.Th>
                  <Table.Th>{i18n.t('medianHours')}</Table.Th>
                  <Table.Th>{i18n.t('maxHours')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.approvalLeadTimes.map((l) => (
                  <Table.Tr key={l.type}>
                    <Table.Td>{i18n.label('ApplicationType', l.type)}</Table.Td>
                    <Table.Td>{l.decided}</Table.Td>
                    <Table.Td>{l.medianHours}</Table.Td>
                    <Table.Td>{l.maxHours}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Section>
        </>
      ) : null}
    </Stack>
  );
}
