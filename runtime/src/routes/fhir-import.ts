import { Hono } from 'hono';
import type { FhirImportInput } from '../domain/authoring/fhir-import.js';
import type { AppEnv } from '../http/app-env.js';
import { authoringContext, bodySchema, readBody } from './authoring-request.js';
import type { AuthoringRouteDeps } from './authoring-request.js';

export const fhirImportBody = bodySchema<FhirImportInput>({
  type: 'object',
  additionalProperties: false,
  required: ['id', 'questionnaire'],
  properties: {
    organisationId: { type: 'string', minLength: 1 },
    id: { type: 'string', minLength: 1, maxLength: 64 },
    questionnaire: { type: 'object' },
  },
});

/** `POST /api/modules/fhir-import`: a FHIR R4 Questionnaire into a new module draft, with notes on what did not fit. */
export function fhirImportRoutes(deps: AuthoringRouteDeps) {
  return new Hono<AppEnv>().post('/api/modules/fhir-import', async (c) => {
    const draft = await deps.authoring.importQuestionnaire(authoringContext(c, deps), await readBody(c, fhirImportBody));
    c.header('Location', `/api/modules/${draft.document.id}`);
    return c.json(draft, 201);
  });
}
