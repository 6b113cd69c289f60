/**
 * Signing an envelope as the client's signer would, through the GMO Sign sandbox's own dev page
 * (the one place the browser tests touch the sandbox, so a sandbox rewrite changes only this).
 */
import type { Page } from 'playwright-core';

export async function signInGmoSignSandbox(
  page: Page,
  sandboxDevPage: string,
  envelopeName: string,
): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    await page.goto(sandboxDevPage);
    const row = page.locator('tr', { hasText: envelopeName });
    // Every approver and signer acts at once (the sandbox's "全員署名"); each can also act in turn.
    const signAll = row.getByRole('button', { name: /全員署名/ });
    if ((await row.count()) && (await signAll.count())) {
      await signAll.click();
      await page.waitForURL(/\/dev\/envelopes$/);
      return;
    }
    // The hub's signature outbox sends the envelope a moment after legal's approval.
    await page.waitForTimeout(1000);
  }
  throw new Error(`envelope ${envelopeName} never appeared in the GMO Sign sandbox`);
}
