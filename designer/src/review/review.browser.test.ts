import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import * as Y from 'yjs';
import { findBlockMap, getPagesArray, richTextToYXmlFragment, toYValue } from '@careloom/format/ydoc';
import { deep, deepAll, newMember, seriousViolations, settle, signedInWorkspace, startTestServer, typeInto, until, type TestServer } from '../testing/app-fixture.js';
import { editDraft } from '@careloom/renderer/test-live-draft';
import type { CommentThread, VersionView } from '@careloom/format/api';
import type { ClCommentThread } from './comment-thread.js';
import type { ClReviewScreen } from './review-screen.js';
import type { ClVersionDiff } from './version-diff.js';
import type { ClWorkflowActions } from './workflow-actions.js';
import type { Workspace } from '../app/workspace.js';
import { i18n } from '../i18n/i18n.js';
import './review-screen.js';

// On a real server with the demo content (PHQ-9 and "Panic week 1" released as version 1 by the demo
// publisher). The versions under review are made as people make them: edits of the draft over
// /collab, submitted by the designer, moved on by a publisher. The tests that only read PHQ-9's
// version 2, or write what no other test reads (comments of their own, another module), share one
// seeded server; the tests that move version 2 on or change the draft seed one each.
const DESIGNER = 'arrange-designer';
const PUBLISHER = 'arrange-publisher';
const PETRA = 'arrange-petra';
let server: TestServer;
/** Petra Publisher, who is a designer too and worked on PHQ-9's version 2. */
let petra: { id: string; email: string; password: string };

/** Edits the draft of `id` as the person on `jar`, over /collab, and waits until the server has stored it. */
const edit = (jar: string, id: string, change: (doc: Y.Doc) => void): Promise<void> => editDraft(server, jar, id, change);

const englishTitle = (doc: Y.Doc, page: number) => ((getPagesArray(doc).get(page) as Y.Map<unknown>).get('title') as Y.Map<Y.Text>).get('en')!;

/**
 * PHQ-9 version 2 in review: Petra removed the fourth block (the unit's contact details after item 9;
 * the instrument itself is locked, so no item can go) and Dana reworded the first page's title
 * (" this week"); Dana submitted it, Paul started the review. The draft is version 2's content.
 */
async function seed(): Promise<void> {
  server = await startTestServer();
  petra = await newMember(server, 'Petra Publisher', ['designer', 'publisher']);
  await server.signIn(PETRA, petra);
  await server.signIn(DESIGNER, 'designer');
  await server.signIn(PUBLISHER, 'publisher');
  await edit(PETRA, 'phq-9', (doc) => ((getPagesArray(doc).get(0) as Y.Map<unknown>).get('blocks') as Y.Array<unknown>).delete(3, 1));
  await edit(DESIGNER, 'phq-9', (doc) => englishTitle(doc, 0).insert(englishTitle(doc, 0).length, ' this week'));
  const { number } = await server.call<{ number: number }>(DESIGNER, 'POST', '/api/modules/phq-9/versions', { changeNote: 'Change 2' });
  await server.call(PUBLISHER, 'POST', `/api/modules/phq-9/versions/${number}/transitions`, { action: 'start_review' });
}

/** Waits until `check` answers true (the server answers over the network). */
async function eventually(check: () => Promise<boolean>, timeout = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function versions(id = 'phq-9'): Promise<VersionView[]> {
  return (await server.call<{ versions: VersionView[] }>(PUBLISHER, 'GET', `/api/modules/${id}/versions`)).versions;
}

async function threads(): Promise<CommentThread[]> {
  return (await server.call<{ threads: CommentThread[] }>(PUBLISHER, 'GET', '/api/modules/phq-9/comments')).threads;
}

/** Signed-in workspaces by server and demo account: a test that does not test signing in reuses the session. */
const sessions = new Map<string, Promise<Workspace>>();
function workspaceOf(key: string | { email: string; password: string }): Promise<Workspace> {
  if (typeof key !== 'string') return signedInWorkspace(server, key);
  const cacheKey = `${server.id}/${key}`;
  if (!sessions.has(cacheKey)) sessions.set(cacheKey, signedInWorkspace(server, key));
  return sessions.get(cacheKey)!;
}

async function mountReview(key: string | { email: string; password: string } = 'publisher'): Promise<ClReviewScreen> {
  const workspace = await workspaceOf(key);
  const screen = await fixture<ClReviewScreen>(html`<cl-review-screen .workspace=${workspace} document-id="phq-9"></cl-review-screen>`);
  await until(() => { const diff = deep(screen, 'cl-version-diff'); return diff && deep(diff, 'article'); });
  await settle(screen);
  return screen;
}

const actions = (screen: ClReviewScreen) => deepAll<ClWorkflowActions>(screen, 'cl-workflow-actions').find((element) => !element.draft)!;

describe('review screens, against the real server', function () {
  this.timeout(90_000);
  beforeEach(() => i18n.setLocale('en'));

  describe('on one seeded server', () => {
    before(async function () {
      this.timeout(120_000);
      await seed();
    });
    after(async () => {
      await server.stop();
    });

    it('shows the version history with state, author, change note and hash', async () => {
      const screen = await mountReview();
      // A publisher may simulate the draft and the chosen version.
      expect(deepAll<HTMLAnchorElement>(screen, 'a[data-action=simulate]').map((link) => link.getAttribute('href'))).to.deep.equal(['#/modules/phq-9/simulate', '#/modules/phq-9/versions/2/simulate']);
      const history = deep(screen, 'cl-version-history')!;
      const rows = deepAll(history, 'tbody tr');
      expect(rows.map((row) => row.dataset['version'])).to.deep.equal(['2', '1']);
      expect(rows[0]!.textContent).to.contain('Change 2');
      // Reviewers see who submitted by name, not by account id.
      expect(rows[0]!.textContent).to.contain('Dana Designer');
      expect(rows[0]!.textContent).not.to.contain((await versions())[1]!.authoredBy);
      expect(deep(rows[0]!, 'cl-status-badge')!.shadowRoot!.textContent).to.contain('In review');
      expect(rows[1]!.textContent).to.contain('First release');
      expect(deep(rows[1]!, 'code')!.getAttribute('title')).to.have.length(64);
    });

    it('renders the diff side by side: removed block, changed text word by word, the suggested class', async () => {
      const screen = await mountReview();
      const diff = deep<ClVersionDiff>(screen, 'cl-version-diff')!;
      expect(diff.from).to.equal(1);
      expect(diff.to).to.equal(2);
      // A block removed and a title reworded: the engine suggests a minor release.
      expect(deep(diff, '.suggested')!.textContent).to.contain('minor');
      const removed = deepAll(diff, 'article[data-kind="removed"]');
      // Named as the editor shows it (its number and text), never by its id.
      const removedBlock = removed.find((change) => change.dataset['entity'] === 'block')!;
      expect(deep(removedBlock, 'h4')!.textContent).to.match(/Page 1 “.*”, block 4/);
      expect(deep(removedBlock, 'h4')!.textContent).not.to.contain('item9Contact');
      // Only a major suggestion comes with "Why major".
      expect(deep(diff, 'details summary')).to.equal(null);
      const changed = deepAll(diff, 'article[data-kind="changed"]').find((change) => deep(change, 'ins'))!;
      expect(deep(changed, '.after ins')!.textContent).to.contain('this week');
      expect(deep(changed, '.before ins')).to.equal(null);
      expect(deep(changed, '.before')!.textContent).not.to.contain('this week');
    });

    it('words changes as the editor shows them: the field by its label, texts in the language shown, a condition as a sentence with option texts', async () => {
      // Version 2 of "Panic week 1": a block shown on another answer, and a help text added.
      await edit(DESIGNER, 'panic-week-1', (doc) => {
        ((getPagesArray(doc).get(3) as Y.Map<unknown>).get('blocks') as Y.Array<Y.Map<unknown>>).get(1).set('visibleWhen', toYValue({ op: 'ne', item: 'mainFear', value: 'suffocate' }, 'Condition'));
        ((getPagesArray(doc).get(0) as Y.Map<unknown>).get('blocks') as Y.Array<Y.Map<unknown>>).get(1).set('help', toYValue({ en: 'A rough guess is fine.', sv: 'En grov gissning räcker.' }, 'LocalizedText'));
      });
      const { number } = await server.call<{ number: number }>(DESIGNER, 'POST', '/api/modules/panic-week-1/versions', { changeNote: 'Clearer' });
      await server.call(PUBLISHER, 'POST', `/api/modules/panic-week-1/versions/${number}/transitions`, { action: 'start_review' });
      const workspace = await workspaceOf('publisher');
      const screen = await fixture<ClReviewScreen>(html`<cl-review-screen .workspace=${workspace} document-id="panic-week-1"></cl-review-screen>`);
      const diff = await until(() => { const element = deep<ClVersionDiff>(screen, 'cl-version-diff'); return element && deepAll(element, 'article').length >= 2 ? element : undefined; });
      await settle(screen);
      const text = diff.shadowRoot!.textContent!;
      for (const format of ['visibleWhen', '"en"', '"op"', 'mainFear', 'fearHeart', '{']) expect(text, format).not.to.contain(format);
      const condition = deepAll(diff, 'article').find((article) => article.textContent!.includes('condition for showing it'))!;
      expect(deep(condition, 'h4')!.textContent).to.match(/^ChangedPage 4 “.*”, block 2 \(.*\) · condition for showing it$/);
      expect(deep(condition, '.before')!.textContent).to.contain('“During an attack, what do you fear most will happen?” is “That something is wrong with my heart”');
      expect(deep(condition, '.after')!.textContent).to.match(/“During an attack, what do you fear most will happen\?” is not “That I will not get enough air”/);
      expect(deepAll(diff, 'article').filter((article) => article.textContent!.includes('condition for showing it'))).to.have.length(1);
      const help = deepAll(diff, 'article').find((article) => article.textContent!.includes('help text'))!;
      expect(deep(help, '.after')!.textContent).to.contain('A rough guess is fine.');
      expect(deep(help, 'h4')!.textContent).to.match(/^AddedPage 1 “Welcome”, block 2 \(Question “.*”\) · help text$/);
      // In a Swedish interface: Swedish labels, and the module's Swedish texts.
      i18n.setLocale('sv');
      try {
        await settle(screen);
        const svCondition = deepAll(diff, 'article').find((article) => article.textContent!.includes('villkoret för att visa det'))!;
        expect(deep(svCondition, 'h4')!.textContent).to.match(/Sida 4 ”.*”, block 2 \(Text\) · villkoret för att visa det$/);
        expect(deep(svCondition, '.after')!.textContent).to.match(/”.*” är inte ”.*”$/);
        const svHelp = deepAll(diff, 'article').find((article) => article.textContent!.includes('hjälptexten'))!;
        expect(deep(svHelp, '.after')!.textContent).to.contain('En grov gissning räcker.');
      } finally {
        i18n.setLocale('en');
      }
    });

    it('diffs any two sides the reviewer picks, including the draft', async () => {
      const screen = await mountReview();
      const diff = deep<ClVersionDiff>(screen, 'cl-version-diff')!;
      const to = deep<HTMLSelectElement>(diff, '#diff-to')!;
      to.value = 'draft';
      to.dispatchEvent(new Event('change'));
      await until(() => server.requests.some((request) => request.path === '/api/modules/phq-9/diff' && request.query.get('from') === '1' && request.query.get('to') === 'draft'));
      await until(() => diff.diff?.to === 'draft');
      // The draft is version 2's content: the same changes against version 1.
      expect(deepAll(diff, 'article[data-kind="removed"]').some((change) => change.dataset['entity'] === 'block')).to.equal(true);
    });

    it('adds a comment anchored to an item, replies, resolves and reopens it', async () => {
      const screen = await mountReview();
      const thread = deep<ClCommentThread>(screen, 'cl-comment-thread')!;
      await until(() => deepAll(thread, '#new-anchor option').length > 5);
      const anchor = deep<HTMLSelectElement>(thread, '#new-anchor')!;
      anchor.value = 'phq9_9';
      typeInto(deep(thread, '#new-body'), 'Check the crisis text.');
      deep<HTMLButtonElement>(thread, '.new-thread button[type=submit]')!.click();
      // Its own thread, by its text: the file's other tests may have commented on PHQ-9 too.
      const own = () => deepAll(thread, 'article.thread').find((article) => article.textContent!.includes('Check the crisis text.'));
      const stored = async () => (await threads()).find((root) => root.body === 'Check the crisis text.');
      const article = await until(own);
      expect(article.textContent).to.contain('phq9_9');
      expect(await stored()).to.deep.include({ anchor: 'phq9_9', versionNumber: 2, body: 'Check the crisis text.', resolvedAt: null });
      deep<HTMLButtonElement>(article, 'button[data-action=resolve]')!.click();
      await until(() => own()?.classList.contains('resolved'));
      expect((await stored())!.resolvedAt).not.to.equal(null);
      deep<HTMLButtonElement>(own()!, 'button[data-action=reopen]')!.click();
      await until(() => own() && !own()!.classList.contains('resolved'));
      typeInto(deep(own()!, 'textarea'), 'Done.');
      deep<HTMLButtonElement>(own()!, 'button[type=submit]')!.click();
      await until(() => deep(own()!, '.replies'));
      const root = await stored();
      expect(root!.resolvedAt).to.equal(null);
      expect(root!.replies.map((reply) => ({ body: reply.body, parentId: reply.parentId, anchor: reply.anchor }))).to.deep.equal([{ body: 'Done.', parentId: root!.id, anchor: 'phq9_9' }]);
    });

    it('shows only one block\'s threads when anchored (as in the module editor)', async () => {
      await server.call(PUBLISHER, 'POST', '/api/modules/phq-9/comments', { body: 'On the intro', anchor: 'intro', version: null });
      await server.call(PUBLISHER, 'POST', '/api/modules/phq-9/comments', { body: 'On item 9', anchor: 'phq9_9', version: null });
      const workspace = await workspaceOf('designer');
      const thread = await fixture<ClCommentThread>(html`<cl-comment-thread .workspace=${workspace} document-id="phq-9" anchor="intro"></cl-comment-thread>`);
      await until(() => deep(thread, 'article.thread'));
      expect(deepAll(thread, 'article.thread').map((article) => article.textContent!.includes('On the intro'))).to.deep.equal([true]);
      expect(deep(thread, 'article.thread .comment .meta')!.textContent).to.contain('Paul Publisher');
      expect(deep(thread, '#new-anchor')).to.equal(null);
    });

    it('passes axe and is keyboard operable', async () => {
      const screen = await mountReview();
      await settle(screen);
      expect(await seriousViolations(screen)).to.deep.equal([]);
      const panel = actions(screen);
      deep<HTMLButtonElement>(panel, 'button[data-action=request_changes]')!.focus();
      await sendKeys({ press: 'Enter' });
      await settle(panel);
      expect(panel.shadowRoot!.activeElement?.id).to.equal('note');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      await settle(panel);
      expect(deep(panel, '.panel')).to.equal(null);
    });
  });

  describe('on a server seeded for each test (they move version 2 on or change the draft)', () => {
    beforeEach(async function () {
      this.timeout(120_000);
      await seed();
    });
    afterEach(async () => {
      await server.stop();
    });

    it('offers a publisher the review actions, blocks approving their own work, and requests changes', async () => {
      const screen = await mountReview(petra);
      const panel = actions(screen);
      const labels = deepAll<HTMLButtonElement>(panel, '.buttons button').map((button) => [button.dataset['action'], button.disabled]);
      // Petra is a designer too, and may withdraw the version she worked on.
      expect(labels).to.deep.equal([
        ['request_changes', false],
        ['approve_for_test', true],
        ['withdraw', false],
      ]);
      expect(deep(panel, '#blocked-approve_for_test')!.textContent).to.contain('you worked on it');
      deep<HTMLButtonElement>(panel, 'button[data-action=request_changes]')!.click();
      await settle(panel);
      typeInto(deep(panel, '#note'), 'The contact details must stay.');
      deep<HTMLButtonElement>(panel, '.panel button[type=submit]')!.click();
      await until(() => deep(panel, '[role=status]') || deepAll(actions(screen), '.buttons button').length === 0);
      expect((await versions())[1]!.state).to.equal('changes_requested');
      expect(server.requests.find((request) => request.path === '/api/modules/phq-9/versions/2/transitions')!.body).to.deep.equal({ action: 'request_changes', note: 'The contact details must stay.' });
    });

    it('says in plain words when the state changed under the publisher (409)', async () => {
      const screen = await mountReview();
      const panel = actions(screen);
      deep<HTMLButtonElement>(panel, 'button[data-action=approve_for_test]')!.click();
      await settle(panel);
      // Petra requests changes first.
      await server.call(PETRA, 'POST', '/api/modules/phq-9/versions/2/transitions', { action: 'request_changes', note: 'Wait.' });
      deep<HTMLButtonElement>(panel, '.panel button[type=submit]')!.click();
      const alert = await until(() => deep(actions(screen), '[role=alert]'));
      expect(alert.textContent).to.contain('Could not Approve for test: the version is now Changes requested');
      await until(() => deepAll(actions(screen), '.buttons button').length === 0);
      expect(actions(screen).shadowRoot!.textContent).to.contain('nothing for you to do');
    });

    it('releases with notes and a confirmed classification', async () => {
      await server.call(PUBLISHER, 'POST', '/api/modules/phq-9/versions/2/transitions', { action: 'approve_for_test' });
      const screen = await mountReview();
      const panel = actions(screen);
      deep<HTMLButtonElement>(panel, 'button[data-action=release]')!.click();
      await until(() => deep<HTMLInputElement>(panel, 'input[value=minor]')?.checked);
      typeInto(deep(panel, '#release-notes'), 'Contact details removed.');
      deep<HTMLButtonElement>(panel, '.panel button[type=submit]')!.click();
      await until(() => deep(panel, '[role=alert]'));
      expect(deep(panel, '[role=alert]')!.textContent).to.contain('confirm');
      deep<HTMLInputElement>(panel, 'input[name=confirmClass]')!.click();
      deep<HTMLButtonElement>(panel, '.panel button[type=submit]')!.click();
      await eventually(async () => (await versions())[1]!.state === 'released');
      expect((await versions())[1]!.release).to.deep.include({ releaseClass: 'minor', releaseNotes: 'Contact details removed.' });
      const release = server.requests.find((request) => request.path.endsWith('/transitions'))!.body;
      expect(release).to.deep.equal({ action: 'release', releaseNotes: 'Contact details removed.', releaseClass: 'minor' });
    });

    it('gives designers the submit form (withdraw for their own version), and shows every validation problem on 422', async () => {
      // The draft now lacks the Swedish of the first page's title and of the intro: it does not validate.
      await edit(DESIGNER, 'phq-9', (doc) => {
        ((getPagesArray(doc).get(0) as Y.Map<unknown>).get('title') as Y.Map<unknown>).delete('sv');
        (findBlockMap(doc, 'intro')!.get('content') as Y.Map<unknown>).delete('sv');
      });
      const screen = await mountReview('designer');
      expect(deepAll(actions(screen), '.buttons button').map((button) => button.dataset['action'])).to.deep.equal(['withdraw']);
      // The simulator is for testers and publishers, like the test run.
      expect(deepAll(screen, 'a[data-action=simulate]')).to.have.length(0);
      const draft = deepAll<ClWorkflowActions>(screen, 'cl-workflow-actions').find((element) => element.draft)!;
      deep<HTMLButtonElement>(draft, '.buttons button')!.click();
      await settle(draft);
      deep<HTMLButtonElement>(draft, '.panel button[type=submit]')!.click();
      await until(() => deep(draft, '[role=alert]'));
      expect(deep(draft, '[role=alert]')!.textContent).to.contain('change note');
      typeInto(deep(draft, '#change-note'), 'Removed the contact details');
      deep<HTMLButtonElement>(draft, '.panel button[type=submit]')!.click();
      await until(() => deep(draft, '[role=alert]')?.textContent?.includes('2 problems'));
      // The draft's problems in the editor's words, placed as the editor shows them: no JSON paths.
      const listed = deepAll(deep(draft, 'cl-issue-list')!, 'li').map((item) => item.textContent!.trim());
      expect(listed).to.have.length(2);
      expect(listed[0]).to.match(/^Page 1 /);
      expect(listed[1]).to.match(/^Page 1 “How you have been feeling this week”, block 1 /);
      for (const text of listed) expect(text).not.to.match(/\/pages|\/title|\/content|"sv"/);
      i18n.setLocale('sv');
      await settle(draft);
      expect(deepAll(deep(draft, 'cl-issue-list')!, 'li')[0]!.textContent).to.match(/^Sida 1 /);
      i18n.setLocale('en');
      // The designer translates both again, in words of her own, and submits again.
      await edit(DESIGNER, 'phq-9', (doc) => {
        ((getPagesArray(doc).get(0) as Y.Map<unknown>).get('title') as Y.Map<unknown>).set('sv', new Y.Text('Hur du har mått den här veckan'));
        (findBlockMap(doc, 'intro')!.get('content') as Y.Map<unknown>).set('sv', richTextToYXmlFragment({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Svara på frågorna om de senaste två veckorna.' }] }] }));
      });
      deep<HTMLButtonElement>(draft, '.panel button[type=submit]')!.click();
      await eventually(async () => (await versions()).length === 3);
      await until(() => deep(draft, '[role=status]'));
      expect(deep(draft, '[role=status]')!.textContent).to.contain('version 3');
      expect(server.requests.filter((request) => request.path === '/api/modules/phq-9/versions' && request.method === 'POST').at(-1)!.body).to.deep.equal({ changeNote: 'Removed the contact details' });
      expect((await versions())[2]).to.deep.include({ state: 'submitted', changeNote: 'Removed the contact details' });
    });
  });
});
