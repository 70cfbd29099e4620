import type { ScheduleAdjustments } from './schedule-adjustments.js';

/** What the schedule needs to know about one patient's enrollment in a program. */
export interface ScheduleContext {
  /** When the patient started the program (an ISO instant); week 1 begins at local midnight that day. */
  startedAt: string;
  /** The patient's IANA time zone, e.g. 'Europe/Stockholm'. */
  timeZone: string;
  /** The instant the schedule is computed for. */
  now: string;
  /** Program module key → the instant the patient completed it. */
  completedModules: Readonly<Record<string, string>>;
  /** Measurement occurrences filled in, by measurement id and program week. */
  measurementsDone: ReadonlyArray<{ measurementId: string; week: number }>;
  /** Registration occurrences filled in, by registration id and local date of the occurrence. */
  registrationsDone: ReadonlyArray<{ registrationId: string; date: string }>;
  /** What the therapist changed for this patient (early unlocks, hidden modules, deadlines, pauses); none when absent. */
  adjustments?: ScheduleAdjustments;
}
