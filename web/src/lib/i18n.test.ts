/**
 * The console's words are complete in both languages: every message and every enum label has a
 * Japanese and an English text, the same placeholders in each, no Japanese left in English, and
 * every value of the schema's enums that the console labels. The language choice is the only thing
 * the console keeps in the browser.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  ENUM_LABELS,
  LANGUAGE_STORAGE_KEY,
  MESSAGES,
  storedLanguage,
  storeLanguage,
  translator,
} from './i18n.js';

const schema = buildSchema(
  readFileSync(resolve(import.meta.dirname, '..', '..', '..', 'schema.graphql'), 'utf8'),
);
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60]/;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the label tables', () => {
  it('give every message in both languages, with the same placeholders', () => {
    const { ja, en } = MESSAGES;
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
    for (const [key, text] of Object.entries(ja)) {
      const english = en[key as keyof typeof en];
      expect(text.trim(), key).not.toBe('');
      expect(english.trim(), key).not.toBe('');
      expect(placeholders(english), key).toEqual(placeholders(text));
    }
  });

  it('give every enum value in both languages', () => {
    const { ja, en } = ENUM_LABELS;
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
    for (const [name, labels] of Object.entries(ja)) {
      const english = en[name as keyof typeof en] as Record<string, string>;
      expect(Object.keys(english).sort(), name).toEqual(Object.keys(labels).sort());
      for (const [value, text] of Object.entries(labels as Record<string, string>)) {
        expect(text.trim(), `${name}.${value}`).not.toBe('');
        expect(english[value]?.trim(), `${name}.${value}`).not.toBe('');
      }
    }
  });

  it('leave no Japanese in English (but the switch back to 日本語)', () => {
    const english = [
      ...Object.entries(MESSAGES.en).filter(([key]) => key !== 'language'),
      ...Object.entries(ENUM_LABELS.en).flatMap(([name, labels]) =>
        Object.entries(labels as Record<string, string>).map(([value, text]) => [`${name}.${value}`, text]),
      ),
    ];
    expect(english.filter(([, text]) => JAPANESE.test(text as string))).toEqual([]);
    expect(MESSAGES.en.language).toBe('日本語');
    expect(MESSAGES.ja.language).toBe('English');
  });

  it('label every value of each schema enum the console shows', () => {
    const checked: string[] = [];
    for (const name of Object.keys(ENUM_LABELS.ja)) {
      const type = schema.getType(name);
      if (!(type instanceof GraphQLEnumType)) continue;
      checked.push(name);
      const values = type
        .getValues()
        .map((v) => v.name)
        .sort();
      expect(Object.keys(ENUM_LABELS.ja[name as keyof typeof ENUM_LABELS.ja]).sort(), name).toEqual(values);
    }
    expect(checked).toEqual(expect.arrayContaining(['ClientStage', 'Role', 'Industry', 'DeadlineType']));
  });

  it('name a person with role and department in either language', () => {
    expect(translator('ja').person('高橋 美咲', 'SALES', 'SALES_TOKYO')).toBe(
      '高橋 美咲（営業・東京営業部）',
    );
    expect(translator('en').person('高橋 美咲', 'SALES', 'SALES_TOKYO')).toBe(
      '高橋 美咲 (Sales, Sales Tokyo)',
    );
    expect(translator('en').person('加藤 修', 'ADMIN')).toBe('加藤 修 (Admin)');
  });
});

describe('the language preference', () => {
  const storage = () => {
    const items = new Map<string, string>();
    return {
      items,
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
    };
  };

  it('is Japanese until English is chosen, and kept under one key only', () => {
    const s = storage();
    expect(storedLanguage(s)).toBe('ja');
    storeLanguage(s, 'en');
    expect(storedLanguage(s)).toBe('en');
    expect([...s.items]).toEqual([[LANGUAGE_STORAGE_KEY, 'en']]);
    storeLanguage(s, 'ja');
    expect(storedLanguage(s)).toBe('ja');
  });

  it('falls back to Japanese on anything else, and survives a browser that refuses storage', () => {
    const s = storage();
    s.items.set(LANGUAGE_STORAGE_KEY, 'fr');
    expect(storedLanguage(s)).toBe('ja');
    expect(storedLanguage(undefined)).toBe('ja');
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(storedLanguage(refusing)).toBe('ja');
    expect(() => storeLanguage(refusing, 'en')).not.toThrow();
  });
});
