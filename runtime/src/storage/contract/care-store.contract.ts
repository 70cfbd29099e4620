import { describe, expect, it } from 'vitest';
import type { AlertRecord, CareAuditEntry, CareStore, DeploymentRecord, EnrollmentRecord, QueuedMail, ResponseRecord, UnitRecord } from '../../domain/care/ports.js';

/** What a care store implementation's test provides: an empty store with an organisation, two people and a released module version 1. */
export interface CareStoreFixture {
  store: CareStore;
  organisationId: string;
  therapistId: string;
  patientId: string;
  moduleId: string;
  /** The audit rows written so far, by action. */
  auditActions(): Promise<string[]>;
  /** The mail outbox the store writes to, oldest first. */
  queuedMail(): Promise<QueuedMail[]>;
  /** While true, writing to the mail outbox fails (as a full disk or a broken connection would). */
  failMail(failing: boolean): void;
}

const AT = '2026-03-02T08:00:00.000Z';
let counter = 0;
const audit = (action: string): CareAuditEntry => ({ id: `audit-${++counter}`, at: AT, actorId: null, actorRole: null, action, objectType: 'test', objectId: 'x', organisationId: null, unitId: null, patientId: null, requestId: null, ip: null, details: {} });

function deploymentRecord(fixture: CareStoreFixture, unit: UnitRecord, id: string): DeploymentRecord {
  return { id, unitId: unit.id, kind: 'module', documentId: fixture.moduleId, version: 1, title: 'Module', contentHash: 'a'.repeat(64), modules: [{ moduleId: fixture.moduleId, version: 1 }], status: 'active', deployedAt: AT, deployedBy: fixture.therapistId, withdrawnAt: null };
}

async function enrolled(fixture: CareStoreFixture, extra: Partial<EnrollmentRecord> = {}): Promise<{ unit: UnitRecord; deployment: DeploymentRecord; enrollment: EnrollmentRecord; codeHash: string }> {
  const { store } = fixture;
  const n = ++counter;
  const codeHash = String(n).padStart(64, '0');
  const unit = await store.createUnit({ unit: { id: `contract-unit-${n}`, organisationId: fixture.organisationId, name: 'Unit', active: true, timeZone: 'Europe/Stockholm', settings: { phone: '1' }, intakeDeploymentId: null, createdAt: AT, updatedAt: AT }, audit: audit('unit.create') });
  const created = await store.createDeployment({ deployment: deploymentRecord(fixture, unit, `contract-deployment-${n}`), audit: audit('deployment.create') });
  if (!created.ok) throw new Error('a new unit has no deployments to duplicate');
  const deployment = created.value;
  const enrollment = await store.createEnrollment({
    enrollment: { id: `contract-enrollment-${n}`, unitId: unit.id, deploymentId: deployment.id, patientId: fixture.patientId, status: 'invited', startedOn: '2026-03-02', startedAt: '2026-03-01T23:00:00.000Z', modules: deployment.modules, createdBy: fixture.therapistId, createdAt: AT, updatedAt: AT, lastActivityAt: null, acceptedAt: null, invitedName: 'Typed Name', ...extra },
    invitation: { codeHash, enrollmentId: `contract-enrollment-${n}`, personId: fixture.patientId, createdAt: AT, expiresAt: '2026-03-16T08:00:00.000Z', redeemedAt: null },
    audit: audit('enrollment.create'),
  });
  return { unit, deployment, enrollment, codeHash };
}

function response(enrollment: EnrollmentRecord, moduleId: string, clientId: string, bodyHash: string): ResponseRecord {
  return { id: `response-${++counter}`, enrollmentId: enrollment.id, clientId, bodyHash, moduleId, moduleVersion: 1, pageId: null, registrationId: null, answers: { q: 'a' }, completes: true, answeredAt: AT, receivedAt: AT, localDate: '2026-03-02', scores: [], zones: [] };
}

function alert(enrollment: EnrollmentRecord, dedupeKey: string | null): AlertRecord {
  return { id: `alert-${++counter}`, enrollmentId: enrollment.id, unitId: enrollment.unitId, patientId: enrollment.patientId, kind: 'missing_report', severity: 'warning', message: 'Missing', details: null, moduleId: null, responseId: null, dedupeKey, createdAt: AT, acknowledgedAt: null, acknowledgedBy: null };
}

function reminderMail(text: string): QueuedMail {
  return { id: `mail-${++counter}`, to: 'patient@example.org', subject: 'Reminder: Daily report', text, organisationId: null, createdAt: AT };
}

/**
 * Behaviour every CareStore must have: idempotent responses by client id, alerts raised once per
 * key, compare-and-set acknowledgement and invitation redemption, reminders claimed once a day
 * together with their e-mail, and an audit row with each write.
 */
export function runCareStoreContract(create: () => Promise<CareStoreFixture>): void {
  describe('care store contract', () => {
    it('keeps one active deployment per unit and version: a second one is refused with the first, and after withdrawing it the version can be deployed again', async () => {
      const fixture = await create();
      const { unit, deployment } = await enrolled(fixture);
      const before = await fixture.auditActions();
      const again = await fixture.store.createDeployment({ deployment: deploymentRecord(fixture, unit, 'contract-deployment-again'), audit: audit('deployment.create') });
      expect(again).toEqual({ ok: false, reason: 'duplicate', existing: deployment });
      expect(await fixture.store.listDeployments(unit.id)).toEqual([deployment]);
      expect(await fixture.auditActions()).toEqual(before);
      await fixture.store.withdrawDeployment({ id: deployment.id, at: AT, audit: audit('deployment.withdraw') });
      const redeployed = await fixture.store.createDeployment({ deployment: deploymentRecord(fixture, unit, 'contract-deployment-redeployed'), audit: audit('deployment.create') });
      expect(redeployed.ok).toBe(true);
    });

    it('records a response once per client id and returns the first one on a repeat', async () => {
      const fixture = await create();
      const { enrollment } = await enrolled(fixture);
      const first = await fixture.store.recordResponse({ response: response(enrollment, fixture.moduleId, 'client-1', '1'.repeat(64)), alerts: [alert(enrollment, null)], audit: audit('response.record') });
      const repeat = await fixture.store.recordResponse({ response: response(enrollment, fixture.moduleId, 'client-1', '2'.repeat(64)), alerts: [alert(enrollment, null)], audit: audit('response.record') });
      expect(first.created).toBe(true);
      expect(repeat).toEqual({ created: false, response: first.response });
      expect(await fixture.store.listResponses(enrollment.id)).toHaveLength(1);
      expect(await fixture.store.listAlerts({ enrollmentId: enrollment.id })).toHaveLength(1);
      expect((await fixture.auditActions()).filter((action) => action === 'response.record')).toHaveLength(1);
    });

    it('records simultaneous submissions each once, and a refused one takes no other with it', async () => {
      const fixture = await create();
      const { enrollment } = await enrolled(fixture);
      const auditsBefore = (await fixture.auditActions()).length;
      const unknownVersion = { ...response(enrollment, fixture.moduleId, 'client-bad', '3'.repeat(64)), moduleVersion: 999 };
      const outcomes = await Promise.allSettled([
        fixture.store.recordResponse({ response: response(enrollment, fixture.moduleId, 'client-a', '1'.repeat(64)), alerts: [alert(enrollment, null)], audit: audit('response.record') }),
        fixture.store.recordResponse({ response: unknownVersion, alerts: [alert(enrollment, null)], audit: audit('response.record') }),
        fixture.store.recordResponse({ response: response(enrollment, fixture.moduleId, 'client-b', '2'.repeat(64)), alerts: [], audit: audit('response.record') }),
        fixture.store.recordResponse({ response: response(enrollment, fixture.moduleId, 'client-a', '4'.repeat(64)), alerts: [], audit: audit('response.record') }),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      const [first, , , repeat] = outcomes as Array<PromiseFulfilledResult<Awaited<ReturnType<CareStore['recordResponse']>>>>;
      expect(repeat!.value).toEqual({ created: false, response: first!.value.response });
      expect((await fixture.store.listResponses(enrollment.id)).map((stored) => stored.clientId)).toEqual(['client-a', 'client-b']);
      expect(await fixture.store.listAlerts({ enrollmentId: enrollment.id })).toHaveLength(1);
      expect((await fixture.auditActions()).slice(auditsBefore)).toEqual(['response.record', 'response.record']);
    });

    it('raises an alert once per dedupe key, and acknowledges it once', async () => {
      const fixture = await create();
      const { enrollment } = await enrolled(fixture);
      const raised = await fixture.store.raiseAlerts({ alerts: [alert(enrollment, 'missing:x:2026-03-02')], audit: () => audit('alert.raise') });
      expect(await fixture.store.raiseAlerts({ alerts: [alert(enrollment, 'missing:x:2026-03-02')], audit: () => audit('alert.raise') })).toEqual([]);
      const acknowledged = await fixture.store.acknowledgeAlert({ id: raised[0]!.id, at: AT, by: fixture.therapistId, audit: audit('alert.acknowledge') });
      expect(acknowledged).toMatchObject({ ok: true, value: { acknowledgedBy: fixture.therapistId } });
      expect(await fixture.store.acknowledgeAlert({ id: raised[0]!.id, at: AT, by: fixture.therapistId, audit: audit('alert.acknowledge') })).toEqual({ ok: false, reason: 'stale' });
      expect(await fixture.store.listAlerts({ enrollmentId: enrollment.id, status: 'open' })).toEqual([]);
    });

    it('keeps an alert\'s details (code and localised parameters) as they were raised', async () => {
      const fixture = await create();
      const { enrollment } = await enrolled(fixture);
      const details: AlertRecord['details'] = { code: 'missing_report', params: { day: '2026-03-02', deadline: '20:00', timeZone: 'Europe/Stockholm', title: { en: 'Daily report', sv: 'Daglig rapport' }, defaultLanguage: 'sv' } };
      const [raised] = await fixture.store.raiseAlerts({ alerts: [{ ...alert(enrollment, 'missing:y:2026-03-02'), details }], audit: () => audit('alert.raise') });
      expect(raised?.details).toEqual(details);
      expect((await fixture.store.getAlert(raised!.id))?.details).toEqual(details);
      const [recorded] = await fixture.store.listAlerts({ enrollmentId: enrollment.id });
      expect(recorded?.details).toEqual(details);
    });

    it('accepts an invitation once, for its own person only, and activates the enrollment', async () => {
      const fixture = await create();
      const { unit, enrollment, codeHash } = await enrolled(fixture);
      expect(enrollment).toMatchObject({ acceptedAt: null, invitedName: 'Typed Name' });
      expect((await fixture.store.enrollmentActivity(unit.id))[0]?.patientName).toBe('Typed Name');
      expect(await fixture.store.findInvitation(codeHash)).toMatchObject({ enrollmentId: enrollment.id, redeemedAt: null });
      expect(await fixture.store.acceptInvitation({ codeHash: 'f'.repeat(64), personId: fixture.patientId, at: AT, audit: audit('invitation.accept') })).toEqual({ ok: false, reason: 'missing' });
      expect(await fixture.store.acceptInvitation({ codeHash, personId: fixture.therapistId, at: AT, audit: audit('invitation.accept') })).toEqual({ ok: false, reason: 'not_yours' });
      expect(await fixture.store.acceptInvitation({ codeHash, personId: fixture.patientId, at: '2026-03-16T08:00:00.000Z', audit: audit('invitation.accept') })).toEqual({ ok: false, reason: 'stale' });
      // The fixture's patient has a password of their own: a first password is refused and nothing changes.
      expect(await fixture.store.acceptInvitation({ codeHash, personId: fixture.patientId, at: AT, firstPasswordHash: 'plain$taken-over', audit: audit('invitation.redeem') })).toEqual({ ok: false, reason: 'has_password' });
      expect(await fixture.store.findInvitation(codeHash)).toMatchObject({ redeemedAt: null });
      expect(await fixture.store.getEnrollment(enrollment.id)).toMatchObject({ status: 'invited', acceptedAt: null });
      expect(await fixture.auditActions()).not.toContain('invitation.redeem');
      const accepted = await fixture.store.acceptInvitation({ codeHash, personId: fixture.patientId, at: AT, audit: audit('invitation.accept') });
      expect(accepted).toMatchObject({ ok: true, value: { invitation: { redeemedAt: AT }, enrollment: { id: enrollment.id, status: 'active', acceptedAt: AT } } });
      expect(await fixture.store.acceptInvitation({ codeHash, personId: fixture.patientId, at: AT, audit: audit('invitation.accept') })).toEqual({ ok: false, reason: 'stale' });
      expect(await fixture.store.getEnrollment(enrollment.id)).toMatchObject({ status: 'active', acceptedAt: AT });
      // Once accepted, the account's own name.
      expect((await fixture.store.enrollmentActivity(unit.id))[0]?.patientName).not.toBe('Typed Name');
    });

    it('refuses an invitation whose enrollment was ended before it was taken up', async () => {
      const fixture = await create();
      const { enrollment, codeHash } = await enrolled(fixture);
      await fixture.store.setEnrollmentStatus({ id: enrollment.id, status: 'ended', at: AT, audit: audit('enrollment.status') });
      expect(await fixture.store.acceptInvitation({ codeHash, personId: fixture.patientId, at: AT, audit: audit('invitation.accept') })).toEqual({ ok: false, reason: 'stale' });
      expect(await fixture.store.getEnrollment(enrollment.id)).toMatchObject({ status: 'ended', acceptedAt: null });
    });

    it('keeps the language the patient was enrolled in', async () => {
      const fixture = await create();
      const { enrollment } = await enrolled(fixture, { language: 'nb' });
      expect(enrollment.language).toBe('nb');
      expect((await fixture.store.getEnrollment(enrollment.id))?.language).toBe('nb');
      const { enrollment: without } = await enrolled(fixture);
      expect(without).not.toHaveProperty('language');
    });

    it('replaces an invitation: the old code stops working, the new one works, with its e-mail and audit row; never after acceptance or the end', async () => {
      const fixture = await create();
      const { enrollment, codeHash } = await enrolled(fixture);
      const later = '2026-03-03T08:00:00.000Z';
      const fresh = { codeHash: 'e'.repeat(63) + String(++counter % 10), enrollmentId: enrollment.id, personId: fixture.patientId, createdAt: later, expiresAt: '2026-03-17T08:00:00.000Z', redeemedAt: null };
      const mailBefore = (await fixture.queuedMail()).length;
      expect(await fixture.store.replaceInvitation({ invitation: fresh, mail: reminderMail('new invitation'), audit: audit('invitation.resend') })).toEqual({ ok: true });
      expect((await fixture.queuedMail()).slice(mailBefore).map((mail) => mail.text)).toEqual(['new invitation']);
      expect(await fixture.auditActions()).toContain('invitation.resend');
      expect(await fixture.store.findInvitation(codeHash)).toMatchObject({ expiresAt: later, redeemedAt: null });
      expect(await fixture.store.acceptInvitation({ codeHash, personId: fixture.patientId, at: later, audit: audit('invitation.accept') })).toEqual({ ok: false, reason: 'stale' });
      expect(await fixture.store.acceptInvitation({ codeHash: fresh.codeHash, personId: fixture.patientId, at: later, audit: audit('invitation.accept') })).toMatchObject({ ok: true });
      // Accepted: no new code replaces it, and nothing is written.
      const auditsBefore = (await fixture.auditActions()).length;
      const again = { ...fresh, codeHash: 'd'.repeat(64) };
      expect(await fixture.store.replaceInvitation({ invitation: again, mail: reminderMail('too late'), audit: audit('invitation.resend') })).toEqual({ ok: false, reason: 'accepted' });
      expect(await fixture.store.findInvitation(again.codeHash)).toBeUndefined();
      expect((await fixture.auditActions()).length).toBe(auditsBefore);

      const { enrollment: ended } = await enrolled(fixture);
      await fixture.store.setEnrollmentStatus({ id: ended.id, status: 'ended', at: AT, audit: audit('enrollment.status') });
      expect(await fixture.store.replaceInvitation({ invitation: { ...fresh, codeHash: 'c'.repeat(64), enrollmentId: ended.id }, mail: reminderMail('ended'), audit: audit('invitation.resend') })).toEqual({ ok: false, reason: 'ended' });
      expect(await fixture.store.replaceInvitation({ invitation: { ...fresh, codeHash: 'b'.repeat(64), enrollmentId: 'no-such-enrollment' }, mail: reminderMail('missing'), audit: audit('invitation.resend') })).toEqual({ ok: false, reason: 'missing' });
      expect((await fixture.queuedMail()).map((mail) => mail.text)).not.toContain('too late');
    });

    it('keeps messages with read receipts and counts them per enrollment', async () => {
      const fixture = await create();
      const { unit, enrollment } = await enrolled(fixture);
      await fixture.store.addMessage({ message: { id: `message-${++counter}`, enrollmentId: enrollment.id, from: 'patient', authorId: fixture.patientId, body: 'Hi', sentAt: AT, readAt: null }, audit: audit('message.send') });
      expect(await fixture.store.enrollmentActivity(unit.id)).toMatchObject([{ enrollmentId: enrollment.id, unreadMessages: 1, openAlerts: 0 }]);
      expect(await fixture.store.markMessagesRead({ enrollmentId: enrollment.id, from: 'patient', at: AT, audit: audit('message.read') })).toBe(1);
      expect(await fixture.store.markMessagesRead({ enrollmentId: enrollment.id, from: 'patient', at: AT, audit: audit('message.read') })).toBe(0);
      expect((await fixture.store.listMessages(enrollment.id))[0]).toMatchObject({ readAt: AT });
    });

    it('stores a message once per sender and client id, auditing only the first, and never lets the client id change', async () => {
      const fixture = await create();
      const { unit, enrollment } = await enrolled(fixture);
      const clientId = '0196f3a2-7c1e-4d2a-9b1f-1c2d3e4f5a6b';
      const before = (await fixture.auditActions()).length;
      const first = await fixture.store.addMessage({ message: { id: `message-${++counter}`, enrollmentId: enrollment.id, from: 'patient', authorId: fixture.patientId, body: 'Sent from the train', sentAt: AT, readAt: null, clientId }, audit: audit('message.send') });
      const retry = await fixture.store.addMessage({ message: { id: `message-${++counter}`, enrollmentId: enrollment.id, from: 'patient', authorId: fixture.patientId, body: 'Sent from the train', sentAt: AT, readAt: null, clientId }, audit: audit('message.send') });
      expect(first.created).toBe(true);
      expect(retry).toEqual({ message: first.message, created: false });
      expect(await fixture.store.listMessages(enrollment.id)).toHaveLength(1);
      expect((await fixture.auditActions()).slice(before)).toEqual(['message.send']);
      expect(await fixture.store.enrollmentActivity(unit.id)).toMatchObject([{ unreadMessages: 1 }]);
      // Messages without a client id (older apps) are never matched with each other.
      await fixture.store.addMessage({ message: { id: `message-${++counter}`, enrollmentId: enrollment.id, from: 'patient', authorId: fixture.patientId, body: 'Again', sentAt: AT, readAt: null }, audit: audit('message.send') });
      await fixture.store.addMessage({ message: { id: `message-${++counter}`, enrollmentId: enrollment.id, from: 'patient', authorId: fixture.patientId, body: 'Again', sentAt: AT, readAt: null }, audit: audit('message.send') });
      expect(await fixture.store.listMessages(enrollment.id)).toHaveLength(3);
    });

    it('keeps one message when two retries with one client id arrive at the same time', async () => {
      const fixture = await create();
      const { enrollment } = await enrolled(fixture);
      const clientId = '0196f3a2-7c1e-4d2a-9b1f-1c2d3e4f5a6c';
      const send = () => fixture.store.addMessage({ message: { id: `message-${++counter}`, enrollmentId: enrollment.id, from: 'patient', authorId: fixture.patientId, body: 'Twice at once', sentAt: AT, readAt: null, clientId }, audit: audit('message.send') });
      const results = await Promise.all([send(), send(), send()]);
      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(new Set(results.map((result) => result.message.id)).size).toBe(1);
      expect(await fixture.store.listMessages(enrollment.id)).toHaveLength(1);
    });

    it('records the read rows of one answer all or none', async () => {
      const fixture = await create();
      const before = (await fixture.auditActions()).length;
      await fixture.store.recordReads([audit('patient.read'), audit('patient.read')]);
      expect((await fixture.auditActions()).slice(before)).toEqual(['patient.read', 'patient.read']);
      // The second row repeats an id: neither row may stay.
      const twice = audit('patient.read');
      await expect(fixture.store.recordReads([audit('report.read'), twice, twice])).rejects.toThrow();
      expect((await fixture.auditActions()).slice(before)).toEqual(['patient.read', 'patient.read']);
      await fixture.store.recordReads([]);
      expect((await fixture.auditActions()).length).toBe(before + 2);
    });

    it('claims a reminder once per enrollment, item and day, queueing its e-mail only with the claim', async () => {
      const fixture = await create();
      const { enrollment } = await enrolled(fixture);
      const claim = { enrollmentId: enrollment.id, kind: 'registration', itemId: 'daily', localDate: '2026-03-02', at: AT };
      expect(await fixture.store.claimReminder({ ...claim, mail: reminderMail('Monday') })).toBe(true);
      expect(await fixture.store.claimReminder({ ...claim, mail: reminderMail('Monday again') })).toBe(false);
      expect(await fixture.store.claimReminder({ ...claim, itemId: 'weekly', mail: reminderMail('Weekly') })).toBe(true);
      expect(await fixture.store.claimReminder({ ...claim, localDate: '2026-03-03', mail: reminderMail('Tuesday') })).toBe(true);
      expect((await fixture.queuedMail()).map((mail) => mail.text)).toEqual(['Monday', 'Weekly', 'Tuesday']);
    });

    it('leaves no claim when the reminder\'s e-mail cannot be queued, so the next sweep sends it', async () => {
      const fixture = await create();
      const { enrollment } = await enrolled(fixture);
      const claim = { enrollmentId: enrollment.id, kind: 'registration', itemId: 'daily', localDate: '2026-03-02', at: AT };
      fixture.failMail(true);
      await expect(fixture.store.claimReminder({ ...claim, mail: reminderMail('Lost?') })).rejects.toThrow();
      fixture.failMail(false);
      expect(await fixture.queuedMail()).toEqual([]);
      const mail = reminderMail('Retried');
      expect(await fixture.store.claimReminder({ ...claim, mail })).toBe(true);
      expect(await fixture.queuedMail()).toEqual([mail]);
    });
  });
}
