/**
 * `npm run sync -- kintone|gstaff [--full] [--dry-run] [--app orders|visits]`: runs the hub's
 * sync jobs now, with the same code and lease as the scheduled runs (core/sync/hub-jobs.ts).
 * Against the local hub by default (its DynamoDB Local and sandboxes, `npm start` running), or
 * against AWS with `--aws` (the ledger table of LEDGER_TABLE_NAME in AWS_REGION, kintone and
 * G-Staff from their KINTONE_* / GSTAFF_* settings in live mode). A live progress line on a
 * terminal (records, requests, rate, ETA), plain lines otherwise, a summary table at the end.
 */
import { parseArgs } from 'node:util';
import type { GStaff } from '../core/gstaff/gstaff.js';
import type { HubDeps } from '../core/hub.js';
import { randomIds } from '../core/ids.js';
import { policyFromEnv } from '../core/policy-config.js';
import type { JobOutcome } from '../core/sync/job-runner.js';
import { reconcileKintoneApp } from '../core/sync/reconcile-kintone.js';
import { syncGStaff } from '../core/sync/sync-gstaff.js';
import type { SyncedKintoneApp, SyncRun } from '../core/sync/sync-model.js';
import { createLogger } from '../functions/shared/logger.js';
import { createDocumentClient } from '../integrations/dynamodb/dynamodb-client.js';
import { DynamoDbClientLedger } from '../integrations/dynamodb/dynamodb-client-ledger.adapter.js';
import { createGStaff, gstaffSettings } from '../integrations/gstaff/gstaff-config.js';
import { ordersApp, visitRecordsApp } from '../integrations/kintone/app-definitions.js';
import { createKintoneApps, kintoneSettings, liveTarget } from '../integrations/kintone/kintone-config.js';
import { systemClock } from '../integrations/system-clock.js';
import { localJobSettings } from './local-jobs.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';

const USAGE =
  'usage: npm run sync -- kintone [--full] [--dry-run] [--app orders|visits] [--aws]\n       npm run sync -- gstaff [--full] [--dry-run] [--aws]';

const number = (n: number) => n.toLocaleString('en-US');

/** One line that rewrites itself on a terminal; one line per page elsewhere. */
export function progressLine(
  p: { records: number; requests: number; elapsedMs: number; total?: number },
  width = 24,
): string {
  const rate = p.elapsedMs > 0 ? (p.records / p.elapsedMs) * 1000 : 0;
  const parts = [
    `${number(p.records)} records`,
    `${number(p.requests)} requests`,
    `${number(Math.round(rate))} rec/s`,
  ];
  if (p.total) {
    const share = Math.min(1, p.records / p.total);
    const filled = Math.round(share * width);
    const eta = rate > 0 ? Math.max(0, (p.total - p.records) / rate) : undefined;
    return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round(share * 100)}% ${parts.join(' · ')}${eta !== undefined ? ` · ETA ${Math.ceil(eta)}s` : ''}`;
  }
  return parts.join(' · ');
}

export function summaryTable(runs: { label: string; outcome: JobOutcome }[]): string {
  const header = [
    'job',
    'mode',
    'status',
    'read',
    'created',
    'updated',
    'unchanged',
    'deleted',
    'conflicts',
    'failed',
    'requests',
    'seconds',
  ];
  const rows = runs.map(({ label, outcome }) => {
    if (outcome.status === 'SKIPPED')
      return [label, '-', `SKIPPED (lease held by ${outcome.holder})`, '', '', '', '', '', '', '', '', ''];
    const r = outcome as SyncRun;
    const c = r.counts;
    return [
      label,
      r.mode + (r.dryRun ? ' (dry run)' : ''),
      r.status,
      ...[c.read, c.created, c.updated, c.unchanged, c.deleted, c.conflicts, c.failed, r.requests].map(
        number,
      ),
      ((r.durationMs ?? 0) / 1000).toFixed(1),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells: string[]) => cells.map((c, i) => String(c).padEnd(widths[i] as number)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export interface SyncCommand {
  system: 'kintone' | 'gstaff';
  full: boolean;
  dryRun: boolean;
  app?: SyncedKintoneApp;
  aws: boolean;
}

/** The command line, checked: a flag that means nothing for the system asked is refused, named. */
export function parseSyncArgs(args: readonly string[]): SyncCommand {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      full: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      app: { type: 'string' },
      aws: { type: 'boolean', default: false },
    },
  });
  const system = positionals[0];
  if (system !== 'kintone' && system !== 'gstaff') throw new Error(USAGE);
  if (values.app !== undefined && system === 'gstaff')
    throw new Error(`--app names a kintone app; G-Staff has one register to sync\n${USAGE}`);
  if (values.app !== undefined && values.app !== 'orders' && values.app !== 'visits')
    throw new Error(`--app must be orders or visits\n${USAGE}`);
  return {
    system,
    full: values.full,
    dryRun: values['dry-run'],
    ...(values.app ? { app: values.app as SyncedKintoneApp } : {}),
    aws: values.aws,
  };
}

/** Writes progress: one line rewritten on a terminal, one line per page elsewhere. */
export function progressWriter(out: { isTTY?: boolean; write(text: string): unknown }) {
  return {
    page: (label: string, line: string) =>
      out.write(out.isTTY ? `\r${label}: ${line}\u001b[K` : `${label}: ${line}\n`),
    done: () => {
      if (out.isTTY) out.write('\n');
    },
  };
}

/**
 * The G-Staff sync the CLI runs: `--full` reads the whole register (else what changed since the
 * last complete run), `--dry-run` reads and decides but writes nothing; progress per page (records,
 * requests, rate — G-Staff does not say how many records it holds, so no share or ETA).
 */
export async function runGStaffSyncFromCli(
  deps: HubDeps & { gstaff: GStaff },
  command: Pick<SyncCommand, 'full' | 'dryRun'>,
  settings: { holder: string; leaseMs: number; overlapMs: number },
  progress: ReturnType<typeof progressWriter>,
  now: () => number = Date.now,
): Promise<{ label: string; outcome: JobOutcome }> {
  const started = now();
  const outcome = await syncGStaff(deps, {
    ...settings,
    trigger: 'CLI',
    ...(command.full ? { full: true } : {}),
    ...(command.dryRun ? { dryRun: true } : {}),
    onPage: ({ records, requests }) =>
      progress.page('gstaff', progressLine({ records, requests, elapsedMs: now() - started })),
  });
  progress.done();
  return { label: 'gstaff mirror', outcome };
}

async function main() {
  const command = parseSyncArgs(process.argv.slice(2));
  const { system } = command;
  const values = { full: command.full, 'dry-run': command.dryRun, app: command.app, aws: command.aws };
  const env = process.env;
  const jobs = localJobSettings(env);
  const tableName = env.LEDGER_TABLE_NAME ?? 'dispatch-hub-ledger';
  const db = values.aws
    ? createDocumentClient({ region: env.AWS_REGION ?? 'ap-northeast-1' })
    : createDocumentClient({
        region: 'local',
        endpoint: env.DYNAMODB_ENDPOINT ?? `http://127.0.0.1:${env.DYNAMODB_PORT ?? '8000'}`,
      });
  const hub: HubDeps = {
    ledger: new DynamoDbClientLedger(db, { tableName }),
    clock: systemClock,
    ids: randomIds,
    policy: policyFromEnv(env),
  };
  const logger = createLogger('dispatch-hub-sync');
  const holder = `cli:${process.pid}`;
  const progress = progressWriter(process.stdout);
  const runs: { label: string; outcome: JobOutcome }[] = [];
  try {
    if (system === 'kintone') {
      const settings = kintoneSettings(env);
      const target =
        settings.KINTONE_MODE === 'live'
          ? liveTarget(settings)
          : {
              // The sandbox `npm start` runs, with the tokens it prints.
              baseUrl: `http://localhost:${settings.KINTONE_SANDBOX_PORT}`,
              orders: { appId: ordersApp.sandboxAppId, apiToken: `sandbox-token-${ordersApp.sandboxAppId}` },
              visits: {
                appId: visitRecordsApp.sandboxAppId,
                apiToken: `sandbox-token-${visitRecordsApp.sandboxAppId}`,
              },
            };
      const apps = createKintoneApps(settings, target, hub.clock, (message, details) =>
        logger.warn(message, details),
      );
      const deps = { ...hub, kintoneApps: { orders: apps.ordersApp, visits: apps.visitRecordsApp } };
      const which: SyncedKintoneApp[] = values.app ? [values.app as SyncedKintoneApp] : ['orders', 'visits'];
      for (const app of which) {
        const started = Date.now();
        const total = values.full ? await deps.kintoneApps[app].countRecords() : undefined;
        const outcome = await reconcileKintoneApp(deps, app, {
          ...(values.full ? { full: true } : {}),
          ...(values['dry-run'] ? { dryRun: true } : {}),
          trigger: 'CLI',
          holder,
          overlapMs: jobs.overlapMs,
          leaseMs: jobs.leaseMs,
          onPage: ({ records, requests }) =>
            progress.page(
              app,
              progressLine({
                records,
                requests: requests + (total === undefined ? 0 : 1),
                elapsedMs: Date.now() - started,
                ...(total !== undefined ? { total } : {}),
              }),
            ),
        });
        progress.done();
        runs.push({ label: `kintone ${app}`, outcome });
      }
    } else {
      const gstaff = createGStaff(gstaffSettings(env), {
        baseUrl: env.GSTAFF_BASE_URL ?? `http://127.0.0.1:${env.GSTAFF_SANDBOX_PORT ?? '4020'}`,
        apiKey: env.GSTAFF_API_KEY ?? 'sandbox-gstaff-key',
      });
      runs.push(
        await runGStaffSyncFromCli(
          { ...hub, gstaff },
          command,
          { holder, leaseMs: jobs.leaseMs, overlapMs: jobs.overlapMs },
          progressWriter(process.stdout),
        ),
      );
    }
  } finally {
    db.destroy();
  }
  console.log(`\n${summaryTable(runs)}`);
  if (runs.some((r) => r.outcome.status === 'FAILED')) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(
      /ECONNREFUSED/.test(message) || /ECONNREFUSED/.test(String((error as { cause?: unknown }).cause))
        ? `Cannot reach the local hub's DynamoDB or sandbox: is \`npm start\` running? (${message})`
        : message,
    );
    process.exit(1);
  });
}
