/** How the client page's audit trail and an application's history name what happened. */
import type { Translator } from './i18n.js';
import { formatJst } from './time.js';

/**
 * The label table of an audit event's field names: a kintone record's audit names the record's
 * fields (as the hub names them); every other record names the ledger's own fields.
 */
export function fieldTable(subjectType: string): 'RecordField' | 'LedgerField' {
  return subjectType === 'KINTONE_RECORD' ? 'RecordField' : 'LedgerField';
}

/**
 * A changed field's label: from the subject's own table first, then the other (a sync conflict's
 * resolution names a kintone record's fields); undefined when neither knows it.
 */
export function fieldLabel(
  i18n: Pick<Translator, 'known'>,
  subjectType: string,
  field: string,
): string | undefined {
  const first = fieldTable(subjectType);
  return (
    i18n.known(first, field) ?? i18n.known(first === 'LedgerField' ? 'RecordField' : 'LedgerField', field)
  );
}

/**
 * An application history entry's detail in words where it is a code or a time: the form of a
 * 06_2 submission, the deadline a delay passed. Anything else (a G-Staff id, a failure) as written.
 */
export function historyDetail(
  i18n: Pick<Translator, 'known' | 't'>,
  kind: string,
  detail: string | null | undefined,
): string {
  if (!detail) return '';
  if (kind === 'SUBMITTED') return i18n.known('ContractForm', detail) ?? detail;
  if (kind === 'DELAYED' && !Number.isNaN(Date.parse(detail)))
    return `${i18n.t('dueAt')}: ${formatJst(detail)}`;
  return detail;
}
