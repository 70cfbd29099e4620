import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Module, Program } from '../generated/format.js';
import { validateModule, validateProgram } from '../validate/index.js';
import { findBlockMap, fromYValue, getPagesArray, layoutVersion, moduleToYDoc, moveArrayItem, normalizeRichText, programToYDoc, toYValue, yDocToModule, yDocToProgram, YDocLayoutError } from './index.js';
import moduleSchema from '../../json/module.schema.json' with { type: 'json' };
import { fixtureModule, fixtureProgram } from './test/fixture-module.js';
import { mapRichDocs, replicaOf } from './test/sync.js';

function roundTrip(module: Module): unknown {
  return yDocToModule(replicaOf(moduleToYDoc(module), 7));
}

describe('moduleToYDoc / yDocToModule', () => {
  it('starts from a fixture valid in every respect', () => {
    expect(validateModule(fixtureModule()).issues).toEqual([]);
    expect(validateProgram(fixtureProgram(), { resolveModule: () => fixtureModule() }).issues).toEqual([]);
  });

  it('round-trips the rich fixture unchanged', () => {
    expect(roundTrip(fixtureModule())).toEqual(fixtureModule());
  });

  it('gives byte-identical snapshots for equal doc states, keys in schema order', () => {
    const doc = moduleToYDoc(fixtureModule());
    const snapshot = JSON.stringify(yDocToModule(doc));
    expect(JSON.stringify(yDocToModule(replicaOf(doc, 99)))).toBe(snapshot);
    expect(JSON.stringify(yDocToModule(moduleToYDoc(JSON.parse(snapshot) as Module)))).toBe(snapshot);
    expect(Object.keys(JSON.parse(snapshot) as object)).toEqual(Object.keys(moduleSchema.properties));
    const block = (JSON.parse(snapshot) as Module).pages[1]?.blocks[0];
    expect(Object.keys(block ?? {})).toEqual(['type', 'id', 'prompt', 'help', 'required', 'input']);
    expect(Object.keys((block as { prompt: object }).prompt)).toEqual(['en', 'sv']);
  });

  it('writes the same bytes for the same module and client id', () => {
    const seed = () => {
      const doc = new Y.Doc();
      doc.clientID = 1;
      return Y.encodeStateAsUpdate(moduleToYDoc(fixtureModule(), doc));
    };
    expect(seed()).toEqual(seed());
  });

  it('fills the doc in one transaction', () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on('update', () => (updates += 1));
    moduleToYDoc(fixtureModule(), doc);
    expect(updates).toBe(1);
  });

  it('lays the module out as README.md says', () => {
    const doc = moduleToYDoc(fixtureModule());
    expect(doc.getMap('meta').toJSON()).toEqual({ layout: layoutVersion, kind: 'module' });
    const root = doc.getMap('module');
    expect((root.get('title') as Y.Map<unknown>).get('sv')).toBeInstanceOf(Y.Text);
    expect(root.get('languages')).toBeInstanceOf(Y.Array);
    expect((root.get('languages') as Y.Array<unknown>).toArray()).toEqual(['sv', 'en']);
    expect(root.get('formatVersion')).toBe(1);
    const pages = getPagesArray(doc);
    expect(pages.get(0)).toBeInstanceOf(Y.Map);
    const about = findBlockMap(doc, 'about');
    expect((about?.get('content') as Y.Map<unknown>).get('en')).toBeInstanceOf(Y.XmlFragment);
    const mood = findBlockMap(doc, 'mood');
    const options = (mood?.get('input') as Y.Map<unknown>).get('options') as Y.Array<Y.Map<unknown>>;
    expect(options.get(0)).toBeInstanceOf(Y.Map);
    expect(options.get(0).get('value')).toBe(1);
    const instrument = findBlockMap(doc, 'phq3');
    const test = ((instrument?.get('tests') as Y.Array<Y.Map<unknown>>).get(2).get('answers')) as Y.Map<unknown>;
    expect(test.get('q3')).toBeNull();
    expect(typeof instrument?.get('abbreviation')).toBe('string');
    expect(pages.get(0).has('visibleWhen')).toBe(false);
    expect(findBlockMap(doc, 'nothing')).toBeUndefined();
  });

  it('normalises rich text to the editor’s form and keeps it there', () => {
    const module = fixtureModule();
    const block = module.pages[0]?.blocks[0] as { content: Record<string, unknown> };
    block.content['sv'] = { type: 'doc', content: [{ type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] }] }] }] };
    const snapshot = roundTrip(module) as Module;
    expect((snapshot.pages[0]?.blocks[0] as { content: Record<string, unknown> }).content['sv']).toEqual({
      type: 'doc', content: [{ type: 'orderedList', attrs: { start: 1, type: null }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'ab' }] }] }] }],
    });
    expect(roundTrip(snapshot)).toEqual(snapshot);
    expect(validateModule(snapshot).issues).toEqual([]);
  });

  it('refuses a doc that already holds a draft, and leaves a refused doc untouched', () => {
    const doc = moduleToYDoc(fixtureModule());
    expect(() => moduleToYDoc(fixtureModule(), doc)).toThrow(expect.objectContaining({ code: 'ydoc.not_empty' }));
    const empty = new Y.Doc();
    const broken = { ...fixtureModule(), estimatedMinutes: Number.NaN };
    expect(() => moduleToYDoc(broken, empty)).toThrow(expect.objectContaining({ code: 'ydoc.not_json', path: '/estimatedMinutes' }));
    expect(empty.getMap('module').size + empty.getMap('meta').size).toBe(0);
  });

  it('refuses docs without a draft of the kind, or of an unknown layout', () => {
    expect(() => yDocToModule(new Y.Doc())).toThrow(expect.objectContaining({ code: 'ydoc.missing_root' }));
    expect(() => yDocToModule(programToYDoc(fixtureProgram()))).toThrow(expect.objectContaining({ code: 'ydoc.missing_root' }));
    const future = moduleToYDoc(fixtureModule());
    future.getMap('meta').set('layout', layoutVersion + 1);
    expect(() => yDocToModule(future)).toThrow(YDocLayoutError);
    expect(() => yDocToModule(future)).toThrow(/layout 2/);
    const noMeta = new Y.Doc();
    noMeta.getMap('module').set('id', 'x');
    expect(() => yDocToModule(noMeta)).toThrow(expect.objectContaining({ code: 'ydoc.unsupported_layout' }));
  });
});

describe('programToYDoc / yDocToProgram', () => {
  it('round-trips the fixture program, keys in schema order', () => {
    const doc = programToYDoc(fixtureProgram());
    const snapshot = yDocToProgram(replicaOf(doc, 3));
    expect(snapshot).toEqual(fixtureProgram());
    expect(JSON.stringify(yDocToProgram(programToYDoc(snapshot as Program)))).toBe(JSON.stringify(snapshot));
    expect((doc.getMap('program').get('title') as Y.Map<unknown>).get('en')).toBeInstanceOf(Y.Text);
  });
});

describe('pieces for the designer', () => {
  it('builds and reads single pieces with the draft’s layout', () => {
    const doc = moduleToYDoc(fixtureModule());
    const block = { type: 'question', id: 'extra', prompt: { sv: 'Extra?', en: 'Extra?' }, input: { kind: 'yesNo' } };
    doc.transact(() => (getPagesArray(doc).get(1).get('blocks') as Y.Array<unknown>).insert(0, [toYValue(block, 'Block')]));
    expect(fromYValue(findBlockMap(doc, 'extra'), 'Block')).toEqual(block);
    expect((findBlockMap(doc, 'extra')?.get('prompt') as Y.Map<unknown>).get('sv')).toBeInstanceOf(Y.Text);
    expect(() => toYValue(block, 'NoSuchThing')).toThrow(/no schema definition/);
  });

  it('moves items by cloning them', () => {
    const doc = moduleToYDoc(fixtureModule());
    moveArrayItem(getPagesArray(doc), 3, 0);
    expect((yDocToModule(doc) as Module).pages.map((page) => page.id)).toEqual(['practice', 'intro', 'questions', 'scale']);
    moveArrayItem(getPagesArray(doc), 0, 3);
    expect(yDocToModule(doc)).toEqual(fixtureModule());
    expect(() => moveArrayItem(getPagesArray(doc), 0, 4)).toThrow(RangeError);
  });
});

function exampleFiles(kind: 'modules' | 'programs'): { dir: string; files: string[] } {
  const dir = join(import.meta.dirname, '..', '..', '..', 'examples', kind);
  return { dir, files: existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')).sort() : [] };
}

describe('examples/programs', () => {
  const { dir, files } = exampleFiles('programs');
  for (const file of files) {
    it(`${file} round-trips`, () => {
      const program = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Program;
      expect(yDocToProgram(replicaOf(programToYDoc(program), 5))).toEqual(program);
    });
  }
});

describe('examples/modules', () => {
  const { dir, files } = exampleFiles('modules');
  for (const file of files) {
    it(`${file} round-trips (rich text in the editor's form)`, () => {
      const module = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Module;
      const snapshot = roundTrip(module);
      expect(snapshot).toEqual(mapRichDocs(module, normalizeRichText));
      expect(JSON.stringify(roundTrip(snapshot as Module))).toBe(JSON.stringify(snapshot));
    });
  }
});
