import type { AuthoringDeps } from './authoring-deps.js';
import { createCatalogCommands } from './catalog.js';
import { createCommentCommands } from './comments.js';
import { createDocumentCommands } from './documents.js';
import { createFhirImportCommands } from './fhir-import.js';
import { createTestEnrollmentCommands } from './test-enrollments.js';
import { createTransitionCommands } from './transitions.js';
import { createVersionCommands } from './versions.js';

/**
 * The authoring service: documents and drafts, submitted versions and their review workflow,
 * comments, test enrollments and the catalog. Each command takes an `AuthoringContext` (principal,
 * request id, ip), authorises with the pure policy, computes everything, then makes one store call.
 *
 * @example
 * const authoring = createAuthoringService({ store, drafts, codec: yDocDraftCodec, examples, now: () => new Date(), newId });
 * await authoring.submitVersion(context, 'panic-week-1', { changeNote: 'First version' });
 */
export function createAuthoringService(deps: AuthoringDeps) {
  return {
    ...createDocumentCommands(deps),
    ...createVersionCommands(deps),
    ...createTransitionCommands(deps),
    ...createCommentCommands(deps),
    ...createTestEnrollmentCommands(deps),
    ...createCatalogCommands(deps),
    ...createFhirImportCommands(deps),
  };
}

export type AuthoringService = ReturnType<typeof createAuthoringService>;
