/** What a validated document is, for the start of a message ("The module is missing …"). */
export type DocumentNoun = 'module' | 'program' | 'response' | 'document';

type Token = { kind: 'named'; label: string; plainLabel: string } | { kind: 'property'; name: string } | { kind: 'entry'; index: number };

const blockNames: Record<string, string> = {
  text: 'text', image: 'image', film: 'film', audio: 'recording', question: 'question', grid: 'grid', instrument: 'instrument',
  exercise: 'exercise', registration: 'registration', unitContact: 'unit contact',
};

/** Lists whose elements are named in messages, by the property holding the list. */
const containers: Record<string, string> = {
  pages: 'page', blocks: 'block', items: 'item', options: 'option', rows: 'row', fields: 'field', bands: 'band',
  subscales: 'subscale', alerts: 'alert rule', rules: 'zone rule', tests: 'scoring test', branches: 'branch',
  conditions: 'condition', modules: 'module entry', measurements: 'measurement', registrations: 'registration',
  captions: 'caption track', authors: 'author', reminders: 'reminder',
};

/** Objects that only group fields; leaving them out reads better ("option 2 of question …"). */
const transparent = new Set(['input', 'scoring', 'zones', 'expect']);

/** Splits a JSON Pointer into its unescaped segments. */
export function pointerSegments(path: string): string[] {
  if (path === '') return [];
  return path.slice(1).split('/').map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function quoted(value: unknown): string {
  return typeof value === 'string' && value !== '' ? ` ("${value}")` : '';
}

function namedLabel(container: string, element: unknown, index: number): string {
  const record = element !== null && typeof element === 'object' ? (element as Record<string, unknown>) : {};
  const ordinal = `${containers[container]} ${index + 1}`;
  if (container === 'blocks') {
    const type = typeof record['type'] === 'string' ? (blockNames[record['type']] ?? record['type']) : undefined;
    const id = typeof record['id'] === 'string' ? ` "${record['id']}"` : '';
    return type ? `${ordinal} (${type}${id})` : `${ordinal}${quoted(record['id'])}`;
  }
  if (container === 'tests') return `${ordinal}${quoted(record['name'])}`;
  if (container === 'modules') return `${ordinal}${quoted(record['key'])}`;
  if (container === 'authors') return `${ordinal}${quoted(record['name'])}`;
  return `${ordinal}${quoted(record['id'])}`;
}

function tokenize(doc: unknown, path: string): Token[] {
  const tokens: Token[] = [];
  let data: unknown = doc;
  let parentKey: string | undefined;
  for (const segment of pointerSegments(path)) {
    if (Array.isArray(data) || (data === undefined && /^\d+$/.test(segment))) {
      const index = Number(segment);
      const element: unknown = Array.isArray(data) ? data[index] : undefined;
      const named = parentKey !== undefined && parentKey in containers && (element === undefined || (element !== null && typeof element === 'object'));
      if (named) {
        const label = namedLabel(parentKey as string, element, index);
        tokens.pop(); // the list's own property token is implied by the element's name
        tokens.push({ kind: 'named', label, plainLabel: `${containers[parentKey as string]} ${index + 1}` });
      } else {
        tokens.push({ kind: 'entry', index });
      }
      data = element;
      parentKey = undefined;
      continue;
    }
    tokens.push({ kind: 'property', name: segment });
    data = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[segment] : undefined;
    parentKey = segment;
  }
  return tokens;
}

/**
 * Names the place a JSON Pointer points at in words a designer follows:
 * `/pages/1/blocks/2` → 'page 2 block 3 (question "mood")',
 * `/pages/1/blocks/2/input/min` → 'the "min" of page 2 block 3 (question "mood")',
 * `/title` → 'the "title" of the module'.
 * Starts lower-case; use {@link capitalize} at the start of a sentence.
 */
export function describeLocation(doc: unknown, path: string, noun: DocumentNoun = 'document'): string {
  const tokens = tokenize(doc, path);
  let lastNamed = -1;
  tokens.forEach((token, index) => {
    if (token.kind === 'named') lastNamed = index;
  });
  const namedTokens = tokens.slice(0, lastNamed + 1);
  const trailing = tokens.slice(lastNamed + 1);
  const lastNamedIndex = namedTokens.length - 1;
  const owner = namedTokens
    .map((token, index) => {
      if (token.kind === 'named') return index === lastNamedIndex || token.label.startsWith('block') ? token.label : token.plainLabel;
      if (token.kind === 'entry') return `entry ${token.index + 1}`;
      return transparent.has(token.name) ? '' : `"${token.name}"`;
    })
    .filter(Boolean)
    .join(' ');
  const subject = owner === '' ? `the ${noun}` : owner;
  if (trailing.length === 0) return subject;
  return `the ${renderTrailing(trailing)} of ${subject}`;
}

function renderTrailing(tokens: Token[]): string {
  const parts: string[] = [];
  let group: string[] = [];
  const flush = () => {
    if (group.length > 0) parts.push(`"${group.join('.')}"`);
    group = [];
  };
  for (const token of tokens) {
    if (token.kind === 'property') group.push(token.name);
    else if (token.kind === 'entry') {
      flush();
      parts.push(`entry ${token.index + 1}`);
    }
  }
  flush();
  return parts.join(' ');
}

/** Upper-cases the first letter. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
