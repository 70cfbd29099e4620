// Test support for staff administration and the data administrator: the seeded care scenario
// (testing/care-scenario.ts) behind the real app (createApp: origin check, session cookies, CSRF),
// so a role change is seen by the next request of an open session, as in production. Everyone signs
// in with their own password through POST /api/auth/login.
import { createApp } from '../app.js';
import { originsOf } from '../app.js';
import { loadConfig } from '../config.js';
import { CSRF_HEADER } from '../auth/session-cookie-authenticator.js';
import { SESSION_COOKIE_NAME } from '../auth/session-cookie.js';
import type { SessionRevokedEvent } from '../domain/accounts/session-revoked.js';
import { createExampleCatalog } from '../domain/example-catalog.js';
import { contentHash } from '@careloom/format/engine';
import { createSequentialIds } from '../ids.js';
import { writeFileSync } from 'node:fs';
import { createTestClock } from '../clock.js';
import { openDatabase } from '../storage/sqlite/open-database.js';
import { createSqliteStores } from '../storage/sqlite/sqlite-stores.js';
import { createCareTestApp, START, type CareTestApp } from './care-test-app.js';
import { expectStatus, phq9Answers, responseBody, seedCareScenario, type CareScenario } from './care-scenario.js';
import { createRecordingLogger } from './recording-logger.js';
import { lenientValidators } from './test-app.js';
import { createTestServices } from './test-services.js';

/** Every fixture person signs in with this password (care-test-app stores `plain$unused-password`). */
export const STAFF_PASSWORD = 'unused-password';

/** Who the staff tests sign in as → person id. care-test-app's people plus the three added here. */
export const STAFF_PEOPLE = ['designer', 'perm-admin', 'care-admin', 'data-admin', 'other-data-admin', 'other-admin', 'therapist', 'new-therapist', 'other-therapist', 'patient', 'other-patient'] as const;
export type StaffPerson = (typeof STAFF_PEOPLE)[number];

export interface StaffSession {
  cookie: string;
  csrfToken: string;
}

export interface StaffTestApp {
  care: Pick<CareTestApp, 'db' | 'stores' | 'clock'>;
  scenario: CareScenario;
  revoked: SessionRevokedEvent[];
  resetTokens: string[];
  login(who: StaffPerson | string, password?: string): Promise<StaffSession>;
  call(as: StaffSession | undefined, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }>;
  /** A raw request to the app (the page's origin is added), for tests that carry cookies of their own. */
  request(path: string, init?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<Response>;
}

/** The seeded database, built once per test file: the care scenario, one PHQ-9 answer, and the extra staff. */
export async function seedStaffDatabase(): Promise<{ snapshot: Buffer; scenario: CareScenario }> {
  const t = await createCareTestApp();
  const scenario = await seedCareScenario(t);
  expectStatus(await t.call('patient', 'POST', `/api/me/enrollments/${scenario.panicEnrollmentId}/responses`, responseBody('phq-9', phq9Answers('severalDays'), { completes: true })), 201);
  const at = '2026-01-01T00:00:00.000Z';
  const person = t.db.prepare('INSERT INTO people (id, email, name, password_hash, created_at, password_chosen_at) VALUES (?, ?, ?, ?, ?, ?)');
  const member = t.db.prepare('INSERT INTO memberships (person_id, organisation_id, role, unit_id, granted_by, granted_at) VALUES (?, ?, ?, ?, NULL, ?)');
  for (const [name, role] of [['perm-admin', 'permissions_admin'], ['data-admin', 'data_admin'], ['new-therapist', 'therapist']] as const) {
    person.run(`person-${name}`, `${name}@example.org`, name, `plain$${STAFF_PASSWORD}`, at, at);
    member.run(`person-${name}`, 'care-1', role, null, at);
  }
  // The fixture therapists are therapists of their provider, not only of their unit.
  member.run('person-therapist', 'care-1', 'therapist', null, at);
  member.run('person-other-therapist', 'care-1', 'therapist', null, at);
  member.run('person-other-admin', 'care-2', 'permissions_admin', null, at);
  person.run('person-other-data-admin', 'other-data-admin@example.org', 'other-data-admin', `plain$${STAFF_PASSWORD}`, at, at);
  member.run('person-other-data-admin', 'care-2', 'data_admin', null, at);
  return { snapshot: t.snapshot(), scenario };
}

/**
 * The app on a fresh copy of the seeded database: in memory, or with `file` in a real database
 * file in WAL mode (for tests that read the raw files).
 */
export async function createStaffTestApp(seeded: { snapshot: Buffer; scenario: CareScenario }, options: { file?: string } = {}): Promise<StaffTestApp> {
  let care: StaffTestApp['care'];
  if (options.file) {
    writeFileSync(options.file, seeded.snapshot);
    const { db } = openDatabase({ file: options.file });
    const clock = createTestClock(START);
    care = { db, clock, stores: createSqliteStores(db, { ids: createSequentialIds('file'), now: () => clock.now() }) };
  } else {
    care = await createCareTestApp({ from: seeded.snapshot });
  }
  const config = loadConfig({ CARELOOM_DB: ':memory:' });
  const origin = originsOf(config.publicUrl)[0]!;
  const resetTokens: string[] = [];
  const logger = createRecordingLogger();
  const services = createTestServices(care.stores, {
    examples: createExampleCatalog({ files: [], validators: lenientValidators, contentHash }),
    clock: care.clock,
    ids: createSequentialIds('staff'),
    logger,
    publicUrl: config.publicUrl,
    newResetToken: () => {
      const token = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
      resetTokens.push(token);
      return token;
    },
  });
  const revoked: SessionRevokedEvent[] = [];
  services.accounts.sessionRevoked.on((event) => revoked.push(event));
  const app = createApp({ config, clock: care.clock, ids: createSequentialIds('req'), services, logger });

  const call: StaffTestApp['call'] = async (as, method, path, body) => {
    const headers: Record<string, string> = { Origin: origin };
    if (as) {
      headers['Cookie'] = `${SESSION_COOKIE_NAME}=${as.cookie}`;
      headers[CSRF_HEADER] = as.csrfToken;
    }
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await app.request(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await response.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      parsed = { text };
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };

  return {
    care,
    scenario: seeded.scenario,
    revoked,
    resetTokens,
    call,
    request: (path, init = {}) => Promise.resolve(app.request(path, { ...init, headers: { Origin: origin, ...init.headers } })),
    async login(who, password = STAFF_PASSWORD) {
      const response = await app.request('/api/auth/login', { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' }, body: JSON.stringify({ email: `${who}@example.org`, password }) });
      if (response.status !== 200) throw new Error(`login as ${who} answered ${response.status}: ${await response.text()}`);
      const cookie = /careloom_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
      const session = (await response.json()) as { csrfToken: string };
      if (!cookie) throw new Error('login set no cookie');
      return { cookie, csrfToken: session.csrfToken };
    },
  };
}

/**
 * One call as `role` (`anonymous`: without a session) on a fresh copy of the seeded database: what
 * each case of a role table runs (testing/every-role.ts).
 */
export async function callOnFreshCopy(seeded: { snapshot: Buffer; scenario: CareScenario }, role: string, method: string, path: string, body?: unknown): ReturnType<StaffTestApp['call']> {
  const t = await createStaffTestApp(seeded);
  const session = role === 'anonymous' ? undefined : await t.login(role);
  return t.call(session, method, path, body);
}
