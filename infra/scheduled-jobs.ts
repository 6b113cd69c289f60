/**
 * The hub's scheduled jobs: each one a function run by EventBridge Scheduler at a fixed rate.
 * Adding a job is one `add()` entry. Every job gets the same failure handling:
 * - the Scheduler retries a failed hand-over twice, then puts the event in its own DLQ;
 * - the function's asynchronous invocation is not retried (the next run does the job again), is
 *   dropped when older than the job's interval, and a failed run goes to an SQS on-failure
 *   destination;
 * both queues, and the Scheduler's target errors, are alarmed (infra/monitoring.ts).
 */
import { Duration, Validations } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface ScheduledJob {
  /** Construct id of the schedule, e.g. 'OutboxSchedule'. */
  id: string;
  description: string;
  /** The rate; also the longest a run may wait before it is dropped (the next run does it). */
  every: Duration;
  fn: lambda.Function;
}

export class ScheduledJobs extends Construct {
  readonly group: scheduler.ScheduleGroup;
  /** Events the Scheduler could not hand to a function, after its retries. */
  readonly schedulerDeadLetters: sqs.Queue;
  /** Runs that failed inside a function (its on-failure destination); also used for the recording of stopped workflows. */
  readonly failedRuns: sqs.Queue;
  readonly jobs: ScheduledJob[] = [];

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
    const maxEventAge = Duration.seconds(Math.max(60, job.every.toSeconds()));
    job.fn.configureAsyncInvoke({
      onFailure: new destinations.SqsDestination(this.failedRuns),
      maxEventAge,
      retryAttempts: 0,
    });
    new scheduler.Schedule(this, job.id, {
      scheduleGroup: this.group,
      description: job.description,
      schedule: scheduler.ScheduleExpression.rate(job.every),
      target: new schedulerTargets.LambdaInvoke(job.fn, {
        deadLetterQueue: this.schedulerDeadLetters,
        retryAttempts: 2,
        maxEventAge,
      }),
    });
    this.jobs.push(job);
    return this;
  }
}
