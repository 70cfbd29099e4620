import { describe, expect, it } from 'vitest';
import { instrumentOf, readModule } from '@careloom/examples';
import type { Module } from '@careloom/format';
import type { AnswerValue } from '@careloom/format/engine';
import { scoreModule } from '../care/response-scoring.js';
import type { StoredScore } from '../care/ports.js';
import { LOINC } from './fhir-urls.js';
import { responseToQuestionnaireResponse } from './questionnaire-response.js';
import { assertValidR4 } from './r4-validator.testing.js';
import { scoreObservations } from './score-observation.js';

const BASE = 'https://care.example.org/fhir/r4';
const RESPONSE_ID = '0b7f6c1e-8e0a-4c55-9d43-2f1b6a7e9c10';

function recorded(module: Module, answers: Record<string, AnswerValue>, completes = true) {
  const scores: StoredScore[] = scoreModule(module, answers).scores;
  return { id: RESPONSE_ID, moduleId: module.id, moduleVersion: 2, answers, completes, answeredAt: '2026-03-02T08:15:00+01:00', receivedAt: '2026-03-02T07:15:03.120Z', scores };
}

describe('responseToQuestionnaireResponse and scoreObservations', () => {
  it('turns a recorded PHQ-9 into a valid QuestionnaireResponse and a LOINC-coded Observation of its total', async () => {
    const module = readModule('phq-9');
    const test = instrumentOf(module).tests.find((candidate) => candidate.expect.total === 27)!;
    const response = recorded(module, { ...test.answers, phq9_10: 'veryDifficult' });
    const questionnaireResponse = responseToQuestionnaireResponse({ response, module, patientId: 'patient-1', canonicalBase: BASE, timeZone: 'Europe/Stockholm' });
    await assertValidR4(questionnaireResponse);
    expect(questionnaireResponse.questionnaire).toBe(`${BASE}/Questionnaire/phq-9|2`);
    expect(questionnaireResponse.status).toBe('completed');
    const group = questionnaireResponse.item![0]!.item![0]!;
    expect(group.linkId).toBe('phq9');
    expect(group.item!.find((item) => item.linkId === 'phq9_9')!.answer).toEqual([{ valueCoding: { system: LOINC, code: 'LA6571-9', display: 'Nearly every day' } }]);
    expect(group.item!.find((item) => item.linkId === 'phq9-total')!.answer).toEqual([{ valueInteger: 27 }]);

    const [observation, ...others] = scoreObservations({ response, module, patientId: 'patient-1', canonicalBase: BASE });
    expect(others).toEqual([]);
    await assertValidR4(observation!);
    expect(observation!.code.coding![0]).toEqual({ system: LOINC, code: '44261-6', display: 'PHQ-9 total score' });
    expect(observation!.valueQuantity).toEqual({ value: 27, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' });
    expect(observation!.interpretation![0]!.coding![0]!.code).toBe('severe');
    expect(observation!.interpretation![0]!.text).toBe('Severe depression');
    expect(observation!.derivedFrom).toEqual([{ reference: `QuestionnaireResponse/${RESPONSE_ID}` }]);
    expect(observation!.id).toBe(`${RESPONSE_ID}-1`);
  });

  it('codes the GAD-7 total as 70274-6 and says why a total is missing', async () => {
    const module = readModule('gad-7');
    const response = recorded(module, { gad7_1: 'notAtAll' }, false);
    const [observation] = scoreObservations({ response, module, patientId: 'patient-1', canonicalBase: BASE });
    await assertValidR4(observation!);
    expect(observation!.code.coding![0]!.code).toBe('70274-6');
    expect(observation!.valueQuantity).toBeUndefined();
    expect(observation!.dataAbsentReason!.coding![0]!.code).toBe('not-performed');
    expect(observation!.interpretation).toBeUndefined();
    const questionnaireResponse = responseToQuestionnaireResponse({ response, module, patientId: 'patient-1', canonicalBase: BASE, timeZone: 'Europe/Stockholm' });
    await assertValidR4(questionnaireResponse);
    expect(questionnaireResponse.status).toBe('in-progress');
  });

  it('writes every kind of answer as a valid FHIR value (a local date and time with the unit\'s offset)', async () => {
    const module = readModule('copd-daily-report');
    const registration = module.pages.flatMap((page) => page.blocks).find((block) => block.type === 'registration')!;
    const answers: Record<string, AnswerValue> = {};
    if (registration.type !== 'registration') throw new Error('no registration');
    for (const field of registration.fields) {
      const input = field.input;
      answers[field.id] = input.kind === 'yesNo' ? true : input.kind === 'number' ? (input.min ?? 0) + 1 : input.kind === 'singleChoice' || input.kind === 'scale' ? input.options[0].id : input.kind === 'multipleChoice' ? [input.options[0].id] : input.kind === 'slider' ? input.min : input.kind === 'text' ? 'fine' : '2026-03-01';
    }
    const questionnaireResponse = responseToQuestionnaireResponse({ response: recorded(module, answers), module, patientId: 'patient-1', canonicalBase: BASE, timeZone: 'Europe/Stockholm' });
    await assertValidR4(questionnaireResponse);
    expect(questionnaireResponse.item![0]!.item![0]!.item!.length).toBe(registration.fields.length);

    const everyKind = readModule('panic-week-7');
    const dateTime = everyKind.pages.flatMap((page) => page.blocks).flatMap((block) => (block.type === 'exercise' || block.type === 'registration' ? (block.fields ?? []) : block.type === 'question' ? [{ id: block.id, input: block.input }] : [])).find((field) => field.input.kind === 'dateTime');
    if (dateTime && dateTime.input.kind === 'dateTime') {
      const value = dateTime.input.mode === 'date' ? '2026-03-01' : dateTime.input.mode === 'time' ? '07:30' : '2026-07-01T12:00';
      const response = responseToQuestionnaireResponse({ response: recorded(everyKind, { [dateTime.id]: value }), module: everyKind, patientId: 'p', canonicalBase: BASE, timeZone: 'Europe/Stockholm' });
      await assertValidR4(response);
      const answer = JSON.stringify(response);
      if (dateTime.input.mode === 'dateTime') expect(answer).toContain('"valueDateTime":"2026-07-01T10:00:00.000Z"');
      if (dateTime.input.mode === 'time') expect(answer).toContain('"valueTime":"07:30:00"');
    }
  });
});
