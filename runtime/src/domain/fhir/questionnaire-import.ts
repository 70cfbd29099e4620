import type { Block, Condition, InstrumentBlock, InstrumentItem, Issue, LocalizedText, Module, Option, Page, QuestionBlock, ScoredOption, ScoringTest } from '@careloom/format';
import { validateModule } from '@careloom/format/validate';
import { scoreInstrument, scoreRange } from '@careloom/format/engine';
import { DomainError } from '../errors.js';
import type { Coding, Expression, Extension, Questionnaire, QuestionnaireAnswerOption, QuestionnaireEnableWhen, QuestionnaireItem } from './fhir-types.js';
import { localizedFromFhir } from './fhir-text.js';
import { EXT } from './fhir-urls.js';
import { recognisePlainSum } from './plain-sum.js';
import { scoreExpression } from './scoring-expression.js';

/** Something of the Questionnaire that the new draft does not hold, and why. */
export interface ImportNote {
  /** The item it concerns; left out for the Questionnaire as a whole. */
  linkId?: string;
  /** JSON Pointer into the imported Questionnaire. */
  path: string;
  code: 'language' | 'item.type' | 'item.answers' | 'item.condition' | 'item.calculated' | 'item.repeats' | 'item.nested' | 'item.ids' | 'instrument.bands' | 'instrument.tests' | 'instrument.licence' | 'instrument.scoring' | 'questionnaire.empty';
  message: string;
}

export interface QuestionnaireImport {
  module: Module;
  notes: ImportNote[];
}

const MAX_ITEMS = 2000;
const MAX_DEPTH = 12;
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Z]{2})?$/;
const ID = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/**
 * A FHIR R4 Questionnaire as a new module draft: groups become pages (or grids and instruments),
 * questions become question blocks, display items text, enableWhen conditions, ordinal values
 * scores. A group whose total is a plain sum of ordinal values (the SDC and LHC-Forms way) becomes an
 * instrument with that total; a Careloom export comes back whole, bands, alerts and test cases
 * included. Whatever does not fit the format is listed in `notes`, item by item, never dropped
 * silently. Throws `invalid` when the input is not a Questionnaire or nothing of it can be used.
 */
export function questionnaireToModule(input: unknown, options: { moduleId: string }): QuestionnaireImport {
  if (!isObject(input) || input.resourceType !== 'Questionnaire') {
    throw new DomainError('invalid', 'The file is not a FHIR Questionnaire (its resourceType must be "Questionnaire").', { issues: [issue('fhir.not_questionnaire', '/resourceType', 'The resourceType must be "Questionnaire".')] });
  }
  const questionnaire = input as unknown as Questionnaire;
  checkShape(questionnaire);
  const importer = new Importer(questionnaire);
  const module = importer.build(options.moduleId);
  const result = validateModule(module);
  if (!result.ok) {
    throw new DomainError('invalid', `The Questionnaire could not be made into a valid module (${result.issues.length} problems).`, { issues: result.issues });
  }
  return { module: result.value, notes: importer.notes };
}

function checkShape(questionnaire: Questionnaire): void {
  let count = 0;
  const walk = (items: unknown, path: string, depth: number) => {
    if (items === undefined) return;
    if (!Array.isArray(items)) throw new DomainError('invalid', `${path} must be a list of items.`, { issues: [issue('fhir.item', path, 'Must be a list of items.')] });
    if (depth > MAX_DEPTH) throw new DomainError('invalid', `The Questionnaire nests items more than ${MAX_DEPTH} levels deep.`, { issues: [issue('fhir.depth', path, `Nested more than ${MAX_DEPTH} levels deep.`)] });
    items.forEach((item: unknown, index) => {
      const at = `${path}/${index}`;
      count++;
      if (count > MAX_ITEMS) throw new DomainError('invalid', `The Questionnaire has more than ${MAX_ITEMS} items.`, { issues: [issue('fhir.size', at, `More than ${MAX_ITEMS} items.`)] });
      if (!isObject(item) || typeof item.linkId !== 'string' || item.linkId === '' || typeof item.type !== 'string') {
        throw new DomainError('invalid', `Item ${at} needs a linkId and a type.`, { issues: [issue('fhir.item', at, 'An item needs a linkId and a type.')] });
      }
      walk(item.item, `${at}/item`, depth + 1);
    });
  };
  walk(questionnaire.item, '/item', 1);
}

interface Located {
  item: QuestionnaireItem;
  path: string;
}

interface CarriedInstrument {
  abbreviation: string;
  licence: InstrumentBlock['licence'];
  locked?: boolean;
  instructionsLinkId?: string;
  totalLinkId: string;
  codes?: InstrumentBlock['codes'];
  reversed: string[];
  unscored: string[];
  scoring: InstrumentBlock['scoring'];
  tests: InstrumentBlock['tests'];
}

class Importer {
  readonly notes: ImportNote[] = [];
  private readonly language: string;
  private readonly texts: LocalizedText[] = [];
  private readonly ids = new Map<string, string>();
  private readonly used = new Set<string>();
  /** Answerable items already placed, by Careloom id, with their options for conditions. */
  private readonly answerable = new Map<string, { multiple: boolean; options?: Array<{ id: string; coding?: Coding }>; kind: 'choice' | 'number' | 'boolean' | 'other' }>();

  constructor(private readonly questionnaire: Questionnaire) {
    const language = questionnaire.language;
    if (typeof language === 'string' && LANGUAGE_TAG.test(language)) {
      this.language = language;
    } else {
      this.language = 'en';
      this.note(undefined, '/language', 'language', language === undefined ? 'The Questionnaire names no language; its texts were taken as English.' : `The language "${String(language)}" is not a tag the format knows; the texts were taken as English.`);
    }
  }

  build(moduleId: string): Module {
    const rootItems = (this.questionnaire.item ?? []).map((item, index) => ({ item, path: `/item/${index}` }));
    const title = this.text(this.questionnaire.title ?? this.questionnaire.name, this.questionnaire._title) ?? this.fallbackText('Imported questionnaire');
    const pages: Page[] = [];
    const allGroups = rootItems.length > 0 && rootItems.every(({ item }) => item.type === 'group');
    if (allGroups && !rootItems.some(({ item }) => this.isInstrument(item, item.item ?? []))) {
      for (const { item, path } of rootItems) {
        const id = this.idFor(item.linkId, path);
        const page: Page = { id, title: this.text(item.text, item._text) ?? title, blocks: this.blocksOf(item.item ?? [], `${path}/item`) };
        const visibleWhen = this.conditionOf(item, path);
        if (visibleWhen) page.visibleWhen = visibleWhen;
        pages.push(page);
      }
    } else {
      pages.push({ id: this.freshId('questionnaire'), title, blocks: this.blocksOf(this.questionnaire.item ?? [], '/item', this.questionnaire.code) });
    }
    if (pages.every((page) => page.blocks.length === 0)) {
      throw new DomainError('invalid', 'Nothing in the Questionnaire could be carried over.', { issues: [issue('fhir.empty', '/item', 'No item could be carried over.')] });
    }
    const module: Module = {
      formatVersion: 1,
      id: moduleId,
      title,
      languages: [this.language],
      defaultLanguage: this.language,
      pages: pages as Module['pages'],
    };
    const summary = this.text(this.questionnaire.description, this.questionnaire._description);
    if (summary) module.summary = summary;
    module.languages = this.settleLanguages() as Module['languages'];
    for (const { text, value } of this.universal) for (const language of module.languages) text[language] = value;
    return module;
  }

  /** Languages every text has; translations into the others are left out, and said so. */
  private settleLanguages(): string[] {
    const counts = new Map<string, number>();
    for (const text of this.texts) for (const language of Object.keys(text)) counts.set(language, (counts.get(language) ?? 0) + 1);
    const complete = [...counts].filter(([language, count]) => language !== this.language && count === this.texts.length).map(([language]) => language);
    for (const [language, count] of counts) {
      if (language === this.language || complete.includes(language)) continue;
      this.note(undefined, '', 'language', `Translations into "${language}" were left out: ${this.texts.length - count} of ${this.texts.length} texts have none, and a module has every text in each of its languages.`);
    }
    for (const text of this.texts) for (const language of Object.keys(text)) if (language !== this.language && !complete.includes(language)) delete text[language];
    return [this.language, ...complete.sort()];
  }

  private blocksOf(items: readonly QuestionnaireItem[], path: string, panel?: Coding[]): Block[] {
    const located = items.map((item, index) => ({ item, path: `${path}/${index}` }));
    const blocks: Block[] = [];
    // A container whose total is a sum of its choices' ordinal values is an instrument (LHC-Forms puts
    // the PHQ-9 at the root; Careloom exports it as a group).
    const rootInstrument = this.instrumentFrom({ linkId: 'instrument', type: 'group', item: [...items], ...(panel ? { code: panel } : {}) }, path, located);
    if (rootInstrument) {
      blocks.push(rootInstrument.block);
      for (const entry of located) if (!rootInstrument.consumed.has(entry.item)) blocks.push(...this.blockOf(entry));
      return blocks;
    }
    for (const entry of located) blocks.push(...this.blockOf(entry));
    return blocks;
  }

  private blockOf({ item, path }: Located): Block[] {
    switch (item.type) {
      case 'display': {
        const text = this.text(item.text, item._text);
        if (!text) return [];
        const id = this.idFor(item.linkId, path);
        const content = Object.fromEntries(Object.entries(text).map(([language, value]) => [language, { type: 'doc' as const, content: value.split('\n').filter(Boolean).map((line) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text: line }] })) }]));
        const block: Block = { type: 'text', id, content };
        return [this.withVisibility(block, item, path)];
      }
      case 'group': {
        if (item.extension?.some((extension) => extension.url === EXT.careloomInstrument) || this.isInstrument(item, item.item ?? [])) {
          const instrument = this.instrumentFrom(item, path, (item.item ?? []).map((child, index) => ({ item: child, path: `${path}/item/${index}` })));
          if (instrument) {
            const rest = (item.item ?? []).map((child, index) => ({ item: child, path: `${path}/item/${index}` })).filter((entry) => !instrument.consumed.has(entry.item));
            return [this.withVisibility(instrument.block, item, path), ...rest.flatMap((entry) => this.blockOf(entry))];
          }
        }
        const grid = this.gridFrom(item, path);
        if (grid) return [grid];
        const children = (item.item ?? []).map((child, index) => ({ item: child, path: `${path}/item/${index}` }));
        if (children.length > 0) this.note(item.linkId, path, 'item.nested', `Group "${item.linkId}" was opened up: the format has no groups inside a page, so its ${children.length} items follow on the page${item.enableWhen ? ', and the group\'s condition was not carried to them' : ''}.`);
        const heading = this.text(item.text, item._text);
        const blocks: Block[] = [];
        if (heading) {
          const content = Object.fromEntries(Object.entries(heading).map(([language, value]) => [language, { type: 'doc' as const, content: [{ type: 'heading' as const, attrs: { level: 2 }, content: [{ type: 'text' as const, text: value }] }] }]));
          blocks.push({ type: 'text', id: this.idFor(item.linkId, path), content });
        }
        return [...blocks, ...children.flatMap((entry) => this.blockOf(entry))];
      }
      default: {
        const question = this.questionFrom(item, path);
        return question ? [question] : [];
      }
    }
  }

  private questionFrom(item: QuestionnaireItem, path: string): QuestionBlock | undefined {
    if (item.readOnly || item.extension?.some((extension) => extension.url === EXT.calculatedExpression)) {
      this.note(item.linkId, path, 'item.calculated', `Item "${item.linkId}" is computed (${item.text ?? 'no text'}); the format has no computed fields, so it was left out.`);
      return undefined;
    }
    const prompt = this.text(item.text, item._text);
    if (!prompt) {
      this.note(item.linkId, path, 'item.type', `Item "${item.linkId}" has no text to ask, so it was left out.`);
      return undefined;
    }
    const input = this.inputOf(item, path);
    if (!input) return undefined;
    if (item.item && item.item.length > 0) this.note(item.linkId, path, 'item.nested', `The ${item.item.length} items under question "${item.linkId}" were left out: the format has no questions inside questions.`);
    if (item.repeats && input.kind !== 'multipleChoice') this.note(item.linkId, path, 'item.repeats', `Question "${item.linkId}" may be answered several times in FHIR; the format keeps one answer.`);
    const id = this.idFor(item.linkId, path);
    const block: QuestionBlock = { type: 'question', id, prompt, input, ...(item.required ? { required: true } : {}) };
    const visible = this.withVisibility(block, item, path) as QuestionBlock;
    this.answerable.set(id, {
      multiple: input.kind === 'multipleChoice',
      kind: input.kind === 'singleChoice' || input.kind === 'multipleChoice' ? 'choice' : input.kind === 'number' || input.kind === 'slider' ? 'number' : input.kind === 'yesNo' ? 'boolean' : 'other',
      ...(input.kind === 'singleChoice' || input.kind === 'multipleChoice' ? { options: this.lastOptions } : {}),
    });
    return visible;
  }

  private lastOptions: Array<{ id: string; coding?: Coding }> = [];

  private inputOf(item: QuestionnaireItem, path: string): QuestionBlock['input'] | undefined {
    const control = itemControlOf(item);
    switch (item.type) {
      case 'choice':
      case 'open-choice': {
        if (!item.answerOption || item.answerOption.length === 0) {
          this.note(item.linkId, path, 'item.answers', item.answerValueSet ? `Question "${item.linkId}" takes its answers from the value set ${item.answerValueSet}, which is not part of the Questionnaire; it was left out.` : `Question "${item.linkId}" has no answer options; it was left out.`);
          return undefined;
        }
        if (item.type === 'open-choice') this.note(item.linkId, path, 'item.answers', `Question "${item.linkId}" also accepts a free-text answer in FHIR; the draft offers only its listed options.`);
        const options = this.optionsOf(item, path);
        if (!options) return undefined;
        this.lastOptions = options.map((option) => ({ id: option.id, ...(option.coding ? { coding: option.coding } : {}) }));
        const plain: Option[] = options.map((option) => ({ id: option.id, label: option.label, ...(option.value !== undefined ? { value: option.value } : {}) }));
        if (item.repeats) {
          const min = extensionValue(item, EXT.minOccurs)?.valueInteger;
          const max = extensionValue(item, EXT.maxOccurs)?.valueInteger;
          return { kind: 'multipleChoice', options: plain as [Option, ...Option[]], ...(min !== undefined ? { minSelected: min } : {}), ...(max !== undefined ? { maxSelected: max } : {}) };
        }
        if (plain.length < 2) {
          this.note(item.linkId, path, 'item.answers', `Question "${item.linkId}" has a single answer option; the format needs at least two to choose between, so it was left out.`);
          return undefined;
        }
        return { kind: 'singleChoice', options: plain as [Option, Option, ...Option[]], ...(control === 'drop-down' ? { display: 'dropdown' as const } : {}) };
      }
      case 'boolean':
        return { kind: 'yesNo' };
      case 'integer':
      case 'decimal': {
        const min = numberOf(extensionValue(item, EXT.minValue));
        const max = numberOf(extensionValue(item, EXT.maxValue));
        if (control === 'slider' && min !== undefined && max !== undefined && min < max) {
          const step = extensionValue(item, EXT.sliderStepValue)?.valueInteger;
          return { kind: 'slider', min, max, ...(step !== undefined ? { step } : item.type === 'integer' ? { step: 1 } : {}) };
        }
        const unitCoding = extensionValue(item, EXT.unit)?.valueCoding;
        const decimals = item.type === 'integer' ? 0 : extensionValue(item, EXT.maxDecimalPlaces)?.valueInteger;
        const unit = unitCoding?.code ? { code: unitCoding.code, label: this.text(unitCoding.display ?? unitCoding.code, unitCoding._display)! } : undefined;
        return { kind: 'number', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), ...(decimals !== undefined ? { decimals } : {}), ...(unit ? { unit } : {}) };
      }
      case 'string':
      case 'text':
      case 'url':
        if (item.type === 'url') this.note(item.linkId, path, 'item.type', `Question "${item.linkId}" asks for a web address; the draft asks for it as text.`);
        return { kind: 'text', ...(item.type === 'text' ? { multiline: true } : {}), maxLength: Math.min(20000, Math.max(1, item.maxLength ?? (item.type === 'text' ? 4000 : 500))) };
      case 'date':
      case 'time':
      case 'dateTime':
        return { kind: 'dateTime', mode: item.type };
      default:
        this.note(item.linkId, path, 'item.type', `Question "${item.linkId}" asks for ${item.type === 'attachment' ? 'a file' : item.type === 'reference' ? 'a reference to another record' : item.type === 'quantity' ? 'a quantity with a unit of its choice' : `a "${item.type}"`}, which the format does not ask for; it was left out.`);
        return undefined;
    }
  }

  private optionsOf(item: QuestionnaireItem, path: string): Array<{ id: string; label: LocalizedText; value?: number; coding?: Coding; code?: string }> | undefined {
    const taken = new Set<string>();
    const result: Array<{ id: string; label: LocalizedText; value?: number; coding?: Coding; code?: string }> = [];
    (item.answerOption ?? []).forEach((option, index) => {
      const at = `${path}/answerOption/${index}`;
      const carriedId = option.extension?.find((extension) => extension.url === EXT.careloomOptionId)?.valueString;
      const raw = carriedId ?? option.valueCoding?.code ?? option.valueString ?? (option.valueInteger !== undefined ? `n${option.valueInteger}` : option.valueDate ?? option.valueTime);
      const labelText = option.valueCoding ? (option.valueCoding.display ?? option.valueCoding.code) : option.valueString ?? (option.valueInteger !== undefined ? String(option.valueInteger) : option.valueDate ?? option.valueTime);
      if (raw === undefined || labelText === undefined) {
        this.note(item.linkId, at, 'item.answers', `Answer option ${index + 1} of "${item.linkId}" has no value the format can hold; it was left out.`);
        return;
      }
      let id = sanitizeId(raw);
      for (let n = 2; taken.has(id); n++) id = `${sanitizeId(raw)}-${n}`;
      taken.add(id);
      const label = this.text(labelText, option.valueCoding?._display)!;
      const value = ordinalOf(option) ?? option.valueInteger;
      result.push({ id, label, ...(value !== undefined ? { value } : {}), ...(option.valueCoding ? { coding: option.valueCoding } : {}), ...(option.valueCoding?.code ? { code: option.valueCoding.code } : {}) });
    });
    if (result.length === 0) {
      this.note(item.linkId, path, 'item.answers', `Question "${item.linkId}" has no usable answer options; it was left out.`);
      return undefined;
    }
    return result;
  }

  private gridFrom(item: QuestionnaireItem, path: string): Block | undefined {
    if (itemControlOf(item) !== 'gtable') return undefined;
    const rows = item.item ?? [];
    if (rows.length === 0 || !rows.every((row) => row.type === 'choice' && !row.repeats && row.answerOption && row.answerOption.length >= 2)) return undefined;
    const first = JSON.stringify(rows[0]!.answerOption);
    if (!rows.every((row) => JSON.stringify(row.answerOption) === first)) return undefined;
    const prompt = this.text(item.text, item._text);
    if (!prompt) return undefined;
    const options = this.optionsOf(rows[0]!, `${path}/item/0`);
    if (!options || options.length < 2) return undefined;
    const id = this.idFor(item.linkId, path);
    const block: Block = {
      type: 'grid',
      id,
      prompt,
      ...(rows.every((row) => row.required) ? { required: true } : {}),
      options: options.map((option) => ({ id: option.id, label: option.label, ...(option.value !== undefined ? { value: option.value } : {}) })) as [Option, Option, ...Option[]],
      rows: rows.map((row, index) => ({ id: this.idFor(row.linkId, `${path}/item/${index}`), prompt: this.text(row.text, row._text) ?? prompt })) as [{ id: string; prompt: LocalizedText }],
    };
    for (const row of block.rows) this.answerable.set(row.id, { multiple: false, kind: 'choice', options: options.map((option) => ({ id: option.id, ...(option.coding ? { coding: option.coding } : {}) })) });
    return this.withVisibility(block, item, path);
  }

  /** Whether a group's children hold a total that is a plain sum of their choices' ordinal values. */
  private isInstrument(group: QuestionnaireItem, children: readonly QuestionnaireItem[]): boolean {
    if (group.extension?.some((extension) => extension.url === EXT.careloomInstrument)) return true;
    return children.some((child) => this.recogniseTotal(child, group, children) !== undefined);
  }

  private recogniseTotal(candidate: QuestionnaireItem, group: QuestionnaireItem, children: readonly QuestionnaireItem[]) {
    const calculated = extensionValue(candidate, EXT.calculatedExpression)?.valueExpression;
    if (!calculated?.expression || (candidate.type !== 'integer' && candidate.type !== 'decimal')) return undefined;
    const ordinalItems = new Set(children.filter(hasOrdinals).map((child) => child.linkId));
    const groups = new Set([group.linkId, ...(this.questionnaire.item ?? []).filter((item) => item.type === 'group').map((item) => item.linkId)]);
    return recognisePlainSum(calculated.expression, [...this.variablesInScope(), ...variablesOf(group), ...variablesOf(candidate)], ordinalItems, groups);
  }

  private variablesInScope(): Expression[] {
    return (this.questionnaire.extension ?? []).filter((extension) => extension.url === EXT.variable && extension.valueExpression).map((extension) => extension.valueExpression!);
  }

  private instrumentFrom(group: QuestionnaireItem, path: string, children: readonly Located[]): { block: InstrumentBlock; consumed: Set<QuestionnaireItem> } | undefined {
    const carried = this.carriedOf(group, path);
    const childItems = children.map((entry) => entry.item);
    let totalEntry: Located | undefined;
    let sum: ReturnType<typeof recognisePlainSum>;
    if (!carried) {
      for (const entry of children) {
        sum = this.recogniseTotal(entry.item, group, childItems);
        if (sum) {
          totalEntry = entry;
          break;
        }
      }
      if (!totalEntry || !sum) return undefined;
    } else {
      totalEntry = children.find((entry) => entry.item.linkId === carried.totalLinkId);
    }
    const consumed = new Set<QuestionnaireItem>();
    if (totalEntry) consumed.add(totalEntry.item);
    const instructionsEntry = carried?.instructionsLinkId ? children.find((entry) => entry.item.linkId === carried.instructionsLinkId) : undefined;
    if (instructionsEntry) consumed.add(instructionsEntry.item);
    const itemEntries = children.filter((entry) => !consumed.has(entry.item) && hasOrdinals(entry.item) && !entry.item.repeats);
    if (itemEntries.length === 0) return undefined;
    const codeSystem = carried?.codes?.system ?? totalEntry?.item.code?.[0]?.system ?? group.code?.[0]?.system;
    const items: InstrumentItem[] = [];
    const optionLists: ScoredOption[][] = [];
    for (const entry of itemEntries) {
      const options = this.optionsOf(entry.item, entry.path);
      const text = this.text(entry.item.text, entry.item._text);
      if (!options || options.length < 2 || !text || options.some((option) => option.value === undefined)) continue;
      consumed.add(entry.item);
      const id = this.idFor(entry.item.linkId, entry.path);
      const code = entry.item.code?.find((coding) => coding.system === codeSystem)?.code;
      const scored: ScoredOption[] = options.map((option) => ({ id: option.id, label: option.label, score: option.value!, ...(option.code && option.coding?.system === codeSystem ? { code: option.code } : {}) }));
      optionLists.push(scored);
      items.push({ id, text, ...(code ? { code } : {}), ...(entry.item.required ? { required: true } : {}) });
      this.answerable.set(id, { multiple: false, kind: 'choice', options: options.map((option) => ({ id: option.id, ...(option.coding ? { coding: option.coding } : {}) })) });
    }
    if (items.length === 0) return undefined;
    // One shared scale when every item has the same options, as the format's own instruments do.
    const shared = optionLists.every((list) => JSON.stringify(list) === JSON.stringify(optionLists[0])) ? optionLists[0] : undefined;
    const commonest = shared ?? mostCommon(optionLists);
    items.forEach((item, index) => {
      if (JSON.stringify(optionLists[index]) !== JSON.stringify(commonest)) item.options = optionLists[index] as [ScoredOption, ScoredOption, ...ScoredOption[]];
    });
    const id = group.linkId === 'instrument' && !carried ? this.freshId(sanitizeId(group.code?.[0]?.code ?? 'instrument')) : this.idFor(group.linkId, path);
    const name = this.text(group.text, group._text) ?? this.text(this.questionnaire.title ?? this.questionnaire.name, this.questionnaire._title) ?? this.fallbackText(id);
    const panel = group.code?.find((coding) => coding.system === codeSystem)?.code ?? this.questionnaire.code?.find((coding) => coding.system === codeSystem)?.code;
    const totalCode = totalEntry?.item.code?.find((coding) => coding.system === codeSystem)?.code;
    const instructions = instructionsEntry ? this.text(instructionsEntry.item.text, instructionsEntry.item._text) : undefined;
    const base = {
      type: 'instrument' as const,
      id,
      name,
      ...(instructions ? { instructions } : {}),
      ...(codeSystem && (panel || totalCode) ? { codes: { system: codeSystem, ...(panel ? { panel } : {}), ...(totalCode ? { total: totalCode } : {}) } } : {}),
      ...(shared ? { options: shared as [ScoredOption, ScoredOption, ...ScoredOption[]] } : commonest ? { options: commonest as [ScoredOption, ScoredOption, ...ScoredOption[]] } : {}),
      items: items as [InstrumentItem, ...InstrumentItem[]],
    };
    if (carried) {
      const block = this.fromCarried(base, carried, totalEntry, path);
      if (block) return { block, consumed };
      sum = totalEntry ? this.recogniseTotal(totalEntry.item, group, childItems) : undefined;
      if (!sum) {
        this.note(group.linkId, path, 'instrument.scoring', `The scoring of "${group.linkId}" could not be read; its items were imported as questions.`);
        return undefined;
      }
    }
    return { block: this.fromPlainSum(base, sum!, group, path), consumed };
  }

  /** A Careloom export's instrument, when its total expression is still the one Careloom wrote. */
  private fromCarried(base: Omit<InstrumentBlock, 'abbreviation' | 'licence' | 'scoring' | 'tests'>, carried: CarriedInstrument, totalEntry: Located | undefined, path: string): InstrumentBlock | undefined {
    const items = base.items.map((item) => ({
      ...item,
      ...(carried.reversed.includes(item.id) ? { reversed: true } : {}),
      ...(carried.unscored.includes(item.id) ? { scored: false } : {}),
    })) as InstrumentBlock['items'];
    const block: InstrumentBlock = { ...base, items, abbreviation: carried.abbreviation, licence: carried.licence, ...(carried.locked ? { locked: true } : {}), scoring: carried.scoring, tests: carried.tests };
    if (carried.codes) block.codes = carried.codes;
    let expected: string | undefined;
    try {
      expected = scoreExpression(block, carried.scoring.total, carried.scoring.missing).expression.expression;
    } catch {
      expected = undefined;
    }
    const actual = totalEntry ? extensionValue(totalEntry.item, EXT.calculatedExpression)?.valueExpression?.expression : undefined;
    if (!expected || expected !== actual) {
      this.note(base.id, path, 'instrument.scoring', `The total of "${base.id}" was changed after Careloom exported it, so Careloom's bands, alerts and test cases were not taken over.`);
      return undefined;
    }
    for (const text of [block.name, ...block.scoring.bands.map((band) => band.label), ...(block.scoring.alerts ?? []).map((alert) => alert.message), ...(block.scoring.subscales ?? []).map((subscale) => subscale.name)]) this.texts.push(text);
    return block;
  }

  private fromPlainSum(base: Omit<InstrumentBlock, 'abbreviation' | 'licence' | 'scoring' | 'tests'>, sum: NonNullable<ReturnType<typeof recognisePlainSum>>, group: QuestionnaireItem, path: string): InstrumentBlock {
    const byLinkId = new Map<string, string>();
    for (const [linkId, id] of this.ids) byLinkId.set(linkId, id);
    const totalIds = sum.linkIds.map((linkId) => byLinkId.get(linkId)).filter((id): id is string => id !== undefined && base.items.some((item) => item.id === id));
    const items = base.items.map((item) => (totalIds.includes(item.id) ? item : { ...item, scored: false })) as InstrumentBlock['items'];
    const n = totalIds.length;
    const draft: InstrumentBlock = {
      ...base,
      items,
      abbreviation: abbreviationOf(this.questionnaire, group),
      licence: this.licence(path),
      scoring: {
        total: { method: 'sum', items: totalIds as [string, ...string[]], decimals: 0, ...(base.codes?.total ? { code: base.codes.total } : {}) },
        missing: sum.missingAsZero ? { maxMissing: n - 1, impute: 'zero', source: 'Imported: the Questionnaire counts an unanswered item as 0.' } : { maxMissing: 0, impute: 'zero', source: 'Imported: the Questionnaire gives no total unless every item is answered.' },
        bands: [{ id: 'range', min: 0, max: 0, label: {} }],
      },
      tests: [{ name: 'every item at its lowest option (made on import)', answers: {}, expect: { total: null } }],
    };
    const range = scoreRange(draft, draft.scoring.total);
    const rangeLabel = `${range.min}–${range.max}`;
    draft.scoring.bands = [{ id: 'range', min: range.min, max: range.max, label: this.sameInEveryLanguage(rangeLabel) }];
    const lowest: ScoringTest['answers'] = {};
    for (const item of items) {
      const option = [...(item.options ?? draft.options ?? [])].sort((a, b) => a.score - b.score)[0];
      if (option && totalIds.includes(item.id)) lowest[item.id] = option.id;
    }
    const expected = scoreInstrument(draft, lowest);
    draft.tests = [{ name: 'every item at its lowest option (made on import)', answers: lowest, expect: { total: expected.total, band: expected.band, alerts: [] } }];
    this.note(group.linkId, path, 'instrument.bands', `"${rangeLabel}" is the only severity band of "${base.id}": a FHIR Questionnaire has no place for bands. Add the manual's bands and alert rules.`);
    this.note(group.linkId, path, 'instrument.tests', `"${base.id}" has one scoring test case, made on import (every item at its lowest option). Add the manual's cases.`);
    return draft;
  }

  private licence(path: string): InstrumentBlock['licence'] {
    const copyright = this.questionnaire.copyright?.trim();
    if (copyright) return { name: 'As stated in the imported Questionnaire', attribution: copyright.slice(0, 1000) };
    this.note(undefined, path, 'instrument.licence', 'The Questionnaire states no copyright or licence; fill in the instrument\'s licence before it is released.');
    return { name: 'Not stated', attribution: 'Not stated in the imported Questionnaire.' };
  }

  private carriedOf(group: QuestionnaireItem, path: string): CarriedInstrument | undefined {
    const raw = group.extension?.find((extension) => extension.url === EXT.careloomInstrument)?.valueString;
    if (raw === undefined) return undefined;
    try {
      const parsed = JSON.parse(raw) as CarriedInstrument;
      if (isObject(parsed) && typeof parsed.abbreviation === 'string' && isObject(parsed.scoring) && Array.isArray(parsed.tests) && Array.isArray(parsed.reversed) && Array.isArray(parsed.unscored) && typeof parsed.totalLinkId === 'string') return parsed;
    } catch {
      // Reported below.
    }
    this.note(group.linkId, path, 'instrument.scoring', `The Careloom scoring data of "${group.linkId}" is damaged and was ignored.`);
    return undefined;
  }

  private withVisibility<T extends Block>(block: T, item: QuestionnaireItem, path: string): T {
    const condition = this.conditionOf(item, path);
    return condition ? { ...block, visibleWhen: condition } : block;
  }

  private conditionOf(item: QuestionnaireItem, path: string): Condition | undefined {
    if (item.extension?.some((extension) => extension.url === EXT.enableWhenExpression)) {
      this.note(item.linkId, path, 'item.condition', `"${item.linkId}" is shown under a FHIRPath expression, which the draft cannot read; it is always shown. Set its condition in the designer.`);
    }
    if (!item.enableWhen || item.enableWhen.length === 0) return undefined;
    const parts = item.enableWhen.map((clause) => this.clauseOf(clause));
    if (parts.some((part) => part === undefined)) {
      this.note(item.linkId, `${path}/enableWhen`, 'item.condition', `The condition of "${item.linkId}" refers to an earlier answer the draft does not hold in that form; it is always shown. Set its condition in the designer.`);
      return undefined;
    }
    const conditions = parts as Condition[];
    if (conditions.length === 1) return conditions[0];
    return { op: item.enableBehavior === 'any' ? 'any' : 'all', conditions: conditions as [Condition, ...Condition[]] };
  }

  private clauseOf(clause: QuestionnaireEnableWhen): Condition | undefined {
    const id = this.ids.get(clause.question);
    const target = id ? this.answerable.get(id) : undefined;
    if (!id || !target) return undefined;
    if (clause.operator === 'exists') return clause.answerBoolean === false ? { op: 'not', condition: { op: 'answered', item: id } } : { op: 'answered', item: id };
    const ops = { '=': 'eq', '!=': 'ne', '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte' } as const;
    const op = ops[clause.operator];
    if (clause.answerCoding && target.kind === 'choice') {
      const option = target.options?.find((candidate) => candidate.coding?.code === clause.answerCoding?.code && (!clause.answerCoding?.system || candidate.coding?.system === clause.answerCoding.system));
      if (!option || (op !== 'eq' && op !== 'ne')) return undefined;
      if (target.multiple) return op === 'eq' ? { op: 'includes', item: id, value: option.id } : { op: 'not', condition: { op: 'includes', item: id, value: option.id } };
      return { op, item: id, value: option.id };
    }
    const number = clause.answerInteger ?? clause.answerDecimal;
    if (number !== undefined && target.kind === 'number') return { op, item: id, value: number };
    if (clause.answerBoolean !== undefined && target.kind === 'boolean' && (op === 'eq' || op === 'ne')) return { op, item: id, value: clause.answerBoolean };
    return undefined;
  }

  private text(value: string | undefined, element: QuestionnaireItem['_text']): LocalizedText | undefined {
    if (typeof value !== 'string' || value.trim() === '') return undefined;
    const text = localizedFromFhir(value.slice(0, 20000), element, this.language);
    for (const language of Object.keys(text)) if (!LANGUAGE_TAG.test(language) || !text[language]) delete text[language];
    this.texts.push(text);
    return text;
  }

  private fallbackText(value: string): LocalizedText {
    return this.sameInEveryLanguage(value);
  }

  /** A text that reads the same in every language (a number range, a code): filled in for each at the end. */
  private sameInEveryLanguage(value: string): LocalizedText {
    const text: LocalizedText = { [this.language]: value };
    this.universal.push({ text, value });
    return text;
  }

  private readonly universal: Array<{ text: LocalizedText; value: string }> = [];

  private idFor(linkId: string, path: string): string {
    const existing = this.ids.get(linkId);
    if (existing) return existing;
    const id = this.freshId(sanitizeId(linkId));
    if (id !== linkId) this.note(linkId, path, 'item.ids', `linkId "${linkId}" is "${id}" in the draft (ids start with a letter and hold letters, digits, '_', '-' and '.').`);
    this.ids.set(linkId, id);
    return id;
  }

  private freshId(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base.slice(0, 60)}-${n}`;
    this.used.add(id);
    return id;
  }

  private note(linkId: string | undefined, path: string, code: ImportNote['code'], message: string): void {
    this.notes.push({ ...(linkId !== undefined ? { linkId } : {}), path, code, message });
  }
}

function issue(code: string, path: string, message: string): Issue {
  return { code, path, message, params: {} } as Issue;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sanitizeId(raw: string): string {
  const cleaned = raw.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z]+/, '').slice(0, 60).replace(/-+$/, '');
  const id = cleaned === '' ? `q${raw.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+/, '').slice(0, 59)}`.replace(/-+$/, '') : cleaned;
  return ID.test(id) ? id : 'item';
}

function extensionValue(item: { extension?: Extension[] }, url: string): Extension | undefined {
  return item.extension?.find((extension) => extension.url === url);
}

function numberOf(extension: Extension | undefined): number | undefined {
  return extension?.valueInteger ?? extension?.valueDecimal;
}

function ordinalOf(option: QuestionnaireAnswerOption): number | undefined {
  const extension = option.extension?.find((candidate) => candidate.url === EXT.ordinalValue || candidate.url === EXT.iso21090Value);
  const value = extension?.valueDecimal ?? extension?.valueInteger;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function hasOrdinals(item: QuestionnaireItem): boolean {
  return item.type === 'choice' && (item.answerOption?.length ?? 0) >= 2 && item.answerOption!.every((option) => ordinalOf(option) !== undefined);
}

function itemControlOf(item: QuestionnaireItem): string | undefined {
  return extensionValue(item, EXT.itemControl)?.valueCodeableConcept?.coding?.[0]?.code;
}

function variablesOf(item: { extension?: Extension[] }): Expression[] {
  return (item.extension ?? []).filter((extension) => extension.url === EXT.variable && extension.valueExpression).map((extension) => extension.valueExpression!);
}

function mostCommon(lists: ScoredOption[][]): ScoredOption[] | undefined {
  const counts = new Map<string, { list: ScoredOption[]; count: number }>();
  for (const list of lists) {
    const key = JSON.stringify(list);
    const entry = counts.get(key) ?? { list, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count)[0]?.list;
}

function abbreviationOf(questionnaire: Questionnaire, group: QuestionnaireItem): string {
  const candidates = [questionnaire.name, group.code?.[0]?.display, questionnaire.title, group.text, 'Score'];
  const chosen = candidates.find((candidate) => typeof candidate === 'string' && candidate.trim().length > 0 && candidate.length <= 20) ?? candidates.find((candidate) => typeof candidate === 'string' && candidate.trim()) ?? 'Score';
  return chosen.trim().slice(0, 20);
}
