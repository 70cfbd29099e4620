import { pointerSegment } from '../issue.js';

/** Thrown for a value that has no JSON form; `path` is the JSON Pointer of the offending value ('' for the root). */
export class CanonicalJsonError extends Error {
  readonly path: string;

  constructor(path: string, problem: string) {
    super(`Cannot write canonical JSON: ${path === '' ? 'the document' : `the value at ${path}`} ${problem}.`);
    this.name = 'CanonicalJsonError';
    this.path = path;
  }
}

/**
 * The RFC 8785 (JSON Canonicalization Scheme) form of a JSON value: no whitespace, object keys sorted
 * by UTF-16 code units, numbers written as ECMAScript writes them (-0 as 0, 1e21 as 1e+21), strings
 * escaped as JSON.stringify escapes them. Two documents with the same content give the same string,
 * which is what the content hash of a released version is taken over.
 *
 * Throws {@link CanonicalJsonError}, naming the JSON Pointer, for anything JSON cannot carry exactly:
 * NaN and ±Infinity, undefined (also as a property or array element), functions, symbols, bigints,
 * strings with lone surrogates (RFC 8785 requires I-JSON), objects that are not plain (Date, Map, …)
 * and cycles. Silently dropping or converting them would hash something other than the document.
 *
 * @example
 * canonicalJson({ b: [1e21, -0], a: 'é' }); // '{"a":"é","b":[1e+21,0]}'
 */
export function canonicalJson(value: unknown): string {
  return write(value, undefined, new Set());
}

/**
 * Where a value stands, as a chain of segments: the JSON Pointer is written only for an error.
 * Writing it for every member cost more than writing the member (a response is hashed this way
 * on every submission).
 */
type Path = { parent: Path; segment: string | number } | undefined;

function pointer(path: Path): string {
  const segments: string[] = [];
  for (let at = path; at !== undefined; at = at.parent) segments.push(typeof at.segment === 'number' ? String(at.segment) : pointerSegment(at.segment));
  return segments.reverse().map((segment) => `/${segment}`).join('');
}

function write(value: unknown, path: Path, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return writeString(value, path);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(pointer(path), `is ${value}, which JSON cannot represent`);
      // ECMAScript Number-to-String is exactly RFC 8785's number format; it already writes -0 as '0'.
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return writeContainer(value, path, ancestors);
    default:
      throw new CanonicalJsonError(pointer(path), `is ${describe(value)}, which JSON cannot represent`);
  }
}

function writeContainer(value: object, path: Path, ancestors: Set<object>): string {
  if (ancestors.has(value)) throw new CanonicalJsonError(pointer(path), 'refers back to one of its own ancestors (a cycle)');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      const elements: string[] = [];
      for (let position = 0; position < value.length; position += 1) {
        elements.push(write(value[position], { parent: path, segment: position }, ancestors));
      }
      return `[${elements.join(',')}]`;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      throw new CanonicalJsonError(pointer(path), `is a ${value.constructor?.name ?? 'non-plain'} object, not a plain JSON object`);
    }
    // The default sort compares UTF-16 code units, which is the order RFC 8785 prescribes.
    const keys = Object.keys(value).sort();
    const members = keys.map((key) => {
      const memberPath: Path = { parent: path, segment: key };
      return `${writeString(key, memberPath)}:${write((value as Record<string, unknown>)[key], memberPath, ancestors)}`;
    });
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function writeString(text: string, path: Path): string {
  if (LONE_SURROGATE.test(text)) throw new CanonicalJsonError(pointer(path), 'contains a lone surrogate, which is not valid Unicode');
  return JSON.stringify(text);
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'bigint') return 'a bigint';
  return typeof value;
}
