import type { Program } from '../generated/format.js';
import type { Issue } from '../issue.js';
import { isSupportedDate } from './calendar-date.js';
import { regularUnlockInstant } from './module-unlocks.js';
import { isPaused } from './schedule-adjustments.js';
import type { ScheduleAdjustments, SchedulePause } from './schedule-adjustments.js';
import type { ScheduleContext } from './schedule-context.js';
import { scheduleWeekStart } from './schedule-weeks.js';
import { localDateOf, parseInstant } from './zoned-time.js';

/** One change a therapist makes to a patient's schedule. */
export type ScheduleChange =
  /** Opens a module now, or at `at` (before the program would). */
  | { kind: 'unlockEarly'; moduleKey: string; at?: string }
  | { kind: 'hideModule'; moduleKey: string }
  | { kind: 'showModule'; moduleKey: string }
  /** This patient's deadline (`HH:MM`) for a registration; null goes back to the program's. */
  | { kind: 'setDeadline'; registrationId: string; deadline: string | null }
  | { kind: 'pause' }
  | { kind: 'resume' };

export type ScheduleChangeResult =
  | { ok: true; adjustments: ScheduleAdjustments }
  /** `conflict`: the change does not fit the schedule's state (already paused, already open); otherwise the input is wrong. */
  | { ok: false; conflict: boolean; issues: Issue[] };

/** How many pauses one enrollment may have: each is walked on every schedule computation. */
export const MAX_PAUSES = 50;

const DEADLINE = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Applies a therapist's change to a patient's schedule adjustments, or says why it cannot be made
 * (issues with JSON Pointers into the change). The context is the patient's schedule now, with the
 * adjustments so far. Hiding, showing and setting a deadline again are idempotent; an early unlock
 * must lie between now and the module's regular unlock, in a year the schedule can count in.
 *
 * @example
 * const result = applyScheduleChange(program, context, { kind: 'unlockEarly', moduleKey: 'week3' });
 * if (result.ok) await store.save(result.adjustments);
 */
export function applyScheduleChange(program: Program, context: ScheduleContext, change: ScheduleChange): ScheduleChangeResult {
  const current = context.adjustments ?? {};
  const invalid = (code: string, path: string, message: string): ScheduleChangeResult => ({ ok: false, conflict: false, issues: [{ code, path, message }] });
  const conflict = (code: string, message: string): ScheduleChangeResult => ({ ok: false, conflict: true, issues: [{ code, path: '', message }] });
  switch (change.kind) {
    case 'unlockEarly':
    case 'hideModule':
    case 'showModule': {
      const scheduled = program.modules.find((candidate) => candidate.key === change.moduleKey);
      if (!scheduled) return invalid('schedule.unknown_module', '/moduleKey', `The program has no module "${change.moduleKey}".`);
      const hidden = (current.hiddenModules ?? []).filter((key) => key !== change.moduleKey);
      if (change.kind === 'hideModule') return { ok: true, adjustments: { ...current, hiddenModules: [...hidden, change.moduleKey] } };
      if (change.kind === 'showModule') return { ok: true, adjustments: withList(current, 'hiddenModules', hidden) };
      const now = parseInstant(context.now);
      const atText = change.at ?? context.now;
      let at: number;
      try {
        at = parseInstant(atText);
      } catch {
        return invalid('schedule.at_invalid', '/at', `"${atText}" is not a date and time with a time zone (ISO 8601).`);
      }
      if (!isSupportedDate(localDateOf(atText, context.timeZone))) return invalid('schedule.at_out_of_range', '/at', `${atText} is too far from today for a schedule.`);
      if (at < now) return invalid('schedule.at_past', '/at', 'An early unlock cannot be in the past; leave the time out to open the module now.');
      if (Object.hasOwn(context.completedModules, scheduled.key)) return conflict('schedule.already_completed', 'The patient has already completed this module.');
      const regular = regularUnlockInstant(program, scheduled, { ...context, adjustments: { ...current, earlyUnlocks: {} } });
      if (regular !== null && regular <= now) return conflict('schedule.already_unlocked', 'The module is already open for the patient.');
      if (regular !== null && at >= regular) return invalid('schedule.not_earlier', '/at', 'The program opens the module by then anyway; choose an earlier time.');
      const programEnd = parseInstant(scheduleWeekStart(context, program.durationWeeks + 1));
      if (at >= programEnd) return invalid('schedule.after_program', '/at', 'The program has ended by then.');
      return { ok: true, adjustments: { ...current, earlyUnlocks: { ...current.earlyUnlocks, [scheduled.key]: new Date(at).toISOString() } } };
    }
    case 'setDeadline': {
      const registration = program.registrations?.find((candidate) => candidate.id === change.registrationId);
      if (!registration) return invalid('schedule.unknown_registration', '/registrationId', `The program has no registration "${change.registrationId}".`);
      if (change.deadline !== null && !DEADLINE.test(change.deadline)) return invalid('schedule.deadline_invalid', '/deadline', `"${change.deadline}" is not a time of day (HH:MM, 00:00 to 23:59).`);
      const deadlines = { ...current.registrationDeadlines };
      delete deadlines[registration.id];
      if (change.deadline !== null && change.deadline !== registration.deadline) deadlines[registration.id] = change.deadline;
      return { ok: true, adjustments: withRecord(current, 'registrationDeadlines', deadlines) };
    }
    case 'pause':
    case 'resume':
      return pauseOrResume(context, change.kind);
  }
}

/**
 * Pausing (a new open pause from now) or resuming (the open pause ends now): needs no program, so
 * an enrollment can be paused whatever its content. Refused when already paused, not paused, or
 * after {@link MAX_PAUSES} pauses.
 */
export function pauseOrResume(context: ScheduleContext, kind: 'pause' | 'resume'): ScheduleChangeResult {
  const current = context.adjustments ?? {};
  const pauses = current.pauses ?? [];
  const conflict = (code: string, message: string): ScheduleChangeResult => ({ ok: false, conflict: true, issues: [{ code, path: '', message }] });
  if (kind === 'pause') {
    if (isPaused(context)) return conflict('schedule.already_paused', 'The program is already paused.');
    if (pauses.length >= MAX_PAUSES) return conflict('schedule.too_many_pauses', `This enrollment has been paused ${MAX_PAUSES} times; end it and enroll the patient again.`);
    return { ok: true, adjustments: { ...current, pauses: [...pauses, { pausedAt: context.now, resumedAt: null }] } };
  }
  const open = pauses.findIndex((pause) => pause.resumedAt === null);
  if (open < 0) return conflict('schedule.not_paused', 'The program is not paused.');
  const resumed: SchedulePause[] = pauses.map((pause, index) => (index === open ? { pausedAt: pause.pausedAt, resumedAt: context.now } : pause));
  return { ok: true, adjustments: { ...current, pauses: resumed } };
}

function withList(adjustments: ScheduleAdjustments, key: 'hiddenModules', list: string[]): ScheduleAdjustments {
  const next = { ...adjustments };
  if (list.length === 0) delete next[key];
  else next[key] = list;
  return next;
}

function withRecord(adjustments: ScheduleAdjustments, key: 'registrationDeadlines', record: Record<string, string>): ScheduleAdjustments {
  const next = { ...adjustments };
  if (Object.keys(record).length === 0) delete next[key];
  else next[key] = record;
  return next;
}
