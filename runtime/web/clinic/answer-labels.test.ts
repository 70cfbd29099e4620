import { describe, expect, it } from 'vitest';
import copdJson from '@careloom/examples/modules/copd-daily-report.json';
import panicJson from '@careloom/examples/modules/panic-week-1.json';
import phqJson from '@careloom/examples/modules/phq-9.json';
import { indexModule } from '@careloom/format/engine';
import type { Module, StoredResponse } from '@careloom/format/api';
import { translator } from '../shared/i18n.js';
import { labelResponse } from './answer-labels.js';
import type { LabelledModule } from './answer-labels.js';

const loaded = (json: unknown): LabelledModule => ({ module: json as Module, index: indexModule(json as Module) });
const phq9 = loaded(phqJson);
const copd = loaded(copdJson);
const panic = loaded(panicJson);

const response = (fields: Partial<StoredResponse>): StoredResponse => ({
  id: 'r1', clientId: 'c1', moduleId: 'phq-9', moduleVersion: 1, answers: {}, completes: false,
  answeredAt: '2025-03-06T08:55:00Z', receivedAt: '2025-03-06T09:00:00Z', scores: [], zones: [], ...fields,
});

const rows = (view: ReturnType<typeof labelResponse>) => view.groups.flatMap((group) => group.rows.map((row) => [row.question, row.answer, row.zone ?? null]));

const phqResponse = response({
  answers: { phq9_9: 'severalDays', phq9_1: 'nearlyEveryDay' }, completes: true,
  scores: [{ instrumentId: 'phq9', title: 'PHQ-9', total: 16, band: 'moderatelySevere', bandLabel: 'Moderately severe depression' }],
});

describe('labelResponse', () => {
  it('shows an instrument in the module’s order with item texts, option labels and the band of its score', () => {
    const view = labelResponse(phqResponse, phq9, 'en', translator('en'));
    expect(view.title).toBe('PHQ-9: how you have been feeling');
    expect(view.scores).toEqual(['PHQ-9 16 (Moderately severe depression)']);
    expect(view.groups.map((group) => group.heading)).toEqual(['Patient Health Questionnaire-9']);
    expect(rows(view)).toEqual([
      ['Little interest or pleasure in doing things', 'Nearly every day', null],
      ['Thoughts that you would be better off dead or of hurting yourself in some way', 'Several days', null],
    ]);
    expect(view.labelled).toBe(true);
  });

  it('uses the clinic’s language, and the module’s default language where the module has no translation', () => {
    const swedish = labelResponse(phqResponse, phq9, 'sv', translator('sv'));
    expect(swedish.title).toBe('PHQ-9: hur du har mått');
    expect(swedish.scores).toEqual(['PHQ-9 16 (Måttligt svår depression)']);
    expect(rows(swedish)[0]).toEqual(['Lite intresse eller glädje i att göra saker', 'Nästan varje dag', null]);
    const norwegian = labelResponse(phqResponse, phq9, 'nb', translator('nb'));
    expect(rows(norwegian)[0]).toEqual(['Little interest or pleasure in doing things', 'Nearly every day', null]);
  });

  it('shows a registration entry with units, yes/no in words, unanswered fields and the zone each field put it in', () => {
    const entry = response({
      moduleId: 'copd-daily-report', registrationId: 'copdDaily',
      answers: { temperature: 38.4, breathlessness: 'atRest', extraReliever: true, spo2: null },
      zones: [{ registrationId: 'copdDaily', fieldId: 'breathlessness', zone: 'red' }, { registrationId: 'copdDaily', fieldId: 'temperature', zone: 'yellow' }, { registrationId: 'copdDaily', fieldId: 'spo2', zone: 'green' }],
    });
    const view = labelResponse(entry, copd, 'en', translator('en'));
    expect([view.title, view.registration, view.zone]).toEqual(['Daily COPD report', 'Daily COPD check', 'red']);
    expect(view.groups.map((group) => group.heading)).toEqual(['Daily COPD check']);
    expect(rows(view)).toEqual([
      ['How is your breathing today compared with a usual day?', 'Very breathless even when resting', 'red'],
      ['Body temperature', '38.4\u00a0°C', 'yellow'],
      ['Oxygen saturation (SpO₂), if you have a pulse oximeter', '–', null],
      ['Have you needed your reliever inhaler more than usual in the last 24 hours?', 'Yes', null],
    ]);
    const swedish = rows(labelResponse(entry, copd, 'sv', translator('sv')));
    expect(swedish[1]).toEqual(['Kroppstemperatur', '38,4\u00a0°C', 'yellow']);
    expect(swedish[3]?.[1]).toBe('Ja');
  });

  it('shows several choices, free text, sliders with their range, numbers with units and wall-clock dates', () => {
    const week1 = response({
      moduleId: 'panic-week-1',
      answers: { diaryDuration: 15, diarySensations: ['palpitations', 'dizzy'], diaryWhere: 'On the bus', diaryPeak: 7, diaryWhen: '2025-03-04T14:30', mainFear: 'heart', hadAttackLastWeek: false },
    });
    const view = labelResponse(week1, panic, 'en', translator('en'));
    expect(view.groups.map((group) => group.heading)).toEqual([null, 'Panic diary']);
    const [attack, fear, when, where, sensations, peak, duration] = rows(view);
    expect(attack).toEqual(['Have you had a panic attack in the last week?', 'No', null]);
    expect(fear?.[1]).toBe('That something is wrong with my heart');
    expect(when?.[0]).toBe('When did it happen?');
    expect(when?.[1]).toMatch(/^Mar 4, 2025, 2:30\sPM$/);
    expect(where?.[1]).toBe('On the bus');
    expect(sensations?.[1]).toBe('Racing or pounding heart, Dizziness');
    expect(peak?.[1]).toBe('7 (0–10)');
    expect(duration?.[1]).toBe('15\u00a0minutes');
    expect(rows(labelResponse(week1, panic, 'sv', translator('sv')))[2]?.[1]).toMatch(/^4 mars 2025 14:30$/);
  });

  it('keeps answers the module does not know, and shows stored ids when the module could not be loaded', () => {
    const odd = response({ answers: { phq9_1: 'notAtAll', retiredItem: 'x' } });
    expect(rows(labelResponse(odd, phq9, 'en', translator('en')))).toEqual([['Little interest or pleasure in doing things', 'Not at all', null], ['retiredItem', 'x', null]]);
    const unlabelled = labelResponse(phqResponse, undefined, 'en', translator('en'));
    expect(unlabelled).toMatchObject({ title: 'phq-9', labelled: false, scores: ['PHQ-9 16 (Moderately severe depression)'] });
    expect(rows(unlabelled)).toEqual([['phq9_9', 'severalDays', null], ['phq9_1', 'nearlyEveryDay', null]]);
  });
});

describe('labelResponse subscales', () => {
  // PHQ-9 with the somatic/cognitive split some clinics score it with.
  const withSubscales = structuredClone(phqJson) as unknown as Module;
  const instrument = withSubscales.pages.flatMap((page) => page.blocks).find((block) => block.type === 'instrument');
  if (instrument?.type === 'instrument') {
    instrument.scoring.subscales = [
      { id: 'somatic', name: { en: 'Somatic', sv: 'Somatisk' }, method: 'sum', items: ['phq9_3', 'phq9_4', 'phq9_5'] },
      { id: 'cognitive', name: { en: 'Cognitive' }, method: 'sum', items: ['phq9_1', 'phq9_2', 'phq9_6', 'phq9_7', 'phq9_8', 'phq9_9'] },
    ];
  }
  const scored = response({ ...phqResponse, scores: [{ ...phqResponse.scores[0]!, subscales: { somatic: 5, cognitive: 11 } }] });

  it('shows each subscale score after the total, named in the clinic’s language', () => {
    expect(labelResponse(scored, loaded(withSubscales), 'en', translator('en')).scores).toEqual(['PHQ-9 16 (Moderately severe depression) — Somatic 5, Cognitive 11']);
    expect(labelResponse(scored, loaded(withSubscales), 'sv', translator('sv')).scores).toEqual(['PHQ-9 16 (Måttligt svår depression) — Somatisk 5, Cognitive 11']);
  });

  it('names subscales by id when the module is not at hand, and shows an uncomputed one as a dash', () => {
    const partial = response({ ...scored, scores: [{ ...scored.scores[0]!, subscales: { somatic: null } }] });
    expect(labelResponse(partial, undefined, 'en', translator('en')).scores).toEqual(['PHQ-9 16 (Moderately severe depression) — somatic –']);
  });
});
