import type { InstrumentBlock, MissingRule } from '@careloom/format';
import type { ScoreMethod } from '@careloom/format/engine';
import { instrumentOptions } from '@careloom/format/engine';
import type { Expression } from './fhir-types.js';
import { FHIRPATH } from './fhir-urls.js';

/** A FHIRPath string literal. */
export function fhirPathString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The answers of the item with this linkId anywhere in the response. */
export function answerPath(linkId: string): string {
  return `%resource.repeat(item).where(linkId = ${fhirPathString(linkId)}).answer`;
}

/**
 * A score as SDC FHIRPath: one variable per item (its option's `weight()`, mirrored for reversed
 * items), how many are answered, their sum, and an expression that applies the missing-item rule the
 * way the engine's `scoreInstrument` does (no answer or too many missing: empty; mean imputation
 * prorates) and rounds to the score's decimals.
 */
export function scoreExpression(instrument: InstrumentBlock, definition: ScoreMethod, missing: Pick<MissingRule, 'maxMissing' | 'impute'>): { variables: Expression[]; expression: Expression } {
  const ids = definition.items ?? instrument.items.filter((item) => item.scored !== false).map((item) => item.id);
  const variables: Expression[] = ids.map((id, index) => {
    const position = instrument.items.findIndex((item) => item.id === id);
    const weight = `${answerPath(id)}.value.weight()`;
    const item = instrument.items[position];
    let expression = weight;
    if (item?.reversed) {
      const scores = instrumentOptions(instrument, position).map((option) => option.score);
      expression = `(${Math.min(...scores) + Math.max(...scores)} - ${weight})`;
    }
    return { name: `item${index + 1}`, language: FHIRPATH, expression };
  });
  const n = ids.length;
  const names = variables.map((variable) => `%${variable.name}`);
  variables.push({ name: 'answered', language: FHIRPATH, expression: names.map((name) => `${name}.count()`).join(' + ') });
  variables.push({ name: 'itemSum', language: FHIRPATH, expression: names.map((name) => `iif(${name}.exists(), ${name}, 0)`).join(' + ') });
  const value =
    definition.method === 'mean'
      ? missing.impute === 'mean' ? '%itemSum / %answered' : `%itemSum / ${n}`
      : missing.impute === 'mean' ? `%itemSum * ${n} / %answered` : '%itemSum';
  const expression = `iif(%answered = 0 or %answered < ${n - missing.maxMissing}, {}, (${value}).round(${definition.decimals ?? 0}))`;
  return { variables, expression: { language: FHIRPATH, expression } };
}
