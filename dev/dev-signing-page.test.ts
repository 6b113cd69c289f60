/** The dev test envelope's name reaches the log as it is (an identifier, not a phone number). Requirement: X-5. */
import { describe, expect, it } from 'vitest';
import { redactPersonalData } from '../core/personal-data.js';
import { testEnvelopeName } from './dev-signing-page.js';

describe('testEnvelopeName', () => {
  it('names the envelope by its UTC time, and the log keeps the name whole', () => {
    const name = testEnvelopeName(new Date('2026-12-02T08:02:00.123Z'), '9370f1');
    expect(name).toBe('TEST-20261202T080200-9370f1');
    expect(redactPersonalData('envelopeName', name)).toBe(name);
    expect(redactPersonalData('', `envelope ${name} completed`)).toBe(`envelope ${name} completed`);
  });
});
