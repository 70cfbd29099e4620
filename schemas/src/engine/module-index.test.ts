import { describe, expect, it } from 'vitest';
import { indexModule, inputShape, instrumentOptions, itemsByBlock } from './module-index.js';
import { choice, field, instrument, moduleOf, note, page, question, registration, scale0to3 } from './test-fixtures.js';

describe('indexModule', () => {
  const module = moduleOf(
    page('p1', [note('intro'), question('mood', choice('low', 'high'), { required: true })]),
    page('p2', [instrument(['a', 'b'], { items: [{}, { options: [{ id: 'x', label: { en: 'x' }, score: 5 }, { id: 'y', label: { en: 'y' }, score: 9 }] }] }), registration('diary', [field('steps', { kind: 'number' })])]),
    page('p1', [question('mood', { kind: 'yesNo' })]),
  );
  const index = indexModule(module);

  it('indexes pages, blocks and items with their JSON Pointers', () => {
    expect(index.pages.get('p1')?.index).toBe(0);
    expect(index.blocks.get('scale')?.path).toBe('/pages/1/blocks/0');
    expect(index.items.get('mood')).toMatchObject({ source: 'question', shape: 'option', blockId: 'mood', pageId: 'p1', path: '/pages/0/blocks/1', required: true });
    expect(index.items.get('mood')?.options).toEqual([{ id: 'low', value: 0 }, { id: 'high', value: 1 }]);
    expect(index.items.get('b')).toMatchObject({ source: 'instrumentItem', path: '/pages/1/blocks/0/items/1', required: true, options: [{ id: 'x', value: 5 }, { id: 'y', value: 9 }] });
    expect(index.items.get('steps')).toMatchObject({ source: 'field', shape: 'number', blockId: 'diary', path: '/pages/1/blocks/1/fields/0', required: false });
  });

  it('keeps the first of duplicate ids and records every declaration', () => {
    expect(index.items.get('mood')?.shape).toBe('option');
    expect(index.declaredIds.filter((entry) => entry.id === 'mood').map((entry) => entry.path)).toEqual(['/pages/0/blocks/1', '/pages/2/blocks/0']);
    expect(index.declaredIds.filter((entry) => entry.id === 'p1')).toHaveLength(2);
  });

  it('groups items by block in document order', () => {
    expect(itemsByBlock(index).get('scale')?.map((item) => item.id)).toEqual(['a', 'b']);
    expect(itemsByBlock(index).has('intro')).toBe(false);
  });

  it('shapes every input kind', () => {
    expect(inputShape({ kind: 'multipleChoice', options: [{ id: 'a', label: { en: 'a' } }] })).toEqual({ shape: 'options', options: [{ id: 'a' }] });
    expect(inputShape({ kind: 'scale', options: [{ id: 'a', label: { en: 'a' }, value: 1 }, { id: 'b', label: { en: 'b' }, value: 2 }] }).shape).toBe('option');
    expect(inputShape({ kind: 'slider', min: 0, max: 10 }).shape).toBe('number');
    expect(inputShape({ kind: 'text', maxLength: 5 }).shape).toBe('text');
    expect(inputShape({ kind: 'dateTime', mode: 'date' }).shape).toBe('dateTime');
    expect(inputShape({ kind: 'yesNo' }).shape).toBe('boolean');
  });

  it('gives an instrument item its own options or the shared scale', () => {
    const block = instrument(['a'], { items: [{}] });
    expect(instrumentOptions(block, 0)).toEqual(scale0to3());
    expect(instrumentOptions(block, 5)).toEqual(scale0to3());
  });
});
