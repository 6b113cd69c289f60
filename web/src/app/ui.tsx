/** Small pieces every screen uses: a titled section, loading / error states, enum badges, API errors. */
import { Alert, Badge, Card, Code, Loader, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { EnumName } from '../lib/i18n.js';
import { unplacedErrors } from '../lib/outcome.js';
import type { MutationState } from './hooks.js';
import { useI18n } from './session.js';

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const headingId = `${id ?? title}-heading`.replace(/\s+/g, '-');
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId} id={id}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

export function Loading() {
  const { t } = useI18n();
  return <Loader role="status" aria-label={t('loading')} size="sm" />;
}

export function ErrorNote({ message }: { message: string | undefined }) {
  const { t } = useI18n();
  if (!message) return null;
  return (
    <Alert color="red" title={t('errorTitle')} role="alert">
      {message}
    </Alert>
  );
}

/** The mutation's message and the field errors no input on the form shows. */
export function MutationErrors({ state, placed = [] }: { state: MutationState; placed?: readonly string[] }) {
  if (!state.message) return null;
  const rest = unplacedErrors(state.fields, placed);
  return <ErrorNote message={[state.message, ...rest].join('\n')} />;
}

const COLORS: Record<string, string> = {
  OVERDUE: 'red',
  MET_LATE: 'orange',
  FAILED: 'red',
  REJECTED: 'red',
  APPROVED: 'teal',
  DONE: 'teal',
  MET: 'teal',
  TRADING: 'teal',
  NEW: 'blue',
};

export function EnumBadge({ name, value }: { name: EnumName; value: string | null | undefined }) {
  const { label } = useI18n();
  return (
    <Badge color={COLORS[value ?? ''] ?? 'gray'} variant="light" autoContrast>
      {label(name, value)}
    </Badge>
  );
}

/**
 * A code the API carries as a string (an audit operation, a field name, a history kind …) in words;
 * one the console does not know yet shows as itself, muted, so a new code is readable, never a crash.
 */
export function CodeLabel({ name, value }: { name: EnumName; value: string | null | undefined }) {
  const { known } = useI18n();
  if (!value) return '—';
  return known(name, value) ?? <UnknownCode code={value} />;
}

/** A code shown as it is (muted, monospace, not translated). */
export function UnknownCode({ code }: { code: string }) {
  return (
    <Code translate="no" data-unknown-code>
      {code}
    </Code>
  );
}
