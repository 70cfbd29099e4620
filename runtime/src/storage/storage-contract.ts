import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isDomainError } from '../domain/errors.js';
import type { NewAuditEntry, Stores } from './types.js';

/** What this suite exercises: the audit log and the connection's life. The other stores have their suites in `contract/`. */
type AuditStorage = Pick<Stores, 'audit' | 'ping' | 'close'>;

/** Creates a fresh, empty, migrated store for one test, and cleans it up. */
export interface StorageFactory {
  create(): Promise<AuditStorage>;
  /** Called after each test with the store `create` returned (after the suite closed it, or not). */
  destroy?(storage: AuditStorage): Promise<void>;
}

/**
 * The behaviour every implementation of the audit log and the connection must show. Asserts behaviour only, never SQL, so a
 * PostgreSQL store can run the same suite.
 *
 * @example
 * runStorageContract('sqlite', { create: async () => createSqliteStores(openDatabase({ file: ':memory:' }).db) });
 */
export function runStorageContract(name: string, factory: StorageFactory): void {
  describe(`Storage contract: ${name}`, () => {
    let storage: AuditStorage;
    beforeEach(async () => {
      storage = await factory.create();
    });
    afterEach(async () => {
      await factory.destroy?.(storage);
      await storage.close().catch(() => undefined);
    });

    const entry = (id: string, overrides: Partial<NewAuditEntry> = {}): NewAuditEntry => ({
      id,
      at: '2026-01-01T10:00:00.000Z',
      action: 'module.submitted',
      ...overrides,
    });

    it('answers a ping while open and refuses after close', async () => {
      await expect(storage.ping()).resolves.toBeUndefined();
      await storage.close();
      await expect(storage.ping()).rejects.toThrow();
    });

    it('appends an audit entry and returns it with every field filled', async () => {
      const stored = await storage.audit.append(entry('a1', { actorId: 'person-1', objectType: 'module', objectId: 'phq-9', details: { fromState: 'draft', count: 2 } }));
      expect(stored).toEqual({
        id: 'a1', at: '2026-01-01T10:00:00.000Z', actorId: 'person-1', actorRole: null, action: 'module.submitted',
        objectType: 'module', objectId: 'phq-9', organisationId: null, unitId: null, patientId: null, ip: null, requestId: null,
        details: { fromState: 'draft', count: 2 },
      });
      expect(await storage.audit.list()).toEqual([stored]);
    });

    it('lists audit entries in the order appended, whatever their times', async () => {
      await storage.audit.append(entry('late', { at: '2026-01-03T00:00:00.000Z' }));
      await storage.audit.append(entry('early', { at: '2026-01-01T00:00:00.000Z' }));
      await storage.audit.append(entry('middle', { at: '2026-01-02T00:00:00.000Z' }));
      expect((await storage.audit.list()).map((item) => item.id)).toEqual(['late', 'early', 'middle']);
    });

    it('filters audit entries by every given field and by time range', async () => {
      await storage.audit.append(entry('1', { actorId: 'p1', organisationId: 'org-a', at: '2026-01-01T00:00:00.000Z' }));
      await storage.audit.append(entry('2', { actorId: 'p2', organisationId: 'org-a', at: '2026-01-02T00:00:00.000Z' }));
      await storage.audit.append(entry('3', { actorId: 'p1', organisationId: 'org-b', patientId: 'pat-1', at: '2026-01-03T00:00:00.000Z' }));
      const ids = async (filter: Parameters<AuditStorage['audit']['list']>[0]) => (await storage.audit.list(filter)).map((item) => item.id);
      expect(await ids({ actorId: 'p1' })).toEqual(['1', '3']);
      expect(await ids({ actorId: 'p1', organisationId: 'org-a' })).toEqual(['1']);
      expect(await ids({ patientId: 'pat-1' })).toEqual(['3']);
      expect(await ids({ from: '2026-01-02T00:00:00.000Z' })).toEqual(['2', '3']);
      expect(await ids({ until: '2026-01-02T00:00:00.000Z' })).toEqual(['1']);
      expect(await ids({ limit: 2 })).toEqual(['1', '2']);
      expect(await ids({ action: 'other' })).toEqual([]);
    });

    it('refuses a second entry with the same id as a conflict and keeps the first', async () => {
      await storage.audit.append(entry('same', { action: 'first' }));
      const error = await storage.audit.append(entry('same', { action: 'second' })).catch((caught: unknown) => caught);
      expect(isDomainError(error, 'conflict')).toBe(true);
      expect((await storage.audit.list()).map((item) => item.action)).toEqual(['first']);
    });

    it('refuses details that look like secrets or answers, and stores nothing', async () => {
      for (const details of [{ password: 'hunter2' }, { nested: { sessionToken: 'x' } }, { answers: { q1: 3 } }]) {
        const error = await storage.audit.append(entry('secret', { details })).catch((caught: unknown) => caught);
        expect(isDomainError(error, 'invalid')).toBe(true);
      }
      expect(await storage.audit.list()).toEqual([]);
    });
  });
}
