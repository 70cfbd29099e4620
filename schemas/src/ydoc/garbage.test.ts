import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Module } from '../generated/format.js';
import { validateModule } from '../validate/index.js';
import { findBlockMap, getPagesArray, moduleToYDoc, yDocToModule, YDocLayoutError } from './index.js';
import { maxDepth } from './json-value.js';
import { createRandom, type Random } from './test/prng.js';
import { fixtureModule } from './test/fixture-module.js';

function draft(): Y.Doc {
  return moduleToYDoc(fixtureModule());
}

function snapshot(doc: Y.Doc): Module {
  return yDocToModule(doc) as Module;
}

describe('content in the wrong place, but expressible as JSON', () => {
  it('reads a key the schema lacks after the known ones, for the validator to reject', () => {
    const doc = draft();
    findBlockMap(doc, 'mood')?.set('colour', 'red');
    const block = snapshot(doc).pages[1]?.blocks[0] as unknown as Record<string, unknown>;
    expect(Object.keys(block).at(-1)).toBe('colour');
    expect(validateModule(snapshot(doc)).issues).toEqual([expect.objectContaining({ code: 'schema.additional_property', path: '/pages/1/blocks/0/colour' })]);
  });

  it('reads a Y.Text where a plain string belongs, and a plain string where a Y.Text belongs', () => {
    const doc = draft();
    findBlockMap(doc, 'phq3')?.set('abbreviation', new Y.Text('TQ-3'));
    (findBlockMap(doc, 'mood')?.get('prompt') as Y.Map<unknown>).set('sv', 'Hur mår du?');
    expect(snapshot(doc)).toEqual(fixtureModule());
  });

  it('reads plain objects and arrays stored as values like Y.Maps and Y.Arrays, keys in schema order', () => {
    const doc = draft();
    findBlockMap(doc, 'mood')?.set('visibleWhen', { value: 'x', item: 'mood', op: 'eq' });
    const block = snapshot(doc).pages[1]?.blocks[0] as unknown as Record<string, unknown>;
    expect(JSON.stringify(block['visibleWhen'])).toBe('{"op":"eq","item":"mood","value":"x"}');
  });

  it('treats a key holding undefined as absent', () => {
    const doc = draft();
    findBlockMap(doc, 'mood')?.set('help', undefined);
    expect(Object.keys(snapshot(doc).pages[1]?.blocks[0] ?? {})).not.toContain('help');
  });

  it('reads a union with an unknown tag with sorted keys, for the validator to reject', () => {
    const doc = draft();
    findBlockMap(doc, 'mood')?.set('type', 'hologram');
    const block = snapshot(doc).pages[1]?.blocks[0] as unknown as Record<string, unknown>;
    expect(Object.keys(block)).toEqual([...Object.keys(block)].sort());
    expect(validateModule(snapshot(doc)).ok).toBe(false);
  });
});

describe('content JSON cannot hold', () => {
  const cases: Array<[string, (doc: Y.Doc) => void, string, string]> = [
    ['binary content', (doc) => findBlockMap(doc, 'mood')?.set('required', new Uint8Array([1])), 'ydoc.not_json', '/pages/1/blocks/0/required'],
    ['a sub-document', (doc) => doc.getMap('module').set('summary', new Y.Doc()), 'ydoc.not_json', '/summary'],
    ['NaN', (doc) => doc.getMap('module').set('estimatedMinutes', Number.NaN), 'ydoc.not_json', '/estimatedMinutes'],
    ['infinity inside a plain list', (doc) => (doc.getMap('module').get('tags') as Y.Array<unknown>).push([[1, Number.POSITIVE_INFINITY]]), 'ydoc.not_json', '/tags/2/1'],
    ['an XML fragment in a plain text', (doc) => (findBlockMap(doc, 'mood')?.get('prompt') as Y.Map<unknown>).set('en', new Y.XmlFragment()), 'ydoc.unexpected_type', '/pages/1/blocks/0/prompt/en'],
    ['an XML element in a list', (doc) => getPagesArray(doc).push([new Y.XmlElement('page') as unknown as Y.Map<unknown>]), 'ydoc.unexpected_type', '/pages/4'],
  ];
  for (const [name, corrupt, code, path] of cases) {
    it(`refuses ${name} with ${code} at ${path}`, () => {
      const doc = draft();
      corrupt(doc);
      expect(() => yDocToModule(doc)).toThrow(expect.objectContaining({ name: 'YDocLayoutError', code, path }));
    });
  }

  it(`refuses nesting deeper than ${maxDepth} levels without exhausting the stack`, () => {
    const doc = draft();
    // Built top-down, integrated level by level: Yjs itself recurses when integrating nested new types.
    let parent = findBlockMap(doc, 'mood') as Y.Map<unknown>;
    let key = 'visibleWhen';
    for (let level = 0; level < 5000; level += 1) {
      const condition = new Y.Map<unknown>();
      parent.set(key, condition);
      condition.set('op', 'not');
      parent = condition;
      key = 'condition';
    }
    expect(() => yDocToModule(doc)).toThrow(expect.objectContaining({ code: 'ydoc.not_json' }));
  });
});

/** A random Y value or plain value, sometimes nested, sometimes not JSON. */
function randomGarbage(random: Random, depth = 0): unknown {
  const kinds = depth > 3 ? 6 : 12;
  switch (random.int(kinds)) {
    case 0: return random.pick(['x', '', 'singleChoice', 'text', 'doc']);
    case 1: return random.int(1000) - 500;
    case 2: return random.chance(0.5);
    case 3: return null;
    case 4: return random.pick([undefined, Number.NaN, Number.POSITIVE_INFINITY, new Uint8Array([1, 2])]);
    case 5: return new Y.Text(random.pick(['a', 'bc']));
    case 6: {
      const map = new Y.Map<unknown>();
      for (const key of ['type', 'kind', 'op', 'id', 'sv', 'content', 'blocks']) if (random.chance(0.4)) map.set(key, randomGarbage(random, depth + 1));
      return map;
    }
    case 7: {
      const array = new Y.Array<unknown>();
      // Yjs itself refuses undefined in a Y.Array.
      array.push(Array.from({ length: random.int(3) }, () => randomGarbage(random, depth + 1) ?? null));
      return array;
    }
    case 8: {
      const fragment = new Y.XmlFragment();
      const element = new Y.XmlElement(random.pick(['paragraph', 'table', 'text', 'heading']));
      element.insert(0, [new Y.XmlText('t')]);
      fragment.insert(0, [element]);
      return fragment;
    }
    case 9: return { op: 'eq', nested: [randomGarbage(random, depth + 1)] };
    case 10: return [randomGarbage(random, depth + 1), randomGarbage(random, depth + 1)];
    default: return new Y.XmlText('loose');
  }
}

describe('a doc of random garbage', () => {
  it('is read or refused with a YDocLayoutError, never anything else (500 seeded cases)', () => {
    const random = createRandom(424242);
    const outcomes = { read: 0, refused: 0 };
    for (let round = 0; round < 500; round += 1) {
      const doc = draft();
      doc.transact(() => {
        for (let edit = 0; edit < 3; edit += 1) {
          const pages = doc.getMap('module').get('pages');
          const page = pages instanceof Y.Array ? (pages.get(random.int(4)) as unknown) : undefined;
          const block = pages instanceof Y.Array ? findBlockMap(doc, random.pick(['mood', 'about', 'phq3', 'dailyCheck', 'situations'])) : undefined;
          const targets: Array<Y.Map<unknown> | undefined> = [doc.getMap('module'), page instanceof Y.Map ? (page as Y.Map<unknown>) : undefined, block];
          const target = random.pick(targets);
          const keys = [...(target?.keys() ?? []), 'extra'];
          target?.set(random.pick(keys), randomGarbage(random));
        }
      });
      try {
        JSON.stringify(yDocToModule(doc));
        outcomes.read += 1;
      } catch (error) {
        expect(error).toBeInstanceOf(YDocLayoutError);
        outcomes.refused += 1;
      }
    }
    expect(outcomes.read).toBeGreaterThan(50);
    expect(outcomes.refused).toBeGreaterThan(50);
  });
});
