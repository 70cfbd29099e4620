import * as Y from 'yjs';
import type { InstrumentBlock, ScoringTest } from '@careloom/format';
import { scoreInstrument } from '@careloom/format/engine';
import { arrayAt, mapAt, mapsOf } from '../y/read.js';

/** The option with the lowest score of an item (its own options, else the instrument's shared scale). */
function lowestOption(instrument: InstrumentBlock, itemId: string): string | undefined {
  const item = instrument.items.find((candidate) => candidate.id === itemId);
  const options = item?.options ?? instrument.options ?? [];
  return [...options].sort((a, b) => a.score - b.score)[0]?.id;
}

/** Every item answered with its lowest-scoring option. */
export function lowestAnswers(instrument: InstrumentBlock): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const item of instrument.items) {
    const option = lowestOption(instrument, item.id);
    if (option !== undefined) answers[item.id] = option;
  }
  return answers;
}

/**
 * A new test case that holds from the start: every item at its lowest option, and the total (and
 * band) the scoring gives for that, ready for the designer to change into a case from the manual.
 * Starting with "no total" ticked and no answers, as before, made every new case a problem at once.
 */
export function lowestCase(instrument: InstrumentBlock, name: string): ScoringTest {
  const answers = lowestAnswers(instrument);
  try {
    const score = scoreInstrument(instrument, answers);
    return { name, answers, expect: { total: score.total, ...(score.band === null ? {} : { band: score.band }) } };
  } catch {
    // A scoring that names an item the instrument lacks cannot score (the validator says so): start empty.
    return { name, answers, expect: { total: null } };
  }
}

/**
 * After `newItemId` was added to the instrument (`block`, inside the caller's transaction): every
 * test case answers the new item with its lowest option, and a case that held before keeps holding,
 * its expected total (and band, when it checks one) updated from the scoring. Without this, the
 * default case went wrong as soon as a second item was added (the new item unanswered, so no total).
 */
export function answerNewItemInTests(block: Y.Map<unknown>, before: InstrumentBlock, newItemId: string): void {
  const after = block.toJSON() as InstrumentBlock;
  const option = lowestOption(after, newItemId);
  const tests = arrayAt(block, 'tests');
  if (option === undefined || !tests) return;
  const score = (instrument: InstrumentBlock, answers: Record<string, unknown>) => {
    try {
      return scoreInstrument(instrument, answers as Record<string, string>);
    } catch {
      return undefined;
    }
  };
  for (const { map: test } of mapsOf(tests)) {
    let answers = mapAt(test, 'answers');
    const expect = mapAt(test, 'expect');
    if (!answers) {
      answers = new Y.Map<unknown>();
      test.set('answers', answers);
    }
    const old = answers.toJSON() as Record<string, unknown>;
    const was = score(before, old);
    const held = was !== undefined && expect !== undefined && expect.get('total') === was.total && (!expect.has('band') || expect.get('band') === was.band);
    if (!Object.hasOwn(old, newItemId)) answers.set(newItemId, option);
    if (!held || !expect) continue;
    const now = score(after, answers.toJSON() as Record<string, unknown>);
    if (!now) continue;
    expect.set('total', now.total);
    if (expect.has('band')) expect.set('band', now.band);
  }
}
