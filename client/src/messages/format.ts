// The message syntax: ICU MessageFormat's placeholders and its plural argument, nothing more.
//   'Hello {name}'
//   '{n, plural, =0 {No answers saved} one {# answer saved} other {# answers saved}}'
// A plural picks `=N` when the number is exactly N, else the language's category from
// Intl.PluralRules ('one', 'other'; Swedish and Norwegian have no more), else `other`. `#` inside a
// branch is the number in the language's digits. Apostrophes are plain text (no ICU quoting), so the
// catalogs stay readable.

export type MessageParams = Readonly<Record<string, string | number>>;

type Part = string | { readonly arg: string } | { readonly plural: string; readonly cases: ReadonlyMap<string, readonly Part[]> } | { readonly hash: true };

const parsed = new Map<string, readonly Part[]>();
const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * Fills a message's placeholders. A placeholder without a parameter stays visible (`{name}`), so a
 * missing parameter shows in the page rather than vanishing.
 *
 * @example
 * formatMessage('{n, plural, one {# answer} other {# answers}} saved', { n: 1 }, 'en'); // '1 answer saved'
 */
export function formatMessage(template: string, params: MessageParams = {}, language = 'en'): string {
  let parts = parsed.get(template);
  if (!parts) {
    parts = parseMessage(template);
    parsed.set(template, parts);
  }
  return render(parts, params, language, undefined);
}

/** The names of a message's parameters, plural ones included (for checking that translations agree). */
export function messageParameters(template: string): string[] {
  const names = new Set<string>();
  const visit = (parts: readonly Part[]) => {
    for (const part of parts) {
      if (typeof part === 'string' || 'hash' in part) continue;
      if ('arg' in part) names.add(part.arg);
      else {
        names.add(part.plural);
        for (const branch of part.cases.values()) visit(branch);
      }
    }
  };
  visit(parseMessage(template));
  return [...names].sort();
}

/** The plural arguments of a message with their branch selectors, e.g. `{ n: ['one', 'other'] }`. */
export function pluralSelectors(template: string): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  const visit = (parts: readonly Part[]) => {
    for (const part of parts) {
      if (typeof part === 'string' || 'hash' in part || 'arg' in part) continue;
      found[part.plural] = [...new Set([...(found[part.plural] ?? []), ...part.cases.keys()])];
      for (const branch of part.cases.values()) visit(branch);
    }
  };
  visit(parseMessage(template));
  return found;
}

function render(parts: readonly Part[], params: MessageParams, language: string, count: number | undefined): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if ('hash' in part) out += count === undefined ? '#' : numberFormat(language).format(count);
    else if ('arg' in part) out += Object.hasOwn(params, part.arg) ? String(params[part.arg]) : `{${part.arg}}`;
    else {
      const value = Object.hasOwn(params, part.plural) ? Number(params[part.plural]) : Number.NaN;
      const branch = Number.isFinite(value)
        ? (part.cases.get(`=${value}`) ?? part.cases.get(pluralRule(language).select(value)) ?? part.cases.get('other'))
        : part.cases.get('other');
      out += branch ? render(branch, params, language, Number.isFinite(value) ? value : undefined) : `{${part.plural}}`;
    }
  }
  return out;
}

function pluralRule(language: string): Intl.PluralRules {
  let rule = pluralRules.get(language);
  if (!rule) {
    rule = new Intl.PluralRules(language);
    pluralRules.set(language, rule);
  }
  return rule;
}

function numberFormat(language: string): Intl.NumberFormat {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language);
    numberFormats.set(language, format);
  }
  return format;
}

const NAME = /^\s*([A-Za-z_][\w.]*)\s*$/;
const PLURAL = /^\s*([A-Za-z_][\w.]*)\s*,\s*plural\s*,/;

/** Parses a message; text that is not a well-formed argument (a stray brace) stays as text. */
export function parseMessage(template: string, inPlural = false): Part[] {
  const parts: Part[] = [];
  let text = '';
  let index = 0;
  const flush = () => {
    if (text !== '') parts.push(text);
    text = '';
  };
  while (index < template.length) {
    const char = template[index]!;
    if (char === '#' && inPlural) {
      flush();
      parts.push({ hash: true });
      index += 1;
      continue;
    }
    if (char === '{') {
      const end = matchingBrace(template, index);
      const inner = end < 0 ? null : template.slice(index + 1, end);
      const argument = inner === null ? null : parseArgument(inner);
      if (argument) {
        flush();
        parts.push(argument);
        index = end + 1;
        continue;
      }
    }
    text += char;
    index += 1;
  }
  flush();
  return parts;
}

function parseArgument(inner: string): Part | null {
  const simple = NAME.exec(inner);
  if (simple) return { arg: simple[1]! };
  const plural = PLURAL.exec(inner);
  if (!plural) return null;
  const cases = new Map<string, Part[]>();
  let rest = inner.slice(plural[0].length);
  for (;;) {
    rest = rest.trimStart();
    if (rest === '') break;
    const selector = /^(=\d+|zero|one|two|few|many|other)\s*\{/.exec(rest);
    if (!selector) return null;
    const open = selector[0].length - 1;
    const close = matchingBrace(rest, open);
    if (close < 0) return null;
    cases.set(selector[1]!, parseMessage(rest.slice(open + 1, close), true));
    rest = rest.slice(close + 1);
  }
  return cases.has('other') ? { plural: plural[1]!, cases } : null;
}

/** The index of the brace closing the one at `open`, or -1. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index += 1) {
    if (text[index] === '{') depth += 1;
    else if (text[index] === '}') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}
