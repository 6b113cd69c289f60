/** A page of the client ledger as a table (the ledger, my work and the overdue view use it). */
import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { type FragmentOf, graphql, readFragment } from '../api/graphql.js';
import { formatJst } from '../lib/time.js';
import { useI18n } from './session.js';
import { EnumBadge } from './ui.js';

export const ClientRow = graphql(`
  fragment ClientRow on Client {
    id name stage department updatedAt gstaffRegistration
    salesRep { userId name }
  }
`);

export function ClientTable({ clients }: { clients: readonly FragmentOf<typeof ClientRow>[] }) {
  const i18n = useI18n();
  const rows = clients.map((c) => readFragment(ClientRow, c));
  if (!rows.length) return <Text c="dimmed">{i18n.t('none')}</Text>;
  return (
    <Table striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{i18n.t('company')}</Table.Th>
          <Table.Th>{i18n.t('stage')}</Table.Th>
          <Table.Th>{i18n.t('department')}</Table.Th>
          <Table.Th>{i18n.t('salesRep')}</Table.Th>
          <Table.Th>{i18n.t('gstaffRegistration')}</Table.Th>
          <Table.Th>{i18n.t('history')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              <Anchor component={Link} to={`/clients/${c.id}`}>
                {c.name}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <EnumBadge name="ClientStage" value={c.stage} />
            </Table.Td>
            <Table.Td>{i18n.label('Department', c.department)}</Table.Td>
            <Table.Td>{c.salesRep?.name ?? i18n.t('noRep')}</Table.Td>
            <Table.Td>{i18n.label('GStaffRegistration', c.gstaffRegistration)}</Table.Td>
            <Table.Td>{formatJst(c.updatedAt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
