import { DomainError } from '../errors.js';
import type { ImportNote } from '../fhir/questionnaire-import.js';
import { questionnaireToModule } from '../fhir/questionnaire-import.js';
import type { AuthoringContext, AuthoringDeps } from './authoring-deps.js';
import { requireAllowed } from './document-access.js';
import { createDocumentCommands, onlyDesignerOrganisation } from './documents.js';
import type { DraftView } from './documents.js';
import { authorize } from './policy.js';

export interface FhirImportInput {
  organisationId?: string;
  /** The new module's slug. */
  id: string;
  /** A FHIR R4 Questionnaire (JSON). */
  questionnaire: unknown;
}

export function createFhirImportCommands(deps: AuthoringDeps) {
  const documents = createDocumentCommands(deps);
  return {
    /**
     * A FHIR Questionnaire as a new module draft, with what could not be carried over listed item by
     * item. Authorised before the Questionnaire is read, so a refusal says nothing about its content.
     */
    async importQuestionnaire(context: AuthoringContext, input: FhirImportInput): Promise<DraftView & { notes: ImportNote[] }> {
      const principal = context.principal;
      if (!principal) throw new DomainError('unauthenticated', 'Sign in to import questionnaires.');
      const organisationId = input.organisationId ?? onlyDesignerOrganisation(principal.memberships);
      requireAllowed(authorize(principal, 'document.create', { organisationId }));
      const { module, notes } = questionnaireToModule(input.questionnaire, { moduleId: input.id });
      const draft = await documents.createDocument(context, { organisationId, kind: 'module', id: input.id, document: module });
      return { ...draft, notes };
    },
  };
}
