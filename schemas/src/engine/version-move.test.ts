import { describe, expect, it } from 'vitest';
import { indexModule } from './module-index.js';
import { choice, field, instrument, moduleOf, page, programOf, question, registration } from './test-fixtures.js';
import { carryOverAnswers, droppedAdjustments, itemLosses, itemPrompt, moveLevel, pinChanges } from './version-move.js';

const v1 = moduleOf(
  page('p1', [question('mood', choice('low', 'mid', 'high')), question('sleep', choice('bad', 'good')), question('hours', { kind: 'number', min: 0, max: 24 })]),
  page('p2', [instrument(['i1', 'i2']), registration('diary', [field('steps', { kind: 'number', min: 0, max: 100000 })])]),
);
// Version 2: "sleep" is gone, "mood" lost "mid", "hours" became a choice and allows only 0–12 as a number no more.
const v2 = moduleOf(
  page('p1', [question('mood', choice('low', 'high')), question('hours', choice('few', 'many')), question('energy', choice('none', 'some'))]),
  page('p2', [instrument(['i1', 'i2']), registration('diary', [field('steps', { kind: 'number', min: 0, max: 50000 })])]),
);

describe('moveLevel', () => {
  const releases = [{ number: 2, releaseClass: 'minor' as const }, { number: 3, releaseClass: 'major' as const }, { number: 4, releaseClass: 'minor' as const }];
  it('is major when any release passed over was major, minor otherwise', () => {
    expect(moveLevel(releases, 1, 2)).toBe('minor');
    expect(moveLevel(releases, 1, 3)).toBe('major');
    expect(moveLevel(releases, 2, 4)).toBe('major');
    expect(moveLevel(releases, 3, 4)).toBe('minor');
  });
  it('refuses a move to the same or an older version', () => {
    expect(() => moveLevel(releases, 3, 3)).toThrow(/newer/);
    expect(() => moveLevel(releases, 4, 2)).toThrow(/newer/);
  });
});

describe('itemLosses', () => {
  it('names removed items, items whose answer kind changed and choices that lost options, with their prompt', () => {
    expect(itemLosses(indexModule(v1), indexModule(v2))).toEqual([
      { itemId: 'mood', reason: 'options_removed', removedOptions: ['mid'], prompt: { en: 'mood' } },
      { itemId: 'sleep', reason: 'item_removed', prompt: { en: 'sleep' } },
      { itemId: 'hours', reason: 'answer_kind_changed', prompt: { en: 'hours' } },
    ]);
  });
  it('finds nothing lost between identical versions, or when items were only added', () => {
    expect(itemLosses(indexModule(v1), indexModule(v1))).toEqual([]);
    expect(itemLosses(indexModule(v2), indexModule(moduleOf(...v2.pages, page('p3', [question('extra', choice('a', 'b'))]))))).toEqual([]);
  });
});

describe('carryOverAnswers', () => {
  it('keeps answers by item id that fit the newer version and names each one left behind', () => {
    const result = carryOverAnswers(indexModule(v2), { mood: 'low', sleep: 'good', hours: 7, i1: 's2', steps: 60000, gone: null });
    expect(result.carried).toEqual({ mood: 'low', i1: 's2' });
    expect(result.dropped).toEqual([
      { itemId: 'sleep', reason: 'item_removed' },
      { itemId: 'hours', reason: 'answer_no_longer_fits' },
      { itemId: 'steps', reason: 'answer_no_longer_fits' },
      { itemId: 'gone', reason: 'item_removed' },
    ]);
  });
  it('drops an answer naming an option the newer version removed, keeps one naming a kept option, and keeps cleared answers', () => {
    expect(carryOverAnswers(indexModule(v2), { mood: 'mid' })).toEqual({ carried: {}, dropped: [{ itemId: 'mood', reason: 'answer_no_longer_fits' }] });
    expect(carryOverAnswers(indexModule(v2), { mood: 'high', energy: null })).toEqual({ carried: { mood: 'high', energy: null }, dropped: [] });
  });
  it('does not change the answers it was given', () => {
    const answers = Object.freeze({ mood: 'low', sleep: 'good' });
    carryOverAnswers(indexModule(v2), answers);
    expect(answers).toEqual({ mood: 'low', sleep: 'good' });
  });
});

describe('droppedAdjustments', () => {
  const newer = programOf({
    modules: [{ key: 'intro', module: { moduleId: 'intro' }, unlock: {} }, { key: 'week2', module: { moduleId: 'w2' }, unlock: { week: 2 } }],
    registrations: [{ id: 'daily', module: { moduleId: 'w2' }, registration: 'diary', deadline: '20:00' }] as never,
  });
  it('names early unlocks, hidden modules and own deadlines the newer program has no place for; pauses always carry over', () => {
    const adjustments = {
      earlyUnlocks: { week2: '2026-03-03T08:00:00.000Z', week3: '2026-03-04T08:00:00.000Z' },
      hiddenModules: ['intro', 'bonus'],
      registrationDeadlines: { daily: '18:00', evening: '21:00' },
      pauses: [{ pausedAt: '2026-03-05T08:00:00.000Z', resumedAt: null }],
    };
    expect(droppedAdjustments(newer, adjustments)).toEqual([
      { kind: 'early_unlock', key: 'week3' },
      { kind: 'hidden_module', key: 'bonus' },
      { kind: 'registration_deadline', key: 'evening' },
    ]);
    expect(droppedAdjustments(newer, {})).toEqual([]);
  });
});

describe('pinChanges', () => {
  it('lists modules whose version changes, modules no longer scheduled and modules newly scheduled', () => {
    expect(pinChanges(
      [{ moduleId: 'a', version: 1 }, { moduleId: 'b', version: 2 }, { moduleId: 'c', version: 1 }],
      [{ moduleId: 'a', version: 2 }, { moduleId: 'b', version: 2 }, { moduleId: 'd', version: 1 }],
    )).toEqual([{ moduleId: 'a', from: 1, to: 2 }, { moduleId: 'c', from: 1, to: null }, { moduleId: 'd', from: null, to: 1 }]);
  });
});

describe('itemPrompt', () => {
  it('gives what each kind of item asks, and nothing for an unknown item', () => {
    const index = indexModule(v1);
    expect(itemPrompt(index, 'mood')).toEqual({ en: 'mood' });
    expect(itemPrompt(index, 'i2')).toEqual({ en: 'i2' });
    expect(itemPrompt(index, 'steps')).toEqual({ en: 'steps' });
    expect(itemPrompt(index, 'nothing')).toBeUndefined();
  });
});
