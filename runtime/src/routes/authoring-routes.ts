import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import type { AuthoringRouteDeps } from './authoring-request.js';
import { catalogRoutes } from './catalog.js';
import { fhirImportRoutes } from './fhir-import.js';
import { moduleCommentRoutes } from './module-comments.js';
import { moduleRoutes } from './modules.js';
import { testEnrollmentRoutes } from './test-enrollments.js';

export type { AuthoringRouteDeps } from './authoring-request.js';

/**
 * Every authoring endpoint (`/api/modules…`, `/api/test-enrollments/:id`, `/api/catalog`) on one
 * sub-app with absolute paths. Needs the authentication middleware in front (c.var.principal) and
 * DomainError → problem+json in `app.onError`.
 *
 * @example
 * app.route('/', authoringRoutes({ authoring: createAuthoringService(deps) }));
 */
export function authoringRoutes(deps: AuthoringRouteDeps) {
  return new Hono<AppEnv>()
    .route('/', fhirImportRoutes(deps))
    .route('/', moduleRoutes(deps))
    .route('/', moduleCommentRoutes(deps))
    .route('/', testEnrollmentRoutes(deps))
    .route('/', catalogRoutes(deps));
}
