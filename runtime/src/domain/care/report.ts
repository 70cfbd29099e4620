import type { UnitReport as WireUnitReport } from '@careloom/format/api';
import { unitFor, careAudit } from './care-access.js';
import type { CareContext, CareDeps } from './care-deps.js';
import { programCompleted, tryLoadEnrollmentSchedule } from './enrollment-schedule.js';

/** The unit report: the wire type. */
export type UnitReport = WireUnitReport;

const round = (value: number) => Math.round(value * 100) / 100;
const mean = (values: readonly number[]) => (values.length === 0 ? null : round(values.reduce((sum, value) => sum + value, 0) / values.length));

/**
 * A unit's outcome report in aggregate (no patient is named): how many enrolled, are active,
 * completed (ended with every required module done) or dropped out (ended otherwise), and per
 * instrument the mean first (pre) and last (post) total of the patients with at least two scores.
 */
export function createReportCommands(deps: CareDeps) {
  return {
    async unitReport(context: CareContext, unitId: string): Promise<UnitReport> {
      const { unit, role } = await unitFor(deps, context, unitId, 'report.read');
      const now = deps.now().toISOString();
      const report: UnitReport = { enrolled: 0, active: 0, completed: 0, droppedOut: 0, instruments: [], unreadable: [] };
      const series = new Map<string, { title: string; pre: number[]; post: number[] }>();
      for (const enrollment of await deps.store.listEnrollmentsOfUnit(unit.id)) {
        report.enrolled += 1;
        if (enrollment.status === 'active' || enrollment.status === 'paused') report.active += 1;
        const loaded = await tryLoadEnrollmentSchedule(deps, enrollment, unit, now);
        if (!loaded.ok) {
          report.unreadable.push({ enrollmentId: enrollment.id, problem: loaded.unreadable.problem });
          continue;
        }
        const schedule = loaded.schedule;
        if (enrollment.status === 'ended') {
          if (programCompleted(schedule)) report.completed += 1;
          else report.droppedOut += 1;
        }
        const totals = new Map<string, { title: string; values: number[] }>();
        for (const response of schedule.responses) {
          for (const score of response.scores) {
            if (score.total === null) continue;
            const key = `${response.moduleId}/${score.instrumentId}`;
            const entry = totals.get(key) ?? { title: score.title, values: [] };
            entry.values.push(score.total);
            totals.set(key, entry);
          }
        }
        for (const [key, { title, values }] of totals) {
          if (values.length < 2) continue;
          const entry = series.get(key) ?? { title, pre: [], post: [] };
          entry.pre.push(values[0]!);
          entry.post.push(values[values.length - 1]!);
          series.set(key, entry);
        }
      }
      for (const [key, entry] of series) {
        const changes = entry.post.map((post, index) => post - entry.pre[index]!);
        report.instruments.push({ instrumentId: key.split('/')[1]!, title: entry.title, patients: entry.pre.length, meanPre: mean(entry.pre), meanPost: mean(entry.post), meanChange: mean(changes) });
      }
      await deps.store.recordReads([careAudit(deps, context, { at: now, role, action: 'report.read', objectType: 'unit', objectId: unit.id, unit })]);
      return report;
    },
  };
}
