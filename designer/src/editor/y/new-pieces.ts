import type { Block, Input, Page } from '@careloom/format';
import { uniqueId } from './ids.js';

/** The block types a designer can add, in menu order. */
export const BLOCK_TYPES = ['text', 'image', 'film', 'audio', 'question', 'grid', 'instrument', 'exercise', 'registration', 'unitContact'] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

/** The input kinds of questions and fields, in menu order. */
export const INPUT_KINDS = ['singleChoice', 'multipleChoice', 'scale', 'slider', 'number', 'text', 'dateTime', 'yesNo'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

type Texts = Record<string, string>;
type RichTexts = Record<string, { type: 'doc'; content: Array<{ type: 'paragraph' }> }>;

/** Empty text in each language (to be written; validation says which are still empty). */
export function emptyText(languages: readonly string[]): Texts {
  return Object.fromEntries(languages.map((language) => [language, '']));
}

/** An empty rich-text document (one paragraph) in each language. */
export function emptyRichText(languages: readonly string[]): RichTexts {
  return Object.fromEntries(languages.map((language) => [language, { type: 'doc', content: [{ type: 'paragraph' }] }]));
}

/** A new page with a fresh id and no blocks. */
export function newPage(languages: readonly string[], taken: Set<string>): Page {
  return { id: uniqueId('page', taken), title: emptyText(languages), blocks: [] };
}

/** A choice option (question, grid column) with a fresh id. */
export function newOption(languages: readonly string[], taken: Set<string>, value?: number): { id: string; label: Texts; value?: number } {
  return { id: uniqueId('option', taken), label: emptyText(languages), ...(value === undefined ? {} : { value }) };
}

/** A scored option of an instrument. */
export function newScoredOption(languages: readonly string[], taken: Set<string>, score: number): { id: string; label: Texts; score: number } {
  return { id: uniqueId('option', taken), label: emptyText(languages), score };
}

/** A new input of a kind, with the least a designer has to fill in. */
export function newInput(kind: InputKind, languages: readonly string[], taken: Set<string>): Input {
  switch (kind) {
    case 'singleChoice':
      return { kind, options: [newOption(languages, taken), newOption(languages, taken)] } as Input;
    case 'multipleChoice':
      return { kind, options: [newOption(languages, taken)] } as Input;
    case 'scale':
      return { kind, options: [newOption(languages, taken, 0), newOption(languages, taken, 1)] } as Input;
    case 'slider':
      return { kind, min: 0, max: 10, step: 1 };
    case 'number':
      return { kind };
    case 'text':
      return { kind, maxLength: 500 };
    case 'dateTime':
      return { kind, mode: 'date' };
    case 'yesNo':
      return { kind };
  }
}

/** A new block of a type with fresh ids and empty texts in every language. */
export function newBlock(type: BlockType, languages: readonly string[], taken: Set<string>): Block {
  const text = () => emptyText(languages);
  switch (type) {
    case 'text':
      return { type, id: uniqueId('text', taken), content: emptyRichText(languages) } as Block;
    case 'image':
      return { type, id: uniqueId('image', taken), src: '', alt: text() };
    case 'film':
      return { type, id: uniqueId('film', taken), src: '', alt: text(), transcript: emptyRichText(languages) } as Block;
    case 'audio':
      return { type, id: uniqueId('audio', taken), src: '', alt: text(), transcript: emptyRichText(languages) } as Block;
    case 'question':
      return { type, id: uniqueId('question', taken), prompt: text(), input: newInput('singleChoice', languages, taken) };
    case 'grid':
      return {
        type, id: uniqueId('grid', taken), prompt: text(),
        options: [newOption(languages, taken, 0), newOption(languages, taken, 1)],
        rows: [{ id: uniqueId('row', taken), prompt: text() }],
      } as Block;
    case 'instrument':
      return newInstrument(languages, taken);
    case 'exercise':
      return { type, id: uniqueId('exercise', taken), title: text(), instructions: emptyRichText(languages), fields: [] } as Block;
    case 'registration':
      return {
        type, id: uniqueId('registration', taken), title: text(),
        fields: [{ id: uniqueId('field', taken), label: text(), input: { kind: 'number' } }],
      } as Block;
    case 'unitContact':
      return { type, id: uniqueId('contact', taken), show: ['name', 'phone'] };
  }
}

function newInstrument(languages: readonly string[], taken: Set<string>): Block {
  const low = newScoredOption(languages, taken, 0);
  const high = newScoredOption(languages, taken, 1);
  const item = uniqueId('item', taken);
  return {
    type: 'instrument', id: uniqueId('instrument', taken), name: emptyText(languages), abbreviation: '',
    // No licence: a new scale is the organisation's own; one from elsewhere gets its licence added.
    options: [low, high],
    items: [{ id: item, text: emptyText(languages) }],
    scoring: {
      total: { method: 'sum' },
      missing: { maxMissing: 0, impute: 'zero' },
      bands: [{ id: uniqueId('band', taken), min: 0, max: 1, label: emptyText(languages) }],
    },
    tests: [{ name: 'lowest score', answers: { [item]: low.id }, expect: { total: 0 } }],
  } as Block;
}
