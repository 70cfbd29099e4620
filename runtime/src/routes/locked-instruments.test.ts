import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAuthoringTestApp } from '../testing/authoring-test-app.js';
import type { AuthoringTestApp } from '../testing/authoring-test-app.js';

// The fixture module "sleep-basics" has the locked instrument "isi" as the first block of its second page.
const MODULE = '/api/modules/sleep-basics';
const ISI = '/pages/1/blocks/0';
let t: AuthoringTestApp;

function instrument(root: Y.Map<unknown>): Y.Map<unknown> {
  const pages = root.get('pages') as Y.Array<Y.Map<unknown>>;
  return (pages.get(1).get('blocks') as Y.Array<Y.Map<unknown>>).get(0);
}

function replaceText(text: Y.Text, value: string): void {
  text.delete(0, text.length);
  text.insert(0, value);
}

/** Adds a Norwegian translation to every translated text of the draft (a copy of the English one) and declares the language. */
function addNorwegian(root: Y.Map<unknown>): void {
  const walk = (node: unknown): void => {
    if (node instanceof Y.Map) {
      const english = node.get('en');
      if (english instanceof Y.Text && node.get('sv') instanceof Y.Text) node.set('nb', new Y.Text(english.toString()));
      else if (english instanceof Y.XmlFragment) node.set('nb', english.clone());
      else for (const value of node.values()) walk(value);
    } else if (node instanceof Y.Array) node.forEach(walk);
  };
  walk(root);
  (root.get('languages') as Y.Array<string>).push(['nb']);
}

beforeEach(async () => {
  t = createAuthoringTestApp();
  expect((await t.call('designer', 'POST', '/api/modules', { organisationId: 'org-a', example: 'sleep-basics' })).status).toBe(201);
  expect((await t.call('designer', 'POST', `${MODULE}/versions`, { changeNote: 'First version' })).status).toBe(201);
});

describe('a locked (validated) instrument in the next version', () => {
  it('refuses reworded items on submit, naming the path, and the draft view shows the same issue', async () => {
    await t.editDraft('sleep-basics', 'designer', (root) => {
      const items = instrument(root).get('items') as Y.Array<Y.Map<unknown>>;
      replaceText((items.get(0).get('text') as Y.Map<Y.Text>).get('en') as Y.Text, 'Trouble falling asleep');
    });
    const draft = await t.call('designer', 'GET', `${MODULE}/draft`);
    expect(draft.body['issues']).toEqual([expect.objectContaining({ code: 'locked.text_changed', path: `${ISI}/items/0/text/en` })]);
    const submitted = await t.call('designer', 'POST', `${MODULE}/versions`, { changeNote: 'Reworded' });
    expect(submitted.status).toBe(422);
    expect(submitted.body['issues']).toEqual([expect.objectContaining({ code: 'locked.text_changed', path: `${ISI}/items/0/text/en` })]);
    expect((await t.call('designer', 'GET', `${MODULE}/versions`)).body['versions']).toHaveLength(1);
  });

  it('refuses changed scores and unlocking', async () => {
    await t.editDraft('sleep-basics', 'designer', (root) => {
      const block = instrument(root);
      // Swapped scores keep the score range, so only the lock check objects.
      const options = block.get('options') as Y.Array<Y.Map<unknown>>;
      options.get(0).set('score', 1);
      options.get(1).set('score', 0);
      block.set('locked', false);
    });
    const submitted = await t.call('designer', 'POST', `${MODULE}/versions`, { changeNote: 'Rescored' });
    expect(submitted.status).toBe(422);
    const codes = (submitted.body['issues'] as Array<{ code: string; path: string }>).map(({ code, path }) => `${code} ${path}`);
    // The instrument's own scoring test fails too; the lock issues are reported beside it.
    expect(codes).toEqual(expect.arrayContaining([`locked.unlocked ${ISI}/locked`, `locked.options_changed ${ISI}/options`]));
  });

  it('accepts a new translation and edits outside the instrument', async () => {
    await t.editDraft('sleep-basics', 'designer', addNorwegian);
    await t.editDraft('sleep-basics', 'designer', (root) => replaceText((root.get('title') as Y.Map<Y.Text>).get('en') as Y.Text, 'Sleep, better'));
    const submitted = await t.call('designer', 'POST', `${MODULE}/versions`, { changeNote: 'Norwegian' });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect(submitted.body['number']).toBe(2);
  });
});
