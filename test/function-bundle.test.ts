/**
 * The Lambda bundles as the stack builds them (infra/function-bundle.ts): a function's cold
 * import loads no AWS SDK package (they are in the chunks its composition loads at the first
 * invocation), and the HTTP clients bundled without `form-data` (infra/bundle-aliases) still do
 * what the hub asks of them: every kintone call the hub makes, and a GMO Sign send with its PDF,
 * against the sandboxes over HTTP. In a stack, each
 * function gets the bundle of its own entry.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../core/kintone/order.js';
import FormDataNotBundled from '../infra/bundle-aliases/form-data.js';
import { functionBundleOptions, HubFunction } from '../infra/function-bundle.js';
import type { GmoSignSignatureService } from '../integrations/gmosign/gmosign.adapter.js';
import { type GmoSignSandbox, startGmoSignSandbox } from '../integrations/gmosign/gmosign.sandbox.js';
import { type KintoneSandbox, startKintoneSandbox } from '../integrations/kintone/kintone.sandbox.js';
import type { sandboxKintoneApps } from './support/kintone.js';
import { envelopeToSend, samplePdf } from './support/signing.js';

const out = mkdtempSync(join(tmpdir(), 'function-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function bundle(entry: string, name: string): Promise<{ dir: string; metafile: Metafile }> {
  const dir = join(out, name);
  const { metafile } = await build({ ...functionBundleOptions(entry, dir), metafile: true });
  return { dir, metafile: metafile as Metafile };
}

/** The external packages the entry and its statically imported chunks import (what a cold import loads). */
function importedAtColdStart(metafile: Metafile): string[] {
  const entry = Object.keys(metafile.outputs).find((f) => metafile.outputs[f]?.entryPoint) as string;
  const seen = new Set<string>();
  const externals = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of metafile.outputs[file]?.imports ?? []) {
      if (i.kind !== 'import-statement') continue;
      if (i.external) externals.add(i.path);
      else visit(i.path);
    }
  };
  visit(entry);
  return [...externals].filter((p) => !p.startsWith('node:'));
}

describe('every function bundle', () => {
  const handlers = readdirSync('functions').filter((f) => f.endsWith('.handler.ts'));

  it.each(handlers)('%s loads no AWS SDK package at its cold import; its chunks do', async (file) => {
    const { metafile } = await bundle(join('functions', file), file.replace('.handler.ts', ''));
    expect(importedAtColdStart(metafile)).toEqual([]);
    const everywhere = Object.values(metafile.outputs).flatMap((o) =>
      o.imports.filter((i) => i.external).map((i) => i.path),
    );
    // Every function reads the ledger: the DynamoDB client is there, in a chunk.
    expect(everywhere).toContain('@aws-sdk/client-dynamodb');
    // Nothing of form-data / mime-db is bundled (the kintone client's multipart support).
    const inputs = Object.keys(metafile.inputs);
    expect(inputs.filter((i) => /node_modules\/(form-data|mime-db|mime-types)\//.test(i))).toEqual([]);
  });
});

describe('the kintone client bundled without form-data', () => {
  let sandbox: KintoneSandbox;
  let apps: ReturnType<typeof sandboxKintoneApps>;

  beforeAll(async () => {
    sandbox = await startKintoneSandbox({ now: () => new Date('2026-11-30T01:00:00Z'), cursorTtlMs: 60_000 });
    const { dir } = await bundle('test/support/kintone.ts', 'kintone');
    const bundled = (await import(pathToFileURL(join(dir, 'index.mjs')).href)) as {
      sandboxKintoneApps: typeof sandboxKintoneApps;
    };
    apps = bundled.sandboxKintoneApps(sandbox);
  });
  afterAll(() => sandbox?.stop());

  const order = (n: number, overrides: Partial<OrderRecord> = {}): OrderRecord => ({
    hubId: `ord_bundle_${n}`,
    clientId: 'cli_1',
    clientName: '株式会社バンドル',
    status: 'INQUIRY',
    channel: 'PHONE',
    department: 'SALES_TOKYO',
    ...overrides,
  });

  it('creates, reads, updates (status by process action), lists, counts and bulk-upserts', async () => {
    const { orders } = apps;
    const created = await orders.create(order(1, { summary: '倉庫内軽作業 5名' }));
    expect(await orders.get(created.recordId)).toMatchObject({
      revision: 1,
      fields: { hubId: 'ord_bundle_1' },
    });
    const updated = await orders.update(created.recordId, { status: 'RECEIVED', summary: '6名' }, 1);
    expect(updated.revision).toBeGreaterThan(1);
    expect(await orders.get(created.recordId)).toMatchObject({
      fields: { status: 'RECEIVED', summary: '6名' },
    });
    expect(await orders.upsert(order(1, { summary: '7名', status: 'RECEIVED' }))).toMatchObject({
      recordId: created.recordId,
    });
    const many = Array.from({ length: 120 }, (_, i) =>
      order(100 + i, { status: i % 2 ? 'RECEIVED' : 'INQUIRY' }),
    );
    expect(await orders.upsertAll(many)).toEqual({ processed: 120 });
    expect(await orders.countRecords()).toBe(121);
    const page = await orders.listPage({ order: 'ID', afterRecordId: 0, limit: 500 });
    expect(page).toHaveLength(121);
    expect(page.find((r) => r.fields.hubId === 'ord_bundle_101')?.fields.status).toBe('RECEIVED');
  });

  it('the stand-in for form-data refuses to build a multipart body', () => {
    expect(() => new FormDataNotBundled()).toThrow(/multipart bodies are not bundled/);
  });
});

describe('the GMO Sign client bundled without form-data', () => {
  let sandbox: GmoSignSandbox;
  beforeAll(async () => {
    sandbox = await startGmoSignSandbox({
      callbackDelayMs: 10,
      stateFile: join(out, 'gmosign.json'),
      recordExchanges: true,
    });
  });
  afterAll(() => sandbox?.stop());

  it('registers a PDF and sends the envelope (JSON bodies through axios)', async () => {
    const { dir } = await bundle('integrations/gmosign/gmosign.adapter.ts', 'gmosign');
    const { GmoSignSignatureService: Bundled } = (await import(
      pathToFileURL(join(dir, 'index.mjs')).href
    )) as {
      GmoSignSignatureService: typeof GmoSignSignatureService;
    };
    const gmo = new Bundled({
      baseUrl: sandbox.apiUrl,
      customerId: sandbox.customerId,
      secretKey: sandbox.secretKey,
      timeoutMs: 2000,
      retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 },
    });
    const sent = await gmo.send(envelopeToSend('BASIC-bundle-1'));
    expect(sandbox.registered.get('BASIC-bundle-1')?.base64).toBe(samplePdf.toString('base64'));
    expect(sandbox.envelopes.get(sent.envelopeId)).toMatchObject({ envelope_name: 'BASIC-bundle-1' });
  });
});

describe('HubFunction in a stack', () => {
  it('bundles each entry into an asset of its own, with index.mjs and its chunks', () => {
    const outdir = join(out, 'cdk');
    const app = new App({ outdir, context: { 'aws:cdk:enable-asset-metadata': true } });
    const stack = new Stack(app, 'Bundles');
    for (const [id, entry] of [
      ['Inquiry', 'functions/inquiry-webhook.handler.ts'],
      ['Tasks', 'functions/workflow-tasks.handler.ts'],
    ] as const)
      new HubFunction(stack, id, { entry, runtime: lambda.Runtime.NODEJS_22_X });
    const functions = Object.values(
      Template.fromStack(stack).findResources('AWS::Lambda::Function') as Record<
        string,
        { Metadata: Record<string, string>; Properties: { Handler: string } }
      >,
    );
    const assets = functions.map((f) => f.Metadata['aws:asset:path'] as string);
    expect(new Set(assets).size).toBe(2);
    expect(functions.map((f) => f.Properties.Handler)).toEqual(['index.handler', 'index.handler']);
    for (const asset of assets) {
      const files = readdirSync(join(outdir, asset));
      expect(files).toContain('index.mjs');
      expect(files).toContain('chunks');
    }
    // Two esbuild runs and a synth, on a shared machine.
  }, 180_000);
});
