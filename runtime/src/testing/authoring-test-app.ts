// Test support for the authoring routes: the real service on in-memory SQLite, a fixed clock,
// sequential ids, an in-memory example library, and a test authenticator that takes the principal
// from the `x-test-principal` header (the real session authentication is tested on its own).
import type Database from 'better-sqlite3';
import { Hono } from 'hono';
import * as Y from 'yjs';
import { validModule, validProgram } from '@careloom/format/testing';
import { createTestClock } from '../clock.js';
import { createAuthoringService } from '../domain/authoring/authoring-service.js';
import type { ExampleLibrary } from '../domain/authoring/ports.js';
import { yDocDraftCodec } from '../domain/authoring/ydoc-draft-codec.js';
import { DomainError } from '../domain/errors.js';
import type { Membership, Principal } from '../domain/principal.js';
import type { AppEnv } from '../http/app-env.js';
import { problemResponse } from '../http/problem.js';
import { createSequentialIds } from '../ids.js';
import { createSqliteAuthoringStore } from '../storage/sqlite/authoring-store.js';
import { openAuthoringTestDatabase } from '../storage/sqlite/authoring-test-database.js';
import { createSqliteDraftUpdateStore } from '../storage/sqlite/draft-update-store.js';
import { authoringRoutes } from '../routes/authoring-routes.js';
import { checkResponseContract } from './response-contract.js';

const MEMBERSHIPS: Record<string, Membership[]> = {
  designer: [{ organisationId: 'org-a', role: 'designer' }],
  designer2: [{ organisationId: 'org-a', role: 'designer' }, { organisationId: 'org-a', role: 'publisher' }],
  publisher: [{ organisationId: 'org-a', role: 'publisher' }],
  publisher2: [{ organisationId: 'org-a', role: 'publisher' }],
  tester: [{ organisationId: 'org-a', role: 'tester' }],
  admin: [{ organisationId: 'org-a', role: 'permissions_admin' }],
  'other-publisher': [{ organisationId: 'org-b', role: 'publisher' }, { organisationId: 'org-b', role: 'designer' }],
  'care-admin': [{ organisationId: 'care-1', role: 'care_provider_admin' }],
  therapist: [{ organisationId: 'care-1', role: 'therapist', unitId: 'unit-1' }],
};

/** Test principals by name; `designer2` is a designer who is also a publisher (for the four-eyes rule). */
export type TestRole = keyof typeof MEMBERSHIPS;

export function testPrincipal(name: string): Principal {
  const memberships = MEMBERSHIPS[name];
  if (!memberships) throw new Error(`no test principal ${name}`);
  return { personId: `person-${name}`, name, email: `${name}@example.org`, memberships, sessionId: `session-${name}` };
}

const EXAMPLES: Record<string, unknown> = { 'module/sleep-basics': validModule(), 'program/sleep-program': validProgram() };

export const testExamples: ExampleLibrary = {
  list: async () => Object.keys(EXAMPLES).map((key) => ({ kind: key.split('/')[0] as 'module' | 'program', name: key.split('/')[1] as string })),
  get: async (kind, name) => structuredClone(EXAMPLES[`${kind}/${name}`]),
};

export interface AuthoringTestApp {
  app: Hono<AppEnv>;
  db: Database.Database;
  /** Sends a request as `who` (undefined: anonymous) with an optional JSON body. */
  call(who: string | undefined, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
  /** Applies an edit to a draft as `who`, the way the collaboration server stores it. */
  editDraft(id: string, who: string, edit: (root: Y.Map<unknown>) => void, kind?: 'module' | 'program'): Promise<void>;
}

export function createAuthoringTestApp(): AuthoringTestApp {
  const db = openAuthoringTestDatabase();
  const clock = createTestClock('2026-03-01T09:00:00.000Z');
  const ids = createSequentialIds('id');
  const drafts = createSqliteDraftUpdateStore(db, () => clock.now().toISOString());
  const authoring = createAuthoringService({
    store: createSqliteAuthoringStore(db),
    drafts,
    codec: yDocDraftCodec,
    examples: testExamples,
    now: () => {
      clock.advance(1000);
      return clock.now();
    },
    newId: () => ids.newId(),
  });
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('requestId', 'req-test');
    const who = c.req.header('x-test-principal');
    if (who) c.set('principal', testPrincipal(who));
    await next();
  });
  app.route('/', authoringRoutes({ authoring, clientIp: () => '192.0.2.1' }));
  app.onError((error, c) => {
    if (error instanceof DomainError) return problemResponse(c, error);
    throw error;
  });

  return {
    app,
    db,
    async call(who, method, path, body) {
      const headers: Record<string, string> = {};
      if (who) headers['x-test-principal'] = who;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await app.request(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      const text = await response.text();
      const parsed = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
      checkResponseContract(method, path, response.status, response.headers.get('content-type'), parsed);
      return { status: response.status, body: parsed };
    },
    async editDraft(id, who, edit, kind = 'module') {
      const { updates } = await drafts.loadUpdates(id);
      const doc = new Y.Doc();
      for (const update of updates) Y.applyUpdate(doc, update);
      const before = Y.encodeStateVector(doc);
      doc.transact(() => edit(doc.getMap(kind)));
      await drafts.appendUpdate(id, Y.encodeStateAsUpdate(doc, before), `person-${who}`);
      doc.destroy();
    },
  };
}
