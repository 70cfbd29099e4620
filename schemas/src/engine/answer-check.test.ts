import { describe, expect, it } from 'vitest';
import type { Input } from '../generated/format.js';
import { checkAnswers } from './answer-check.js';
import { choice, field, instrument, moduleOf, page, question, registration } from './test-fixtures.js';

const module = moduleOf(
  page('intro', [
    question('mood', choice('low', 'high'), { required: true }),
    question('habits', { kind: 'multipleChoice', options: [{ id: 'coffee', label: { en: 'c' } }, { id: 'screens', label: { en: 's' } }, { id: 'alcohol', label: { en: 'a' } }], minSelected: 2, maxSelected: 2 }),
    question('anxiety', { kind: 'scale', options: [{ id: 'a0', label: { en: '0' }, value: 0 }, { id: 'a1', label: { en: '1' }, value: 1 }] }),
    question('pain', { kind: 'slider', min: 0, max: 1, step: 0.1 }),
    question('vas', { kind: 'slider', min: 0, max: 100 }),
    question('weight', { kind: 'number', min: 30, max: 250, decimals: 1 }),
    question('steps', { kind: 'number', min: 0 }),
    question('note', { kind: 'text', maxLength: 5 }),
    question('day', { kind: 'dateTime', mode: 'date' }),
    question('bedtime', { kind: 'dateTime', mode: 'time' }),
    question('woke', { kind: 'dateTime', mode: 'dateTime' }),
    question('smoker', { kind: 'yesNo' }),
    question('a/b~c', { kind: 'yesNo' }),
  ]),
  page('rating', [
    { type: 'grid', id: 'grid', prompt: { en: 'g' }, required: true, options: [{ id: 'never', label: { en: 'n' } }, { id: 'often', label: { en: 'o' } }], rows: [{ id: 'r1', prompt: { en: 'r1' } }, { id: 'r2', prompt: { en: 'r2' } }] },
    instrument(['i1', 'i2']),
  ], { visibleWhen: { op: 'eq', item: 'mood', value: 'low' } }),
  page('diary', [registration('entry', [field('spo2', { kind: 'number', min: 50, max: 100 }, true), field('feeling', choice('same', 'worse') as Input)])]),
);

function codes(answers: Record<string, unknown>, options = {}) {
  return checkAnswers(module, answers, options).map((issue) => `${issue.path} ${issue.code}`);
}

describe('checkAnswers: well-formed answers', () => {
  it('accepts answers that fit every input, and null, "" and [] as cleared', () => {
    expect(checkAnswers(module, {
      mood: 'low', habits: ['coffee', 'screens'], anxiety: 'a1', pain: 0.3, vas: 100, weight: 72.5, steps: 12000, note: 'åäö😀!',
      day: '2028-02-29', bedtime: '23:30', woke: '2026-03-29T02:30', smoker: false, 'a/b~c': true,
      r1: 'often', i1: 's3', spo2: 94, feeling: 'worse',
    })).toEqual([]);
    expect(checkAnswers(module, { mood: null, habits: [], note: '', day: '', weight: null, smoker: null })).toEqual([]);
  });

  it('reports items the module does not have, with an escaped path', () => {
    expect(checkAnswers(module, { 'x/y': 1 })).toEqual([{ code: 'answer.unknown_item', path: '/answers/x~1y', message: '"x/y" is not a question, grid row, instrument item or field of module "test-module".', params: { item: 'x/y' } }]);
    expect(codes({ 'a/b~c': 'yes' })).toEqual(['/answers/a~1b~0c answer.wrong_type']);
  });

  it('reports answers of the wrong type', () => {
    expect(codes({ mood: 1, habits: 'coffee', weight: '72', note: 5, day: 20260301, smoker: 'yes', r1: ['often'], i1: 3, spo2: true })).toEqual([
      '/answers/mood answer.wrong_type', '/answers/habits answer.wrong_type', '/answers/weight answer.wrong_type', '/answers/note answer.wrong_type',
      '/answers/day answer.wrong_type', '/answers/smoker answer.wrong_type', '/answers/r1 answer.wrong_type', '/answers/i1 answer.wrong_type', '/answers/spo2 answer.wrong_type',
    ]);
    expect(checkAnswers(module, { smoker: 'yes' })[0]?.message).toBe('"smoker" takes true or false, not text.');
    expect(codes({ habits: [1], mood: { id: 'low' } })).toEqual(['/answers/habits answer.wrong_type', '/answers/mood answer.wrong_type']);
  });

  it('reports option ids that are not options of the item, naming the allowed ones', () => {
    const [issue] = checkAnswers(module, { mood: 'sad' });
    expect(issue).toMatchObject({ code: 'answer.unknown_option', path: '/answers/mood', params: { allowed: ['low', 'high'] } });
    expect(issue?.message).toBe('"mood" must be one of "low" or "high"; "sad" is not one of its options.');
    expect(codes({ habits: ['coffee', 'tea'], anxiety: '1', r1: 'always', i1: 's4', feeling: 'better' })).toEqual([
      '/answers/habits answer.unknown_option', '/answers/anxiety answer.unknown_option', '/answers/r1 answer.unknown_option', '/answers/i1 answer.unknown_option', '/answers/feeling answer.unknown_option',
    ]);
  });

  it('checks how many options a multiple-choice answer picks', () => {
    expect(codes({ habits: ['coffee', 'screens', 'alcohol'] })).toEqual(['/answers/habits answer.too_many_options']);
    expect(codes({ habits: ['coffee'] })).toEqual(['/answers/habits answer.too_few_options']);
    expect(codes({ habits: ['coffee', 'coffee'] })).toEqual(['/answers/habits answer.duplicate_option']);
  });

  it('checks slider range and step', () => {
    expect(codes({ pain: 1.1, vas: -1 })).toEqual(['/answers/pain answer.out_of_range', '/answers/vas answer.out_of_range']);
    expect(codes({ pain: 0.35, vas: 50.5 })).toEqual(['/answers/pain answer.off_step', '/answers/vas answer.off_step']);
    expect(checkAnswers(module, { vas: 101 })[0]?.message).toBe('"vas" takes a number from 0 to 100; 101 is outside that range.');
  });

  it('checks number range, whole numbers and decimals', () => {
    expect(codes({ weight: 29.9, steps: -1, spo2: 101 })).toEqual(['/answers/weight answer.out_of_range', '/answers/steps answer.out_of_range', '/answers/spo2 answer.out_of_range']);
    expect(checkAnswers(module, { steps: -1 })[0]?.message).toBe('"steps" takes a number of at least 0; -1 is outside that range.');
    expect(codes({ steps: 10.5 })).toEqual(['/answers/steps answer.not_integer']);
    expect(codes({ weight: 72.25 })).toEqual(['/answers/weight answer.too_many_decimals']);
  });

  it('counts text length in characters, not UTF-16 units', () => {
    expect(codes({ note: '😀😀😀😀😀' })).toEqual([]);
    expect(codes({ note: 'sixsix' })).toEqual(['/answers/note answer.too_long']);
  });

  it('checks the date and time format of each mode', () => {
    expect(codes({ day: '2026-02-30', bedtime: '7:30', woke: '2026-03-01 07:30' })).toEqual(['/answers/day answer.bad_format', '/answers/bedtime answer.bad_format', '/answers/woke answer.bad_format']);
    expect(codes({ day: '2026-03-01T07:30', bedtime: '24:00', woke: '2026-03-01' })).toEqual(['/answers/day answer.bad_format', '/answers/bedtime answer.bad_format', '/answers/woke answer.bad_format']);
    expect(checkAnswers(module, { bedtime: '25:00' })[0]?.message).toBe('"bedtime" takes a time of day written HH:MM (e.g. 07:30); "25:00" is not one.');
  });

  it('refuses dates outside 1900–2199, which no schedule or chart can place', () => {
    expect(codes({ day: '9999-12-31', woke: '0000-01-01T07:30' })).toEqual(['/answers/day answer.date_out_of_range', '/answers/woke answer.date_out_of_range']);
    expect(codes({ day: '1900-01-01', woke: '2199-12-31T23:59' })).toEqual([]);
    expect(checkAnswers(module, { day: '2200-01-01' })[0]?.message).toBe('"day" takes dates from 1900-01-01 to 2199-12-31; "2200-01-01" is outside them.');
  });
});

describe('checkAnswers: required answers', () => {
  it('reports required items missing on the given page', () => {
    expect(codes({}, { pageId: 'intro' })).toEqual(['/answers/mood answer.required']);
    expect(checkAnswers(module, {}, { pageId: 'intro' })[0]?.message).toBe('"mood" on page "intro" is required and has no answer.');
    expect(codes({ mood: 'low' }, { pageId: 'intro' })).toEqual([]);
  });

  it('asks nothing of a hidden page', () => {
    expect(codes({ mood: 'high' }, { pageId: 'rating' })).toEqual([]);
    expect(codes({ mood: 'low', r1: 'never' }, { pageId: 'rating' })).toEqual(['/answers/r2 answer.required', '/answers/i1 answer.required', '/answers/i2 answer.required']);
  });

  it('reports every required item on the path when the module is finished', () => {
    expect(codes({}, { requireComplete: true })).toEqual(['/answers/mood answer.required', '/answers/spo2 answer.required']);
    expect(codes({ mood: 'low' }, { requireComplete: true })).toEqual(['/answers/r1', '/answers/r2', '/answers/i1', '/answers/i2', '/answers/spo2'].map((path) => `${path} answer.required`));
    expect(codes({ mood: 'high', spo2: 95 }, { requireComplete: true, pageId: 'diary' })).toEqual([]);
  });

  it('reports both a malformed answer and the missing ones, malformed first', () => {
    expect(codes({ mood: 'sad' }, { pageId: 'intro', requireComplete: true })).toEqual(['/answers/mood answer.unknown_option', '/answers/spo2 answer.required']);
  });

  it('reports an unknown page at /pageId', () => {
    expect(checkAnswers(module, {}, { pageId: 'ghost' })).toEqual([{ code: 'answer.unknown_page', path: '/pageId', message: 'Module "test-module" has no page "ghost".', params: { pageId: 'ghost' } }]);
  });
});
