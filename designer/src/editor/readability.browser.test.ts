// The readability score per page and language, live as text is edited, the module's reading level in
// its details, and the publish gate's warning in the validation panel and the submit form, in the
// designer's words in English, Swedish and Norwegian (issue 16, plain language).
import { expect, waitUntil } from '@open-wc/testing';
import { moduleToYDoc } from '@careloom/format/ydoc';
import { localSession } from '../collab/collab-session.js';
import { i18n } from '../i18n/i18n.js';
import type { ClModuleEditor } from './module-editor.js';
import { blockSection, deep, deepAll, mountEditor, panicWeek1, seriousViolations, settle, typeInto } from './test-helpers.js';

const anna = { id: 'anna', name: 'Anna Lind', color: '#1f5fbf' };
// 125 words, 100 of them long, in one sentence: enough to make the whole first page hard in Swedish.
const HARD_SV = `${Array.from({ length: 25 }, () => 'behandlingsprogrammet innehåller psykoedukation och exponeringsövningar').join(', ')}?`.replace(/^b/, 'B');

/** The score lines of the page being edited, by language tag. */
function scoreLines(editor: ClModuleEditor): Record<string, string> {
  const lines = deepAll<HTMLLIElement>(deep(editor, 'cl-readability-score'), 'li[data-language]');
  return Object.fromEntries(lines.map((line) => [line.dataset['language']!, line.textContent!.replace(/\s+/g, ' ').trim()]));
}

async function editorOnWeek1(): Promise<ClModuleEditor> {
  const editor = await mountEditor(localSession(moduleToYDoc(panicWeek1), anna));
  await settle(editor);
  return editor;
}

/** Writes the hard Swedish question on page 1 and waits for the editor's own analysis (no forced validation). */
async function makeFirstPageHard(editor: ClModuleEditor): Promise<void> {
  typeInto(deepAll<HTMLTextAreaElement>(blockSection(editor, 'mainFear'), 'textarea[lang="sv"]')[0]!, HARD_SV);
  await waitUntil(() => scoreLines(editor)['sv']?.includes('hard'), 'the Swedish score follows the edit', { timeout: 5000 });
  await settle(editor);
}

async function chooseLevel(editor: ClModuleEditor, level: 'easy' | 'standard'): Promise<void> {
  deep<HTMLButtonElement>(editor, '[data-action="module-details"]').click();
  await settle(editor);
  const select = deep<HTMLSelectElement>(deep(editor, 'cl-module-details'), '[data-role="reading-level"] select');
  select.value = level;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  editor.validateNow();
  await settle(editor);
  deepAll<HTMLButtonElement>(editor, 'button.page')[0]!.click();
  await settle(editor);
}

function warningTexts(editor: ClModuleEditor): string[] {
  return deepAll<HTMLButtonElement>(deep(editor, 'cl-validation-panel'), '[data-role="warnings"] button').map((button) => button.textContent!.trim());
}

describe('readability in the module editor', () => {
  afterEach(() => i18n.setLocale('en'));

  it('shows each language\'s score for the page, and follows an edit without a reload', async () => {
    const editor = await editorOnWeek1();
    const before = scoreLines(editor);
    expect(before['en']).to.match(/^English: easy \(Flesch \d+\) · \d+ words, \d+ sentences$/);
    expect(before['sv']).to.match(/^Swedish: easy \(LIX \d+\) · \d+ words, \d+ sentences$/);
    expect(deep(deep(editor, 'cl-readability-score'), 'p').textContent).to.contain('No reading level chosen');

    await makeFirstPageHard(editor);
    const after = scoreLines(editor);
    expect(after['sv']).to.match(/^Swedish: hard \(LIX (\d+)\)/);
    expect(Number(/LIX (\d+)/.exec(after['sv']!)![1])).to.be.greaterThan(40);
    expect(after['en']).to.equal(before['en']);
    expect(await seriousViolations(deep(editor, 'cl-readability-score'))).to.deep.equal([]);
  });

  it('takes the reading level from the module details, and warns in the panel and the submit form without blocking it', async () => {
    const editor = await editorOnWeek1();
    await makeFirstPageHard(editor);
    expect(warningTexts(editor)).to.deep.equal([]);
    await chooseLevel(editor, 'easy');

    expect(editor.problems).to.deep.equal([]);
    const swedish = deep(deep(editor, 'cl-readability-score'), 'li[data-language="sv"]');
    expect(swedish.classList.contains('above')).to.equal(true);
    expect(swedish.textContent).to.contain('harder than the module’s level “easy to read”');
    expect(deep(deep(editor, 'cl-readability-score'), 'p').textContent).to.contain('Chosen reading level: easy to read.');

    // Week 1's own pages 2, 3, 4 and 8 are between LIX 30 and 40: standard, not easy.
    const pageOne = warningTexts(editor).filter((text) => text.startsWith('Page 1 '));
    expect(warningTexts(editor).length).to.equal(5);
    const [warning, ...others] = pageOne;
    expect(others).to.deep.equal([]);
    expect(warning).to.match(/^Page 1 “.*” is harder to read in Swedish than the module’s reading level “easy to read”: LIX \d+, where the level asks for at most 30\. Shorter sentences/);
    for (const format of ['readability', '/pages', 'above_level', '"sv"']) expect(warning).not.to.contain(format);

    const submit = deep(editor, 'cl-submit-version');
    deep<HTMLButtonElement>(submit, '[data-action="submit"]').click();
    await settle(editor);
    expect(deep(submit, '[data-role="submit-warnings"]').textContent).to.equal('5 pages are harder to read than the module’s reading level. You can still submit.');
    expect(deep<HTMLButtonElement>(submit, 'button[type="submit"]').disabled).to.equal(false);

    // Back to an easy page: the warning goes.
    typeInto(deepAll<HTMLTextAreaElement>(blockSection(editor, 'mainFear'), 'textarea[lang="sv"]')[0]!, 'Vad är du rädd för?');
    await waitUntil(() => warningTexts(editor).length === 4 && !warningTexts(editor).some((text) => text.startsWith('Page 1 ')), 'the warning goes when the page is easy again', { timeout: 5000 });
  });

  it('speaks Swedish and Norwegian', async () => {
    const editor = await editorOnWeek1();
    await makeFirstPageHard(editor);
    await chooseLevel(editor, 'standard');
    i18n.setLocale('sv');
    await settle(editor);
    expect(scoreLines(editor)['sv']).to.match(/^Svenska: svårläst \(LIX \d+\) — svårare än modulens nivå ”normal” · \d+ ord, \d+ meningar$/);
    expect(scoreLines(editor)['en']).to.match(/^Engelska: lättläst \(Flesch \d+\)/);
    expect(warningTexts(editor)).to.have.length(1);
    expect(warningTexts(editor)[0]).to.match(/^Sida 1 ”.*” är svårare att läsa på svenska än modulens läsnivå ”normal”: LIX \d+, där nivån kräver högst 40\./);
    i18n.setLocale('nb');
    await settle(editor);
    expect(scoreLines(editor)['sv']).to.match(/^Svensk: tungt lest \(LIX \d+\) — vanskeligere enn modulens nivå «normal» · \d+ ord, \d+ setninger$/);
    expect(warningTexts(editor)[0]).to.match(/^Side 1 «.*» er vanskeligere å lese på svensk enn modulens lesenivå «normal»: LIX \d+, der nivået krever høyst 40\./);
    deep<HTMLButtonElement>(editor, '[data-action="module-details"]').click();
    await settle(editor);
    const select = deep<HTMLSelectElement>(deep(editor, 'cl-module-details'), '[data-role="reading-level"] select');
    expect([...select.options].map((option) => option.textContent!.trim())).to.deep.equal(['Ikke angitt', 'Lettlest (LIX høyst 30, Flesch minst 70)', 'Normal (LIX høyst 40, Flesch minst 60)']);
  });
});
