import { describe, expect, it } from 'vitest';
import { REDACTED, redactPersonalData, redactText } from './personal-data.js';

describe('personal data redaction (X-5)', () => {
  it('masks personal fields wherever they are nested', () => {
    const logged = JSON.stringify(
      {
        message: 'inquiry received',
        inquiryId: 'inq_1',
        form: {
          contactName: '山田 花子',
          phone: '03-1234-5678',
          email: 'a@b.example',
          company: '株式会社サンプル',
        },
        status: 201,
      },
      redactPersonalData,
    );
    expect(logged).not.toMatch(/山田|1234|a@b/);
    expect(JSON.parse(logged)).toMatchObject({
      inquiryId: 'inq_1',
      status: 201,
      form: { contactName: REDACTED, phone: REDACTED, email: REDACTED },
    });
  });

  it('masks e-mail addresses and phone numbers inside free text', () => {
    expect(redactText('call 090-1234-5678 or +81 3 1234 5678, mail taro@example.co.jp; order 12345')).toBe(
      `call ${REDACTED} or ${REDACTED}, mail ${REDACTED}; order 12345`,
    );
  });

  it('keeps error names and the log message, masking only what looks personal in it', () => {
    const logged = JSON.parse(
      JSON.stringify(
        {
          message: 'send failed for taro@example.co.jp',
          error: { name: 'ConflictError' },
          staff: { name: '鈴木' },
        },
        redactPersonalData,
      ),
    );
    expect(logged).toEqual({
      message: `send failed for ${REDACTED}`,
      error: { name: 'ConflictError' },
      staff: { name: REDACTED },
    });
  });

  it('keeps ids, counts and timestamps', () => {
    expect(redactText('2026-11-30T14:59:59.999Z inq_abc123 took 35 ms')).toBe(
      '2026-11-30T14:59:59.999Z inq_abc123 took 35 ms',
    );
  });
});
