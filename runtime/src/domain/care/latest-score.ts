import type { InstrumentBlock, Module } from '@careloom/format';
import type { LatestScore } from '@careloom/format/api';
import { scoreRange } from '@careloom/format/engine';
import { effectiveTime } from './enrollment-schedule.js';
import { textIn } from './care-content.js';
import type { ResponseRecord, StoredScore } from './ports.js';
import { instrumentsOf } from './response-scoring.js';

export type { LatestScore };

/**
 * Whether a higher total means the patient is worse off, read from the instrument's own severity
 * bands (PHQ-9's "severe" band sits at the top; a wellbeing scale's "low" band at the bottom). Null
 * when the bands do not say (no levels, or the same level at both ends): the trend is then only up
 * or down, never called better or worse on a guess.
 */
export function higherIsWorse(instrument: InstrumentBlock): boolean | null {
  const levelled = instrument.scoring.bands.filter((band) => typeof band.level === 'number');
  if (levelled.length < 2) return null;
  const sorted = [...levelled].sort((a, b) => a.min - b.min);
  const lowest = sorted[0]!.level!;
  const highest = sorted[sorted.length - 1]!.level!;
  return highest === lowest ? null : highest > lowest;
}

function trendOf(total: number, previous: number | null, worseWhenHigher: boolean | null): LatestScore['trend'] {
  if (previous === null) return null;
  if (total === previous) return 'unchanged';
  const up = total > previous;
  if (worseWhenHigher === null) return up ? 'up' : 'down';
  return up === worseWhenHigher ? 'worse' : 'better';
}

/**
 * The patient's most recent instrument score (by when they answered, so an answer sent later from a
 * phone that was offline still sorts where it belongs) and how it moved since the same instrument's
 * score before it, for the therapist's patient list. Band labels are in the reader's language.
 * `moduleOf` returns the module version a response was recorded against.
 */
export async function latestScore(responses: readonly ResponseRecord[], moduleOf: (response: ResponseRecord) => Promise<Module | undefined>, language: string | undefined): Promise<LatestScore | undefined> {
  const scored = responses
    .flatMap((response) => response.scores.filter((score): score is StoredScore & { total: number } => score.total !== null).map((score) => ({ response, score, at: effectiveTime(response) })))
    .sort((a, b) => a.at.localeCompare(b.at));
  const last = scored.at(-1);
  if (!last) return undefined;
  const before = scored.slice(0, -1).reverse().find((entry) => entry.score.instrumentId === last.score.instrumentId && entry.response.moduleId === last.response.moduleId);
  const module = await moduleOf(last.response);
  const instrument = module ? instrumentsOf(module).find((candidate) => candidate.id === last.score.instrumentId) : undefined;
  const band = instrument?.scoring.bands.find((candidate) => candidate.id === last.score.band);
  const previous = before?.score.total ?? null;
  return {
    title: last.score.title,
    total: last.score.total,
    ...(instrument ? { max: scoreRange(instrument, instrument.scoring.total).max } : {}),
    bandLabel: band && module ? textIn(band.label, module, language) : last.score.bandLabel,
    level: band?.level ?? null,
    at: last.at,
    previous,
    trend: trendOf(last.score.total, previous, instrument ? higherIsWorse(instrument) : null),
  };
}
