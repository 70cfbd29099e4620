import { goalProgress } from '@careloom/format/engine';
import { reliableChange, reliableChangeThreshold, scoreRange } from '@careloom/format/engine';
import { localDateOf } from '@careloom/format/engine';
import type { Condition, Field, Module } from '@careloom/format';
import { auditPatientRead, enrollmentFor, ownEnrollment } from './care-access.js';
import type { CareContext, CareDeps } from './care-deps.js';
import { loadModule, textIn } from './care-content.js';
import { assertSchedulable, effectiveTime } from './enrollment-schedule.js';
import type { EnrollmentRecord, PlanRecord, ResponseRecord, UnitRecord } from './ports.js';
import { instrumentsOf, registrationsOf } from './response-scoring.js';
import type { InstrumentChart, FieldChart, RegistrationChart, Charts } from '@careloom/format/api';
export type { InstrumentChart, FieldChart, RegistrationChart, Charts };

/** A field's answer as a number to plot: numbers as they are, options by their value, yes/no as 1/0. */
function plotValue(field: Field, value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && 'options' in field.input) {
    const option = (field.input.options as Array<{ id: string; value?: number }>).find((candidate) => candidate.id === value);
    return option?.value ?? null;
  }
  return null;
}

/**
 * The numeric thresholds at which a field on its own puts the patient in a rule's zone, for the
 * field's chart. Comparisons under `any` count; under `all` only when every condition there reads
 * this field (a range such as 38 ≤ t < 39). A comparison joined by `all` to another field's ("much
 * more breathless and a fever ≥ 38") is not a line the field crosses alone, so it is left out, as
 * is anything under `not`.
 */
function numericThresholds(condition: Condition, fieldId: string): Array<{ op: string; value: number }> {
  if (condition.op === 'any') return condition.conditions.flatMap((inner) => numericThresholds(inner, fieldId));
  if (condition.op === 'all') return condition.conditions.every((inner) => readsOnly(inner, fieldId)) ? condition.conditions.flatMap((inner) => numericThresholds(inner, fieldId)) : [];
  if ('item' in condition && condition.item === fieldId && 'value' in condition && typeof condition.value === 'number') return [{ op: condition.op, value: condition.value }];
  return [];
}

function readsOnly(condition: Condition, fieldId: string): boolean {
  if (condition.op === 'any' || condition.op === 'all') return condition.conditions.every((inner) => readsOnly(inner, fieldId));
  if (condition.op === 'not') return readsOnly(condition.condition, fieldId);
  return 'item' in condition && condition.item === fieldId;
}

/** A field's zone lines from a registration's rules (with the patient's own conditions already in `when`). */
export function zoneThresholds(rules: ReadonlyArray<{ id: string; zone: 'yellow' | 'red'; when: Condition }>, fieldId: string): FieldChart['zones'] {
  return rules.flatMap((rule) => numericThresholds(rule.when, fieldId).map((threshold) => ({ zone: rule.zone, ...threshold, ruleId: rule.id })));
}

/**
 * Score charts with severity bands (each later total marked as a reliable improvement or deterioration
 * from the first, when the instrument declares its reliability), and registration charts with zones
 * and goals, for one enrollment.
 */
export function buildCharts(modules: readonly Module[], enrollment: EnrollmentRecord, unit: UnitRecord, responses: readonly ResponseRecord[], plans: readonly PlanRecord[], now: string, language: string | undefined): Charts {
  const instruments: InstrumentChart[] = [];
  const registrations: RegistrationChart[] = [];
  for (const module of modules) {
    const ofModule = responses.filter((response) => response.moduleId === module.id);
    for (const instrument of instrumentsOf(module)) {
      const range = scoreRange(instrument, instrument.scoring.total);
      const criterion = instrument.scoring.reliableChange;
      const totals = ofModule.flatMap((response) =>
        response.scores.filter((score) => score.instrumentId === instrument.id && score.total !== null).map((score) => ({ at: effectiveTime(response), total: score.total as number, band: score.band })),
      );
      const first = totals[0]?.total;
      instruments.push({
        moduleId: module.id,
        instrumentId: instrument.id,
        title: instrument.abbreviation,
        min: range.min,
        max: range.max,
        bands: instrument.scoring.bands.map((band) => ({ min: band.min, max: band.max, label: textIn(band.label, module, language), severity: band.level ?? 0 })),
        // Each later total against the first, when the instrument says what reliable change needs.
        points: totals.map((point, index) => (criterion && first !== undefined && index > 0 ? { ...point, reliableChange: reliableChange(criterion, first, point.total).classification } : point)),
        ...(criterion ? { reliableChange: { threshold: Math.round(reliableChangeThreshold(criterion) * 100) / 100, direction: criterion.direction, source: criterion.source } } : {}),
      });
    }
    for (const registration of registrationsOf(module)) {
      const entries = ofModule.filter((response) => response.registrationId === registration.id);
      const plan = plans.find((candidate) => candidate.moduleId === module.id && candidate.registrationId === registration.id);
      const rules = (registration.zones?.rules ?? []).map((rule) => ({ ...rule, when: plan && Object.hasOwn(plan.overrides, rule.id) ? (plan.overrides[rule.id] as Condition) : rule.when }));
      registrations.push({
        moduleId: module.id,
        registrationId: registration.id,
        title: textIn(registration.title, module, language),
        fields: registration.fields.map((field): FieldChart => {
          const points = entries.flatMap((entry) => {
            const value = plotValue(field, entry.answers[field.id]);
            return value === null ? [] : [{ at: effectiveTime(entry), value, zone: entry.zones.find((zone) => zone.fieldId === field.id)?.zone ?? null }];
          });
          const chart: FieldChart = {
            id: field.id,
            title: textIn(field.label, module, language),
            unit: field.input.kind === 'number' && field.input.unit ? textIn(field.input.unit.label, module, language) : null,
            zones: zoneThresholds(rules, field.id),
            points,
          };
          const goal = registration.goal?.field === field.id ? registration.goal : undefined;
          if (goal) {
            const entries = points.map((point) => ({ date: localDateOf(point.at, unit.timeZone), value: point.value }));
            chart.goal = { ...goal, label: textIn(goal.label, module, language), progress: goalProgress(goal, entries, { startDate: enrollment.startedOn, today: localDateOf(now, unit.timeZone) }) };
          }
          return chart;
        }),
      });
    }
  }
  return { instruments, registrations };
}

export function createChartCommands(deps: CareDeps) {
  const charts = async (enrollment: EnrollmentRecord, unit: UnitRecord, language: string | undefined): Promise<Charts> => {
    assertSchedulable(enrollment);
    const modules = await Promise.all(enrollment.modules.map(async (pin) => (await loadModule(deps, pin)).module));
    return buildCharts(modules, enrollment, unit, await deps.store.listResponses(enrollment.id), await deps.store.listPlans(enrollment.id), deps.now().toISOString(), language);
  };
  return {
    /** The patient's own charts: without the reliable change marks, which are for the therapist to interpret with them. */
    async myCharts(context: CareContext, enrollmentId: string): Promise<Charts> {
      const { enrollment, unit } = await ownEnrollment(deps, context, enrollmentId);
      const all = await charts(enrollment, unit, context.language);
      return {
        ...all,
        instruments: all.instruments.map(({ reliableChange: _criterion, ...chart }) => ({ ...chart, points: chart.points.map(({ reliableChange: _mark, ...point }) => point) })),
      };
    },
    async charts(context: CareContext, enrollmentId: string): Promise<Charts> {
      const { enrollment, unit, role } = await enrollmentFor(deps, context, enrollmentId, 'enrollment.read');
      await auditPatientRead(deps, context, role, enrollment, unit, 'charts');
      return charts(enrollment, unit, context.language);
    },
  };
}
