/**
 * `npm run send-inquiry -- [file.json]`: signs a website-form submission as the website does
 * and posts it to the local hub. Without a file it sends dev/samples/inquiry.json; a missing
 * `submissionId` gets a fresh one (give one to try a duplicate delivery).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { signWebhook } from '../functions/shared/webhook-signature.js';
import { DEV_WEBHOOK_SECRET } from './local-config.js';

const file = process.argv[2] ?? new URL('./samples/inquiry.json', import.meta.url).pathname;
const url =
  process.env.INQUIRY_WEBHOOK_URL ?? `http://localhost:${process.env.PORT ?? 4000}/webhooks/inquiry`;
const secret = process.env.INQUIRY_WEBHOOK_SECRET ?? DEV_WEBHOOK_SECRET;

async function main() {
  const form = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  form.submissionId ??= `web-${randomUUID()}`;
  const body = JSON.stringify(form);
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-signature-timestamp': String(timestamp),
      'x-signature': signWebhook(secret, timestamp, body),
    },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  console.log(`${response.status} ${response.statusText}`);
  console.log(JSON.stringify(await response.json(), null, 2));
  if (!response.ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`Could not send the inquiry to ${url}: ${error instanceof Error ? error.message : error}`);
  console.error('Is the hub running (npm start)?');
  process.exit(1);
});
