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

describe('what operators need stays in the log (X-5)', () => {
  const logged = (value: object) => JSON.parse(JSON.stringify(value, redactPersonalData));

  it('keeps reason codes, and hides a reason in words', () => {
    expect(logged({ reason: 'STALE' })).toEqual({ reason: 'STALE' });
    expect(logged({ reason: 'BAD_SIGNATURE' })).toEqual({ reason: 'BAD_SIGNATURE' });
    expect(logged({ rejectionReason: 'TASK_ALREADY_DECIDED' })).toEqual({
      rejectionReason: 'TASK_ALREADY_DECIDED',
    });
    expect(logged({ reason: '山田様のご家庭の事情' })).toEqual({ reason: REDACTED });
    // A name in capitals is still a name.
    expect(logged({ contactName: 'YAMADA' })).toEqual({ contactName: REDACTED });
  });

  it('keeps identifiers whole: execution names, task ids, envelope names, error names', () => {
    const ids = {
      execution: 'app_0123456789d74789b211',
      taskId: 'tsk_0123456789d74789b211_MANAGER',
      envelopeName: 'BASIC-cli_0123456789abcdef0123-1',
      errorName: 'TransientIntegrationError',
      message: 'workflow execution finished app_98765432101234567890',
    };
    expect(logged(ids)).toEqual(ids);
  });

  it('still hides phone numbers next to Japanese text or punctuation', () => {
    expect(redactText('電話03-1234-5678まで、または(090)1234-5678')).toBe(
      `電話${REDACTED}まで、または(${REDACTED}`,
    );
  });
});
