/**
 * `npm run bench:startup`: how long `npm start` takes until every component printed `ready`, and
 * how much memory it holds then — the hub's node process and DynamoDB Local's JVM apart. Runs
 * twice on a fresh data folder: the first start (workflow definitions synthesized and cached),
 * then a start with the cache in place. Ports: BENCH_PORT_BASE (default 4500) … +4.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { rssMb, startLocalHost } from './local-host.js';

export interface StartupRun {
  readyMs: number;
  /** Resident memory of the hub's node process at ready, MB. */
  hubRssMb: number;
  /** Resident memory of DynamoDB Local's JVM at ready, MB (0 when none was found). */
  dynamoRssMb: number;
}

/** Every process below `root`, with its command line. */
function descendants(root: number): { pid: number; cmd: string }[] {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8').replaceAll('\0', ' ');
        return [{ pid: Number(d), ppid, cmd }];
      } catch {
        return [];
      }
    });
  const found: { pid: number; cmd: string }[] = [];
  const walk = (pid: number) => {
    for (const p of all.filter((q) => q.ppid === pid)) {
      found.push(p);
      walk(p.pid);
    }
  };
  walk(root);
  return found;
}

/** One `npm start` (as `tsx dev/start.ts`, what the script runs) until ready, then stopped. */
export async function measureStart(dataDir: string, portBase: number): Promise<StartupRun> {
  const host = await startLocalHost(dataDir, portBase);
  try {
    const java = descendants(host.child.pid as number).find((p) => p.cmd.includes('java'));
    return {
      readyMs: host.readyMs,
      hubRssMb: rssMb(host.child.pid as number),
      dynamoRssMb: java ? rssMb(java.pid) : 0,
    };
  } finally {
    await host.stop();
  }
}

export interface StartupResult {
  first: StartupRun;
  cached: StartupRun;
  /** The machine's 1-minute load average before and after the two starts. */
  load: [number, number];
}

export async function measureStartup(portBase: number): Promise<StartupResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-startup-'));
  try {
    const before = loadavg()[0] ?? 0;
    const first = await measureStart(dataDir, portBase);
    const cached = await measureStart(dataDir, portBase);
    return { first, cached, load: [before, loadavg()[0] ?? 0] };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The docs/benchmarks.md section for one run. */
export function startupSection(result: StartupResult, commit: string): string {
  const row = (what: string, r: StartupRun) =>
    `| ${what} | ${(r.readyMs / 1000).toFixed(1)} | ${r.hubRssMb} | ${r.dynamoRssMb} |`;
  return `## \`npm start\`: time to ready and memory

Produced by \`npm run bench:startup\` (\`bench/startup.ts\`) on ${new Date().toISOString().slice(0, 10)}, commit \`${commit}\`,
Node ${process.version}, a fresh data folder (the staff console is built first when stale). The first start
synthesizes the workflow definitions (what every start did before the cache); the second finds
them cached (infra/ unchanged). RSS at ready: the hub's node process, and DynamoDB Local's JVM
apart. ${cpus().length} cores, load average ${result.load[0].toFixed(1)} before the first start and ${result.load[1].toFixed(1)} after the second
(above 2 the machine was busy with other work and the times are inflated). Goals: ready in under
8 s, hub under 300 MB.

| start | ready s | hub RSS MB | DynamoDB Local RSS MB |
|---|---|---|---|
${row('first (synthesizes the workflows)', result.first)}
${row('next (definitions cached)', result.cached)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measureStartup(Number(process.env.BENCH_PORT_BASE ?? 4500));
  console.log(JSON.stringify(result, null, 2));
  const { execFileSync } = await import('node:child_process');
  const { writeSection } = await import('./report.js');
  writeSection(
    'startup',
    startupSection(result, execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim()),
  );
}
