import type { FhirImportView } from '@careloom/format/api';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { apiValidator } from '../http/api-schemas.js';
import { authoringContext, readBody } from './authoring-request.js';
import type { AuthoringRouteDeps } from './authoring-request.js';

/** The import body, validated against `FhirImportBody` of the API schemas (authoring.schema.json). */
export const fhirImportBody = apiValidator('FhirImportBody');

/** `POST /api/modules/fhir-import`: a FHIR R4 Questionnaire into a new module draft, with notes on what did not fit. */
export function fhirImportRoutes(deps: AuthoringRouteDeps) {
  return new Hono<AppEnv>().post('/api/modules/fhir-import', async (c) => {
    const draft = await deps.authoring.importQuestionnaire(authoringContext(c, deps), await readBody(c, fhirImportBody));
    c.header('Location', `/api/modules/${draft.document.id}`);
    return c.json(draft satisfies FhirImportView, 201);
  });
}
