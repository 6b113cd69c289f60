/**
 * `/dev/envelopes` (local host only): the hub's side of e-signature — every envelope and its
 * state; an envelope whose send outcome is unknown can be settled here as the seeded admin would
 * (what the admin found in GMO Sign's screens: there, with its envelope id / not there / declined).
 */
import type { ClientLedger } from '../core/ledger.js';
import { jstDateTime } from '../core/mail/templates.js';
import { escapeHtml } from '../integrations/shared/sandbox-kit.js';

/**
 * The dev test envelope's name, `TEST-20261202T080200-9f3a1c` (UTC). The date and the time are
 * kept apart by the `T`: fourteen digits in a row read as a phone number to the log redaction,
 * which would log the name as `TEST-[REDACTED]-9f3a1c`.
 */
export const testEnvelopeName = (at: Date, suffix: string): string =>
  `TEST-${at.toISOString().slice(0, 19).replace(/[-:]/g, '')}-${suffix}`;

/** The admin's answer for an unknown send outcome (posted to /dev/gmosign/confirm). */
const confirmForm = (envelopeName: string) =>
  `<form method="post" action="/dev/gmosign/confirm"><input type="hidden" name="envelopeName" value="${escapeHtml(envelopeName)}">` +
  `<select name="outcome"><option value="SENT">GMO Sign has it</option><option value="NOT_SENT">not there: send again</option><option value="DECLINED">declined</option></select> ` +
  `<input name="envelopeId" placeholder="envelope_xid (when it has it)"> <button>確認 (admin)</button></form>`;

export async function envelopesPage(ledger: ClientLedger, sandboxUrl: string | undefined): Promise<string> {
  const { items } = await ledger.listSignatureEnvelopes(50);
  const rows = items
    .map(
      (e) =>
        `<tr><td>${escapeHtml(jstDateTime(e.createdAt))}</td><td>${escapeHtml(e.envelopeName)}</td><td>${e.state}</td>` +
        `<td>${escapeHtml(e.envelopeId ?? '')}</td><td>${e.signedPdf ? `${e.signedPdf.size} B, sha256 ${e.signedPdf.sha256.slice(0, 16)}…` : ''}</td>` +
        `<td>${escapeHtml(e.lastError ?? '')}${e.state === 'NEEDS_CONFIRMATION' ? confirmForm(e.envelopeName) : ''}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>Envelopes</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}td,th{padding:.4rem .6rem;border-bottom:1px solid #ddd;text-align:left}</style></head>
<body><h1>E-signature envelopes — 電子契約 (dev)</h1>
<form method="post" action="/dev/gmosign/test-envelope"><button>Send a test envelope</button></form>
${sandboxUrl ? `<p>Sign or decline in the <a href="${sandboxUrl}/dev/envelopes">GMO Sign sandbox</a>; the completion arrives here by callback.</p>` : ''}
<table><tr><th>作成 (JST)</th><th>envelope name</th><th>state</th><th>envelope id</th><th>signed PDF</th><th>last error</th></tr>${
    rows || '<tr><td colspan="6">No envelopes yet.</td></tr>'
  }</table></body></html>`;
}
