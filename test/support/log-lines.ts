/**
 * The hub's own log records (the JSON lines its Powertools loggers write to stdout and stderr),
 * kept instead of printed while a suite runs, and the check that none carries personal data.
 * No logger is imported here, so the whole suite's log check (log-audit.setup.ts) costs nothing
 * to load; captured-log.ts adds the real logger for suites that log on purpose.
 */

/** What a log line must never carry: an e-mail address or a phone number (10 digits or more). */
export const EMAIL_PATTERN = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+/u;
export const PHONE_PATTERN = /(?<![\p{N}A-Za-z_])\+?\d(?:[\s()-]?\d){9,}(?![\p{N}A-Za-z_])/u;

const isHubRecord = (text: string) => text.startsWith('{"level"');

/** From now until `stop()`, the hub's records are kept in `lines`; anything else reaches the terminal. */
export function keepHubLogLines(): { lines: string[]; stop(): void } {
  const lines: string[] = [];
  const streams = [process.stdout, process.stderr] as const;
  const originals = streams.map((s) => s.write);
  for (const stream of streams) {
    const original = stream.write;
    stream.write = function (this: typeof stream, chunk: unknown, ...rest: unknown[]) {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
      if (isHubRecord(text)) {
        lines.push(text);
        return true;
      }
      return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof stream.write;
  }
  return {
    lines,
    stop() {
      streams.forEach((stream, i) => {
        stream.write = originals[i] as typeof stream.write;
      });
    },
  };
}

/** The hub records among `lines` that carry any of `values` or match any of `patterns`. */
export function personalDataIn(
  lines: readonly string[],
  values: readonly string[],
  patterns: readonly RegExp[] = [EMAIL_PATTERN, PHONE_PATTERN],
): string[] {
  return lines
    .flatMap((chunk) => chunk.split('\n'))
    .filter(isHubRecord)
    .filter((line) => values.some((v) => line.includes(v)) || patterns.some((p) => p.test(line)));
}
