/** The console's own logic: API errors placed by field, JST times and the first-contact clock, the hearing form, roles, words, config. */
import { describe, expect, it } from 'vitest';
import { parseConsoleConfig } from '../auth/config.js';
import { hearingErrorField, hearingForm, hearingInput } from './hearing.js';
import { translator } from './i18n.js';
import { fieldKey, outcomeOf, unplacedErrors } from './outcome.js';
import { actsForClient, canSee, may, screensFor } from './roles.js';
import { clockTo, formatJst, fromJstInput, toJstInput } from './time.js';
import { visitRecordInput } from './visit-record.js';

describe('mutation outcomes', () => {
  it('passes the payload through and maps each field error to the field it names', () => {
    expect(outcomeOf({ __typename: 'Inquiry', id: 'i1' }, 'Inquiry')).toEqual({
      ok: true,
      value: { __typename: 'Inquiry', id: 'i1' },
    });
    const failed = outcomeOf(
      {
        __typename: 'ValidationError',
        message: 'invalid input',
        fieldErrors: [
          { path: 'input.overrideReason', message: 'required when not the top candidate' },
          { path: 'input.creditPrecheck.creditRating', message: 'must be a number' },
          { path: 'input.creditPrecheck.creditRating', message: 'must be 0-100' },
        ],
      } as { __typename: string },
      'AssignSalesRepPayload',
    );
    expect(failed).toEqual({
      ok: false,
      message: 'invalid input',
      fields: {
        overrideReason: 'required when not the top candidate',
        'creditPrecheck.creditRating': 'must be a number / must be 0-100',
      },
    });
  });

  it('keeps a precondition’s message and lists field errors no input shows', () => {
    expect(
      outcomeOf(
        { __typename: 'PreconditionFailedError', message: 'assign the rep first' } as { __typename: string },
        'Visit',
      ),
    ).toEqual({
      ok: false,
      message: 'assign the rep first',
      fields: {},
    });
    expect(fieldKey('input')).toBe('');
    expect(
      unplacedErrors(
        { note: 'too long', 'dispatchExplanation.acknowledgedAt': 'must not be in the future' },
        ['note'],
      ),
    ).toEqual(['dispatchExplanation.acknowledgedAt: must not be in the future']);
  });
});

describe('times in JST', () => {
  it('shows instants as Japan time and reads datetime inputs as Japan time', () => {
    expect(formatJst('2026-12-01T15:30:00Z')).toBe('2026/12/02 00:30');
    expect(formatJst(null)).toBe('—');
    expect(toJstInput('2026-12-01T15:30:00Z')).toBe('2026-12-02T00:30');
    expect(fromJstInput('2026-12-02T00:30')).toBe('2026-12-01T15:30:00.000Z');
    expect(fromJstInput('2026-12-02')).toBeUndefined();
  });

  it('runs the first-contact clock down and then counts the overdue time', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(clockTo('2026-12-01T05:12:30Z', now)).toEqual({ overdue: false, hours: 5, minutes: 12 });
    expect(clockTo('2026-11-30T22:00:00Z', now)).toEqual({ overdue: true, hours: 2, minutes: 0 });
  });
});

describe('the hearing sheet form', () => {
  it('sends only what was filled in, in the API’s shapes', () => {
    const form = {
      ...hearingForm(undefined),
      jobCategory: ' 仕分け ',
      billingAmount: '1800',
      overtime: 'yes' as const,
      overtimeHours: '10',
      confidential: 'no' as const,
    };
    expect(hearingInput(form)).toEqual({
      jobCategory: '仕分け',
      billingRate: { amountYen: 1800, unit: 'HOUR' },
      overtime: { expected: true, hoursPerMonth: 10 },
      confidentialInformation: { handled: false },
    });
  });

  it('starts from the saved sheet and places item errors on their fields', () => {
    const form = hearingForm({
      workLocation: '東京都大田区',
      safetyTraining: { yes: true, details: '初日2時間' },
      hazardousWork: false,
    });
    expect(form).toMatchObject({
      workLocation: '東京都大田区',
      safetyTraining: 'yes',
      safetyTrainingDetails: '初日2時間',
      hazardousWork: 'no',
    });
    expect(hearingErrorField('items.billingRate.amountYen')).toBe('billingAmount');
    expect(hearingErrorField('items.jobContent')).toBe('jobContent');
  });
});

describe('the visit record', () => {
  it('sends JST inputs as instants and the explanation as acknowledged at the end of the visit', () => {
    const input = visitRecordInput('v1', 3, {
      startedAt: '2026-12-01T10:00',
      endedAt: '2026-12-01T11:30',
      company: true,
      registrants: true,
      trackRecord: false,
      recruitmentBackground: '増産',
      hrIssues: '採用難',
      notes: ' ',
      topics: ['EMPLOYMENT_RELATIONSHIP'],
      how: 'WRITTEN',
      acknowledgedByRole: '工場長',
      workJudgment: 'PERMITTED',
      prohibitedCategory: 'CONSTRUCTION',
      workReason: '',
      requestLikely: true,
    });
    expect(input).toMatchObject({
      startedAt: '2026-12-01T01:00:00.000Z',
      endedAt: '2026-12-01T02:30:00.000Z',
      dispatchExplanation: { acknowledgedAt: '2026-12-01T02:30:00.000Z' },
      workJudgment: { result: 'PERMITTED' },
    });
    expect(input).not.toHaveProperty('notes');
  });
});

describe('roles', () => {
  it('offers each role only its own screens and actions', () => {
    expect(screensFor({ role: 'MARKETING' })).toEqual([
      'myWork',
      'dashboard',
      'clientLedger',
      'inquiryInbox',
      'approvals',
      'orders',
      'contracts',
    ]);
    expect(screensFor({ role: 'LEGAL' })).toContain('approvals');
    expect(screensFor({ role: 'LEGAL' })).toContain('contracts');
    expect(canSee({ role: 'MANAGER' }, 'contracts')).toBe(true);
    expect(may({ role: 'LEGAL' }, 'downloadContract')).toBe(true);
    expect(may({ role: 'MARKETING' }, 'downloadContract')).toBe(false);
    expect(may({ role: 'MARKETING' }, 'manageIndividualContracts')).toBe(false);
    expect(may({ role: 'MANAGER' }, 'manageOrders')).toBe(true);
    expect(may({ role: 'LEGAL' }, 'manageOrders')).toBe(false);
    expect(canSee({ role: 'SALES' }, 'approvals')).toBe(false);
    expect(canSee({ role: 'DIRECTOR' }, 'overdue')).toBe(true);
    expect(may({ role: 'DIRECTOR' }, 'assignRep')).toBe(true);
    expect(may({ role: 'ADMIN' }, 'manageStaff')).toBe(true);
    expect(may({ role: 'MANAGER' }, 'manageStaff')).toBe(false);
  });

  it('lets the client’s own rep and its department’s managers act for it', () => {
    const client = { salesRepId: 'sales.tokyo1', department: 'SALES_TOKYO' };
    expect(actsForClient({ userId: 'sales.tokyo1', role: 'SALES', department: 'SALES_TOKYO' }, client)).toBe(
      true,
    );
    expect(actsForClient({ userId: 'sales.tokyo2', role: 'SALES', department: 'SALES_TOKYO' }, client)).toBe(
      false,
    );
    expect(actsForClient({ userId: 'mgr.osaka', role: 'MANAGER', department: 'SALES_OSAKA' }, client)).toBe(
      false,
    );
  });
});

describe('words', () => {
  it('speaks Japanese first, English on request, with enum labels and parameters', () => {
    const ja = translator('ja');
    const en = translator('en');
    expect(ja.t('remaining', { h: 3, m: 5 })).toBe('残り 3時間5分');
    expect(en.t('overdueBy', { h: 1, m: 0 })).toBe('1h 0m overdue');
    expect(ja.label('ClientStage', 'TRADING')).toBe('取引中');
    expect(en.label('ApprovalStep', 'LEGAL_SEND')).toBe('Legal sends');
    expect(ja.label('ClientStage', 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
    expect(ja.options('InquiryStatus').map((o) => o.label)).toEqual(['未振分', '振分済', '一次対応済']);
  });
});

describe('console-config.json', () => {
  it('means the dev sign-in when absent, the hosted UI when it names one', () => {
    expect(parseConsoleConfig(undefined, 'https://console.example')).toEqual({ signIn: 'dev' });
    expect(
      parseConsoleConfig(
        {
          signIn: 'oidc',
          authority: 'https://cognito-idp.ap-northeast-1.amazonaws.com/pool',
          clientId: 'abc',
        },
        'https://console.example',
      ),
    ).toEqual({
      signIn: 'oidc',
      authority: 'https://cognito-idp.ap-northeast-1.amazonaws.com/pool',
      clientId: 'abc',
      redirectUri: 'https://console.example/auth/callback',
      scope: 'openid email profile',
    });
    expect(() =>
      parseConsoleConfig({ signIn: 'oidc', authority: 'http://insecure', clientId: 'x' }, ''),
    ).toThrow(/https/);
  });
});
