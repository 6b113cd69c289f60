import type { EnvelopeRequest } from '../../core/signing/signature-service.js';

export const samplePdf = Buffer.from('%PDF-1.4\n% 労働者派遣基本契約書\n%%EOF\n');

/** A basic-contract envelope for the legal signer and the client's contact. */
export const envelopeRequest = (envelopeName: string): EnvelopeRequest => ({
  envelopeName,
  documentName: '労働者派遣基本契約書.pdf',
  pdfBase64: samplePdf.toString('base64'),
  ourSigners: [{ name: '田中 由美', email: 'legal.tanaka@haken-agency.example' }],
  partnerSigners: [
    { name: '山田 花子', email: 'hanako@minato-logi.example', organization: '株式会社みなと物流' },
  ],
  approvers: [],
});
