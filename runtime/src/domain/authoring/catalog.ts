import { DomainError } from '../errors.js';
import type { AuthoringContext, AuthoringDeps } from './authoring-deps.js';
import { catalogScope } from './policy.js';
import type { LocalizedText } from '@careloom/format';
import type { DocumentKind, ReleaseRecord, VersionRecord } from './ports.js';

/** Title, summary and default language of a released version's content (canonical JSON, validated when it was submitted). */
function describedBy(version: VersionRecord | undefined, fallbackTitle: string): { titles: LocalizedText; summary: LocalizedText | null; defaultLanguage: string } {
  const content = version ? (JSON.parse(version.canonical) as { title?: LocalizedText; summary?: LocalizedText; defaultLanguage?: string }) : {};
  const defaultLanguage = content.defaultLanguage ?? 'en';
  return { titles: content.title ?? { [defaultLanguage]: fallbackTitle }, summary: content.summary ?? null, defaultLanguage };
}

/** A released (or retired) version in the catalog. */
export interface CatalogVersionView {
  number: number;
  retired: boolean;
  contentHash: string;
  changeNote: string;
  releasedAt: string;
  releaseClass: ReleaseRecord['releaseClass'];
  releaseNotes: string;
  pins: ReleaseRecord['pins'];
}

export interface CatalogEntryView {
  id: string;
  kind: DocumentKind;
  title: string;
  /** The newest release's title and summary per language, so a Swedish clinic reads Swedish titles. */
  titles: LocalizedText;
  summary: LocalizedText | null;
  defaultLanguage: string;
  organisationId: string;
  /** The version new deployments get; null when every release is retired. */
  currentVersion: number | null;
  /** Every release, newest first. */
  history: CatalogVersionView[];
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
