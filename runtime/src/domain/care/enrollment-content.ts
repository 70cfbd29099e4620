import { DomainError } from '../errors.js';
import { enrollmentFor } from './care-access.js';
import type { CareContext, CareDeps } from './care-deps.js';
import { loadModule } from './care-content.js';

export function createEnrollmentContentCommands(deps: CareDeps) {
  return {
    /**
     * A module version an enrollment is on, or one its patient answered before being moved to a
     * newer version (version-moves.ts), for its therapists: the immutable document and its hash, so
     * the clinic can show answers as the patient saw them (question texts, option labels, units).
     * Any other version is `not_found`, like an enrollment outside the therapist's units.
     *
     * Not written to the audit log: the document is the same released content every patient on the
     * version gets, and which modules the patient is on is already in the (audited) enrollment detail.
     */
    async enrollmentModuleVersion(context: CareContext, enrollmentId: string, moduleId: string, version: number): Promise<{ content: unknown; contentHash: string; json?: string }> {
      const { enrollment } = await enrollmentFor(deps, context, enrollmentId, 'enrollment.read');
      const pinned = enrollment.modules.some((pin) => pin.moduleId === moduleId && pin.version === version);
      const answered = !pinned && (await deps.store.listResponses(enrollment.id, { moduleId })).some((response) => response.moduleVersion === version);
      if (!pinned && !answered) throw new DomainError('not_found', `This enrollment is not on "${moduleId}" version ${version}.`);
      const { version: released } = await loadModule(deps, { moduleId, version });
      return { content: released.content, contentHash: released.contentHash, ...(released.json === undefined ? {} : { json: released.json }) };
    },
  };
}
