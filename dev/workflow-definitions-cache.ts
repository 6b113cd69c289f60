/**
 * The synthesized workflow definitions (./workflow-definitions.ts), kept under the data folder by
 * a hash of what they are made from: the CDK app's sources (infra/), the synthesizer, the workflow
 * names, the locked package versions and the options. A start whose sources did not change reads
 * the JSON and never loads the CDK (synthesizing takes seconds and hundreds of MB); any change to
 * those files synthesizes again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkflowName } from '../core/workflows/workflow-engine.js';
import type { StateMachineDefinition } from '../integrations/stepfunctions/local-workflow-engine.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** What the definitions are made from (folders are read whole). */
const SOURCES = [
  'infra',
  'dev/workflow-definitions.ts',
  'core/workflows/workflow-engine.ts',
  'package-lock.json',
  'cdk.json',
];

type Options = {
  approvalTimeoutSeconds?: number;
  signaturePollSeconds?: number;
  signatureWaitSeconds?: number;
};

function filesOf(path: string): string[] {
  const full = join(ROOT, path);
  try {
    return readdirSync(full, { withFileTypes: true })
      .flatMap((entry) => filesOf(join(path, entry.name)))
      .sort();
  } catch {
    return [path]; // a file
  }
}

/** The hash of the sources and options: the cache entry's name. */
export function workflowSourcesHash(options: Options): string {
  const hash = createHash('sha256').update(JSON.stringify(options));
  for (const file of SOURCES.flatMap(filesOf)) {
    hash.update(`\0${relative(ROOT, join(ROOT, file))}\0`);
    hash.update(readFileSync(join(ROOT, file)));
  }
  return hash.digest('hex').slice(0, 32);
}

/** The cache entry of `options` in `cacheDir` (made from the current sources). */
export const workflowCacheEntry = (cacheDir: string, options: Options) =>
  join(cacheDir, `workflow-definitions-${workflowSourcesHash(options)}.json`);

/** The definitions for `options`, from `cacheDir` when the sources are unchanged, else synthesized and kept there. */
export async function cachedWorkflowDefinitions(
  cacheDir: string,
  options: Options,
): Promise<{ definitions: Record<WorkflowName, StateMachineDefinition>; synthesized: boolean }> {
  const file = workflowCacheEntry(cacheDir, options);
  try {
    return { definitions: JSON.parse(readFileSync(file, 'utf8')), synthesized: false };
  } catch {
    // Not there yet (or unreadable): synthesize.
  }
  const { synthesizeWorkflowDefinitions } = await import('./workflow-definitions.js');
  const definitions = synthesizeWorkflowDefinitions(options);
  mkdirSync(cacheDir, { recursive: true });
  // Entries of older sources go; the new one is written whole, then renamed into place.
  for (const old of readdirSync(cacheDir).filter((f) => f.startsWith('workflow-definitions-')))
    rmSync(join(cacheDir, old), { force: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(definitions));
  renameSync(`${file}.tmp`, file);
  return { definitions, synthesized: true };
}
