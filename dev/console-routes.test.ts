/** The local host serves the built console with SPA fallback, never a file outside it, and 404s a missing asset. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveConsole } from './console-routes.js';

let server: Server;
let base: string;

beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'console-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(dist, 'assets', 'app-1.js'), 'console.log(1)');
  writeFileSync(join(dist, '..', 'secret.txt'), 'outside');
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (!serveConsole(req, res, path, dist)) {
      res.writeHead(404);
      res.end('not the console');
    }
  });
  await new Promise<void>((ok) => server.listen(0, ok));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((ok) => server.close(ok)));

describe('the console on the local host', () => {
  it('serves index.html at / and for the console’s own routes, with security headers', async () => {
    for (const path of ['/', '/clients/c-1', '/approvals']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>console</title>');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('serves hashed assets as immutable and answers 404 for a missing file', async () => {
    const asset = await fetch(`${base}/assets/app-1.js`);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/console-config.json`)).status).toBe(404);
  });

  it('never serves a file outside the build', async () => {
    const response = await fetch(`${base}/..%2Fsecret.txt`);
    expect(await response.text()).not.toContain('outside');
  });

  it('never answers an API path with index.html, as CloudFront does not on AWS', async () => {
    for (const path of ['/graphql/x', '/webhooks/nope', '/webhooks/inquiry/x', '/dev/nope', '/dev']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toBe('not the console');
    }
    // A console route that only begins like one is still the app.
    expect((await fetch(`${base}/developers`)).status).toBe(200);
  });

  it('leaves other methods to the hub', async () => {
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(404);
  });
});
