import { describe, expect, it } from 'vitest';
import { moduleStates, moduleUnlocks } from './module-unlocks.js';
import { contextOf, programOf } from './test-fixtures.js';

// Started Monday 2 March 2026, 15:00 in Stockholm: week 2 begins 9 March 00:00 CET (8 March 23:00Z).
const program = programOf({
  modules: [
    { key: 'intro', module: { moduleId: 'intro' }, unlock: {} },
    { key: 'week2', module: { moduleId: 'exposure' }, unlock: { week: 2 } },
    { key: 'afterIntro', module: { moduleId: 'homework' }, unlock: { afterCompleting: ['intro'] } },
    { key: 'both', module: { moduleId: 'relapse' }, unlock: { week: 3, afterCompleting: ['intro', 'week2'] } },
    { key: 'quiet', module: { moduleId: 'extra' }, unlock: { week: 2 }, remind: false },
  ],
});

function states(extra: Parameters<typeof contextOf>[0]) {
  return Object.fromEntries(moduleStates(program, contextOf(extra)).map((state) => [state.key, [state.state, state.unlockedAt]]));
}

describe('moduleStates', () => {
  it('unlocks an empty rule at the start of week 1 and keeps later weeks locked', () => {
    expect(states({})).toEqual({
      intro: ['unlocked', '2026-03-01T23:00:00.000Z'],
      week2: ['locked', null],
      afterIntro: ['locked', null],
      both: ['locked', null],
      quiet: ['locked', null],
    });
  });

  it('unlocks a week’s module exactly at local midnight starting that week', () => {
    expect(states({ now: '2026-03-08T22:59:59.999Z' }).week2).toEqual(['locked', null]);
    expect(states({ now: '2026-03-08T23:00:00.000Z' }).week2).toEqual(['unlocked', '2026-03-08T23:00:00.000Z']);
  });

  it('unlocks after completion of the prerequisites, at the later of completion and week start', () => {
    const completedModules = { intro: '2026-03-03T09:00:00.000Z' };
    expect(states({ now: '2026-03-04T00:00:00.000Z', completedModules })).toMatchObject({
      intro: ['completed', '2026-03-01T23:00:00.000Z'],
      afterIntro: ['unlocked', '2026-03-03T09:00:00.000Z'],
      both: ['locked', null],
    });
    const bothDone = { intro: '2026-03-03T09:00:00.000Z', week2: '2026-03-10T09:00:00.000Z' };
    expect(states({ now: '2026-03-15T22:59:00.000Z', completedModules: bothDone }).both).toEqual(['locked', null]);
    expect(states({ now: '2026-03-15T23:00:00.000Z', completedModules: bothDone }).both).toEqual(['unlocked', '2026-03-15T23:00:00.000Z']);
    const lateDone = { intro: '2026-03-03T09:00:00.000Z', week2: '2026-03-20T09:00:00.000Z' };
    expect(states({ now: '2026-03-21T00:00:00.000Z', completedModules: lateDone }).both).toEqual(['unlocked', '2026-03-20T09:00:00.000Z']);
  });

  it('reports a completed module as completed whatever its rule says', () => {
    expect(states({ completedModules: { week2: '2026-03-02T15:00:00.000Z' } }).week2).toEqual(['completed', null]);
  });

  it('throws on an unknown prerequisite', () => {
    const broken = programOf({ modules: [{ key: 'a', module: { moduleId: 'a' }, unlock: { afterCompleting: ['ghost'] } }] });
    expect(() => moduleStates(broken, contextOf())).toThrow(/unknown module "ghost"/);
  });
});

describe('moduleUnlocks', () => {
  it('lists modules unlocking in [from, to) that ask for a reminder', () => {
    const context = contextOf();
    expect(moduleUnlocks(program, context, '2026-03-08T00:00:00.000Z', '2026-03-09T00:00:00.000Z')).toEqual([
      { key: 'week2', moduleId: 'exposure', unlockedAt: '2026-03-08T23:00:00.000Z' },
    ]);
    expect(moduleUnlocks(program, context, '2026-03-08T23:00:00.000Z', '2026-03-08T23:00:00.001Z')).toHaveLength(1);
    expect(moduleUnlocks(program, context, '2026-03-08T22:00:00.000Z', '2026-03-08T23:00:00.000Z')).toEqual([]);
  });

  it('lists a module unlocked by a completion, and leaves out modules waiting for the patient or already completed', () => {
    const context = contextOf({ completedModules: { intro: '2026-03-03T09:00:00.000Z' } });
    expect(moduleUnlocks(program, context, '2026-03-03T00:00:00.000Z', '2026-03-04T00:00:00.000Z')).toEqual([
      { key: 'afterIntro', moduleId: 'homework', unlockedAt: '2026-03-03T09:00:00.000Z' },
    ]);
    expect(moduleUnlocks(program, contextOf(), '2026-03-01T00:00:00.000Z', '2026-03-20T00:00:00.000Z').map((unlock) => unlock.key)).toEqual(['intro', 'week2']);
  });
});
