/** `/dev/mail` (local host only): every e-mail the hub would send, as a list and one by one. */
import type { ClientLedger } from '../core/ledger.js';
import type { MailMessage } from '../core/mail/mail-message.js';
import { jstDateTime } from '../core/mail/templates.js';
import { escapeHtml } from '../integrations/shared/sandbox-kit.js';

const page = (title: string, body: string) => `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, "Hiragino Sans", "Noto Sans JP", sans-serif; margin: 2rem; color: #222; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #ddd; }
  .PENDING { color: #a60; } .SENT { color: #080; } .FAILED { color: #c00; font-weight: bold; }
  pre { white-space: pre-wrap; background: #f7f7f7; padding: 1rem; border-radius: 6px; }
</style></head><body>${body}</body></html>`;

export async function mailListPage(ledger: ClientLedger, after?: string): Promise<string> {
  const { items, endCursor, hasNextPage } = await ledger.listMailMessages(50, after);
  const rows = items
    .map(
      (m: MailMessage) =>
        `<tr><td>${escapeHtml(jstDateTime(m.createdAt))}</td><td>${escapeHtml(m.to.join(', '))}</td>` +
        `<td><a href="/dev/mail/${encodeURIComponent(m.messageId)}">${escapeHtml(m.subject)}</a></td>` +
        `<td class="${m.state}">${m.state}</td></tr>`,
    )
    .join('');
  const more =
    hasNextPage && endCursor
      ? `<p><a href="/dev/mail?after=${encodeURIComponent(endCursor)}">次へ →</a></p>`
      : '';
  return page(
    'Mail outbox',
    `<h1>Mail outbox — メール送信履歴 (dev)</h1>
     <p>Every e-mail the hub would send. Nothing leaves this machine locally; on AWS these go through SES.</p>
     <table><thead><tr><th>作成 (JST)</th><th>宛先</th><th>件名</th><th>状態</th></tr></thead><tbody>${
       rows || '<tr><td colspan="4">まだメールはありません。</td></tr>'
     }</tbody></table>${more}`,
  );
}

export async function mailMessagePage(ledger: ClientLedger, messageId: string): Promise<string | undefined> {
  const m = await ledger.getMailMessage(messageId);
  if (!m) return undefined;
  return page(
    m.subject,
    `<p><a href="/dev/mail">← 一覧へ</a></p>
     <h1>${escapeHtml(m.subject)}</h1>
     <table>
       <tr><th>宛先 (To)</th><td>${escapeHtml(m.to.join(', '))}</td></tr>
       ${m.cc.length ? `<tr><th>Cc</th><td>${escapeHtml(m.cc.join(', '))}</td></tr>` : ''}
       <tr><th>作成</th><td>${escapeHtml(jstDateTime(m.createdAt))}</td></tr>
       <tr><th>状態</th><td class="${m.state}">${m.state}${m.lastError ? ` — ${escapeHtml(m.lastError)}` : ''}</td></tr>
       <tr><th>テンプレート</th><td>${m.template}</td></tr>
     </table>
     <pre>${escapeHtml(m.text)}</pre>`,
  );
}
