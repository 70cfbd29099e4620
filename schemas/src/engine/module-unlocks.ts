import type { Program, ScheduledModule } from '../generated/format.js';
import { weekStart } from './program-weeks.js';
import type { ScheduleContext } from './schedule-context.js';
import { parseInstant, toInstant } from './zoned-time.js';

/** A scheduled module's state for one patient. */
export interface ModuleState {
  /** The module's key in the program. */
  key: string;
  moduleId: string;
  state: 'locked' | 'unlocked' | 'completed';
  /** When it unlocked (the later of its week's start and its prerequisites' completions), or null while locked. */
  unlockedAt: string | null;
}

/**
 * The state of every scheduled module, in program order. A module unlocks once its week has begun
 * (no week: week 1) and every module in `afterCompleting` is completed; a completed module is
 * `completed` whatever its rule says. Throws on an `afterCompleting` key the program lacks.
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
    };
  });
}

/**
 * Modules that unlock within [from, to) and ask for a reminder (`remind`, on by default), for the
 * runtime's "a new module is open" notices. Modules waiting on prerequisites not yet completed are
 * not listed: when they unlock depends on the patient.
 *
 * @example
 * moduleUnlocks(program, context, lastRun, now); // [{ key: 'week2', moduleId: 'panic-exposure', unlockedAt: '…' }]
 */
export function moduleUnlocks(program: Program, context: ScheduleContext, from: string, to: string): Array<{ key: string; moduleId: string; unlockedAt: string }> {
  const [start, end] = [parseInstant(from), parseInstant(to)];
  const unlocks: Array<{ key: string; moduleId: string; unlockedAt: string }> = [];
  for (const scheduled of program.modules) {
    if (scheduled.remind === false || Object.hasOwn(context.completedModules, scheduled.key)) continue;
    const unlocksAt = unlockInstant(program, scheduled, context);
    if (unlocksAt !== null && start <= unlocksAt && unlocksAt < end) {
      unlocks.push({ key: scheduled.key, moduleId: scheduled.module.moduleId, unlockedAt: toInstant(unlocksAt) });
    }
  }
  return unlocks.sort((a, b) => parseInstant(a.unlockedAt) - parseInstant(b.unlockedAt));
}

/** When the module unlocks (possibly in the future), or null while a prerequisite is not completed. */
function unlockInstant(program: Program, scheduled: ScheduledModule, context: ScheduleContext): number | null {
  let unlocksAt = parseInstant(weekStart(context.startedAt, context.timeZone, scheduled.unlock.week ?? 1));
  for (const key of scheduled.unlock.afterCompleting ?? []) {
    if (!program.modules.some((candidate) => candidate.key === key)) {
      throw new Error(`Module "${scheduled.key}" of program "${program.id}" waits for unknown module "${key}".`);
    }
    const completedAt = context.completedModules[key];
    if (completedAt === undefined || !Object.hasOwn(context.completedModules, key)) return null;
    unlocksAt = Math.max(unlocksAt, parseInstant(completedAt));
  }
  return unlocksAt;
}
