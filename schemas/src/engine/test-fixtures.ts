// Builders for the engine's tests: small, typed modules, instruments and programs, each test adding only what it checks.
import type {
  Block,
  Condition,
  Field,
  Input,
  InstrumentBlock,
  InstrumentItem,
  Module,
  Page,
  Program,
  RichTextDoc,
  ScoredOption,
  Scoring,
} from '../generated/format.js';
import type { ScheduleContext } from './schedule-context.js';

/** Plain text in English only. */
export function text(words: string): { en: string } {
  return { en: words };
}

/** A one-paragraph rich-text document. */
export function doc(words: string): RichTextDoc {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }] };
}

/** A question block. */
export function question(id: string, input: Input, extra: { required?: boolean; visibleWhen?: Condition } = {}): Block {
  return { type: 'question', id, prompt: text(id), input, ...extra };
}

/** A single-choice input over option ids, valued 0, 1, 2, … */
export function choice(...ids: string[]): Input {
  return { kind: 'singleChoice', options: ids.map((id, value) => ({ id, label: text(id), value })) as [never, never] };
}

/** A text block, shown when `visibleWhen` holds. */
export function note(id: string, visibleWhen?: Condition): Block {
  return visibleWhen ? { type: 'text', id, content: { en: doc(id) }, visibleWhen } : { type: 'text', id, content: { en: doc(id) } };
}

/** A page of blocks. */
export function page(id: string, blocks: Block[], extra: Partial<Pick<Page, 'visibleWhen' | 'branches'>> = {}): Page {
  return { id, title: text(id), blocks, ...extra };
}

/** A module of pages. */
export function moduleOf(...pages: Page[]): Module {
  return { formatVersion: 1, id: 'test-module', title: text('Test'), languages: ['en'], defaultLanguage: 'en', pages: pages as [Page, ...Page[]] };
}

/** A registration block of fields. */
export function registration(id: string, fields: Field[]): Block {
  return { type: 'registration', id, title: text(id), fields: fields as [Field, ...Field[]] };
}

/** A field of an exercise or registration. */
export function field(id: string, input: Input, required = false): Field {
  return { id, label: text(id), input, required };
}

/** A 0–3 scale shared by instrument items. */
export function scale0to3(): [ScoredOption, ScoredOption, ...ScoredOption[]] {
  return ['s0', 's1', 's2', 's3'].map((id, score) => ({ id, label: text(id), score })) as unknown as [ScoredOption, ScoredOption, ...ScoredOption[]];
}

/** An instrument over the 0–3 scale with items `ids`, summed, no missing item allowed, bands 0–4 / 5+. */
export function instrument(ids: string[], overrides: { items?: Partial<InstrumentItem>[]; scoring?: Partial<Scoring> } = {}): InstrumentBlock {
  const items = ids.map((id, position) => ({ id, text: text(id), ...overrides.items?.[position] })) as [InstrumentItem, ...InstrumentItem[]];
  const max = 3 * items.filter((item) => item.scored !== false).length;
  return {
    type: 'instrument',
    id: 'scale',
    name: text('Scale'),
    abbreviation: 'S',
    licence: { name: 'Public domain', attribution: 'Tests' },
    options: scale0to3(),
    items,
    scoring: {
      total: { method: 'sum' },
      missing: { maxMissing: 0, impute: 'zero' },
      bands: [
        { id: 'low', min: 0, max: 4, label: text('Low') },
        { id: 'high', min: 5, max: Math.max(5, max), label: text('High') },
      ],
      ...overrides.scoring,
    },
    tests: [{ name: 'none', answers: {}, expect: { total: null } }],
  };
}

/** A program with one module, adding what the test needs. */
export function programOf(extra: Partial<Program> = {}): Program {
  return {
    formatVersion: 1,
    id: 'test-program',
    title: text('Program'),
    languages: ['en'],
    defaultLanguage: 'en',
    durationWeeks: 8,
    modules: [{ key: 'intro', module: { moduleId: 'intro' }, unlock: {} }],
    ...extra,
  };
}

/** A patient's schedule context, in Stockholm unless told otherwise. */
export function contextOf(extra: Partial<ScheduleContext> = {}): ScheduleContext {
  return {
    startedAt: '2026-03-02T14:00:00.000Z',
    timeZone: 'Europe/Stockholm',
    now: '2026-03-02T14:00:00.000Z',
    completedModules: {},
    measurementsDone: [],
    registrationsDone: [],
    ...extra,
  };
}
