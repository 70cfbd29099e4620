import { beforeAll, describe, expect, it } from 'vitest';
import type { Module, Program, RegistrationBlock } from '@careloom/format';
import { addDays, instrumentAnswers, localDateOf, localMidnight, registrationAnswers, seededRandom, simulateProgram } from '@careloom/format/engine';
import type { Persona, SimulationEvent, SimulationResult } from '@careloom/format/engine';
import { createCareTestApp, type CareTestApp } from '../../testing/care-test-app.js';
import { exampleDocument, releaseExample } from '../../testing/care-fixtures.js';
import { expectStatus, responseBody } from '../../testing/care-scenario.js';

// The designer's time-travel simulator (engine `simulateProgram`) against the runtime's own
// schedule: a patient enrolled in a unit (Europe/Stockholm, as the fixture's unit-1) does exactly
// what the simulated patient does, at the same instants, while the minute job runs on an injected
// clock; the modules the runtime unlocks, the reminder e-mails it claims (by local day) and the
// missing-report alerts it raises are the simulator's. Runs cross a change to summer time, a change
// back and a new year, where a schedule computed in the wrong zone or by adding 24 hours slips.
const ZONE = 'Europe/Stockholm';
const moduleNames = ['phq-9', 'gad-7', 'activity-registration', 'copd-daily-report', ...[1, 2, 3, 4, 5, 6, 7, 8].map((week) => `panic-week-${week}`)];
const modules = Object.fromEntries(moduleNames.map((name) => [name, exampleDocument('module', name) as unknown as Module]));
const panic = exampleDocument('program', 'panic-icbt-8-weeks') as unknown as Program;
// The COPD follow-up is half a year of daily reports; five weeks of it show the same schedule.
const copd = { ...(exampleDocument('program', 'copd-home-follow-up') as unknown as Program), id: 'copd-five-weeks', durationWeeks: 5 };

let seeded: Buffer;
beforeAll(async () => {
  const t = await createCareTestApp();
  await releaseExample(t.stores.authoring, { kind: 'program', document: copd as unknown as Record<string, unknown>, organisationId: 'org-a', authorId: 'person-designer', publisherId: 'person-publisher', at: '2026-02-01T00:00:00.000Z' });
  seeded = t.snapshot();
});

type Act = Extract<SimulationEvent, { kind: 'moduleCompleted' | 'measurement' | 'registration' }>;

/** Answers a module accepts as complete: every question, exercise and registration field answered, the instruments by the engine's persona answers. */
function completeAnswers(module: Module, date: string): Record<string, unknown> {
  const random = seededRandom(3);
  const fields: Array<Record<string, unknown>> = [];
  let answers: Record<string, unknown> = {};
  for (const block of module.pages.flatMap((page) => page.blocks)) {
    if (block.type === 'question') fields.push({ id: block.id, label: block.prompt, input: block.input, required: true });
    else if (block.type === 'exercise' || block.type === 'registration') fields.push(...(block.fields ?? []).map((field) => ({ ...field, required: true })));
    else if (block.type === 'instrument') answers = { ...answers, ...instrumentAnswers(block, 0.2, random) };
  }
  return { ...answers, ...registrationAnswers({ type: 'registration', id: 'all', title: { en: 'all' }, fields } as unknown as RegistrationBlock, 0.3, random, date) };
}

function registrationEntry(moduleId: string, registrationId: string, date: string): Record<string, unknown> {
  const block = modules[moduleId]!.pages.flatMap((page) => page.blocks).find((candidate): candidate is RegistrationBlock => candidate.type === 'registration' && candidate.id === registrationId)!;
  return registrationAnswers(block, 0.2, seededRandom(5), date);
}

interface RuntimeRun {
  unlocks: Record<string, string>;
  reminders: string[];
  missingReports: string[];
}

/** Enrolls a patient in `program` starting `startDate` and lets them do what the simulated patient did, when they did it, with the minute job running in between. */
async function runtimeRun(program: Program, startDate: string, simulation: SimulationResult): Promise<RuntimeRun> {
  const t: CareTestApp = await createCareTestApp({ from: seeded, start: localMidnight(addDays(startDate, -1), ZONE) });
  const deploymentId = expectStatus(await t.call('care-admin', 'POST', '/api/care/units/unit-1/deployments', { documentId: program.id, version: 1 }), 201)['id'] as string;
  const created = expectStatus(await t.call('therapist', 'POST', '/api/care/units/unit-1/enrollments', { deploymentId, patient: { name: 'patient', email: 'patient@example.org' }, startsOn: startDate }), 201) as { enrollment: { id: string }; invitation: { code: string } };
  expectStatus(await t.call('patient', 'POST', '/api/me/invitations/accept', { code: created.invitation.code }), 200);
  const enrollmentId = created.enrollment.id;

  const acts = simulation.events.filter((event): event is Act => event.kind === 'moduleCompleted' || event.kind === 'measurement' || event.kind === 'registration');
  const days = Array.from({ length: program.durationWeeks * 7 + 2 }, (_, day) => localMidnight(addDays(startDate, day), ZONE));
  const checkpoints = [...new Set([...days, ...acts.map((act) => act.at)])].sort((a, b) => Date.parse(a) - Date.parse(b));
  for (const at of checkpoints) {
    t.clock.set(at);
    const work = await t.care.runDueWork(t.clock.now());
    expect(work.failed).toBe(0);
    for (const act of acts.filter((candidate) => candidate.at === at)) {
      const path = `/api/me/enrollments/${enrollmentId}/responses`;
      const body =
        act.kind === 'registration'
          ? responseBody(act.moduleId, registrationEntry(act.moduleId, program.registrations!.find((registration) => registration.id === act.registrationId)!.registration, act.date), { registrationId: program.registrations!.find((registration) => registration.id === act.registrationId)!.registration, answeredAt: at })
          : responseBody(act.moduleId, completeAnswers(modules[act.moduleId]!, localDateOf(at, ZONE)), { completes: true, answeredAt: at });
      expectStatus(await t.call('patient', 'POST', path, body), 201);
    }
  }
  const view = expectStatus(await t.call('patient', 'GET', `/api/me/enrollments/${enrollmentId}/program`), 200) as { modules: Array<{ key: string; unlockedAt?: string }> };
  const reminders = t.db.prepare('SELECT kind, item_id, local_date FROM reminders_sent WHERE enrollment_id = ? ORDER BY local_date, kind, item_id').all(enrollmentId) as Array<{ kind: string; item_id: string; local_date: string }>;
  const missing = t.db.prepare("SELECT dedupe_key FROM alerts WHERE enrollment_id = ? AND kind = 'missing_report' ORDER BY dedupe_key").all(enrollmentId) as Array<{ dedupe_key: string }>;
  return {
    unlocks: Object.fromEntries(view.modules.flatMap((module) => (module.unlockedAt ? [[module.key, new Date(module.unlockedAt).toISOString()]] : []))),
    reminders: reminders.map((row) => `${row.kind}:${row.item_id}:${row.local_date}`),
    missingReports: missing.map((row) => row.dedupe_key),
  };
}

/** The same, as the simulator tells it. */
function simulated(simulation: SimulationResult): RuntimeRun {
  const unlocks: Record<string, string> = {};
  const reminders: string[] = [];
  const missingReports: string[] = [];
  for (const event of simulation.events) {
    if (event.kind === 'unlock') unlocks[event.moduleKey] = event.at;
    // The minute job e-mails the reminders with an e-mail channel; the app shows the others itself.
    if (event.kind === 'reminder' && event.channels.includes('email')) reminders.push(`${event.about}:${event.id}:${localDateOf(event.at, ZONE)}`);
    if (event.kind === 'missingReport') missingReports.push(`missing:${event.registrationId}:${event.date}`);
  }
  return { unlocks, reminders: reminders.sort(), missingReports: missingReports.sort() };
}

const sorted = (run: RuntimeRun): RuntimeRun => ({ ...run, reminders: [...run.reminders].sort() });

describe('the simulator and the runtime\'s schedule', () => {
  it.each<[string, Program, string, Persona]>([
    ['the panic program across the change to summer time', panic, '2026-03-16', 'deteriorating'],
    ['the panic program across the change back from summer time', panic, '2026-10-12', 'stopsInWeek3'],
    ['the panic program across the new year', panic, '2026-12-14', 'unchanged'],
    ['the COPD daily reports across the change to summer time', copd, '2026-03-16', 'stopsInWeek3'],
    ['the COPD daily reports across the new year', copd, '2026-12-14', 'deteriorating'],
  ])('agree on unlocks, reminder days and missing-report alerts for %s', async (_name, program, startDate, persona) => {
    const simulation = simulateProgram(program, modules, { persona, startDate, timeZone: ZONE, seed: 11 });
    const runtime = await runtimeRun(program, startDate, simulation);
    const expected = simulated(simulation);
    expect(sorted(runtime)).toEqual(expected);
    // Not an agreement on nothing: each run unlocks, reminds and (stopping in week 3) misses reports.
    expect(Object.keys(expected.unlocks).length).toBeGreaterThan(0);
    expect(expected.reminders.length).toBeGreaterThan(0);
    if (program === copd && persona === 'stopsInWeek3') expect(expected.missingReports.length).toBeGreaterThanOrEqual(21);
  }, 300_000);

  it('puts every unlock at local midnight, both sides of the change to summer time', () => {
    const simulation = simulateProgram(panic, modules, { persona: 'improving', startDate: '2026-03-16', timeZone: ZONE });
    const unlocks = simulation.events.filter((event) => event.kind === 'unlock');
    expect(unlocks.slice(0, 3).map((event) => event.at)).toEqual(['2026-03-15T23:00:00.000Z', '2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
  });
});
