import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Module } from '../generated/format.js';
import { validateModule } from '../validate/index.js';
import { findBlockMap, getPagesArray, moduleToYDoc, moveArrayItem, toYValue, yDocToModule } from './index.js';
import { createRandom, type Random } from './test/prng.js';
import { fixtureModule } from './test/fixture-module.js';
import { replicaOf, syncAll, syncPair } from './test/sync.js';

function replicas(count: number): Y.Doc[] {
  const seed = new Y.Doc();
  seed.clientID = 1000;
  moduleToYDoc(fixtureModule(), seed);
  return Array.from({ length: count }, (_, index) => replicaOf(seed, index + 1));
}

function snapshot(doc: Y.Doc): Module {
  return yDocToModule(doc) as Module;
}

function blocksOf(doc: Y.Doc, pageIndex: number): Y.Array<Y.Map<unknown>> {
  return getPagesArray(doc).get(pageIndex).get('blocks') as Y.Array<Y.Map<unknown>>;
}

function titleText(doc: Y.Doc, language: string): Y.Text {
  return (doc.getMap('module').get('title') as Y.Map<Y.Text>).get(language) as Y.Text;
}

const yesNo = (id: string) => ({ type: 'question', id, prompt: { sv: id, en: id }, input: { kind: 'yesNo' } });

describe('concurrent edits converge', () => {
  it('merges two people typing in one title character-wise', () => {
    const [alice, bob] = replicas(2) as [Y.Doc, Y.Doc];
    titleText(alice, 'en').insert(0, 'Alice: ');
    titleText(bob, 'en').insert(titleText(bob, 'en').length, ' (Bob)');
    titleText(bob, 'en').delete(0, 5);
    syncPair(alice, bob);
    expect(snapshot(alice).title['en']).toBe('Alice: : the basics (Bob)');
    expect(JSON.stringify(snapshot(bob))).toBe(JSON.stringify(snapshot(alice)));
  });

  it('keeps both blocks two people insert on one page, in the same order everywhere', () => {
    const [alice, bob] = replicas(2) as [Y.Doc, Y.Doc];
    blocksOf(alice, 1).insert(1, [toYValue(yesNo('fromAlice'), 'Block') as Y.Map<unknown>]);
    blocksOf(bob, 1).insert(1, [toYValue(yesNo('fromBob'), 'Block') as Y.Map<unknown>]);
    syncPair(alice, bob);
    const ids = snapshot(alice).pages[1]?.blocks.map((block) => block.id);
    expect(ids?.slice(1, 3).sort()).toEqual(['fromAlice', 'fromBob']);
    expect(snapshot(bob)).toEqual(snapshot(alice));
    expect(validateModule(snapshot(alice)).issues).toEqual([]);
  });

  it('lets a deletion win over a concurrent edit of the deleted block', () => {
    const [alice, bob] = replicas(2) as [Y.Doc, Y.Doc];
    const index = blocksOf(alice, 1).toArray().findIndex((block) => block.get('id') === 'worry');
    blocksOf(alice, 1).delete(index, 1);
    const prompt = (findBlockMap(bob, 'worry')?.get('prompt') as Y.Map<Y.Text>).get('sv') as Y.Text;
    prompt.insert(0, 'Mycket ');
    findBlockMap(bob, 'worry')?.set('required', true);
    syncPair(alice, bob);
    expect(findBlockMap(alice, 'worry')).toBeUndefined();
    expect(snapshot(bob)).toEqual(snapshot(alice));
    expect(validateModule(snapshot(alice)).issues).toEqual([]);
  });

  it('converges when one person reorders pages while another edits one of them', () => {
    const [alice, bob] = replicas(2) as [Y.Doc, Y.Doc];
    moveArrayItem(getPagesArray(alice), 2, 3);
    (getPagesArray(bob).get(3).get('title') as Y.Map<Y.Text>).get('en')?.insert(0, 'Daily ');
    syncPair(alice, bob);
    expect(snapshot(alice).pages.map((page) => page.id)).toEqual(['intro', 'questions', 'practice', 'scale']);
    expect(snapshot(alice).pages[2]?.title['en']).toBe('Daily Practice');
    expect(snapshot(bob)).toEqual(snapshot(alice));
  });

  it('merges typing in one paragraph of rich text', () => {
    const [alice, bob] = replicas(2) as [Y.Doc, Y.Doc];
    const paragraphText = (doc: Y.Doc) => {
      const fragment = (findBlockMap(doc, 'breathing')?.get('instructions') as Y.Map<Y.XmlFragment>).get('en') as Y.XmlFragment;
      return (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    };
    paragraphText(alice).insert(0, 'Sit. ');
    paragraphText(bob).insert(paragraphText(bob).length, ' Slowly.', { bold: {} });
    syncPair(alice, bob);
    const instructions = (snapshot(alice).pages[3]?.blocks[0] as { instructions: Record<string, unknown> }).instructions['en'];
    expect(instructions).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [
      { type: 'text', text: 'Sit. Breathe in for four seconds.' },
      { type: 'text', text: ' Slowly.', marks: [{ type: 'bold' }] },
    ] }] });
    expect(snapshot(bob)).toEqual(snapshot(alice));
  });
});

/** Every LocalizedText Y.Map in a Y value, to type into. */
function localizedTexts(value: unknown, found: Array<Y.Map<unknown>> = []): Array<Y.Map<unknown>> {
  if (value instanceof Y.Map) {
    const entries = [...value.values()];
    if (entries.length > 0 && entries.every((entry) => entry instanceof Y.Text)) found.push(value);
    else for (const entry of entries) localizedTexts(entry, found);
  } else if (value instanceof Y.Array) {
    for (const entry of value) localizedTexts(entry, found);
  }
  return found;
}

function textFragments(doc: Y.Doc): Y.XmlFragment[] {
  return getPagesArray(doc).toArray().flatMap((page) => (page.get('blocks') as Y.Array<Y.Map<unknown>>).toArray())
    .filter((block) => block.get('type') === 'text')
    .flatMap((block) => [...(block.get('content') as Y.Map<Y.XmlFragment>).values()]);
}

type Operation = (doc: Y.Doc, random: Random, fresh: () => string) => void;

/** Edits a designer makes, each schema-safe on its own and under any concurrency. */
const operations: Record<string, Operation> = {
  typeText(doc, random) {
    const text = random.pick(localizedTexts(doc.getMap('module'))).get(random.pick(['sv', 'en'])) as Y.Text;
    if (text.length > 3 && random.chance(0.3)) text.delete(1 + random.int(text.length - 1), 1);
    else text.insert(random.int(text.length + 1), random.pick(['a', 'ö', ' ', 'xyz', '😀']));
  },
  insertBlock(doc, random, fresh) {
    const blocks = blocksOf(doc, random.int(getPagesArray(doc).length));
    const id = fresh();
    const block = random.chance(0.5)
      ? yesNo(id)
      : { type: 'text', id, content: { sv: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: id }] }] }, en: { type: 'doc', content: [] } } };
    blocks.insert(random.int(blocks.length + 1), [toYValue(block, 'Block') as Y.Map<unknown>]);
  },
  deleteBlock(doc, random) {
    const blocks = blocksOf(doc, random.int(getPagesArray(doc).length));
    if (blocks.length > 3) blocks.delete(random.int(blocks.length), 1);
  },
  moveBlock(doc, random) {
    const blocks = blocksOf(doc, random.int(getPagesArray(doc).length));
    if (blocks.length > 1) moveArrayItem(blocks, random.int(blocks.length), random.int(blocks.length));
  },
  movePage(doc, random) {
    const pages = getPagesArray(doc);
    moveArrayItem(pages, random.int(pages.length), random.int(pages.length));
  },
  insertPage(doc, random, fresh) {
    const pages = getPagesArray(doc);
    const id = fresh();
    pages.insert(random.int(pages.length + 1), [toYValue({ id, title: { sv: id, en: id }, blocks: [] }, 'Page') as Y.Map<unknown>]);
  },
  deletePage(doc, random) {
    const pages = getPagesArray(doc);
    if (pages.length > 5 && random.chance(0.3)) pages.delete(random.int(pages.length), 1);
  },
  setRequired(doc, random) {
    const question = findBlockMap(doc, random.pick(['mood', 'symptoms', 'notes', 'situations']));
    question?.set('required', random.chance(0.5));
  },
  toggleVisibleWhen(doc, random) {
    const page = getPagesArray(doc).get(random.int(getPagesArray(doc).length));
    if (page.has('visibleWhen')) page.delete('visibleWhen');
    else page.set('visibleWhen', toYValue({ op: 'any', conditions: [{ op: 'answered', item: 'mood' }, { op: 'not', condition: { op: 'eq', item: 'medication', value: true } }] }, 'Condition'));
  },
  setMinutes(doc, random) {
    if (random.chance(0.2)) doc.getMap('module').delete('estimatedMinutes');
    else doc.getMap('module').set('estimatedMinutes', 1 + random.int(600));
  },
  editOptions(doc, random, fresh) {
    const options = (findBlockMap(doc, 'symptoms')?.get('input') as Y.Map<unknown> | undefined)?.get('options') as Y.Array<Y.Map<unknown>> | undefined;
    if (!options) return;
    if (options.length > 8 && random.chance(0.5)) options.delete(random.int(options.length), 1);
    else options.insert(random.int(options.length + 1), [toYValue({ id: fresh(), label: { sv: 'Nytt', en: 'New' } }, 'Option') as Y.Map<unknown>]);
  },
  typeRichText(doc, random) {
    const fragments = textFragments(doc);
    if (fragments.length === 0) return;
    const fragment = random.pick(fragments);
    const paragraph = fragment.length > 0 ? fragment.get(random.int(fragment.length)) : undefined;
    const text = paragraph instanceof Y.XmlElement && paragraph.nodeName === 'paragraph' ? paragraph.get(0) : undefined;
    if (text instanceof Y.XmlText) {
      text.insert(random.int(text.length + 1), random.pick(['a', ' b', 'c ']), random.chance(0.3) ? { italic: {} } : {});
      return;
    }
    const added = new Y.XmlElement('paragraph');
    added.insert(0, [new Y.XmlText('new')]);
    fragment.insert(random.int(fragment.length + 1), [added]);
  },
};

describe('seeded fuzz: 3 replicas, 200 rounds of random edits and partial syncs', () => {
  it('ends with byte-identical snapshots that still fit the schema', () => {
    const random = createRandom(20260301);
    const docs = replicas(3);
    let counter = 0;
    const fresh = () => `n${(counter += 1)}`;
    // Weighted: mostly typing and small edits, some structure changes, few deletions.
    const names = Object.entries({ typeText: 5, typeRichText: 3, insertBlock: 2, deleteBlock: 1, moveBlock: 2, movePage: 1, insertPage: 1, deletePage: 1, setRequired: 1, toggleVisibleWhen: 1, setMinutes: 1, editOptions: 2 })
      .flatMap(([name, weight]) => Array.from({ length: weight }, () => name));
    for (let round = 0; round < 200; round += 1) {
      const doc = random.pick(docs);
      for (let step = 1 + random.int(3); step > 0; step -= 1) {
        const operation = operations[random.pick(names)] as Operation;
        doc.transact(() => operation(doc, random, fresh));
      }
      if (random.chance(0.4)) syncPair(random.pick(docs), random.pick(docs));
      if (round % 25 === 0) for (const replica of docs) expect(() => yDocToModule(replica)).not.toThrow();
    }
    syncAll(docs);
    const [first, ...rest] = docs.map((doc) => JSON.stringify(yDocToModule(doc)));
    for (const other of rest) expect(other).toBe(first);
    const module = JSON.parse(first as string) as Module;
    const schemaIssues = validateModule(module).issues.filter((issue) => issue.code.startsWith('schema.'));
    expect(schemaIssues).toEqual([]);
    expect(module.pages.length).toBeGreaterThan(4);
    expect(module.pages.flatMap((page) => page.blocks).length).toBeGreaterThan(30);
    expect(JSON.stringify(yDocToModule(moduleToYDoc(module)))).toBe(first);
  });
});
