import type { Module } from '../generated/format.js';
import type { Issue } from '../issue.js';
import { issue, type CheckContext } from './check-context.js';
import { placedRegistrations } from './module-walk.js';

const kindWords: Record<string, string> = {
  singleChoice: 'single-choice', multipleChoice: 'multiple-choice', scale: 'scale', text: 'text', dateTime: 'date/time', yesNo: 'yes/no',
};

/** A registration's goal is about one of its own numeric fields (number or slider). */
export function checkGoals(context: CheckContext<Module>): Issue[] {
  return placedRegistrations(context.doc).flatMap(({ block, path }) => {
    if (!block.goal) return [];
    const fieldPath = `${path}/goal/field`;
    const field = block.fields.find((candidate) => candidate.id === block.goal?.field);
    const it = context.where(`${path}/goal`);
    if (!field) {
      return [issue('goal.unknown_field', fieldPath,
        `${it} is about "${block.goal.field}", which is not a field of this registration. Pick one of its fields.`, { field: block.goal.field })];
    }
    if (field.input.kind !== 'number' && field.input.kind !== 'slider') {
      return [issue('goal.not_numeric', fieldPath,
        `${it} is about "${field.id}", which is a ${kindWords[field.input.kind] ?? field.input.kind} field. A goal needs a number or slider field.`, { field: field.id, kind: field.input.kind })];
    }
    return [];
  });
}
