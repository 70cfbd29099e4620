import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteCareStore } from './care-store.js';
import { MIGRATIONS_DIR } from './migration-files.js';
import { openDatabase } from './open-database.js';
import { randomBytes } from 'node:crypto';
import { MAIL_SECRET } from '../../domain/care/ports.js';
import { createSecretBox } from '../../mail/secret-box.js';
import { createSqliteDispatchQueue, createSqliteMailOutbox, SECRET_REMOVED, SECRET_UNAVAILABLE } from './sqlite-mail-outbox.js';

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
    const enrollment = { id: 'e', unitId: 'u', deploymentId: 'd', patientId: 'p', status: 'invited' as const, startedOn: '2026-03-02', startedAt: 'x', modules: [], createdBy: 't', createdAt: 'x', updatedAt: 'x', lastActivityAt: null, acceptedAt: null, invitedName: null };
    const attempt = store.createEnrollment({
      enrollment,
      invitation: { codeHash: 'f'.repeat(64), enrollmentId: 'e', personId: 'p', createdAt: 'x', expiresAt: 'y', redeemedAt: null },
      mail: { id: 'mail-1', to: 'petra@example.org', subject: 'S', text: 'T', organisationId: null, createdAt: '2026-03-02T08:00:00.000Z' },
      audit: { id: 'a', at: 'x', actorId: null, actorRole: null, action: 'enrollment.create', objectType: 'enrollment', objectId: 'e', organisationId: null, unitId: null, patientId: null, requestId: null, ip: null, details: {} },
    });
    await expect(attempt).rejects.toThrow(/already exists/);
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
    const mail = (id: string) => ({ id, to: 'petra@example.org', subject: 'Reminder: Daily report', text: 'T', organisationId: null, createdAt: '2026-03-03T10:00:00.000Z' });
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

  it('migration 008 removes the text of earlier invitation mail that is held, sent or failed, and keeps pending mail to send', () => {
    const dir = mkdtempSync(join(tmpdir(), 'careloom-outbox-'));
    dirs.push(dir);
    const older = join(dir, 'migrations');
    mkdirSync(older);
    for (const name of ['001-basics.sql', '002-accounts.sql', '003-authoring.sql', '004-care.sql', '005-mail-dispatch.sql', '006-alert-details.sql', '007-member-invitations.sql']) copyFileSync(join(MIGRATIONS_DIR, name), join(older, name));
    const file = join(dir, 'careloom.db');
    const before = openDatabase({ file, migrationsDir: older }).db;
    const insert = before.prepare("INSERT INTO mail_outbox (id, to_address, subject, text, created_at, status) VALUES (?, 'p@example.org', 'S', ?, '2026-01-01T00:00:00.000Z', ?)");
    insert.run('held', 'Open http://x/#/invite/ABCDE-FGHJK', 'held');
    insert.run('sent', 'Open http://x/#/invite/ABCDE-FGHJ2', 'sent');
    insert.run('pending', 'Open http://x/#/invite/ABCDE-FGHJ3', 'pending');
    insert.run('reminder', 'Your report is due', 'sent');
    before.close();

    const { db } = openDatabase({ file });
    const texts = Object.fromEntries((db.prepare('SELECT id, text, organisation_id FROM mail_outbox').all() as Array<{ id: string; text: string; organisation_id: null }>).map((row) => [row.id, row.text]));
    expect(texts.held).not.toContain('ABCDE');
    expect(texts.sent).not.toContain('ABCDE');
    expect(texts.pending).toContain('ABCDE-FGHJ3');
    expect(texts.reminder).toBe('Your report is due');
    db.close();
  });

  describe('scope and secrets', () => {
    const CODE = 'ABCDE-FGHJK';
    const invitation = (id: string, organisationId: string | null) => ({
      id, to: 'petra@example.org', subject: 'Your invitation', text: `Open http://x/#/invite/${MAIL_SECRET}\nor type ${MAIL_SECRET}`, secret: CODE, organisationId, createdAt: '2026-03-02T08:00:00.000Z',
    });
    const setup = (mode: 'held' | 'pending') => {
      const { db } = openDatabase({ file: ':memory:' });
      db.pragma('foreign_keys = OFF');
      const box = createSecretBox(randomBytes(32));
      const outbox = createSqliteMailOutbox(db, { box, mode, now: () => new Date('2026-03-02T08:00:00.000Z'), newId: () => 'unused' });
      return { db, box, outbox };
    };

    it('lists only the mail of the organisations asked for, with the secret filled in; the row holds it sealed', async () => {
      const { db, outbox } = setup('held');
      outbox.stage(invitation('a-1', 'care-a'));
      outbox.stage(invitation('b-1', 'care-b'));
      outbox.stage({ ...invitation('none', null) });
      expect((await outbox.list(['care-b'])).map((mail) => mail.id)).toEqual(['b-1']);
      expect(await outbox.list([])).toEqual([]);
      const [shown] = await outbox.list(['care-a']);
      expect(shown?.text).toBe(`Open http://x/#/invite/${CODE}\nor type ${CODE}`);
      const rows = JSON.stringify(db.prepare('SELECT * FROM mail_outbox').all());
      expect(rows).not.toContain(CODE);
      expect(rows).not.toContain(CODE.replace('-', ''));
      db.close();
    });

    it('refuses mail with its secret in clear, a secret without a placeholder and a placeholder without a secret', () => {
      const { db, outbox } = setup('held');
      expect(() => outbox.stage({ ...invitation('m1', 'care-a'), text: `Type ${CODE} or ${MAIL_SECRET}` })).toThrow(/in clear/);
      expect(() => outbox.stage({ ...invitation('m2', 'care-a'), subject: `Code ${CODE}` })).toThrow(/in clear/);
      expect(() => outbox.stage({ ...invitation('m3', 'care-a'), text: 'No placeholder' })).toThrow(/no placeholder/);
      const { secret: _secret, ...withoutSecret } = invitation('m4', 'care-a');
      expect(() => outbox.stage(withoutSecret)).toThrow(/no secret/);
      expect(db.prepare('SELECT count(*) AS n FROM mail_outbox').get()).toEqual({ n: 0 });
      db.close();
    });

    it('sends the secret filled in and erases it from the row once sent', async () => {
      const { db, box, outbox } = setup('pending');
      outbox.stage(invitation('m1', 'care-a'));
      const queue = createSqliteDispatchQueue(db, box);
      const [due] = await queue.due('2026-03-02T09:00:00.000Z', 10);
      expect(due?.text).toContain(`/#/invite/${CODE}`);
      await queue.markSent('m1', { attempts: 1, at: '2026-03-02T09:00:00.000Z' });
      expect(db.prepare("SELECT status, secret_sealed FROM mail_outbox WHERE id = 'm1'").get()).toEqual({ status: 'sent', secret_sealed: null });
      expect(JSON.stringify(db.prepare('SELECT * FROM mail_outbox').all())).not.toContain(CODE);
      db.close();
    });

    it('never sends a secret sealed under another key: the mail fails, and the outbox says the secret is unavailable', async () => {
      const { db, outbox } = setup('pending');
      outbox.stage(invitation('m1', 'care-a'));
      const otherBox = createSecretBox(randomBytes(32));
      expect((await createSqliteMailOutbox(db, { box: otherBox, now: () => new Date(), newId: () => 'x' }).list(['care-a']))[0]?.text).toContain(SECRET_UNAVAILABLE);
      const queue = createSqliteDispatchQueue(db, otherBox);
      expect(await queue.due('2026-03-02T09:00:00.000Z', 10)).toEqual([]);
      expect(db.prepare("SELECT status, secret_sealed FROM mail_outbox WHERE id = 'm1'").get()).toEqual({ status: 'failed', secret_sealed: null });
      expect((await outbox.list(['care-a']))[0]?.text).toContain(SECRET_REMOVED);
      db.close();
    });

    it('does not open a sealed secret copied into another row', async () => {
      const { db, outbox } = setup('held');
      outbox.stage(invitation('m1', 'care-a'));
      outbox.stage({ ...invitation('m2', 'care-a'), secret: 'ZZZZZ-ZZZZZ' });
      db.prepare("UPDATE mail_outbox SET secret_sealed = (SELECT secret_sealed FROM mail_outbox WHERE id = 'm1') WHERE id = 'm2'").run();
      const listed = await outbox.list(['care-a']);
      expect(listed.find((mail) => mail.id === 'm2')?.text).toContain(SECRET_UNAVAILABLE);
      db.close();
    });
  });
});
