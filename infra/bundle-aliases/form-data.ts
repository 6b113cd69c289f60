/**
 * Stands in for the `form-data` package in the Lambda bundles (infra/function-bundle.ts `alias`).
 * axios (under the official kintone client) and the kintone client import it for multipart
 * bodies, i.e. file uploads; the hub sends kintone JSON only (record reads, writes and status
 * changes, `integrations/kintone/kintone-app.adapter.ts`), so nothing constructs one. Without it a
 * bundle carries form-data with mime-types and mime-db (about 140 KB). Their `instanceof` checks
 * stay correct (nothing the hub sends is one); constructing one fails loudly, never silently.
 * `test/function-bundle.test.ts` runs the bundled kintone adapter against the kintone sandbox.
 */
export default class FormDataNotBundled {
  constructor() {
    throw new Error(
      'multipart bodies are not bundled in the Lambda functions (form-data is left out, infra/function-bundle.ts)',
    );
  }
}
