/**
 * 承認待ち: what the signed-in manager, director or legal may decide now — approve or reject with a
 * comment, seeing why a director is needed (A4-2) and, for legal, the contract to review and send (A5-1, A5-2):
 * a non-standard basic contract's own text opens next to the decision (A4-4); marketing sends an
 * individual contract (A5-6).
 */
import { Anchor, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { type FragmentOf, graphql, readFragment } from '../api/graphql.js';
import { ApplicationCard, ApplicationFields } from '../app/application-card.js';
import { ContractDocumentLink } from '../app/contract-document.js';
import { useMutation, useQuery } from '../app/hooks.js';
import { useI18n } from '../app/session.js';
import { EnumBadge, ErrorNote, Loading, MutationErrors } from '../app/ui.js';
import { reviewableText } from '../lib/individual-contract.js';
import { formatJst } from '../lib/time.js';

const TasksQuery = graphql(
  `
  query ApprovalQueue {
    myApprovalTasks {
      id step applicationType clientId applicantId openedAt escalatedAt
      pool { role department }
      application { ...ApplicationFields }
    }
  }
`,
  [ApplicationFields],
);

const Decide = graphql(`
  mutation DecideApproval($input: DecideApprovalInput!) {
    decideApproval(input: $input) {
      __typename
      ... on DecideApprovalPayload { task { id status } }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

function Decision({ taskId, onDone }: { taskId: string; onDone(): void }) {
  const i18n = useI18n();
  const decide = useMutation(Decide, 'decideApproval', 'DecideApprovalPayload');
  const [comment, setComment] = useState('');
  const run = async (decision: 'APPROVE' | 'REJECT') => {
    if (
      await decide.run({
        input: { taskId, decision, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      })
    )
      onDone();
  };
  return (
    <Stack gap="xs">
      <Textarea
        label={i18n.t('comment')}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        error={decide.fields.comment}
        autosize
        minRows={1}
      />
      <MutationErrors state={decide} placed={['comment']} />
      <Group>
        <Button color="teal.9" loading={decide.busy} onClick={() => void run('APPROVE')}>
          {i18n.t('approve')}
        </Button>
        <Button color="red.9" variant="outline" loading={decide.busy} onClick={() => void run('REJECT')}>
          {i18n.t('reject')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A non-standard basic contract: legal (and the managers deciding it) open the client's own text here. */
function ReviewedText({ application }: { application: FragmentOf<typeof ApplicationFields> }) {
  const a = readFragment(ApplicationFields, application);
  return reviewableText(a) ? <ContractDocumentLink contractId={a.id} document="REVIEWED_TEXT" /> : null;
}

export function ApprovalsScreen() {
  const i18n = useI18n();
  const q = useQuery(TasksQuery, {});
  return (
    <Stack>
      <Title order={2}>{i18n.t('approvals')}</Title>
      <ErrorNote message={q.error} />
      {q.loading && !q.data ? <Loading /> : null}
      {q.data?.myApprovalTasks.length === 0 ? <Text c="dimmed">{i18n.t('none')}</Text> : null}
      {q.data?.myApprovalTasks.map((task) => (
        <Card
          key={task.id}
          withBorder
          component="article"
          aria-label={`${i18n.label('ApplicationType', task.applicationType)} ${i18n.label('ApprovalStep', task.step)}`}
          data-testid={`task-${task.step}`}
        >
          <Stack gap="xs">
            <Group gap="xs">
              <EnumBadge name="ApprovalStep" value={task.step} />
              <Text size="sm">
                {i18n.t('openedAt')}: {formatJst(task.openedAt)}
              </Text>
              {task.escalatedAt ? (
                <Text size="sm" c="red.8">
                  {formatJst(task.escalatedAt)}
                </Text>
              ) : null}
              <Text size="sm">
                {i18n.t('applicant')}: {task.applicantId}
              </Text>
              <Anchor component={Link} to={`/clients/${task.clientId}`} size="sm">
                {i18n.t('client')} →
              </Anchor>
            </Group>
            <ApplicationCard application={task.application} />
            <ReviewedText application={task.application} />
            <Decision taskId={task.id} onDone={() => void q.reload()} />
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
