import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteCareStore } from './care-store.js';
import { MIGRATIONS_DIR } from './migration-files.js';
import { openDatabase } from './open-database.js';
import { createSqliteMailOutbox } from './sqlite-mail-outbox.js';

describe('the mail outbox table', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps mail written before migration 005 as held, so turning SMTP on later never sends it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'careloom-outbox-'));
    dirs.push(dir);
    const older = join(dir, 'migrations');
    mkdirSync(older);
    for (const name of ['001-basics.sql', '002-accounts.sql', '003-authoring.sql', '004-care.sql']) copyFileSync(join(MIGRATIONS_DIR, name), join(older, name));
    const file = join(dir, 'careloom.db');
    const before = openDatabase({ file, migrationsDir: older }).db;
    before.prepare("INSERT INTO mail_outbox (id, to_address, subject, text, created_at) VALUES ('old', 'dev@example.org', 'S', 'T', '2026-01-01T00:00:00.000Z')").run();
    before.close();

    const { db, applied } = openDatabase({ file });
    expect(applied).toContain('005-mail-dispatch.sql');
    expect(db.prepare("SELECT status, attempts, next_attempt_at, sent_at FROM mail_outbox WHERE id = 'old'").get()).toEqual({ status: 'held', attempts: 0, next_attempt_at: null, sent_at: null });
    db.close();
  });

  it('writes the invitation in the enrollment transaction: no enrollment, no mail', async () => {
    const { db } = openDatabase({ file: ':memory:' });
    // The failure must come after the mail is staged: the audit row (written last) collides.
    db.pragma('foreign_keys = OFF');
    db.prepare("INSERT INTO audit_log (id, at, action, object_type, details) VALUES ('a', 'x', 'earlier', 'x', '{}')").run();
    const outbox = createSqliteMailOutbox(db, { mode: 'pending', now: () => new Date(), newId: () => 'unused' });
    const store = createSqliteCareStore(db, { mail: outbox });
    const enrollment = { id: 'e', unitId: 'u', deploymentId: 'd', patientId: 'p', status: 'invited' as const, startedOn: '2026-03-02', startedAt: 'x', modules: [], createdBy: 't', createdAt: 'x', updatedAt: 'x', lastActivityAt: null };
    const attempt = store.createEnrollment({
      enrollment,
      invitation: { codeHash: 'f'.repeat(64), enrollmentId: 'e', personId: 'p', createdAt: 'x', expiresAt: 'y', redeemedAt: null },
      mail: { id: 'mail-1', to: 'petra@example.org', subject: 'S', text: 'T', createdAt: '2026-03-02T08:00:00.000Z' },
      audit: { id: 'a', at: 'x', actorId: null, actorRole: null, action: 'enrollment.create', objectType: 'enrollment', objectId: 'e', organisationId: null, unitId: null, patientId: null, requestId: null, ip: null, details: {} },
    });
    await expect(attempt).rejects.toThrow(/UNIQUE/);
    expect(db.prepare('SELECT count(*) AS n FROM enrollments').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM mail_outbox').get()).toEqual({ n: 0 });
    db.close();
  });

  it('queues a claimed reminder for the dispatcher and wakes it after the commit; a repeat claim neither', async () => {
    const { db } = openDatabase({ file: ':memory:' });
    db.pragma('foreign_keys = OFF');
    let wakes = 0;
    const outbox = createSqliteMailOutbox(db, { mode: 'pending', now: () => new Date(), newId: () => 'unused', onQueued: () => (wakes += 1) });
    const store = createSqliteCareStore(db, { mail: outbox });
    const claim = { enrollmentId: 'e', kind: 'registration', itemId: 'copdDaily', localDate: '2026-03-03', at: '2026-03-03T10:00:00.000Z' };
    const mail = (id: string) => ({ id, to: 'petra@example.org', subject: 'Reminder: Daily report', text: 'T', createdAt: '2026-03-03T10:00:00.000Z' });
    expect(await store.claimReminder({ ...claim, mail: mail('mail-1') })).toBe(true);
    expect(await store.claimReminder({ ...claim, mail: mail('mail-2') })).toBe(false);
    expect(wakes).toBe(1);
    expect(db.prepare('SELECT id, status, next_attempt_at FROM mail_outbox').all()).toEqual([{ id: 'mail-1', status: 'pending', next_attempt_at: '2026-03-03T10:00:00.000Z' }]);
    // A mail id already in the outbox fails the insert: the claim goes with it.
    await expect(store.claimReminder({ ...claim, localDate: '2026-03-04', mail: mail('mail-1') })).rejects.toThrow(/UNIQUE/);
    expect(db.prepare('SELECT local_date FROM reminders_sent').all()).toEqual([{ local_date: '2026-03-03' }]);
    expect(wakes).toBe(1);
    db.close();
  });
});
