import { describe, expect, it } from 'vitest';
import { isVisible, visibleBlocks } from './visibility.js';
import { note, page } from './test-fixtures.js';

describe('visibility', () => {
  it('shows a node without visibleWhen and one whose condition holds', () => {
    expect(isVisible({}, {})).toBe(true);
    expect(isVisible({ visibleWhen: { op: 'eq', item: 'smoker', value: true } }, { smoker: true })).toBe(true);
    expect(isVisible({ visibleWhen: { op: 'eq', item: 'smoker', value: true } }, { smoker: false })).toBe(false);
    expect(isVisible({ visibleWhen: { op: 'eq', item: 'smoker', value: true } }, {})).toBe(false);
  });

  it('lists the shown blocks in page order, ignoring the page’s own condition', () => {
    const shown = page('p', [note('a'), note('b', { op: 'answered', item: 'x' }), note('c', { op: 'not', condition: { op: 'answered', item: 'x' } })], {
      visibleWhen: { op: 'eq', item: 'never', value: 1 },
    });
    expect(visibleBlocks(shown, {}).map((block) => block.id)).toEqual(['a', 'c']);
    expect(visibleBlocks(shown, { x: 1 }).map((block) => block.id)).toEqual(['a', 'b']);
  });
});
