import type { DocumentChange } from './change.js';

/** The suggested class of a release, which the publisher confirms or overrides. */
export interface ReleaseClass {
  /** `major` when anything asked, scored or decided changed; `minor` for wording, media and metadata; `none` when nothing changed. */
  level: 'major' | 'minor' | 'none';
  /** The changes that decided a major class (all changes otherwise), as summaries. */
  reasons: string[];
}

/**
 * Suggests whether a new version is a major release (scoring, bands, alerts, logic or items
 * changed: results are not comparable across versions, and patients mid-way may need attention) or
 * a minor one (wording and media only).
 *
 * @example
 * classifyRelease(diffDocuments(v1, v2)); // { level: 'major', reasons: ['Band "mild": max changed from 9 to 10'] }
 */
export function classifyRelease(changes: readonly DocumentChange[]): ReleaseClass {
  if (changes.length === 0) return { level: 'none', reasons: [] };
  const logic = changes.filter((change) => change.category === 'logic');
  if (logic.length > 0) return { level: 'major', reasons: logic.map((change) => change.summary) };
  return { level: 'minor', reasons: changes.map((change) => change.summary) };
}
