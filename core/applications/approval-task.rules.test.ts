/**
 * Approval routing (A4-2, A4-3): who decides each step, where an undecided task is escalated,
 * one task id per application, step and escalation level, and which release failures mean only
 * "the step no longer waits".
 */
import { describe, expect, it } from 'vitest';
import { IntegrationError } from '../errors.js';
import { approvalTaskIdOf, poolFor, supervisorPoolOf, tokenNoLongerWaits } from './approval-task.js';

describe('approval routing', () => {
  it('sends each step to its pool: the department’s managers, the directors, legal or marketing', () => {
    expect(poolFor('MANAGER', 'SALES_OSAKA')).toEqual({ role: 'MANAGER', department: 'SALES_OSAKA' });
    expect(poolFor('DIRECTOR', 'SALES_OSAKA')).toEqual({ role: 'DIRECTOR' });
    expect(poolFor('LEGAL_REVIEW', 'SALES_OSAKA')).toEqual({ role: 'LEGAL' });
    expect(poolFor('LEGAL_SEND', 'SALES_OSAKA')).toEqual({ role: 'LEGAL' });
    expect(poolFor('MARKETING_SEND', 'SALES_OSAKA')).toEqual({ role: 'MARKETING' });
  });

  it('escalates an undecided task to the directors', () => {
    expect(supervisorPoolOf({ role: 'MANAGER', department: 'SALES_TOKYO' })).toEqual({ role: 'DIRECTOR' });
    expect(supervisorPoolOf({ role: 'DIRECTOR' })).toEqual({ role: 'DIRECTOR' });
  });

  it('names one task per application, step and escalation level', () => {
    expect(approvalTaskIdOf('app_01abc', 'MANAGER', false)).toBe('tsk_01abc_MANAGER');
    expect(approvalTaskIdOf('app_01abc', 'MANAGER', true)).toBe('tsk_01abc_MANAGER_ESC');
    // Only the leading "app_" is dropped.
    expect(approvalTaskIdOf('xapp_1', 'DIRECTOR', false)).toBe('tsk_xapp_1_DIRECTOR');
  });
});

describe('a release that found no step waiting', () => {
  const failure = (message: string, operation = 'sendTaskSuccess') =>
    new IntegrationError({ system: 'stepfunctions', operation, retryable: false, message });

  it('is a timed-out, unknown or invalid token (the code after the adapter’s "… failed: ")', () => {
    for (const code of ['TaskDoesNotExist', 'TaskTimedOut', 'InvalidToken']) {
      expect(tokenNoLongerWaits(failure(code))).toBe(true);
      expect(tokenNoLongerWaits(failure(`${code}: Task Timed Out`))).toBe(true);
    }
  });

  it('is not access denied, throttling, another operation, a longer code, or an error that is not the adapter’s', () => {
    expect(tokenNoLongerWaits(failure('AccessDeniedException'))).toBe(false);
    expect(tokenNoLongerWaits(failure('ThrottlingException: TaskTimedOut later'))).toBe(false);
    expect(tokenNoLongerWaits(failure('TaskTimedOut', 'startExecution'))).toBe(false);
    expect(tokenNoLongerWaits(failure('TaskTimedOutX'))).toBe(false);
    expect(tokenNoLongerWaits(new Error('TaskTimedOut'))).toBe(false);
  });
});
