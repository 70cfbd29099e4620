import type { Issue } from '../issue.js';
import { capitalize, describeLocation, type DocumentNoun } from './describe-location.js';

/** What every semantic check gets: the (schema-valid) document and a way to name places in it. */
export interface CheckContext<T> {
  doc: T;
  noun: DocumentNoun;
  /** Names the place at `path`, starting with a capital: 'Page 2 block 3 (question "mood")'. */
  where(path: string): string;
  /** Names the place at `path`, lower-case, for the middle of a sentence. */
  at(path: string): string;
}

/** Builds the context of the semantic checks of one document. */
export function checkContext<T>(doc: T, noun: DocumentNoun): CheckContext<T> {
  return {
    doc,
    noun,
    where: (path) => capitalize(describeLocation(doc, path, noun)),
    at: (path) => describeLocation(doc, path, noun),
  };
}

/** Builds an Issue; `params` default to none. */
export function issue(code: string, path: string, message: string, params: Record<string, unknown> = {}): Issue {
  return { code, path, message, params };
}

/** Joins words as 'a, b and c'. */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Quotes each word: ['a', 'b'] → '"a", "b"'. */
export function quoteAll(words: readonly string[]): string[] {
  return words.map((word) => `"${word}"`);
}
