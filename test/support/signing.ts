import type { DocumentStore } from '../../core/documents/document-store.js';
import type { EnvelopeRequest, EnvelopeToSend } from '../../core/signing/signature-service.js';

export const samplePdf = Buffer.from('%PDF-1.4\n% 労働者派遣基本契約書\n%%EOF\n');

const parties = {
  ourSigners: [{ name: '田中 由美', email: 'legal.tanaka@haken-agency.example' }],
  partnerSigners: [
    { name: '山田 花子', email: 'hanako@minato-logi.example', organization: '株式会社みなと物流' },
  ],
  approvers: [],
};

/** A basic-contract envelope for the legal signer and the client's contact, its PDF referenced by key. */
export const envelopeRequest = (envelopeName: string): EnvelopeRequest => ({
  envelopeName,
  documentName: '労働者派遣基本契約書.pdf',
  documentKey: `signing/${envelopeName}.pdf`,
  ...parties,
});

/** The same envelope with its PDF put in the document store first. */
export async function storedEnvelopeRequest(
  documents: DocumentStore,
  envelopeName: string,
  pdf: Buffer = samplePdf,
): Promise<EnvelopeRequest> {
  const request = envelopeRequest(envelopeName);
  await documents.put(`signing/${envelopeName}.pdf`, pdf, 'application/pdf');
  return request;
}

/** The envelope as the signature service is given it (the PDF read back). */
export const envelopeToSend = (envelopeName: string, pdf: Buffer = samplePdf): EnvelopeToSend => ({
  envelopeName,
  documentName: '労働者派遣基本契約書.pdf',
  pdf,
  ...parties,
});

/** A PDF of about `bytes` bytes (a real contract with scanned pages runs to several megabytes). */
export function largePdf(bytes: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n% 労働者派遣基本契約書（別紙つき）\n');
  const tail = Buffer.from('\n%%EOF\n');
  const filler = Buffer.alloc(bytes - head.length - tail.length);
  for (let i = 0; i < filler.length; i += 1) filler[i] = 32 + ((i * 7919) % 95);
  return Buffer.concat([head, filler, tail]);
}
