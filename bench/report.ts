/**
 * Each benchmark owns one section of docs/benchmarks.md, between `<!-- name:start -->` and
 * `<!-- name:end -->`, so running one benchmark keeps the others' figures.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('../docs/benchmarks.md', import.meta.url);
const HEADER = '# Benchmarks\n\nEach section says the command that produced it, when, and at which commit.\n';

export function writeSection(name: string, markdown: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const current = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEADER;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? `${current.slice(0, from)}${block}${current.slice(to + end.length)}`
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(FILE, next);
}
