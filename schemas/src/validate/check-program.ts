import type { Module, ModuleRef, Program } from '../generated/format.js';
import type { Issue } from '../issue.js';
import { issue, listWords, quoteAll, type CheckContext } from './check-context.js';

/** Finds the module a program refers to; undefined when there is none. */
export type ModuleResolver = (ref: ModuleRef) => Module | undefined;

/**
 * The schedule holds together: module keys and measurement and registration ids differ,
 * `afterCompleting` names existing keys without a cycle, no week lies after `durationWeeks`,
 * `fromWeek` ≤ `toWeek`, weekly registrations name their weekdays. With `resolveModule`, every
 * referenced module exists in the program's languages, a scheduled registration names a
 * registration block of its module, and a measurement's module holds an instrument.
 */
export function checkProgram(context: CheckContext<Program>, resolveModule?: ModuleResolver): Issue[] {
  return [
    ...uniqueIds(context),
    ...unlockRules(context),
    ...weeks(context),
    ...(resolveModule ? references(context, resolveModule) : []),
  ];
}

function uniqueIds(context: CheckContext<Program>): Issue[] {
  const { doc } = context;
  const lists = [
    { ids: doc.modules.map((entry) => entry.key), path: '/modules', field: 'key', code: 'program.duplicate_key' },
    { ids: (doc.measurements ?? []).map((entry) => entry.id), path: '/measurements', field: 'id', code: 'ids.duplicate_in_list' },
    { ids: (doc.registrations ?? []).map((entry) => entry.id), path: '/registrations', field: 'id', code: 'ids.duplicate_in_list' },
  ];
  return lists.flatMap(({ ids, path, field, code }) => ids.flatMap((id, index) => {
    const first = ids.indexOf(id);
    if (first === index) return [];
    return [issue(code, `${path}/${index}/${field}`,
      `${context.where(`${path}/${index}`)} has the ${field} "${id}", which entry ${first + 1} already has. Give each its own ${field}.`,
      { [field]: id, firstPath: `${path}/${first}/${field}` })];
  }));
}

function unlockRules(context: CheckContext<Program>): Issue[] {
  const { modules } = context.doc;
  const keys = new Set(modules.map((entry) => entry.key));
  const issues: Issue[] = [];
  modules.forEach((entry, index) => {
    (entry.unlock.afterCompleting ?? []).forEach((key, keyIndex) => {
      const path = `/modules/${index}/unlock/afterCompleting/${keyIndex}`;
      if (!keys.has(key)) {
        issues.push(issue('program.unknown_key', path,
          `${context.where(`/modules/${index}`)} unlocks after completing "${key}", which is not the key of a module in this program.`, { key }));
      }
    });
  });
  // A cycle is reported once, at the entry where it is first entered in document order.
  const prerequisites = new Map(modules.map((entry) => [entry.key, entry.unlock.afterCompleting ?? []]));
  const reported = new Set<string>();
  modules.forEach((entry, index) => {
    const cycle = findCycle(entry.key, prerequisites);
    if (!cycle || cycle.some((key) => reported.has(key))) return;
    cycle.forEach((key) => reported.add(key));
    issues.push(issue('program.unlock_cycle', `/modules/${index}/unlock/afterCompleting`,
      `${context.where(`/modules/${index}`)} can never unlock: ${[...cycle, cycle[0]].map((key) => `"${key}"`).join(' waits for ')}. Remove one of these "afterCompleting" entries.`,
      { cycle }));
  });
  return issues;
}

/** The keys of a cycle through `start`, in waiting order, or undefined. */
function findCycle(start: string, prerequisites: Map<string, string[]>): string[] | undefined {
  const path: string[] = [];
  const visited = new Set<string>();
  const visit = (key: string): string[] | undefined => {
    if (key === start && path.length > 0) return [...path];
    if (visited.has(key)) return undefined;
    visited.add(key);
    path.push(key);
    for (const next of prerequisites.get(key) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    return undefined;
  };
  return visit(start);
}

function weeks(context: CheckContext<Program>): Issue[] {
  const { doc } = context;
  const last = doc.durationWeeks;
  const issues: Issue[] = [];
  const late = (path: string, week: number, owner: string) =>
    issues.push(issue('program.week_after_end', path,
      `${context.where(owner)} uses week ${week}, but the program lasts ${last} weeks. Use a week from 1 to ${last}, or lengthen "durationWeeks".`,
      { week, durationWeeks: last }));
  doc.modules.forEach((entry, index) => {
    if (entry.unlock.week !== undefined && entry.unlock.week > last) late(`/modules/${index}/unlock/week`, entry.unlock.week, `/modules/${index}`);
  });
  (doc.measurements ?? []).forEach((measurement, index) => measurement.weeks.forEach((week, weekIndex) => {
    if (week > last) late(`/measurements/${index}/weeks/${weekIndex}`, week, `/measurements/${index}`);
  }));
  (doc.registrations ?? []).forEach((registration, index) => {
    const path = `/registrations/${index}`;
    const from = registration.fromWeek ?? 1;
    if (from > last) late(`${path}/fromWeek`, from, path);
    if (registration.toWeek !== undefined && registration.toWeek > last) late(`${path}/toWeek`, registration.toWeek, path);
    if (registration.toWeek !== undefined && from > registration.toWeek) {
      issues.push(issue('program.week_range', `${path}/toWeek`,
        `${context.where(path)} runs from week ${from} to week ${registration.toWeek}. "toWeek" must not be before "fromWeek".`,
        { fromWeek: from, toWeek: registration.toWeek }));
    }
    if (registration.frequency === 'weekly' && !registration.weekdays) {
      issues.push(issue('program.weekdays_missing', path,
        `${context.where(path)} is weekly but has no "weekdays". List the days it is due on (1 = Monday … 7 = Sunday).`, {}));
    }
    if (registration.frequency === 'daily' && registration.weekdays) {
      issues.push(issue('program.weekdays_ignored', `${path}/weekdays`,
        `${context.where(path)} is daily, so its "weekdays" are ignored. Remove them or make it weekly.`, {}));
    }
  });
  return issues;
}

function references(context: CheckContext<Program>, resolveModule: ModuleResolver): Issue[] {
  const { doc } = context;
  const issues: Issue[] = [];
  const resolve = (ref: ModuleRef, ownerPath: string): Module | undefined => {
    const module = resolveModule(ref);
    const version = ref.version === undefined ? '' : ` version ${ref.version}`;
    if (!module) {
      issues.push(issue('program.unknown_module', `${ownerPath}/module`,
        `${context.where(ownerPath)} refers to module "${ref.moduleId}"${version}, which cannot be found. Check the module id.`, { moduleId: ref.moduleId }));
      return undefined;
    }
    const missing = doc.languages.filter((language) => !module.languages.includes(language));
    if (missing.length > 0) {
      issues.push(issue('program.module_language_missing', `${ownerPath}/module`,
        `${context.where(ownerPath)} uses module "${ref.moduleId}", which is not available in ${listWords(quoteAll(missing))}. Translate the module or remove the language from the program.`,
        { moduleId: ref.moduleId, missing }));
    }
    return module;
  };
  doc.modules.forEach((entry, index) => resolve(entry.module, `/modules/${index}`));
  (doc.measurements ?? []).forEach((measurement, index) => {
    const path = `/measurements/${index}`;
    const module = resolve(measurement.module, path);
    if (module && !module.pages.some((page) => page.blocks.some((block) => block.type === 'instrument'))) {
      issues.push(issue('program.no_instrument', `${path}/module`,
        `${context.where(path)} uses module "${measurement.module.moduleId}", which holds no rating-scale instrument to measure with.`, { moduleId: measurement.module.moduleId }));
    }
  });
  (doc.registrations ?? []).forEach((registration, index) => {
    const path = `/registrations/${index}`;
    const module = resolve(registration.module, path);
    if (!module) return;
    const block = module.pages.flatMap((page) => page.blocks).find((candidate) => candidate.id === registration.registration);
    if (!block) {
      issues.push(issue('program.unknown_registration', `${path}/registration`,
        `${context.where(path)} names registration "${registration.registration}", which module "${module.id}" does not have.`, { registration: registration.registration }));
    } else if (block.type !== 'registration') {
      issues.push(issue('program.not_a_registration', `${path}/registration`,
        `${context.where(path)} names "${registration.registration}", which is a ${block.type} block of module "${module.id}", not a registration.`, { registration: registration.registration, type: block.type }));
    }
  });
  return issues;
}
