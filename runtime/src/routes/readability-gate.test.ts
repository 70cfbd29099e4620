// The publish gate's plain-language warning (issue 16): a module page harder to read than the module's
// reading level is reported as a warning with the draft, on submit and with the version, and never
// refuses the submission.
import { beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createAuthoringTestApp } from '../testing/authoring-test-app.js';
import type { AuthoringTestApp } from '../testing/authoring-test-app.js';

const MODULE = '/api/modules/sleep-basics';
const HARD = {
  sv: `${Array.from({ length: 5 }, () => 'behandlingsprogrammet innehåller psykoedukation och exponeringsövningar').join(', ')}.`.replace(/^b/, 'B'),
  en: `${Array.from({ length: 5 }, () => 'psychoeducational intervention methodologies institutionalise collaboration').join(', ')}.`.replace(/^p/, 'P'),
};
let t: AuthoringTestApp;

/** Sets the reading level and, when asked, writes a hard first-page title in both languages. */
function draftWith(level: 'easy' | 'standard' | undefined, hardTitle: boolean) {
  return (root: Y.Map<unknown>) => {
    if (level === undefined) root.delete('readingLevel');
    else root.set('readingLevel', level);
    if (!hardTitle) return;
    const title = ((root.get('pages') as Y.Array<Y.Map<unknown>>).get(0).get('title')) as Y.Map<Y.Text>;
    for (const language of ['sv', 'en'] as const) {
      const text = title.get(language) as Y.Text;
      text.delete(0, text.length);
      text.insert(0, HARD[language]);
    }
  };
}

beforeEach(async () => {
  t = createAuthoringTestApp();
  expect((await t.call('designer', 'POST', '/api/modules', { organisationId: 'org-a', example: 'sleep-basics' })).status).toBe(201);
});

describe('the publish gate warns about hard-to-read pages', () => {
  it('shows the warnings with the draft, lets the version be submitted, and returns them on submit and with the version', async () => {
    await t.editDraft('sleep-basics', 'designer', draftWith('easy', true));
    const draft = await t.call('designer', 'GET', `${MODULE}/draft`);
    expect(draft.status).toBe(200);
    expect(draft.body['issues']).toEqual([]);
    const expected = [
      expect.objectContaining({ code: 'readability.above_level', path: '/pages/0', params: expect.objectContaining({ language: 'sv', formula: 'lix', level: 'easy', limit: 30 }) }),
      expect.objectContaining({ code: 'readability.above_level', path: '/pages/0', params: expect.objectContaining({ language: 'en', formula: 'flesch', level: 'easy', limit: 70 }) }),
    ];
    expect(draft.body['warnings']).toEqual(expected);

    const submitted = await t.call('designer', 'POST', `${MODULE}/versions`, { changeNote: 'Hard words' });
    expect(submitted.status).toBe(201);
    expect(submitted.body['warnings']).toEqual(expected);
    const version = await t.call('publisher', 'GET', `${MODULE}/versions/1`);
    expect(version.body['warnings']).toEqual(expected);
    const list = await t.call('publisher', 'GET', `${MODULE}/versions`);
    expect(JSON.stringify(list.body)).not.toContain('readability.above_level');
  });

  it('warns about nothing without a reading level, or when the pages meet it', async () => {
    await t.editDraft('sleep-basics', 'designer', draftWith('standard', false));
    expect((await t.call('designer', 'GET', `${MODULE}/draft`)).body['warnings']).toEqual([]);
    await t.editDraft('sleep-basics', 'designer', draftWith(undefined, true));
    expect((await t.call('designer', 'GET', `${MODULE}/draft`)).body['warnings']).toEqual([]);
  });

  it('gives an invalid draft its problems and no warnings', async () => {
    await t.editDraft('sleep-basics', 'designer', (root) => {
      draftWith('easy', true)(root);
      root.set('estimatedMinutes', 0);
    });
    const draft = await t.call('designer', 'GET', `${MODULE}/draft`);
    expect((draft.body['issues'] as unknown[]).length).toBeGreaterThan(0);
    expect(draft.body['warnings']).toEqual([]);
  });
});
