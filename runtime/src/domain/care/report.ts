import { reliableChange, scheduleWeek } from '@careloom/format/engine';
import type { ReliableChange } from '@careloom/format';
import type { UnitReport as WireUnitReport } from '@careloom/format/api';
import { unitFor, careAudit } from './care-access.js';
import type { CareContext, CareDeps } from './care-deps.js';
import { loadModule } from './care-content.js';
import { effectiveTime, programCompleted, tryLoadEnrollmentSchedule } from './enrollment-schedule.js';
import type { EnrollmentSchedule } from './enrollment-schedule.js';
import type { EnrollmentRecord } from './ports.js';
import { instrumentsOf } from './response-scoring.js';

/** The unit report: the wire type. */
export type UnitReport = WireUnitReport;
type InstrumentOutcome = UnitReport['instruments'][number];
type ProgramOutcome = UnitReport['programs'][number];

/** Dropout weeks reported at most: a single module stays available for 520 weeks. */
const MAX_REPORTED_WEEKS = 520;
const round = (value: number) => Math.round(value * 100) / 100;
const mean = (values: readonly number[]) => (values.length === 0 ? null : round(values.reduce((sum, value) => sum + value, 0) / values.length));
const percent = (part: number, whole: number) => (whole === 0 ? null : round((100 * part) / whole));

/** One patient's first and last total on one instrument, and how the last compares by the reliable change index. */
interface PatientSeries {
  key: string;
  title: string;
  pre: number;
  post: number;
  /** null when the instrument declares no reliability. */
  change: 'improved' | 'deteriorated' | 'unchanged' | null;
}

/** Sums up patients' series per instrument: means before and after, and the share reliably improved or deteriorated. */
function summarise(series: readonly PatientSeries[]): InstrumentOutcome[] {
  const byInstrument = new Map<string, PatientSeries[]>();
  for (const entry of series) byInstrument.set(entry.key, [...(byInstrument.get(entry.key) ?? []), entry]);
  return [...byInstrument].map(([key, entries]) => {
    const classified = entries.filter((entry) => entry.change !== null);
    return {
      instrumentId: key.split('/')[1]!,
      title: entries[0]!.title,
      patients: entries.length,
      meanPre: mean(entries.map((entry) => entry.pre)),
      meanPost: mean(entries.map((entry) => entry.post)),
      meanChange: mean(entries.map((entry) => entry.post - entry.pre)),
      // Shares of the patients whose instrument declares its reliability (all of them, or none).
      reliablyImproved: percent(classified.filter((entry) => entry.change === 'improved').length, classified.length),
      reliablyDeteriorated: percent(classified.filter((entry) => entry.change === 'deteriorated').length, classified.length),
    };
  });
}

/**
 * A unit's outcome report in aggregate (no patient is named): how many enrolled, are active,
 * completed (ended with every required module done) or dropped out (ended otherwise); per
 * instrument the mean first (pre) and last (post) total of the patients with at least two scores
 * and, for instruments that declare their reliability, the share of them reliably improved or
 * deteriorated (Jacobson & Truax, last total against the first); and the same per program version,
 * with its completion rate and the program week each dropped-out patient last answered in.
 */
export function createReportCommands(deps: CareDeps) {
  return {
    async unitReport(context: CareContext, unitId: string): Promise<UnitReport> {
      const { unit, role } = await unitFor(deps, context, unitId, 'report.read');
      const now = deps.now().toISOString();
      const report: UnitReport = { enrolled: 0, active: 0, completed: 0, droppedOut: 0, instruments: [], programs: [], unreadable: [] };
      const criteria = new Map<string, ReliableChange | null>();
      const criterionOf = async (moduleId: string, version: number, instrumentId: string): Promise<ReliableChange | null> => {
        const key = `${moduleId}@${version}/${instrumentId}`;
        if (!criteria.has(key)) {
          const loaded = await loadModule(deps, { moduleId, version }).catch(() => undefined);
          criteria.set(key, loaded ? (instrumentsOf(loaded.module).find((instrument) => instrument.id === instrumentId)?.scoring.reliableChange ?? null) : null);
        }
        return criteria.get(key)!;
      };
      const allSeries: PatientSeries[] = [];
      const programs = new Map<string, { outcome: ProgramOutcome; series: PatientSeries[]; dropouts: number[] }>();
      for (const enrollment of await deps.store.listEnrollmentsOfUnit(unit.id)) {
        report.enrolled += 1;
        if (enrollment.status === 'active' || enrollment.status === 'paused') report.active += 1;
        const loaded = await tryLoadEnrollmentSchedule(deps, enrollment, unit, now);
        if (!loaded.ok) {
          report.unreadable.push({ enrollmentId: enrollment.id, problem: loaded.unreadable.problem });
          continue;
        }
        const schedule = loaded.schedule;
        const { deployment } = schedule;
        const programKey = `${deployment.documentId}@${deployment.version}`;
        const program = programs.get(programKey) ?? {
          outcome: { documentId: deployment.documentId, version: deployment.version, kind: deployment.kind, title: deployment.title, enrolled: 0, completed: 0, droppedOut: 0, completionRate: null, dropoutByWeek: [], instruments: [] },
          series: [],
          dropouts: [],
        };
        programs.set(programKey, program);
        program.outcome.enrolled += 1;
        if (enrollment.status === 'ended') {
          if (programCompleted(schedule)) {
            report.completed += 1;
            program.outcome.completed += 1;
          } else {
            report.droppedOut += 1;
            program.outcome.droppedOut += 1;
            program.dropouts.push(dropoutWeek(schedule, enrollment));
          }
        }
        const series = await patientSeries(schedule, criterionOf);
        allSeries.push(...series);
        program.series.push(...series);
      }
      report.instruments = summarise(allSeries);
      for (const { outcome, series, dropouts } of programs.values()) {
        outcome.completionRate = percent(outcome.completed, outcome.completed + outcome.droppedOut);
        const lastWeek = Math.min(MAX_REPORTED_WEEKS, Math.max(0, ...dropouts));
        outcome.dropoutByWeek = Array.from({ length: lastWeek }, (_, index) => ({ week: index + 1, patients: dropouts.filter((week) => week === index + 1).length }));
        outcome.instruments = summarise(series);
        report.programs.push(outcome);
      }
      report.programs.sort((a, b) => a.title.localeCompare(b.title) || a.version - b.version);
      await deps.store.recordReads([careAudit(deps, context, { at: now, role, action: 'report.read', objectType: 'unit', objectId: unit.id, unit })]);
      return report;
    },
  };
}

/** Each instrument's first and last total of one patient (two totals at least), with the reliable change between them. */
async function patientSeries(schedule: EnrollmentSchedule, criterionOf: (moduleId: string, version: number, instrumentId: string) => Promise<ReliableChange | null>): Promise<PatientSeries[]> {
  const totals = new Map<string, { title: string; moduleId: string; version: number; instrumentId: string; values: number[] }>();
  for (const response of schedule.responses) {
    for (const score of response.scores) {
      if (score.total === null) continue;
      const key = `${response.moduleId}/${score.instrumentId}`;
      const entry = totals.get(key) ?? { title: score.title, moduleId: response.moduleId, version: response.moduleVersion, instrumentId: score.instrumentId, values: [] };
      entry.values.push(score.total);
      totals.set(key, entry);
    }
  }
  const series: PatientSeries[] = [];
  for (const [key, entry] of totals) {
    if (entry.values.length < 2) continue;
    const pre = entry.values[0]!;
    const post = entry.values[entry.values.length - 1]!;
    const criterion = await criterionOf(entry.moduleId, entry.version, entry.instrumentId);
    series.push({ key, title: entry.title, pre, post, change: criterion ? reliableChange(criterion, pre, post).classification : null });
  }
  return series;
}

/** The program week a patient who dropped out last answered in (week 1 when they never answered), on their own calendar after pauses. */
function dropoutWeek(schedule: EnrollmentSchedule, enrollment: EnrollmentRecord): number {
  const last = schedule.responses.at(-1);
  if (!last) return 1;
  return Math.max(1, scheduleWeek({ ...schedule.context, startedAt: enrollment.startedAt }, effectiveTime(last)));
}
