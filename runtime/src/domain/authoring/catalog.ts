import { DomainError } from '../errors.js';
import type { AuthoringContext, AuthoringDeps } from './authoring-deps.js';
import { catalogScope } from './policy.js';
import type { LocalizedText } from '@careloom/format';
import type { CatalogEntry as CatalogEntryView } from '@careloom/format/api';
import type { VersionRecord } from './ports.js';

/** A released (or retired) version in the catalog, and a catalog entry: the wire types (schemas/json/api/authoring.schema.json). */
export type { CatalogEntry as CatalogEntryView, CatalogVersion as CatalogVersionView } from '@careloom/format/api';

/** Title, summary and default language of a released version's content (canonical JSON, validated when it was submitted). */
function describedBy(version: VersionRecord | undefined, fallbackTitle: string): { titles: LocalizedText; summary: LocalizedText | null; defaultLanguage: string } {
  const content = version ? (JSON.parse(version.canonical) as { title?: LocalizedText; summary?: LocalizedText; defaultLanguage?: string }) : {};
  const defaultLanguage = content.defaultLanguage ?? 'en';
  return { titles: content.title ?? { [defaultLanguage]: fallbackTitle }, summary: content.summary ?? null, defaultLanguage };
}

export function createCatalogCommands(deps: AuthoringDeps) {
  return {
    async listCatalog(context: AuthoringContext): Promise<CatalogEntryView[]> {
      const scope = catalogScope(context.principal);
      if ('allowed' in scope) throw new DomainError(scope.code, scope.reason);
      const entries = await deps.store.listCatalog(scope.scope === 'all' ? 'all' : scope.organisationIds);
      return entries.map(({ document, versions }) => ({
        id: document.id,
        kind: document.kind,
        title: document.title,
        ...describedBy(versions.find((version) => version.number === document.releasedVersion) ?? versions.find((version) => version.release), document.title),
        organisationId: document.organisationId,
        currentVersion: document.releasedVersion,
        history: versions.flatMap((version) =>
          version.release
            ? [{
                number: version.number,
                retired: version.state === 'retired',
                contentHash: version.contentHash,
                changeNote: version.changeNote,
                releasedAt: version.release.releasedAt,
                releaseClass: version.release.releaseClass,
                releaseNotes: version.release.releaseNotes,
                pins: version.release.pins,
              }]
            : [],
        ),
      }));
    },
  };
}
