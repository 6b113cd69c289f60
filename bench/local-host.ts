/**
 * The local host (`npm start`, as `tsx dev/start.ts`) in a process of its own for the
 * benchmarks: started on the given ports and data folder, resolved once it printed that every
 * component is ready, stopped with Ctrl-C (then killed if it does not stop).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface LocalHostProcess {
  child: ChildProcess;
  url: string;
  /** DynamoDB Local's endpoint, for reading the ledger afterwards. */
  dynamoEndpoint: string;
  readyMs: number;
  stop(): Promise<void>;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  child.kill('SIGINT');
  await Promise.race([exited, new Promise((ok) => setTimeout(ok, 15_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** Ports: `portBase` the hub, +1 DynamoDB Local, +2 … +4 the kintone, G-Staff and GMO Sign sandboxes. */
export async function startLocalHost(
  dataDir: string,
  portBase: number,
  env: Record<string, string> = {},
): Promise<LocalHostProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'dev/start.ts'], {
    env: {
      ...process.env,
      PORT: String(portBase),
      DYNAMODB_PORT: String(portBase + 1),
      KINTONE_SANDBOX_PORT: String(portBase + 2),
      GSTAFF_SANDBOX_PORT: String(portBase + 3),
      GMOSIGN_SANDBOX_PORT: String(portBase + 4),
      DATA_DIR: dataDir,
      POWERTOOLS_LOG_LEVEL: 'WARN',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  try {
    const readyMs = await new Promise<number>((ok, fail) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Press Ctrl-C to stop')) ok(performance.now() - started);
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.once('exit', (code) => fail(new Error(`npm start exited (${code}) before ready:\n${output}`)));
    });
    // Ready: stop collecting what it prints (a long run would hold it all).
    child.stdout?.removeAllListeners('data');
    child.stderr?.removeAllListeners('data');
    child.stdout?.resume();
    child.stderr?.resume();
    return {
      child,
      url: `http://127.0.0.1:${portBase}`,
      dynamoEndpoint: `http://127.0.0.1:${portBase + 1}`,
      readyMs,
      stop: () => stop(child),
    };
  } catch (error) {
    await stop(child);
    throw error;
  }
}

/** Resident memory of a process, MB (0 when it is gone). */
export const rssMb = (pid: number): number => {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return line ? Math.round(Number(line[1]) / 1024) : 0;
  } catch {
    return 0;
  }
};
