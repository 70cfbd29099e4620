import type { Block, Condition, Field, GridBlock, Input, InstrumentBlock, LocalizedText, Module, Page, ScoredOption } from '@careloom/format';
import { instrumentOptions, richTextToPlain } from '@careloom/format/engine';
import { localizeRich } from '@careloom/format/engine';
import type { Coding, Extension, Questionnaire, QuestionnaireAnswerOption, QuestionnaireEnableWhen, QuestionnaireItem } from './fhir-types.js';
import { fhirText } from './fhir-text.js';
import { EXT, FHIRPATH, ITEM_CONTROL_SYSTEM, SDC_QUESTIONNAIRE_PROFILE, UCUM } from './fhir-urls.js';
import { answerPath, fhirPathString, scoreExpression } from './scoring-expression.js';

/** The module version being exported and where its canonical URL lives. */
export interface QuestionnaireExportInput {
  module: Module;
  version: number;
  /** `draft` while not released, `active` once released, `retired` when withdrawn. */
  status: Questionnaire['status'];
  /** Base of canonical URLs, e.g. `https://care.example.org/fhir/r4`. */
  canonicalBase: string;
  /** When the version was released (or submitted), ISO 8601. */
  date?: string;
  publisher?: string;
}

/** The canonical URL of a module, the same for all its versions. */
export function questionnaireUrl(canonicalBase: string, moduleId: string): string {
  return `${canonicalBase.replace(/\/+$/, '')}/Questionnaire/${moduleId}`;
}

/** The logical id of a module version on the FHIR endpoint: `<module id>-<version>`. */
export function questionnaireId(moduleId: string, version: number): string {
  return `${moduleId}-${version}`;
}

/** The code system of a module's own option ids (answers without a terminology code). */
export function optionSystem(url: string): string {
  return `${url}/option`;
}

/** The Coding an instrument option is answered with: its terminology code when it has one, its id otherwise. */
export function scoredOptionCoding(instrument: InstrumentBlock, option: ScoredOption, url: string, defaultLanguage: string): Coding {
  const display = fhirText(option.label, defaultLanguage);
  const base = option.code && instrument.codes ? { system: instrument.codes.system, code: option.code } : { system: optionSystem(url), code: option.id };
  return { ...base, ...(display.text ? { display: display.text } : {}), ...(display.element ? { _display: display.element } : {}) };
}

export function optionCoding(option: { id: string; label: LocalizedText }, url: string, defaultLanguage: string): Coding {
  const display = fhirText(option.label, defaultLanguage);
  return { system: optionSystem(url), code: option.id, ...(display.text ? { display: display.text } : {}), ...(display.element ? { _display: display.element } : {}) };
}

/**
 * A module version as an SDC Questionnaire: a group per page, an item per block with the Careloom ids
 * as linkIds, options as Codings (LOINC answer codes where the instrument has them) with their scores
 * as `ordinalValue`, conditions as `enableWhen` (or `enableWhenExpression` where enableWhen cannot
 * say it), each instrument's total as a read-only item with an SDC `calculatedExpression`, and texts
 * in the default language with the others in the translation extension.
 *
 * Not expressible and so left out: page branches (FHIR has no jumps between groups), rich-text
 * formatting (texts become plain), images, films and recordings (their alt text is shown instead), and the
 * unit-contact block's details, which are the unit's and not the module's.
 */
export function moduleToQuestionnaire(input: QuestionnaireExportInput): Questionnaire {
  const { module, version } = input;
  const url = questionnaireUrl(input.canonicalBase, module.id);
  const language = module.defaultLanguage;
  const context: ExportContext = { module, url, language, extraLinkIds: instrumentLinkIds(module), choiceItems: choiceItemsOf(module, url) };
  const title = fhirText(module.title, language);
  const description = fhirText(module.summary, language);
  const instruments = module.pages.flatMap((page) => page.blocks).filter((block): block is InstrumentBlock => block.type === 'instrument');
  const panelCodes = instruments.filter((instrument) => instrument.codes?.panel).map((instrument) => ({ system: instrument.codes!.system, code: instrument.codes!.panel!, display: instrument.abbreviation }));
  const copyright = [...new Set(instruments.flatMap((instrument) => (instrument.licence ? [instrument.licence.attribution] : [])))].join('\n');
  return {
    resourceType: 'Questionnaire',
    id: questionnaireId(module.id, version),
    meta: { profile: [SDC_QUESTIONNAIRE_PROFILE] },
    language,
    url,
    version: String(version),
    name: computableName(module.id),
    ...(title.text ? { title: title.text } : {}),
    ...(title.element ? { _title: title.element } : {}),
    status: input.status,
    subjectType: ['Patient'],
    ...(input.date ? { date: input.date } : {}),
    ...(input.publisher ? { publisher: input.publisher } : {}),
    ...(description.text ? { description: description.text } : {}),
    ...(description.element ? { _description: description.element } : {}),
    ...(copyright ? { copyright } : {}),
    ...(panelCodes.length > 0 ? { code: panelCodes } : {}),
    item: module.pages.map((page) => pageItem(page, context)),
  };
}

interface ExportContext {
  module: Module;
  url: string;
  language: string;
  extraLinkIds: Map<string, InstrumentLinkIds>;
  /** Input of every question and field by id, for conditions. */
  choiceItems: Map<string, ConditionTarget>;
}

type ConditionTarget = { kind: 'coding'; coding: (optionId: string) => Coding | undefined } | { kind: 'number'; integer: boolean } | { kind: 'boolean' } | { kind: 'other' };

function pageItem(page: Page, context: ExportContext): QuestionnaireItem {
  const title = fhirText(page.title, context.language);
  return {
    linkId: page.id,
    ...textOf(title),
    type: 'group',
    extension: [itemControl('page')],
    ...enableWhenOf(page.visibleWhen, context),
    item: page.blocks.flatMap((block) => blockItems(block, context)),
  };
}

function blockItems(block: Block, context: ExportContext): QuestionnaireItem[] {
  const { language } = context;
  const visibility = enableWhenOf(block.visibleWhen, context);
  switch (block.type) {
    case 'text': {
      const text = plainText(block.content, context.module);
      return text ? [{ linkId: block.id, ...textOf(text), type: 'display', ...visibility }] : [];
    }
    case 'image':
    case 'film':
    case 'audio':
      return [{ linkId: block.id, ...textOf(fhirText(block.alt, language)), type: 'display', ...visibility }];
    case 'unitContact':
      return block.intro ? [{ linkId: block.id, ...textOf(fhirText(block.intro, language)), type: 'display', ...visibility }] : [];
    case 'question':
      return [{ ...inputItem(block.id, block.prompt, block.input, context), ...(block.required ? { required: true } : {}), ...visibility }];
    case 'grid':
      return [gridItem(block, context, visibility)];
    case 'instrument':
      return [instrumentItem(block, context, visibility)];
    case 'exercise':
    case 'registration': {
      const title = fhirText(block.title, language);
      const fields = block.fields ?? [];
      const group: QuestionnaireItem = { linkId: block.id, ...textOf(title), type: 'group', ...visibility, ...(fields.length > 0 ? { item: fields.map((field) => fieldItem(field, context)) } : {}) };
      // A group needs items (que-6 says a display item is the one without); an exercise without fields is its title.
      return [fields.length > 0 ? group : { linkId: block.id, ...textOf(title), type: 'display', ...visibility }];
    }
  }
}

function fieldItem(field: Field, context: ExportContext): QuestionnaireItem {
  return { ...inputItem(field.id, field.label, field.input, context), ...(field.required ? { required: true } : {}) };
}

function gridItem(block: GridBlock, context: ExportContext, visibility: Partial<QuestionnaireItem>): QuestionnaireItem {
  const options = block.options.map((option) => answerOption(optionCoding(option, context.url, context.language), option.value));
  return {
    linkId: block.id,
    ...textOf(fhirText(block.prompt, context.language)),
    type: 'group',
    extension: [itemControl('gtable')],
    ...visibility,
    item: block.rows.map((row) => ({ linkId: row.id, ...textOf(fhirText(row.prompt, context.language)), type: 'choice' as const, ...(block.required ? { required: true } : {}), answerOption: options })),
  };
}

function instrumentItem(instrument: InstrumentBlock, context: ExportContext, visibility: Partial<QuestionnaireItem>): QuestionnaireItem {
  const { language, url } = context;
  const children: QuestionnaireItem[] = [];
  const { instructionsLinkId, totalLinkId } = context.extraLinkIds.get(instrument.id)!;
  if (instrument.instructions && instructionsLinkId) {
    children.push({ linkId: instructionsLinkId, ...textOf(fhirText(instrument.instructions, language)), type: 'display' });
  }
  instrument.items.forEach((item, index) => {
    const code = item.code && instrument.codes ? [{ system: instrument.codes.system, code: item.code }] : undefined;
    children.push({
      linkId: item.id,
      ...(code ? { code } : {}),
      ...textOf(fhirText(item.text, language)),
      type: 'choice',
      ...(item.required ? { required: true } : {}),
      answerOption: instrumentOptions(instrument, index).map((option) => {
        const coding = scoredOptionCoding(instrument, option, url, language);
        const answer = answerOption(coding, option.score);
        if (coding.code !== option.id) answer.extension = [...(answer.extension ?? []), { url: EXT.careloomOptionId, valueString: option.id }];
        return answer;
      }),
    });
  });
  const score = scoreExpression(instrument, instrument.scoring.total, instrument.scoring.missing);
  const totalCode = instrument.scoring.total.code ?? instrument.codes?.total;
  children.push({
    linkId: totalLinkId,
    ...(totalCode && instrument.codes ? { code: [{ system: instrument.codes.system, code: totalCode }] } : {}),
    text: `${instrument.abbreviation} total score`,
    type: (instrument.scoring.total.decimals ?? 0) > 0 || instrument.scoring.total.method === 'mean' ? 'decimal' : 'integer',
    readOnly: true,
    extension: [...score.variables.map((variable) => ({ url: EXT.variable, valueExpression: variable })), { url: EXT.calculatedExpression, valueExpression: score.expression }],
  });
  const carried = {
    abbreviation: instrument.abbreviation,
    ...(instrument.licence ? { licence: instrument.licence } : {}),
    ...(instrument.locked ? { locked: true } : {}),
    ...(instructionsLinkId ? { instructionsLinkId } : {}),
    totalLinkId,
    ...(instrument.codes ? { codes: instrument.codes } : {}),
    reversed: instrument.items.filter((item) => item.reversed).map((item) => item.id),
    unscored: instrument.items.filter((item) => item.scored === false).map((item) => item.id),
    scoring: instrument.scoring,
    tests: instrument.tests,
  };
  return {
    linkId: instrument.id,
    ...(instrument.codes?.panel ? { code: [{ system: instrument.codes.system, code: instrument.codes.panel }] } : {}),
    ...textOf(fhirText(instrument.name, language)),
    type: 'group',
    extension: [{ url: EXT.careloomInstrument, valueString: JSON.stringify(carried) }],
    ...visibility,
    item: children,
  };
}

function inputItem(linkId: string, prompt: LocalizedText, input: Input, context: ExportContext): QuestionnaireItem {
  const text = textOf(fhirText(prompt, context.language));
  const { url, language } = context;
  switch (input.kind) {
    case 'singleChoice':
    case 'scale':
      return {
        linkId,
        ...text,
        type: 'choice',
        extension: [itemControl(input.kind === 'singleChoice' && input.display === 'dropdown' ? 'drop-down' : 'radio-button')],
        answerOption: input.options.map((option) => answerOption(optionCoding(option, url, language), option.value)),
      };
    case 'multipleChoice':
      return {
        linkId,
        ...text,
        type: 'choice',
        repeats: true,
        extension: [
          itemControl('check-box'),
          ...(input.minSelected !== undefined ? [{ url: EXT.minOccurs, valueInteger: input.minSelected }] : []),
          ...(input.maxSelected !== undefined ? [{ url: EXT.maxOccurs, valueInteger: input.maxSelected }] : []),
        ],
        answerOption: input.options.map((option) => answerOption(optionCoding(option, url, language), option.value)),
      };
    case 'slider': {
      const integer = isIntegerSlider(input);
      const bound = (value: number): Extension => (integer ? { url: '', valueInteger: value } : { url: '', valueDecimal: value });
      return {
        linkId,
        ...text,
        type: integer ? 'integer' : 'decimal',
        extension: [
          itemControl('slider'),
          { ...bound(input.min), url: EXT.minValue },
          { ...bound(input.max), url: EXT.maxValue },
          ...(input.step !== undefined && Number.isInteger(input.step) ? [{ url: EXT.sliderStepValue, valueInteger: input.step }] : []),
        ],
      };
    }
    case 'number': {
      const integer = input.decimals === 0;
      const bound = (value: number): Extension => (integer && Number.isInteger(value) ? { url: '', valueInteger: value } : { url: '', valueDecimal: value });
      return {
        linkId,
        ...text,
        type: integer ? 'integer' : 'decimal',
        extension: [
          ...(input.min !== undefined ? [{ ...bound(input.min), url: EXT.minValue }] : []),
          ...(input.max !== undefined ? [{ ...bound(input.max), url: EXT.maxValue }] : []),
          ...(input.decimals !== undefined && input.decimals > 0 ? [{ url: EXT.maxDecimalPlaces, valueInteger: input.decimals }] : []),
          ...(input.unit ? [{ url: EXT.unit, valueCoding: unitCoding(input.unit, language) }] : []),
        ],
      };
    }
    case 'text':
      return { linkId, ...text, type: input.multiline ? 'text' : 'string', maxLength: input.maxLength };
    case 'dateTime':
      return { linkId, ...text, type: input.mode };
    case 'yesNo':
      return { linkId, ...text, type: 'boolean' };
  }
}

/** Whether a number or slider is asked as a FHIR integer (otherwise decimal). */
export function isIntegerInput(input: Input): boolean {
  if (input.kind === 'slider') return isIntegerSlider(input);
  return input.kind === 'number' && input.decimals === 0;
}

function unitCoding(unit: { code: string; label: LocalizedText }, language: string): Coding {
  const label = fhirText(unit.label, language);
  return { system: UCUM, code: unit.code, display: label.text ?? unit.code, ...(label.element ? { _display: label.element } : {}) };
}

export function isIntegerSlider(input: { min: number; max: number; step?: number }): boolean {
  return Number.isInteger(input.min) && Number.isInteger(input.max) && (input.step === undefined || Number.isInteger(input.step));
}

function answerOption(coding: Coding, ordinal: number | undefined): QuestionnaireAnswerOption {
  return { valueCoding: coding, ...(ordinal !== undefined ? { extension: [{ url: EXT.ordinalValue, valueDecimal: ordinal }] } : {}) };
}

function itemControl(code: string): Extension {
  return { url: EXT.itemControl, valueCodeableConcept: { coding: [{ system: ITEM_CONTROL_SYSTEM, code }] } };
}

function textOf(text: { text?: string; element?: QuestionnaireItem['_text'] }): Pick<QuestionnaireItem, 'text' | '_text'> {
  return { ...(text.text ? { text: text.text } : {}), ...(text.element ? { _text: text.element } : {}) };
}

function plainText(content: Parameters<typeof localizeRich>[0], module: Module): { text?: string; element?: QuestionnaireItem['_text'] } | undefined {
  const localized: LocalizedText = {};
  for (const language of module.languages) {
    const plain = richTextToPlain(localizeRich(content, language, module.defaultLanguage)).trim();
    if (plain) localized[language] = plain;
  }
  return Object.keys(localized).length > 0 ? fhirText(localized, module.defaultLanguage) : undefined;
}

/**
 * A condition as enableWhen when FHIR's enableWhen can say it (one comparison, or all/any of
 * comparisons), otherwise as an SDC enableWhenExpression. Careloom and FHIR agree that an unanswered
 * item makes every comparison false; the expression keeps that by testing `exists()`.
 */
function enableWhenOf(condition: Condition | undefined, context: ExportContext): Partial<QuestionnaireItem> {
  if (!condition) return {};
  const single = enableWhenClause(condition, context);
  if (single) return { enableWhen: [single] };
  if (condition.op === 'all' || condition.op === 'any') {
    const clauses = condition.conditions.map((part) => enableWhenClause(part, context));
    if (clauses.every((clause): clause is QuestionnaireEnableWhen => clause !== undefined)) {
      return { enableWhen: clauses, enableBehavior: condition.op };
    }
  }
  return { extension: [{ url: EXT.enableWhenExpression, valueExpression: { language: FHIRPATH, expression: conditionExpression(condition, context) } }] };
}

const OPERATORS = { eq: '=', ne: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

function enableWhenClause(condition: Condition, context: ExportContext): QuestionnaireEnableWhen | undefined {
  const target = 'item' in condition ? context.choiceItems.get(condition.item) : undefined;
  if (!target) return undefined;
  if (condition.op === 'answered') return { question: condition.item, operator: 'exists', answerBoolean: true };
  if (condition.op === 'includes') {
    const coding = target.kind === 'coding' ? target.coding(condition.value) : undefined;
    return coding ? { question: condition.item, operator: '=', answerCoding: stripDisplay(coding) } : undefined;
  }
  if (condition.op === 'all' || condition.op === 'any' || condition.op === 'not') return undefined;
  const operator = OPERATORS[condition.op];
  if (target.kind === 'coding' && typeof condition.value === 'string') {
    const coding = target.coding(condition.value);
    return coding && (operator === '=' || operator === '!=') ? { question: condition.item, operator, answerCoding: stripDisplay(coding) } : undefined;
  }
  if (target.kind === 'number' && typeof condition.value === 'number') {
    return target.integer && Number.isInteger(condition.value) ? { question: condition.item, operator, answerInteger: condition.value } : { question: condition.item, operator, answerDecimal: condition.value };
  }
  if (target.kind === 'boolean' && typeof condition.value === 'boolean' && (operator === '=' || operator === '!=')) {
    return { question: condition.item, operator, answerBoolean: condition.value };
  }
  return undefined;
}

function stripDisplay(coding: Coding): Coding {
  return { ...(coding.system ? { system: coding.system } : {}), ...(coding.code ? { code: coding.code } : {}) };
}

const EXPRESSION_OPERATORS = { eq: '=', ne: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** A condition as a FHIRPath expression that is always true or false, never empty. */
export function conditionExpression(condition: Condition, context: Pick<ExportContext, 'choiceItems'>): string {
  switch (condition.op) {
    case 'all':
      return condition.conditions.map((part) => `(${conditionExpression(part, context)})`).join(' and ');
    case 'any':
      return condition.conditions.map((part) => `(${conditionExpression(part, context)})`).join(' or ');
    case 'not':
      return `(${conditionExpression(condition.condition, context)}).not()`;
    case 'answered':
      return `${answerPath(condition.item)}.exists()`;
    case 'includes': {
      const coding = codingFor(condition.item, condition.value, context);
      return `${answerPath(condition.item)}.value.where(code = ${fhirPathString(coding)}).exists()`;
    }
    default: {
      const operator = EXPRESSION_OPERATORS[condition.op];
      if (typeof condition.value === 'string') return `${answerPath(condition.item)}.value.where(code ${operator} ${fhirPathString(codingFor(condition.item, condition.value, context))}).exists()`;
      return `${answerPath(condition.item)}.value.where($this ${operator} ${String(condition.value)}).exists()`;
    }
  }
}

function codingFor(item: string, optionId: string, context: Pick<ExportContext, 'choiceItems'>): string {
  const target = context.choiceItems.get(item);
  return (target?.kind === 'coding' ? target.coding(optionId)?.code : undefined) ?? optionId;
}

function choiceItemsOf(module: Module, url: string): Map<string, ConditionTarget> {
  const targets = new Map<string, ConditionTarget>();
  const ofInput = (input: Input): ConditionTarget => {
    switch (input.kind) {
      case 'singleChoice':
      case 'scale':
      case 'multipleChoice':
        return { kind: 'coding', coding: (id) => (input.options.some((option) => option.id === id) ? { system: optionSystem(url), code: id } : undefined) };
      case 'slider':
        return { kind: 'number', integer: isIntegerSlider(input) };
      case 'number':
        return { kind: 'number', integer: input.decimals === 0 };
      case 'yesNo':
        return { kind: 'boolean' };
      default:
        return { kind: 'other' };
    }
  };
  for (const block of module.pages.flatMap((page) => page.blocks)) {
    if (block.type === 'question') targets.set(block.id, ofInput(block.input));
    if (block.type === 'exercise' || block.type === 'registration') for (const field of block.fields ?? []) targets.set(field.id, ofInput(field.input));
    if (block.type === 'grid') for (const row of block.rows) targets.set(row.id, { kind: 'coding', coding: (id) => (block.options.some((option) => option.id === id) ? { system: optionSystem(url), code: id } : undefined) });
    if (block.type === 'instrument') {
      block.items.forEach((item, index) => {
        targets.set(item.id, {
          kind: 'coding',
          coding: (id) => {
            const option = instrumentOptions(block, index).find((candidate) => candidate.id === id);
            return option ? scoredOptionCoding(block, option, url, module.defaultLanguage) : undefined;
          },
        });
      });
    }
  }
  return targets;
}

/** The linkIds Careloom adds to an instrument: its instructions and its total, clear of every id of the module. */
export interface InstrumentLinkIds {
  instructionsLinkId?: string;
  totalLinkId: string;
}

export function instrumentLinkIds(module: Module): Map<string, InstrumentLinkIds> {
  const taken = new Set(collectIds(module));
  const result = new Map<string, InstrumentLinkIds>();
  for (const block of module.pages.flatMap((page) => page.blocks)) {
    if (block.type !== 'instrument') continue;
    const instructionsLinkId = block.instructions ? freshId(`${block.id}-instructions`, taken) : undefined;
    result.set(block.id, { ...(instructionsLinkId ? { instructionsLinkId } : {}), totalLinkId: freshId(`${block.id}-total`, taken) });
  }
  return result;
}

function collectIds(module: Module): string[] {
  const ids: string[] = [];
  for (const page of module.pages) {
    ids.push(page.id);
    for (const block of page.blocks) {
      ids.push(block.id);
      if (block.type === 'instrument') ids.push(...block.items.map((item) => item.id));
      if (block.type === 'grid') ids.push(...block.rows.map((row) => row.id));
      if (block.type === 'exercise' || block.type === 'registration') ids.push(...(block.fields ?? []).map((field) => field.id));
    }
  }
  return ids;
}

function freshId(base: string, taken: Set<string>): string {
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
  taken.add(candidate);
  return candidate;
}

/** FHIR's computable name: starts with a capital letter, letters, digits and '_' only. */
function computableName(slug: string): string {
  const name = slug.split(/[^a-z0-9]+/).filter(Boolean).map((part) => part[0]!.toUpperCase() + part.slice(1)).join('');
  return /^[A-Z]/.test(name) ? name : `Q${name}`;
}
