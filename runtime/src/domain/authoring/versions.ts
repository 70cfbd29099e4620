import { canonicalJson } from '@careloom/format/engine';
import { contentHash } from '@careloom/format/engine';
import { classifyRelease, diffDocuments } from '@careloom/format/engine';
import { DomainError } from '../errors.js';
import type { AuthoringContext, AuthoringDeps } from './authoring-deps.js';
import { actorId, auditEntry, documentFor } from './document-access.js';
import { snapshotDraft, titleOf, validateDocument, versionContent, versionWarnings } from './document-content.js';
import type { DocumentRecord, VersionRecord } from './ports.js';
import { allowedActions } from './workflow.js';
import type { VersionView, DiffView } from '@careloom/format/api';
export type { VersionView, DiffView };

export function presentVersion(version: VersionRecord): VersionView {
  return {
    documentId: version.documentId,
    number: version.number,
    state: version.state,
    allowedActions: allowedActions(version.state),
    contentHash: version.contentHash,
    changeNote: version.changeNote,
    authoredBy: version.authoredBy,
    authoredByName: version.authoredByName ?? null,
    contributors: version.contributors,
    createdAt: version.createdAt,
    stateChangedAt: version.stateChangedAt,
    stateChangedBy: version.stateChangedBy,
    release: version.release,
  };
}

export function createVersionCommands(deps: AuthoringDeps) {
  return {
    /**
     * Freezes the draft into the next numbered version: validate (an `invalid` problem with every issue and its path), canonical
     * JSON, SHA-256, contributors since the previous submission, one store write.
     */
    async submitVersion(context: AuthoringContext, id: string, input: { changeNote: string }): Promise<VersionView> {
      const { document, role } = await documentFor(deps, context, id, 'version.submit');
      const { content, lastSeq } = await snapshotDraft(deps, document);
      const validation = await validateDocument(deps, document, content);
      if (!validation.ok) {
        throw new DomainError('invalid', `The draft has ${validation.issues.length} problem${validation.issues.length === 1 ? '' : 's'} to fix before it can be submitted.`, { issues: validation.issues });
      }
      const versions = await deps.store.listVersions(document.id);
      const previous = versions[versions.length - 1];
      const hash = contentHash(validation.value);
      // A version with nothing new would only give reviewers an empty diff. The same content may come
      // back after changes were requested (the designer answers that none are needed), a withdrawal
      // or a retirement; while the last version is under way or released it is refused.
      if (previous && previous.contentHash === hash && !['changes_requested', 'withdrawn', 'retired'].includes(previous.state)) {
        const message = `The draft is the same as version ${previous.number}: change something before submitting a new version.`;
        throw new DomainError('conflict', message, { issues: [{ code: 'version.unchanged', path: '', message, params: { number: previous.number } }] });
      }
      const contributors = await deps.drafts.contributorsSince(document.id, previous?.draftSeq ?? 0);
      // The stored text is exactly what was hashed: anyone can re-check a version against its hash.
      const canonical = canonicalJson(validation.value);
      const at = deps.now().toISOString();
      const version = await deps.store.appendVersion({
        version: {
          documentId: document.id,
          canonical,
          contentHash: hash,
          changeNote: input.changeNote,
          authoredBy: actorId(context),
          contributors,
          draftSeq: lastSeq,
          title: titleOf(validation.value, document.title),
          at,
        },
        audit: (number) => auditEntry(deps, context, { at, role, action: 'version.submit', document, objectId: `${document.id}@${number}`, details: { number, contentHash: hash, contributors } }),
      });
      return { ...presentVersion(version), warnings: validation.warnings };
    },

    async listVersions(context: AuthoringContext, id: string): Promise<VersionView[]> {
      const { document } = await documentFor(deps, context, id, 'document.read');
      return (await deps.store.listVersions(document.id)).map(presentVersion);
    },

    /** One version with its content and its transition history. */
    async getVersion(context: AuthoringContext, id: string, number: number): Promise<VersionView> {
      const { document } = await documentFor(deps, context, id, 'document.read');
      const version = await versionOf(deps, document, number);
      return { ...presentVersion(version), history: await deps.store.listTransitions(document.id, number), warnings: versionWarnings(document, version), content: versionContent(version) };
    },

    /** The structural difference between two versions, or a version and the draft, with the release class it suggests. */
    async diff(context: AuthoringContext, id: string, from: number | 'draft', to: number | 'draft'): Promise<DiffView> {
      const { document } = await documentFor(deps, context, id, 'document.read');
      const contentAt = async (which: number | 'draft') => (which === 'draft' ? (await snapshotDraft(deps, document)).content : versionContent(await versionOf(deps, document, which)));
      const changes = diffDocuments(await contentAt(from), await contentAt(to));
      return { from, to, changes, suggestedClass: classifyRelease(changes) };
    },
  };
}

export async function versionOf(deps: AuthoringDeps, document: DocumentRecord, number: number): Promise<VersionRecord> {
  const version = await deps.store.getVersion(document.id, number);
  if (!version) throw new DomainError('not_found', `"${document.id}" has no version ${number}.`);
  return version;
}
