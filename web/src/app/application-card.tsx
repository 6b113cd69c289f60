/** A workflow application (稟議書) with its status, why a director is needed, and its history. */
import { Badge, Group, Stack, Text, Timeline } from '@mantine/core';
import { type FragmentOf, graphql, readFragment } from '../api/graphql.js';
import { historyDetail } from '../lib/audit.js';
import { formatJst } from '../lib/time.js';
import { useI18n } from './session.js';
import { CodeLabel, EnumBadge } from './ui.js';

export const ApplicationFields = graphql(`
  fragment ApplicationFields on Application {
    id type status applicantId createdAt submittedAt decidedAt directorReasons
    creditPrecheck { creditRating antisocialCheck }
    contractExecution { form fileName envelopeName clientSignerName dueAt delayReason gstaffContractId retentionUntil }
    individualContract { individualContractId orderId envelopeName clientSignerName signedAt renewalOf retentionUntil period { startDate endDate } }
    history { at kind step decision by comment detail }
  }
`);

export function ApplicationCard({ application }: { application: FragmentOf<typeof ApplicationFields> }) {
  const i18n = useI18n();
  const a = readFragment(ApplicationFields, application);
  return (
    <Stack gap={4} data-testid={`application-${a.type}`}>
      <Group gap="xs">
        <Text fw={700} size="sm">
          {i18n.label('ApplicationType', a.type)}
        </Text>
        <EnumBadge name="ApplicationStatus" value={a.status} />
        <Text size="xs" c="dimmed">
          {a.id} / {formatJst(a.submittedAt ?? a.createdAt)}
        </Text>
      </Group>
      {a.creditPrecheck ? (
        <Text size="sm">
          {i18n.t('creditRating')}: {a.creditPrecheck.creditRating} / {i18n.t('antisocialCheck')}:{' '}
          {i18n.label('AntisocialCheckResult', a.creditPrecheck.antisocialCheck)}
        </Text>
      ) : null}
      {a.contractExecution ? (
        <Text size="sm">
          {i18n.t('contractForm')}: {i18n.label('ContractForm', a.contractExecution.form)}
          {a.contractExecution.fileName ? ` (${a.contractExecution.fileName})` : ''} /{' '}
          {a.contractExecution.envelopeName}
          {a.contractExecution.dueAt
            ? ` / ${i18n.t('deadlines')}: ${formatJst(a.contractExecution.dueAt)}`
            : ''}
          {a.contractExecution.gstaffContractId
            ? ` / ${i18n.qualified(i18n.t('signed'), `G-Staff ${a.contractExecution.gstaffContractId}`)}`
            : ''}
        </Text>
      ) : null}
      {a.individualContract ? (
        <Text size="sm">
          {i18n.t('individualContract')}: {a.individualContract.individualContractId} / {i18n.t('order')}:{' '}
          {a.individualContract.orderId} / {i18n.t('dispatchPeriod')}: {a.individualContract.period.startDate}
          〜{a.individualContract.period.endDate} / {a.individualContract.envelopeName}
          {a.individualContract.signedAt
            ? ` / ${i18n.t('signed')}: ${formatJst(a.individualContract.signedAt)}`
            : ''}
        </Text>
      ) : null}
      {a.directorReasons.length ? (
        <Group gap={4}>
          <Text size="sm">{i18n.t('directorReasons')}:</Text>
          {a.directorReasons.map((r) => (
            <Badge key={r} color="grape" variant="light" autoContrast>
              {r}
            </Badge>
          ))}
        </Group>
      ) : null}
      <Timeline bulletSize={12} lineWidth={2} active={a.history.length}>
        {a.history.map((h) => (
          <Timeline.Item
            key={`${h.at}-${h.kind}-${h.step ?? ''}`}
            title={
              <Text size="xs">
                <CodeLabel name="ApplicationEventKind" value={h.kind} />
                {h.step ? ` / ${i18n.label('ApprovalStep', h.step)}` : ''}
                {h.decision ? ` / ${i18n.label('ApprovalDecision', h.decision)}` : ''}
              </Text>
            }
          >
            <Text size="xs" c="dimmed">
              {formatJst(h.at)} {h.by ?? ''} {h.comment ?? ''} {historyDetail(i18n, h.kind, h.detail)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
