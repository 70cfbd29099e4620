import { describe, expect, it } from 'vitest';
import { firstPageId, missingRequired, nextPageId, pagePath, progress } from './navigation.js';
import { choice, field, instrument, moduleOf, note, page, question, registration } from './test-fixtures.js';

const yesNo = { kind: 'yesNo' } as const;

// screening → (worried = no → #end) details → (skipSleep → summary) sleep → summary; 'hidden' only for smokers.
const branching = moduleOf(
  page('screening', [question('worried', choice('yes', 'no'), { required: true })], {
    branches: [{ when: { op: 'eq', item: 'worried', value: 'no' }, goTo: '#end' }],
  }),
  page('details', [question('skipSleep', yesNo)], { branches: [{ when: { op: 'eq', item: 'skipSleep', value: true }, goTo: 'summary' }] }),
  page('sleep', [question('hours', { kind: 'number', min: 0, max: 24 }, { required: true })]),
  page('smokers', [question('cigarettes', { kind: 'number' }, { required: true })], { visibleWhen: { op: 'eq', item: 'smoker', value: true } }),
  page('summary', [note('thanks')]),
);

describe('firstPageId', () => {
  it('is the first page, or the first visible one when it is hidden', () => {
    expect(firstPageId(branching, {})).toBe('screening');
    const hiddenFirst = moduleOf(page('a', [], { visibleWhen: { op: 'answered', item: 'x' } }), page('b', []));
    expect(firstPageId(hiddenFirst, {})).toBe('b');
    expect(firstPageId(hiddenFirst, { x: 1 })).toBe('a');
  });

  it('is null when no page is visible', () => {
    expect(firstPageId(moduleOf(page('a', [], { visibleWhen: { op: 'answered', item: 'x' } })), {})).toBeNull();
  });
});

describe('nextPageId', () => {
  it('follows reading order when no branch holds, skipping hidden pages', () => {
    expect(nextPageId(branching, 'screening', { worried: 'yes' })).toBe('details');
    expect(nextPageId(branching, 'sleep', {})).toBe('summary');
    expect(nextPageId(branching, 'sleep', { smoker: true })).toBe('smokers');
    expect(nextPageId(branching, 'summary', {})).toBeNull();
  });

  it('finishes the module on a #end branch', () => {
    expect(nextPageId(branching, 'screening', { worried: 'no' })).toBeNull();
  });

  it('jumps to the branch target', () => {
    expect(nextPageId(branching, 'details', { skipSleep: true })).toBe('summary');
    expect(nextPageId(branching, 'details', { skipSleep: false })).toBe('sleep');
  });

  it('goes on to the next visible page when the branch target is hidden', () => {
    const module = moduleOf(
      page('a', [], { branches: [{ when: { op: 'answered', item: 'go' }, goTo: 'c' }] }),
      page('b', []),
      page('c', [], { visibleWhen: { op: 'eq', item: 'go', value: 'c' } }),
      page('d', []),
    );
    expect(nextPageId(module, 'a', { go: 'c' })).toBe('c');
    expect(nextPageId(module, 'a', { go: 'x' })).toBe('d');
  });

  it('takes the first branch whose condition holds', () => {
    const module = moduleOf(
      page('a', [], {
        branches: [
          { when: { op: 'gte', item: 'n', value: 5 }, goTo: 'c' },
          { when: { op: 'gte', item: 'n', value: 1 }, goTo: 'b' },
        ],
      }),
      page('b', []),
      page('c', []),
    );
    expect(nextPageId(module, 'a', { n: 7 })).toBe('c');
    expect(nextPageId(module, 'a', { n: 2 })).toBe('b');
  });

  it('throws on an unknown page or branch target', () => {
    expect(() => nextPageId(branching, 'nope', {})).toThrow(/no page "nope"/);
    const broken = moduleOf(page('a', [], { branches: [{ when: { op: 'answered', item: 'x' }, goTo: 'ghost' }] }));
    expect(() => nextPageId(broken, 'a', { x: 1 })).toThrow(/no page "ghost"/);
  });
});

describe('pagePath', () => {
  it('walks the pages a patient traverses', () => {
    expect(pagePath(branching, { worried: 'no' })).toEqual(['screening']);
    expect(pagePath(branching, { worried: 'yes' })).toEqual(['screening', 'details', 'sleep', 'summary']);
    expect(pagePath(branching, { worried: 'yes', skipSleep: true })).toEqual(['screening', 'details', 'summary']);
    expect(pagePath(branching, { worried: 'yes', smoker: true })).toEqual(['screening', 'details', 'sleep', 'smokers', 'summary']);
  });

  it('stops at a page already on the path, so a cycle terminates', () => {
    const cyclic = moduleOf(page('a', []), page('b', [], { branches: [{ when: { op: 'answered', item: 'x' }, goTo: 'a' }] }), page('c', []));
    expect(pagePath(cyclic, { x: 1 })).toEqual(['a', 'b']);
    expect(pagePath(cyclic, {})).toEqual(['a', 'b', 'c']);
  });
});

describe('missingRequired', () => {
  const rich = moduleOf(
    page('p', [
      question('q1', yesNo, { required: true }),
      question('q2', yesNo),
      question('q3', yesNo, { required: true, visibleWhen: { op: 'eq', item: 'q1', value: true } }),
      { type: 'grid', id: 'g', prompt: { en: 'g' }, required: true, options: [{ id: 'o1', label: { en: 'o1' } }, { id: 'o2', label: { en: 'o2' } }], rows: [{ id: 'r1', prompt: { en: 'r1' } }, { id: 'r2', prompt: { en: 'r2' } }] },
      { type: 'grid', id: 'g2', prompt: { en: 'g2' }, options: [{ id: 'o1', label: { en: 'o1' } }, { id: 'o2', label: { en: 'o2' } }], rows: [{ id: 'free', prompt: { en: 'free' } }] },
      instrument(['i1', 'i2', 'i3'], { items: [{}, { required: false }, {}] }),
      registration('diary', [field('steps', { kind: 'number' }, true), field('notes', { kind: 'text', maxLength: 100 })]),
      { type: 'exercise', id: 'ex', title: { en: 'ex' }, instructions: { en: { type: 'doc', content: [] } }, fields: [field('did', yesNo, true)], visibleWhen: { op: 'eq', item: 'q2', value: true } },
    ]),
    page('hidden', [question('h', yesNo, { required: true })], { visibleWhen: { op: 'answered', item: 'never' } }),
  );

  it('lists required questions, grid rows, instrument items and fields on visible blocks', () => {
    expect(missingRequired(rich, 'p', {})).toEqual(['q1', 'r1', 'r2', 'i1', 'i3', 'steps']);
    expect(missingRequired(rich, 'p', { q1: true, q2: true, r1: 'o1' })).toEqual(['q3', 'r2', 'i1', 'i3', 'steps', 'did']);
  });

  it('is empty when everything required is answered', () => {
    expect(missingRequired(rich, 'p', { q1: false, r1: 'o1', r2: 'o2', i1: 's0', i3: 's3', steps: 0 })).toEqual([]);
  });

  it('treats blank answers as missing', () => {
    expect(missingRequired(rich, 'p', { q1: null, r1: '', r2: 'o2', i1: 's0', i3: 's3', steps: Number.NaN })).toEqual(['q1', 'r1', 'steps']);
  });

  it('asks nothing on a hidden page', () => {
    expect(missingRequired(rich, 'hidden', {})).toEqual([]);
    expect(missingRequired(rich, 'hidden', { never: 1 })).toEqual(['h']);
  });
});

describe('progress', () => {
  it('counts pages, question pages and answered pages along the path', () => {
    expect(progress(branching, {}, { currentPageId: 'screening' })).toEqual({
      path: ['screening', 'details', 'sleep', 'summary'],
      totalPages: 4,
      questionPages: 3,
      answeredPages: 0,
      incompletePages: ['screening', 'sleep'],
      position: 0,
      complete: false,
    });
    const done = progress(branching, { worried: 'yes', skipSleep: false, hours: 7 }, { currentPageId: 'summary' });
    expect(done).toMatchObject({ answeredPages: 3, incompletePages: [], position: 3, complete: true });
  });

  it('shrinks the path when a branch ends the module early', () => {
    expect(progress(branching, { worried: 'no' })).toMatchObject({ path: ['screening'], totalPages: 1, complete: true, position: null });
  });

  it('gives no position for a page off the path', () => {
    expect(progress(branching, { worried: 'yes', skipSleep: true }, { currentPageId: 'sleep' }).position).toBeNull();
  });

  it('ignores required items on skipped pages', () => {
    expect(progress(branching, { worried: 'yes', skipSleep: true }).complete).toBe(true);
  });
});
