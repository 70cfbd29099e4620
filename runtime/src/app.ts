import { Hono } from 'hono';
import { bodyLimit } from './http/body-limit.js';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { DomainError } from './domain/errors.js';
import type { Services } from './domain/services.js';
import type { AppEnv } from './http/app-env.js';
import { createErrorHandler, notFoundHandler } from './http/problem.js';
import { noStore } from './http/no-store.js';
import { notModifiedHeaders } from './http/not-modified-headers.js';
import { requestLog } from './http/request-log.js';
import type { IdGenerator } from './ids.js';
import type { Logger } from './logger.js';
import { authenticate } from './auth/authenticate.js';
import { createClientIpReader } from './auth/client-ip.js';
import { originCheck } from './auth/origin-check.js';
import { createSessionCookieAuthenticator } from './auth/session-cookie-authenticator.js';
import { sessionCookieSettings } from './auth/session-cookie.js';
import { authRoutes } from './routes/auth.js';
import { authoringRoutes } from './routes/authoring-routes.js';
import { careRoutes } from './routes/care/care-routes.js';
import { fhirRoutes } from './routes/fhir/fhir-r4.js';
import { apiTokenRoutes } from './routes/api-tokens.js';
import { webhookRoutes } from './routes/webhooks.js';
import { researchExportRoutes } from './routes/research-export.js';
import { exampleRoutes } from './routes/examples.js';
import { openApiRoutes } from './routes/openapi.js';
import { organisationRoutes } from './routes/organisations.js';
import { memberInvitationRoutes } from './routes/member-invitations.js';
import { passwordResetRoutes } from './routes/password-reset.js';
import { staffRoutes } from './routes/staff.js';
import { dataAdminRoutes } from './routes/data-admin.js';
import { linkedIdentityRoutes } from './routes/linked-identities.js';
import { oidcRoutes } from './routes/oidc.js';
import { secondFactorRoutes } from './routes/second-factor.js';
import { healthRoutes } from './routes/health.js';
import { MEDIA_UPLOAD_PATH, mediaRoutes } from './routes/media.js';
import { webAppRoutes, type WebAppRoutesDeps } from './routes/web-apps.js';

/** Largest request body accepted unless `maxBodyBytes` says otherwise: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Everything the HTTP app needs, built by the composition root (server.ts) or by a test. */
export interface AppDeps {
  config: Config;
  clock: Clock;
  ids: IdGenerator;
  services: Services;
  logger: Logger;
  maxBodyBytes?: number;
  /** The release, shown in the API description. */
  version?: string;
  /**
   * Origins allowed to send unsafe requests (CSRF defence). A getter, because with port 0 the
   * public URL is only known once the server listens. Defaults to the configured public URL.
   */
  allowedOrigins?: () => readonly string[];
  /** The public URL once known (with port 0 only after listening); `config.publicUrl` by default. */
  publicUrl?: () => string;
  /** The browser apps (patient app, clinic, designer) and example media; left out by API-only tests. */
  web?: WebAppRoutesDeps;
}

/** The origins a public URL is reached at: on loopback, localhost and 127.0.0.1 are the same place. */
export function originsOf(publicUrl: string): string[] {
  if (publicUrl === lastOrigins?.publicUrl) return [...lastOrigins.origins];
  const origins = computeOriginsOf(publicUrl);
  lastOrigins = { publicUrl, origins };
  return [...origins];
}

// Asked on every request (origin check, the web apps' CSP): the answer for the last URL is kept.
let lastOrigins: { publicUrl: string; origins: readonly string[] } | undefined;

function computeOriginsOf(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  const origins = [url.origin];
  const port = url.port ? `:${url.port}` : '';
  if (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]') {
    for (const host of ['127.0.0.1', 'localhost', '[::1]']) origins.push(`${url.protocol}//${host}${port}`);
  }
  return [...new Set(origins)];
}

/**
 * Builds the Hono app. Middleware order: request id (so every later line can name it), request
 * log, security headers, body limit, then routes; errors and unknown paths become problem+json.
 *
 * @example
 * const app = createApp(deps);
 * const response = await app.request('/health');
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const maxBodyBytes = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const app = new Hono<AppEnv>();

  app.use(requestId({ generator: () => deps.ids.newId(), limitLength: 128 }));
  app.use(requestLog(deps.logger));
  app.use(notModifiedHeaders());
  // HSTS only when users reach the server over https: sent over plain http it means nothing at best,
  // and on a shared host name it would pin other services to https.
  app.use(secureHeaders({ strictTransportSecurity: new URL(deps.config.publicUrl).protocol === 'https:' ? 'max-age=15552000; includeSubDomains' : false }));
  const limit = bodyLimit({
    maxSize: maxBodyBytes,
    onError: () => {
      throw new DomainError('payload_too_large', `The request body is larger than the limit of ${maxBodyBytes} bytes.`, { limitBytes: maxBodyBytes });
    },
  });
  // A media upload is a file streamed to disk under the media library's own limit (media-service.ts).
  app.use((c, next) => (c.req.method === 'POST' && MEDIA_UPLOAD_PATH.test(c.req.path) ? next() : limit(c, next)));
  // Every API answer may carry patient or account data: none is cached unless a route says otherwise.
  app.use('/api/*', noStore());

  app.route('/', healthRoutes(deps.services.health));
  app.route('/', exampleRoutes(deps.services.examples));
  app.route('/', openApiRoutes(deps.version ?? '0.0.0'));

  const { accounts, authoring, care } = deps.services;
  // Behind a reverse proxy (CARELOOM_TRUST_PROXY) the caller is the last X-Forwarded-For address;
  // otherwise the socket's, and the header is ignored (anyone could send one).
  const clientIp = createClientIpReader({ trustProxy: deps.config.trustProxy });
  const cookie = sessionCookieSettings(deps.config.publicUrl);
  app.use('/api/*', originCheck(deps.allowedOrigins ?? (() => originsOf(deps.config.publicUrl))));
  const sessionAuthenticator = createSessionCookieAuthenticator({ authentication: accounts.authentication, cookie, clientIp });
  app.use('/api/*', authenticate(sessionAuthenticator));
  app.route('/api/auth', authRoutes({ authentication: accounts.authentication, secondFactor: deps.services.secondFactor, cookie, clientIp }));
  app.route('/', secondFactorRoutes({ secondFactor: deps.services.secondFactor, authentication: accounts.authentication, cookie, clientIp }));
  app.route('/api/organisations', organisationRoutes({ organisations: accounts.organisations, invitations: accounts.invitations, clientIp }));
  app.route('/', memberInvitationRoutes({ invitations: accounts.invitations, authentication: accounts.authentication, cookie, clientIp }));
  app.route('/', authoringRoutes({ authoring, clientIp: (c) => clientIp(c) ?? null }));
  app.route('/', careRoutes({ care, clientIp: (c) => clientIp(c) ?? null, authentication: accounts.authentication, cookie }));
  app.route('/', apiTokenRoutes({ apiTokens: deps.services.apiTokens, clientIp: (c) => clientIp(c) ?? null }));
  app.route('/', webhookRoutes({ webhooks: deps.services.webhooks, clientIp: (c) => clientIp(c) ?? null }));
  app.route('/', mediaRoutes({ media: deps.services.media, clientIp: (c) => clientIp(c) ?? null }));
  app.route('/', researchExportRoutes({ researchExport: deps.services.researchExport, clientIp: (c) => clientIp(c) ?? null }));

  // The FHIR endpoint is read-only (no CSRF to defend) and answers patient data: never cached.
  app.use('/fhir/*', noStore());
  app.use('/fhir/*', authenticate(sessionAuthenticator));
  app.route('/', fhirRoutes({ fhir: deps.services.fhir, clientIp: (c) => clientIp(c) ?? null, now: () => deps.clock.now(), authenticateToken: (token, request) => deps.services.apiTokens.authenticate(token, request) }));
  app.route('/', staffRoutes({ staff: deps.services.staff.staff, clientIp }));
  app.route('/', passwordResetRoutes({ passwordReset: deps.services.staff.passwordReset, clientIp }));
  app.route('/', dataAdminRoutes({ dataAdmin: deps.services.dataAdmin, clientIp }));
  app.route('/', oidcRoutes({ oidc: deps.services.oidc, cookie, clientIp, publicUrl: deps.publicUrl ?? (() => deps.config.publicUrl) }));
  app.route('/', linkedIdentityRoutes({ identities: deps.services.oidc, clientIp }));

  if (deps.web) app.route('/', webAppRoutes({ ...deps.web, origins: deps.allowedOrigins ?? (() => originsOf(deps.config.publicUrl)) }));

  app.onError(createErrorHandler(deps.logger));
  app.notFound(notFoundHandler);
  return app;
}
