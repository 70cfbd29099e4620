import type { Issue } from '../issue.js';

/**
 * One format upgrade: turns a document of format version `from` into one of version `to`
 * (always `from + 1`). `up` is pure: it returns a new document and never changes its argument;
 * the runner sets `formatVersion` to `to` on the result, so `up` need not.
 */
export interface Migration {
  from: number;
  to: number;
  /** What changed in the format, for the changelog and the README. */
  description: string;
  up(doc: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

/** The format version this code writes and validates. Bump it together with the schemas' `formatVersion` const and add a migration. */
export const CURRENT_FORMAT_VERSION = 1;

/**
 * The registered migrations, oldest first. The only place format versions are registered; each
 * lives in its own file (`0002-<what>.ts`) with its test beside it.
 */
export const formatMigrations: readonly Migration[] = [];

/** The result of {@link upgradeDocument}: the upgraded document and the versions it passed through, or why it cannot be upgraded. */
export type UpgradeResult = { ok: true; value: unknown; applied: number[] } | { ok: false; issues: Issue[] };

/**
 * Upgrades a module or program document to the newest format version by running the migrations
 * from its `formatVersion` on. The input is never changed; a document already at the newest
 * version is returned as is. `applied` lists the version each applied migration led to.
 *
 * Refuses (with an Issue at `/formatVersion`, or at the root when it is missing) a document
 * without a whole-number `formatVersion`, one newer than this code understands, and one no
 * migration chain leads up from.
 *
 * @param migrations the migration chain; defaults to {@link formatMigrations} (tests inject their own)
 * @example
 * const upgraded = upgradeDocument(JSON.parse(text));
 * if (upgraded.ok) validateModule(upgraded.value);
 */
export function upgradeDocument(doc: unknown, migrations: readonly Migration[] = formatMigrations): UpgradeResult {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return refuse('format.not_an_object', '', 'The document must be a JSON object with fields such as "formatVersion".', {});
  }
  const record = doc as Record<string, unknown>;
  if (!('formatVersion' in record)) {
    return refuse('format.version_missing', '', `The document is missing its "formatVersion". Add "formatVersion": ${CURRENT_FORMAT_VERSION} for a document written for this version of Careloom.`, { missingProperty: 'formatVersion' });
  }
  const version = record['formatVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refuse('format.version_invalid', '/formatVersion', `The "formatVersion" must be a whole number from 1 up (it is ${JSON.stringify(version)}).`, { value: version });
  }
  const latest = Math.max(CURRENT_FORMAT_VERSION, ...migrations.map((migration) => migration.to));
  if (version > latest) {
    return refuse('format.version_too_new', '/formatVersion', `The document uses format version ${version}, but this version of Careloom understands format versions up to ${latest}. Update Careloom to open it.`, { version, latest });
  }
  let current: Record<string, unknown> = record;
  const applied: number[] = [];
  for (let from = version; from < latest; from += 1) {
    const migration = migrations.find((candidate) => candidate.from === from);
    if (!migration || migration.to !== from + 1) {
      return refuse('format.no_migration', '/formatVersion', `There is no upgrade from format version ${from} to ${from + 1}, so a version ${version} document cannot be opened.`, { from });
    }
    // A copy first, so that even a careless migration cannot change the caller's document.
    const input = applied.length === 0 ? structuredClone(current) : current;
    let output: Record<string, unknown>;
    try {
      output = migration.up(input);
    } catch (error) {
      return refuse('format.migration_failed', '', `Upgrading the document from format version ${from} to ${from + 1} failed: ${(error as Error).message}`, { from });
    }
    if (output === null || typeof output !== 'object' || Array.isArray(output)) {
      return refuse('format.migration_failed', '', `Upgrading the document from format version ${from} to ${from + 1} did not produce a document.`, { from });
    }
    current = { ...output, formatVersion: migration.to };
    applied.push(migration.to);
  }
  return { ok: true, value: current, applied };
}

function refuse(code: string, path: string, message: string, params: Record<string, unknown>): UpgradeResult {
  return { ok: false, issues: [{ code, path, message, params }] };
}
