import { addDays, localDateOf, localMidnight } from '@careloom/format/engine';
import type { NoticeSettings, PatientOutreach, PatientNotice } from '@careloom/format/api';
import { languageOf } from '@careloom/client/messages';
import { DomainError } from '../errors.js';
import { mailText, type MailMessageKey } from '../mail-messages/index.js';
import { patientRefusal } from './policy.js';
import { actorOf, auditPatientRead, careAudit, enrollmentFor } from './care-access.js';
import type { CareContext, CareDeps } from './care-deps.js';
import type { EnrollmentSchedule } from './enrollment-schedule.js';
import { contentLanguages } from './invitation-mail.js';
import type { PatientNoticeKind, PatientNoticeRecord } from './outreach-ports.js';
import type { EnrollmentRecord, UnitRecord } from './ports.js';

/** At most one "new message" e-mail per patient in this long, however many messages arrive (CARELOOM_MESSAGE_NOTICE_MINUTES). */
export const DEFAULT_MESSAGE_NOTICE_INTERVAL_MS = 60 * 60_000;

const SYSTEM: CareContext = { principal: undefined, requestId: null, ip: null };

/**
 * A notice e-mail to a patient. It travels outside Careloom, to an inbox others may read, so it
 * names nothing about their care: no unit (its name can tell a condition), no module, no therapist,
 * no message text; only that something waits and a link to the patient app.
 *
 * @example
 * noticeMail('message', 'sv', 'https://care.example'); // { subject: 'Du har ett nytt meddelande i Careloom', text: '… https://care.example/#/messages …' }
 */
export function noticeMail(kind: PatientNoticeKind, language: string, publicUrl: string): { subject: string; text: string } {
  const tag = languageOf(language);
  const base = publicUrl.replace(/\/+$/, '');
  const url = kind === 'message' ? `${base}/#/messages` : `${base}/#/today`;
  return { subject: mailText(tag, `mail.notice.${kind}.subject` as MailMessageKey), text: mailText(tag, `mail.notice.${kind}.text` as MailMessageKey, { url }) };
}

/** The language a patient's mail is written in: the one they were enrolled in, else the program's. */
async function languageFor(deps: CareDeps, enrollment: EnrollmentRecord, cache: Map<string, string>): Promise<string> {
  if (enrollment.language) return enrollment.language;
  const cached = cache.get(enrollment.deploymentId);
  if (cached) return cached;
  const deployment = await deps.store.getDeployment(enrollment.deploymentId);
  const language = deployment ? (await contentLanguages(deps, deployment.documentId, deployment.version)).defaultLanguage : 'en';
  cache.set(enrollment.deploymentId, language);
  return language;
}

function presentNotice(notice: PatientNoticeRecord): PatientNotice {
  return { id: notice.id, kind: notice.kind, sentAt: notice.sentAt, sentByName: notice.sentByName };
}

/**
 * Notifications and outreach to patients: the patient's own choice about e-mail notices, the
 * minute job's "new message" notices (at most one per patient per interval, only while a message
 * is unread), and a therapist's reminder from the patient page (once per patient per local day of
 * the unit, counted in the database). Every e-mail goes through the outbox in the transaction that
 * claims it (`PatientNoticeStore.claimNotice`), which also re-reads the patient's choice.
 */
export function createOutreachCommands(deps: CareDeps) {
  const intervalMs = deps.messageNoticeIntervalMs ?? DEFAULT_MESSAGE_NOTICE_INTERVAL_MS;

  const patientOf = (context: CareContext): string => {
    const refused = patientRefusal(context.principal);
    if (refused) throw new DomainError(refused.code, refused.reason);
    return actorOf(context);
  };

  const outreachOf = async (enrollment: EnrollmentRecord, unit: UnitRecord): Promise<PatientOutreach> => {
    const notices = await deps.patientNotices.listNotices(enrollment.id, 50);
    const today = localDateOf(deps.now().toISOString(), unit.timeZone);
    return {
      emailNotices: await deps.patientNotices.emailNotices(enrollment.patientId),
      reminderSentToday: notices.some((notice) => notice.kind === 'reminder' && localDateOf(notice.sentAt, unit.timeZone) === today),
      notices: notices.map(presentNotice),
    };
  };

  return {
    async myNoticeSettings(context: CareContext): Promise<NoticeSettings> {
      return { emailNotices: await deps.patientNotices.emailNotices(patientOf(context)) };
    },

    async setMyNoticeSettings(context: CareContext, body: NoticeSettings): Promise<NoticeSettings> {
      const patientId = patientOf(context);
      const at = deps.now().toISOString();
      await deps.patientNotices.setEmailNotices({
        patientId, emailNotices: body.emailNotices, at,
        audit: careAudit(deps, context, { at, role: 'patient', action: 'notice.settings', objectType: 'person', objectId: patientId, patientId, details: { noticesOn: body.emailNotices } }),
      });
      return { emailNotices: body.emailNotices };
    },

    /** The patient page's outreach: the patient's choice, and what was e-mailed about this enrollment (audited as a read). */
    async patientOutreach(context: CareContext, enrollmentId: string): Promise<PatientOutreach> {
      const { enrollment, unit, role } = await enrollmentFor(deps, context, enrollmentId, 'enrollment.read');
      await auditPatientRead(deps, context, role, enrollment, unit, 'outreach');
      return outreachOf(enrollment, unit);
    },

    /**
     * A therapist's reminder: a fixed e-mail in the patient's language that names nothing of their
     * care. Refused once the enrollment ended or before the patient accepted it, when the patient
     * turned e-mail notices off (409), and a second time on the unit's same day (429).
     */
    async sendReminder(context: CareContext, enrollmentId: string): Promise<PatientOutreach> {
      const { enrollment, unit, role } = await enrollmentFor(deps, context, enrollmentId, 'enrollment.write');
      const refuse = (code: string, message: string) => new DomainError('conflict', message, { issues: [{ code, path: '', message }] });
      if (enrollment.status === 'ended') throw refuse('reminder.enrollment_ended', 'The enrollment has ended; a reminder can no longer be sent.');
      if (enrollment.acceptedAt === null) throw refuse('reminder.not_accepted', 'The patient has not accepted the invitation yet; send a new invitation instead.');
      const email = await deps.accounts.email(enrollment.patientId);
      if (email === undefined) throw refuse('reminder.no_address', 'The patient has no e-mail address.');
      const now = deps.now();
      const at = now.toISOString();
      const localDate = localDateOf(at, unit.timeZone);
      const language = await languageFor(deps, enrollment, new Map());
      const id = deps.newId();
      const claimed = await deps.patientNotices.claimNotice({
        notice: { id, patientId: enrollment.patientId, enrollmentId: enrollment.id, kind: 'reminder', sentAt: at, sentBy: actorOf(context), localDate },
        claims: [],
        mail: { id: deps.newId(), to: email, ...noticeMail('reminder', language, deps.publicUrl()), organisationId: unit.organisationId, createdAt: at },
        audit: careAudit(deps, context, { at, role, action: 'notice.reminder', objectType: 'enrollment', objectId: enrollment.id, unit, patientId: enrollment.patientId, details: { noticeId: id, language } }),
      });
      if (!claimed.ok && claimed.reason === 'off') throw refuse('reminder.notices_off', 'The patient has turned e-mail notices off in the patient app; reach them by a message or by phone.');
      if (!claimed.ok) {
        const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(localMidnight(addDays(localDate, 1), unit.timeZone)) - now.getTime()) / 1000));
        throw new DomainError('rate_limited', 'A reminder was already sent to this patient today. You can send the next one tomorrow.', { retryAfterSeconds, issues: [{ code: 'reminder.once_a_day', path: '', message: 'One reminder a day.' }] });
      }
      return outreachOf(enrollment, unit);
    },

    /**
     * The minute job's message notices: each patient with a therapist's message they have not read,
     * newer than their last notice, gets one e-mail, unless one went out within the interval (then
     * the next run after it sends one for everything still unread). Returns how many were sent.
     */
    async runMessageNotices(at: Date): Promise<number> {
      const now = at.toISOString();
      const notSince = new Date(at.getTime() - intervalMs).toISOString();
      const languages = new Map<string, string>();
      let sent = 0;
      for (const pending of await deps.patientNotices.pendingMessageNotices(now)) {
        try {
          const enrollment = await deps.store.getEnrollment(pending.enrollmentId);
          const unit = enrollment ? await deps.store.getUnit(enrollment.unitId) : undefined;
          const email = enrollment ? await deps.accounts.email(enrollment.patientId) : undefined;
          if (!enrollment || !unit || email === undefined) continue;
          const language = await languageFor(deps, enrollment, languages);
          const id = deps.newId();
          const claimed = await deps.patientNotices.claimNotice({
            notice: { id, patientId: pending.patientId, enrollmentId: enrollment.id, kind: 'message', sentAt: now, sentBy: null },
            claims: [`message:${pending.messageId}`],
            notSince,
            mail: { id: deps.newId(), to: email, ...noticeMail('message', language, deps.publicUrl()), organisationId: unit.organisationId, createdAt: now },
            audit: careAudit(deps, SYSTEM, { at: now, role: null, action: 'notice.send', objectType: 'enrollment', objectId: enrollment.id, unit, patientId: enrollment.patientId, details: { noticeId: id, kind: 'message', language } }),
          });
          if (claimed.ok) sent += 1;
        } catch (error) {
          deps.logger.error('A message notice failed; the next run tries again', { patientId: pending.patientId, cause: error instanceof Error ? error.message : String(error) });
        }
      }
      return sent;
    },
  };
}

/**
 * The minute job's "new material" notice for one enrollment (called by due-work.ts with the
 * schedule it computed): one e-mail for the modules the engine unlocked in the job's window
 * (`since`, `now`], each module claimed once for ever, so two runners or a restart send it once.
 * Left out: modules open from the start or before the patient accepted (the invitation told them),
 * hidden ones, and those the patient has been active since (they have seen them).
 */
export async function noticeUnlockedModules(deps: CareDeps, enrollment: EnrollmentRecord, unit: UnitRecord, schedule: EnrollmentSchedule, since: string, now: string): Promise<boolean> {
  if (enrollment.acceptedAt === null || enrollment.status !== 'active') return false;
  const after = [since, enrollment.startedAt, enrollment.acceptedAt, enrollment.lastActivityAt ?? ''].reduce((latest, candidate) => (candidate > latest ? candidate : latest));
  const unlocked = schedule.status.modules.filter((module) => module.unlockedAt !== null && module.hidden !== true && module.unlockedAt > after && module.unlockedAt <= now);
  if (unlocked.length === 0) return false;
  const email = await deps.accounts.email(enrollment.patientId);
  if (email === undefined) return false;
  const language = enrollment.language ?? schedule.program.defaultLanguage;
  const id = deps.newId();
  const claimed = await deps.patientNotices.claimNotice({
    notice: { id, patientId: enrollment.patientId, enrollmentId: enrollment.id, kind: 'material', sentAt: now, sentBy: null },
    claims: unlocked.map((module) => `material:${enrollment.id}:${module.key}`),
    mail: { id: deps.newId(), to: email, ...noticeMail('material', language, deps.publicUrl()), organisationId: unit.organisationId, createdAt: now },
    audit: careAudit(deps, SYSTEM, { at: now, role: null, action: 'notice.send', objectType: 'enrollment', objectId: enrollment.id, unit, patientId: enrollment.patientId, details: { noticeId: id, kind: 'material', language, modules: unlocked.length } }),
  });
  return claimed.ok;
}
