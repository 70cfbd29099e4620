import { missedRegistrations } from '@careloom/format/engine';
import { remindersDue } from '@careloom/format/engine';
import { localDateOf } from '@careloom/format/engine';
import { careAudit } from './care-access.js';
import type { CareContext, CareDeps } from './care-deps.js';
import { loadModule, pinOf } from './care-content.js';
import { moduleTitles } from './program-view.js';
import { reminderMail } from './reminder-mail.js';
import { noticeUnlockedModules } from './outreach.js';
import { registrationsOf } from './response-scoring.js';
import { assertSchedulable, loadEnrollmentSchedule } from './enrollment-schedule.js';
import { isDomainError } from '../errors.js';
import type { AlertRecord, EnrollmentRecord } from './ports.js';

export interface DueWorkResult {
  missingReportAlerts: number;
  remindersSent: number;
  /** "New material" e-mails sent for modules unlocked in the window (outreach.ts). */
  materialNotices: number;
  /** Enrollments whose work failed (e.g. content missing), each logged with its cause; the others still ran. */
  failed: number;
  /**
   * Enrollments left out because their stored data cannot be scheduled (a start date out of range,
   * written before enrolling checked it). Unlike a failure, retrying cannot help, so they do not
   * hold the window back; the caller logs them.
   */
  skipped: Array<{ enrollmentId: string; code: string }>;
}

const JOB = 'due-work';
/** On the first run ever, how far back to look. */
const FIRST_WINDOW_MS = 24 * 3600_000;
/** How long a window with failed work is swept again before the job moves on without it. */
const RETRY_WINDOW_MS = 3600_000;

const SYSTEM: CareContext = { principal: undefined, requestId: null, ip: null };

/**
 * The minute job: raises a missing-report alert for every registration with `alertWhenMissing`
 * whose deadline (in the unit's time zone) passed without an entry, and e-mails the reminders that
 * fell due, at most one per enrollment, item and local day. It covers the window since its last run
 * (stored, so a restart neither repeats nor skips), and both writes are idempotent anyway: a swept
 * deadline has a unique alert key, a sent reminder a unique claim. A reminder's claim and its e-mail
 * (a mail outbox row) are one store write: a crash never leaves a claimed reminder without its mail.
 * A reminder is written in the language the patient was enrolled in (else the program's), as the
 * invitation was, and names the unit, the module and the deadline: nothing the patient answered,
 * no score, zone or alert, since it travels to an inbox others may read. Each enrollment
 * whose work fails is logged (`deps.logger`) with its id and the cause, and the others still run.
 *
 * @example
 * setInterval(() => void care.runDueWork(clock.now()), 60_000);
 */
export function createDueWorkCommands(deps: CareDeps) {
  return {
    async runDueWork(at: Date): Promise<DueWorkResult> {
      const now = at.toISOString();
      const mark = await deps.store.jobMark(JOB);
      const windowStart = mark !== undefined && mark < now ? mark : new Date(at.getTime() - FIRST_WINDOW_MS).toISOString();
      const result: DueWorkResult = { missingReportAlerts: 0, remindersSent: 0, materialNotices: 0, failed: 0, skipped: [] };
      for (const enrollment of await deps.store.listOpenEnrollments()) {
        if (enrollment.status !== 'active') continue;
        try {
          assertSchedulable(enrollment);
        } catch (error) {
          result.skipped.push({ enrollmentId: enrollment.id, code: isDomainError(error) ? (error.issues[0]?.code ?? error.code) : 'enrollment.unschedulable' });
          continue;
        }
        try {
          const unit = await deps.store.getUnit(enrollment.unitId);
          if (!unit) continue;
          const schedule = await loadEnrollmentSchedule(deps, enrollment, unit, now);
          const since = windowStart > enrollment.startedAt ? windowStart : enrollment.startedAt;
          const alerts: AlertRecord[] = [];
          for (const missed of missedRegistrations(schedule.program, schedule.context, since)) {
            const registration = schedule.program.registrations?.find((candidate) => candidate.id === missed.registrationId);
            const block = registration ? await registrationBlock(deps, enrollment, registration.module.moduleId, registration.registration) : undefined;
            alerts.push({
              id: deps.newId(), enrollmentId: enrollment.id, unitId: unit.id, patientId: enrollment.patientId, kind: 'missing_report', severity: 'warning',
              message: `No report for ${missed.date} by its deadline (${registration?.deadline ?? ''}, ${unit.timeZone}).`,
              details: { code: 'missing_report', params: { day: missed.date, deadline: registration?.deadline ?? '', timeZone: unit.timeZone, title: block?.block.title ?? null, defaultLanguage: block?.defaultLanguage ?? schedule.program.defaultLanguage } },
              moduleId: registration?.module.moduleId ?? null, responseId: null, dedupeKey: `missing:${missed.registrationId}:${missed.date}`, createdAt: now, acknowledgedAt: null, acknowledgedBy: null,
            });
          }
          if (alerts.length > 0) {
            const raised = await deps.store.raiseAlerts({ alerts, audit: (alert) => careAudit(deps, SYSTEM, { at: now, role: null, action: 'alert.raise', objectType: 'alert', objectId: alert.id, unit, patientId: enrollment.patientId, details: { kind: alert.kind, dedupeKey: alert.dedupeKey } }) });
            result.missingReportAlerts += raised.length;
          }
          if (await noticeUnlockedModules(deps, enrollment, unit, schedule, since, now)) result.materialNotices += 1;
          const reminders = remindersDue(schedule.program, schedule.context, since, now).filter((reminder) => reminder.channels.includes('email'));
          if (reminders.length === 0) continue;
          const email = await deps.accounts.email(enrollment.patientId);
          if (!email) continue;
          // The language the patient was enrolled in (their invitation was in it), else the program's.
          const language = enrollment.language ?? schedule.program.defaultLanguage;
          const titles = await moduleTitles(deps, enrollment, language);
          for (const reminder of reminders) {
            const title = titles.get(reminder.moduleId) ?? reminder.moduleId;
            const written = reminderMail({ language, unitName: unit.name, title, dueAt: reminder.dueAt, timeZone: unit.timeZone, url: deps.publicUrl() });
            const mail = { id: deps.newId(), to: email, ...written, organisationId: unit.organisationId, createdAt: now };
            const claimed = await deps.store.claimReminder({ enrollmentId: enrollment.id, kind: reminder.kind, itemId: reminder.id, localDate: localDateOf(reminder.sendAt, unit.timeZone), at: now, mail });
            if (claimed) result.remindersSent += 1;
          }
        } catch (error) {
          result.failed += 1;
          deps.logger.error('Due work failed for an enrollment; its window is swept again', { enrollmentId: enrollment.id, cause: causeOf(error) });
        }
      }
      // After a failure the next run sweeps this window again: what failed gets its turn, and what
      // succeeded is not repeated (alert keys, claims). An enrollment that keeps failing holds the
      // window back for at most RETRY_WINDOW_MS: it cannot stall the job, and a retried reminder is at most that late.
      const retry = result.failed > 0 && at.getTime() - Date.parse(windowStart) < RETRY_WINDOW_MS;
      if (!retry) await deps.store.setJobMark(JOB, now);
      return result;
    },
  };
}

/** The registration block a program's registration names, in the module version the patient is on. */
async function registrationBlock(deps: CareDeps, enrollment: EnrollmentRecord, moduleId: string, registrationId: string) {
  const pin = pinOf(enrollment.modules, moduleId);
  if (!pin) return undefined;
  const { module } = await loadModule(deps, pin);
  const block = registrationsOf(module).find((candidate) => candidate.id === registrationId);
  return block ? { block, defaultLanguage: module.defaultLanguage } : undefined;
}

/** What went wrong, for the log (a DomainError's message starts with its code). */
function causeOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
