/** Input shapes of inquiry intake, shared by the web form and the phone entry. */
import * as z from 'zod';
import { normalizePhone } from '../clients/client-matching.js';
import { DISPATCHABILITY } from './inquiry.js';

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const phoneNumber = z
  .string()
  .trim()
  .refine((s) => /^0\d{9,10}$/.test(normalizePhone(s)), 'must be a Japanese phone number (10 or 11 digits)');

export const emailAddress = z.email('must be an e-mail address').max(254);

export const corporateNumber = z
  .string()
  .regex(/^\d{13}$/, 'must be the 13-digit corporate number (法人番号)');

export const hearingJudgmentInput = z
  .object({
    result: z.enum(DISPATCHABILITY),
    reason: text(2000).optional(),
  })
  .refine((j) => j.result !== 'NOT_DISPATCHABLE' || j.reason, {
    message: 'a reason is required when the work is not dispatchable',
    path: ['reason'],
  });
export type HearingJudgmentInput = z.output<typeof hearingJudgmentInput>;

const requirePhoneOrEmail = <T extends { phone?: string; email?: string }>(v: T) =>
  Boolean(v.phone || v.email);
const phoneOrEmailIssue = { message: 'give a phone number or an e-mail address', path: ['phone'] };

/** The website form's JSON (docs/integrations.md, "Website inquiry form"). */
export const webInquiryForm = z
  .object({
    submissionId: text(200),
    company: text(200),
    contactName: text(100),
    department: text(100).optional(),
    phone: phoneNumber.optional(),
    email: emailAddress.optional(),
    message: z.string().max(10_000).optional(),
    jobCategory: text(200).optional(),
    requestedStart: text(100).optional(),
    freeText: z.string().max(20_000).optional(),
    corporateNumber: corporateNumber.optional(),
  })
  .refine(requirePhoneOrEmail, phoneOrEmailIssue);
export type WebInquiryForm = z.output<typeof webInquiryForm>;

/** A phone inquiry as the sales member enters it. */
export const phoneInquiryInput = z
  .object({
    company: text(200),
    contactName: text(100),
    contactDepartment: text(100).optional(),
    phone: phoneNumber.optional(),
    email: emailAddress.optional(),
    message: z.string().max(10_000).optional(),
    requestedJobCategory: text(200).optional(),
    requestedStart: text(100).optional(),
    corporateNumber: corporateNumber.optional(),
    /** The sales department to share it with; the taker's own when absent. */
    department: text(100).optional(),
    hearingJudgment: hearingJudgmentInput.optional(),
  })
  .refine(requirePhoneOrEmail, phoneOrEmailIssue);
export type PhoneInquiryInput = z.output<typeof phoneInquiryInput>;
