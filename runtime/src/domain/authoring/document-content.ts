import type { Module, ModuleRef } from '@careloom/format';
import type { Issue } from '@careloom/format';
import { checkLockedInstrumentChanges, moduleWarnings, validateModule, validateProgram } from '@careloom/format/validate';
import { foreignMediaIssues } from '../media/media-references.js';
import type { AuthoringDeps } from './authoring-deps.js';
import type { DocumentRecord, VersionRecord } from './ports.js';

/** The draft's JSON as of now, and the last update it includes. */
export async function snapshotDraft(deps: AuthoringDeps, document: DocumentRecord): Promise<{ content: unknown; lastSeq: number }> {
  const { updates, lastSeq } = await deps.drafts.loadUpdates(document.id);
  return { content: await deps.codec.decode(document.kind, updates), lastSeq };
}

/** A version's content as stored (the canonical JSON, parsed). */
export function versionContent(version: VersionRecord): unknown {
  return JSON.parse(version.canonical) as unknown;
}

/**
 * Validates a module or program. For a program, each referenced module resolves to the version it
 * pins, else the released one, else (for the program's own organisation only) the newest
 * submitted one, so a program can be reviewed before its modules are released.
 */
export async function validateDocument(deps: AuthoringDeps, document: DocumentRecord, content: unknown): Promise<{ ok: boolean; value: unknown; issues: Issue[]; warnings: Issue[] }> {
  const issues: Issue[] = [];
  const id = isRecord(content) ? content['id'] : undefined;
  if (id !== undefined && id !== document.id) {
    issues.push({ code: 'authoring.id_mismatch', path: '/id', message: `The document's "id" must stay "${document.id}", the id it was created with (it is ${JSON.stringify(id)}).` });
  }
  const result = document.kind === 'module' ? validateModule(content) : validateProgram(content, { resolveModule: await moduleResolver(deps, document, content) });
  issues.push(...result.issues);
  // Only a draft of the module's shape can be compared; other problems (say a failing scoring test) do not hide a lock breach.
  const shaped = result.ok || result.issues.every(({ code }) => !code.startsWith('schema.') && !code.startsWith('format.'));
  if (document.kind === 'module' && shaped) issues.push(...(await lockedInstrumentIssues(deps, document, (result.ok ? result.value : content) as Module)));
  // Another organisation's library file would be missing for this module's patients (media-references.ts).
  issues.push(...foreignMediaIssues(content, document.organisationId));
  const ok = issues.length === 0;
  // The publish gate's warnings (plain language) are read only from a module that passes: they never refuse.
  const warnings = ok && result.ok && document.kind === 'module' ? moduleWarnings(result.value as Module) : [];
  return { ok, value: result.ok ? result.value : content, issues, warnings };
}

/** The publish gate's warnings about a stored version (none for a program). */
export function versionWarnings(document: DocumentRecord, version: VersionRecord): Issue[] {
  return document.kind === 'module' ? moduleWarnings(versionContent(version) as Module) : [];
}

/**
 * What the draft changed in the instruments the newest version locked (validated scales): wording,
 * items, options and scoring stay as they were; translations into new languages are allowed. The
 * newest version was itself checked against the one before it, so comparing with it alone keeps
 * the wording of every earlier version.
 */
async function lockedInstrumentIssues(deps: AuthoringDeps, document: DocumentRecord, draft: Module): Promise<Issue[]> {
  const versions = await deps.store.listVersions(document.id);
  const newest = versions[versions.length - 1];
  return newest ? checkLockedInstrumentChanges(versionContent(newest) as Module, draft) : [];
}

async function moduleResolver(deps: AuthoringDeps, program: DocumentRecord, content: unknown): Promise<(ref: ModuleRef) => Module | undefined> {
  const resolved = new Map<string, Module>();
  for (const ref of moduleRefs(content)) {
    const module = await resolveModule(deps, program, ref);
    if (module) resolved.set(refKey(ref), module);
  }
  return (ref) => resolved.get(refKey(ref));
}

async function resolveModule(deps: AuthoringDeps, program: DocumentRecord, ref: ModuleRef): Promise<Module | undefined> {
  const document = await deps.store.getDocument(ref.moduleId);
  if (!document || document.kind !== 'module') return undefined;
  const versions = await deps.store.listVersions(document.id);
  const visible = versions.filter((version) => version.release !== null || document.organisationId === program.organisationId);
  const chosen =
    ref.version !== undefined
      ? visible.find((version) => version.number === ref.version)
      : (visible.find((version) => version.number === document.releasedVersion) ?? visible[visible.length - 1]);
  return chosen ? (versionContent(chosen) as Module) : undefined;
}

/**
 * The module references of a program document (schedule, measurements, registrations: every
 * `module` object with a `moduleId`), in document order, tolerant of a draft's gaps.
 */
export function moduleRefs(content: unknown): Array<ModuleRef & { path: string }> {
  const refs: Array<ModuleRef & { path: string }> = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}/${index}`));
    else if (isRecord(value)) {
      for (const [key, item] of Object.entries(value)) {
        if (key === 'module' && isRecord(item) && typeof item['moduleId'] === 'string') {
          refs.push({ moduleId: item['moduleId'], ...(typeof item['version'] === 'number' ? { version: item['version'] } : {}), path: `${path}/module` });
        } else walk(item, `${path}/${key}`);
      }
    }
  };
  walk(content, '');
  return refs;
}

function refKey(ref: ModuleRef): string {
  return `${ref.moduleId}@${ref.version ?? ''}`;
}

/** The title in the document's default language (or its first), for lists. */
export function titleOf(content: unknown, fallback: string): string {
  if (!isRecord(content) || !isRecord(content['title'])) return fallback;
  const title = content['title'];
  const language = typeof content['defaultLanguage'] === 'string' ? content['defaultLanguage'] : undefined;
  const text = (language !== undefined ? title[language] : undefined) ?? Object.values(title)[0];
  return typeof text === 'string' && text.trim() !== '' ? text : fallback;
}

/** Every id in a document (pages, blocks, items, options, schedule keys…): what comments can anchor to. */
export function anchorIds(content: unknown): Set<string> {
  const ids = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (isRecord(value)) {
      for (const key of ['id', 'key'] as const) if (typeof value[key] === 'string') ids.add(value[key]);
      Object.values(value).forEach(walk);
    }
  };
  walk(content);
  return ids;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

