import type { ErrorObject } from 'ajv';
import type { Issue } from '../issue.js';
import { capitalize, describeLocation, type DocumentNoun } from './describe-location.js';
import { schemaFiles, type SchemaNode } from './schema-files.js';
import { discriminatorValues, patternDescription, resolveRef } from './schema-walk.js';

type AjvError = ErrorObject<string, Record<string, unknown>, unknown>;

const formatNames: Record<string, string> = {
  uri: "a full web address such as 'https://example.org/licence'",
  'date-time': "a date and time with its offset, such as '2026-03-01T07:30:00+01:00'",
  date: "a date such as '2026-03-01'",
  email: 'an e-mail address',
};

/**
 * Turns ajv's errors into Issues a designer can act on: one issue per problem, at the JSON Pointer of
 * the offending value (of the object, for a missing field), with a sentence naming the place.
 * The errors of the variants of `anyOf`/`oneOf` a value was never meant to match are dropped, and an
 * unknown discriminator value becomes one issue listing the allowed values.
 *
 * @example
 * schemaIssues(schemaErrors('module', doc), doc, 'module');
 * // [{ code: 'schema.required', path: '/pages/1/blocks/2', message: 'Page 2 block 3 (question "mood") is missing its "input".', … }]
 */
export function schemaIssues(errors: readonly ErrorObject[], doc: unknown, noun: DocumentNoun): Issue[] {
  const kept = collapseAlternatives(errors as AjvError[]);
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const error of kept) {
    const issue = toIssue(error, kept, doc, noun);
    if (!issue) continue;
    const key = `${issue.code} ${issue.path} ${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

/** Replaces the errors of an anyOf/oneOf's variants with the errors of the one variant the value fits, or with the anyOf error alone. */
function collapseAlternatives(errors: AjvError[]): AjvError[] {
  const out: AjvError[] = [];
  for (const error of errors) {
    if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') {
      out.push(error);
      continue;
    }
    // ajv reports a variant's errors right before the anyOf error itself.
    const branchErrors: AjvError[] = [];
    while (out.length > 0 && isWithin(out[out.length - 1]!.instancePath, error.instancePath)) branchErrors.unshift(out.pop()!);
    if (error.keyword === 'oneOf' && error.params['passingSchemas']) {
      out.push(error);
      continue;
    }
    const fitting = fittingVariants(error);
    if (fitting === 1) {
      const own = branchErrors.filter((branchError) => !(branchError.instancePath === error.instancePath && (branchError.keyword === 'type' || branchError.keyword === 'const')));
      if (own.length > 0) {
        out.push(...own);
        continue;
      }
    }
    out.push(error);
  }
  return out;
}

function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

/** How many variants of an anyOf/oneOf accept the value's JSON type. */
function fittingVariants(error: AjvError): number {
  const variants = Array.isArray(error.schema) ? (error.schema as SchemaNode[]) : [];
  const file = fileOf(error.parentSchema);
  const type = jsonType(error.data);
  return variants.filter((variant) => {
    const resolved = derefVariant(variant, file);
    if (resolved['const'] !== undefined) return jsonType(resolved['const']) === type;
    const declared = resolved['type'];
    if (declared === undefined) return true;
    const types = Array.isArray(declared) ? declared : [declared];
    return types.includes(type) || (type === 'integer' && types.includes('number'));
  }).length;
}

function derefVariant(variant: SchemaNode, file: string): SchemaNode {
  let node = variant;
  let current = file;
  while (typeof node['$ref'] === 'string') {
    const located = resolveRef(node['$ref'], current);
    node = located.node;
    current = located.file;
  }
  return node;
}

let owners: WeakMap<object, string> | undefined;

/** The schema file a schema object belongs to, to resolve its relative `$ref`s. */
function fileOf(node: unknown): string {
  if (!owners) {
    owners = new WeakMap();
    for (const [file, schema] of schemaFiles) {
      const visit = (value: unknown) => {
        if (value === null || typeof value !== 'object') return;
        owners?.set(value, file);
        for (const child of Object.values(value)) visit(child);
      };
      visit(schema);
    }
  }
  return (node !== null && typeof node === 'object' && owners.get(node)) || 'module.schema.json';
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Shows a value in a message, shortened. */
export function showValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function typeWords(type: unknown): string {
  const words: Record<string, string> = {
    string: 'text', number: 'a number', integer: 'a whole number', boolean: 'true or false', array: 'a list', object: 'an object with fields', null: 'null',
  };
  const types = String(type).split(',');
  return types.map((name) => words[name] ?? name).join(' or ');
}

function alternativeWords(error: AjvError): string {
  const variants = Array.isArray(error.schema) ? (error.schema as SchemaNode[]) : [];
  const file = fileOf(error.parentSchema);
  return variants
    .map((variant) => {
      const resolved = derefVariant(variant, file);
      if (resolved['const'] !== undefined) return showValue(resolved['const']);
      if (typeof resolved['pattern'] === 'string') return patternDescription(resolved['pattern']) ?? `text matching ${resolved['pattern']}`;
      if (resolved['type'] === 'array') return 'a list';
      return typeWords(resolved['type']);
    })
    .join(', or ');
}

function toIssue(error: AjvError, all: AjvError[], doc: unknown, noun: DocumentNoun): Issue | undefined {
  // A property name's own errors are reported once, by the propertyNames error.
  if (error.keyword !== 'propertyNames' && (error as { propertyName?: string }).propertyName !== undefined) return undefined;
  const where = (path: string) => capitalize(describeLocation(doc, path, noun));
  const path = error.instancePath;
  const params = error.params;
  const it = where(path);
  const is = error.data === undefined ? '' : ` (it is ${showValue(error.data)})`;
  switch (error.keyword) {
    case 'required':
      return { code: 'schema.required', path, message: `${it} is missing its "${String(params['missingProperty'])}".`, params: { missingProperty: params['missingProperty'] } };
    case 'additionalProperties': {
      const property = String(params['additionalProperty']);
      return {
        code: 'schema.additional_property', path: `${path}/${escape(property)}`,
        message: `${it} has an unknown field "${property}". Remove it or check its spelling.`, params: { property },
      };
    }
    case 'type':
      return { code: 'schema.type', path, message: `${it} must be ${typeWords(params['type'])}${is}.`, params: { type: params['type'] } };
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]) ?? [];
      return { code: 'schema.enum', path, message: `${it} must be one of ${allowed.map(showValue).join(', ')}${is}.`, params: { allowed } };
    }
    case 'const':
      return { code: 'schema.const', path, message: `${it} must be ${showValue(params['allowedValue'])}${is}.`, params: { allowed: params['allowedValue'] } };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const bound = { minimum: 'at least', maximum: 'at most', exclusiveMinimum: 'more than', exclusiveMaximum: 'less than' }[error.keyword];
      return { code: `schema.${snake(error.keyword)}`, path, message: `${it} must be ${bound} ${String(params['limit'])}${is}.`, params: { limit: params['limit'] } };
    }
    case 'minLength':
    case 'maxLength': {
      const limit = Number(params['limit']);
      const message = error.keyword === 'minLength'
        ? limit === 1 ? `${it} must not be empty.` : `${it} must be at least ${limit} characters long.`
        : `${it} must be at most ${limit} characters long (it has ${typeof error.data === 'string' ? error.data.length : '?'}).`;
      return { code: `schema.${snake(error.keyword)}`, path, message, params: { limit } };
    }
    case 'pattern': {
      const pattern = String(params['pattern']);
      const description = patternDescription(pattern);
      const message = description ? `${it} must be ${description}${is}.` : `${it} does not have the expected form${is}; it must match ${pattern}.`;
      return { code: 'schema.pattern', path, message, params: { pattern } };
    }
    case 'format': {
      const format = String(params['format']);
      return { code: 'schema.format', path, message: `${it} must be ${formatNames[format] ?? `a valid ${format}`}${is}.`, params: { format } };
    }
    case 'minItems':
    case 'maxItems': {
      const limit = Number(params['limit']);
      const message = error.keyword === 'minItems'
        ? `${it} must have at least ${limit === 1 ? 'one entry' : `${limit} entries`}.`
        : `${it} must have at most ${limit} entries.`;
      return { code: `schema.${snake(error.keyword)}`, path, message, params: { limit } };
    }
    case 'uniqueItems': {
      const [first, second] = [Number(params['j']), Number(params['i'])];
      const value = Array.isArray(error.data) ? error.data[second] : undefined;
      return {
        code: 'schema.unique_items', path: `${path}/${second}`,
        message: `${it} lists ${showValue(value)} twice (entries ${first + 1} and ${second + 1}). Remove one.`, params: { first, second },
      };
    }
    case 'minProperties':
    case 'maxProperties': {
      const limit = Number(params['limit']);
      const message = error.keyword === 'minProperties'
        ? `${it} must not be empty.`
        : `${it} must have at most ${limit} entries.`;
      return { code: `schema.${snake(error.keyword)}`, path, message, params: { limit } };
    }
    case 'propertyNames':
      return propertyNameIssue(error, all, it);
    case 'discriminator':
      return discriminatorIssue(error, all, it);
    case 'anyOf':
    case 'oneOf':
      if (error.params['passingSchemas']) {
        return { code: 'schema.ambiguous', path, message: `${it} fits more than one kind of entry${is}.`, params: {} };
      }
      return { code: 'schema.any_of', path, message: `${it} must be ${alternativeWords(error)}${is}.`, params: {} };
    default:
      return { code: `schema.${snake(error.keyword)}`, path, message: `${it} ${error.message ?? 'is not valid'}.`, params: { ...params } };
  }
}

function propertyNameIssue(error: AjvError, all: AjvError[], it: string): Issue {
  const name = String(error.params['propertyName']);
  const inner = all.find((candidate) => candidate !== error && candidate.instancePath === error.instancePath && (candidate as { propertyName?: string }).propertyName === name);
  const pattern = inner?.keyword === 'pattern' ? String(inner.params['pattern']) : undefined;
  const description = pattern ? patternDescription(pattern) : undefined;
  const rule = description ? `, which must be ${description}` : ', which is not allowed here';
  return {
    code: 'schema.property_name', path: `${error.instancePath}/${escape(name)}`,
    message: `${it} uses "${name}" as a key${rule}.`, params: { propertyName: name },
  };
}

function discriminatorIssue(error: AjvError, all: AjvError[], it: string): Issue | undefined {
  const tagName = String(error.params['tag']);
  const missing = all.some((candidate) => candidate.keyword === 'required' && candidate.instancePath === error.instancePath && candidate.params['missingProperty'] === tagName);
  if (missing) return undefined;
  const allowed = discriminatorValues(error.parentSchema, tagName);
  const value = error.params['tagValue'];
  const list = allowed.map((entry) => `"${entry}"`).join(', ');
  const has = error.params['error'] === 'mapping' ? `has "${tagName}" ${showValue(value)}, which is not one of` : `must have a "${tagName}" that is one of`;
  return {
    code: 'schema.unknown_variant', path: `${error.instancePath}/${escape(tagName)}`,
    message: `${it} ${has} ${list}.`, params: { property: tagName, value, allowed },
  };
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function snake(keyword: string): string {
  return keyword.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
