/**
 * Runs one job under a lease (X-2, X-3, docs/sync.md "Jobs"): two runs of the same job at
 * once (two Lambda invocations, a scheduled run and the CLI) do the work once, because only
 * the holder of the unexpired lease works; a crashed holder's lease expires by itself. Each
 * run is kept as a SyncRun with its counts, requests, errors and duration. Round jobs (the
 * outboxes, deadlines) keep a run only when it did or failed something, so an idle minute
 * leaves no record.
 */
import { ConflictError, IntegrationError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import {
  addCounts,
  emptyCounts,
  type JobLease,
  type SyncCheckpoint,
  type SyncCounts,
  type SyncJobName,
  type SyncRun,
} from './sync-model.js';

export type SyncDeps = HubDeps;

export interface JobOptions {
  mode: SyncRun['mode'];
  trigger: SyncRun['trigger'];
  dryRun?: boolean;
  /** Who runs it (host and process), to tell runs apart in the lease. */
  holder: string;
  /** How long the lease lasts without renewal (renewed at every checkpoint). */
  leaseMs: number;
}

/** What a job's work reports while it runs. */
export interface JobRun {
  readonly run: SyncRun;
  count(more: Partial<SyncCounts>): void;
  requests(n?: number): void;
  error(code: string): void;
  /** Adds facts to the run record (saved with the next checkpoint). */
  note(changes: Pick<Partial<SyncRun>, 'resumedRunId'>): void;
  /** Records progress (and the job's checkpoint) and renews the lease; throws if the lease was lost. */
  checkpoint(checkpoint?: SyncCheckpoint): Promise<void>;
}

export type JobOutcome = { status: 'SKIPPED'; reason: 'LEASE_HELD'; holder: string } | SyncRun;

const MAX_ERRORS_KEPT = 20;

/** An error as a code a person can look up; never a message that could hold personal data. */
export function errorCode(error: unknown): string {
  if (error instanceof IntegrationError)
    return `${error.system}.${error.operation}:${error.status ?? ''}:${error.retryable ? 'RETRYABLE' : 'FINAL'}`;
  if (error && typeof error === 'object' && 'code' in error) return String((error as { code: unknown }).code);
  return error instanceof Error ? error.name : 'UNKNOWN';
}

async function acquireLease(deps: SyncDeps, job: SyncJobName, options: JobOptions) {
  const now = deps.clock.now();
  const current = await deps.ledger.getJobLease(job);
  if (current && Date.parse(current.expiresAt) > now.getTime() && current.holder !== options.holder) {
    return { held: current };
  }
  const at = now.toISOString();
  const lease: JobLease = {
    job,
    holder: options.holder,
    expiresAt: new Date(now.getTime() + options.leaseMs).toISOString(),
    version: (current?.version ?? 0) + 1,
    createdAt: current?.createdAt ?? at,
    updatedAt: at,
  };
  try {
    await deps.ledger.commit(
      [
        {
          entity: { type: 'JOB_LEASE', value: lease },
          ...(current ? { expectedVersion: current.version } : {}),
        },
      ],
      [],
    );
  } catch (error) {
    if (error instanceof ConflictError) {
      const winner = await deps.ledger.getJobLease(job);
      return { held: winner ?? lease };
    }
    throw error;
  }
  return { lease };
}

export async function runJob(
  deps: SyncDeps,
  job: SyncJobName,
  options: JobOptions,
  work: (run: JobRun) => Promise<void>,
): Promise<JobOutcome> {
  const acquired = await acquireLease(deps, job, options);
  if (!acquired.lease) return { status: 'SKIPPED', reason: 'LEASE_HELD', holder: acquired.held.holder };
  let lease = acquired.lease;
  const started = deps.clock.now();
  const at = started.toISOString();
  const isRound = options.mode === 'ROUND';
  let run: SyncRun = {
    runId: deps.ids.next('run'),
    job,
    mode: options.mode,
    status: 'RUNNING',
    dryRun: options.dryRun ?? false,
    trigger: options.trigger,
    startedAt: at,
    counts: emptyCounts(),
    requests: 0,
    errors: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  let stored = false;
  const counts = emptyCounts();
  let requests = 0;
  let notes: Partial<SyncRun> = {};
  const errors: string[] = [];

  const save = async (changes: Partial<SyncRun>, renew: boolean) => {
    const now = deps.clock.now();
    const next: SyncRun = {
      ...run,
      ...notes,
      ...changes,
      counts: { ...counts },
      requests,
      errors: [...errors],
      version: stored ? run.version + 1 : 1,
      updatedAt: now.toISOString(),
    };
    const nextLease: JobLease = {
      ...lease,
      expiresAt: new Date(now.getTime() + (renew ? options.leaseMs : 0)).toISOString(),
      version: lease.version + 1,
      updatedAt: now.toISOString(),
    };
    await deps.ledger.commit(
      [
        { entity: { type: 'SYNC_RUN', value: next }, ...(stored ? { expectedVersion: run.version } : {}) },
        { entity: { type: 'JOB_LEASE', value: nextLease }, expectedVersion: lease.version },
      ],
      [],
    );
    run = next;
    lease = nextLease;
    stored = true;
  };

  if (!isRound) await save({}, true);
  const handle: JobRun = {
    get run() {
      return run;
    },
    count: (more) => void addCounts(counts, more),
    requests: (n = 1) => {
      requests += n;
    },
    error: (code) => {
      if (errors.length < MAX_ERRORS_KEPT) errors.push(code);
    },
    note: (changes) => {
      notes = { ...notes, ...changes };
    },
    checkpoint: async (checkpoint) => {
      await save(checkpoint ? { checkpoint } : {}, true);
    },
  };
  let failure: unknown;
  try {
    await work(handle);
  } catch (error) {
    failure = error;
    handle.error(errorCode(error));
  }
  const finished = deps.clock.now();
  const idle = Object.values(counts).every((n) => n === 0) && errors.length === 0;
  const end: Partial<SyncRun> = {
    status: failure ? 'FAILED' : 'SUCCEEDED',
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
  };
  if (isRound && idle) {
    // Nothing happened: release the lease and keep no record of an idle round.
    await deps.ledger.commit(
      [
        {
          entity: {
            type: 'JOB_LEASE',
            value: { ...lease, expiresAt: finished.toISOString(), version: lease.version + 1 },
          },
          expectedVersion: lease.version,
        },
      ],
      [],
    );
    return { ...run, ...end, counts };
  }
  await save(end, false);
  if (failure) throw failure;
  return run;
}
