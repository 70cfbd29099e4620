import { describe, expect, it } from 'vitest';
import type { PatientScheduleStore } from '../../domain/care/patient-schedule-ports.js';
import type { CareAuditEntry, EnrollmentStatus } from '../../domain/care/ports.js';

/** What an implementation's test provides: a store on a database holding enrollment `enrollmentId` (active) of a patient, and `therapistId`. */
export interface PatientScheduleStoreFixture {
  schedules: PatientScheduleStore;
  enrollmentId: string;
  therapistId: string;
  /** The enrollment's stored status. */
  status(): Promise<EnrollmentStatus>;
  /** The audit rows written so far, by action. */
  auditActions(): Promise<string[]>;
  /** Deletes the enrollment, as the data administrator's purge does. */
  deleteEnrollment(): Promise<void>;
}

const AT = '2026-03-02T08:00:00.000Z';
let counter = 0;
const audit = (action: string): CareAuditEntry => ({ id: `schedule-audit-${++counter}`, at: AT, actorId: null, actorRole: null, action, objectType: 'enrollment', objectId: 'x', organisationId: null, unitId: null, patientId: null, requestId: null, ip: null, details: {} });

/**
 * Behaviour every PatientScheduleStore must have: nothing stored reads as revision 0, each save is
 * a compare-and-set on the revision (so concurrent therapists cannot overwrite each other), a
 * pause's status change commits with it or not at all, and each save writes its audit row.
 */
export function runPatientScheduleStoreContract(name: string, create: () => Promise<PatientScheduleStoreFixture>): void {
  describe(`patient schedule store contract (${name})`, () => {
    it('reads an enrollment without adjustments as revision 0, and saves revision after revision', async () => {
      const fixture = await create();
      expect(await fixture.schedules.get(fixture.enrollmentId)).toEqual({ enrollmentId: fixture.enrollmentId, adjustments: {}, revision: 0, updatedAt: null, updatedBy: null });
      const first = await fixture.schedules.save({ enrollmentId: fixture.enrollmentId, revision: 0, adjustments: { hiddenModules: ['week2'] }, at: AT, by: fixture.therapistId, audit: audit('schedule.change') });
      expect(first).toEqual({ ok: true, value: { enrollmentId: fixture.enrollmentId, adjustments: { hiddenModules: ['week2'] }, revision: 1, updatedAt: AT, updatedBy: fixture.therapistId } });
      const second = await fixture.schedules.save({ enrollmentId: fixture.enrollmentId, revision: 1, adjustments: { registrationDeadlines: { diary: '18:00' } }, at: '2026-03-03T08:00:00.000Z', by: fixture.therapistId, audit: audit('schedule.change') });
      expect(second).toMatchObject({ ok: true, value: { revision: 2, adjustments: { registrationDeadlines: { diary: '18:00' } } } });
      expect(await fixture.schedules.get(fixture.enrollmentId)).toMatchObject({ revision: 2, updatedAt: '2026-03-03T08:00:00.000Z' });
      expect(await fixture.auditActions()).toEqual(['schedule.change', 'schedule.change']);
    });

    it('refuses a save on a revision that is no longer current, writing nothing', async () => {
      const fixture = await create();
      const saves = await Promise.all([0, 0, 0].map((revision, index) => fixture.schedules.save({ enrollmentId: fixture.enrollmentId, revision, adjustments: { hiddenModules: [`m${index}`] }, at: AT, by: fixture.therapistId, audit: audit('schedule.change') })));
      expect(saves.filter((result) => result.ok)).toHaveLength(1);
      expect(saves.filter((result) => !result.ok)).toEqual([{ ok: false, reason: 'stale' }, { ok: false, reason: 'stale' }]);
      expect(await fixture.schedules.save({ enrollmentId: fixture.enrollmentId, revision: 7, adjustments: {}, at: AT, by: fixture.therapistId, audit: audit('schedule.change') })).toEqual({ ok: false, reason: 'stale' });
      expect(await fixture.auditActions()).toEqual(['schedule.change']);
      expect((await fixture.schedules.get(fixture.enrollmentId)).revision).toBe(1);
    });

    it('changes the enrollment\'s status with a pause only if it is still what the caller saw, all or nothing', async () => {
      const fixture = await create();
      const pause = { pauses: [{ pausedAt: AT, resumedAt: null }] };
      expect(await fixture.schedules.save({ enrollmentId: fixture.enrollmentId, revision: 0, adjustments: pause, at: AT, by: fixture.therapistId, status: { from: 'paused', to: 'active' }, audit: audit('enrollment.status') })).toEqual({ ok: false, reason: 'stale' });
      expect(await fixture.schedules.get(fixture.enrollmentId)).toMatchObject({ revision: 0, adjustments: {} });
      expect(await fixture.status()).toBe('active');
      expect(await fixture.auditActions()).toEqual([]);
      expect(await fixture.schedules.save({ enrollmentId: fixture.enrollmentId, revision: 0, adjustments: pause, at: AT, by: fixture.therapistId, status: { from: 'active', to: 'paused' }, audit: audit('enrollment.status') })).toMatchObject({ ok: true, value: { revision: 1, adjustments: pause } });
      expect(await fixture.status()).toBe('paused');
      expect(await fixture.auditActions()).toEqual(['enrollment.status']);
    });

    it('answers missing for an unknown enrollment, and the adjustments go with a purged enrollment', async () => {
      const fixture = await create();
      expect(await fixture.schedules.save({ enrollmentId: 'no-such-enrollment', revision: 0, adjustments: {}, at: AT, by: fixture.therapistId, audit: audit('schedule.change') })).toEqual({ ok: false, reason: 'missing' });
      await fixture.schedules.save({ enrollmentId: fixture.enrollmentId, revision: 0, adjustments: { hiddenModules: ['a'] }, at: AT, by: fixture.therapistId, audit: audit('schedule.change') });
      await fixture.deleteEnrollment();
      expect((await fixture.schedules.get(fixture.enrollmentId)).revision).toBe(0);
    });
  });
}
