/**
 * 契約書管理 (the contracts register, A6-5): every basic and individual contract of the clients
 * the person may see, with its status, signed date, retention deadline (保管期限) and where the
 * signed PDF is kept; the contracts past their deadline, for a disposal review (nothing is deleted);
 * sales of the client's department and legal open a stored PDF through a short-lived URL (audited).
 */
import { Anchor, Badge, Group, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../api/graphql.js';
import { ContractDocumentLink } from '../app/contract-document.js';
import { useQuery } from '../app/hooks.js';
import { useActor, useI18n } from '../app/session.js';
import { EnumBadge, ErrorNote, Loading } from '../app/ui.js';
import { openableDocuments } from '../lib/individual-contract.js';
import { may } from '../lib/roles.js';
import { formatJst } from '../lib/time.js';

const ContractsQuery = graphql(`
  query ContractsRegister($filter: ContractsFilter) {
    contracts(filter: $filter) {
      __typename
      ... on NotFoundError { message }
      ... on ContractsRegister {
        truncated
        contracts {
          id kind status clientId clientName applicationId renewalOf signedAt retentionUntil retentionDue
          gstaffContractId hasSignedPdf hasReviewedText
          period { startDate endDate }
        }
      }
    }
  }
`);

export function ContractsScreen() {
  const i18n = useI18n();
  const actor = useActor();
  const [kind, setKind] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [retentionDue, setRetentionDue] = useState(false);
  const q = useQuery(ContractsQuery, {
    filter: {
      ...(kind ? { kind: kind as 'BASIC' } : {}),
      ...(status ? { status: status as 'SIGNED' } : {}),
      ...(retentionDue ? { retentionDue: true } : {}),
    },
  });
  const register = q.data?.contracts.__typename === 'ContractsRegister' ? q.data.contracts : undefined;
  const downloads = may(actor, 'downloadContract');
  return (
    <Stack>
      <Title order={2}>{i18n.t('contracts')}</Title>
      <Group align="end">
        <Select
          label={i18n.t('contractKind')}
          data={i18n.options('ContractKind')}
          value={kind}
          onChange={setKind}
          clearable
          placeholder={i18n.t('all')}
        />
        <Select
          label={i18n.t('status')}
          data={i18n.options('ContractStatus')}
          value={status}
          onChange={setStatus}
          clearable
          placeholder={i18n.t('all')}
        />
        <Switch
          label={i18n.t('pastRetention')}
          checked={retentionDue}
          onChange={(e) => setRetentionDue(e.currentTarget.checked)}
        />
      </Group>
      <ErrorNote
        message={
          q.error ?? (q.data?.contracts.__typename === 'NotFoundError' ? q.data.contracts.message : undefined)
        }
      />
      {q.loading && !q.data ? <Loading /> : null}
      {register?.truncated ? (
        <Text size="sm" c="red.9">
          {i18n.t('registerTruncated')}
        </Text>
      ) : null}
      {register && register.contracts.length === 0 ? <Text c="dimmed">{i18n.t('none')}</Text> : null}
      {register?.contracts.length ? (
        <Table striped data-testid="contracts-register">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{i18n.t('client')}</Table.Th>
              <Table.Th>{i18n.t('contractKind')}</Table.Th>
              <Table.Th>{i18n.t('status')}</Table.Th>
              <Table.Th>{i18n.t('dispatchPeriod')}</Table.Th>
              <Table.Th>{i18n.t('signedAt')}</Table.Th>
              <Table.Th>{i18n.t('retentionUntil')}</Table.Th>
              <Table.Th>{i18n.t('storedIn')}</Table.Th>
              <Table.Th>{i18n.t('documents')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {register.contracts.map((c) => (
              <Table.Tr key={c.id} data-testid={`contract-${c.id}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/clients/${c.clientId}`}>
                    {c.clientName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {c.kind === 'INDIVIDUAL' ? (
                    <Anchor component={Link} to={`/individual-contracts/${c.id}`}>
                      {i18n.label('ContractKind', c.kind)}
                    </Anchor>
                  ) : (
                    i18n.label('ContractKind', c.kind)
                  )}
                  {c.renewalOf ? (
                    <Text size="xs" c="dimmed">
                      {i18n.t('renewalOf')}: {c.renewalOf}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <EnumBadge name="ContractStatus" value={c.status} />
                </Table.Td>
                <Table.Td>{c.period ? `${c.period.startDate}〜${c.period.endDate}` : '—'}</Table.Td>
                <Table.Td>{formatJst(c.signedAt)}</Table.Td>
                <Table.Td>
                  {c.retentionUntil === 'OPEN' ? i18n.t('retentionOpen') : (c.retentionUntil ?? '—')}{' '}
                  {c.retentionDue ? (
                    <Badge color="red" variant="light" autoContrast>
                      {i18n.t('pastRetention')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>{c.gstaffContractId ? `G-Staff ${c.gstaffContractId}` : '—'}</Table.Td>
                <Table.Td>
                  {downloads
                    ? openableDocuments(c).map((d) => (
                        <ContractDocumentLink key={d} contractId={c.id} document={d} />
                      ))
                    : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
