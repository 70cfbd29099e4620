// Every shipped example validates, and a broken copy of each kind is rejected at the right place
// with a message that names what is wrong. Also: week 1's branches and conditions, and the programs'
// schedules, as the engine runs them.
import { describe, expect, it } from 'vitest';
import { pagePath } from '@careloom/format/engine';
import { visibleBlocks } from '@careloom/format/engine';
import { moduleStates } from '@careloom/format/engine';
import { measurementOccurrences } from '@careloom/format/engine';
import { missedRegistrations, registrationOccurrences } from '@careloom/format/engine';
import type { ScheduleContext } from '@careloom/format/engine';
import type { Module, Page, Program } from '@careloom/format';
import type { Issue } from '@careloom/format';
import { validateModule, validateProgram } from '@careloom/format/validate';
import { exampleFiles, exampleModules, readExample, readModule, readProgram } from './load.js';

const modules = exampleModules();
const resolveModule = (ref: { moduleId: string }) => modules.get(ref.moduleId);

/** A deep copy to break. */
const copy = <T>(value: T): T => structuredClone(value);

/** The issues, printed when the assertion fails so the disagreement is visible. */
function issuesOf(result: { ok: boolean; issues: Issue[] }): Issue[] {
  expect(result.ok, JSON.stringify(result.issues, null, 2)).toBe(false);
  return result.issues;
}

/** Asserts one issue at exactly `path` whose message contains every `mention`. */
function expectIssueAt(issues: Issue[], path: string, mentions: string[]): Issue {
  const found = issues.find((candidate) => candidate.path === path);
  expect(found, `no issue at ${path}; got ${JSON.stringify(issues, null, 2)}`).toBeDefined();
  for (const mention of mentions) expect(found!.message, JSON.stringify(found, null, 2)).toContain(mention);
  return found!;
}

describe('the shipped examples', () => {
  it.each(exampleFiles('modules'))('modules/%s validates', (name) => {
    const result = validateModule(readExample(`modules/${name}`));
    expect(result.issues, JSON.stringify(result.issues, null, 2)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it.each(exampleFiles('programs'))('programs/%s validates, with every referenced module resolved', (name) => {
    const result = validateProgram(readExample(`programs/${name}`), { resolveModule });
    expect(result.issues, JSON.stringify(result.issues, null, 2)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('are named after their ids', () => {
    for (const name of exampleFiles('modules')) expect(readExample<Module>(`modules/${name}`).id).toBe(name.replace(/\.json$/, ''));
    for (const name of exampleFiles('programs')) expect(readExample<Program>(`programs/${name}`).id).toBe(name.replace(/\.json$/, ''));
  });
});

describe('broken copies are rejected at the right place', () => {
  it('a condition on an item that does not exist (PHQ-9 crisis text)', () => {
    const phq9 = copy(readModule('phq-9'));
    const block = phq9.pages[0]!.blocks[2]!;
    expect(block.id).toBe('item9Support');
    block.visibleWhen = { op: 'ne', item: 'phq9_99', value: 'notAtAll' };
    expectIssueAt(issuesOf(validateModule(phq9)), '/pages/0/blocks/2/visibleWhen/item', ['phq9_99', 'item9Support']);
  });

  it('a quiz branch on a misspelt question (panic week 1)', () => {
    const week1 = copy(readModule('panic-week-1'));
    const quiz = week1.pages[4]!;
    expect(quiz.id).toBe('quiz');
    const when = quiz.branches![0]!.when;
    if (when.op !== 'all' || when.conditions[0]?.op !== 'eq') throw new Error('week 1 quiz branch changed shape');
    when.conditions[0].item = 'quizFainting';
    expectIssueAt(issuesOf(validateModule(week1)), '/pages/4/branches/0/when/conditions/0/item', ['quizFainting']);
  });

  it('a quiz branch that goes backwards (panic week 1)', () => {
    const week1 = copy(readModule('panic-week-1'));
    week1.pages[4]!.branches![0]!.goTo = 'welcome';
    expectIssueAt(issuesOf(validateModule(week1)), '/pages/4/branches/0/goTo', ['welcome']);
  });

  it('a gap between the PHQ-9 bands', () => {
    const phq9 = copy(readModule('phq-9'));
    const instrument = phq9.pages[0]!.blocks[1]!;
    if (instrument.type !== 'instrument') throw new Error('PHQ-9 instrument moved');
    // The mild band (5–9) and the test cases that expect it are gone: 5 to 9 fall in no band.
    instrument.scoring.bands.splice(instrument.scoring.bands.findIndex((band) => band.id === 'mild'), 1);
    for (let index = instrument.tests.length - 1; index >= 0; index--) {
      if (instrument.tests[index]!.expect.band === 'mild') instrument.tests.splice(index, 1);
    }
    const issues = issuesOf(validateModule(phq9));
    const gap = expectIssueAt(issues, '/pages/0/blocks/1/scoring/bands', ['5', '9', 'phq9']);
    expect(gap.code).toBe('bands.gap');
  });

  it('a PHQ-9 band that stops one short, caught by the gap check and by the scoring test at 9', () => {
    const phq9 = copy(readModule('phq-9'));
    const instrument = phq9.pages[0]!.blocks[1]!;
    if (instrument.type !== 'instrument') throw new Error('PHQ-9 instrument moved');
    instrument.scoring.bands[1]!.max = 8;
    const issues = issuesOf(validateModule(phq9));
    expectIssueAt(issues, '/pages/0/blocks/1/scoring/bands', ['9', 'phq9']);
    const testIndex = instrument.tests.findIndex((test) => test.name === 'highest mild score (9)');
    expectIssueAt(issues, `/pages/0/blocks/1/tests/${testIndex}`, ['mild']);
  });

  it('a string where a number is required (COPD temperature range)', () => {
    const copd = copy(readModule('copd-daily-report')) as unknown as { pages: Array<{ blocks: Array<{ fields: Array<{ id: string; input: Record<string, unknown> }> }> }> };
    const field = copd.pages[0]!.blocks[1]!.fields[3]!;
    expect(field.id).toBe('temperature');
    field.input.min = '34';
    expectIssueAt(issuesOf(validateModule(copd)), '/pages/0/blocks/1/fields/3/input/min', ['temperature', 'number']);
  });

  it('a zone rule comparing a number field with a string (COPD fever)', () => {
    const copd = copy(readModule('copd-daily-report'));
    const registration = copd.pages[0]!.blocks[1]!;
    if (registration.type !== 'registration' || !registration.zones) throw new Error('COPD registration moved');
    const fever = registration.zones.rules[3]!;
    expect(fever.id).toBe('fever');
    fever.when = { op: 'gte', item: 'temperature', value: '38' };
    expectIssueAt(issuesOf(validateModule(copd)), '/pages/0/blocks/1/zones/rules/3/when/value', ['temperature', 'number']);
  });

  it('a missing Swedish translation (panic week 1)', () => {
    const week1 = copy(readModule('panic-week-1'));
    delete (week1.pages[1]!.title as Record<string, string>).sv;
    const text = week1.pages[1]!.blocks[0]!;
    if (text.type !== 'text') throw new Error('week 1 text moved');
    delete (text.content as Record<string, unknown>).sv;
    const issues = issuesOf(validateModule(week1));
    expectIssueAt(issues, '/pages/1/title', ['"sv"', 'whatIsPanic']);
    expectIssueAt(issues, '/pages/1/blocks/0/content', ['"sv"', 'whatIsPanicText']);
    expect(issues).toHaveLength(2);
  });

  it('a program whose week unlocks after a module it does not have', () => {
    const program = copy(readProgram('panic-icbt-8-weeks'));
    program.modules[3]!.unlock.afterCompleting = ['week9'];
    expectIssueAt(issuesOf(validateProgram(program, { resolveModule })), '/modules/3/unlock/afterCompleting/0', ['week9', 'week4']);
  });

  it('a program naming a registration its module lacks, or a module only in English', () => {
    const program = copy(readProgram('panic-icbt-8-weeks'));
    program.registrations![0]!.registration = 'activityLog';
    expectIssueAt(issuesOf(validateProgram(program, { resolveModule })), '/registrations/0/registration', ['activityLog', 'activity-registration']);

    const englishOnly = copy(modules.get('gad-7')!);
    englishOnly.languages = ['en'];
    const issues = issuesOf(validateProgram(readProgram('panic-icbt-8-weeks'), {
      resolveModule: (ref) => (ref.moduleId === 'gad-7' ? englishOnly : modules.get(ref.moduleId)),
    }));
    expectIssueAt(issues, '/measurements/1/module', ['gad-7', '"sv"']);
  });
});

describe('panic week 1 as a patient goes through it', () => {
  const week1 = readModule('panic-week-1');
  const page = (id: string): Page => week1.pages.find((candidate) => candidate.id === id)!;
  const allRight = { quizFaint: 'rarely', quizMaintain: 'avoidance', quizPeak: 'passes' };

  it('skips the review page when every quiz answer is right', () => {
    expect(pagePath(week1, allRight)).toEqual(['welcome', 'whatIsPanic', 'film', 'panicCycle', 'quiz', 'homework', 'nextSteps']);
  });

  it('shows the review page, with only the explanations needed, after a wrong answer', () => {
    const answers = { ...allRight, quizFaint: 'often' };
    expect(pagePath(week1, answers)).toContain('quizReview');
    expect(visibleBlocks(page('quizReview'), answers).map((block) => block.id)).toEqual(['reviewIntro', 'reviewFaint']);
  });

  it('tailors the panic-cycle page to the patient\'s main fear', () => {
    expect(visibleBlocks(page('panicCycle'), { mainFear: 'faint' }).map((block) => block.id)).toEqual(['cycleText', 'fearFaint']);
    expect(visibleBlocks(page('panicCycle'), {}).map((block) => block.id)).toEqual(['cycleText']);
  });

  it('adds a note to the diary for someone without a recent attack', () => {
    expect(visibleBlocks(page('homework'), { hadAttackLastWeek: false }).map((block) => block.id)).toContain('noRecentAttack');
    expect(visibleBlocks(page('homework'), { hadAttackLastWeek: true }).map((block) => block.id)).not.toContain('noRecentAttack');
  });

  it('has a film with captions in both languages and a transcript', () => {
    const film = page('film').blocks.find((block) => block.type === 'film');
    if (film?.type !== 'film') throw new Error('no film');
    expect(film.captions?.map((track) => track.language)).toEqual(['en', 'sv']);
    expect(JSON.stringify(film.transcript.sv)).toContain('Sara');
  });
});

describe('the programs\' schedules', () => {
  // Started Monday 2 March 2026 at 09:00 in Stockholm (UTC+1).
  const base: ScheduleContext = {
    startedAt: '2026-03-02T08:00:00.000Z',
    timeZone: 'Europe/Stockholm',
    now: '2026-03-10T10:00:00.000Z', // Tuesday of week 2
    completedModules: {},
    measurementsDone: [],
    registrationsDone: [],
  };
  const panic = readProgram('panic-icbt-8-weeks');

  it('unlocks week 2 in week 2 only once week 1 is completed', () => {
    const stateOf = (context: ScheduleContext, key: string) => moduleStates(panic, context).find((module) => module.key === key)?.state;
    expect(stateOf(base, 'week1')).toBe('unlocked');
    expect(stateOf(base, 'week2')).toBe('locked');
    expect(stateOf({ ...base, completedModules: { week1: '2026-03-05T18:00:00.000Z' } }, 'week2')).toBe('unlocked');
    expect(stateOf({ ...base, now: '2026-03-05T19:00:00.000Z', completedModules: { week1: '2026-03-05T18:00:00.000Z' } }, 'week2')).toBe('locked');
  });

  it('measures PHQ-9 every week and GAD-7 in weeks 1, 4 and 8', () => {
    const occurrences = measurementOccurrences(panic, base);
    expect(occurrences.filter((o) => o.moduleId === 'phq-9').map((o) => o.week)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(occurrences.filter((o) => o.moduleId === 'gad-7').map((o) => o.week)).toEqual([1, 4, 8]);
  });

  it('asks for the activity diary daily by 21:00 from week 2', () => {
    const occurrences = registrationOccurrences(panic, 'activityDaily', base, '2026-03-02T00:00:00.000Z', '2026-03-11T00:00:00.000Z');
    expect(occurrences.map((o) => o.date)).toEqual(['2026-03-09', '2026-03-10']);
    expect(occurrences[0]!.dueAt).toBe('2026-03-09T20:00:00.000Z');
  });

  it('alerts when the COPD report has not arrived by noon', () => {
    const copd = readProgram('copd-home-follow-up');
    const context: ScheduleContext = { ...base, now: '2026-03-04T12:30:00.000Z', registrationsDone: [{ registrationId: 'copdDaily', date: '2026-03-02' }] };
    expect(missedRegistrations(copd, context, base.startedAt)).toEqual([
      { registrationId: 'copdDaily', date: '2026-03-03', dueAt: '2026-03-03T11:00:00.000Z' },
      { registrationId: 'copdDaily', date: '2026-03-04', dueAt: '2026-03-04T11:00:00.000Z' },
    ]);
  });
});
