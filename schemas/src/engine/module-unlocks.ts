import type { Program, ScheduledModule } from '../generated/format.js';
import { earlyUnlockOf, isHidden, isWithinPause } from './schedule-adjustments.js';
import type { ScheduleContext } from './schedule-context.js';
import { scheduleWeekStart } from './schedule-weeks.js';
import { parseInstant, toInstant } from './zoned-time.js';

/** A scheduled module's state for one patient. */
export interface ModuleState {
  /** The module's key in the program. */
  key: string;
  moduleId: string;
  state: 'locked' | 'unlocked' | 'completed';
  /** When it unlocked (the later of its week's start and its prerequisites' completions), or null while locked. */
  unlockedAt: string | null;
  /** Present (true) when the therapist hid the module from this patient: the patient is not shown it. */
  hidden?: true;
}

/**
 * The state of every scheduled module, in program order. A module unlocks once its week has begun
 * (no week: week 1) and every module in `afterCompleting` is completed; a completed module is
 * `completed` whatever its rule says. The patient's adjustments apply: an early unlock the therapist
 * set opens it then (prerequisites or not), pauses move its week, and a hidden module is marked
 * `hidden` and holds no module after it back. Throws on an `afterCompleting` key the program lacks.
 *
 * @example
 * moduleStates(program, context).filter((module) => module.state === 'unlocked');
 */
export function moduleStates(program: Program, context: ScheduleContext): ModuleState[] {
  const now = parseInstant(context.now);
  return program.modules.map((scheduled) => {
    const unlocksAt = unlockInstant(program, scheduled, context);
    const unlockedAt = unlocksAt !== null && unlocksAt <= now ? toInstant(unlocksAt) : null;
    const completed = Object.hasOwn(context.completedModules, scheduled.key);
    return {
      key: scheduled.key,
      moduleId: scheduled.module.moduleId,
      state: completed ? 'completed' : unlockedAt !== null ? 'unlocked' : 'locked',
      unlockedAt,
      ...(isHidden(context, scheduled.key) ? { hidden: true as const } : {}),
    };
  });
}

/**
 * Modules that unlock within [from, to) and ask for a reminder (`remind`, on by default), for the
 * runtime's "a new module is open" notices. Modules waiting on prerequisites not yet completed are
 * not listed: when they unlock depends on the patient. Hidden modules and unlocks while the
 * enrollment is paused are not announced.
 *
 * @example
 * moduleUnlocks(program, context, lastRun, now); // [{ key: 'week2', moduleId: 'panic-exposure', unlockedAt: '…' }]
 */
export function moduleUnlocks(program: Program, context: ScheduleContext, from: string, to: string): Array<{ key: string; moduleId: string; unlockedAt: string }> {
  const [start, end] = [parseInstant(from), parseInstant(to)];
  const unlocks: Array<{ key: string; moduleId: string; unlockedAt: string }> = [];
  for (const scheduled of program.modules) {
    if (scheduled.remind === false || Object.hasOwn(context.completedModules, scheduled.key) || isHidden(context, scheduled.key)) continue;
    const unlocksAt = unlockInstant(program, scheduled, context);
    if (unlocksAt !== null && start <= unlocksAt && unlocksAt < end && !isWithinPause(context, unlocksAt)) {
      unlocks.push({ key: scheduled.key, moduleId: scheduled.module.moduleId, unlockedAt: toInstant(unlocksAt) });
    }
  }
  return unlocks.sort((a, b) => parseInstant(a.unlockedAt) - parseInstant(b.unlockedAt));
}

/** When the module unlocks (possibly in the future), or null while a prerequisite is not completed: the earlier of its rule and the therapist's early unlock. */
export function unlockInstant(program: Program, scheduled: ScheduledModule, context: ScheduleContext): number | null {
  const early = earlyUnlockOf(context, scheduled.key);
  const regular = regularUnlockInstant(program, scheduled, context);
  if (early === null) return regular;
  return regular === null ? early : Math.min(early, regular);
}

/** When the program's rule unlocks the module for this patient (week moved by pauses; hidden prerequisites do not count). */
export function regularUnlockInstant(program: Program, scheduled: ScheduledModule, context: ScheduleContext): number | null {
  let unlocksAt = parseInstant(scheduleWeekStart(context, scheduled.unlock.week ?? 1));
  for (const key of scheduled.unlock.afterCompleting ?? []) {
    if (!program.modules.some((candidate) => candidate.key === key)) {
      throw new Error(`Module "${scheduled.key}" of program "${program.id}" waits for unknown module "${key}".`);
    }
    // A module hidden from this patient cannot be completed by them, so it does not hold the next one back.
    if (isHidden(context, key)) continue;
    const completedAt = context.completedModules[key];
    if (completedAt === undefined || !Object.hasOwn(context.completedModules, key)) return null;
    unlocksAt = Math.max(unlocksAt, parseInstant(completedAt));
  }
  return unlocksAt;
}
