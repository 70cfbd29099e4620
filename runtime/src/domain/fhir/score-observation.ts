import type { InstrumentBlock, Module } from '@careloom/format';
import { localize } from '@careloom/format/engine';
import type { CodeableConcept, Observation } from './fhir-types.js';
import { DATA_ABSENT_REASON, OBSERVATION_CATEGORY, UCUM } from './fhir-urls.js';
import { questionnaireUrl } from './questionnaire-export.js';

/** A stored score of a recorded response (the care store's StoredScore). */
export interface RecordedScore {
  instrumentId: string;
  total: number | null;
  band: string | null;
  subscales: Readonly<Record<string, number | null>>;
}

export interface ScoreExportInput {
  response: { id: string; answeredAt: string; receivedAt: string; scores: readonly RecordedScore[] };
  module: Module;
  patientId: string;
  canonicalBase: string;
}

/** The id of the Observation of a response's nth stored score (1-based): stable, since scores are stored once. */
export function observationId(responseId: string, position: number): string {
  return `${responseId}-${position}`;
}

/**
 * Each instrument score of a recorded response as an Observation: the total's code (LOINC 44261-6
 * for the PHQ-9), the total as a `{score}` quantity (or why it is absent), the severity band as the
 * interpretation, subscales as components, derived from the response's QuestionnaireResponse.
 */
export function scoreObservations(input: ScoreExportInput): Observation[] {
  const { response, module } = input;
  const url = questionnaireUrl(input.canonicalBase, module.id);
  const language = module.defaultLanguage;
  const instruments = new Map(module.pages.flatMap((page) => page.blocks).filter((block): block is InstrumentBlock => block.type === 'instrument').map((block) => [block.id, block]));
  return response.scores.flatMap((score, index): Observation[] => {
    const instrument = instruments.get(score.instrumentId);
    if (!instrument) return [];
    const totalCode = instrument.scoring.total.code ?? instrument.codes?.total;
    const code: CodeableConcept = {
      coding: [
        ...(totalCode && instrument.codes ? [{ system: instrument.codes.system, code: totalCode, display: `${instrument.abbreviation} total score` }] : []),
        { system: `${url}/score`, code: `${instrument.id}.total`, display: `${instrument.abbreviation} total score` },
      ],
      text: `${instrument.abbreviation} total score`,
    };
    const band = instrument.scoring.bands.find((candidate) => candidate.id === score.band);
    const subscales = (instrument.scoring.subscales ?? []).filter((subscale) => Object.hasOwn(score.subscales, subscale.id));
    return [{
      resourceType: 'Observation',
      id: observationId(response.id, index + 1),
      status: 'final',
      category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] }],
      code,
      subject: { reference: `Patient/${input.patientId}` },
      effectiveDateTime: response.answeredAt,
      issued: response.receivedAt,
      ...(score.total !== null
        ? { valueQuantity: { value: score.total, unit: '{score}', system: UCUM, code: '{score}' } }
        : { dataAbsentReason: { coding: [{ system: DATA_ABSENT_REASON, code: 'not-performed', display: 'Not Performed' }], text: 'Too many items were left unanswered for a total.' } }),
      ...(band ? { interpretation: [{ coding: [{ system: `${url}/band`, code: band.id, display: localize(band.label, language, language) }], text: localize(band.label, language, language) }] } : {}),
      ...(subscales.length > 0
        ? {
            component: subscales.map((subscale) => {
              const value = score.subscales[subscale.id];
              return {
                code: { coding: [{ system: `${url}/score`, code: `${instrument.id}.${subscale.id}`, display: localize(subscale.name, language, language) }], text: localize(subscale.name, language, language) },
                ...(value !== null && value !== undefined ? { valueQuantity: { value, unit: '{score}', system: UCUM, code: '{score}' } } : { dataAbsentReason: { coding: [{ system: DATA_ABSENT_REASON, code: 'not-performed' }] } }),
              };
            }),
          }
        : {}),
      derivedFrom: [{ reference: `QuestionnaireResponse/${response.id}` }],
    }];
  });
}
