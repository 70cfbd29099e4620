import { describe, expect, it } from 'vitest';
import { deepFreeze } from './deep-freeze.js';

describe('deepFreeze', () => {
  it('freezes nested objects and arrays, so a shared document cannot be changed by one reader', () => {
    const document = deepFreeze(JSON.parse('{"pages":[{"id":"p1","blocks":[{"id":"b1"}]}],"title":{"en":"Mood"}}') as { pages: Array<{ id: string; blocks: Array<{ id: string }> }>; title: Record<string, string> });
    expect(() => {
      document.pages[0]!.blocks[0]!.id = 'changed';
    }).toThrow(TypeError);
    expect(() => document.pages.push({ id: 'p2', blocks: [] })).toThrow(TypeError);
    expect(() => {
      document.title['sv'] = 'Humör';
    }).toThrow(TypeError);
    expect(document.pages[0]!.blocks[0]!.id).toBe('b1');
  });

  it('returns primitives and null as they are', () => {
    expect(deepFreeze(3)).toBe(3);
    expect(deepFreeze(null)).toBeNull();
    expect(deepFreeze('text')).toBe('text');
  });
});
