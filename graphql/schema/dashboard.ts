/** The dashboard's aggregates (computed in core/dashboard): pipeline, overdue deadlines, approval lead times. X-2. */
import type { Actor } from '../../core/access.js';
import { type SalesDashboard, salesDashboard } from '../../core/dashboard/sales-dashboard.js';
import { builder } from '../builder.js';
import { ApplicationTypeEnum } from './applications.js';
import { ClientStageEnum } from './enums.js';

const DeadlineTypeEnum = builder.enumType('DeadlineType', {
  description:
    'FIRST_CONTACT 一次対応 (A1-2), VISIT_RECORD 訪問記録 (A3-6), CONTRACT_EXECUTION 06_2 締結 (A4-5).',
  values: ['FIRST_CONTACT', 'VISIT_RECORD', 'CONTRACT_EXECUTION'] as const,
});

type Row<K extends keyof SalesDashboard> = SalesDashboard[K] extends (infer R)[] ? R : never;

const StageCount = builder.objectRef<Row<'pipeline'>>('StageCount').implement({
  fields: (t) => ({ stage: t.expose('stage', { type: ClientStageEnum }), clients: t.exposeInt('clients') }),
});
const OverdueCount = builder.objectRef<Row<'overdue'>>('OverdueCount').implement({
  fields: (t) => ({
    deadline: t.expose('deadline', { type: DeadlineTypeEnum }),
    department: t.exposeString('department', {
      description: 'A sales department, or UNROUTED for web inquiries not routed yet.',
    }),
    count: t.exposeInt('count'),
  }),
});
const LeadTime = builder.objectRef<Row<'approvalLeadTimes'>>('ApprovalLeadTime').implement({
  fields: (t) => ({
    type: t.expose('type', { type: ApplicationTypeEnum }),
    decided: t.exposeInt('decided'),
    medianHours: t.exposeFloat('medianHours'),
    maxHours: t.exposeFloat('maxHours'),
  }),
});
const Dashboard = builder.objectRef<SalesDashboard>('SalesDashboard').implement({
  description: 'What the agency would rather look at than read, within what the signed-in person may see.',
  fields: (t) => ({
    computedAt: t.expose('computedAt', { type: 'DateTime' }),
    clientsCounted: t.exposeInt('clientsCounted'),
    truncated: t.exposeBoolean('truncated', {
      description: 'More clients than the dashboard reads (2000): the figures cover the first ones.',
    }),
    pipeline: t.field({ type: [StageCount], resolve: (d) => d.pipeline }),
    overdue: t.field({ type: [OverdueCount], resolve: (d) => d.overdue }),
    approvalLeadTimes: t.field({ type: [LeadTime], resolve: (d) => d.approvalLeadTimes }),
  }),
});

builder.queryField('salesDashboard', (t) =>
  t.field({
    type: Dashboard,
    description:
      'The pipeline by stage, overdue deadlines by type and department, approval lead times (X-2).',
    authScopes: { permission: 'client.read' },
    resolve: (_root, _args, ctx) => salesDashboard(ctx.deps, ctx.actor as Actor),
  }),
);
