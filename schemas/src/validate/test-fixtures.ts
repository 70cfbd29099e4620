// Test helpers: a small valid module, program and response that each validation test breaks in one place.
import type { InstrumentBlock, Module, Program, Response } from '../generated/format.js';

/** Plain text in both fixture languages. */
export function text(sv: string, en = sv): { sv: string; en: string } {
  return { sv, en };
}

function rich(words: string) {
  const doc = { type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: words }] }] };
  return { sv: doc, en: doc };
}

const scale = ['never', 'some', 'often', 'always'].map((id, score) => ({ id, label: text(id), score })) as unknown as NonNullable<InstrumentBlock['options']>;

/** A valid module in Swedish and English with questions, a grid, an instrument and a registration. */
export function validModule(): Module {
  return {
    formatVersion: 1,
    id: 'sleep-basics',
    title: text('Sömn', 'Sleep'),
    languages: ['sv', 'en'],
    defaultLanguage: 'sv',
    pages: [
      {
        id: 'intro',
        title: text('Intro'),
        blocks: [
          { type: 'text', id: 'welcome', content: rich('Welcome') },
          { type: 'question', id: 'mood', prompt: text('Mood?'), required: true, input: { kind: 'singleChoice', options: [{ id: 'good', label: text('Good') }, { id: 'bad', label: text('Bad') }] } },
          { type: 'question', id: 'smoker', prompt: text('Smoker?'), input: { kind: 'yesNo' } },
          { type: 'question', id: 'hours', prompt: text('Hours?'), input: { kind: 'number', min: 0, max: 24, decimals: 1 } },
          { type: 'question', id: 'habits', prompt: text('Habits?'), input: { kind: 'multipleChoice', options: [{ id: 'coffee', label: text('Coffee') }, { id: 'screens', label: text('Screens') }], maxSelected: 2 } },
          { type: 'text', id: 'badNote', visibleWhen: { op: 'eq', item: 'mood', value: 'bad' }, content: rich('Sorry') },
        ],
        branches: [{ when: { op: 'eq', item: 'smoker', value: true }, goTo: 'scale' }],
      },
      {
        id: 'scale',
        title: text('Skattning', 'Rating'),
        visibleWhen: { op: 'gte', item: 'hours', value: 0 },
        blocks: [
          {
            type: 'instrument',
            id: 'isi',
            name: text('Sleep scale'),
            abbreviation: 'SS-3',
            licence: { name: 'Public domain', attribution: 'Careloom tests' },
            locked: true,
            options: scale,
            items: [
              { id: 'i1', text: text('Falling asleep', 'Falling asleep') },
              { id: 'i2', text: text('Waking up', 'Waking up') },
              { id: 'i3', text: text('Worry', 'Worry') },
            ],
            scoring: {
              total: { method: 'sum' },
              subscales: [{ id: 'night', name: text('Night'), method: 'sum', items: ['i1', 'i2'] }],
              missing: { maxMissing: 0, impute: 'zero' },
              bands: [
                { id: 'none', min: 0, max: 2, label: text('None') },
                { id: 'mild', min: 3, max: 5, label: text('Mild') },
                { id: 'severe', min: 6, max: 9, label: text('Severe') },
              ],
              alerts: [{ id: 'worry', level: 'urgent', message: text('Worry'), when: { of: 'item', item: 'i3', op: 'gt', value: 0 } }],
            },
            tests: [
              { name: 'lowest', answers: { i1: 'never', i2: 'never', i3: 'never' }, expect: { total: 0, band: 'none', alerts: [] } },
              { name: 'highest', answers: { i1: 'always', i2: 'always', i3: 'always' }, expect: { total: 9, band: 'severe', subscales: { night: 6 }, alerts: ['worry'] } },
            ],
          },
          {
            type: 'grid', id: 'week', prompt: text('This week'),
            options: [{ id: 'no', label: text('No') }, { id: 'yes', label: text('Yes') }],
            rows: [{ id: 'rested', prompt: text('Rested') }],
            visibleWhen: { op: 'answered', item: 'i1' },
          },
        ],
      },
      {
        id: 'diary',
        title: text('Dagbok', 'Diary'),
        blocks: [
          {
            type: 'registration',
            id: 'sleepLog',
            title: text('Sleep log'),
            fields: [
              { id: 'slept', label: text('Slept'), input: { kind: 'slider', min: 0, max: 12, step: 0.5 } },
              { id: 'naps', label: text('Naps'), input: { kind: 'yesNo' } },
            ],
            zones: {
              rules: [
                { id: 'short', zone: 'yellow', when: { op: 'lt', item: 'slept', value: 6 } },
                { id: 'veryShort', zone: 'red', when: { op: 'lt', item: 'slept', value: 4 }, alert: true },
              ],
              actions: { green: rich('Keep going'), yellow: rich('Rest'), red: rich('Call') },
            },
            goal: { field: 'slept', aggregate: 'mean', period: 'week', comparison: 'atLeast', target: 7 },
          },
          { type: 'exercise', id: 'windDown', title: text('Wind down'), instructions: rich('Relax'), fields: [{ id: 'how', label: text('How?'), input: { kind: 'text', maxLength: 200 } }] },
        ],
      },
    ],
  };
}

/** A valid program scheduling the fixture module, with a measurement and a registration. */
export function validProgram(): Program {
  return {
    formatVersion: 1,
    id: 'sleep-program',
    title: text('Sömnprogram', 'Sleep program'),
    languages: ['sv', 'en'],
    defaultLanguage: 'en',
    durationWeeks: 4,
    modules: [
      { key: 'basics', module: { moduleId: 'sleep-basics' }, unlock: { week: 1 } },
      { key: 'more', module: { moduleId: 'sleep-basics' }, unlock: { week: 2, afterCompleting: ['basics'] } },
    ],
    measurements: [{ id: 'weekly', module: { moduleId: 'sleep-basics' }, weeks: [1, 4], dueWithinDays: 3 }],
    registrations: [{ id: 'log', module: { moduleId: 'sleep-basics' }, registration: 'sleepLog', frequency: 'weekly', weekdays: [1, 4], deadline: '20:00', fromWeek: 1, toWeek: 4 }],
  };
}

/** A valid response to the fixture module. */
export function validResponse(): Response {
  return {
    formatVersion: 1,
    clientId: '0b6f7c1e-3f7a-4c1e-9d59-2f1e5c7a9b10',
    moduleId: 'sleep-basics',
    moduleVersion: 1,
    answers: { mood: 'good', hours: 7.5, habits: ['coffee'], smoker: false },
    answeredAt: '2026-03-01T07:30:00+01:00',
  };
}

/** A deep copy to break: `broken(validModule(), (module) => { module.id = 'X' })`. */
export function broken<T>(doc: T, change: (copy: T) => void): T {
  const copy = structuredClone(doc);
  change(copy);
  return copy;
}
