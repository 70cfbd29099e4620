import type { WordRun } from './word-diff.js';

/**
 * What kind of content a change touches; decides the suggested release class.
 * - `logic`: what is asked, scored or decided — items, options and their scores, scoring, bands,
 *   alerts, conditions, branches, zones, goals, inputs, the program schedule.
 * - `wording`: text a patient reads, including translations.
 * - `media`: images, films, recordings, subtitles.
 * - `metadata`: tags, authors, codes, licence, scoring test cases — nothing a patient sees or answers.
 */
export type ChangeCategory = 'logic' | 'wording' | 'media' | 'metadata';

/** One difference between two versions of a module or program. */
export interface DocumentChange {
  kind: 'added' | 'removed' | 'changed' | 'moved';
  /** What was added, removed, moved or changed: page, block, item, option, band, property, translation… */
  entity: string;
  /** Id of that entity, or of the nearest enclosing one for property changes ('' for the document itself). */
  id: string;
  /** Ids of the enclosing entities from the document down, e.g. ['week-1', 'phq9'] for an item of an instrument. */
  within: string[];
  /** JSON Pointer in the newer version (in the older one for removals). */
  path: string;
  /** JSON Pointer in the older version, when it differs from `path`. */
  beforePath?: string;
  /** The changed property relative to the entity, e.g. 'title', 'scoring/bands', 'max'. */
  property?: string;
  /** The language of a changed, added or removed translation. */
  language?: string;
  category: ChangeCategory;
  before?: unknown;
  after?: unknown;
  /** Word-by-word difference of a changed text. */
  words?: WordRun[];
  /** One line a reviewer reads, e.g. 'Band "mild": max changed from 9 to 10'. */
  summary: string;
}
