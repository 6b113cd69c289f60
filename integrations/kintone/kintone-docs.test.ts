import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { KINTONE_APPS } from './app-definitions.js';

it('documents every field of every kintone app in docs/integrations/kintone.md', () => {
  const doc = readFileSync(new URL('../../docs/integrations/kintone.md', import.meta.url), 'utf8');
  for (const app of KINTONE_APPS) {
    expect(doc).toContain(app.name);
    for (const field of app.fields) {
      expect(doc).toContain(`| \`${field.code}\` | ${field.type} | ${field.label} |`);
    }
  }
});

it('documents every state and action of the process management the agency must set up', () => {
  const doc = readFileSync(new URL('../../docs/integrations/kintone.md', import.meta.url), 'utf8');
  for (const app of KINTONE_APPS) {
    if (!app.process) continue;
    for (const state of app.process.states) expect(doc).toContain(`| \`${state}\` |`);
    for (const action of app.process.actions) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${action.name}\` |`));
      expect(row, action.name).toBeDefined();
      expect(row?.split('|')[2]).toContain(action.from);
      expect(row?.split('|')[3]?.trim()).toBe(action.to);
    }
  }
});
