/**
 * The conflict rule (X-3, docs/sync.md "Conflicts"): a field is in conflict only when the hub
 * and kintone both changed it since they last agreed, to different values. A field only one
 * side changed goes through; a field both sides changed to the same value is agreement.
 */
import type { DifferingField, RecordFields } from './sync-model.js';

const norm = (value: string | undefined | null): string => value ?? '';

export interface MergeInput {
  /** The record as both sides last agreed on it. */
  agreed: RecordFields;
  /** What the hub last wrote (its changes are measured against this); `agreed` when unknown. */
  hubBase: RecordFields;
  /** What the hub wants the record to be now. */
  hub: RecordFields;
  /** What kintone holds now. */
  source: RecordFields;
  /**
   * The hub's own writes of the record since `hubBase` that may have reached kintone without the
   * hub recording it (the hub stopped, or the answer was lost, after kintone applied the write):
   * a field kintone holds at the value one of them sent is the hub's write arriving, not a
   * change by kintone's staff (docs/sync.md "The hub's own lost writes").
   */
  hubUnconfirmed?: readonly RecordFields[];
}

export interface MergeResult {
  /** The fields the hub changed, with the hub's values, that kintone does not already hold. */
  hubChanges: RecordFields;
  /** Every field the hub changed since its base (those kintone already holds included). */
  hubChanged: string[];
  /** Fields kintone changed since the agreed state. */
  sourceChanged: string[];
  /** Fields changed on both sides to different values: a person decides. */
  differing: DifferingField[];
}

export function threeWayMerge({
  agreed,
  hubBase,
  hub,
  source,
  hubUnconfirmed = [],
}: MergeInput): MergeResult {
  const fields = [...new Set([...Object.keys(agreed), ...Object.keys(hub), ...Object.keys(source)])].sort();
  const hubChanges: RecordFields = {};
  const hubChanged: string[] = [];
  const sourceChanged: string[] = [];
  const differing: DifferingField[] = [];
  for (const field of fields) {
    const byHub = field in hub && norm(hub[field]) !== norm(hubBase[field]);
    const bySource =
      norm(source[field]) !== norm(agreed[field]) &&
      !hubUnconfirmed.some(
        (sent) =>
          field in sent &&
          norm(sent[field]) === norm(source[field]) &&
          norm(sent[field]) !== norm(hubBase[field]),
      );
    if (bySource) sourceChanged.push(field);
    if (byHub) hubChanged.push(field);
    if (!byHub || norm(hub[field]) === norm(source[field])) continue;
    if (bySource) {
      differing.push({
        field,
        agreed: agreed[field] ?? null,
        hub: hub[field] ?? null,
        source: source[field] ?? null,
      });
    } else {
      hubChanges[field] = hub[field] ?? '';
    }
  }
  return { hubChanges, hubChanged, sourceChanged, differing };
}

/** The fields of `after` that differ from `before` (absent and empty are the same to kintone). */
export function changedFieldNames(before: RecordFields, after: RecordFields): string[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields].filter((f) => norm(before[f]) !== norm(after[f])).sort();
}
