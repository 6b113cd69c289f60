/**
 * `npm start`: the whole hub on this machine, no credentials. One line per component when
 * ready; a clear message (not a stack trace) when it cannot start; Java never left behind.
 */
import { createLogger } from '../functions/shared/logger.js';
import { ensureConsoleBuilt } from './console-build.js';
import { StartupError } from './dynamodb-local.js';
import { localConfig } from './local-config.js';
import { type LocalHub, startLocalHub } from './local-hub.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.POWERTOOLS_DEV ??= 'true';

async function main() {
  const config = localConfig(process.env);
  const logger = createLogger('dispatch-hub-local');
  let hub: LocalHub | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await hub?.stop().catch(() => undefined);
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
  process.on('uncaughtException', (error) => {
    console.error(`Unexpected failure: ${error.message}`);
    void stop(1);
  });

  await ensureConsoleBuilt((line) => console.log(line));
  hub = await startLocalHub(config, logger, process.env);
  const width = Math.max(...hub.components.map((c) => c.name.length));
  for (const c of hub.components) console.log(`ready  ${c.name.padEnd(width)}  ${c.url}`);
  console.log(`Press Ctrl-C to stop. Data is kept under ${config.DATA_DIR}.`);
}

main().catch((error: unknown) => {
  const message = error instanceof StartupError || error instanceof Error ? error.message : String(error);
  console.error(`Cannot start the hub: ${message}`);
  process.exit(1);
});
