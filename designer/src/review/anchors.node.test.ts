import { describe, expect, it } from 'vitest';
import phq9 from '@careloom/examples/modules/phq-9.json';
import program from '@careloom/examples/programs/panic-icbt-8-weeks.json';
import { anchorsOf } from './anchors.js';

describe('anchorsOf', () => {
  it('lists pages, blocks and instrument items of a module in document order', () => {
    const anchors = anchorsOf(phq9, 'en');
    expect(anchors.slice(0, 2).map((anchor) => [anchor.kind, anchor.id])).toEqual([
      ['page', phq9.pages[0]!.id],
      ['block', 'intro'],
    ]);
    const instrument = anchors.find((anchor) => anchor.id === 'phq9');
    expect(instrument).toMatchObject({ kind: 'block', type: 'instrument' });
    const items = anchors.filter((anchor) => anchor.kind === 'item');
    const instrumentBlock = phq9.pages[0]!.blocks.find((block) => block.id === 'phq9') as { items: Array<{ id: string }> };
    expect(items.map((item) => item.id)).toEqual(instrumentBlock.items.map((item) => item.id));
    expect(items[0]!.text).not.toBe('');
  });

  it('lists the scheduled entries of a program and ignores what is not a document', () => {
    const anchors = anchorsOf(program);
    expect(anchors.every((anchor) => anchor.kind === 'entry')).toBe(true);
    expect(anchors.length).toBe(program.modules.length + (program.measurements?.length ?? 0) + (program.registrations?.length ?? 0));
    expect(anchorsOf(null)).toEqual([]);
    expect(anchorsOf({ pages: 'nope' })).toEqual([]);
  });
});
