import type { DocumentChange, WordRun } from '@careloom/format/engine';
import { pointerSegments } from '@careloom/format/validate';
import { answerableItems } from '../editor/conditions/answerable-items.js';
import type { AnswerableItem } from '../editor/conditions/answerable-items.js';
import { placeOf } from '../editor/issue-words.js';
import type { EditorMessageKey } from '../editor/messages-en.js';
import { t } from '../i18n/i18n.js';

/** One change as the review screen shows it: the place and field in the editor's words, both sides as text. */
export interface WordedChange {
  kind: DocumentChange['kind'];
  category: DocumentChange['category'];
  entity: string;
  /** 'Page 4 “Your panic cycle”, block 2 (Text “…”)'. */
  where: string;
  /** The field, as the editor labels it ('help text', 'condition for showing it'); absent for a whole page or block. */
  field?: string;
  /** The language of a changed translation, by its name. */
  language?: string;
  before?: string;
  after?: string;
  /** A changed text, word by word. */
  words?: WordRun[];
  /** The engine's one-line summaries of the changes this one stands for (to match the release class's reasons). */
  summaries: string[];
}

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Properties holding a condition (`visibleWhen` of pages and blocks, `when` of branches and zone rules). */
const CONDITION_KEYS = new Set(['visibleWhen', 'when']);

function valueAt(doc: unknown, path: string): unknown {
  let node = doc;
  for (const segment of pointerSegments(path)) node = Array.isArray(node) ? node[Number(segment)] : isRecord(node) ? node[segment] : undefined;
  return node;
}

/** The pointer of the condition a path lies in, or undefined. */
function conditionRoot(path: string): string | undefined {
  const segments = pointerSegments(path);
  const at = segments.findIndex((segment) => CONDITION_KEYS.has(segment));
  if (at < 0) return undefined;
  return segments.slice(0, at + 1).map((segment) => `/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function quoted(text: string): string {
  return t('review.quoted', { text });
}

/**
 * A condition as a sentence in the editor's words: "“Which sensation scares you most?” is “Racing
 * heart”", with the question and option texts of the document it belongs to.
 */
export function conditionInWords(condition: unknown, items: readonly AnswerableItem[]): string {
  if (!isRecord(condition) || typeof condition['op'] !== 'string') return t('review.noCondition');
  const op = condition['op'];
  if (op === 'all' || op === 'any') {
    const parts = (Array.isArray(condition['conditions']) ? condition['conditions'] : []).map((inner) => conditionInWords(inner, items));
    return `${t(op === 'all' ? 'condition.all' : 'condition.any')}: ${parts.join('; ')}`;
  }
  if (op === 'not') return `${t('condition.not')}: ${conditionInWords(condition['condition'], items)}`;
  const item = items.find((candidate) => candidate.id === condition['item']);
  const subject = quoted(item?.label ?? String(condition['item'] ?? ''));
  const verb = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'includes', 'answered'].includes(op) ? t(`condition.${op}` as EditorMessageKey) : op;
  if (op === 'answered') return `${subject} ${verb}`;
  const value = condition['value'];
  const option = typeof value === 'string' ? item?.options.find((candidate) => candidate.id === value) : undefined;
  const shown = option ? quoted(option.label) : typeof value === 'boolean' ? t(value ? 'review.yes' : 'review.no') : typeof value === 'string' ? quoted(value) : String(value);
  return `${subject} ${verb} ${shown}`;
}

/** A value as a designer reads it: a translated text in the language shown, a condition as a sentence, a list by its entries. */
function valueInWords(value: unknown, items: readonly AnswerableItem[], language: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return t(value ? 'review.yes' : 'review.no');
  if (isRecord(value) && typeof value['op'] === 'string') return conditionInWords(value, items);
  if (isRecord(value) && Object.keys(value).length > 0 && Object.entries(value).every(([key, text]) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(key) && typeof text === 'string')) {
    const text = value[language] ?? Object.values(value)[0];
    return String(text);
  }
  if (isRecord(value)) {
    // A whole page, block, item or option: its own text names it.
    for (const key of ['title', 'prompt', 'label', 'text', 'name']) {
      const inner = value[key];
      if (inner !== undefined) return valueInWords(inner, items, language);
    }
  }
  const json = JSON.stringify(value);
  return json.length > 200 ? `${json.slice(0, 200)}…` : json;
}

/**
 * The changes between two versions in the designer's words: each at its place as the editor shows
 * it, with the field's label, the language by name, texts in the language shown, option ids as their
 * texts and conditions as sentences. Changes inside one condition (its test and its value, say)
 * become one change showing the whole condition before and after.
 */
export function wordChanges(changes: readonly DocumentChange[], before: unknown, after: unknown, language: string): WordedChange[] {
  const worded: Array<WordedChange & { conditionKey?: string }> = [];
  const itemsBefore = answerableItems(before, language);
  const itemsAfter = answerableItems(after, language);
  for (const change of changes) {
    const beforePath = change.beforePath ?? change.path;
    const root = conditionRoot(change.path);
    if (root !== undefined) {
      const beforeRoot = conditionRoot(beforePath) ?? root;
      const key = `${beforeRoot} ${root}`;
      const shown = worded.find((entry) => entry.conditionKey === key);
      if (shown) {
        shown.summaries.push(change.summary);
        continue;
      }
      const place = placeOf(root, change.kind === 'removed' ? before : after, language);
      const was = valueAt(before, beforeRoot);
      const is = valueAt(after, root);
      worded.push({
        kind: was === undefined ? 'added' : is === undefined ? 'removed' : 'changed', category: change.category, entity: change.entity, where: place.where, summaries: [change.summary], conditionKey: key,
        field: t('review.field.condition'),
        ...(was !== undefined ? { before: conditionInWords(was, itemsBefore) } : {}),
        ...(is !== undefined ? { after: conditionInWords(is, itemsAfter) } : {}),
      });
      continue;
    }
    const place = placeOf(change.kind === 'removed' ? beforePath : change.path, change.kind === 'removed' ? before : after, language);
    const shownLanguage = change.language ?? language;
    const entry: WordedChange = { kind: change.kind, category: change.category, entity: change.entity, where: place.where, summaries: [change.summary], ...(place.field && change.entity === 'property' ? { field: place.field } : {}), ...(place.language ? { language: place.language } : {}) };
    if (change.words) entry.words = change.words;
    if (change.before !== undefined) entry.before = valueInWords(change.before, itemsBefore, shownLanguage);
    if (change.after !== undefined) entry.after = valueInWords(change.after, itemsAfter, shownLanguage);
    worded.push(entry);
  }
  return worded.map(({ conditionKey: _key, ...entry }) => entry);
}
