import { describe, expect, it } from 'vitest';
import copdJson from '@careloom/examples/modules/copd-daily-report.json' with { type: 'json' };
import phq9Json from '@careloom/examples/modules/phq-9.json' with { type: 'json' };
import type { Module } from '@careloom/format';
import { runSummary } from './run-summary.js';
import { branchingModule } from './test-run-modules.js';

const phq9 = phq9Json as unknown as Module;

/** PHQ-9 answers: option index per item 1–9 (0 = not at all … 3 = nearly every day). */
function phq9Answers(scores: number[]): Record<string, string> {
  const instrument = phq9.pages[0]!.blocks.find((block) => block.type === 'instrument')!;
  if (instrument.type !== 'instrument') throw new Error('PHQ-9 has no instrument');
  const options = instrument.options!;
  return Object.fromEntries(scores.map((score, index) => [`phq9_${index + 1}`, options[score]!.id]));
}

describe('runSummary', () => {
  it('gives the PHQ-9 total, band and the item 9 alert as the manual scores them', () => {
    const summary = runSummary(phq9, phq9Answers([1, 1, 2, 1, 1, 2, 1, 1, 1]), 'en');
    const result = summary.results[0]!;
    expect(result).toMatchObject({ kind: 'instrument', name: 'PHQ-9', total: 11, max: 27, band: 'Moderate depression', missing: [] });
    expect(result.kind === 'instrument' && result.alerts.map((alert) => [alert.id, alert.level])).toEqual([['item9', 'urgent']]);
    expect(summary.path.map((page) => page.id)).toEqual(['questionnaire']);
  });

  it('gives no total with too many items unanswered, and no alert without item 9', () => {
    const answers = phq9Answers([0, 0, 0, 0, 0, 0, 0]);
    const result = runSummary(phq9, answers, 'sv').results[0]!;
    expect(result).toMatchObject({ total: null, band: null, alerts: [], missing: ['phq9_8', 'phq9_9'] });
  });

  it('follows the branch the answers take and scores only the pages on that path', () => {
    expect(runSummary(branchingModule, { worried: 'no' }, 'en').path.map((page) => page.id)).toEqual(['screening', 'summary']);
    expect(runSummary(branchingModule, { worried: 'yes' }, 'en').path.map((page) => page.id)).toEqual(['screening', 'details', 'summary']);
  });

  it('sorts a COPD report into its zone with the rules that hold', () => {
    const copd = copdJson as unknown as Module;
    expect(runSummary(copd, {}, 'en').results[0]).toMatchObject({ kind: 'registration', zone: null, rules: [] });
    expect(runSummary(copd, { breathlessness: 'usual', cough: 'usual' }, 'en').results[0]).toMatchObject({ zone: 'green', rules: [] });
    const yellow = runSummary(copd, { breathlessness: 'worse', cough: 'more' }, 'en').results[0]!;
    expect(yellow).toMatchObject({ zone: 'yellow' });
    expect(yellow.kind === 'registration' && yellow.rules.map((rule) => [rule.id, rule.explanation])).toEqual([
      ['breathWorse', 'You are more breathless than usual.'],
      ['coughMore', 'You are coughing more than usual.'],
    ]);
  });
});
