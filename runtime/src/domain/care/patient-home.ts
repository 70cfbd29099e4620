import type { MyEnrollment as WireMyEnrollment, Program as WireProgram, Today as WireToday } from '@careloom/format/api';
import { DomainError } from '../errors.js';
import { ownEnrollment, patientId } from './care-access.js';
import type { CareContext, CareDeps } from './care-deps.js';
import { loadModule, textIn } from './care-content.js';
import { loadEnrollmentSchedule, tryLoadEnrollmentSchedule } from './enrollment-schedule.js';
import { presentMessage } from './messages.js';
import type { MessageView } from './messages.js';
import { dueItems, moduleTitles, newModules, programModules } from './program-view.js';

/** One of the patient's enrollments (GET /api/me/enrollments): the wire type. */
export type MyEnrollmentView = WireMyEnrollment;

/** Today (GET /api/me/today); `paused` names the programs the therapist paused, so the patient knows why nothing of them is due. */
export type TodayView = WireToday;

/**
 * The language of the server's texts for one of the patient's enrollments: the one the request asks
 * for (`?lang=`, the patient app's interface language), else the one the patient was enrolled in,
 * else the program's default (textIn).
 */
function languageFor(context: CareContext, enrollment: { language?: string }): string | undefined {
  return context.language ?? enrollment.language;
}

/** How many recent messages Today shows. */
const LATEST_MESSAGES = 5;

/** The patient's own views: their enrollments, Today, a program's modules, and the module versions they are on. */
export function createPatientHomeCommands(deps: CareDeps) {
  const mine = async (context: CareContext) => {
    const personId = patientId(context);
    // An enrollment is the patient's once they took its invitation up, whatever its status says.
    return (await deps.store.listEnrollmentsOfPatient(personId)).filter((enrollment) => enrollment.acceptedAt !== null && enrollment.status !== 'invited');
  };

  return {
    async myEnrollments(context: CareContext): Promise<MyEnrollmentView[]> {
      const views: MyEnrollmentView[] = [];
      for (const enrollment of await mine(context)) {
        const unit = await deps.store.getUnit(enrollment.unitId);
        const deployment = await deps.store.getDeployment(enrollment.deploymentId);
        if (!unit || !deployment) continue;
        const loaded = await tryLoadEnrollmentSchedule(deps, enrollment, unit, deps.now().toISOString());
        views.push({
          id: enrollment.id,
          title: loaded.ok ? textIn(loaded.schedule.program.title, loaded.schedule.program, languageFor(context, enrollment)) : deployment.title,
          status: enrollment.status,
          startedOn: enrollment.startedOn,
          unit: { id: unit.id, name: unit.name, settings: { contactName: unit.name, ...unit.settings } },
        });
      }
      return views;
    },

    /** What is due and new across the patient's active enrollments, and the newest messages first. */
    async today(context: CareContext): Promise<TodayView> {
      const now = deps.now().toISOString();
      const view: TodayView = { due: [], paused: [], new: [], messages: { unread: 0, latest: [] } };
      const messages: Array<MessageView & { enrollmentId: string }> = [];
      for (const enrollment of await mine(context)) {
        const unit = await deps.store.getUnit(enrollment.unitId);
        if (!unit) continue;
        for (const message of await deps.store.listMessages(enrollment.id)) {
          messages.push({ ...presentMessage(message), enrollmentId: enrollment.id });
          if (message.from === 'therapist' && message.readAt === null) view.messages.unread += 1;
        }
        if (enrollment.status === 'paused') {
          const deployment = await deps.store.getDeployment(enrollment.deploymentId);
          const loaded = await tryLoadEnrollmentSchedule(deps, enrollment, unit, now);
          view.paused.push({ enrollmentId: enrollment.id, title: loaded.ok ? textIn(loaded.schedule.program.title, loaded.schedule.program, languageFor(context, enrollment)) : (deployment?.title ?? '') });
        }
        if (enrollment.status !== 'active') continue;
        // An enrollment whose schedule cannot be computed adds nothing due; the others still do.
        const loaded = await tryLoadEnrollmentSchedule(deps, enrollment, unit, now);
        if (!loaded.ok) continue;
        const schedule = loaded.schedule;
        const titles = await moduleTitles(deps, enrollment, languageFor(context, enrollment));
        view.due.push(...dueItems(schedule, enrollment, titles));
        view.new.push(...newModules(schedule, enrollment, titles));
      }
      view.due.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff'));
      view.new.sort((a, b) => b.unlockedAt.localeCompare(a.unlockedAt));
      view.messages.latest = messages.sort((a, b) => b.sentAt.localeCompare(a.sentAt)).slice(0, LATEST_MESSAGES);
      return view;
    },

    async myProgram(context: CareContext, enrollmentId: string): Promise<WireProgram> {
      const { enrollment, unit } = await ownEnrollment(deps, context, enrollmentId);
      const schedule = await loadEnrollmentSchedule(deps, enrollment, unit, deps.now().toISOString());
      const titles = await moduleTitles(deps, enrollment, languageFor(context, enrollment));
      return { title: textIn(schedule.program.title, schedule.program, languageFor(context, enrollment)), week: schedule.status.week, modules: programModules(schedule, enrollment, titles, { forPatient: true }) };
    },

    /** A module version the patient is enrolled on (any of their enrollments): the immutable document and its hash. */
    async moduleVersion(context: CareContext, moduleId: string, version: number): Promise<{ content: unknown; contentHash: string; json?: string }> {
      const enrolled = (await mine(context)).some((enrollment) => enrollment.modules.some((pin) => pin.moduleId === moduleId && pin.version === version));
      if (!enrolled) throw new DomainError('not_found', `You are not enrolled on "${moduleId}" version ${version}.`);
      const { version: released } = await loadModule(deps, { moduleId, version });
      return { content: released.content, contentHash: released.contentHash, ...(released.json === undefined ? {} : { json: released.json }) };
    },
  };
}
