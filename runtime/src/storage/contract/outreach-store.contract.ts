import { describe, expect, it } from 'vitest';
import type { PatientNoticeStore, StaffNoticeStore } from '../../domain/care/outreach-ports.js';
import type { CareAuditEntry, QueuedMail } from '../../domain/care/ports.js';

/**
 * What an implementation's test provides: the stores on a database holding `OUTREACH_FIXTURE`
 * (run in order), and two helpers that take literal SQL, valid on SQLite and PostgreSQL alike.
 */
export interface OutreachStoreFixture {
  notices: PatientNoticeStore;
  staff: StaffNoticeStore;
  run(sql: string): Promise<void>;
  count(sql: string): Promise<number>;
}

/**
 * People: therapist (unit u1), therapist2 (u2), disabled therapist (u1), admin of care-1, patient
 * (enrolled at u1: enrollment e, accepted, active). Unit u3 belongs to care-2.
 */
export const OUTREACH_FIXTURE: readonly string[] = [
  "INSERT INTO organisations (id, slug, name, kind, created_at) VALUES ('org-a', 'org-a', 'Publisher', 'publisher', 'x'), ('care-1', 'care-1', 'Care', 'care_provider', 'x'), ('care-2', 'care-2', 'Other care', 'care_provider', 'x')",
  `INSERT INTO people (id, email, name, password_hash, created_at, password_chosen_at) VALUES
    ('therapist', 't@example.org', 'Tess Therapist', 'h', 'x', 'x'), ('therapist2', 't2@example.org', 'Tom', 'h', 'x', 'x'),
    ('gone', 'gone@example.org', 'Gone', 'h', 'x', 'x'), ('admin', 'a@example.org', 'Ada Admin', 'h', 'x', 'x'), ('patient', 'p@example.org', 'Pat', 'h', 'x', 'x')`,
  "UPDATE people SET disabled_at = 'x' WHERE id = 'gone'",
  "INSERT INTO care_units (id, organisation_id, name, active, time_zone, settings, created_at, updated_at) VALUES ('u1', 'care-1', 'U1', 1, 'UTC', '{}', 'x', 'x'), ('u2', 'care-1', 'U2', 1, 'UTC', '{}', 'x', 'x'), ('u3', 'care-2', 'U3', 1, 'UTC', '{}', 'x', 'x')",
  `INSERT INTO memberships (person_id, organisation_id, role, unit_id, granted_by, granted_at) VALUES
    ('therapist', 'care-1', 'therapist', 'u1', NULL, 'x'), ('therapist2', 'care-1', 'therapist', 'u2', NULL, 'x'), ('gone', 'care-1', 'therapist', 'u1', NULL, 'x'),
    ('admin', 'care-1', 'care_provider_admin', NULL, NULL, 'x'), ('patient', 'care-1', 'patient', 'u1', NULL, 'x')`,
  "INSERT INTO modules (id, organisation_id, kind, title, created_by, created_at, updated_at) VALUES ('phq-9', 'org-a', 'module', 'PHQ-9', 'therapist', 'x', 'x')",
  `INSERT INTO versions (module_id, number, content, content_hash, change_note, authored_by, contributors, draft_seq, created_at) VALUES ('phq-9', 1, '{}', '${'f'.repeat(64)}', '', 'therapist', '[]', 0, 'x')`,
  "INSERT INTO version_states (module_id, number, state, changed_at, changed_by) VALUES ('phq-9', 1, 'submitted', 'x', 'therapist')",
  `INSERT INTO deployments (id, unit_id, kind, document_id, version, title, content_hash, modules, status, deployed_at, deployed_by) VALUES ('d', 'u1', 'module', 'phq-9', 1, 'PHQ-9', '${'b'.repeat(64)}', '[]', 'active', 'x', 'admin')`,
  "INSERT INTO enrollments (id, unit_id, deployment_id, patient_id, status, started_on, started_at, modules, created_by, created_at, updated_at, accepted_at) VALUES ('e', 'u1', 'd', 'patient', 'active', '2026-03-02', '2026-03-01T23:00:00.000Z', '[]', 'therapist', 'x', 'x', '2026-03-02T08:00:00.000Z')",
];

let counter = 0;
const audit = (action: string): CareAuditEntry => ({ id: `outreach-audit-${++counter}`, at: '2026-03-02T08:00:00.000Z', actorId: null, actorRole: null, action, objectType: 'enrollment', objectId: 'e', organisationId: 'care-1', unitId: 'u1', patientId: 'patient', requestId: null, ip: null, details: {} });
const mail = (to = 'p@example.org'): QueuedMail => ({ id: `outreach-mail-${++counter}`, to, subject: 'You have a new message in Careloom', text: 'Sign in: http://careloom.test', organisationId: 'care-1', createdAt: '2026-03-02T08:00:00.000Z' });
const message = (id: string, sender: 'therapist' | 'patient', sentAt: string, readAt: string | null = null) =>
  `INSERT INTO messages (id, enrollment_id, sender, author_id, body, sent_at, read_at) VALUES ('${id}', 'e', '${sender}', '${sender}', 'Hello', '${sentAt}', ${readAt === null ? 'NULL' : `'${readAt}'`})`;
const notice = (kind: 'message' | 'material' | 'reminder', sentAt: string, extra: { localDate?: string; sentBy?: string } = {}) => ({
  id: `notice-${++counter}`, patientId: 'patient', enrollmentId: 'e', kind, sentAt, sentBy: extra.sentBy ?? null, ...(extra.localDate ? { localDate: extra.localDate } : {}),
});

/**
 * Behaviour every outreach store must have: a patient's choice is kept and respected inside the
 * claim, each claim key sends at most one e-mail however many claims race, the interval and the
 * once-a-day reminder are decided in the database, and a staff notice reaches the staff of its
 * units only.
 */
export function runOutreachStoreContract(name: string, create: () => Promise<OutreachStoreFixture>): void {
  describe(`outreach store contract (${name})`, () => {
    it('keeps the patient\'s choice about e-mail notices, on until turned off, each change audited', async () => {
      const fixture = await create();
      expect(await fixture.notices.emailNotices('patient')).toBe(true);
      await fixture.notices.setEmailNotices({ patientId: 'patient', emailNotices: false, at: '2026-03-02T09:00:00.000Z', audit: audit('notice.settings') });
      expect(await fixture.notices.emailNotices('patient')).toBe(false);
      await fixture.notices.setEmailNotices({ patientId: 'patient', emailNotices: true, at: '2026-03-02T10:00:00.000Z', audit: audit('notice.settings') });
      expect(await fixture.notices.emailNotices('patient')).toBe(true);
      expect(await fixture.count("SELECT count(*) AS n FROM audit_log WHERE action = 'notice.settings'")).toBe(2);
    });

    it('lists a patient once, for their newest unread therapist message after their last message notice', async () => {
      const fixture = await create();
      await fixture.run(message('m1', 'therapist', '2026-03-02T09:00:00.000Z'));
      await fixture.run(message('m2', 'therapist', '2026-03-02T09:05:00.000Z'));
      await fixture.run(message('m3', 'patient', '2026-03-02T09:06:00.000Z'));
      await fixture.run(message('m0', 'therapist', '2026-03-02T08:00:00.000Z', '2026-03-02T08:30:00.000Z'));
      expect(await fixture.notices.pendingMessageNotices('2026-03-02T09:01:00.000Z')).toEqual([{ patientId: 'patient', enrollmentId: 'e', messageId: 'm1', sentAt: '2026-03-02T09:00:00.000Z' }]);
      expect(await fixture.notices.pendingMessageNotices('2026-03-02T09:10:00.000Z')).toEqual([{ patientId: 'patient', enrollmentId: 'e', messageId: 'm2', sentAt: '2026-03-02T09:05:00.000Z' }]);
      expect(await fixture.notices.claimNotice({ notice: notice('message', '2026-03-02T09:10:00.000Z'), claims: ['message:m2'], mail: mail() })).toEqual({ ok: true });
      expect(await fixture.notices.pendingMessageNotices('2026-03-02T09:11:00.000Z')).toEqual([]);
      await fixture.run(message('m4', 'therapist', '2026-03-02T09:20:00.000Z'));
      expect((await fixture.notices.pendingMessageNotices('2026-03-02T09:21:00.000Z')).map((pending) => pending.messageId)).toEqual(['m4']);
      await fixture.run("UPDATE messages SET read_at = '2026-03-02T09:22:00.000Z' WHERE id = 'm4'");
      expect(await fixture.notices.pendingMessageNotices('2026-03-02T09:23:00.000Z')).toEqual([]);
    });

    it('leaves out patients who turned notices off and enrollments not accepted or ended', async () => {
      const fixture = await create();
      await fixture.run(message('m1', 'therapist', '2026-03-02T09:00:00.000Z'));
      await fixture.run("UPDATE enrollments SET status = 'ended'");
      expect(await fixture.notices.pendingMessageNotices('2026-03-02T10:00:00.000Z')).toEqual([]);
      await fixture.run("UPDATE enrollments SET status = 'active', accepted_at = NULL");
      expect(await fixture.notices.pendingMessageNotices('2026-03-02T10:00:00.000Z')).toEqual([]);
      await fixture.run("UPDATE enrollments SET accepted_at = 'x'");
      expect(await fixture.notices.pendingMessageNotices('2026-03-02T10:00:00.000Z')).toHaveLength(1);
      await fixture.notices.setEmailNotices({ patientId: 'patient', emailNotices: false, at: '2026-03-02T09:00:00.000Z', audit: audit('notice.settings') });
      expect(await fixture.notices.pendingMessageNotices('2026-03-02T10:00:00.000Z')).toEqual([]);
    });

    it('sends one e-mail per claim key however many claims race, with its notice row', async () => {
      const fixture = await create();
      const results = await Promise.all([1, 2, 3, 4].map(() => fixture.notices.claimNotice({ notice: notice('material', '2026-03-02T09:00:00.000Z'), claims: ['material:e:week1', 'material:e:week2'], mail: mail() })));
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: 'claimed' }, { ok: false, reason: 'claimed' }, { ok: false, reason: 'claimed' }]);
      expect(await fixture.count('SELECT count(*) AS n FROM mail_outbox')).toBe(1);
      expect(await fixture.count('SELECT count(*) AS n FROM patient_notices')).toBe(1);
      // A later unlock alongside an old one: only the new key is claimed, and one more e-mail goes.
      expect(await fixture.notices.claimNotice({ notice: notice('material', '2026-03-09T09:00:00.000Z'), claims: ['material:e:week2', 'material:e:week3'], mail: mail() })).toEqual({ ok: true });
      expect(await fixture.count('SELECT count(*) AS n FROM patient_notice_claims')).toBe(3);
      expect(await fixture.count('SELECT count(*) AS n FROM mail_outbox')).toBe(2);
    });

    it('refuses a notice inside the interval, and any notice once the patient turned them off, writing nothing', async () => {
      const fixture = await create();
      expect(await fixture.notices.claimNotice({ notice: notice('message', '2026-03-02T09:00:00.000Z'), claims: ['message:a'], notSince: '2026-03-02T08:00:00.000Z', mail: mail(), audit: audit('notice.send') })).toEqual({ ok: true });
      expect(await fixture.notices.claimNotice({ notice: notice('message', '2026-03-02T09:30:00.000Z'), claims: ['message:b'], notSince: '2026-03-02T08:30:00.000Z', mail: mail() })).toEqual({ ok: false, reason: 'too_soon' });
      // Another kind is not held back by a message notice.
      expect(await fixture.notices.claimNotice({ notice: notice('material', '2026-03-02T09:30:00.000Z'), claims: ['material:e:w2'], notSince: '2026-03-02T08:30:00.000Z', mail: mail() })).toEqual({ ok: true });
      expect(await fixture.notices.claimNotice({ notice: notice('message', '2026-03-02T10:01:00.000Z'), claims: ['message:b'], notSince: '2026-03-02T09:01:00.000Z', mail: mail() })).toEqual({ ok: true });
      await fixture.notices.setEmailNotices({ patientId: 'patient', emailNotices: false, at: '2026-03-02T11:00:00.000Z', audit: audit('notice.settings') });
      expect(await fixture.notices.claimNotice({ notice: notice('message', '2026-03-02T12:00:00.000Z'), claims: ['message:c'], mail: mail() })).toEqual({ ok: false, reason: 'off' });
      expect(await fixture.count('SELECT count(*) AS n FROM mail_outbox')).toBe(3);
      expect(await fixture.count("SELECT count(*) AS n FROM audit_log WHERE action = 'notice.send'")).toBe(1);
    });

    it('lets one reminder a day go to a patient, counted in the database, and lists the timeline newest first', async () => {
      const fixture = await create();
      const remind = (sentAt: string, localDate: string) => fixture.notices.claimNotice({ notice: notice('reminder', sentAt, { localDate, sentBy: 'therapist' }), claims: [], mail: mail(), audit: audit('notice.reminder') });
      const results = await Promise.all([remind('2026-03-02T09:00:00.000Z', '2026-03-02'), remind('2026-03-02T09:00:01.000Z', '2026-03-02'), remind('2026-03-02T09:00:02.000Z', '2026-03-02')]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: 'too_soon' }, { ok: false, reason: 'too_soon' }]);
      expect(await remind('2026-03-03T09:00:00.000Z', '2026-03-03')).toEqual({ ok: true });
      await fixture.notices.claimNotice({ notice: notice('material', '2026-03-03T10:00:00.000Z'), claims: ['material:e:x'], mail: mail() });
      const timeline = await fixture.notices.listNotices('e');
      expect(timeline.map((entry) => [entry.kind, entry.sentAt, entry.sentByName])).toEqual([
        ['material', '2026-03-03T10:00:00.000Z', null],
        ['reminder', '2026-03-03T09:00:00.000Z', 'Tess Therapist'],
        ['reminder', expect.stringMatching(/^2026-03-02T09:00:0[0-2]\.000Z$/), 'Tess Therapist'],
      ]);
      expect(await fixture.notices.listNotices('e', 1)).toHaveLength(1);
      expect(await fixture.notices.listNotices('no-such-enrollment')).toEqual([]);
      expect(await fixture.count("SELECT count(*) AS n FROM audit_log WHERE action = 'notice.reminder'")).toBe(2);
    });

    it('lets the notices go with a purged enrollment', async () => {
      const fixture = await create();
      await fixture.notices.claimNotice({ notice: notice('material', '2026-03-02T09:00:00.000Z'), claims: ['material:e:w1'], mail: mail() });
      await fixture.run("DELETE FROM enrollments WHERE id = 'e'");
      expect(await fixture.count('SELECT count(*) AS n FROM patient_notices')).toBe(0);
      expect(await fixture.count('SELECT count(*) AS n FROM patient_notice_claims')).toBe(0);
    });

    it('finds the staff of units (not patients, not disabled accounts, not other units), each once', async () => {
      const fixture = await create();
      await fixture.run("INSERT INTO memberships (person_id, organisation_id, role, unit_id, granted_by, granted_at) VALUES ('therapist', 'care-1', 'therapist', 'u2', NULL, 'x')");
      expect(await fixture.staff.recipients(['u1'])).toEqual([{ personId: 'therapist', email: 't@example.org' }]);
      expect(await fixture.staff.recipients(['u1', 'u2'])).toEqual([{ personId: 'therapist', email: 't@example.org' }, { personId: 'therapist2', email: 't2@example.org' }]);
      expect(await fixture.staff.recipients(['u3'])).toEqual([]);
      expect(await fixture.staff.recipients([])).toEqual([]);
      expect(await fixture.staff.organisationName('care-1')).toBe('Care');
      expect(await fixture.staff.organisationName('nope')).toBeUndefined();
    });

    it('posts a notice with its units, e-mails and audit row; readers of its units see it unread until they read it', async () => {
      const fixture = await create();
      const posted = await fixture.staff.post({
        notice: { id: 'n1', organisationId: 'care-1', title: 'New phone system', body: 'From Monday the unit\'s number changes.', emailed: true, postedBy: 'admin', postedAt: '2026-03-02T09:00:00.000Z', unitIds: ['u2', 'u1', 'u1'] },
        mails: [mail('t@example.org'), mail('t2@example.org')],
        audit: audit('staff_notice.post'),
      });
      expect(posted).toEqual({ id: 'n1', organisationId: 'care-1', title: 'New phone system', body: 'From Monday the unit\'s number changes.', emailed: true, postedBy: 'admin', postedByName: 'Ada Admin', postedAt: '2026-03-02T09:00:00.000Z', unitIds: ['u1', 'u2'] });
      await fixture.staff.post({ notice: { id: 'n2', organisationId: 'care-1', title: 'Only U2', body: 'Text', emailed: false, postedBy: 'admin', postedAt: '2026-03-03T09:00:00.000Z', unitIds: ['u2'] }, mails: [], audit: audit('staff_notice.post') });
      expect(await fixture.count('SELECT count(*) AS n FROM mail_outbox')).toBe(2);
      expect(await fixture.count("SELECT count(*) AS n FROM audit_log WHERE action = 'staff_notice.post'")).toBe(2);
      expect((await fixture.staff.listOfOrganisation('care-1')).map((entry) => entry.id)).toEqual(['n2', 'n1']);
      expect(await fixture.staff.listOfOrganisation('care-2')).toEqual([]);
      expect(await fixture.staff.get('n1')).toEqual(posted);
      expect(await fixture.staff.get('nope')).toBeUndefined();

      const forU1 = await fixture.staff.listForReader('therapist', ['u1']);
      expect(forU1).toEqual([{ ...posted, readAt: null }]);
      expect((await fixture.staff.listForReader('therapist2', ['u2'])).map((entry) => entry.id)).toEqual(['n2', 'n1']);
      expect(await fixture.staff.listForReader('therapist', [])).toEqual([]);
      await fixture.staff.markRead({ noticeId: 'n1', personId: 'therapist', at: '2026-03-02T10:00:00.000Z' });
      await fixture.staff.markRead({ noticeId: 'n1', personId: 'therapist', at: '2026-03-02T11:00:00.000Z' });
      expect((await fixture.staff.listForReader('therapist', ['u1']))[0]!.readAt).toBe('2026-03-02T10:00:00.000Z');
      expect((await fixture.staff.listForReader('therapist2', ['u2']))[1]!.readAt).toBeNull();
    });
  });
}
