import type { Enrollment as WireEnrollment, EnrollmentDetail as WireEnrollmentDetail } from '@careloom/format/api';
import type { PatientRow as WirePatientRow } from '@careloom/format/api';
import type { PatientInvitation as WirePatientInvitation } from '@careloom/format/api';
import { createHash } from 'node:crypto';
import { addDays, isCalendarDate } from '@careloom/format/engine';
import { localDateOf, localMidnight } from '@careloom/format/engine';
import { DomainError } from '../errors.js';
import type { Role } from '../principal.js';
import { actorOf, auditPatientRead, auditPatientReads, careAudit, enrollmentFor, unitFor } from './care-access.js';
import type { CareContext, CareDeps } from './care-deps.js';
import { loadModule, textIn } from './care-content.js';
import { latestScore } from './latest-score.js';
import { normalizeInvitationCode } from './invitation-code.js';
import { contentLanguages, invitationLanguage, invitationMail } from './invitation-mail.js';
import { loadEnrollmentSchedule, tryLoadEnrollmentSchedule } from './enrollment-schedule.js';
import { alertPeople, presentAlert } from './alerts.js';
import { changePausedStatus } from './patient-schedule.js';
import { presentPlans } from './plans.js';
import { dueItems, lastActivity, moduleTitles, programModules } from './program-view.js';
import { MAIL_SECRET, type EnrollmentRecord, type UnitRecord } from './ports.js';
import { presentUnit } from './units.js';

/** An enrollment as the API shows it: the wire type. */
export type EnrollmentView = WireEnrollment;

/** The code a new patient enrolls with: the wire type. */
export type InvitationView = WirePatientInvitation;

/** A row of the unit's patient list: the wire type. */
export type PatientListEntry = WirePatientRow;

/** One enrollment for its therapist (GET /api/care/enrollments/:id): the wire type. */
export type EnrollmentDetail = WireEnrollmentDetail;

export const DEFAULT_INVITATION_TTL_MS = 14 * 24 * 3600_000;
const DAY_MS = 24 * 3600_000;
/** How far before or after today an enrollment may start. */
const START_WINDOW_DAYS = 365;

export function presentEnrollment(enrollment: EnrollmentRecord): EnrollmentView {
  const { id, unitId, deploymentId, patientId, status, startedOn, createdAt, modules, acceptedAt } = enrollment;
  return { id, unitId, deploymentId, patientId, status, startedOn, createdAt, modules, acceptedAt, ...(enrollment.language !== undefined ? { language: enrollment.language } : {}) };
}

/** SHA-256 of an invitation code in its canonical form (`normalizeInvitationCode`): only the hash is stored. */
export function invitationHash(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}

/**
 * How much a patient needs the therapist now, for sorting: open alerts outweigh unread messages,
 * which outweigh overdue reports, which outweigh days without activity (counted up to a week).
 */
export function attentionScore(entry: { openAlerts: number; unreadMessages: number; overdueReports: number; inactiveDays: number }): number {
  return entry.openAlerts * 1000 + Math.min(entry.unreadMessages, 9) * 100 + Math.min(entry.overdueReports, 9) * 10 + Math.min(entry.inactiveDays, 7);
}

/** The link in an invitation: the patient app opens the invitation in the patient's language. */
export function invitationUrl(deps: Pick<CareDeps, 'publicUrl'>, code: string, language: string): string {
  return `${deps.publicUrl().replace(/\/$/, '')}/#/invite/${code}?lang=${encodeURIComponent(language)}`;
}

export function createEnrollmentCommands(deps: CareDeps) {
  /** Creates the enrollment, the patient's account (if new) and a one-time invitation, and e-mails the link. */
  const enroll = async (
    context: CareContext,
    unit: UnitRecord,
    role: Role,
    input: { deploymentId: string; patient: { name: string; email: string }; startsOn?: string; language?: string },
    referral?: { id: string },
  ): Promise<{ enrollment: EnrollmentView; invitation: InvitationView }> => {
    const deployment = await deps.store.getDeployment(input.deploymentId);
    if (!deployment || deployment.unitId !== unit.id) {
      const message = `The unit has no deployment "${input.deploymentId}".`;
      throw new DomainError('invalid', message, { issues: [{ code: 'enrollment.unknown_deployment', path: '/deploymentId', message }] });
    }
    if (deployment.status !== 'active') throw new DomainError('conflict', `"${deployment.title}" was withdrawn from this unit; it takes no new patients.`);
    if (!unit.active) throw new DomainError('conflict', `The unit "${unit.name}" is not active.`);
    const now = deps.now();
    const today = localDateOf(now.toISOString(), unit.timeZone);
    const startsOn = input.startsOn ?? today;
    if (!isCalendarDate(startsOn)) {
      const message = `"${startsOn}" is not a date (YYYY-MM-DD).`;
      throw new DomainError('invalid', message, { issues: [{ code: 'enrollment.starts_on', path: '/startsOn', message }] });
    }
    // A start more than a year away either way is a typing slip (9999-12-31 once broke the unit's
    // lists and the minute job); a program that should start later is enrolled later.
    const earliest = addDays(today, -START_WINDOW_DAYS);
    const latest = addDays(today, START_WINDOW_DAYS);
    if (startsOn < earliest || startsOn > latest) {
      const message = `The start date must be within a year of today, from ${earliest} to ${latest}; ${startsOn} is not.`;
      throw new DomainError('invalid', message, { issues: [{ code: 'enrollment.starts_on_out_of_range', path: '/startsOn', message }] });
    }
    const declared = await contentLanguages(deps, deployment.documentId, deployment.version);
    const language = invitationLanguage(declared, input.language);
    const at = now.toISOString();
    const actor = actorOf(context);
    // Everything from here on reads the same whether or not the address already had an account:
    // the name and address are the ones the therapist typed, the invitee gets no role until they
    // take the invitation up, and the answer has the same shape (finding 1 of issue 9).
    const name = input.patient.name.trim();
    const email = input.patient.email.trim();
    const patient = { ...(await deps.accounts.invitee({ name, email, organisationId: unit.organisationId, at, actorId: actor })), name, email };
    const existing = (await deps.store.listEnrollmentsOfPatient(patient.personId)).find((candidate) => candidate.deploymentId === deployment.id && candidate.status !== 'ended');
    if (existing) throw new DomainError('conflict', `This e-mail address is already enrolled in "${deployment.title}" at this unit.`);
    const enrollment: EnrollmentRecord = {
      id: deps.newId(),
      unitId: unit.id,
      deploymentId: deployment.id,
      patientId: patient.personId,
      status: 'invited',
      startedOn: startsOn,
      startedAt: localMidnight(startsOn, unit.timeZone),
      modules: deployment.modules,
      createdBy: actor,
      createdAt: at,
      updatedAt: at,
      lastActivityAt: null,
      acceptedAt: null,
      invitedName: name,
      ...(input.language !== undefined ? { language } : {}),
    };
    const code = deps.newInvitationCode();
    const canonical = normalizeInvitationCode(code);
    if (canonical === undefined) throw new Error('newInvitationCode made a code that cannot be typed back.');
    const expiresAt = new Date(now.getTime() + (deps.invitationTtlMs ?? DEFAULT_INVITATION_TTL_MS)).toISOString();
    const url = invitationUrl(deps, code, language);
    // The stored e-mail carries the code only as a placeholder; the outbox seals the code itself.
    const mail = invitationMail({ language, patientName: patient.name, unitName: unit.name, title: declared.title(language) ?? deployment.title, url: invitationUrl(deps, MAIL_SECRET, language), code: MAIL_SECRET, expiresOn: localDateOf(expiresAt, unit.timeZone) });
    // The invitation joins the enrollment's transaction in the mail outbox: it exists exactly when
    // the enrollment does, survives a restart, and the relay (retried by the dispatcher) never
    // delays or fails this request.
    const stored = await deps.store.createEnrollment({
      enrollment,
      invitation: { codeHash: invitationHash(canonical), enrollmentId: enrollment.id, personId: patient.personId, createdAt: at, expiresAt, redeemedAt: null },
      ...(referral ? { referral: { id: referral.id, at, by: actor } } : {}),
      mail: { id: deps.newId(), to: patient.email, ...mail, secret: code, organisationId: unit.organisationId, createdAt: at },
      audit: careAudit(deps, context, { at, role, action: referral ? 'referral.accept' : 'enrollment.create', objectType: 'enrollment', objectId: enrollment.id, unit, patientId: patient.personId, details: { deploymentId: deployment.id, startedOn: startsOn, ...(referral ? { referralId: referral.id } : {}) } }),
    });
    return { enrollment: presentEnrollment(stored), invitation: { code, url, expiresAt } };
  };

  return {
    enroll,

    async enrollPatient(context: CareContext, unitId: string, input: { deploymentId: string; patient: { name: string; email: string }; startsOn?: string; language?: string }) {
      const { unit, role } = await unitFor(deps, context, unitId, 'enrollment.create');
      return enroll(context, unit, role, input);
    },

    /** The unit's patients, most in need of attention first. */
    async listPatients(context: CareContext, unitId: string, options: { mine?: boolean } = {}): Promise<PatientListEntry[]> {
      const { unit, role } = await unitFor(deps, context, unitId, 'patients.read');
      const now = deps.now();
      const activity = new Map((await deps.store.enrollmentActivity(unit.id)).map((entry) => [entry.enrollmentId, entry]));
      // "My patients": those the therapist is responsible for; only they are read (and audited).
      const mine = options.mine && deps.responsible ? new Set(await deps.responsible.patientsOf(unit.id, actorOf(context))) : undefined;
      const entries: PatientListEntry[] = [];
      for (const enrollment of await deps.store.listEnrollmentsOfUnit(unit.id)) {
        if (mine && !mine.has(enrollment.patientId)) continue;
        // One enrollment whose schedule cannot be computed is listed with its problem; the others still show.
        const loaded = await tryLoadEnrollmentSchedule(deps, enrollment, unit, now.toISOString());
        const schedule = loaded.ok ? loaded.schedule : undefined;
        const counts = activity.get(enrollment.id);
        const open = enrollment.status === 'active' || enrollment.status === 'invited';
        const overdueReports = open && schedule ? schedule.status.dueMeasurements.filter((due) => due.overdue).length + schedule.status.dueRegistrations.filter((due) => due.overdue).length : 0;
        const fromResponses = schedule ? lastActivity(schedule) : null;
        const lastActivityAt = [fromResponses, enrollment.lastActivityAt].filter((at): at is string => at !== null).sort().at(-1) ?? null;
        const since = lastActivityAt ?? enrollment.startedAt;
        const inactiveDays = open ? Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / DAY_MS)) : 0;
        const openAlerts = counts?.openAlerts ?? 0;
        const unreadMessages = counts?.unreadMessages ?? 0;
        // Shown beside the triage reason, never part of it: the order stays alerts, messages, overdue, silence.
        const score = schedule ? await latestScore(schedule.responses, async (response) => (await loadModule(deps, { moduleId: response.moduleId, version: response.moduleVersion })).module, context.language) : undefined;
        entries.push({
          enrollmentId: enrollment.id,
          patient: { id: enrollment.patientId, name: counts?.patientName ?? '' },
          deploymentId: enrollment.deploymentId,
          title: loaded.ok ? textIn(loaded.schedule.program.title, loaded.schedule.program, context.language) : loaded.unreadable.title,
          status: enrollment.status,
          startedOn: enrollment.startedOn,
          ...(loaded.ok ? {} : { problem: loaded.unreadable.problem }),
          openAlerts,
          unreadMessages,
          overdueReports,
          lastActivityAt,
          attention: attentionScore({ openAlerts, unreadMessages, overdueReports, inactiveDays }),
          ...(score ? { latestScore: score } : {}),
        });
      }
      await auditPatientReads(deps, context, role, unit, entries.map((entry) => ({ enrollment: { id: entry.enrollmentId, patientId: entry.patient.id }, details: { read: 'patient list' } })));
      return entries.sort((a, b) => b.attention - a.attention || a.patient.name.localeCompare(b.patient.name));
    },

    /** One enrollment for its therapist: progress, what is due, alerts and plans. */
    async getEnrollment(context: CareContext, enrollmentId: string): Promise<EnrollmentDetail> {
      const { enrollment, unit, role } = await enrollmentFor(deps, context, enrollmentId, 'enrollment.read');
      const schedule = await loadEnrollmentSchedule(deps, enrollment, unit, deps.now().toISOString());
      const titles = await moduleTitles(deps, enrollment, context.language);
      const alerts = await deps.store.listAlerts({ enrollmentId: enrollment.id });
      // Until the patient accepts, the name the therapist typed: never the name of an account that had the address.
      const name = enrollment.acceptedAt === null && enrollment.invitedName !== null ? enrollment.invitedName : ((await deps.store.personName(enrollment.patientId)) ?? '');
      const people = await alertPeople(deps, alerts);
      await auditPatientRead(deps, context, role, enrollment, unit, 'enrollment');
      return {
        enrollment: presentEnrollment(enrollment),
        patient: { id: enrollment.patientId, name },
        unit: presentUnit(unit),
        program: { title: textIn(schedule.program.title, schedule.program, context.language), week: schedule.status.week, modules: programModules(schedule, enrollment, titles) },
        due: dueItems(schedule, enrollment, titles),
        // With the unit's clock, so the patient page shows each alert's response deadline as the inbox does.
        alerts: alerts.map((alert) => presentAlert(alert, people, { timeZone: unit.timeZone, now: deps.now().toISOString() })),
        plans: await presentPlans(deps, enrollment, context.language),
      };
    },

    async setStatus(context: CareContext, enrollmentId: string, status: 'active' | 'paused' | 'ended'): Promise<EnrollmentView> {
      const { enrollment, unit, role } = await enrollmentFor(deps, context, enrollmentId, 'enrollment.write');
      if (enrollment.status === status) return presentEnrollment(enrollment);
      if (enrollment.status === 'ended') throw new DomainError('conflict', 'An ended enrollment cannot be resumed; enroll the patient again.');
      // Pausing first must not make an enrollment active behind the patient's back.
      if (enrollment.acceptedAt === null && status === 'active') throw new DomainError('conflict', 'The patient has not accepted the invitation yet.');
      // Into or out of a pause: the status and the pause that moves the schedule are one write.
      if (status === 'paused' || enrollment.status === 'paused') return presentEnrollment(await changePausedStatus(deps, context, { enrollment, unit, role }, status));
      const at = deps.now().toISOString();
      const updated = await deps.store.setEnrollmentStatus({ id: enrollment.id, status, at, audit: careAudit(deps, context, { at, role, action: 'enrollment.status', objectType: 'enrollment', objectId: enrollment.id, unit, patientId: enrollment.patientId, details: { from: enrollment.status, to: status } }) });
      return presentEnrollment(updated);
    },
  };
}
