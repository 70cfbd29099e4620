import { localize } from '@careloom/format/engine';
import { instrumentOptions } from '@careloom/format/engine';
import type { IndexedItem, ModuleIndex } from '@careloom/format/engine';
import type { Block, Input, LocalizedText, Module } from '@careloom/format';
import type { AnswerValue, StoredResponse, Zone } from '@careloom/format/api';
import { formatDate, formatNumber } from '../shared/i18n.js';
import type { Translate } from '../shared/i18n.js';

/** A module version with its engine index, as the clinic keeps it to label answers. */
export interface LabelledModule {
  module: Module;
  index: ModuleIndex;
}

/** One answered item: what the patient was asked and what they chose, in words. */
export interface AnswerRow {
  itemId: string;
  question: string;
  answer: string;
  /** The zone the field put the registration entry in, when not green. */
  zone?: Zone;
}

/** Answers of one block (an instrument, grid, exercise or registration), or of consecutive questions (no heading). */
export interface AnswerGroup {
  blockId: string | null;
  heading: string | null;
  rows: AnswerRow[];
}

/** A response as the therapist reads it. `labelled` is false when the module could not be loaded (ids shown). */
export interface LabelledResponse {
  title: string;
  /** The registration's title, for a registration entry. */
  registration: string | null;
  /** Each instrument's score, e.g. 'PHQ-9 16 (Moderately severe depression)'. */
  scores: string[];
  /** The worst zone of a registration entry. */
  zone: Zone | null;
  groups: AnswerGroup[];
  labelled: boolean;
}

const ZONE_ORDER: Readonly<Record<Zone, number>> = { green: 0, yellow: 1, red: 2 };

/** An answer without its module: option ids and raw values, as stored. */
export function rawAnswer(value: AnswerValue): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '–';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/**
 * Words for a response, from the module version it answered: the module title, each question's
 * text and the chosen options' labels in `language` (else the module's default language), numbers
 * with their unit, yes/no, dates in the interface language, and score bands. Items are listed in
 * the module's order, grouped by block; answers the module does not know keep their ids.
 *
 * @example
 * labelResponse(response, { module: phq9, index: indexModule(phq9) }, 'sv', translator('sv')).groups[0].rows[0];
 * // { itemId: 'phq9_1', question: 'Lite intresse eller glädje i att göra saker', answer: 'Nästan varje dag' }
 */
export function labelResponse(response: StoredResponse, loaded: LabelledModule | undefined, language: string, t: Translate): LabelledResponse {
  const zone = worstZone(response.zones);
  if (!loaded) {
    return {
      title: response.moduleId,
      registration: response.registrationId ?? null,
      scores: response.scores.map((score) => `${score.title ?? score.instrumentId} ${formatNumber(score.total, language)}${score.bandLabel ? ` (${score.bandLabel})` : ''}${subscaleText(score, (id) => id, language)}`),
      zone,
      groups: [{ blockId: null, heading: null, rows: Object.entries(response.answers).map(([itemId, value]) => ({ itemId, question: itemId, answer: rawAnswer(value ?? null) })) }],
      labelled: false,
    };
  }
  const { module, index } = loaded;
  const text = (value: LocalizedText | undefined) => localize(value, language, module.defaultLanguage);
  const zoneOf = new Map(response.zones.filter((entry) => entry.zone !== 'green').map((entry) => [entry.fieldId, entry.zone]));

  const groups: AnswerGroup[] = [];
  const answered = new Set(Object.keys(response.answers));
  for (const item of index.items.values()) {
    if (!answered.has(item.id)) continue;
    answered.delete(item.id);
    const block = index.blocks.get(item.blockId)?.block;
    const value = response.answers[item.id] ?? null;
    const fieldZone = zoneOf.get(item.id);
    const row: AnswerRow = { itemId: item.id, question: questionText(item, block, text) || item.id, answer: answerWords(item, block, value, language, t, text), ...(fieldZone ? { zone: fieldZone } : {}) };
    const blockId = item.source === 'question' ? null : item.blockId;
    const last = groups.at(-1);
    if (last && last.blockId === blockId) last.rows.push(row);
    else groups.push({ blockId, heading: block && blockId ? blockHeading(block, text) : null, rows: [row] });
  }
  if (answered.size > 0) {
    groups.push({ blockId: null, heading: null, rows: [...answered].map((itemId) => ({ itemId, question: itemId, answer: rawAnswer(response.answers[itemId] ?? null) })) });
  }

  const registration = response.registrationId ? index.blocks.get(response.registrationId)?.block : undefined;
  return {
    title: text(module.title) || module.id,
    registration: registration?.type === 'registration' ? text(registration.title) : response.registrationId ?? null,
    scores: response.scores.map((score) => {
      const instrument = index.blocks.get(score.instrumentId)?.block;
      const band = instrument?.type === 'instrument' ? instrument.scoring.bands.find((candidate) => candidate.id === score.band) : undefined;
      const name = instrument?.type === 'instrument' ? instrument.abbreviation : score.title ?? score.instrumentId;
      const bandLabel = band ? text(band.label) : score.bandLabel;
      const subscaleName = (id: string) => (instrument?.type === 'instrument' ? text(instrument.scoring.subscales?.find((candidate) => candidate.id === id)?.name) || id : id);
      return `${name} ${formatNumber(score.total, language)}${bandLabel ? ` (${bandLabel})` : ''}${subscaleText(score, subscaleName, language)}`;
    }),
    zone,
    groups,
    labelled: true,
  };
}

function worstZone(zones: StoredResponse['zones']): Zone | null {
  return zones.reduce<Zone | null>((worst, entry) => (worst === null || ZONE_ORDER[entry.zone] > ZONE_ORDER[worst] ? entry.zone : worst), null);
}

function blockHeading(block: Block, text: (value: LocalizedText | undefined) => string): string | null {
  switch (block.type) {
    case 'instrument':
      return text(block.name) || block.abbreviation;
    case 'grid':
      return text(block.prompt);
    case 'exercise':
    case 'registration':
      return text(block.title);
    default:
      return null;
  }
}

function questionText(item: IndexedItem, block: Block | undefined, text: (value: LocalizedText | undefined) => string): string {
  if (!block) return '';
  switch (block.type) {
    case 'question':
      return text(block.prompt);
    case 'grid':
      return text(block.rows.find((row) => row.id === item.id)?.prompt);
    case 'instrument':
      return text(block.items.find((candidate) => candidate.id === item.id)?.text);
    case 'exercise':
    case 'registration':
      return text(block.fields?.find((field) => field.id === item.id)?.label);
    default:
      return '';
  }
}

/** The options an item's answer names, with their labels. */
function optionLabels(item: IndexedItem, block: Block | undefined): ReadonlyArray<{ id: string; label: LocalizedText }> {
  if (item.input && 'options' in item.input) return item.input.options;
  if (block?.type === 'grid') return block.options;
  if (block?.type === 'instrument') return instrumentOptions(block, block.items.findIndex((candidate) => candidate.id === item.id));
  return [];
}

function answerWords(item: IndexedItem, block: Block | undefined, value: AnswerValue, language: string, t: Translate, text: (value: LocalizedText | undefined) => string): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '–';
  const input: Input | undefined = item.input;
  const option = (id: string) => {
    const found = optionLabels(item, block).find((candidate) => candidate.id === id);
    return found ? text(found.label) || id : id;
  };
  switch (item.shape) {
    case 'option':
      return typeof value === 'string' ? option(value) : rawAnswer(value);
    case 'options':
      return Array.isArray(value) ? value.map(option).join(', ') : rawAnswer(value);
    case 'number': {
      if (typeof value !== 'number') return rawAnswer(value);
      const number = new Intl.NumberFormat(language, { maximumFractionDigits: input?.kind === 'number' ? input.decimals ?? 2 : 2 }).format(value);
      if (input?.kind === 'number' && input.unit) return `${number}\u00a0${text(input.unit.label) || input.unit.code}`;
      if (input?.kind === 'slider') return `${number} (${formatNumber(input.min, language)}–${formatNumber(input.max, language)})`;
      return number;
    }
    case 'boolean':
      if (typeof value !== 'boolean') return rawAnswer(value);
      if (input?.kind === 'yesNo') return (value ? text(input.yesLabel) : text(input.noLabel)) || t(value ? 'common.yes' : 'common.no');
      return t(value ? 'common.yes' : 'common.no');
    case 'dateTime':
      return typeof value === 'string' ? dateTimeWords(value, input?.kind === 'dateTime' ? input.mode : 'dateTime', language) : rawAnswer(value);
    case 'text':
      return String(value);
  }
}

/** A wall-clock date and/or time as the patient entered it (no time zone), in the interface language. */
function dateTimeWords(value: string, mode: 'date' | 'time' | 'dateTime', language: string): string {
  if (mode === 'date') return formatDate(value, language);
  // Without an offset, ECMAScript reads a date-time as local time, so formatting shows it unchanged.
  const date = new Date(mode === 'time' ? `2000-01-01T${value}` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, mode === 'time' ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** An instrument's subscale scores after its total, e.g. ' — Somatic 5, Cognitive 11'; '' without subscales. */
function subscaleText(score: StoredResponse['scores'][number], name: (id: string) => string, language: string): string {
  const subscales = score.subscales && typeof score.subscales === 'object' ? Object.entries(score.subscales as Record<string, number | null>) : [];
  if (subscales.length === 0) return '';
  return ` — ${subscales.map(([id, value]) => `${name(id)} ${formatNumber(value, language)}`).join(', ')}`;
}
