import type { Module, ModuleRef, Program, Response as ResponseDocument } from '../generated/format.js';
import type { Issue } from '../issue.js';
import { EARLIEST_DATE, isSupportedDate, LATEST_DATE } from '../engine/calendar-date.js';
import { parseInstant } from '../engine/zoned-time.js';
import { upgradeDocument } from '../migrations/index.js';
import { schemaIssues } from './ajv-issues.js';
import { checkConditions } from './check-conditions.js';
import { checkContext } from './check-context.js';
import { checkGoals } from './check-goals.js';
import { checkIds } from './check-ids.js';
import { checkInputs } from './check-inputs.js';
import { checkInstruments } from './check-instruments.js';
import { checkProgram } from './check-program.js';
import { checkTranslations } from './check-translations.js';
import { schemaErrors } from './schema-validators.js';
import { checkMedia } from './check-media.js';
import { checkAlertResponses } from './check-alert-responses.js';
import { checkReadability } from './check-readability.js';

export { checkLockedInstrumentChanges } from './locked-instruments.js';
export { detectDocumentKind } from './detect-kind.js';
export type { ModuleResolver } from './check-program.js';

/** A validated document, or every problem found in it. */
export type ValidationResult<T> = { ok: true; value: T; issues: [] } | { ok: false; issues: Issue[] };

/**
 * Validates a module: upgrades an older `formatVersion` (pure), checks the schema, and, when the
 * schema holds, the rules the schema cannot express (unique ids, conditions on earlier items of the
 * right kind, forward branches, instrument references, bands, scoring test cases, inputs, goals,
 * translations). `value` is the upgraded module.
 *
 * @example
 * const result = validateModule(JSON.parse(text));
 * if (!result.ok) for (const issue of result.issues) console.log(issue.path, issue.message);
 */
export function validateModule(doc: unknown): ValidationResult<Module> {
  const upgraded = upgradeDocument(doc);
  if (!upgraded.ok) return failed(upgraded.issues);
  const errors = schemaErrors('module', upgraded.value);
  if (errors.length > 0) return failed(schemaIssues(errors, upgraded.value, 'module'));
  const module = upgraded.value as Module;
  const context = checkContext(module, 'module');
  return result(module, [
    ...checkIds(context),
    ...checkConditions(context),
    ...checkInstruments(context),
    ...checkInputs(context),
    ...checkGoals(context),
    ...checkMedia(context),
    ...checkAlertResponses(context),
    ...checkTranslations(context, 'module.schema.json'),
  ]);
}

/**
 * What the publish gate warns about in a module without refusing it: each page, in each language,
 * harder to read than the module's chosen `readingLevel` (`readability.above_level`, path
 * `/pages/<n>`). Run on a module {@link validateModule} accepted; an invalid one gets no warnings.
 *
 * @example
 * const result = validateModule(doc);
 * if (result.ok) for (const warning of moduleWarnings(result.value)) console.log(warning.message);
 */
export function moduleWarnings(module: Module): Issue[] {
  return checkReadability(checkContext(module, 'module'));
}

/**
 * Validates a program like {@link validateModule}. With `resolveModule`, also checks that each
 * referenced module exists in the program's languages, that scheduled registrations name a
 * registration block and that measurements use a module with an instrument.
 *
 * @example
 * validateProgram(program, { resolveModule: (ref) => library.get(ref.moduleId) });
 */
export function validateProgram(doc: unknown, options: { resolveModule?: (ref: ModuleRef) => Module | undefined } = {}): ValidationResult<Program> {
  const upgraded = upgradeDocument(doc);
  if (!upgraded.ok) return failed(upgraded.issues);
  const errors = schemaErrors('program', upgraded.value);
  if (errors.length > 0) return failed(schemaIssues(errors, upgraded.value, 'program'));
  const program = upgraded.value as Program;
  const context = checkContext(program, 'program');
  return result(program, [...checkProgram(context, options.resolveModule), ...checkTranslations(context, 'program.schema.json')]);
}

/**
 * Validates a patient's response against the response schema. Whether the answers fit the module
 * is the engine's `checkAnswers`.
 *
 * @example
 * const result = validateResponse(body);
 */
export function validateResponse(doc: unknown): ValidationResult<ResponseDocument> {
  const errors = schemaErrors('response', doc);
  if (errors.length > 0) return failed(schemaIssues(errors, doc, 'response'));
  const response = doc as ResponseDocument;
  return result(response, checkAnsweredAt(response.answeredAt));
}

/**
 * `answeredAt` must be an instant the engine reads (the schema's date-time also admits a leap
 * second, which Date.parse does not) on a date in the supported range: the day an answer counts
 * for is computed from it, and a year like 0000 or 9999 would break every later schedule.
 */
function checkAnsweredAt(answeredAt: string): Issue[] {
  let ms: number;
  try {
    ms = parseInstant(answeredAt);
  } catch {
    return [{ code: 'response.answered_at', path: '/answeredAt', message: `The answer time must be written with a time-zone offset, like 2026-03-01T09:30:00+01:00; ${JSON.stringify(answeredAt)} is not.`, params: { value: answeredAt } }];
  }
  const date = new Date(ms).toISOString().slice(0, 10);
  if (isSupportedDate(date)) return [];
  return [{ code: 'response.answered_at_out_of_range', path: '/answeredAt', message: `The answer time must lie between ${EARLIEST_DATE} and ${LATEST_DATE}; ${JSON.stringify(answeredAt)} does not.`, params: { value: answeredAt } }];
}

function result<T>(value: T, issues: Issue[]): ValidationResult<T> {
  return issues.length > 0 ? failed(issues) : { ok: true, value, issues: [] };
}

function failed<T>(issues: Issue[]): ValidationResult<T> {
  return { ok: false, issues };
}
export { capitalize, describeLocation, pointerSegments, type DocumentNoun } from './describe-location.js';
export { localizedValues, type LocalizedValue } from './schema-walk.js';
