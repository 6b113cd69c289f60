/**
 * What reaches a person: one SNS topic for the operators (an e-mail subscription from the
 * tenant configuration), an alarm for every way the hub can fail quietly, and a dashboard of the
 * same. Each alarm's meaning and what to do are in docs/operations.md (same names).
 */
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { HUB_METRICS } from '../functions/shared/metric-names.js';
import type { ScheduledJobs } from './scheduled-jobs.js';

export interface MonitoringProps {
  /** Every function of the hub, by a short name used in the alarm names. */
  functions: Record<string, lambda.IFunction>;
  stateMachines: Record<string, sfn.IStateMachine>;
  api: apigw.IHttpApi;
  jobs: ScheduledJobs;
  /** The operators' address (SNS e-mail subscription). */
  alarmEmail: string;
  /** POWERTOOLS_SERVICE_NAME of the functions: the `service` dimension of the hub's own metrics. */
  serviceName: string;
  gstaffMirrorMaxAge: Duration;
  oldestApprovalMaxAge: Duration;
}

export class Monitoring extends Construct {
  readonly topic: sns.Topic;
  readonly undelivered: sqs.Queue;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;
  private readonly action: cwActions.SnsAction;
  private readonly graphs: cloudwatch.IWidget[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    // CloudWatch alarms may publish to an encrypted topic only with a customer managed key.
    const key = new kms.Key(this, 'TopicKey', {
      description: 'Encrypts the operators’ alarm topic',
      enableKeyRotation: true,
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.topic = new sns.Topic(this, 'OperatorAlarms', {
      displayName: 'Dispatch hub alarms',
      masterKey: key,
      enforceSSL: true,
    });
    // An alarm e-mail SNS could not deliver (after its retries) is kept here; shown on the dashboard.
    this.undelivered = new sqs.Queue(this, 'UndeliveredAlarms', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    for (const rule of ['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy'])
      Validations.of(this.undelivered).acknowledge({
        id: rule,
        reason:
          'This queue is itself the dead-letter queue of the alarm e-mail subscription; nothing consumes it.',
      });
    this.topic.addSubscription(
      new subscriptions.EmailSubscription(props.alarmEmail, { deadLetterQueue: this.undelivered }),
    );
    this.action = new cwActions.SnsAction(this.topic);

    for (const [name, fn] of Object.entries(props.functions)) {
      this.alarm(`${name}Errors`, `The ${name} function failed`, fn.metricErrors({ statistic: 'Sum' }));
      this.alarm(
        `${name}Throttles`,
        `The ${name} function was throttled`,
        fn.metricThrottles({ statistic: 'Sum' }),
      );
    }
    for (const [name, machine] of Object.entries(props.stateMachines)) {
      this.alarm(
        `${name}Failed`,
        `A ${name} execution failed (the application is FAILED)`,
        machine.metricFailed(),
      );
      this.alarm(`${name}TimedOut`, `A ${name} execution ran out of time`, machine.metricTimedOut());
    }
    this.alarm('Api5xx', 'The HTTP API answered with 5xx', props.api.metricServerError({ statistic: 'Sum' }));

    const hubMetric = (metricName: string, statistic: string, period: Duration) =>
      new cloudwatch.Metric({
        namespace: HUB_METRICS.namespace,
        metricName,
        dimensionsMap: { service: props.serviceName },
        statistic,
        period,
      });
    this.alarm(
      'OutboxGaveUp',
      'An outbox entry (kintone, e-mail or e-signature) was given up for good: a person must look',
      hubMetric(HUB_METRICS.outboxGaveUp, 'Sum', Duration.minutes(5)),
    );
    this.alarm(
      'GStaffMirrorStale',
      `The G-Staff mirror was not refreshed for ${props.gstaffMirrorMaxAge.toHumanString()}`,
      hubMetric(HUB_METRICS.gstaffMirrorRefreshed, 'Sum', props.gstaffMirrorMaxAge),
      {
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        threshold: 1,
        missing: 'breach',
      },
    );
    this.alarm(
      'OldestApprovalWaiting',
      `An approval has waited longer than ${props.oldestApprovalMaxAge.toHumanString()}`,
      hubMetric(HUB_METRICS.oldestOpenApprovalAgeHours, 'Maximum', Duration.minutes(15)),
      {
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        threshold: props.oldestApprovalMaxAge.toHours(),
      },
    );
    this.alarm(
      'SchedulerTargetErrors',
      'The Scheduler could not invoke a scheduled job',
      props.jobs.group.metricTargetErrors({ statistic: 'Sum', period: Duration.minutes(5) }),
    );
    this.alarm(
      'SchedulerDeadLetters',
      'A scheduled run was given up by the Scheduler (its DLQ has messages)',
      props.jobs.schedulerDeadLetters.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum' }),
    );
    this.alarm(
      'ScheduledRunsFailed',
      'A background run failed inside its function: a scheduled job, or the recording of a stopped workflow (the on-failure queue has messages)',
      props.jobs.failedRuns.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum' }),
    );

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `${Stack.of(this).stackName}-operations`,
      defaultInterval: Duration.days(1),
    });
    this.dashboard.addWidgets(
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 8 }),
    );
    this.dashboard.addWidgets(...this.graphs);
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Alarm e-mails SNS could not deliver',
        left: [this.undelivered.metricApproximateNumberOfMessagesVisible()],
        width: 6,
        height: 5,
      }),
    );
  }

  /** An alarm on one data point at or above the threshold (1 by default), sent to the topic. */
  private alarm(
    id: string,
    description: string,
    metric: cloudwatch.IMetric,
    options: {
      comparisonOperator?: cloudwatch.ComparisonOperator;
      threshold?: number;
      missing?: 'breach';
    } = {},
  ) {
    const alarm = new cloudwatch.Alarm(this, id, {
      alarmName: `${Stack.of(this).stackName}-${id}`,
      alarmDescription: `${description}. See docs/operations.md, "${id}".`,
      metric,
      threshold: options.threshold ?? 1,
      evaluationPeriods: 1,
      comparisonOperator:
        options.comparisonOperator ?? cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData:
        options.missing === 'breach'
          ? cloudwatch.TreatMissingData.BREACHING
          : cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    this.alarms.push(alarm);
    this.graphs.push(new cloudwatch.AlarmWidget({ title: id, alarm, width: 6, height: 5 }));
  }
}
