import { upgradeDocument } from '@careloom/format/migrations';
import { detectDocumentKind } from '@careloom/format/validate';
import { DomainError } from '../errors.js';
import type { AuthoringContext, AuthoringDeps } from './authoring-deps.js';
import { auditEntry, documentFor, requireAllowed } from './document-access.js';
import { isRecord, snapshotDraft, titleOf, validateDocument } from './document-content.js';
import { layoutFailure } from './draft-codec.js';
import { authorize, readableOrganisations } from './policy.js';
import type { DocumentKind, DocumentRecord, DocumentSummary } from './ports.js';
import { allowedActions } from './workflow.js';
import type { CreateDocumentInput, DraftView } from '@careloom/format/api';
export type { CreateDocumentInput, DraftView };

const SLUG = /^[a-z0-9][a-z0-9-]{1,63}$/;

export function createDocumentCommands(deps: AuthoringDeps) {
  return {
    /** Documents of the caller's organisations with their status, last editor and time. */
    async listDocuments(context: AuthoringContext): Promise<DocumentSummary[]> {
      const organisations = readableOrganisations(context.principal);
      if (organisations === undefined) throw new DomainError('unauthenticated', 'Sign in to work with modules.');
      if (organisations.length === 0) throw new DomainError('forbidden', 'Modules are for the designers, publishers and testers of a publishing organisation.');
      return deps.store.listDocuments(organisations);
    },

    /** Creates a document and its draft (the first Yjs update). Drafts may have issues; they are returned. */
    async createDocument(context: AuthoringContext, input: CreateDocumentInput): Promise<DraftView> {
      const principal = context.principal;
      if (!principal) throw new DomainError('unauthenticated', 'Sign in to create modules.');
      const organisationId = input.organisationId ?? onlyDesignerOrganisation(principal.memberships);
      const role = requireAllowed(authorize(principal, 'document.create', { organisationId }));
      const { kind, content } = await startingContent(deps, input);
      const id = input.id ?? (isRecord(content) && typeof content['id'] === 'string' ? content['id'] : '');
      if (!SLUG.test(id)) throw invalid('/id', 'authoring.id_invalid', `The id must be 2 to 64 lower-case letters, digits and '-' (it is ${JSON.stringify(id)}).`);
      const draft = { ...content, id };
      let update: Uint8Array;
      try {
        update = deps.codec.encode(kind, draft);
      } catch (error) {
        const failure = layoutFailure(error);
        if (!failure) throw error;
        throw new DomainError('invalid', 'The document cannot be opened as a draft.', { issues: [{ code: failure.code, path: failure.path, message: failure.message }] });
      }
      const at = deps.now().toISOString();
      const document: DocumentRecord = { id, organisationId, kind, title: titleOf(draft, id), createdBy: principal.personId, createdAt: at, updatedAt: at, releasedVersion: null };
      const source = input.example !== undefined ? { example: input.example } : input.document !== undefined ? { upload: true } : { scratch: true };
      const created = await deps.store.createDocument({ document, draftUpdate: update, audit: auditEntry(deps, context, { at, role, action: `${kind}.create`, document, details: source }) });
      if (!created.ok) throw await idTaken(deps, id);
      return draftView(deps, created.value);
    },

    async getDocument(context: AuthoringContext, id: string): Promise<DocumentSummary & { versions: Array<{ number: number; state: string; allowedActions: string[] }> }> {
      const { document } = await documentFor(deps, context, id, 'document.read');
      const summary = (await deps.store.getDocumentSummary(document.id)) as DocumentSummary;
      const versions = await deps.store.listVersions(document.id);
      return { ...summary, versions: versions.map((version) => ({ number: version.number, state: version.state, allowedActions: allowedActions(version.state) })) };
    },

    /** The draft as JSON, with what validation says about it now. */
    async getDraft(context: AuthoringContext, id: string): Promise<DraftView> {
      const { document } = await documentFor(deps, context, id, 'document.read');
      return draftView(deps, document);
    },
  };
}

/**
 * The refusal for an id that is in use, worded the same whether the document is the caller's own
 * organisation's or another's, with a free id to take instead.
 *
 * Why ids stay global rather than scoped per organisation: a module id is the name every released
 * artefact carries (program documents reference modules by id, deployments and enrollments pin
 * `moduleId`@version, responses and alerts record it, the catalog lists one entry per id for every
 * care provider, and the live draft's WebSocket room is named by it). Scoping ids would mean an
 * organisation-qualified reference in the format and in every stored row. Instead the answer does
 * not say where the id is used: "not available" is all a designer learns, which is also all they
 * learn when a colleague took it, and released ids are public in the catalog anyway.
 */
async function idTaken(deps: AuthoringDeps, id: string): Promise<DomainError> {
  const free = await freeIdLike(deps, id);
  const advice = free ? `"${free}" is free: use it, or choose another id.` : 'Choose another id.';
  return new DomainError('conflict', `The id "${id}" is not available.`, { issues: [{ code: 'authoring.id_taken', path: '/id', message: advice }] });
}

/**
 * The first of `<id>-copy`, `<id>-copy-2` … `<id>-copy-99` that no document uses (shortening the id
 * to stay a valid slug), or undefined: the designer proposes ids the same way from what it knows.
 */
async function freeIdLike(deps: AuthoringDeps, id: string): Promise<string | undefined> {
  for (let counter = 1; counter < 100; counter += 1) {
    const suffix = counter === 1 ? '-copy' : `-copy-${counter}`;
    const candidate = `${id.slice(0, 64 - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (SLUG.test(candidate) && !(await deps.store.getDocument(candidate))) return candidate;
  }
  return undefined;
}

async function draftView(deps: AuthoringDeps, document: DocumentRecord): Promise<DraftView> {
  const { content, lastSeq } = await snapshotDraft(deps, document);
  const { issues, warnings } = await validateDocument(deps, document, content);
  return { document: (await deps.store.getDocumentSummary(document.id)) as DocumentSummary, content, issues, warnings, seq: lastSeq };
}

async function startingContent(deps: AuthoringDeps, input: CreateDocumentInput): Promise<{ kind: DocumentKind; content: Record<string, unknown> }> {
  if (input.example !== undefined && input.document !== undefined) throw invalid('', 'authoring.one_source', 'Start from an example or from an uploaded document, not both.');
  if (input.example !== undefined) {
    const kind = input.kind ?? 'module';
    const example = await deps.examples.get(kind, input.example);
    if (!isRecord(example)) throw new DomainError('not_found', `There is no ${kind} example "${input.example}".`);
    return upgraded(kind, example, '');
  }
  if (input.document !== undefined) {
    const detected = detectDocumentKind(input.document);
    if (detected !== 'module' && detected !== 'program') throw invalid('/document', 'authoring.not_a_document', 'The uploaded JSON is neither a module (with "pages") nor a program (with "durationWeeks").');
    if (input.kind !== undefined && input.kind !== detected) throw invalid('/kind', 'authoring.kind_mismatch', `The uploaded document is a ${detected}, not a ${input.kind}.`);
    return upgraded(detected, input.document, '/document');
  }
  const kind = input.kind ?? 'module';
  if (input.id === undefined || input.title === undefined) throw invalid(input.id === undefined ? '/id' : '/title', 'authoring.scratch_needs_id_and_title', 'A new document from scratch needs an "id" and a "title".');
  return { kind, content: scratch(kind, input.id, input.title, input.language ?? 'sv') };
}

function upgraded(kind: DocumentKind, document: unknown, at: string): { kind: DocumentKind; content: Record<string, unknown> } {
  const result = upgradeDocument(document);
  if (!result.ok) throw new DomainError('invalid', 'The document cannot be upgraded to the current format.', { issues: result.issues.map((issue) => ({ ...issue, path: `${at}${issue.path}` })) });
  return { kind, content: result.value as Record<string, unknown> };
}

function scratch(kind: DocumentKind, id: string, title: string, language: string): Record<string, unknown> {
  const base = { formatVersion: 1, id, title: { [language]: title }, languages: [language], defaultLanguage: language };
  return kind === 'module' ? { ...base, pages: [{ id: 'page-1', title: { [language]: title }, blocks: [] }] } : { ...base, durationWeeks: 8, modules: [] };
}

export function onlyDesignerOrganisation(memberships: readonly { organisationId: string; role: string }[]): string {
  const organisations = [...new Set(memberships.filter((membership) => membership.role === 'designer').map((membership) => membership.organisationId))];
  if (organisations.length === 1) return organisations[0] as string;
  if (organisations.length === 0) throw new DomainError('forbidden', 'Only designers create modules and programs.');
  throw invalid('/organisationId', 'authoring.organisation_required', 'Say which organisation the document belongs to ("organisationId").');
}

function invalid(path: string, code: string, message: string): DomainError {
  return new DomainError('invalid', message, { issues: [{ code, path, message }] });
}
