/**
 * `npm run bench:bundles`: every Lambda bundle's size and cold import, next to a bare
 * graphql-yoga + Pothos handler (bench/baseline/bare-yoga.handler.ts), all built with the
 * stack's esbuild options (infra/function-bundle.ts: ESM, node22, minified, `@aws-sdk/*` left to
 * the runtime, split into the entry and the chunks it loads with `import()`).
 *
 * Per function: the whole package (entry and chunks), what its cold import loads (the entry and
 * the chunks it imports statically), the cold import (a fresh node process importing the entry),
 * and the same process going on to import every chunk — the most a first invocation can load
 * (every function's first request needs the composition chunk with the DynamoDB client). Times
 * are medians of BENCH_IMPORT_RUNS (default 7). Written to docs/benchmarks.md ("bundles").
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { functionBundleOptions } from '../infra/function-bundle.js';
import { writeSection } from './report.js';

const OUT = resolve('node_modules/.cache/bench-bundles');
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 7);

const entries = [
  { name: 'bare yoga + Pothos', entry: 'bench/baseline/bare-yoga.handler.ts' },
  ...readdirSync('functions')
    .filter((f) => f.endsWith('.handler.ts'))
    .map((f) => ({ name: f.replace('.handler.ts', ''), entry: join('functions', f) })),
];

interface Bundle {
  totalBytes: number;
  /** The entry and the chunks it imports statically: what a cold import loads. */
  atImportBytes: number;
  entry: string;
  chunks: string[];
}

async function bundle(entry: string, outdir: string): Promise<Bundle> {
  const { metafile } = await build({ ...functionBundleOptions(entry, outdir), metafile: true });
  const outputs = (metafile as Metafile).outputs;
  const abs = (file: string) => resolve(file);
  const entryFile = Object.keys(outputs).find((f) => outputs[f]?.entryPoint) as string;
  const loaded = new Set<string>();
  const visit = (file: string) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const i of outputs[file]?.imports ?? [])
      if (!i.external && i.kind === 'import-statement') visit(i.path);
  };
  visit(entryFile);
  const files = Object.keys(outputs).filter((f) => f.endsWith('.mjs'));
  const bytes = (list: Iterable<string>) => [...list].reduce((sum, f) => sum + (outputs[f]?.bytes ?? 0), 0);
  return {
    totalBytes: bytes(files),
    atImportBytes: bytes(loaded),
    entry: abs(entryFile),
    chunks: files.filter((f) => f !== entryFile).map(abs),
  };
}

/** Median ms of a fresh node importing `file`, then (when given) every chunk. */
function importMs(file: string, then: string[] = []): number {
  const times: number[] = [];
  const urls = JSON.stringify([file, ...then].map((f) => pathToFileURL(f).href));
  for (let i = 0; i < RUNS; i += 1) {
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const t = performance.now(); for (const u of ${urls}) await import(u); console.log(performance.now() - t);`,
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
  const loadBefore = loadavg()[0] as number;
  const rows: { name: string; kb: number; atImportKb: number; ms: number; allMs: number }[] = [];
  for (const { name, entry } of entries) {
    const built = await bundle(entry, join(OUT, name.replace(/[^a-z0-9-]+/gi, '_')));
    rows.push({
      name,
      kb: built.totalBytes / 1024,
      atImportKb: built.atImportBytes / 1024,
      ms: importMs(built.entry),
      allMs: importMs(built.entry, built.chunks),
    });
    console.log(rows.at(-1));
  }
  const loadAfter = loadavg()[0] as number;
  const bare = rows.find((r) => r.name.startsWith('bare')) as (typeof rows)[number];
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
  const ratio = (value: number, base: number) => `${(value / base).toFixed(2)}×`;
  const table = rows
    .map(
      (r) =>
        `| ${r.name} | ${r.kb.toFixed(0)} | ${ratio(r.kb, bare.kb)} | ${r.atImportKb.toFixed(0)} | ${ratio(r.atImportKb, bare.atImportKb)} | ${r.ms.toFixed(0)} | ${ratio(r.ms, bare.ms)} | ${r.allMs.toFixed(0)} | ${ratio(r.allMs, bare.allMs)} |`,
    )
    .join('\n');
  writeSection(
    'bundles',
    `## Lambda bundles: size and cold import

Produced by \`npm run bench:bundles\` (\`bench/bundles.ts\`) on ${new Date().toISOString().slice(0, 10)}, commit \`${commit}\`,
Node ${process.version}, 2 cores shared with other engineers' work: load average (1 min) ${loadBefore.toFixed(1)} at the
start, ${loadAfter.toFixed(1)} at the end. Each bundle is built with the stack's esbuild options
(\`infra/function-bundle.ts\`: ESM, node22, minified, \`@aws-sdk/*\` provided by the runtime, split into
the entry and the chunks it loads with \`import()\`). *Package*: every file deployed (no source maps);
*at import*: the entry and the chunks it imports statically. *Cold import*: a fresh \`node\` importing the
entry; *+ every chunk*: the same process then importing every chunk (the most a first invocation can
load, the AWS SDK packages the chunks import included). Medians of ${RUNS}. The goal is each function
within 1.3× of the bare handler.

| function | package KB | × bare | at import KB | × bare | cold import ms | × bare | + every chunk ms | × bare |
|---|---|---|---|---|---|---|---|---|
${table}`,
  );
}

await main();
