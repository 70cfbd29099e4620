import { describe, expect, it } from 'vitest';
import panicJson from '@careloom/examples/modules/panic-week-1.json';
import copdJson from '@careloom/examples/modules/copd-daily-report.json';
import { answerableItems, itemsBeforeBlock, itemsBeforePage, itemsForBranch, itemsOfBlock } from './answerable-items.js';
import { defaultCondition, opsFor } from './condition-defaults.js';

const ids = (items: Array<{ id: string }>) => items.map((item) => item.id);

describe('answerable items for condition pickers', () => {
  const items = answerableItems(panicJson, 'sv');

  it('lists questions and exercise fields in document order with their options and labels in the language', () => {
    expect(ids(items).slice(0, 2)).toEqual(['hadAttackLastWeek', 'mainFear']);
    const mainFear = items.find((item) => item.id === 'mainFear')!;
    expect(mainFear.shape).toBe('option');
    expect(mainFear.options.length).toBeGreaterThan(1);
    expect(mainFear.label).toBe((panicJson.pages[0]!.blocks[2] as { prompt: { sv: string } }).prompt.sv);
  });

  it('scopes a block to earlier blocks, a page to earlier pages, a branch to its page and earlier', () => {
    expect(ids(itemsBeforeBlock(items, 4, 2))).toEqual(['hadAttackLastWeek', 'mainFear', 'quizFaint']);
    expect(ids(itemsBeforePage(items, 4))).toEqual(['hadAttackLastWeek', 'mainFear']);
    expect(ids(itemsForBranch(items, 4))).toEqual(['hadAttackLastWeek', 'mainFear', 'quizFaint', 'quizMaintain', 'quizPeak']);
  });

  it('scopes a zone rule to its own registration\'s fields', () => {
    const copd = answerableItems(copdJson, 'en');
    expect(ids(itemsOfBlock(copd, 'copdDaily'))).toEqual(['breathlessness', 'cough', 'sputumColour', 'temperature', 'spo2', 'extraReliever', 'standbyStarted']);
  });

  it('skips what a half-written draft lacks instead of failing', () => {
    expect(answerableItems({ pages: [{ blocks: [{ type: 'question', id: 'q' }, { type: 'grid', rows: [{}] }, null] }] }, 'en')).toEqual([]);
    expect(answerableItems(undefined, 'en')).toEqual([]);
  });

  it('offers only the tests that suit an answer and starts from the first option', () => {
    expect(opsFor('options')).toEqual(['includes', 'answered']);
    expect(opsFor('text')).toEqual(['answered']);
    const mainFear = items.find((item) => item.id === 'mainFear')!;
    expect(defaultCondition(mainFear)).toEqual({ op: 'eq', item: 'mainFear', value: mainFear.options[0]!.id });
    expect(defaultCondition(items.find((item) => item.id === 'hadAttackLastWeek')!)).toEqual({ op: 'eq', item: 'hadAttackLastWeek', value: true });
  });
});
