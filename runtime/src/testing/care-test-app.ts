// Test support for the care routes: the real care service on an in-memory, fully migrated SQLite
// database with the example content released, a test clock, sequential ids, the mail outbox, and a
// test authenticator that takes the principal from the `x-test-principal` header (session
// authentication is tested on its own). `snapshot()`/`restore` make a seeded database cheap to reuse.
import Database from 'better-sqlite3';
import { Hono } from 'hono';
import { createTestClock, type TestClock } from '../clock.js';
import { createAccountsServices } from '../domain/accounts/accounts-services.js';
import type { PasswordHasher } from '../domain/accounts/password-hasher.js';
import { createCareService, type CareService } from '../domain/care/care-service.js';
import { createPatientAccounts, invitedSessionsOf } from '../domain/care/patient-accounts.js';
import { createReleasedContent } from '../domain/care/released-content.js';
import { DomainError } from '../domain/errors.js';
import type { Membership, Principal } from '../domain/principal.js';
import type { AppEnv } from '../http/app-env.js';
import { problemResponse } from '../http/problem.js';
import { createSequentialIds } from '../ids.js';
import { careRoutes } from '../routes/care/care-routes.js';
import { openDatabase } from '../storage/sqlite/open-database.js';
import { createSqliteStores } from '../storage/sqlite/sqlite-stores.js';
import type { Stores } from '../storage/types.js';
import { createRecordingLogger, type LogRecord } from './recording-logger.js';
import { newInvitationCode } from '../domain/care/invitation-code.js';
import { exampleDocument, releaseExample } from './care-fixtures.js';
import { checkResponseContract } from './response-contract.js';

/** Test principals: name → memberships. Patients' person ids match the fixture people enrolled by `seedCare`. */
const MEMBERSHIPS: Record<string, Membership[]> = {
  'care-admin': [{ organisationId: 'care-1', role: 'care_provider_admin' }],
  'other-admin': [{ organisationId: 'care-2', role: 'care_provider_admin' }],
  therapist: [{ organisationId: 'care-1', role: 'therapist', unitId: 'unit-1' }],
  'other-therapist': [{ organisationId: 'care-1', role: 'therapist', unitId: 'unit-2' }],
  patient: [{ organisationId: 'care-1', role: 'patient', unitId: 'unit-1' }],
  'other-patient': [{ organisationId: 'care-1', role: 'patient', unitId: 'unit-1' }],
  designer: [{ organisationId: 'org-a', role: 'designer' }],
};

export const CARE_ROLES = Object.keys(MEMBERSHIPS);

export function carePrincipal(name: string): Principal {
  const memberships = MEMBERSHIPS[name];
  if (!memberships) throw new Error(`no test principal ${name}`);
  return { personId: `person-${name}`, name, email: `${name}@example.org`, memberships, sessionId: `session-${name}` };
}

/** Fast and obviously fake: tests are not about scrypt. */
export const plainHasher: PasswordHasher = {
  hash: async (password) => `plain$${password}`,
  verify: async (password, encoded) => encoded === `plain$${password}`,
};

/** A care app on any stores (`createCareTestAppOn`): what every CareTestApp has but the SQLite handle. */
export interface CareTestAppCore {
  app: Hono<AppEnv>;
  care: CareService;
  clock: TestClock;
  /** The stores the service runs on, for tests that set up what no route can (a release). */
  stores: Stores;
  /** What the care service logged (the minute job's failures). */
  logs: LogRecord[];
  call(who: string | undefined, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }>;
}

export interface CareTestApp extends CareTestAppCore {
  db: Database.Database;
  /** The database as bytes, to start other apps from the same state. */
  snapshot(): Buffer;
}

export const START = '2026-03-02T08:00:00.000Z';

/** Runs one fixture statement (`?` placeholders) on the test's database, whichever it is. */
export type FixtureSql = (sql: string, values: unknown[]) => unknown;

async function fixtures(run: FixtureSql): Promise<void> {
  const at = '2026-01-01T00:00:00.000Z';
  const organisation = 'INSERT INTO organisations (id, slug, name, kind, created_at) VALUES (?, ?, ?, ?, ?)';
  await run(organisation, ['org-a', 'org-a', 'Publisher A', 'publisher', at]);
  await run(organisation, ['care-1', 'care-1', 'Care provider 1', 'care_provider', at]);
  await run(organisation, ['care-2', 'care-2', 'Care provider 2', 'care_provider', at]);
  // Accounts with passwords of their own: an invitation to one of these addresses must be accepted, never redeemed.
  const person = 'INSERT INTO people (id, email, name, password_hash, created_at, password_chosen_at) VALUES (?, ?, ?, ?, ?, ?)';
  for (const name of [...CARE_ROLES, 'publisher']) await run(person, [`person-${name}`, `${name}@example.org`, name === 'patient' ? 'Pat Patient' : name, 'plain$unused-password', at, at]);
  const member = 'INSERT INTO memberships (person_id, organisation_id, role, unit_id, granted_by, granted_at) VALUES (?, ?, ?, ?, NULL, ?)';
  for (const [name, memberships] of Object.entries(MEMBERSHIPS)) for (const membership of memberships) await run(member, [`person-${name}`, membership.organisationId, membership.role, membership.unitId ?? null, at]);
  const unit = "INSERT INTO care_units (id, organisation_id, name, active, time_zone, settings, intake_deployment_id, created_at, updated_at) VALUES (?, ?, ?, 1, 'Europe/Stockholm', ?, NULL, ?, ?)";
  await run(unit, ['unit-1', 'care-1', 'Unit one', JSON.stringify({ phone: '+46 8 123 456', crisisPhone: '112' }), at, at]);
  await run(unit, ['unit-2', 'care-1', 'Unit two', '{}', at, at]);
  await run(unit, ['unit-3', 'care-2', 'Unit three', '{}', at, at]);
}

/**
 * A care app. Without `from`, a fresh database with the fixtures and the example modules and
 * programs released by org-a; with `from` (a snapshot), exactly that state.
 */
export async function createCareTestApp(options: { from?: Buffer; start?: string } = {}): Promise<CareTestApp> {
  const db = options.from ? new Database(options.from) : openDatabase({ file: ':memory:' }).db;
  db.pragma('foreign_keys = ON');
  const clock = createTestClock(options.start ?? START);
  const ids = createSequentialIds(`id-${Math.random().toString(36).slice(2, 8)}`);
  const stores = createSqliteStores(db, { ids, now: () => clock.now() });
  const core = await createCareTestAppOn(stores, { clock, ids, ...(options.from ? {} : { fixtures: (sql, values) => db.prepare(sql).run(...values) }) });
  return { ...core, db, snapshot: () => db.serialize() };
}

/**
 * The same care app on any stores (the PostgreSQL suites use it); `fixtures` runs the fixture
 * statements and releases the examples, for a fresh database.
 */
export async function createCareTestAppOn(stores: Stores, options: { clock: TestClock; ids: ReturnType<typeof createSequentialIds>; fixtures?: FixtureSql }): Promise<CareTestAppCore> {
  const { clock, ids } = options;
  const authoringStore = stores.authoring;
  if (options.fixtures) {
    await fixtures(options.fixtures);
    const release = (kind: 'module' | 'program', name: string) => releaseExample(authoringStore, { kind, document: exampleDocument(kind, name), organisationId: 'org-a', authorId: 'person-designer', publisherId: 'person-publisher', at: '2026-02-01T00:00:00.000Z' });
    for (const name of ['phq-9', 'gad-7', 'copd-daily-report', 'activity-registration', ...[1, 2, 3, 4, 5, 6, 7, 8].map((week) => `panic-week-${week}`)]) await release('module', name);
    for (const name of ['panic-icbt-8-weeks', 'copd-home-follow-up']) await release('program', name);
  }
  const accountsStore = stores.accounts;
  const accounts = createAccountsServices({ store: accountsStore, hasher: plainHasher, clock, ids, invitations: { store: stores.memberInvitations, publicUrl: () => 'http://careloom.test' } });
  const logger = createRecordingLogger();
  const care = createCareService({
    store: stores.care,
    alertSafety: stores.alertSafety,
    patientSchedules: stores.patientSchedules,
    versionMoves: stores.versionMoves,
    patientNotices: stores.patientNotices,
    staffNotices: stores.staffNotices,
    content: createReleasedContent(authoringStore),
    accounts: createPatientAccounts({ store: accountsStore, hasher: plainHasher, newId: () => ids.newId() }),
    sessions: invitedSessionsOf(accounts.authentication, plainHasher),
    outbox: stores.mailOutbox,
    now: () => clock.now(),
    newId: () => ids.newId(),
    newInvitationCode: () => newInvitationCode(),
    responsible: stores.staff,
    publicUrl: () => 'http://careloom.test',
    logger,
  }, { intakeLimits: { perIp: 3, windowMs: 3600_000 } });
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('requestId', 'req-test');
    const who = c.req.header('x-test-principal');
    if (who) c.set('principal', carePrincipal(who));
    await next();
  });
  app.route('/', careRoutes({ care, authentication: accounts.authentication, cookie: { secure: false }, clientIp: (c) => c.req.header('x-test-ip') ?? '192.0.2.1' }));
  app.onError((error, c) => {
    if (error instanceof DomainError) return problemResponse(c, error);
    throw error;
  });
  return {
    app,
    care,
    clock,
    logs: logger.records,
    stores,
    async call(who, method, path, body, headers = {}) {
      const all: Record<string, string> = { ...headers };
      if (who) all['x-test-principal'] = who;
      if (body !== undefined) all['content-type'] = 'application/json';
      const response = await app.request(path, { method, headers: all, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      const text = await response.text();
      const parsed = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
      checkResponseContract(method, path, response.status, response.headers.get('content-type'), parsed);
      return { status: response.status, body: parsed, headers: response.headers };
    },
  };
}
