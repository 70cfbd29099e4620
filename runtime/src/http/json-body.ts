import type { Context } from 'hono';
import { DomainError } from '../domain/errors.js';

/**
 * Deepest nesting of objects and arrays a request body may have. The deepest legitimate documents
 * (a module's rich text with lists inside lists, conditions inside conditions) stay far below it;
 * anything deeper would only reach recursive validators, scorers and serialisers and exhaust the
 * stack (10,000 levels did, with a 500).
 */
export const MAX_JSON_DEPTH = 128;

/**
 * Reads the request body as JSON, refusing a missing or non-JSON content type (415), a body that
 * does not parse or nests deeper than {@link MAX_JSON_DEPTH} (400, naming where), and an object key
 * `__proto__` (400): no document of Careloom's has one, and refusing it here keeps every later
 * `Object.assign` or merge from ever changing an object's prototype. What the JSON must contain is
 * checked afterwards by a schema validator. Every route reads its body through this function.
 *
 * @example
 * app.post('/api/things', async (c) => c.json(await services.things.create(await readJsonBody(c))));
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new DomainError('unsupported_media_type', `Send the body as application/json${type ? `, not ${type.split(';')[0]}` : ''}.`);
  }
  return parseJsonBody(await c.req.text());
}

/**
 * Parses a request body's text with the checks of {@link readJsonBody}. Exported for tests and for
 * any reader that gets the text another way.
 */
export function parseJsonBody(text: string): unknown {
  const tooDeep = depthExceededAt(text, MAX_JSON_DEPTH);
  if (tooDeep !== undefined) {
    const message = `The body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep (at character ${tooDeep + 1}).`;
    throw new DomainError('bad_request', message, { issues: [{ code: 'body.too_deep', path: '', message }] });
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    // V8 quotes part of the body in its message; keep only the reason so nothing is echoed back.
    const reason = error instanceof SyntaxError ? error.message.replace(/, ".*" is not valid JSON$/s, '') : 'unreadable';
    throw new DomainError('bad_request', `The request body is not valid JSON: ${reason}.`, {
      issues: [{ code: 'body.malformed_json', path: '', message: `The body could not be parsed as JSON (${reason}).` }],
    });
  }
  const polluting = prototypeKeyPath(value);
  if (polluting !== undefined) {
    const message = `"${polluting}" is a key named "__proto__", which no request takes.`;
    throw new DomainError('bad_request', 'The request body has a key named "__proto__".', { issues: [{ code: 'body.forbidden_key', path: polluting, message }] });
  }
  return value;
}

/**
 * The index of the first bracket that opens level `maxDepth + 1`, or undefined. One pass over the
 * text, without recursion, skipping string contents (a "[" inside a string does not nest). It runs
 * before JSON.parse, so a body of a million brackets is refused without building anything.
 */
function depthExceededAt(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c /* \ */) index += 1;
      else if (char === 0x22 /* " */) inString = false;
      continue;
    }
    if (char === 0x22) inString = true;
    else if (char === 0x7b /* { */ || char === 0x5b /* [ */) {
      depth += 1;
      if (depth > maxDepth) return index;
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) depth -= 1;
  }
  return undefined;
}

/** JSON Pointer of the first object key `__proto__` (however it was escaped), or undefined. */
function prototypeKeyPath(root: unknown): string | undefined {
  // Iterative, though the depth is already bounded: nothing here should ever hit the stack limit.
  const pending: Array<{ value: unknown; path: string }> = [{ value: root, path: '' }];
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      value.forEach((entry, position) => pending.push({ value: entry, path: `${path}/${position}` }));
      continue;
    }
    if (Object.hasOwn(value, '__proto__')) return `${path}/__proto__`;
    for (const [key, entry] of Object.entries(value)) pending.push({ value: entry, path: `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}` });
  }
  return undefined;
}
