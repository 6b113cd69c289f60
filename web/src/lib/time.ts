/** Every time on the console is shown in Japan time (JST, UTC+9, no daylight saving). */
const JST_OFFSET_MS = 9 * 3600_000;

const formatter = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** `2026-12-01T00:30:00Z` → `2026/12/01 09:30`. */
export function formatJst(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : formatter.format(date);
}

/** For `<input type="datetime-local">`: the instant as JST wall-clock `YYYY-MM-DDTHH:mm`. */
export function toJstInput(iso: string | Date): string {
  const at = typeof iso === 'string' ? new Date(iso) : iso;
  return new Date(at.getTime() + JST_OFFSET_MS).toISOString().slice(0, 16);
}

/** A JST wall-clock `YYYY-MM-DDTHH:mm` from a datetime-local input → ISO instant; undefined when empty or invalid. */
export function fromJstInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return undefined;
  const at = new Date(`${value}:00+09:00`);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

export interface Clock {
  overdue: boolean;
  hours: number;
  minutes: number;
}

/** The first-contact clock: time left until `dueAt` (or past it) at `now`, in whole minutes. */
export function clockTo(dueAt: string, now: Date): Clock {
  const diff = new Date(dueAt).getTime() - now.getTime();
  const minutes = Math.floor(Math.abs(diff) / 60_000);
  return { overdue: diff < 0, hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}
