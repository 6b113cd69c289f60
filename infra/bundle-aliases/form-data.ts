/**
 * Stands in for the `form-data` package in the Lambda bundles (infra/function-bundle.ts `alias`).
 * axios (the hub's HTTP client for GMO Sign and G-Staff, `integrations/shared/http-client.ts`,
 * and under the official kintone client) and the kintone client import it for multipart bodies,
 * i.e. file uploads. The hub sends JSON only: kintone record reads, writes and status changes
 * (`integrations/kintone/kintone-app.adapter.ts`), GMO Sign and G-Staff calls whose PDFs travel as
 * base64 in JSON; no call sets a multipart content type, so nothing constructs one. Without it a
 * bundle carries form-data with mime-types and mime-db (about 140 KB). The `instanceof` checks
 * stay correct (nothing the hub sends is one); constructing one fails loudly, never silently.
 * `test/function-bundle.test.ts` runs the bundled kintone and GMO Sign adapters against their
 * sandboxes.
 */
export default class FormDataNotBundled {
  constructor() {
    throw new Error(
      'multipart bodies are not bundled in the Lambda functions (form-data is left out, infra/function-bundle.ts)',
    );
  }
}
