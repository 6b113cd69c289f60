/**
 * The state machine definitions exactly as `cdk synth` produces them: the CDK app is built
 * (bundling, cdk-nag and the template validation skipped: none of them changes a definition) and
 * each state machine's DefinitionString is taken from the synthesized template, its CloudFormation
 * references replaced by placeholder ARNs. The local engine and the tests run these, so what is
 * tested is what deploys.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { WORKFLOWS, type WorkflowName } from '../core/workflows/workflow-engine.js';
import { buildApp } from '../infra/app.js';
import { EXAMPLE_CONFIG_FILE } from '../infra/config.js';
import type { StateMachineDefinition } from '../integrations/stepfunctions/local-workflow-engine.js';

process.env.CDK_DISABLE_CLI_TELEMETRY ??= 'true';

type CfnValue = string | { 'Fn::GetAtt'?: [string, string]; Ref?: string };

const PSEUDO_PARAMETERS: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': 'ap-northeast-1',
  'AWS::AccountId': '000000000000',
  'AWS::URLSuffix': 'amazonaws.com',
};

/** A DefinitionString: a plain string, or Fn::Join of strings and references. */
function resolveDefinition(value: unknown): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, CfnValue[]] })['Fn::Join'];
  if (!join) throw new Error(`unexpected DefinitionString: ${JSON.stringify(value).slice(0, 200)}`);
  return join[1]
    .map((part) => {
      if (typeof part === 'string') return part;
      if (part.Ref && PSEUDO_PARAMETERS[part.Ref]) return PSEUDO_PARAMETERS[part.Ref];
      const logicalId = part['Fn::GetAtt']?.[0] ?? part.Ref ?? 'Unknown';
      return `arn:aws:lambda:ap-northeast-1:000000000000:function:${logicalId}`;
    })
    .join(join[0]);
}

export function synthesizeWorkflowDefinitions(
  options: {
    approvalTimeoutSeconds?: number;
    signaturePollSeconds?: number;
    signatureWaitSeconds?: number;
  } = {},
): Record<WorkflowName, StateMachineDefinition> {
  const outdir = mkdtempSync(join(tmpdir(), 'hub-workflows-'));
  try {
    const app = new App({
      outdir,
      // Only the definitions are read here: CloudFormation's template validation (most of a synth's
      // time, its findings warnings) runs on every `npm run synth` and in the infra tests instead.
      builtinCloudFormationValidation: false,
      context: {
        'aws:cdk:bundling-stacks': [],
        config: EXAMPLE_CONFIG_FILE,
        ...(options.signatureWaitSeconds ? { signatureWaitSeconds: options.signatureWaitSeconds } : {}),
        ...(options.approvalTimeoutSeconds ? { approvalTimeoutSeconds: options.approvalTimeoutSeconds } : {}),
        ...(options.signaturePollSeconds ? { signaturePollSeconds: options.signaturePollSeconds } : {}),
      },
    });
    const { stateless } = buildApp(app, { checks: false });
    const template = app.synth().getStackByName(stateless.stackName).template as {
      Resources: Record<string, { Type: string; Properties?: { DefinitionString?: unknown } }>;
    };
    const found: Partial<Record<WorkflowName, StateMachineDefinition>> = {};
    for (const resource of Object.values(template.Resources)) {
      if (resource.Type !== 'AWS::StepFunctions::StateMachine') continue;
      const definition = JSON.parse(
        resolveDefinition(resource.Properties?.DefinitionString),
      ) as StateMachineDefinition & {
        Comment?: string;
        TimeoutSeconds?: number;
      };
      // The overall timeout (90 days) is Step Functions' own: Node's timers hold at most 24.8 days,
      // and the local engine's would fire at once. Locally, executions are re-run on every start.
      delete definition.TimeoutSeconds;
      const name = WORKFLOWS.find((w) => w === definition.Comment);
      if (name) found[name] = definition;
    }
    for (const name of WORKFLOWS) {
      if (!found[name]) throw new Error(`the CDK app defines no state machine for ${name}`);
    }
    return found as Record<WorkflowName, StateMachineDefinition>;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
