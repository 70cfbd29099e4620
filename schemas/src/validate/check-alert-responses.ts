import type { Module } from '../generated/format.js';
import type { Issue } from '../issue.js';
import { issue, type CheckContext } from './check-context.js';
import { placedInstruments } from './module-walk.js';

/** An alert rule's response deadline is one of "within hours" or "the same working day", never both or neither. */
export function checkAlertResponses(context: CheckContext<Module>): Issue[] {
  return placedInstruments(context.doc).flatMap(({ block, path }) =>
    (block.scoring.alerts ?? []).flatMap((rule, index) => {
      if (!rule.response) return [];
      const at = `${path}/scoring/alerts/${index}/response`;
      const kinds = (rule.response.withinHours !== undefined ? 1 : 0) + (rule.response.sameWorkingDay === true ? 1 : 0);
      if (kinds === 1) return [];
      return [issue('alert.response_deadline', at,
        `${context.where(at)} needs exactly one deadline: "withinHours" or "sameWorkingDay" (it has ${kinds === 0 ? 'neither' : 'both'}).`)];
    }));
}
