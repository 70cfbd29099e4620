import type { Block, Field, Input, InstrumentBlock, Module, Page } from '@careloom/format';
import type { AnswerValue } from '@careloom/format/engine';
import { instrumentOptions, localDateTimeToInstant, localize } from '@careloom/format/engine';
import type { QuestionnaireResponse, QuestionnaireResponseAnswer, QuestionnaireResponseItem } from './fhir-types.js';
import { instrumentLinkIds, isIntegerInput, optionCoding, questionnaireUrl, scoredOptionCoding } from './questionnaire-export.js';

/** A recorded response as far as FHIR needs it (a subset of the care store's ResponseRecord). */
export interface RecordedAnswers {
  id: string;
  moduleId: string;
  moduleVersion: number;
  answers: Readonly<Record<string, AnswerValue>>;
  completes: boolean;
  answeredAt: string;
  scores: ReadonlyArray<{ instrumentId: string; total: number | null }>;
}

export interface ResponseExportInput {
  response: RecordedAnswers;
  /** The module version the response answers. */
  module: Module;
  patientId: string;
  canonicalBase: string;
  /** The unit's time zone: a date-and-time answer is a local wall time, and FHIR wants an offset. */
  timeZone: string;
}

/**
 * A recorded response as a QuestionnaireResponse of the module version's Questionnaire, its items
 * nested as the Questionnaire's are (page, then block), only answered items, each instrument's
 * stored total in its total item.
 */
export function responseToQuestionnaireResponse(input: ResponseExportInput): QuestionnaireResponse {
  const { response, module } = input;
  const url = questionnaireUrl(input.canonicalBase, module.id);
  const context: ResponseContext = { ...input, url, extra: instrumentLinkIds(module) };
  const items = module.pages.map((page) => pageItem(page, context)).filter((item): item is QuestionnaireResponseItem => item !== undefined);
  return {
    resourceType: 'QuestionnaireResponse',
    id: response.id,
    questionnaire: `${url}|${response.moduleVersion}`,
    status: response.completes ? 'completed' : 'in-progress',
    subject: { reference: `Patient/${input.patientId}` },
    authored: response.answeredAt,
    source: { reference: `Patient/${input.patientId}` },
    ...(items.length > 0 ? { item: items } : {}),
  };
}

interface ResponseContext extends ResponseExportInput {
  url: string;
  extra: ReturnType<typeof instrumentLinkIds>;
}

function pageItem(page: Page, context: ResponseContext): QuestionnaireResponseItem | undefined {
  const items = page.blocks.flatMap((block) => blockItems(block, context));
  return items.length > 0 ? { linkId: page.id, item: items } : undefined;
}

function text(context: ResponseContext, value: Parameters<typeof localize>[0]): string {
  return localize(value, context.module.defaultLanguage, context.module.defaultLanguage);
}

function blockItems(block: Block, context: ResponseContext): QuestionnaireResponseItem[] {
  const answers = context.response.answers;
  switch (block.type) {
    case 'question': {
      const answer = inputAnswers(block.input, answers[block.id], context);
      return answer ? [{ linkId: block.id, text: text(context, block.prompt), answer }] : [];
    }
    case 'grid': {
      const rows = block.rows.flatMap((row) => {
        const option = block.options.find((candidate) => candidate.id === answers[row.id]);
        return option ? [{ linkId: row.id, text: text(context, row.prompt), answer: [{ valueCoding: plainCoding(optionCoding(option, context.url, context.module.defaultLanguage)) }] }] : [];
      });
      return rows.length > 0 ? [{ linkId: block.id, item: rows }] : [];
    }
    case 'instrument':
      return instrumentItems(block, context);
    case 'exercise':
    case 'registration': {
      const fields = (block.fields ?? []).flatMap((field: Field) => {
        const answer = inputAnswers(field.input, answers[field.id], context);
        return answer ? [{ linkId: field.id, text: text(context, field.label), answer }] : [];
      });
      return fields.length > 0 ? [{ linkId: block.id, item: fields }] : [];
    }
    default:
      return [];
  }
}

function instrumentItems(instrument: InstrumentBlock, context: ResponseContext): QuestionnaireResponseItem[] {
  const answers = context.response.answers;
  const items: QuestionnaireResponseItem[] = [];
  instrument.items.forEach((item, index) => {
    const option = instrumentOptions(instrument, index).find((candidate) => candidate.id === answers[item.id]);
    if (option) items.push({ linkId: item.id, text: text(context, item.text), answer: [{ valueCoding: plainCoding(scoredOptionCoding(instrument, option, context.url, context.module.defaultLanguage)) }] });
  });
  if (items.length === 0) return [];
  const total = context.response.scores.find((score) => score.instrumentId === instrument.id)?.total;
  const linkIds = context.extra.get(instrument.id)!;
  if (total !== null && total !== undefined) {
    const integer = (instrument.scoring.total.decimals ?? 0) === 0 && instrument.scoring.total.method === 'sum';
    items.push({ linkId: linkIds.totalLinkId, text: `${instrument.abbreviation} total score`, answer: [integer ? { valueInteger: total } : { valueDecimal: total }] });
  }
  return [{ linkId: instrument.id, item: items }];
}

function inputAnswers(input: Input, value: AnswerValue | undefined, context: ResponseContext): QuestionnaireResponseAnswer[] | undefined {
  if (value === undefined || value === null) return undefined;
  const language = context.module.defaultLanguage;
  switch (input.kind) {
    case 'singleChoice':
    case 'scale': {
      const option = input.options.find((candidate) => candidate.id === value);
      return option ? [{ valueCoding: plainCoding(optionCoding(option, context.url, language)) }] : undefined;
    }
    case 'multipleChoice': {
      if (!Array.isArray(value)) return undefined;
      const chosen = input.options.filter((option) => value.includes(option.id));
      return chosen.length > 0 ? chosen.map((option) => ({ valueCoding: plainCoding(optionCoding(option, context.url, language)) })) : undefined;
    }
    case 'slider':
    case 'number':
      if (typeof value !== 'number') return undefined;
      return [isIntegerInput(input) && Number.isInteger(value) ? { valueInteger: value } : { valueDecimal: value }];
    case 'text':
      return typeof value === 'string' && value !== '' ? [{ valueString: value }] : undefined;
    case 'yesNo':
      return typeof value === 'boolean' ? [{ valueBoolean: value }] : undefined;
    case 'dateTime':
      if (typeof value !== 'string') return undefined;
      if (input.mode === 'date') return [{ valueDate: value }];
      // FHIR's time has seconds; a date with a time needs an offset, so the wall time becomes the instant in the unit's zone.
      if (input.mode === 'time') return [{ valueTime: value.length === 5 ? `${value}:00` : value }];
      return [{ valueDateTime: localDateTimeToInstant(value.slice(0, 10), value.slice(11, 16), context.timeZone) }];
  }
}

/** An answer carries the coding without its translations; the Questionnaire has them. */
function plainCoding(coding: ReturnType<typeof optionCoding>) {
  const { _display: _translations, ...plain } = coding;
  return plain;
}
