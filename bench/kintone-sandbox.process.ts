/**
 * The kintone sandbox in a process of its own for the sync benchmark, so the hub process's
 * memory is measured without the 50,000 records the "kintone" side holds. Prints its URL.
 */
import { startKintoneSandbox } from '../integrations/kintone/kintone.sandbox.js';

const sandbox = await startKintoneSandbox({ port: Number(process.env.PORT ?? 0) });
console.log(JSON.stringify({ url: sandbox.url, tokens: sandbox.tokens }));
process.on('SIGTERM', () => void sandbox.stop().then(() => process.exit(0)));
