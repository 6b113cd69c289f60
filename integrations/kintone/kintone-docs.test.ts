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
