/**
 * The local host's body reading: a body over a route's limit is answered 413 and the connection
 * is not reset under the client, also when the client asks `Expect: 100-continue` first (curl
 * does for bodies over 1 MB). Requirement: X-4.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { refuseOversizedBeforeContinue } from './http-event.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((ok) => s.close(ok));
});

/** A server whose handler must never run for an oversized body (it would read it). */
async function serverWithLimit(maxBytes: number, body?: string) {
  const handled: string[] = [];
  const onRequest = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    handled.push(req.url ?? '');
    req.resume();
    req.on('end', () => res.end('handled'));
  };
  const server = createServer(onRequest);
  refuseOversizedBeforeContinue(
    server,
    (path) => (path === '/limited' ? { maxBytes, body } : undefined),
    onRequest,
  );
  servers.push(server);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { port: (server.address() as AddressInfo).port, handled };
}

/** Asks with Expect: 100-continue and sends the body only once told to continue, as curl does. */
function expectContinue(port: number, path: string, length: number) {
  return new Promise<{ status: number; continued: boolean; body: string }>((ok, fail) => {
    let continued = false;
    const req = request({
      host: '127.0.0.1',
      port,
      path,
      method: 'POST',
      headers: {
        expect: '100-continue',
        'content-length': String(length),
        'content-type': 'application/json',
      },
    });
    req.on('continue', () => {
      continued = true;
      req.end(Buffer.alloc(length, 0x20));
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => ok({ status: res.statusCode ?? 0, continued, body }));
    });
    req.on('error', fail);
  });
}

describe('Expect: 100-continue', () => {
  it('answers 413 to a Content-Length over the limit before the body is sent, without asking for it', async () => {
    const { port, handled } = await serverWithLimit(65_536);
    const answer = await expectContinue(port, '/limited', 10 * 1024 * 1024);
    expect(answer).toEqual({
      status: 413,
      continued: false,
      body: JSON.stringify({ error: 'PAYLOAD_TOO_LARGE', message: 'the body must be at most 65536 bytes' }),
    });
    expect(handled).toEqual([]);
  });

  it('answers with the route’s own refusal when it has one (GraphQL’s errors)', async () => {
    const graphql = JSON.stringify({
      errors: [{ message: 'too large', extensions: { code: 'REQUEST_TOO_LARGE' } }],
    });
    const { port } = await serverWithLimit(1024, graphql);
    expect(await expectContinue(port, '/limited', 4096)).toMatchObject({ status: 413, body: graphql });
  });

  it('lets a body within the limit, or to a route without one, continue to the handler', async () => {
    const { port, handled } = await serverWithLimit(65_536);
    expect(await expectContinue(port, '/limited', 1000)).toEqual({
      status: 200,
      continued: true,
      body: 'handled',
    });
    expect(await expectContinue(port, '/other', 100_000)).toEqual({
      status: 200,
      continued: true,
      body: 'handled',
    });
    expect(handled).toEqual(['/limited', '/other']);
  });
});
