import { scoreRange } from '../engine/scoring.js';
import type { Band, InstrumentBlock } from '../generated/format.js';
import type { Issue } from '../issue.js';
import { issue, type CheckContext } from './check-context.js';

/**
 * Severity bands cover every total the instrument can give exactly once. Totals are rounded to the
 * total's `decimals`, so the possible totals are the multiples of 10^-decimals within
 * `scoreRange`; the check counts in those steps, so bands 0–4 and 5–9 meet without a gap.
 */
export function checkBands(context: CheckContext<unknown>, instrument: InstrumentBlock, path: string): Issue[] {
  const decimals = instrument.scoring.total.decimals ?? 0;
  const scale = 10 ** decimals;
  const range = scoreRange(instrument, instrument.scoring.total);
  const [rangeLow, rangeHigh] = [Math.round(range.min * scale), Math.round(range.max * scale)];
  const show = (steps: number) => (steps / scale).toFixed(decimals);
  const span = (low: number, high: number) => (low === high ? `score ${show(low)}` : `scores ${show(low)} to ${show(high)}`);
  const bandsPath = `${path}/scoring/bands`;
  const issues: Issue[] = [];
  const intervals: Array<{ band: Band; index: number; low: number; high: number }> = [];
  instrument.scoring.bands.forEach((band, index) => {
    const bandPath = `${bandsPath}/${index}`;
    // A bound between two possible totals is moved onto the possible total inside the band.
    const low = Math.ceil(band.min * scale - 1e-9);
    const high = Math.floor(band.max * scale + 1e-9);
    if (low > high) {
      issues.push(issue('bands.empty', bandPath,
        `${context.where(bandPath)} (from ${band.min} to ${band.max}) contains no possible score. Its "min" must not be above its "max".`,
        { band: band.id }));
      return;
    }
    if (low < rangeLow || high > rangeHigh) {
      issues.push(issue('bands.outside_range', bandPath,
        `${context.where(bandPath)} runs from ${band.min} to ${band.max}, but the total can only be ${show(rangeLow)} to ${show(rangeHigh)}. Keep the band within that range.`,
        { band: band.id, min: range.min, max: range.max }));
    }
    intervals.push({ band, index, low, high });
  });
  intervals.sort((left, right) => left.low - right.low || left.index - right.index);
  let next = rangeLow;
  let previous: (typeof intervals)[number] | undefined;
  for (const interval of intervals) {
    if (interval.low > next && next <= rangeHigh) {
      const gapHigh = Math.min(interval.low - 1, rangeHigh);
      issues.push(gap(context, bandsPath, path, span(next, gapHigh), show(next), show(gapHigh)));
    }
    if (previous && interval.low <= previous.high) {
      const bandPath = `${bandsPath}/${interval.index}`;
      const overlap = span(Math.max(interval.low, rangeLow), Math.min(interval.high, previous.high));
      issues.push(issue('bands.overlap', bandPath,
        `Bands "${previous.band.id}" and "${interval.band.id}" of ${context.at(path)} both include ${overlap}. Each score must fall in exactly one band.`,
        { band: interval.band.id, other: previous.band.id }));
    }
    next = Math.max(next, interval.high + 1);
    if (!previous || interval.high > previous.high) previous = interval;
  }
  if (next <= rangeHigh) issues.push(gap(context, bandsPath, path, span(next, rangeHigh), show(next), show(rangeHigh)));
  return issues;
}

function gap(context: CheckContext<unknown>, bandsPath: string, path: string, span: string, from: string, to: string): Issue {
  const words = span.charAt(0).toUpperCase() + span.slice(1);
  const [verb, them] = span.startsWith('scores') ? ['fall', 'them'] : ['falls', 'it'];
  return issue('bands.gap', bandsPath, `${words} ${verb} in no band of ${context.at(path)}. Add a band for ${them} or widen a neighbouring band.`, { from: Number(from), to: Number(to) });
}
