import { DomainError } from '../errors.js';
import type { AuthoringContext, AuthoringDeps } from './authoring-deps.js';
import { actorId, auditEntry, documentFor } from './document-access.js';
import { versionContent } from './document-content.js';
import type { DocumentKind, TestEnrollmentRecord, VersionRecord } from './ports.js';
import { versionOf } from './versions.js';
import { allowedActions, TESTABLE_STATES } from './workflow.js';
import type { TestEnrollmentView } from '@careloom/format/api';
export type { TestEnrollmentView };

export function createTestEnrollmentCommands(deps: AuthoringDeps) {
  const view = (enrollment: TestEnrollmentRecord, kind: DocumentKind, version: VersionRecord): TestEnrollmentView => ({
    id: enrollment.id,
    documentId: enrollment.documentId,
    kind,
    versionNumber: enrollment.versionNumber,
    contentHash: version.contentHash,
    createdBy: enrollment.createdBy,
    createdAt: enrollment.createdAt,
    content: versionContent(version),
    pins: version.release?.pins ?? [],
  });

  return {
    /** Testers (and publishers) go through a version approved for test, or released, as a patient would. */
    async createTestEnrollment(context: AuthoringContext, id: string, number: number): Promise<TestEnrollmentView> {
      const { document, role } = await documentFor(deps, context, id, 'test_enrollment.create');
      const version = await versionOf(deps, document, number);
      if (!TESTABLE_STATES.has(version.state)) {
        const message = `Version ${number} is "${version.state}"; only versions approved for test or released can be tested.`;
        throw new DomainError('conflict', message, { issues: [{ code: 'workflow.not_testable', path: '', message, params: { state: version.state, allowed: allowedActions(version.state) } }] });
      }
      const at = deps.now().toISOString();
      const enrollment: TestEnrollmentRecord = { id: deps.newId(), documentId: document.id, versionNumber: number, organisationId: document.organisationId, createdBy: actorId(context), createdAt: at };
      const stored = await deps.store.createTestEnrollment({
        enrollment,
        audit: auditEntry(deps, context, { at, role, action: 'test_enrollment.create', document, objectId: enrollment.id, details: { number, contentHash: version.contentHash } }),
      });
      return view(stored, document.kind, version);
    },

    async getTestEnrollment(context: AuthoringContext, enrollmentId: string): Promise<TestEnrollmentView> {
      if (!context.principal) throw new DomainError('unauthenticated', 'Sign in to open a test enrollment.');
      const enrollment = await deps.store.getTestEnrollment(enrollmentId);
      if (!enrollment) throw new DomainError('not_found', `There is no test enrollment "${enrollmentId}".`);
      const { document } = await documentFor(deps, context, enrollment.documentId, 'test_enrollment.create').catch((error: unknown) => {
        // Someone who cannot test the document learns nothing about the enrollment either.
        throw error instanceof DomainError && error.code === 'forbidden' ? new DomainError('not_found', `There is no test enrollment "${enrollmentId}".`) : error;
      });
      return view(enrollment, document.kind, await versionOf(deps, document, enrollment.versionNumber));
    },
  };
}
