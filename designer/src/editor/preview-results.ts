import type { InstrumentBlock, Module, RegistrationBlock } from '@careloom/format';
import type { Answers } from '@careloom/format/engine';
import { localize } from '@careloom/format/engine';
import { scoreInstrument } from '@careloom/format/engine';
import { zoneFor } from '@careloom/format/engine';

/** What the engine computes for one block of the previewed page. */
export type PreviewResult =
  | { kind: 'instrument'; blockId: string; name: string; total: number | null; band: string | null; /** The messages of the alert rules that fired, in the preview's language. */ alerts: string[] }
  | { kind: 'registration'; blockId: string; name: string; zone: 'green' | 'yellow' | 'red' | null };

/**
 * The engine's scores (total, band, alerts) of each instrument and the zone of each registration
 * on a page, for the given answers: exactly what the runtime would store. A block whose scoring
 * refers to parts it lacks (a draft mid-edit) is left out rather than breaking the preview.
 *
 * @example
 * previewResults(phq9, 'phq9', answers, 'en'); // [{ kind: 'instrument', total: 12, band: 'Moderate', … }]
 */
export function previewResults(module: Module, pageId: string, answers: Answers, language: string): PreviewResult[] {
  const page = module.pages.find((candidate) => candidate.id === pageId);
  if (!page) return [];
  const results: PreviewResult[] = [];
  for (const block of page.blocks) {
    try {
      if (block.type === 'instrument') results.push(instrumentResult(block, answers, language, module.defaultLanguage));
      if (block.type === 'registration' && block.zones) results.push(registrationResult(block, answers, language, module.defaultLanguage));
    } catch {
      // The validator reports the broken reference; the preview just shows nothing for it.
    }
  }
  return results;
}

function instrumentResult(block: InstrumentBlock, answers: Answers, language: string, fallback: string): PreviewResult {
  const score = scoreInstrument(block, answers);
  const band = block.scoring.bands.find((candidate) => candidate.id === score.band);
  return {
    kind: 'instrument',
    blockId: block.id,
    name: block.abbreviation || localize(block.name, language, fallback),
    total: score.total,
    band: band ? localize(band.label, language, fallback) : null,
    // Each fired rule by its message (what the therapist will read), never its id.
    alerts: score.alerts.map((ruleId) => {
      const rule = block.scoring.alerts?.find((candidate) => candidate.id === ruleId);
      return rule ? localize(rule.message, language, fallback) : ruleId;
    }),
  };
}

function registrationResult(block: RegistrationBlock, answers: Answers, language: string, fallback: string): PreviewResult {
  const answered = block.fields.some((field) => answers[field.id] !== undefined && answers[field.id] !== null);
  return {
    kind: 'registration',
    blockId: block.id,
    name: localize(block.title, language, fallback),
    zone: answered && block.zones ? zoneFor(block.zones, answers).zone : null,
  };
}
