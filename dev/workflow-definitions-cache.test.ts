/** The workflow definitions cache: keyed by the sources and options, read without the CDK when present. X-4. */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedWorkflowDefinitions, workflowSourcesHash } from './workflow-definitions-cache.js';

describe('workflow definitions cache', () => {
  it('names an entry by the sources and the options', () => {
    const a = workflowSourcesHash({ approvalTimeoutSeconds: 600 });
    expect(workflowSourcesHash({ approvalTimeoutSeconds: 600 })).toBe(a);
    expect(workflowSourcesHash({ approvalTimeoutSeconds: 601 })).not.toBe(a);
  });

  it('reads an entry made from the same sources instead of synthesizing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'workflow-cache-'));
    const options = { approvalTimeoutSeconds: 5, signaturePollSeconds: 7 };
    const stored = { CREDIT_PRECHECK: { StartAt: 'A', States: { A: { Type: 'Succeed' } } } };
    writeFileSync(
      join(dir, `workflow-definitions-${workflowSourcesHash(options)}.json`),
      JSON.stringify(stored),
    );
    const { definitions, synthesized } = await cachedWorkflowDefinitions(dir, options);
    expect(synthesized).toBe(false);
    expect(definitions).toEqual(stored);
    expect(readdirSync(dir)).toHaveLength(1);
  });
});
