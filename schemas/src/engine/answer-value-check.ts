import type { Input } from '../generated/format.js';
import { EARLIEST_DATE, isCalendarDate, isSupportedDate, LATEST_DATE } from './calendar-date.js';
import type { IndexedItem } from './module-index.js';

/** What is wrong with one answer, before it gets a path. */
export interface AnswerProblem {
  code: string;
  message: string;
  params: Record<string, unknown>;
}

const DATE_TIME_FORMATS = {
  date: { pattern: /^(\d{4}-\d{2}-\d{2})$/, example: '2026-03-01', words: 'a date written YYYY-MM-DD' },
  time: { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, example: '07:30', words: 'a time of day written HH:MM' },
  dateTime: { pattern: /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d$/, example: '2026-03-01T07:30', words: 'a date and time written YYYY-MM-DDTHH:MM' },
} as const;

/**
 * What is wrong with an answer to one item, or null when it fits the item's input. null always fits
 * (it clears the answer), and so do '' and [] (not answered).
 */
export function answerValueProblem(item: IndexedItem, value: unknown): AnswerProblem | null {
  if (value === null) return null;
  switch (item.shape) {
    case 'option':
      if (typeof value !== 'string') return wrongType(item, value, 'an option id');
      return value === '' ? null : optionProblem(item, value);
    case 'options':
      return optionsProblem(item, value);
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType(item, value, 'a number');
      return item.input ? numberProblem(item, item.input, value) : null;
    case 'text': {
      if (typeof value !== 'string') return wrongType(item, value, 'text');
      const maxLength = item.input?.kind === 'text' ? item.input.maxLength : Infinity;
      // Characters as a person counts them (code points), like the schema's maxLength.
      const length = [...value].length;
      return length <= maxLength ? null
        : problem('answer.too_long', `"${item.id}" accepts at most ${maxLength} characters; the answer has ${length}.`, { item: item.id, maxLength, length });
    }
    case 'dateTime': {
      if (typeof value !== 'string') return wrongType(item, value, 'a date or time as text');
      const mode = item.input?.kind === 'dateTime' ? item.input.mode : 'dateTime';
      const format = DATE_TIME_FORMATS[mode];
      const match = format.pattern.exec(value);
      if (value === '' || (match && (mode === 'time' || isCalendarDate(match[1] ?? '')))) {
        if (value === '' || mode === 'time' || isSupportedDate(match?.[1] ?? '')) return null;
        return problem('answer.date_out_of_range', `"${item.id}" takes dates from ${EARLIEST_DATE} to ${LATEST_DATE}; ${JSON.stringify(value)} is outside them.`, { item: item.id, mode, value });
      }
      return problem('answer.bad_format', `"${item.id}" takes ${format.words} (e.g. ${format.example}); ${JSON.stringify(value)} is not one.`, { item: item.id, mode, value });
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : wrongType(item, value, 'true or false');
  }
}

function optionProblem(item: IndexedItem, value: string): AnswerProblem | null {
  const allowed = (item.options ?? []).map((option) => option.id);
  if (allowed.includes(value)) return null;
  return problem('answer.unknown_option', `"${item.id}" must be one of ${quoted(allowed)}; "${value}" is not one of its options.`, { item: item.id, value, allowed });
}

function optionsProblem(item: IndexedItem, value: unknown): AnswerProblem | null {
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string')) return wrongType(item, value, 'a list of option ids');
  const picked = value as string[];
  for (const entry of picked) {
    const unknown = optionProblem(item, entry);
    if (unknown) return unknown;
  }
  const duplicate = picked.find((entry, position) => picked.indexOf(entry) !== position);
  if (duplicate !== undefined) return problem('answer.duplicate_option', `"${item.id}" lists the option "${duplicate}" more than once.`, { item: item.id, value: duplicate });
  const input = item.input?.kind === 'multipleChoice' ? item.input : undefined;
  if (input?.maxSelected !== undefined && picked.length > input.maxSelected) {
    return problem('answer.too_many_options', `"${item.id}" allows at most ${input.maxSelected} options; the answer picks ${picked.length}.`, { item: item.id, maxSelected: input.maxSelected, count: picked.length });
  }
  if (input?.minSelected !== undefined && picked.length > 0 && picked.length < input.minSelected) {
    return problem('answer.too_few_options', `"${item.id}" needs at least ${input.minSelected} options when answered; the answer picks ${picked.length}.`, { item: item.id, minSelected: input.minSelected, count: picked.length });
  }
  return null;
}

function numberProblem(item: IndexedItem, input: Input, value: number): AnswerProblem | null {
  if (input.kind !== 'slider' && input.kind !== 'number') return null;
  const { min, max } = input;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    const range = min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `of at least ${min}` : `of at most ${max}`;
    return problem('answer.out_of_range', `"${item.id}" takes a number ${range}; ${value} is outside that range.`, { item: item.id, value, min, max });
  }
  if (input.kind === 'slider') {
    const step = input.step ?? 1;
    const steps = (value - input.min) / step;
    // Tolerance for binary fractions: 0.3 on a 0.1 step is 2.9999999999999996 steps.
    if (Math.abs(steps - Math.round(steps)) > 1e-9) {
      return problem('answer.off_step', `"${item.id}" takes values from ${input.min} in steps of ${step}; ${value} is not one of them.`, { item: item.id, value, min: input.min, step });
    }
    return null;
  }
  const decimals = input.decimals ?? 0;
  if (decimals === 0 && !Number.isInteger(value)) {
    return problem('answer.not_integer', `"${item.id}" takes whole numbers only; ${value} has decimals.`, { item: item.id, value });
  }
  if (decimalPlaces(value) > decimals) {
    return problem('answer.too_many_decimals', `"${item.id}" takes at most ${decimals} decimals; ${value} has more.`, { item: item.id, value, decimals });
  }
  return null;
}

/** Decimals in the shortest decimal form of a number (0.1 → 1, 1e-7 → 7). */
function decimalPlaces(value: number): number {
  const [mantissa = '', exponent = '0'] = String(value).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

function wrongType(item: IndexedItem, value: unknown, expected: string): AnswerProblem {
  const got = Array.isArray(value) ? 'a list' : typeof value === 'number' && !Number.isFinite(value) ? String(value) : typeof value === 'object' ? 'an object' : `${typeof value === 'string' ? 'text' : `a ${typeof value}`}`;
  return problem('answer.wrong_type', `"${item.id}" takes ${expected}, not ${got}.`, { item: item.id, expected });
}

function problem(code: string, message: string, params: Record<string, unknown>): AnswerProblem {
  return { code, message, params };
}

function quoted(ids: string[]): string {
  const list = ids.map((id) => `"${id}"`);
  return list.length <= 1 ? (list[0] ?? 'no option') : `${list.slice(0, -1).join(', ')} or ${list.at(-1)}`;
}
