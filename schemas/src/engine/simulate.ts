import type { AlertRule, InstrumentBlock, LocalizedText, Module, Program, RegistrationBlock, ScheduledRegistration } from '../generated/format.js';
import type { Answers } from './answers.js';
import { addDays, daysBetween, isSupportedDate } from './calendar-date.js';
import { isMeasurementDone, measurementOccurrences } from './measurement-schedule.js';
import { moduleStates } from './module-unlocks.js';
import { programWeek } from './program-weeks.js';
import { missedRegistrations } from './registration-schedule.js';
import { responseDeadline } from './response-deadline.js';
import type { ScheduleContext } from './schedule-context.js';
import { programStatus, remindersDue } from './schedule.js';
import { scoreInstrument, scoreRange } from './scoring.js';
import { instrumentAnswers, personaAnswers, personaSeverity, registrationAnswers, seededRandom } from './simulation-persona.js';
import type { Persona } from './simulation-persona.js';
import { zoneFor } from './zones.js';
import { localDateOf, localDateTimeToInstant, localMidnight, parseInstant } from './zoned-time.js';

export type { Persona } from './simulation-persona.js';
export { PERSONAS, STOPS_ANSWERING_WEEK } from './simulation-persona.js';

/** How to run a simulation. */
export interface SimulationOptions {
  persona: Persona;
  /** The local date the synthetic patient starts ('YYYY-MM-DD'); week 1 begins at its midnight. */
  startDate: string;
  /** The patient's IANA time zone. */
  timeZone: string;
  /** Seed of the answers' random variation: the same seed gives the same run. */
  seed?: number;
  /** Local time ('HH:MM') at which the patient does what is due each day it answers; default 09:00. */
  answerTime?: string;
  /**
   * Called after each simulated day with the days done and the days in all, so a caller running
   * the simulation off the page's thread (the designer's worker) can show how far it is.
   */
  onProgress?: (daysDone: number, days: number) => void;
}

/** One thing that happened in a simulated run, at an instant, with its program day (1-based) and week. */
export type SimulationEvent = { at: string; day: number; week: number } & (
  | { kind: 'unlock'; moduleKey: string; moduleId: string; /** The patient is told (the module's `remind`). */ notified: boolean }
  | { kind: 'reminder'; about: 'measurement' | 'registration'; id: string; moduleId: string; dueAt: string; channels: Array<'app' | 'email'> }
  | { kind: 'moduleCompleted'; moduleKey: string; moduleId: string }
  | { kind: 'measurement'; measurementId: string; moduleId: string; scores: SimulatedScore[]; late: boolean }
  | { kind: 'registration'; registrationId: string; moduleId: string; date: string; zone: 'green' | 'yellow' | 'red' | null; late: boolean }
  | {
      kind: 'alert';
      /** An instrument's item rule (PHQ-9 item 9), its total or subscale rule, or a registration's zone rule. */
      source: 'item' | 'score' | 'zone';
      severity: 'info' | 'warning' | 'urgent';
      moduleId: string;
      /** The instrument's abbreviation or the registration's title. */
      title: LocalizedText | string;
      /** The rules that fired: one for an instrument's alert, every alerting zone rule of a registration entry. */
      ruleIds: string[];
      messages: LocalizedText[];
      /** The rule's response deadline, or null when it sets none. */
      respondBy: string | null;
      escalates: boolean;
    }
  | { kind: 'missingReport'; registrationId: string; moduleId: string; date: string; dueAt: string }
  | { kind: 'measurementMissed'; measurementId: string; moduleId: string; measurementWeek: number }
);

export interface SimulatedScore {
  instrumentId: string;
  title: string;
  total: number | null;
  band: string | null;
}

/** A score chart as the therapist sees it: the instrument's range, its bands and the totals over time. */
export interface SimulatedScoreChart {
  moduleId: string;
  instrumentId: string;
  title: string;
  min: number;
  max: number;
  bands: Array<{ id: string; min: number; max: number; label: LocalizedText; level: number }>;
  points: Array<{ at: string; week: number; total: number; band: string | null }>;
}

/** A registration's numeric fields over the days, with each entry's zone. */
export interface SimulatedRegistrationChart {
  moduleId: string;
  registrationId: string;
  title: LocalizedText;
  fields: Array<{ fieldId: string; label: LocalizedText; unit: LocalizedText | null; points: Array<{ date: string; value: number }> }>;
  zones: Array<{ date: string; zone: 'green' | 'yellow' | 'red' }>;
}

export interface SimulationResult {
  persona: Persona;
  startDate: string;
  timeZone: string;
  durationWeeks: number;
  /** In time order. */
  events: SimulationEvent[];
  charts: { scores: SimulatedScoreChart[]; registrations: SimulatedRegistrationChart[] };
  /** Modules the program names that were not given: scheduled, but not answered or scored. */
  missingModules: string[];
}

/** What ends a simulation early: never more than the longest program a schema allows. */
const MAX_WEEKS = 104;

/**
 * Runs a synthetic patient through a program's whole schedule with the engine: a clock steps day by
 * day from the start date to the end of the last week; each day the patient (while the persona
 * still answers) completes every unlocked module, fills in every open measurement and makes the
 * day's registration entries at `answerTime`, with answers from the persona (`simulation-persona.ts`);
 * instruments are scored and zones decided as the server does, and what the server would do in
 * between (unlock notices, reminders, missing-report alerts) comes from the same schedule functions
 * its minute job calls (`remindersDue`, `missedRegistrations`). Nothing is stored; the same inputs
 * and seed give the same run. `modules` are the module contents by id; a module missing there is
 * scheduled but not answered, and listed in `missingModules`.
 *
 * @example
 * simulateProgram(program, modulesById, { persona: 'deteriorating', startDate: '2026-03-02', timeZone: 'Europe/Stockholm' })
 *   .events.filter((event) => event.kind === 'alert');
 */
export function simulateProgram(program: Program, modules: Readonly<Record<string, Module>>, options: SimulationOptions): SimulationResult {
  if (!isSupportedDate(options.startDate)) throw new RangeError(`The start date "${options.startDate}" is not a supported calendar date.`);
  if (!Number.isInteger(program.durationWeeks) || program.durationWeeks < 1 || program.durationWeeks > MAX_WEEKS) {
    throw new RangeError(`A program lasts 1 to ${MAX_WEEKS} weeks, not ${program.durationWeeks}.`);
  }
  const { persona, startDate, timeZone } = options;
  const answerTime = options.answerTime ?? '09:00';
  const random = seededRandom(options.seed ?? 1);
  const startedAt = localMidnight(startDate, timeZone);
  const context: MutableContext = { startedAt, timeZone, now: startedAt, completedModules: {}, measurementsDone: [], registrationsDone: [] };
  const events: SimulationEvent[] = [];
  const charts = new ChartBuilder(program, modules, startedAt, timeZone);
  const when = (at: string) => ({ at, day: daysBetween(startDate, localDateOf(at, timeZone)) + 1, week: programWeek(startedAt, timeZone, at) });
  const seenUnlocks = new Set<string>();
  const remindFor = new Map(program.modules.map((scheduled) => [scheduled.key, scheduled.remind !== false]));
  // When in each measurement window the persona answers: a reliable patient at once, the others some days in.
  const measurementDay = new Map<string, number>();

  /** What the server would do by itself in [from, to): unlocks, reminders, missing reports, closed measurements. */
  const sweep = (from: string, to: string) => {
    const at = { ...context, now: to };
    for (const state of moduleStates(program, at)) {
      if (state.unlockedAt === null || seenUnlocks.has(state.key) || parseInstant(state.unlockedAt) < parseInstant(from)) continue;
      if (parseInstant(state.unlockedAt) >= parseInstant(to)) continue;
      seenUnlocks.add(state.key);
      events.push({ ...when(state.unlockedAt), kind: 'unlock', moduleKey: state.key, moduleId: state.moduleId, notified: remindFor.get(state.key) ?? true });
    }
    for (const reminder of remindersDue(program, at, from, to)) {
      if (reminder.kind === 'module' || reminder.dueAt === null) continue;
      events.push({ ...when(reminder.sendAt), kind: 'reminder', about: reminder.kind, id: reminder.id, moduleId: reminder.moduleId, dueAt: reminder.dueAt, channels: reminder.channels });
    }
    for (const missed of missedRegistrations(program, at, from)) {
      const registration = registrationOf(program, missed.registrationId);
      events.push({ ...when(missed.dueAt), kind: 'missingReport', registrationId: missed.registrationId, moduleId: registration.module.moduleId, date: missed.date, dueAt: missed.dueAt });
    }
    for (const occurrence of measurementOccurrences(program, at)) {
      const closesAt = localMidnight(addDays(localDateOf(occurrence.opensAt, timeZone), 7), timeZone);
      const closes = parseInstant(closesAt);
      if (closes < parseInstant(from) || closes >= parseInstant(to) || isMeasurementDone(at, occurrence.measurementId, occurrence.week)) continue;
      events.push({ ...when(closesAt), kind: 'measurementMissed', measurementId: occurrence.measurementId, moduleId: occurrence.moduleId, measurementWeek: occurrence.week });
    }
  };

  /** The persona does what is due at `at`. */
  const act = (at: string) => {
    const week = programWeek(startedAt, timeZone, at);
    if (!personaAnswers(persona, week)) return;
    const severity = personaSeverity(persona, week, program.durationWeeks);
    context.now = at;
    const status = programStatus(program, context);
    for (const state of status.modules) {
      if (state.state !== 'unlocked') continue;
      context.completedModules[state.key] = at;
      events.push({ ...when(at), kind: 'moduleCompleted', moduleKey: state.key, moduleId: state.moduleId });
      const module = modules[state.moduleId];
      const scores = module ? scoreAnswers(module, severity, at) : [];
      charts.addScores(state.moduleId, scores, at);
      for (const { alerts } of scores) events.push(...alerts);
    }
    for (const due of status.dueMeasurements) {
      const key = `${due.measurementId}:${due.week}`;
      if (!measurementDay.has(key)) measurementDay.set(key, answerDelay(persona, dueWithin(program, due.measurementId), random));
      const daysIn = daysBetween(localDateOf(due.opensAt, timeZone), localDateOf(at, timeZone));
      if (daysIn < (measurementDay.get(key) ?? 0)) continue;
      context.measurementsDone.push({ measurementId: due.measurementId, week: due.week });
      const module = modules[due.moduleId];
      const scores = module ? scoreAnswers(module, severity, at) : [];
      charts.addScores(due.moduleId, scores, at);
      events.push({ ...when(at), kind: 'measurement', measurementId: due.measurementId, moduleId: due.moduleId, scores: scores.map(({ score }) => score), late: due.overdue });
      // Alerts after the measurement that raised them, as the therapist sees them.
      for (const { alerts } of scores) events.push(...alerts);
    }
    for (const due of status.dueRegistrations) {
      if (skipsEntry(persona, random)) continue;
      context.registrationsDone.push({ registrationId: due.registrationId, date: due.date });
      const module = modules[due.moduleId];
      const block = module ? registrationBlockOf(module, due.registration) : undefined;
      if (!module || !block) {
        events.push({ ...when(at), kind: 'registration', registrationId: due.registrationId, moduleId: due.moduleId, date: due.date, zone: null, late: due.overdue });
        continue;
      }
      const answers = registrationAnswers(block, severity, random, due.date);
      const zone = block.zones ? zoneFor(block.zones, answers) : null;
      charts.addEntry(due.moduleId, block, due.registrationId, due.date, answers, zone?.zone ?? null);
      events.push({ ...when(at), kind: 'registration', registrationId: due.registrationId, moduleId: due.moduleId, date: due.date, zone: zone?.zone ?? null, late: due.overdue });
      if (zone && zone.alertRules.length > 0) {
        // One alert per entry naming every rule that asked for it, as the server raises it.
        const rules = block.zones!.rules.filter((rule) => zone.alertRules.includes(rule.id));
        events.push({ ...when(at), kind: 'alert', source: 'zone', severity: zone.zone === 'red' ? 'urgent' : 'warning', moduleId: module.id, title: block.title, ruleIds: zone.alertRules, messages: rules.map((rule) => rule.explanation ?? { [module.defaultLanguage]: rule.id }), respondBy: null, escalates: false });
      }
    }
  };

  /** Answers and scores every instrument of a module; the alerts its rules raise, as events. */
  const scoreAnswers = (module: Module, severity: number, at: string) =>
    instrumentsOf(module).map((instrument) => {
      const answers: Answers = instrumentAnswers(instrument, severity, random);
      const score = scoreInstrument(instrument, answers);
      const alerts = score.alerts.flatMap((ruleId): SimulationEvent[] => {
        const rule = instrument.scoring.alerts?.find((candidate) => candidate.id === ruleId);
        return rule ? [alertEvent(module, instrument, rule, at, timeZone, when(at))] : [];
      });
      return { instrument, score: { instrumentId: instrument.id, title: instrument.abbreviation, total: score.total, band: score.band }, alerts };
    });

  for (let day = 0; day < program.durationWeeks * 7; day++) {
    const date = addDays(startDate, day);
    const [dayStart, dayEnd] = [localMidnight(date, timeZone), localMidnight(addDays(date, 1), timeZone)];
    const answerAt = clampInstant(localDateTimeToInstant(date, answerTime, timeZone), dayStart, dayEnd);
    sweep(dayStart, answerAt);
    act(answerAt);
    sweep(answerAt, dayEnd);
    options.onProgress?.(day + 1, program.durationWeeks * 7);
  }
  // The last week's measurements close when the program ends, just past the last day swept: they
  // are noted there, counted in the last day and week.
  const programEnd = localMidnight(addDays(startDate, program.durationWeeks * 7), timeZone);
  for (const occurrence of measurementOccurrences(program, { ...context, now: programEnd })) {
    const closesAt = localMidnight(addDays(localDateOf(occurrence.opensAt, timeZone), 7), timeZone);
    if (closesAt !== programEnd || isMeasurementDone(context, occurrence.measurementId, occurrence.week)) continue;
    events.push({ at: programEnd, day: program.durationWeeks * 7, week: program.durationWeeks, kind: 'measurementMissed', measurementId: occurrence.measurementId, moduleId: occurrence.moduleId, measurementWeek: occurrence.week });
  }
  // Within a step events are pushed in the order they happen; the sort is stable, so an alert stays after its answer.
  const ordered = [...events].sort((a, b) => parseInstant(a.at) - parseInstant(b.at));
  return {
    persona,
    startDate,
    timeZone,
    durationWeeks: program.durationWeeks,
    events: ordered,
    charts: charts.result(),
    missingModules: [...new Set(referencedModules(program))].filter((id) => !Object.hasOwn(modules, id)).sort(),
  };
}

/**
 * Runs one module on its own: as a program of `weeks` weeks (default 4) where the module opens in
 * week 1, each instrument it holds is a measurement every week (due within 3 days), and each
 * registration it holds is due daily by 21:00 with an alert when an entry is missing, so a designer
 * sees its scoring, alert rules and zones over time before it is part of a program.
 *
 * @example
 * simulateModule(phq9, { persona: 'deteriorating', startDate: '2026-03-02', timeZone: 'Europe/Stockholm' }, 8);
 */
export function simulateModule(module: Module, options: SimulationOptions, weeks = 4): SimulationResult {
  return simulateProgram(moduleAsProgram(module, weeks), { [module.id]: module }, options);
}

/** The one-module program {@link simulateModule} runs. */
export function moduleAsProgram(module: Module, weeks: number): Program {
  const ref = { moduleId: module.id };
  const allWeeks = Array.from({ length: weeks }, (_, index) => index + 1) as [number, ...number[]];
  const registrations: ScheduledRegistration[] = registrationsOf(module).map((block) => ({ id: block.id, module: ref, registration: block.id, frequency: 'daily', deadline: '21:00', alertWhenMissing: true }));
  return {
    formatVersion: 1,
    id: module.id,
    title: module.title,
    languages: module.languages,
    defaultLanguage: module.defaultLanguage,
    durationWeeks: weeks,
    modules: [{ key: module.id, module: ref, unlock: { week: 1 } }],
    ...(instrumentsOf(module).length > 0 ? { measurements: [{ id: module.id, module: ref, weeks: allWeeks, dueWithinDays: 3 }] } : {}),
    ...(registrations.length > 0 ? { registrations } : {}),
  };
}

type MutableContext = ScheduleContext & {
  completedModules: Record<string, string>;
  measurementsDone: Array<{ measurementId: string; week: number }>;
  registrationsDone: Array<{ registrationId: string; date: string }>;
};

function alertEvent(module: Module, instrument: InstrumentBlock, rule: AlertRule, at: string, timeZone: string, when: { at: string; day: number; week: number }): SimulationEvent {
  return {
    ...when,
    kind: 'alert',
    source: rule.when.of === 'item' ? 'item' : 'score',
    severity: rule.level,
    moduleId: module.id,
    title: instrument.abbreviation,
    ruleIds: [rule.id],
    messages: [rule.message],
    respondBy: responseDeadline(at, timeZone, rule.response),
    escalates: rule.response?.escalate === true,
  };
}

/** Days into a measurement's window the persona answers it: improving at once, unchanged up to a day before the deadline, deteriorating up to the deadline (late). */
function answerDelay(persona: Persona, dueWithinDays: number, random: () => number): number {
  const draw = random();
  if (persona === 'improving') return 0;
  const latest = persona === 'deteriorating' ? Math.min(dueWithinDays, 6) : Math.max(0, dueWithinDays - 1);
  return Math.floor(draw * (latest + 1));
}

/** Whether the persona leaves out a day's registration entry: unchanged 1 day in 20, deteriorating 1 in 7, improving never. */
function skipsEntry(persona: Persona, random: () => number): boolean {
  const draw = random();
  return persona === 'unchanged' || persona === 'stopsInWeek3' ? draw < 0.05 : persona === 'deteriorating' ? draw < 1 / 7 : false;
}

function dueWithin(program: Program, measurementId: string): number {
  return program.measurements?.find((measurement) => measurement.id === measurementId)?.dueWithinDays ?? 1;
}

function registrationOf(program: Program, registrationId: string): ScheduledRegistration {
  const registration = program.registrations?.find((candidate) => candidate.id === registrationId);
  if (!registration) throw new Error(`Program "${program.id}" has no registration "${registrationId}".`);
  return registration;
}

function referencedModules(program: Program): string[] {
  return [...program.modules, ...(program.measurements ?? []), ...(program.registrations ?? [])].map((entry) => entry.module.moduleId);
}

function instrumentsOf(module: Module): InstrumentBlock[] {
  return module.pages.flatMap((page) => page.blocks).filter((block): block is InstrumentBlock => block.type === 'instrument');
}

function registrationsOf(module: Module): RegistrationBlock[] {
  return module.pages.flatMap((page) => page.blocks).filter((block): block is RegistrationBlock => block.type === 'registration');
}

function registrationBlockOf(module: Module, id: string): RegistrationBlock | undefined {
  return registrationsOf(module).find((block) => block.id === id);
}

function clampInstant(at: string, from: string, to: string): string {
  const ms = parseInstant(at);
  return ms < parseInstant(from) ? from : ms >= parseInstant(to) ? new Date(parseInstant(to) - 60_000).toISOString() : at;
}

/** Collects the end charts from the run's scores and entries. */
class ChartBuilder {
  readonly #scores = new Map<string, SimulatedScoreChart>();
  readonly #registrations = new Map<string, SimulatedRegistrationChart>();

  constructor(
    program: Program,
    modules: Readonly<Record<string, Module>>,
    private readonly startedAt: string,
    private readonly timeZone: string,
  ) {
    // Every instrument of a measured module has a chart, even one the persona never filled in.
    for (const measurement of program.measurements ?? []) {
      const module = modules[measurement.module.moduleId];
      for (const instrument of module ? instrumentsOf(module) : []) this.#scoreChart(module!.id, instrument);
    }
  }

  addScores(moduleId: string, scores: Array<{ instrument: InstrumentBlock; score: SimulatedScore }>, at: string): void {
    for (const { instrument, score } of scores) {
      if (score.total === null) continue;
      this.#scoreChart(moduleId, instrument).points.push({ at, week: programWeek(this.startedAt, this.timeZone, at), total: score.total, band: score.band });
    }
  }

  addEntry(moduleId: string, block: RegistrationBlock, registrationId: string, date: string, answers: Answers, zone: 'green' | 'yellow' | 'red' | null): void {
    const key = `${moduleId}/${registrationId}`;
    let chart = this.#registrations.get(key);
    if (!chart) {
      chart = {
        moduleId,
        registrationId,
        title: block.title,
        fields: block.fields.filter((field) => ['number', 'slider', 'scale', 'yesNo'].includes(field.input.kind)).map((field) => ({ fieldId: field.id, label: field.label, unit: field.input.kind === 'number' ? (field.input.unit?.label ?? null) : null, points: [] })),
        zones: [],
      };
      this.#registrations.set(key, chart);
    }
    for (const series of chart.fields) {
      const field = block.fields.find((candidate) => candidate.id === series.fieldId)!;
      const value = plotValue(field.input, answers[field.id]);
      if (value !== null) series.points.push({ date, value });
    }
    if (zone) chart.zones.push({ date, zone });
  }

  result(): SimulationResult['charts'] {
    return { scores: [...this.#scores.values()], registrations: [...this.#registrations.values()] };
  }

  #scoreChart(moduleId: string, instrument: InstrumentBlock): SimulatedScoreChart {
    const key = `${moduleId}/${instrument.id}`;
    let chart = this.#scores.get(key);
    if (!chart) {
      const range = scoreRange(instrument, instrument.scoring.total);
      chart = {
        moduleId,
        instrumentId: instrument.id,
        title: instrument.abbreviation,
        min: range.min,
        max: range.max,
        bands: instrument.scoring.bands.map((band) => ({ id: band.id, min: band.min, max: band.max, label: band.label, level: band.level ?? 0 })),
        points: [],
      };
      this.#scores.set(key, chart);
    }
    return chart;
  }
}

/** A field's answer as a number to plot, as the therapist's chart does: numbers as they are, scale options by value, yes/no as 1/0. */
function plotValue(input: RegistrationBlock['fields'][number]['input'], value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && input.kind === 'scale') return input.options.find((option) => option.id === value)?.value ?? null;
  return null;
}
