/**
 * The hub's scheduled jobs: each schedule invokes a function with an input naming the jobs of
 * core/sync/hub-jobs.ts it runs (`{ "jobs": […] }`, `functions/hub-job.handler.ts`), in the
 * Asia/Tokyo time zone. Adding a schedule is one `add()` entry. Every schedule gets the same
 * failure handling:
 * - the Scheduler retries a failed hand-over twice, then puts the event in its own DLQ;
 * - the function's asynchronous invocation is not retried (the next run does the job again), is
 *   dropped when older than the shortest interval of its schedules, and a failed run goes to an
 *   SQS on-failure destination;
 * both queues, and the Scheduler's target errors, are alarmed (infra/monitoring.ts).
 */
import { Duration, TimeZone, Validations } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** The agency works in Japan: every schedule (and every cron time) is in its time zone. */
export const SCHEDULE_TIME_ZONE = TimeZone.ASIA_TOKYO;

export interface ScheduledJob {
  /** Construct id of the schedule, e.g. 'OutboxSchedule'. */
  id: string;
  description: string;
  /** A fixed rate; also the longest a run may wait before it is dropped (the next run does it). */
  every?: Duration;
  /** Or a time of day, in Asia/Tokyo (`cron.hour` etc.); a run older than `maxEventAge` is dropped. */
  cron?: { minute: string; hour: string; maxEventAge: Duration };
  fn: lambda.Function;
  /** The event the function receives (the jobs it runs). */
  input?: Record<string, unknown>;
}

/**
 * Which function runs which of the hub's jobs (core/sync/sync-model.ts `SYNC_JOBS`) on AWS. One
 * key per job, so a job has one host only; test/infra.test.ts checks that the keys are exactly the
 * hub's jobs and that each is scheduled once (infra may not import core/).
 */
export const AWS_JOB_HOSTS = {
  deadlines: 'Outbox',
  'kintone.outbox': 'Outbox',
  'mail.outbox': 'Outbox',
  'signature.outbox': 'Outbox',
  'kintone.orders': 'KintoneSync',
  'kintone.visits': 'KintoneSync',
  'gstaff.mirror': 'GStaffMirror',
  // Needs G-Staff only, like the mirror; dates change once a day, so every 15 minutes is plenty.
  'contracts.retention': 'GStaffMirror',
} as const;
export type HubJobName = keyof typeof AWS_JOB_HOSTS;
export type JobHost = (typeof AWS_JOB_HOSTS)[HubJobName];

/** The jobs a host runs, in the order of `AWS_JOB_HOSTS`. */
export const jobsOf = (host: JobHost): HubJobName[] =>
  (Object.entries(AWS_JOB_HOSTS) as [HubJobName, JobHost][]).filter(([, h]) => h === host).map(([j]) => j);

export class ScheduledJobs extends Construct {
  readonly group: scheduler.ScheduleGroup;
  /** Events the Scheduler could not hand to a function, after its retries. */
  readonly schedulerDeadLetters: sqs.Queue;
  /** Runs that failed inside a function (its on-failure destination); also used for the recording of stopped workflows. */
  readonly failedRuns: sqs.Queue;
  readonly jobs: ScheduledJob[] = [];
  private readonly invokeConfigs = new Map<lambda.Function, { maxEventAge: Duration }>();

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.group = new scheduler.ScheduleGroup(this, 'Group', {});
    const queue = (queueId: string) => {
      const q = new sqs.Queue(this, queueId, {
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
      for (const rule of ['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy'])
        Validations.of(q).acknowledge({
          id: rule,
          reason:
            'This queue is itself a dead-letter queue of the scheduled jobs; operators read it (docs/operations.md) and nothing consumes it.',
        });
      return q;
    };
    this.schedulerDeadLetters = queue('SchedulerDeadLetters');
    this.failedRuns = queue('FailedRuns');
  }

  add(job: ScheduledJob): this {
    if (Boolean(job.every) === Boolean(job.cron)) throw new Error(`${job.id}: give either every or cron`);
    const maxEventAge = job.every
      ? Duration.seconds(Math.max(60, job.every.toSeconds()))
      : (job.cron as { maxEventAge: Duration }).maxEventAge;
    this.configureAsyncInvoke(job.fn, maxEventAge);
    const schedule = new scheduler.Schedule(this, job.id, {
      scheduleGroup: this.group,
      description: job.description,
      schedule: job.every
        ? scheduler.ScheduleExpression.rate(job.every)
        : scheduler.ScheduleExpression.cron({
            minute: job.cron?.minute,
            hour: job.cron?.hour,
            timeZone: SCHEDULE_TIME_ZONE,
          }),
      target: new schedulerTargets.LambdaInvoke(job.fn, {
        deadLetterQueue: this.schedulerDeadLetters,
        retryAttempts: 2,
        maxEventAge,
        ...(job.input ? { input: scheduler.ScheduleTargetInput.fromObject(job.input) } : {}),
      }),
    });
    // A rate has no time of day, but the schedule says where it lives all the same.
    (schedule.node.defaultChild as scheduler.CfnSchedule).scheduleExpressionTimezone =
      SCHEDULE_TIME_ZONE.timezoneName;
    this.jobs.push(job);
    return this;
  }

  /**
   * One asynchronous-invocation setting per function (Lambda allows one): no retry, the failure to
   * the on-failure queue, dropped when older than the shortest interval of its schedules.
   */
  private configureAsyncInvoke(fn: lambda.Function, maxEventAge: Duration) {
    const current = this.invokeConfigs.get(fn);
    if (!current) {
      fn.configureAsyncInvoke({
        onFailure: new destinations.SqsDestination(this.failedRuns),
        maxEventAge,
        retryAttempts: 0,
      });
      this.invokeConfigs.set(fn, { maxEventAge });
      return;
    }
    if (maxEventAge.toSeconds() >= current.maxEventAge.toSeconds()) return;
    const config = fn.node.tryFindChild('EventInvokeConfig')?.node.defaultChild as
      | { maximumEventAgeInSeconds?: number }
      | undefined;
    if (!config) throw new Error(`${fn.node.id}: its asynchronous invocation setting was not found`);
    config.maximumEventAgeInSeconds = maxEventAge.toSeconds();
    current.maxEventAge = maxEventAge;
  }
}
