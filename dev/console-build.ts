/**
 * `npm start` builds the staff console when web/dist is missing or older than its sources (web/ or
 * schema.graphql), so a fresh clone serves it at / without a separate step.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const WEB = join(ROOT, 'web');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** True when web/dist/index.html is missing or older than a source of the console. */
export function consoleIsStale(): boolean {
  const built = join(WEB, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(
    newest(WEB),
    statSync(join(ROOT, 'schema.graphql')).mtimeMs,
    statSync(join(ROOT, 'package-lock.json')).mtimeMs,
  );
  return statSync(built).mtimeMs < sources;
}

/** Builds the console with Vite (a dev dependency, so `npm ci` has it). */
export async function buildConsole(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
}

export async function ensureConsoleBuilt(log: (line: string) => void): Promise<void> {
  if (!consoleIsStale()) return;
  log('building the staff console (web/) …');
  await buildConsole();
}
