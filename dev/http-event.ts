/** Turns a Node HTTP request into the API Gateway (HTTP API, payload 2.0) event a Lambda handler receives. */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * Reads at most `limit + 1` bytes, so an oversized body is detected without buffering all of it.
 * The rest of an oversized body is drained, not destroyed: the connection stays up for the
 * answer (413), and `Connection: close` on that answer ends it.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      ok(Buffer.concat(chunks).subarray(0, limit + 1));
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return; // draining what follows an oversized body
      chunks.push(chunk);
      size += chunk.length;
      if (size > limit) finish();
    });
    req.once('end', finish);
    req.once('error', (error) => (done ? undefined : fail(error)));
  });
}

/** A route's body limit, and its own answer to a body over it (the default: `PAYLOAD_TOO_LARGE`). */
export type BodyLimit = { maxBytes: number; body?: string | undefined };

/**
 * `Expect: 100-continue` (curl asks it for bodies over 1 MB): a Content-Length over the route's
 * limit is answered 413 at once and the body is never asked for. Saying "100 Continue" and
 * refusing afterwards races the upload: the connection closes while the client still sends, and
 * the client may see a reset instead of the 413. Other requests go on to `onRequest`.
 */
export function refuseOversizedBeforeContinue(
  server: Server,
  limitOf: (path: string) => BodyLimit | undefined,
  onRequest: (req: IncomingMessage, res: ServerResponse) => void,
): void {
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    const limit = limitOf(new URL(req.url ?? '/', 'http://localhost').pathname);
    const length = Number(req.headers['content-length']);
    if (limit && req.method === 'POST' && length > limit.maxBytes) {
      res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
      res.end(
        limit.body ??
          JSON.stringify({
            error: 'PAYLOAD_TOO_LARGE',
            message: `the body must be at most ${limit.maxBytes} bytes`,
          }),
      );
      return;
    }
    res.writeContinue();
    onRequest(req, res);
  });
}

/** Loopback peers: the only ones the dev-only routes answer. */
export function fromLoopback(req: IncomingMessage): boolean {
  const address = req.socket?.remoteAddress ?? '';
  return /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(address) || address === '::1';
}

export function toApiGatewayEvent(req: IncomingMessage, body: Buffer): APIGatewayProxyEventV2 {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const now = new Date();
  return {
    version: '2.0',
    routeKey: `${req.method} ${url.pathname}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: req.socket?.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: `local-${now.getTime()}`,
      routeKey: `${req.method} ${url.pathname}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: body.toString('base64'),
    isBase64Encoded: true,
  };
}

export function sendResult(res: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  const status = result.statusCode ?? 200;
  // After a 413 the rest of the body is not read: the connection closes once the answer is out.
  res.writeHead(status, {
    ...(result.headers as Record<string, string>),
    ...(status === 413 ? { connection: 'close' } : {}),
  });
  res.end(result.body ?? '');
}
