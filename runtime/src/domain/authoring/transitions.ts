import { classifyRelease, diffDocuments } from '@careloom/format/engine';
import type { Issue } from '@careloom/format';
import { DomainError } from '../errors.js';
import type { AuthoringContext, AuthoringDeps } from './authoring-deps.js';
import { actorId, auditEntry, documentFor } from './document-access.js';
import { foreignMediaIssues } from '../media/media-references.js';
import { moduleRefs, versionContent } from './document-content.js';
import type { DocumentRecord, ReleaseRecord, StateChange, VersionRecord, WriteResult } from './ports.js';
import { presentVersion, versionOf } from './versions.js';
import type { VersionView } from './versions.js';
import { FOUR_EYES_ACTIONS, nextState } from './workflow.js';
import type { TransitionInput } from '@careloom/format/api';
export type { TransitionInput };

export function createTransitionCommands(deps: AuthoringDeps) {
  return {
    /**
     * Takes one workflow action on a version. Refusals, in order: who may act (401/404/403), what
     * the state allows (409 naming the state and the allowed actions), the four-eyes rule (403),
     * what a release needs (422). Then one store write, with its audit row.
     */
    async transitionVersion(context: AuthoringContext, id: string, number: number, input: TransitionInput): Promise<VersionView> {
      const { document, role } = await documentFor(deps, context, id, `transition.${input.action}`);
      const version = await versionOf(deps, document, number);
      const step = nextState(version.state, input.action);
      if (!step.ok) {
        throw new DomainError('conflict', step.reason, { issues: [{ code: 'workflow.illegal_transition', path: '/action', message: step.reason, params: { state: step.from, allowed: step.allowed } }] });
      }
      const person = actorId(context);
      const involved = version.authoredBy === person || version.contributors.includes(person);
      if (FOUR_EYES_ACTIONS.has(input.action) && involved) {
        throw new DomainError('forbidden', `You cannot ${input.action === 'release' ? 'release' : 'approve'} version ${number}: you ${version.authoredBy === person ? 'authored' : 'contributed to'} it. Another publisher must.`);
      }
      if (input.action === 'withdraw' && !involved) throw new DomainError('forbidden', 'Only a designer who authored or contributed to this version can withdraw it.');
      const at = deps.now().toISOString();
      const change: StateChange = { documentId: document.id, number, expectedState: step.from, action: input.action, to: step.to, actorId: person, at, note: input.note ?? null };
      // The note itself is kept in the version's history (version_transitions); the audit row says only that there was one.
      const details = { number, from: step.from, to: step.to, withNote: input.note !== undefined && input.note !== '' };
      let result: WriteResult<VersionRecord>;
      if (input.action === 'release') {
        const release = await releaseOf(deps, document, version, input, person, at);
        const audit = auditEntry(deps, context, { at, role, action: 'version.release', document, objectId: `${document.id}@${number}`, details: { ...details, contentHash: version.contentHash, releaseClass: release.releaseClass, suggestedClass: release.suggestedClass, pins: release.pins } });
        result = await deps.store.releaseVersion({ change, release, audit });
      } else {
        const audit = auditEntry(deps, context, { at, role, action: `version.${input.action}`, document, objectId: `${document.id}@${number}`, details });
        const releasedVersion = input.action === 'retire' && document.releasedVersion === number ? await fallbackPointer(deps, document, number) : undefined;
        result = await deps.store.transitionVersion({ change, ...(releasedVersion !== undefined ? { releasedVersion } : {}), audit });
      }
      if (!result.ok) throw new DomainError('conflict', `Version ${number} changed while you were acting on it; reload and try again.`);
      return presentVersion(result.value);
    },
  };
}

/** The release record: notes, the class (suggested by the diff to the previous release, confirmed or overridden) and a program's pins. */
async function releaseOf(deps: AuthoringDeps, document: DocumentRecord, version: VersionRecord, input: TransitionInput, person: string, at: string): Promise<ReleaseRecord> {
  const releaseNotes = input.releaseNotes?.trim() ?? '';
  if (releaseNotes === '') throw invalid([{ code: 'release.notes_missing', path: '/releaseNotes', message: 'Write release notes: care providers read them in the catalog.' }]);
  // Submitting refuses this since media libraries came with their own rules; a version submitted before must not reach patients either.
  const foreign = foreignMediaIssues(versionContent(version), document.organisationId);
  if (foreign.length > 0) throw invalid(foreign);
  const previous = document.releasedVersion !== null ? await deps.store.getVersion(document.id, document.releasedVersion) : undefined;
  const suggested = previous ? classifyRelease(diffDocuments(versionContent(previous), versionContent(version))).level : 'major';
  const releaseClass = input.releaseClass ?? (suggested === 'none' ? 'minor' : suggested);
  const pins = document.kind === 'program' ? await programPins(deps, version) : [];
  return { releasedAt: at, releasedBy: person, releaseClass, suggestedClass: suggested, releaseNotes, pins };
}

/** Every module a program schedules must be released; the release pins the version each one gets. */
async function programPins(deps: AuthoringDeps, version: VersionRecord): Promise<ReleaseRecord['pins']> {
  const pins: ReleaseRecord['pins'] = [];
  const issues: Issue[] = [];
  for (const ref of moduleRefs(versionContent(version))) {
    const module = await deps.store.getDocument(ref.moduleId);
    const number = ref.version ?? module?.releasedVersion ?? undefined;
    const pinned = module && number !== undefined ? await deps.store.getVersion(module.id, number) : undefined;
    if (!pinned || pinned.state !== 'released') {
      issues.push({ code: 'release.module_not_released', path: `${ref.path}/moduleId`, message: `Module "${ref.moduleId}"${ref.version !== undefined ? ` version ${ref.version}` : ''} is not released; release it before the program.`, params: { moduleId: ref.moduleId } });
    } else if (!pins.some((pin) => pin.moduleId === ref.moduleId && pin.version === pinned.number)) {
      pins.push({ moduleId: ref.moduleId, version: pinned.number });
    }
  }
  if (issues.length > 0) throw invalid(issues, `The program schedules modules that are not released: ${[...new Set(issues.map((issue) => issue.params?.['moduleId']))].join(', ')}.`);
  return pins;
}

/** When the catalog's version is retired, the pointer falls back to the newest other released version, or to none. */
async function fallbackPointer(deps: AuthoringDeps, document: DocumentRecord, retiring: number): Promise<number | null> {
  const versions = await deps.store.listVersions(document.id);
  const others = versions.filter((version) => version.number !== retiring && version.state === 'released');
  return others.length > 0 ? (others[others.length - 1] as VersionRecord).number : null;
}

function invalid(issues: Issue[], detail = issues.map((issue) => issue.message).join(' ')): DomainError {
  return new DomainError('invalid', detail, { issues });
}
