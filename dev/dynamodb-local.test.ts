/** DynamoDB Local's lifecycle: no Java process outlives the host, even one killed with SIGKILL. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accepts, externalAddress } from '../test/support/network.js';
import { assertJavaAvailable, assertPortFree, StartupError, startDynamoDbLocal } from './dynamodb-local.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitFor(check: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('DynamoDB Local lifecycle', () => {
  it('reaps the Java process of a host that was killed with SIGKILL at the next start', async () => {
    const pidFile = join(mkdtempSync(join(tmpdir(), 'ddb-')), 'dynamodb.pid');
    const host = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/support/hold-dynamodb-local.ts', pidFile],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const [javaPid, port] = await new Promise<[number, number]>((ok, fail) => {
      let out = '';
      host.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /JAVA_PID=(\d+) PORT=(\d+)/.exec(out);
        if (match) ok([Number(match[1]), Number(match[2])]);
      });
      host.once('exit', (code) => fail(new Error(`fixture exited with ${code}`)));
    });
    host.kill('SIGKILL');
    await new Promise((r) => host.once('exit', r));
    expect(alive(javaPid)).toBe(true); // SIGKILL gives Node no chance to clean up…

    // …so the next start reaps it, and can take the same port at once.
    const next = await startDynamoDbLocal({ port, pidFile });
    try {
      expect(alive(javaPid)).toBe(false);
    } finally {
      await next.stop();
    }
    expect(existsSync(pidFile)).toBe(false);
  }, 60_000);

  // the emulator holds the whole ledger without any authentication, so it is reachable from this machine only.
  it.skipIf(!externalAddress())(
    'listens on 127.0.0.1 only, unless told otherwise',
    async () => {
      const dynamo = await startDynamoDbLocal({ port: 0 });
      try {
        expect(await accepts('127.0.0.1', dynamo.port)).toBe(true);
        expect(await accepts(externalAddress() as string, dynamo.port)).toBe(false);
      } finally {
        await dynamo.stop();
      }
      const open = await startDynamoDbLocal({ port: 0, host: '0.0.0.0' });
      try {
        expect(await accepts(externalAddress() as string, open.port)).toBe(true);
      } finally {
        await open.stop();
      }
    },
    90_000,
  );

  it('stops Java on stop()', async () => {
    const pidFile = join(mkdtempSync(join(tmpdir(), 'ddb-')), 'dynamodb.pid');
    const dynamo = await startDynamoDbLocal({ port: 0, pidFile });
    const { readFileSync } = await import('node:fs');
    const pid = Number(readFileSync(pidFile, 'utf8'));
    await dynamo.stop();
    await waitFor(() => !alive(pid));
  }, 60_000);

  it('says clearly when its port is taken', async () => {
    const { createServer } = await import('node:net');
    const server = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as { port: number }).port;
    try {
      const error = await assertPortFree(port, 'DynamoDB Local').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StartupError);
      expect((error as Error).message).toBe(
        `port ${port} for DynamoDB Local is already in use; stop what uses it or choose another port`,
      );
    } finally {
      server.close();
    }
  });

  it('says clearly when Java is missing', () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(() => assertJavaAvailable()).toThrow(/Java was not found\. DynamoDB Local needs Java 17/);
    } finally {
      process.env.PATH = path;
    }
  });
});
