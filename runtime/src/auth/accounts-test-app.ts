import { Hono } from 'hono';
import { createTestClock } from '../clock.js';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { createAccountsServices } from '../domain/accounts/accounts-services.js';
import type { SessionPolicy } from '../domain/accounts/authentication-service.js';
import type { LoginThrottleOptions } from '../domain/accounts/login-throttle.js';
import type { SessionRevokedEvent } from '../domain/accounts/session-revoked.js';
import type { Role } from '../domain/principal.js';
import type { AppEnv } from '../http/app-env.js';
import { createErrorHandler, notFoundHandler } from '../http/problem.js';
import { createSequentialIds } from '../ids.js';
import { requestLog } from '../http/request-log.js';
import type { LogFields, Logger } from '../logger.js';
import { authRoutes } from '../routes/auth.js';
import { organisationRoutes } from '../routes/organisations.js';
import { memberInvitationRoutes } from '../routes/member-invitations.js';
import { newSecretToken } from '../domain/accounts/session-token.js';
import { createSqliteMemberInvitationStore } from '../storage/sqlite/member-invitation-store.js';
import { createSqliteAccountsStore } from '../storage/sqlite/accounts-store.js';
import { openDatabase } from '../storage/sqlite/open-database.js';
import { createSqliteAuditLog } from '../storage/sqlite/sqlite-audit-log.js';
import { authenticate } from './authenticate.js';
import { createClientIpReader } from './client-ip.js';
import { CSRF_HEADER, createSessionCookieAuthenticator } from './session-cookie-authenticator.js';
import { originCheck } from './origin-check.js';
import { testPasswordHasher } from '../testing/test-password-hasher.js';
import { SESSION_COOKIE_NAME, sessionCookieSettings } from './session-cookie.js';

export const PUBLIC_URL = 'https://careloom.example.org';
export const PASSWORD = 'correct horse battery';

/** The people the tests log in as: `<key>@example.org`, all with PASSWORD. */
export const PEOPLE: Record<string, { organisation: 'pubA' | 'pubB' | 'care'; roles: Role[] }> = {
  adminA: { organisation: 'pubA', roles: ['permissions_admin'] },
  designerA: { organisation: 'pubA', roles: ['designer'] },
  publisherA: { organisation: 'pubA', roles: ['publisher'] },
  testerA: { organisation: 'pubA', roles: ['tester'] },
  adminB: { organisation: 'pubB', roles: ['permissions_admin'] },
  careAdmin: { organisation: 'care', roles: ['care_provider_admin'] },
  therapist: { organisation: 'care', roles: ['therapist'] },
};

export interface TestSession {
  cookie: string;
  csrfToken: string;
  personId: string;
}

export interface RequestOptions {
  as?: TestSession;
  body?: unknown;
  /** Origin header; the public URL by default for unsafe methods, `null` to send none. */
  origin?: string | null;
  /** X-CSRF-Token; the session's by default, `null` to send none. */
  csrf?: string | null;
  ip?: string;
  /** Further cookies, `name=value; …` (the known-device cookie). */
  cookies?: string;
}

/**
 * A Hono app with exactly the accounts middleware and routes, on SQLite :memory:, a test clock and
 * cheap scrypt, until createApp (app.ts) takes the accounts deps. Mirrors the order the real app
 * must use: request id → request log → secure headers → body limit → originCheck → authenticate → routes.
 */
export async function createAccountsTestApp(options: { throttle?: Partial<LoginThrottleOptions>; sessionPolicy?: SessionPolicy } = {}) {
  const clock = createTestClock('2026-03-01T08:00:00.000Z');
  const { db } = openDatabase({ file: ':memory:' });
  const store = createSqliteAccountsStore(db, { ids: createSequentialIds('audit') });
  const auditLog = createSqliteAuditLog(db);
  const hasher = testPasswordHasher;
  // The links' tokens, newest last, as the e-mails would carry them.
  const invitationTokens: string[] = [];
  const { authentication, organisations, sessionRevoked, invitations } = createAccountsServices({
    store,
    hasher,
    clock,
    ids: createSequentialIds('id'),
    invitations: {
      store: createSqliteMemberInvitationStore(db, { ids: createSequentialIds('invitation-audit') }),
      publicUrl: () => PUBLIC_URL,
      newToken: () => {
        const token = newSecretToken();
        invitationTokens.push(token);
        return token;
      },
    },
    ...(options.throttle ? { throttle: options.throttle } : {}),
    ...(options.sessionPolicy ? { sessionPolicy: options.sessionPolicy } : {}),
  });
  const revoked: SessionRevokedEvent[] = [];
  sessionRevoked.on((event) => revoked.push(event));
  const logs: Array<{ message: string; fields?: LogFields }> = [];
  const logger: Logger = { info: (message, fields) => logs.push({ message, fields }), warn: (message, fields) => logs.push({ message, fields }), error: (message, fields) => logs.push({ message, fields }) };
  const cookie = sessionCookieSettings(PUBLIC_URL);
  // Tests pose as a reverse proxy to pick the client IP.
  const clientIp = createClientIpReader({ trustProxy: true });

  const requestIds = createSequentialIds('req');
  const app = new Hono<AppEnv>();
  app.use(requestId({ generator: () => requestIds.newId() }));
  app.use(requestLog(logger));
  app.use(secureHeaders());
  app.use(bodyLimit({ maxSize: 1024 * 1024 }));
  app.onError(createErrorHandler(logger));
  app.notFound(notFoundHandler);
  app.use('/api/*', originCheck([PUBLIC_URL]));
  app.use('/api/*', authenticate(createSessionCookieAuthenticator({ authentication, cookie, clientIp })));
  app.route('/api/auth', authRoutes({ authentication, cookie, clientIp }));
  app.route('/api/organisations', organisationRoutes({ organisations, invitations, clientIp }));
  app.route('/', memberInvitationRoutes({ invitations, authentication, cookie, clientIp }));

  const orgs = {
    pubA: await organisations.ensureOrganisation({ slug: 'pub-a', name: 'Publisher A', kind: 'publisher' }),
    pubB: await organisations.ensureOrganisation({ slug: 'pub-b', name: 'Publisher B', kind: 'publisher' }),
    care: await organisations.ensureOrganisation({ slug: 'care', name: 'Care Provider', kind: 'care_provider' }),
  };
  const personIds: Record<string, string> = {};
  for (const [key, person] of Object.entries(PEOPLE)) {
    personIds[key] = (await organisations.ensureAccount({ email: `${key}@example.org`, name: key, password: PASSWORD }, orgs[person.organisation].id, person.roles)).id;
  }

  const request = (method: string, path: string, requestOptions: RequestOptions = {}) => {
    const headers: Record<string, string> = { 'X-Forwarded-For': requestOptions.ip ?? '198.51.100.1', 'User-Agent': 'vitest' };
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(method);
    const origin = requestOptions.origin === undefined ? (unsafe ? PUBLIC_URL : null) : requestOptions.origin;
    if (origin !== null) headers['Origin'] = origin;
    const cookies = [...(requestOptions.as ? [`${SESSION_COOKIE_NAME}=${requestOptions.as.cookie}`] : []), ...(requestOptions.cookies ? [requestOptions.cookies] : [])];
    if (cookies.length > 0) headers['Cookie'] = cookies.join('; ');
    if (requestOptions.as) {
      const csrf = requestOptions.csrf === undefined ? requestOptions.as.csrfToken : requestOptions.csrf;
      if (csrf !== null && unsafe) headers[CSRF_HEADER] = csrf;
    }
    if (requestOptions.body !== undefined) headers['Content-Type'] = 'application/json';
    return app.request(path, { method, headers, ...(requestOptions.body === undefined ? {} : { body: JSON.stringify(requestOptions.body) }) });
  };

  const login = async (key: string, password = PASSWORD, ip?: string): Promise<TestSession> => {
    const response = await request('POST', '/api/auth/login', { body: { email: `${key}@example.org`, password }, ...(ip ? { ip } : {}) });
    if (response.status !== 200) throw new Error(`login as ${key} answered ${response.status}: ${await response.text()}`);
    const token = /careloom_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
    const body = (await response.json()) as { csrfToken: string; person: { id: string } };
    if (!token) throw new Error('login set no cookie');
    return { cookie: token, csrfToken: body.csrfToken, personId: body.person.id };
  };

  return { app, db, clock, store, auditLog, orgs, personIds, revoked, logs, request, login, invitationTokens };
}
