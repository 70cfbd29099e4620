import type { Issue } from '@careloom/format';
import { pointerSegments } from '@careloom/format/validate';
import { i18n, t } from '../i18n/i18n.js';
import { en, type EditorMessageKey } from './messages-en.js';

/** Lists whose elements the editor shows numbered, by the property holding the list. */
const THINGS = new Set(['options', 'items', 'fields', 'bands', 'alerts', 'tests', 'branches', 'rows', 'subscales', 'conditions', 'captions', 'rules', 'modules', 'measurements', 'registrations']);

/** Objects that only group fields in the format; the editor shows their fields on the block itself. */
const TRANSPARENT = new Set(['input', 'scoring', 'zones', 'expect', 'unit', 'media']);

/** Fields the editor labels, by their name in the format. */
const FIELDS = new Set([
  'prompt', 'help', 'title', 'label', 'text', 'alt', 'caption', 'transcript', 'summary', 'instructions', 'message', 'minLabel', 'maxLabel',
  'yesLabel', 'noLabel', 'id', 'name', 'description', 'intro', 'explanation', 'input', 'options', 'items', 'content', 'targetGroup', 'credit', 'src',
  'durationWeeks', 'weeks', 'defaultLanguage', 'languages', 'min', 'max', 'step', 'minSelected', 'maxSelected', 'fromWeek', 'toWeek', 'week', 'weekdays', 'dueWithinDays', 'withinHours', 'module', 'version', 'registration', 'goTo', 'value', 'tags',
]);

/** The texts that name an element in the editor, in the order they are tried. */
const NAMING_TEXTS = ['prompt', 'title', 'label', 'text', 'name', 'alt'];

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const SHOWN_LENGTH = 40;

type Record_ = Record<string, unknown>;
const isRecord = (value: unknown): value is Record_ => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A language's name in the interface language ('Swedish', 'svenska'). */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([i18n.language], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** How the editor names an element: the first of its texts, in the content language, shortened. */
function nameOf(element: unknown, contentLanguage: string, defaultLanguage: string): string {
  if (!isRecord(element)) return '';
  for (const key of NAMING_TEXTS) {
    const value = element[key];
    const text = isRecord(value) ? (value[contentLanguage] ?? value[defaultLanguage] ?? Object.values(value)[0]) : typeof value === 'string' && key === 'name' ? value : undefined;
    if (typeof text === 'string' && text.trim() !== '') return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH - 1).trimEnd()}…` : text.trim();
  }
  return typeof element['abbreviation'] === 'string' ? element['abbreviation'] : '';
}

function blockType(element: unknown): string {
  const type = isRecord(element) && typeof element['type'] === 'string' ? element['type'] : '';
  if (type === 'question') return t('common.question');
  return type === '' ? t('issue.thing.entry') : t(`block.${type}` as EditorMessageKey);
}

/** Where a problem is and which field it is about, in the editor's words. */
export interface IssuePlace {
  /** 'Page 1 “Sleep”, block 2 (Question “How did you sleep?”)', or 'Module details'. */
  where: string;
  /** The field's name as a phrase ('question text'), when the editor labels it. */
  field?: string;
  /** The language of the text the problem is in, when it is one translation. */
  language?: string;
}

/**
 * Names the place a JSON Pointer points at the way the editor shows it: pages and blocks by number
 * with their own text, options, items and fields by number and label, the field by its label in the
 * editor, and the language of a translation by its name, all in the interface language.
 *
 * @example
 * placeOf('/pages/0/blocks/1/prompt/en', module, 'en');
 * // { where: 'Page 1 “Sleep”, block 2 (Question “How did you sleep?”)', field: 'question text', language: 'English' }
 */
export function placeOf(path: string, doc: unknown, contentLanguage: string): IssuePlace {
  const defaultLanguage = isRecord(doc) && typeof doc['defaultLanguage'] === 'string' ? doc['defaultLanguage'] : contentLanguage;
  const places: string[] = [];
  let node: unknown = doc;
  let list: string | undefined;
  let field: string | undefined;
  let language: string | undefined;
  for (const segment of pointerSegments(path)) {
    if (Array.isArray(node)) {
      const index = Number(segment);
      const element: unknown = node[index];
      const number = index + 1;
      const text = nameOf(element, contentLanguage, defaultLanguage);
      if (list === 'pages') places.push(text ? t('issue.page', { number, title: text }) : t('issue.pageUntitled', { number }));
      else if (list === 'blocks') places.push(text ? t('issue.blockNamed', { number, type: blockType(element), text }) : t('issue.block', { number, type: blockType(element) }));
      else {
        const thing = t(`issue.thing.${list !== undefined && THINGS.has(list) ? list : 'entry'}` as EditorMessageKey);
        places.push(text ? t('issue.entryNamed', { thing, number, text }) : t('issue.entry', { thing, number }));
      }
      node = element;
      list = undefined;
      field = undefined;
      continue;
    }
    // A translation inside a text: the language, not another field.
    if (field !== undefined && LANGUAGE_TAG.test(segment) && isRecord(node)) {
      language = segment;
      node = node[segment];
      continue;
    }
    list = segment;
    if (!TRANSPARENT.has(segment)) field = segment;
    node = isRecord(node) ? node[segment] : undefined;
  }
  const isProgram = isRecord(doc) && Array.isArray(doc['modules']) && !Array.isArray(doc['pages']);
  const where = places.length === 0 ? t(isProgram ? 'issue.program' : 'issue.module') : places.join(', ');
  return {
    where: where.charAt(0).toLocaleUpperCase(i18n.language) + where.slice(1),
    ...(field !== undefined && !THINGS.has(field) && field !== 'pages' && field !== 'blocks' ? { field: fieldName(field) } : {}),
    ...(language !== undefined ? { language: languageName(language) } : {}),
  };
}

function fieldName(name: string): string {
  return t(`issue.field.${FIELDS.has(name) ? name : 'other'}` as EditorMessageKey);
}

/**
 * A validation problem in the designer's words and language: where it is as the editor shows it,
 * and what to do. The problems a designer meets most while writing (an empty or untranslated text,
 * a missing field, an id used twice or not of the allowed form) name the field and value; every
 * other problem the validator knows has its own sentence (`issue.code.<code>`, issue-codes-*.ts),
 * and one it does not know yet a general one, never the validator's English.
 */
export function issueInWords(issue: Issue, doc: unknown, contentLanguage: string): string {
  const place = placeOf(issue.path, doc, contentLanguage);
  const params = issue.params ?? {};
  const field = place.field ?? t('issue.field.other');
  switch (issue.code) {
    case 'schema.min_length':
    case 'schema.min_properties':
      return place.language ? t('issue.emptyIn', { where: place.where, field, language: place.language }) : t('issue.empty', { where: place.where, field });
    case 'translation.missing': {
      const missing = Array.isArray(params['missing']) ? params['missing'].filter((entry): entry is string => typeof entry === 'string') : [];
      if (missing.length === 0) break;
      const languages = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(missing.map(languageName));
      return t('issue.translationMissing', { where: place.where, field, languages });
    }
    case 'schema.required':
      if (typeof params['missingProperty'] !== 'string') break;
      return t('issue.required', { where: place.where, field: fieldName(params['missingProperty']) });
    case 'ids.duplicate':
    case 'ids.duplicate_in_list':
      if (typeof params['id'] !== 'string') break;
      return t('issue.duplicateId', { where: place.where, id: params['id'] });
    case 'schema.pattern': {
      if (!issue.path.endsWith('/id')) break;
      const value = valueAt(doc, issue.path);
      return t('issue.idForm', { where: place.where, value: typeof value === 'string' ? value : '' });
    }
    case 'readability.above_level': {
      const { language, level, formula, score, limit } = params;
      if (typeof language !== 'string' || (level !== 'easy' && level !== 'standard') || (formula !== 'lix' && formula !== 'flesch') || typeof score !== 'number' || typeof limit !== 'number') break;
      return t('issue.code.readability.above_level', {
        where: place.where, language: languageName(language), level: t(`readability.level.${level}`), formula: t(`readability.formula.${formula}`), score,
        bound: t(formula === 'lix' ? 'issue.readabilityAtMost' : 'issue.readabilityAtLeast', { limit }),
      });
    }
    default:
      break;
  }
  return byCode(issue, place, field, params);
}

/** The numbers and languages a problem's sentence may name, from its params. */
function sentenceParams(params: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const name of ['limit', 'min', 'max', 'step', 'from', 'to', 'week', 'fromWeek', 'toWeek']) {
    const value = params[name];
    if (typeof value === 'number' || (typeof value === 'string' && value !== '')) out[name] = value;
  }
  if (typeof params['durationWeeks'] === 'number') out['weeks'] = params['durationWeeks'];
  if (typeof params['language'] === 'string') out['language'] = languageName(params['language']);
  const missing = Array.isArray(params['missing']) ? params['missing'].filter((entry): entry is string => typeof entry === 'string') : [];
  if (missing.length > 0) out['languages'] = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(missing.map(languageName));
  return out;
}

/** The problem's own sentence, when its params hold everything the sentence names; else the general one. */
function byCode(issue: Issue, place: IssuePlace, field: string, params: Record<string, unknown>): string {
  const key = `issue.code.${issue.code}`;
  const values = { where: place.where, field, ...sentenceParams(params) };
  if (Object.hasOwn(en, key)) {
    const needed = [...en[key as EditorMessageKey].matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
    if (needed.every((name) => Object.hasOwn(values, name))) return t(key as EditorMessageKey, values);
  }
  return t('issue.code.other', { where: place.where, field });
}

function valueAt(doc: unknown, path: string): unknown {
  let node = doc;
  for (const segment of pointerSegments(path)) node = Array.isArray(node) ? node[Number(segment)] : isRecord(node) ? node[segment] : undefined;
  return node;
}
