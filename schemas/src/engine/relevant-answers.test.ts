import { describe, expect, it } from 'vitest';
import { relevantAnswers } from './relevant-answers.js';
import { moduleOf, page, question } from './test-fixtures.js';

const yesNo = { kind: 'yesNo' } as const;

describe('relevantAnswers', () => {
  const module = moduleOf(
    page('p1', [question('smoker', yesNo), question('cigarettes', { kind: 'number' }, { visibleWhen: { op: 'eq', item: 'smoker', value: true } })], {
      branches: [{ when: { op: 'eq', item: 'smoker', value: false }, goTo: 'p3' }],
    }),
    page('p2', [question('quitPlan', yesNo)]),
    page('p3', [question('support', yesNo, { visibleWhen: { op: 'eq', item: 'quitPlan', value: true } }), question('mood', yesNo)]),
  );

  it('keeps answers on visible blocks of the pages traversed', () => {
    expect(relevantAnswers(module, { smoker: true, cigarettes: 10, quitPlan: true, support: false, mood: true })).toEqual({
      smoker: true, cigarettes: 10, quitPlan: true, support: false, mood: true,
    });
  });

  it('drops answers hidden or skipped after a changed answer, and what they kept alive', () => {
    expect(relevantAnswers(module, { smoker: false, cigarettes: 10, quitPlan: true, support: false, mood: true })).toEqual({ smoker: false, mood: true });
  });

  it('drops answers to items the module does not have and keeps explicit nulls', () => {
    expect(relevantAnswers(module, { smoker: null, stray: 1 })).toEqual({ smoker: null });
  });
});
