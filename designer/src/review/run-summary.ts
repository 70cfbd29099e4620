import type { Module } from '@careloom/format';
import type { Answers } from '@careloom/format/engine';
import { localize } from '@careloom/format/engine';
import { pagePath } from '@careloom/format/engine';
import { relevantAnswers } from '@careloom/format/engine';
import { scoreInstrument, scoreRange } from '@careloom/format/engine';
import { visibleBlocks } from '@careloom/format/engine';
import { zoneFor } from '@careloom/format/engine';

/** One alert the runtime would raise to the therapist. */
export interface RunAlert {
  id: string;
  level: 'info' | 'warning' | 'urgent';
  message: string;
}

export interface InstrumentSummary {
  kind: 'instrument';
  blockId: string;
  name: string;
  total: number | null;
  /** The highest possible total, so a tester sees "12 of 27". */
  max: number;
  band: string | null;
  subscales: Array<{ id: string; name: string; score: number | null }>;
  /** Items the total counts that were left unanswered (imputed or, beyond the rule, no total). */
  missing: string[];
  alerts: RunAlert[];
}

export interface RegistrationSummary {
  kind: 'registration';
  blockId: string;
  name: string;
  zone: 'green' | 'yellow' | 'red' | null;
  /** The yellow and red rules that hold, with their explanation when the plan has one. */
  rules: Array<{ id: string; zone: 'yellow' | 'red'; explanation: string; alert: boolean }>;
}

export interface RunSummary {
  /** The pages the patient went through, in order, with their titles. */
  path: Array<{ id: string; title: string }>;
  results: Array<InstrumentSummary | RegistrationSummary>;
}

/**
 * What the runtime would compute when a patient finishes the module with these answers: only the
 * answers still relevant (hidden by a later change they do not count), the page path they lead
 * along, and for every visible instrument and zoned registration on it the engine's total, band,
 * subscales and alerts, or zone and matched rules. Used at the end of a test run so a tester can
 * check scoring against the manual.
 *
 * @example
 * runSummary(phq9, answers, 'en').results[0]; // { kind: 'instrument', total: 12, band: 'Moderate depression', … }
 */
export function runSummary(module: Module, answers: Answers, language: string): RunSummary {
  const fallback = module.defaultLanguage;
  const text = (value: Parameters<typeof localize>[0]) => localize(value, language, fallback);
  const counted = relevantAnswers(module, answers);
  const path = pagePath(module, counted);
  const summary: RunSummary = { path: [], results: [] };
  for (const pageId of path) {
    const page = module.pages.find((candidate) => candidate.id === pageId);
    if (!page) continue;
    summary.path.push({ id: page.id, title: text(page.title) });
    for (const block of visibleBlocks(page, counted)) {
      if (block.type === 'instrument') {
        const score = scoreInstrument(block, counted);
        const band = block.scoring.bands.find((candidate) => candidate.id === score.band);
        summary.results.push({
          kind: 'instrument',
          blockId: block.id,
          name: block.abbreviation || text(block.name),
          total: score.total,
          max: scoreRange(block, block.scoring.total).max,
          band: band ? text(band.label) : null,
          subscales: (block.scoring.subscales ?? []).map((subscale) => ({ id: subscale.id, name: text(subscale.name), score: score.subscales[subscale.id] ?? null })),
          missing: score.missing,
          alerts: (block.scoring.alerts ?? [])
            .filter((rule) => score.alerts.includes(rule.id))
            .map((rule) => ({ id: rule.id, level: rule.level, message: text(rule.message) })),
        });
      }
      if (block.type === 'registration' && block.zones) {
        const answered = block.fields.some((field) => counted[field.id] !== undefined && counted[field.id] !== null);
        const zone = answered ? zoneFor(block.zones, counted) : null;
        summary.results.push({
          kind: 'registration',
          blockId: block.id,
          name: text(block.title),
          zone: zone?.zone ?? null,
          rules: block.zones.rules
            .filter((rule) => zone?.matchedRules.includes(rule.id))
            .map((rule) => ({ id: rule.id, zone: rule.zone, explanation: text(rule.explanation), alert: rule.alert === true })),
        });
      }
    }
  }
  return summary;
}
