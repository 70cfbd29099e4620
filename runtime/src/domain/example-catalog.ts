import type { Issue } from '@careloom/format';
import { DomainError } from './errors.js';
import type { ExampleSummary } from '@careloom/format/api';
export type { ExampleSummary };

export type ExampleKind = 'module' | 'program';

/** One example file as read from disk (reading happens outside the domain, see content/). */
export interface ExampleFile {
  kind: ExampleKind;
  /** Path relative to the examples folder, e.g. `modules/phq-9.json`. */
  file: string;
  text: string;
}

/** What a validator answers: the contract of `validateModule` / `validateProgram` in schemas/src/validate. */
export type ValidationOutcome = { ok: true; value: unknown } | { ok: false; issues: readonly Issue[] };

/** The validators the catalog checks examples with, passed in by the composition root. */
export interface ExampleValidators {
  module(doc: unknown): ValidationOutcome;
  /** `resolveModule` answers the validated module with that id among the examples, if any. */
  program(doc: unknown, resolveModule: (moduleId: string) => unknown): ValidationOutcome;
}

export interface ExampleCatalog {
  list(): ExampleSummary[];
  /** The summary and the full document; throws `not_found` for an unknown id. */
  get(id: string): { summary: ExampleSummary; document: unknown };
}

export interface ExampleCatalogDeps {
  files: readonly ExampleFile[];
  validators: ExampleValidators;
  /** Canonical content hash of a parsed document (hex). */
  contentHash(document: unknown): string;
}

/**
 * Parses, validates and hashes the example files once, at start. An unreadable or invalid
 * example is kept and listed with `valid: false` and its issues, so one bad file does not stop
 * the server. Modules are validated first so programs can be checked against them.
 *
 * @example
 * const catalog = createExampleCatalog({ files, validators, contentHash });
 * catalog.list().filter((example) => !example.valid);
 */
export function createExampleCatalog(deps: ExampleCatalogDeps): ExampleCatalog {
  const entries = new Map<string, { summary: ExampleSummary; document: unknown }>();
  const duplicates: ExampleSummary[] = [];
  const validModules = new Map<string, unknown>();
  const ordered = [...deps.files].sort((a, b) => (a.kind === b.kind ? a.file.localeCompare(b.file) : a.kind === 'module' ? -1 : 1));

  for (const file of ordered) {
    const parsed = parseExample(file.text);
    const outcome: ValidationOutcome = !parsed.ok
      ? { ok: false, issues: [parsed.issue] }
      : file.kind === 'module'
        ? deps.validators.module(parsed.document)
        : deps.validators.program(parsed.document, (moduleId) => validModules.get(moduleId));
    const document = parsed.ok ? parsed.document : null;
    const id = stringField(document, 'id') ?? fileStem(file.file);
    const issues = outcome.ok ? [] : [...outcome.issues];
    const hash = parsed.ok ? hashOf(document, deps.contentHash, issues) : '';
    if (entries.has(id)) {
      issues.push({ code: 'catalog.duplicate_id', path: '/id', message: `Another example (${entries.get(id)?.summary.file}) already has the id "${id}"; this one is not served.` });
    }
    const summary: ExampleSummary = {
      id,
      kind: file.kind,
      title: titleOf(document) ?? id,
      languages: stringArray(document, 'languages'),
      file: file.file,
      contentHash: hash,
      valid: issues.length === 0,
      issueCount: issues.length,
      issues,
    };
    if (outcome.ok && file.kind === 'module' && !validModules.has(id)) validModules.set(id, outcome.value);
    if (!entries.has(id)) entries.set(id, { summary, document });
    else duplicates.push(summary);
  }

  const summaries = [...entries.values()].map((entry) => entry.summary).concat(duplicates);
  return {
    list: () => summaries.map((summary) => ({ ...summary, languages: [...summary.languages], issues: [...summary.issues] })),
    get(id) {
      const entry = entries.get(id);
      if (!entry || entry.document === null) throw new DomainError('not_found', `There is no example "${id}".`);
      return { summary: { ...entry.summary }, document: entry.document };
    },
  };
}

/** The document's hash, or '' with an issue when it cannot be hashed (e.g. a number JSON cannot carry). */
function hashOf(document: unknown, contentHash: (document: unknown) => string, issues: Issue[]): string {
  try {
    return contentHash(document);
  } catch (error) {
    issues.push({ code: 'catalog.unhashable', path: '', message: `The document cannot be hashed: ${error instanceof Error ? error.message : String(error)}` });
    return '';
  }
}

type Parsed = { ok: true; document: unknown } | { ok: false; issue: Issue };

function parseExample(text: string): Parsed {
  try {
    return { ok: true, document: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, issue: { code: 'catalog.unreadable', path: '', message: `The file is not valid JSON: ${reason}.` } };
  }
}

function field(document: unknown, name: string): unknown {
  return document !== null && typeof document === 'object' && !Array.isArray(document) ? (document as Record<string, unknown>)[name] : undefined;
}

function stringField(document: unknown, name: string): string | undefined {
  const value = field(document, name);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function stringArray(document: unknown, name: string): string[] {
  const value = field(document, name);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The title in the default language, else in the first language that has one. */
function titleOf(document: unknown): string | undefined {
  const title = field(document, 'title');
  if (title === null || typeof title !== 'object') return undefined;
  const texts = title as Record<string, unknown>;
  const language = stringField(document, 'defaultLanguage');
  const preferred = language === undefined ? undefined : texts[language];
  if (typeof preferred === 'string') return preferred;
  return Object.values(texts).find((text): text is string => typeof text === 'string');
}

function fileStem(file: string): string {
  return file.replace(/^.*\//, '').replace(/\.json$/, '');
}
