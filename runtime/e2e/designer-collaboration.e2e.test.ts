// The designer end to end: two designers edit one module at once in two browser contexts against
// the real server, one of them offline for a while; then a publisher reviews the diff, comments,
// approves for test and releases. It also takes the README's screenshot of the editor.
import { mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogin, startE2e, watchErrors, type E2eSystem } from '../src/e2e/e2e-harness.js';
import { HttpSession } from '../src/integration/http-client.js';

// The README's picture is refreshed only on request, so an ordinary test run leaves the tree clean:
// CARELOOM_UPDATE_SCREENSHOTS=1 npm run test:e2e
const SCREENSHOT = process.env['CARELOOM_UPDATE_SCREENSHOTS'] === '1'
  ? join(dirname(fileURLToPath(import.meta.url)), '../../docs/images/designer-collaboration.png')
  : join(tmpdir(), `careloom-designer-collaboration-${process.pid}.png`);
const MODULE_ID = 'panic-week-1-copy';
const SECOND_DESIGNER = { email: 'sam.second@demo.careloom.test', password: 'careloom-e2e-second-designer', name: 'Sam Second' };
/** Remote edits, carets and reconnection go through the server; a loaded 2-core machine may take a while. */
const LIVE = { timeout: 20000 };

let system: E2eSystem;

beforeAll(async () => {
  system = await startE2e();
  // The server builds the designer's bundle on first request: do it here, where a slow build has the hook's time and a broken one says so.
  const shell = await fetch(`${system.server.url}/designer`);
  expect(shell.status, await shell.clone().text()).toBe(200);
});
afterAll(async () => {
  await system?.close();
});

interface Person {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

async function signIn(login: { email: string; password: string }): Promise<Person> {
  const context = await system.newContext({ width: 1280, height: 800 });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto('/designer#/library');
  await page.getByLabel('E-mail address').fill(login.email);
  await page.getByLabel('Password').fill(login.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
  return { context, page, errors };
}

/** A new person opens an invitation link, chooses their name and password, and continues into the designer. */
async function acceptInvitation(link: string, person: { name: string; password: string }): Promise<Person> {
  const context = await system.newContext({ width: 1280, height: 800 });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(link);
  await page.getByText('Pat Permissions invites').waitFor();
  await page.getByLabel('Your name').fill(person.name);
  await page.getByLabel('Choose a password').fill(person.password);
  await page.getByRole('button', { name: 'Create my account and join' }).click();
  await page.getByRole('button', { name: 'Continue to Careloom Designer' }).click();
  await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
  return { context, page, errors };
}

/** Errors a person's page logged, without the one expected before signing in (the app asks who is signed in and gets 401). */
function unexpected(errors: readonly string[]): string[] {
  return errors.filter((error) => !/^console: Failed to load resource: the server responded with a status of 401/.test(error));
}

const block = (page: Page, id: string): Locator => page.locator(`cl-page-canvas section.block[data-block-id="${id}"]`);
const richText = (page: Page, id: string, language = 'en'): Locator => block(page, id).locator(`cl-rich-text[lang="${language}"] .ProseMirror`);
const optionLabel = (page: Page, number: number): Locator => block(page, 'mainFear').getByLabel(`Option ${number} (en)`, { exact: true });
const connection = (page: Page): Locator => page.locator('cl-editor-header [data-connection]');

/** Appends to an input the way typing does (the field turns keystrokes into the smallest Y.Text edit). */
async function typeAtEnd(field: Locator, typed: string): Promise<void> {
  await field.click();
  await field.press('End');
  await field.pressSequentially(typed, { delay: 15 });
}

describe('the designer, end to end', () => {
  it('two designers edit one module at once, one offline for a while; a publisher reviews the diff, comments, approves and releases', async () => {
    // A second designer joins the demo organisation: invited by its permissions admin, Sam follows
    // the e-mailed link (read from the development outbox) and chooses a name and password.
    const adminLogin = demoLogin('permissions-admin');
    const admin = await HttpSession.login(system.server.url, adminLogin.email, adminLogin.password);
    const organisationId = admin.organisationIds[0]!;
    const invited = await admin.call('POST', `/api/organisations/${organisationId}/invitations`, { email: SECOND_DESIGNER.email, roles: ['designer'] });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const outbox = (await admin.call('GET', '/api/dev/outbox')).body as { messages: Array<{ to: string; text: string }> };
    const link = /\/designer#\/invitation\/[A-Za-z0-9_-]{43}/.exec(outbox.messages.find((message) => message.to === SECOND_DESIGNER.email)?.text ?? '')?.[0];
    expect(link, JSON.stringify(outbox)).toBeDefined();

    const dana = await signIn(demoLogin('designer'));
    const sam = await acceptInvitation(link!, SECOND_DESIGNER);

    // Dana starts a module from the week 1 example; the demo has that example under its own id, so the form suggests a free one.
    await dana.page.getByRole('button', { name: 'New module or program' }).click();
    await dana.page.getByLabel('An example').check();
    await dana.page.getByLabel('Example', { exact: true }).selectOption('panic-week-1');
    await expect.poll(() => dana.page.getByLabel('Id', { exact: true }).inputValue()).toBe(MODULE_ID);
    await dana.page.getByRole('button', { name: 'Create Module' }).click();
    await dana.page.waitForURL(new RegExp(`#/modules/${MODULE_ID}$`));
    await expect.poll(() => connection(dana.page).getAttribute('data-connection'), LIVE).toBe('connected');
    await expect.poll(() => dana.page.locator('cl-editor-header h1').textContent()).toBe('Editing Week 1: Understanding panic');

    // Version 1 goes to review as it came from the example.
    await submitVersion(dana.page, 'Version 1: started from the week 1 example.', 1);

    // The publisher starts reviewing it and asks for changes.
    const paul = await signIn(demoLogin('publisher'));
    await paul.page.goto(`/designer#/modules/${MODULE_ID}/review`);
    await paul.page.getByRole('heading', { name: 'Review: Week 1: Understanding panic' }).waitFor();
    await versionAction(paul.page, 'start_review', 'Start review', 'In review');
    await versionAction(paul.page, 'request_changes', 'Request changes', 'Changes requested', { 'What needs to change': 'Make the welcome warmer, and let people say their fear is of fainting in public.' });

    // Sam finds it in the library and opens it.
    await sam.page.reload();
    await sam.page.getByRole('link', { name: 'Edit Week 1: Understanding panic' }).and(sam.page.locator(`[href="#/modules/${MODULE_ID}"]`)).click();
    await expect.poll(() => connection(sam.page).getAttribute('data-connection'), LIVE).toBe('connected');

    // Both at once: Dana writes in the welcome text, Sam rewords two fear options.
    await Promise.all([
      typeAtEndOfParagraph(dana.page, 'welcomeText', 'Over the next eight weeks', ' Dana and Sam wrote this together.'),
      (async () => {
        await typeAtEnd(optionLabel(sam.page, 6), ' entirely');
        await typeAtEnd(optionLabel(sam.page, 2), ' in public');
      })(),
    ]);

    // Each sees the other's edit…
    await richText(sam.page, 'welcomeText').getByText('everyday life. Dana and Sam wrote this together.').waitFor(LIVE);
    await expect.poll(() => optionLabel(dana.page, 6).inputValue(), LIVE).toBe('Something else entirely');
    await expect.poll(() => optionLabel(dana.page, 2).inputValue(), LIVE).toBe('That I will faint or collapse in public');
    // …and where the other is: Sam sees Dana's caret, labelled with her name, in the text she is typing in;
    // Dana sees Sam's avatar and, on the question he is editing, that he is there.
    await caretLabel(sam.page, 'welcomeText', 'Dana Designer').waitFor(LIVE);
    await expect.poll(() => avatarTitles(dana.page), LIVE).toEqual(['Sam Second, on mainFear']);
    await expect.poll(() => avatarTitles(sam.page), LIVE).toEqual(['Dana Designer, on welcomeText']);
    await block(dana.page, 'mainFear').getByText('Sam Second is here').waitFor(LIVE);
    await block(sam.page, 'welcomeText').getByText('Dana Designer is here').waitFor(LIVE);

    // Sam joins Dana in the welcome text: she sees his caret there, which the README's screenshot shows.
    await richText(sam.page, 'welcomeText').getByRole('heading', { name: 'Welcome to the program' }).click();
    await sam.page.keyboard.press('End');
    await caretLabel(dana.page, 'welcomeText', 'Sam Second').waitFor(LIVE);
    await expect.poll(() => avatarTitles(dana.page), LIVE).toEqual(['Sam Second, on welcomeText']);
    await dana.page.evaluate(() => window.scrollTo(0, 0));
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await dana.page.screenshot({ path: SCREENSHOT });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);

    // Sam loses the network: his editor says so at once, and no longer shows Dana as there (he cannot know where she is).
    await sam.context.setOffline(true);
    await expect.poll(() => connection(sam.page).getAttribute('data-connection'), LIVE).toBe('offline');
    expect(await connection(sam.page).textContent()).toBe('Offline — your edits will be sent when the connection returns');
    expect(await sam.page.locator('cl-app-header .connection').textContent()).toBe('Offline: changes are kept and sent when the connection returns');
    await expect.poll(() => avatarTitles(sam.page), LIVE).toEqual([]);
    // Both go on editing: Sam offline, Dana online.
    await typeAtEnd(optionLabel(sam.page, 3), ' to breathe');
    await typeAtEndOfParagraph(dana.page, 'welcomeText', 'A quiet moment', ' Take your time.');
    await richText(dana.page, 'welcomeText').getByText('Take your time.').waitFor();
    // Nothing crosses while Sam is away.
    await sam.page.waitForTimeout(500);
    expect(await shownText(sam.page, 'welcomeText')).not.toContain('Take your time.');
    expect(await optionLabel(dana.page, 3).inputValue()).toBe('That I will not get enough air');

    // Back online: the editor reconnects by itself and both drafts converge.
    await sam.context.setOffline(false);
    await expect.poll(() => connection(sam.page).getAttribute('data-connection'), LIVE).toBe('connected');
    await richText(sam.page, 'welcomeText').getByText('Take your time.').waitFor(LIVE);
    await expect.poll(() => optionLabel(dana.page, 3).inputValue(), LIVE).toBe('That I will not get enough air to breathe');
    // The server's draft holds every edit from both, and both editors show it.
    const designerLogin = demoLogin('designer');
    const api = await HttpSession.login(system.server.url, designerLogin.email, designerLogin.password);
    const serverDraft = async () => ((await api.call('GET', `/api/modules/${MODULE_ID}/draft`)).body as { content: ModuleContent }).content;
    await expect.poll(async () => optionLabels(await serverDraft()), LIVE).toContain('That I will not get enough air to breathe');
    const draft = await serverDraft();
    expect(optionLabels(draft)).toEqual([
      'That something is wrong with my heart',
      'That I will faint or collapse in public',
      'That I will not get enough air to breathe',
      'That I will lose control or go mad',
      'That others will notice and I will embarrass myself',
      'Something else entirely',
    ]);
    const welcome = plainText(draft.pages[0]!.blocks[0]!.content!['en']);
    expect(welcome).toContain('in your everyday life. Dana and Sam wrote this together.');
    expect(welcome).toContain('and see what happens. Take your time.');
    for (const person of [dana, sam]) {
      expect(await shownText(person.page, 'welcomeText')).toBe(await shownText(dana.page, 'welcomeText'));
      for (const number of [2, 3, 6]) expect(await optionLabel(person.page, number).inputValue()).toBe(optionLabels(draft)[number - 1]);
    }

    // Dana submits the result as version 2.
    await submitVersion(dana.page, 'Version 2: warmer welcome, fears reworded (Dana and Sam).', 2);

    // The publisher reads what changed from version 1, comments on the welcome text, approves for test and releases.
    await paul.page.reload();
    await paul.page.getByRole('heading', { name: 'Version 2', level: 2 }).waitFor();
    const submitted = paul.page.locator('cl-version-history tr[data-version="2"]');
    expect(await submitted.textContent()).toContain('Dana Designer');
    expect(await submitted.textContent()).toContain('Version 2: warmer welcome, fears reworded (Dana and Sam).');
    const diff = paul.page.locator('cl-version-diff');
    await expect.poll(() => diff.locator('#diff-from').inputValue()).toBe('1');
    await expect.poll(() => diff.locator('#diff-to').inputValue()).toBe('2');
    await diff.locator('article.change').first().waitFor(LIVE);
    expect(await diff.locator('.suggested').textContent()).toContain('Suggested release class: minor');
    // One change per edited text, each with only the added words marked, on the version 2 side.
    const changes = await diff.locator('article.change').evaluateAll((articles) =>
      articles.map((article) => ({
        // Where the change is, in the editor's words (the heading after its kind).
        where: [...(article.querySelector('h4')?.childNodes ?? [])].filter((node) => node.nodeType === Node.TEXT_NODE || (node instanceof Element && !node.classList.contains('kind'))).map((node) => node.textContent).join('').trim(),
        added: [...article.querySelectorAll('.after ins')].map((ins) => ins.textContent?.trim()),
        removed: article.querySelectorAll('del').length,
      })),
    );
    expect(changes).toEqual([
      { where: 'Page 1 “Welcome”, block 1 (Text) · English', added: ['Dana and Sam wrote this together.', 'Take your time.'], removed: 0 },
      { where: 'Page 1 “Welcome”, block 3 (Question “During an attack, what do you fear most…”), option 2 “That I will faint or collapse in public” · English', added: ['in public'], removed: 0 },
      { where: 'Page 1 “Welcome”, block 3 (Question “During an attack, what do you fear most…”), option 3 “That I will not get enough air to breat…” · English', added: ['to breathe'], removed: 0 },
      { where: 'Page 1 “Welcome”, block 3 (Question “During an attack, what do you fear most…”), option 6 “Something else entirely” · English', added: ['entirely'], removed: 0 },
    ]);

    const comments = paul.page.locator('cl-comment-thread');
    await comments.getByLabel('About').selectOption('welcomeText');
    await comments.getByLabel('Comment', { exact: true }).fill('The new closing sentence reads well. Keep it.');
    await comments.getByRole('button', { name: 'Add comment' }).click();
    const thread = comments.locator('article.thread');
    await thread.first().waitFor(LIVE);
    expect(await thread.locator('.meta').first().textContent()).toContain('welcomeText');
    expect(await thread.locator('.body').first().textContent()).toBe('The new closing sentence reads well. Keep it.');
    expect(await comments.locator('#comments-title').textContent()).toContain('(1 open of 1)');

    await versionAction(paul.page, 'start_review', 'Start review', 'In review');
    await versionAction(paul.page, 'approve_for_test', 'Approve for test', 'Approved for test');
    await versionAction(paul.page, 'release', 'Release', 'Released', { 'Release notes': 'A warmer welcome and clearer fear options.' }, async (form) => {
      // The module's first release: major is proposed, and the publisher confirms it.
      await expect.poll(() => form.getByRole('radio', { name: /^Major/ }).isChecked()).toBe(true);
      await form.getByLabel('I have checked the changes and confirm this classification').check();
      // The comment thread is still open: releasing over it takes a tick.
      await form.getByLabel('I have read the open comments and release anyway').check();
    });
    await paul.page.getByText('version 2 in the catalog').waitFor(LIVE);
    expect(await versionStates(paul.page)).toEqual({ 'Version 2': 'Released', 'Version 1': 'Changes requested' });

    // Back in the editor, Dana finds the publisher's comment on the block it is about.
    await dana.page.reload();
    const badge = block(dana.page, 'welcomeText').getByRole('button', { name: 'Open comments: 1' });
    await badge.click();
    // The thread is slotted into the block from the canvas's light DOM.
    const editorThread = dana.page.locator('cl-page-canvas > cl-comment-thread[anchor="welcomeText"]');
    await editorThread.getByText('The new closing sentence reads well. Keep it.').waitFor(LIVE);
    expect(await editorThread.locator('#comments-title').textContent()).toContain('(1 open of 1)');
    expect(await editorThread.locator('.comment .meta').first().textContent()).toContain('Paul Publisher');

    for (const person of [dana, sam, paul]) expect(unexpected(person.errors)).toEqual([]);
  });
});

interface ModuleContent {
  pages: Array<{ blocks: Array<{ id: string; content?: Record<string, unknown>; input?: { options?: Array<{ label: Record<string, string> }> } }> }>;
}

/** The text of a rich-text document (Tiptap JSON): a paragraph's runs joined, blocks on lines of their own. */
function plainText(node: unknown): string {
  const { text, content = [] } = node as { text?: string; content?: Array<{ text?: string }> };
  if (typeof text === 'string') return text;
  return content.map(plainText).join(content.every((child) => typeof child.text === 'string') ? '' : '\n');
}

function optionLabels(content: ModuleContent): string[] {
  const question = content.pages[0]!.blocks.find((candidate) => candidate.id === 'mainFear')!;
  return question.input!.options!.map((option) => option.label['en']!);
}

/** Each version's status as the history table shows it. */
async function versionStates(page: Page): Promise<Record<string, string>> {
  const rows = await page.locator('cl-version-history tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector('button, th, td')?.textContent?.trim() ?? '', tr.querySelector('cl-status-badge')?.shadowRoot?.textContent?.trim() ?? '']),
  );
  return Object.fromEntries(rows);
}

/** The rich text as the person reads it: without the others' caret labels. */
async function shownText(page: Page, blockId: string): Promise<string> {
  return richText(page, blockId).evaluate((editor) => {
    const copy = editor.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return copy.textContent ?? '';
  });
}

const caretLabel = (page: Page, blockId: string, name: string): Locator => richText(page, blockId).locator('.collaboration-carets__label', { hasText: name });

async function avatarTitles(page: Page): Promise<string[]> {
  return page.locator('cl-editor-header .avatar').evaluateAll((avatars) => avatars.map((avatar) => avatar.getAttribute('title') ?? ''));
}

/** Puts the caret at the end of the rich text's paragraph that starts with `start`, and types. */
async function typeAtEndOfParagraph(page: Page, blockId: string, start: string, typed: string): Promise<void> {
  const paragraph = richText(page, blockId).locator('p', { hasText: start }).first();
  const box = await paragraph.boundingBox();
  if (!box) throw new Error(`The paragraph "${start}…" is not shown.`);
  // Clicking the bottom right corner puts the caret on the last line; End then takes it to the very end.
  await paragraph.click({ position: { x: box.width - 2, y: box.height - 4 } });
  await page.keyboard.press('End');
  await page.keyboard.type(typed, { delay: 15 });
}

/**
 * Takes a workflow action on the version shown: its button, the short form it opens (filling the
 * given fields), the confirming button; then waits for the new state.
 */
async function versionAction(page: Page, action: string, name: string, state: string, fields: Record<string, string> = {}, more?: (form: Locator) => Promise<void>): Promise<void> {
  const actions = page.locator('section[aria-labelledby="actions-title"] cl-workflow-actions');
  await actions.locator(`button[data-action="${action}"]`).click();
  const form = actions.getByRole('form', { name });
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label).fill(value);
  await more?.(form);
  await form.getByRole('button', { name, exact: true }).click();
  await expect.poll(() => actions.locator('[role=status]').textContent(), LIVE).toBe(`Done: ${name}. The version is now ${state}.`);
}

async function submitVersion(page: Page, note: string, number: number): Promise<void> {
  const submit = page.locator('cl-submit-version');
  await submit.getByRole('button', { name: 'Submit for review' }).click();
  await submit.getByLabel('What changed (shown to the publisher)').fill(note);
  await submit.getByRole('button', { name: 'Submit version' }).click();
  await expect.poll(() => submit.getByRole('status').textContent(), LIVE).toBe(`Version ${number} submitted for review.`);
}
