import type { AnswerShape } from '@careloom/format/engine';

/** An item a condition can test, as the pickers list it. */
export interface AnswerableItem {
  id: string;
  /** The question, row, item or field text in the editor's language (or the id). */
  label: string;
  blockId: string;
  pageIndex: number;
  blockIndex: number;
  shape: AnswerShape;
  options: Array<{ id: string; label: string }>;
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
const records = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isRecord) : []);

function text(value: unknown, language: string): string {
  if (!isRecord(value)) return '';
  const own = value[language];
  if (typeof own === 'string' && own.trim() !== '') return own.trim();
  for (const other of Object.values(value)) if (typeof other === 'string' && other.trim() !== '') return other.trim();
  return '';
}

function optionsOf(value: unknown, language: string): Array<{ id: string; label: string }> {
  return records(value)
    .filter((option) => typeof option['id'] === 'string')
    .map((option) => ({ id: option['id'] as string, label: text(option['label'], language) || (option['id'] as string) }));
}

function shapeOf(input: unknown): AnswerShape | undefined {
  if (!isRecord(input)) return undefined;
  switch (input['kind']) {
    case 'singleChoice':
    case 'scale':
      return 'option';
    case 'multipleChoice':
      return 'options';
    case 'slider':
    case 'number':
      return 'number';
    case 'text':
      return 'text';
    case 'dateTime':
      return 'dateTime';
    case 'yesNo':
      return 'boolean';
    default:
      return undefined;
  }
}

/**
 * Every answerable item of a draft snapshot (questions, grid rows, instrument items, exercise and
 * registration fields) in document order, with its options. Tolerant of a draft that does not
 * validate yet: pieces without an id or a known input are skipped.
 *
 * @example
 * answerableItems(yDocToModule(doc), 'en').filter((item) => item.pageIndex < 2);
 */
export function answerableItems(snapshot: unknown, language: string): AnswerableItem[] {
  const items: AnswerableItem[] = [];
  if (!isRecord(snapshot)) return items;
  records(snapshot['pages']).forEach((page, pageIndex) => {
    records(page['blocks']).forEach((block, blockIndex) => {
      const blockId = typeof block['id'] === 'string' ? block['id'] : '';
      const place = { blockId, pageIndex, blockIndex };
      const add = (id: unknown, label: string, shape: AnswerShape | undefined, options: Array<{ id: string; label: string }> = []) => {
        if (typeof id === 'string' && id !== '' && shape) items.push({ id, label: label || id, shape, options, ...place });
      };
      switch (block['type']) {
        case 'question': {
          const input = block['input'];
          add(block['id'], text(block['prompt'], language), shapeOf(input), isRecord(input) ? optionsOf(input['options'], language) : []);
          break;
        }
        case 'grid': {
          const options = optionsOf(block['options'], language);
          for (const row of records(block['rows'])) add(row['id'], text(row['prompt'], language), 'option', options);
          break;
        }
        case 'instrument': {
          const shared = optionsOf(block['options'], language);
          for (const item of records(block['items'])) {
            const own = optionsOf(item['options'], language);
            add(item['id'], text(item['text'], language), 'option', own.length > 0 ? own : shared);
          }
          break;
        }
        case 'exercise':
        case 'registration':
          for (const field of records(block['fields'])) {
            const input = field['input'];
            add(field['id'], text(field['label'], language), shapeOf(input), isRecord(input) ? optionsOf(input['options'], language) : []);
          }
          break;
        default:
          break;
      }
    });
  });
  return items;
}

/** Items a block's `visibleWhen` may use: those of earlier blocks (earlier pages, or above it on its page). */
export function itemsBeforeBlock(items: readonly AnswerableItem[], pageIndex: number, blockIndex: number): AnswerableItem[] {
  return items.filter((item) => item.pageIndex < pageIndex || (item.pageIndex === pageIndex && item.blockIndex < blockIndex));
}

/** Items a page's `visibleWhen` may use: those of earlier pages. */
export function itemsBeforePage(items: readonly AnswerableItem[], pageIndex: number): AnswerableItem[] {
  return items.filter((item) => item.pageIndex < pageIndex);
}

/** Items a page's branches may use: those of the page itself and earlier pages. */
export function itemsForBranch(items: readonly AnswerableItem[], pageIndex: number): AnswerableItem[] {
  return items.filter((item) => item.pageIndex <= pageIndex);
}

/** Items a zone rule may use: the fields of its own registration. */
export function itemsOfBlock(items: readonly AnswerableItem[], blockId: string): AnswerableItem[] {
  return items.filter((item) => item.blockId === blockId);
}
