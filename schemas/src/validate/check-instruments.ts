import { instrumentOptions } from '../engine/module-index.js';
import { scoreInstrument, type InstrumentScore } from '../engine/scoring.js';
import type { InstrumentBlock, Module, ScoringTest } from '../generated/format.js';
import { pointerSegment, type Issue } from '../issue.js';
import { checkBands } from './check-bands.js';
import { issue, type CheckContext } from './check-context.js';
import { placedInstruments } from './module-walk.js';

/**
 * Per instrument: every item has options; the total, subscales, alert rules and test cases refer
 * to the instrument's own items, options, subscales, bands and alert rules; and, when all that
 * holds, the bands cover the score range and every scoring test case gives what it expects.
 */
export function checkInstruments(context: CheckContext<Module>): Issue[] {
  return placedInstruments(context.doc).flatMap(({ block, path }) => {
    const structural = [...missingOptions(context, block, path), ...references(context, block, path)];
    if (structural.length > 0) return structural;
    return [...checkBands(context, block, path), ...runTests(context, block, path)];
  });
}

function missingOptions(context: CheckContext<Module>, instrument: InstrumentBlock, path: string): Issue[] {
  if (instrument.options) return [];
  return instrument.items.flatMap((item, index) => {
    if (item.options) return [];
    const itemPath = `${path}/items/${index}`;
    return [issue('instrument.missing_options', itemPath,
      `${context.where(itemPath)} has no answer options. Give it its own "options", or give the instrument a shared "options" scale.`, { item: item.id })];
  });
}

function references(context: CheckContext<Module>, instrument: InstrumentBlock, path: string): Issue[] {
  const { scoring } = instrument;
  const items = new Set(instrument.items.map((item) => item.id));
  const subscales = new Set((scoring.subscales ?? []).map((subscale) => subscale.id));
  const bands = new Set(scoring.bands.map((band) => band.id));
  const alerts = new Set((scoring.alerts ?? []).map((alert) => alert.id));
  const name = `instrument "${instrument.id}"`;
  const issues: Issue[] = [];
  const unknown = (code: string, refPath: string, what: string, id: string) =>
    issues.push(issue(code, refPath, `${context.where(refPath)} refers to ${what} "${id}", which ${name} does not have. Use one of its ${what}s' ids.`, { id }));
  (scoring.total.items ?? []).forEach((id, index) => {
    if (!items.has(id)) unknown('scoring.unknown_item', `${path}/scoring/total/items/${index}`, 'item', id);
  });
  (scoring.subscales ?? []).forEach((subscale, subscaleIndex) => subscale.items.forEach((id, index) => {
    if (!items.has(id)) unknown('scoring.unknown_item', `${path}/scoring/subscales/${subscaleIndex}/items/${index}`, 'item', id);
  }));
  (scoring.alerts ?? []).forEach(({ when }, alertIndex) => {
    const whenPath = `${path}/scoring/alerts/${alertIndex}/when`;
    if (when.of === 'item' && !items.has(when.item)) unknown('scoring.unknown_item', `${whenPath}/item`, 'item', when.item);
    if (when.of === 'subscale' && !subscales.has(when.subscale)) unknown('scoring.unknown_subscale', `${whenPath}/subscale`, 'subscale', when.subscale);
    if (when.of === 'band') {
      when.bands.forEach((id, index) => {
        if (!bands.has(id)) unknown('scoring.unknown_band', `${whenPath}/bands/${index}`, 'band', id);
      });
    }
  });
  instrument.tests.forEach((test, testIndex) => {
    const testPath = `${path}/tests/${testIndex}`;
    for (const [itemId, answer] of Object.entries(test.answers)) {
      const answerPath = `${testPath}/answers/${pointerSegment(itemId)}`;
      const itemIndex = instrument.items.findIndex((item) => item.id === itemId);
      if (itemIndex === -1) unknown('scoring.unknown_item', answerPath, 'item', itemId);
      else if (answer !== null && instrumentOptions(instrument, itemIndex).length > 0 && !instrumentOptions(instrument, itemIndex).some((option) => option.id === answer)) {
        issues.push(issue('scoring.unknown_option', answerPath,
          `${context.where(testPath)} answers item "${itemId}" with "${answer}", which is not one of that item's options.`, { item: itemId, option: answer }));
      }
    }
    const { expect } = test;
    if (typeof expect.band === 'string' && !bands.has(expect.band)) unknown('scoring.unknown_band', `${testPath}/expect/band`, 'band', expect.band);
    for (const id of Object.keys(expect.subscales ?? {})) {
      if (!subscales.has(id)) unknown('scoring.unknown_subscale', `${testPath}/expect/subscales/${pointerSegment(id)}`, 'subscale', id);
    }
    (expect.alerts ?? []).forEach((id, index) => {
      if (!alerts.has(id)) unknown('scoring.unknown_alert', `${testPath}/expect/alerts/${index}`, 'alert rule', id);
    });
  });
  return issues;
}

function runTests(context: CheckContext<Module>, instrument: InstrumentBlock, path: string): Issue[] {
  return instrument.tests.flatMap((test, index) => {
    const testPath = `${path}/tests/${index}`;
    let actual: InstrumentScore;
    try {
      actual = scoreInstrument(instrument, test.answers);
    } catch (error) {
      return [issue('scoring.test_failed', testPath, `${context.where(testPath)} could not be scored: ${(error as Error).message}`, {})];
    }
    const differences = compare(test, actual);
    if (differences.length === 0) return [];
    return [issue('scoring.test_failed', testPath,
      `${context.where(testPath)} expects ${differences.map((difference) => difference.text).join('; ')}. Fix the test case or the scoring.`,
      {
        expected: Object.fromEntries(differences.map((difference) => [difference.key, difference.expected])),
        actual: Object.fromEntries(differences.map((difference) => [difference.key, difference.actual])),
      })];
  });
}

interface Difference {
  key: string;
  expected: unknown;
  actual: unknown;
  text: string;
}

function compare(test: ScoringTest, actual: InstrumentScore): Difference[] {
  const differences: Difference[] = [];
  const show = (value: unknown) => (value === null ? 'no score' : typeof value === 'string' ? `"${value}"` : String(value));
  const same = (left: number | null | undefined, right: number | null | undefined) =>
    left === right || (typeof left === 'number' && typeof right === 'number' && Math.abs(left - right) < 1e-9);
  const { expect } = test;
  if (!same(expect.total, actual.total)) {
    differences.push({ key: 'total', expected: expect.total, actual: actual.total, text: `total ${show(expect.total)}, but the scoring gives ${show(actual.total)}` });
  }
  if (expect.band !== undefined && expect.band !== actual.band) {
    const band = (value: string | null) => (value === null ? 'no band' : `band "${value}"`);
    differences.push({ key: 'band', expected: expect.band, actual: actual.band, text: `${band(expect.band)}, but the scoring gives ${band(actual.band)}` });
  }
  for (const [id, expected] of Object.entries(expect.subscales ?? {})) {
    const got = actual.subscales[id] ?? null;
    if (!same(expected, got)) {
      differences.push({ key: `subscales.${id}`, expected, actual: got, text: `subscale "${id}" ${show(expected)}, but the scoring gives ${show(got)}` });
    }
  }
  if (expect.alerts !== undefined) {
    const expected = [...expect.alerts].sort();
    const got = [...actual.alerts].sort();
    if (expected.join('\n') !== got.join('\n')) {
      const list = (ids: string[]) => (ids.length === 0 ? 'no alerts' : `alerts ${ids.map((id) => `"${id}"`).join(', ')}`);
      differences.push({ key: 'alerts', expected, actual: got, text: `${list(expected)}, but the scoring raises ${list(got)}` });
    }
  }
  return differences;
}
