/**
 * Test fixture: the local host (`startLocalHub`, what `npm start` runs, without building the
 * console), configured by the environment, in a process of its own that the SIGKILL suite kills
 * and starts again on the same data folder. Prints `READY <url>` once it answers.
 */

import { localConfig } from '../../dev/local-config.js';
import { startLocalHub } from '../../dev/local-hub.js';
import { createLogger } from '../../functions/shared/logger.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const hub = await startLocalHub(localConfig(process.env), createLogger('killable-host'), process.env);
console.log(`READY ${hub.url}`);
