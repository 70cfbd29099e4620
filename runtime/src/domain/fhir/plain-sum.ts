import type { Expression } from './fhir-types.js';

/** What a recognised score expression adds up. */
export interface PlainSum {
  /** linkIds of the items whose ordinal values are summed, in the order they first appear. */
  linkIds: string[];
  /** Whether an unanswered item counts as 0 (`iif(%a.exists(), %a, 0)`) rather than emptying the total. */
  missingAsZero: boolean;
}

// The words a plain sum of ordinal values may use: navigation to items and their answers, the
// ordinal functions, and the guards LHC-Forms and others write around unanswered items. Anything
// else (another operator, a literal other than 0, a function) makes it more than a plain sum.
const WORDS = new Set(['resource', 'context', 'questionnaire', 'item', 'repeat', 'descendants', 'children', 'where', 'linkId', 'answer', 'value', 'ordinal', 'weight', 'sum', 'iif', 'exists', 'count', 'empty', 'and', 'or', 'in', 'first', 'select', 'this']);
const SYMBOLS = new Set(['.', '(', ')', ',', '+', '=', '|', '{', '}', '%', '$']);
const MAX_DEPTH = 8;

/**
 * Recognises a FHIRPath score that is a plain sum of the ordinal values of some items, such as the
 * totals LHC-Forms and the SDC examples publish. `variables` are those in scope (SDC `variable`
 * extensions), substituted first. `itemLinkIds` are the items with ordinal values and `groupLinkIds`
 * the groups a path may walk through; a string naming anything else means it is not recognised.
 * Returns undefined for anything else: a weighted sum, a difference, a mean, a lookup table.
 */
export function recognisePlainSum(expression: string, variables: readonly Expression[], itemLinkIds: ReadonlySet<string>, groupLinkIds: ReadonlySet<string>): PlainSum | undefined {
  const byName = new Map(variables.filter((variable) => variable.name && variable.expression && variable.language === 'text/fhirpath').map((variable) => [variable.name!, variable.expression!]));
  let text = expression;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const next = text.replace(/%([A-Za-z][A-Za-z0-9_]*)/g, (whole, name: string) => (byName.has(name) ? `(${byName.get(name)})` : whole));
    if (next === text) break;
    text = next;
    if (depth === MAX_DEPTH - 1 || text.length > 100_000) return undefined;
  }
  const linkIds: string[] = [];
  let rest = '';
  for (let index = 0; index < text.length; ) {
    const char = text[index]!;
    if (char === "'") {
      let literal = '';
      index++;
      while (index < text.length && text[index] !== "'") {
        if (text[index] === '\\') index++;
        literal += text[index] ?? '';
        index++;
      }
      if (index >= text.length) return undefined;
      index++;
      if (itemLinkIds.has(literal)) {
        if (!linkIds.includes(literal)) linkIds.push(literal);
      } else if (!groupLinkIds.has(literal)) {
        return undefined;
      }
      rest += ' S ';
      continue;
    }
    rest += char;
    index++;
  }
  const tokens: string[] = rest.match(/[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?|\S/g) ?? [];
  let ordinal = false;
  for (const token of tokens) {
    if (token === 'S') continue;
    if (/^\d/.test(token)) {
      if (Number(token) !== 0) return undefined;
      continue;
    }
    if (/^[A-Za-z_]/.test(token)) {
      if (!WORDS.has(token)) return undefined;
      if (token === 'ordinal' || token === 'weight') ordinal = true;
      continue;
    }
    if (!SYMBOLS.has(token)) return undefined;
  }
  if (!ordinal || linkIds.length === 0) return undefined;
  return { linkIds, missingAsZero: tokens.includes('exists') || tokens.includes('iif') };
}
