import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleModules, instrumentOf, readModule } from '@careloom/examples';
import type { InstrumentBlock, Module } from '@careloom/format';
import { scoreInstrument } from '@careloom/format/engine';
import { validateModule } from '@careloom/format/validate';
import { isDomainError } from '../errors.js';
import type { Questionnaire, QuestionnaireItem } from './fhir-types.js';
import { EXT, LOINC } from './fhir-urls.js';
import { moduleToQuestionnaire } from './questionnaire-export.js';
import { questionnaireToModule } from './questionnaire-import.js';
import { assertValidR4 } from './r4-validator.testing.js';

const BASE = 'https://care.example.org/fhir/r4';
const exportOf = (module: Module, version = 3) => moduleToQuestionnaire({ module, version, status: 'active', canonicalBase: BASE, date: '2026-03-01T10:00:00Z' });
const lhcPhq9 = (): unknown => JSON.parse(readFileSync(new URL('./test-fixtures/lhc-style-phq-9.questionnaire.json', import.meta.url), 'utf8'));

function find(items: readonly QuestionnaireItem[] | undefined, linkId: string): QuestionnaireItem | undefined {
  for (const item of items ?? []) {
    if (item.linkId === linkId) return item;
    const found = find(item.item, linkId);
    if (found) return found;
  }
  return undefined;
}

/** A module with every input kind and every kind of condition, to export and import. */
function everyKindModule(): Module {
  const yes = { en: 'Yes', sv: 'Ja' };
  return {
    formatVersion: 1,
    id: 'every-kind',
    title: { en: 'Every kind', sv: 'Alla sorter' },
    languages: ['en', 'sv'],
    defaultLanguage: 'en',
    pages: [
      {
        id: 'first',
        title: { en: 'First', sv: 'Första' },
        blocks: [
          { type: 'question', id: 'mood', prompt: { en: 'Mood', sv: 'Humör' }, required: true, input: { kind: 'singleChoice', display: 'dropdown', options: [{ id: 'good', label: { en: 'Good', sv: 'Bra' }, value: 2 }, { id: 'bad', label: { en: 'Bad', sv: 'Dåligt' }, value: 0 }] } },
          { type: 'question', id: 'where', prompt: { en: 'Where', sv: 'Var' }, input: { kind: 'multipleChoice', minSelected: 1, maxSelected: 2, options: [{ id: 'home', label: { en: 'Home', sv: 'Hemma' } }, { id: 'work', label: { en: 'Work', sv: 'Jobbet' } }] } },
          { type: 'question', id: 'hours', prompt: { en: 'Hours slept', sv: 'Timmar sömn' }, input: { kind: 'number', min: 0, max: 24, decimals: 1, unit: { code: 'h', label: { en: 'hours', sv: 'timmar' } } } },
          { type: 'question', id: 'pain', prompt: { en: 'Pain', sv: 'Smärta' }, input: { kind: 'slider', min: 0, max: 10, step: 1 } },
          { type: 'question', id: 'walked', prompt: { en: 'Walked', sv: 'Promenerat' }, input: { kind: 'yesNo', yesLabel: yes, noLabel: { en: 'No', sv: 'Nej' } } },
          { type: 'question', id: 'when', prompt: { en: 'When', sv: 'När' }, input: { kind: 'dateTime', mode: 'dateTime' } },
          { type: 'question', id: 'notes', prompt: { en: 'Notes', sv: 'Anteckningar' }, visibleWhen: { op: 'eq', item: 'mood', value: 'bad' }, input: { kind: 'text', multiline: true, maxLength: 800 } },
          { type: 'question', id: 'why', prompt: { en: 'Why at work', sv: 'Varför på jobbet' }, visibleWhen: { op: 'all', conditions: [{ op: 'includes', item: 'where', value: 'work' }, { op: 'gt', item: 'pain', value: 5 }] }, input: { kind: 'text', maxLength: 100 } },
          { type: 'question', id: 'rest', prompt: { en: 'Rested', sv: 'Vilat' }, visibleWhen: { op: 'any', conditions: [{ op: 'eq', item: 'walked', value: true }, { op: 'answered', item: 'hours' }] }, input: { kind: 'dateTime', mode: 'time' } },
          { type: 'question', id: 'other', prompt: { en: 'Other', sv: 'Annat' }, visibleWhen: { op: 'not', condition: { op: 'eq', item: 'mood', value: 'good' } }, input: { kind: 'dateTime', mode: 'date' } },
        ],
      },
      {
        id: 'second',
        title: { en: 'Second', sv: 'Andra' },
        visibleWhen: { op: 'lte', item: 'hours', value: 6.5 },
        blocks: [
          { type: 'grid', id: 'grid', prompt: { en: 'How often', sv: 'Hur ofta' }, options: [{ id: 'never', label: { en: 'Never', sv: 'Aldrig' }, value: 0 }, { id: 'often', label: { en: 'Often', sv: 'Ofta' }, value: 1 }], rows: [{ id: 'row1', prompt: { en: 'Tired', sv: 'Trött' } }, { id: 'row2', prompt: { en: 'Sad', sv: 'Ledsen' } }] },
        ],
      },
    ],
  } as Module;
}

describe('moduleToQuestionnaire', () => {
  it('exports every example module as a valid R4 Questionnaire with the module id and version in url and version', async () => {
    for (const module of exampleModules().values()) {
      const questionnaire = exportOf(module);
      await assertValidR4(questionnaire);
      expect(questionnaire.url).toBe(`${BASE}/Questionnaire/${module.id}`);
      expect(questionnaire.version).toBe('3');
      expect(questionnaire.language).toBe(module.defaultLanguage);
    }
  });

  it('exports the PHQ-9 with LOINC codes, ordinal values, translations and the total as an SDC calculatedExpression', () => {
    const questionnaire = exportOf(readModule('phq-9'));
    expect(questionnaire.code).toEqual([{ system: LOINC, code: '44249-1', display: 'PHQ-9' }]);
    const item1 = find(questionnaire.item, 'phq9_1')!;
    expect(item1.code).toEqual([{ system: LOINC, code: '44250-9' }]);
    expect(item1._text?.extension?.[0]?.extension).toContainEqual({ url: 'content', valueString: 'Lite intresse eller glädje i att göra saker' });
    expect(item1.answerOption?.map((option) => [option.valueCoding?.code, option.extension?.find((extension) => extension.url === EXT.ordinalValue)?.valueDecimal])).toEqual([['LA6568-5', 0], ['LA6569-3', 1], ['LA6570-1', 2], ['LA6571-9', 3]]);
    const total = find(questionnaire.item, 'phq9-total')!;
    expect(total.code).toEqual([{ system: LOINC, code: '44261-6' }]);
    expect(total.readOnly).toBe(true);
    const expression = total.extension?.find((extension) => extension.url === EXT.calculatedExpression)?.valueExpression?.expression;
    expect(expression).toBe('iif(%answered = 0 or %answered < 8, {}, (%itemSum * 9 / %answered).round(0))');
    expect(total.extension?.find((extension) => extension.valueExpression?.name === 'item9')?.valueExpression?.expression).toBe("%resource.repeat(item).where(linkId = 'phq9_9').answer.value.weight()");
  });

  it('writes conditions as enableWhen where it can say them and as enableWhenExpression otherwise', async () => {
    const questionnaire = exportOf(everyKindModule());
    await assertValidR4(questionnaire);
    expect(find(questionnaire.item, 'notes')!.enableWhen).toEqual([{ question: 'mood', operator: '=', answerCoding: { system: `${BASE}/Questionnaire/every-kind/option`, code: 'bad' } }]);
    expect(find(questionnaire.item, 'why')!.enableWhen).toEqual([
      { question: 'where', operator: '=', answerCoding: { system: `${BASE}/Questionnaire/every-kind/option`, code: 'work' } },
      { question: 'pain', operator: '>', answerInteger: 5 },
    ]);
    expect(find(questionnaire.item, 'why')!.enableBehavior).toBe('all');
    expect(find(questionnaire.item, 'rest')!.enableBehavior).toBe('any');
    expect(find(questionnaire.item, 'second')!.enableWhen).toEqual([{ question: 'hours', operator: '<=', answerDecimal: 6.5 }]);
    const other = find(questionnaire.item, 'other')!;
    expect(other.enableWhen).toBeUndefined();
    expect(other.extension?.find((extension) => extension.url === EXT.enableWhenExpression)?.valueExpression?.expression).toBe(
      `(%resource.repeat(item).where(linkId = 'mood').answer.value.where(code = 'good').exists()).not()`,
    );
  });

  it('keeps a linkId Careloom adds clear of the module\'s own ids', () => {
    const module = structuredClone(readModule('phq-9'));
    const instrument = instrumentOf(module);
    instrument.items[9]!.id = 'phq9-total';
    (instrument.scoring.total.items as string[]).forEach(() => undefined);
    instrument.tests = instrument.tests.map((test) => ({ ...test, answers: Object.fromEntries(Object.entries(test.answers).map(([key, value]) => [key === 'phq9_10' ? 'phq9-total' : key, value])) })) as InstrumentBlock['tests'];
    const linkIds: string[] = [];
    const walk = (items: readonly QuestionnaireItem[] | undefined) => items?.forEach((item) => { linkIds.push(item.linkId); walk(item.item); });
    walk(exportOf(module).item);
    expect(new Set(linkIds).size).toBe(linkIds.length);
    expect(linkIds).toContain('phq9-total-2');
  });
});

describe('questionnaireToModule', () => {
  for (const id of ['phq-9', 'gad-7']) {
    it(`imports an exported ${id} that scores every answer vector of its test cases identically`, () => {
      const original = readModule(id);
      const { module, notes } = questionnaireToModule(exportOf(original), { moduleId: `${id}-copy` });
      expect(validateModule(module).ok).toBe(true);
      const before = instrumentOf(original);
      const after = instrumentOf(module);
      expect(after.codes).toEqual(before.codes);
      expect(module.languages).toEqual(original.languages);
      for (const test of before.tests) {
        expect(scoreInstrument(after, test.answers), test.name).toEqual(scoreInstrument(before, test.answers));
      }
      // Exporting the import gives the same Questionnaire: nothing of the instrument was lost on the way.
      const again = exportOf(module);
      expect(find(again.item, before.id)).toEqual(find(exportOf(original).item, before.id));
      // The unit-contact block has no place in a Questionnaire and the intro loses its bold: said, not hidden.
      expect(notes.filter((note) => note.code.startsWith('instrument'))).toEqual([]);
    });
  }

  it('imports an LHC-Forms-style PHQ-9 that scores complete answers like Careloom\'s PHQ-9', () => {
    const { module, notes } = questionnaireToModule(lhcPhq9(), { moduleId: 'phq-9-lhc' });
    const careloom = instrumentOf(readModule('phq-9'));
    const imported = instrumentOf(module);
    expect(imported.codes).toEqual({ system: LOINC, panel: '44249-1', total: '44261-6' });
    expect(imported.items).toHaveLength(9);
    expect(imported.scoring.total.items).toHaveLength(9);
    // The difficulty question has no ordinal values: a question after the instrument, not a scored item.
    expect(module.pages[0].blocks.map((block) => block.type)).toEqual(['instrument', 'question']);
    // Careloom's answers, translated through the LOINC codes both carry.
    const byItemCode = new Map(imported.items.map((item) => [item.code, item.id]));
    const byAnswerCode = new Map((imported.options ?? []).map((option) => [option.code, option.id]));
    const translate = (answers: Record<string, string | null>) =>
      Object.fromEntries(Object.entries(answers).flatMap(([itemId, optionId]) => {
        const item = careloom.items.find((candidate) => candidate.id === itemId)!;
        const option = careloom.options!.find((candidate) => candidate.id === optionId);
        const target = byItemCode.get(item.code);
        return target && option ? [[target, byAnswerCode.get(option.code)!]] : [];
      }));
    let complete = 0;
    for (const test of careloom.tests) {
      const answered = careloom.scoring.total.items!.filter((id) => typeof test.answers[id] === 'string').length;
      const score = scoreInstrument(imported, translate(test.answers));
      if (answered === 9) {
        complete++;
        expect(score.total, test.name).toBe(test.expect.total);
      } else {
        // LHC-Forms counts an unanswered item as 0; Careloom's PHQ-9 prorates one and gives no total for two.
        const sum = careloom.scoring.total.items!.reduce((total, id) => total + (careloom.options!.find((option) => option.id === test.answers[id])?.score ?? 0), 0);
        expect(score.total, test.name).toBe(sum);
      }
    }
    expect(complete).toBeGreaterThanOrEqual(10);
    // What could not come along is said, item by item.
    expect(notes.map((note) => note.code)).toEqual(expect.arrayContaining(['instrument.bands', 'instrument.tests', 'item.ids', 'language']));
    expect(notes.find((note) => note.code === 'language')?.message).toContain('"sv"');
    expect(notes.filter((note) => note.code === 'item.ids').map((note) => note.linkId)).toContain('/44250-9');
  });

  it('carries inputs and enableWhen conditions back, and lists the expression it cannot read', () => {
    const original = everyKindModule();
    const { module, notes } = questionnaireToModule(exportOf(original), { moduleId: 'every-kind-copy' });
    const blocks = new Map(module.pages.flatMap((page) => page.blocks).map((block) => [block.id, block]));
    const originals = new Map(original.pages.flatMap((page) => page.blocks).map((block) => [block.id, block]));
    for (const id of ['mood', 'where', 'hours', 'pain', 'notes', 'why', 'when', 'grid']) {
      const { visibleWhen, ...rest } = originals.get(id) as unknown as { visibleWhen?: unknown } & Record<string, unknown>;
      const imported = blocks.get(id) as unknown as Record<string, unknown>;
      expect(imported.visibleWhen, id).toEqual(visibleWhen);
      if (id !== 'walked') expect({ ...imported, visibleWhen: undefined }, id).toMatchObject({ ...rest, visibleWhen: undefined });
    }
    expect(module.pages[1]!.visibleWhen).toEqual({ op: 'lte', item: 'hours', value: 6.5 });
    expect(blocks.get('rest')!.visibleWhen).toEqual({ op: 'any', conditions: [{ op: 'eq', item: 'walked', value: true }, { op: 'answered', item: 'hours' }] });
    expect(blocks.get('other')!.visibleWhen).toBeUndefined();
    expect(notes).toContainEqual(expect.objectContaining({ linkId: 'other', code: 'item.condition' }));
    expect(module.languages).toEqual(['en', 'sv']);
  });

  it('lists every item it cannot carry over, each by its linkId, and keeps the rest', () => {
    const questionnaire: Questionnaire = {
      resourceType: 'Questionnaire',
      status: 'active',
      language: 'en',
      title: 'Mixed',
      item: [
        { linkId: 'photo', text: 'A photo', type: 'attachment' },
        { linkId: 'drug', text: 'Medication', type: 'choice', answerValueSet: 'http://example.org/ValueSet/drugs' },
        { linkId: 'bmi', text: 'BMI', type: 'decimal', readOnly: true, extension: [{ url: EXT.calculatedExpression, valueExpression: { language: 'text/fhirpath', expression: '%w / (%h * %h)' } }] },
        { linkId: 'name', text: 'Your name', type: 'string', maxLength: 80 },
        { linkId: 'outer', type: 'group', text: 'About you', item: [{ linkId: 'age', text: 'Age', type: 'integer' }] },
      ],
    };
    const { module, notes } = questionnaireToModule(questionnaire, { moduleId: 'mixed' });
    expect(notes.filter((note) => note.code !== 'item.ids').map((note) => [note.linkId, note.code])).toEqual([
      ['photo', 'item.type'],
      ['drug', 'item.answers'],
      ['bmi', 'item.calculated'],
      ['outer', 'item.nested'],
    ]);
    expect(module.pages[0]!.blocks.map((block) => block.id)).toEqual(['name', 'outer', 'age']);
  });

  it('refuses what is not a Questionnaire, and ones too deep or too large, with problems that say where', () => {
    const refusal = (input: unknown) => {
      try {
        questionnaireToModule(input, { moduleId: 'x-y' });
      } catch (error) {
        if (isDomainError(error, 'invalid')) return error.issues[0]?.path;
        throw error;
      }
      return 'accepted';
    };
    expect(refusal({ resourceType: 'Patient' })).toBe('/resourceType');
    expect(refusal('Questionnaire')).toBe('/resourceType');
    expect(refusal({ resourceType: 'Questionnaire', status: 'active', item: [{ text: 'no link id', type: 'string' }] })).toBe('/item/0');
    let deep: QuestionnaireItem = { linkId: 'leaf', type: 'string', text: 'Leaf' };
    for (let level = 0; level < 10_000; level++) deep = { linkId: `g${level}`, type: 'group', item: [deep] };
    expect(refusal({ resourceType: 'Questionnaire', status: 'active', item: [deep] })).toMatch(/^(\/item\/0){12}\/item$/);
    const many = Array.from({ length: 5000 }, (_, index) => ({ linkId: `q${index}`, type: 'string', text: 'Q' }));
    expect(refusal({ resourceType: 'Questionnaire', status: 'active', item: many })).toBe('/item/2000');
    expect(refusal({ resourceType: 'Questionnaire', status: 'active', item: [{ linkId: 'x', type: 'attachment', text: 'File' }] })).toBe('/item');
  });

  it('does not take a weighted or subtracted total for a plain sum', () => {
    const questionnaire = lhcPhq9() as Questionnaire;
    const total = questionnaire.item!.at(-1)!;
    const calculated = total.extension!.find((extension) => extension.url === EXT.calculatedExpression)!;
    calculated.valueExpression!.expression = 'iif(%anyAnswered.count() = 0, {}, %a * 2 + %b)';
    const { module, notes } = questionnaireToModule(questionnaire, { moduleId: 'weighted' });
    expect(module.pages[0]!.blocks.some((block) => block.type === 'instrument')).toBe(false);
    expect(notes).toContainEqual(expect.objectContaining({ linkId: '/44261-6', code: 'item.calculated' }));
  });
});
