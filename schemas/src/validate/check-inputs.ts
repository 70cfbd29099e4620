import type { Input, Module } from '../generated/format.js';
import type { Issue } from '../issue.js';
import { issue, type CheckContext } from './check-context.js';
import { placedInputs } from './module-walk.js';

/**
 * Inputs that can be answered: ranges run upward, a slider's step divides its range, a
 * multiple-choice question's selection limits fit its options, a scale's values run one way.
 */
export function checkInputs(context: CheckContext<Module>): Issue[] {
  return placedInputs(context.doc).flatMap(({ input, path }) => checkInput(context.where(path), input, path));
}

function checkInput(it: string, input: Input, path: string): Issue[] {
  switch (input.kind) {
    case 'slider': {
      if (input.min >= input.max) return [range(it, path, input.min, input.max)];
      const step = input.step ?? 1;
      const steps = (input.max - input.min) / step;
      if (Math.abs(steps - Math.round(steps)) > 1e-9) {
        return [issue('input.step', `${path}/step`,
          `${it} has a step of ${step}, which does not divide its range ${input.min} to ${input.max} evenly, so the top value cannot be picked. Change the step or the range.`,
          { step, min: input.min, max: input.max })];
      }
      return [];
    }
    case 'number':
      return input.min !== undefined && input.max !== undefined && input.min >= input.max ? [range(it, path, input.min, input.max)] : [];
    case 'multipleChoice': {
      const count = input.options.length;
      const issues: Issue[] = [];
      if (input.minSelected !== undefined && input.maxSelected !== undefined && input.minSelected > input.maxSelected) {
        issues.push(issue('input.selection', `${path}/minSelected`,
          `${it} asks for at least ${input.minSelected} options but allows at most ${input.maxSelected}. Make "minSelected" no larger than "maxSelected".`,
          { minSelected: input.minSelected, maxSelected: input.maxSelected }));
      }
      for (const key of ['minSelected', 'maxSelected'] as const) {
        const limit = input[key];
        if (limit !== undefined && limit > count) {
          issues.push(issue('input.selection', `${path}/${key}`,
            `${it} has "${key}" ${limit}, but only ${count} options. Lower it or add options.`, { [key]: limit, options: count }));
        }
      }
      return issues;
    }
    case 'scale': {
      const values = input.options.map((option) => option.value);
      const rising = values.every((value, index) => index === 0 || value > (values[index - 1] as number));
      const falling = values.every((value, index) => index === 0 || value < (values[index - 1] as number));
      if (rising || falling) return [];
      return [issue('input.scale_order', `${path}/options`,
        `${it} has steps whose values (${values.join(', ')}) do not run from one end to the other. Give each step a different value, in order.`, { values })];
    }
    default:
      return [];
  }
}

function range(it: string, path: string, min: number, max: number): Issue {
  return issue('input.range', `${path}/max`, `${it} has "min" ${min} and "max" ${max}. The maximum must be above the minimum.`, { min, max });
}
