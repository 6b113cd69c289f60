/** The first-contact clock: time left (or overdue) against the due time, ticking each minute. */
import { Badge } from '@mantine/core';
import { useEffect, useState } from 'react';
import { clockTo, formatJst } from '../lib/time.js';
import { useI18n } from './session.js';

export function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function DeadlineClock({ dueAt, metAt }: { dueAt: string; metAt?: string | null }) {
  const { t, label } = useI18n();
  const now = useNow();
  if (metAt)
    return (
      <Badge color="teal" variant="light">{`${label('DeadlineStatus', 'MET')} ${formatJst(metAt)}`}</Badge>
    );
  const c = clockTo(dueAt, now);
  const text = c.overdue
    ? t('overdueBy', { h: c.hours, m: c.minutes })
    : t('remaining', { h: c.hours, m: c.minutes });
  return (
    <Badge
      color={c.overdue ? 'red' : c.hours < 4 ? 'orange' : 'blue'}
      variant="light"
      autoContrast
      title={formatJst(dueAt)}
    >
      {text}
    </Badge>
  );
}
