import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import phq9Json from '@careloom/examples/modules/phq-9.json';
import type { CommentThread, Session, VersionView } from '@careloom/format/api';
import { findBlockMap, getPagesArray } from '@careloom/format/ydoc';
import * as Y from 'yjs';
import { deep, deepAll, seriousViolations, settle, signedInWorkspace, startTestServer, typeInto, until, type TestServer } from '../testing/app-fixture.js';
import { editDraft } from '../testing/live-draft.js';
import type { ClCommentThread } from './comment-thread.js';
import type { ClReviewScreen } from './review-screen.js';
import type { ClVersionDiff } from './version-diff.js';
import type { ClWorkflowActions } from './workflow-actions.js';
import './review-screen.js';

/**
 * On a real server with the demo: PHQ-9 version 1 released by the demo publisher. The designer
 * (jar `designer`) rewords the page title and removes item 10 in the live draft, submits version 2
 * ("Change 2") and the publisher starts its review. (A fake server once accepted that
 * version with a scoring test of the removed item; the real one does not.) `publisherEdits`: before that, the permissions
 * admin makes the publisher a designer too and the publisher edits the draft (a contributor).
 */
async function seed(options: { publisherEdits?: boolean } = {}): Promise<void> {
  await server.signIn('designer', 'designer');
  await server.signIn('publisher-api', 'publisher');
  if (options.publisherEdits) {
    await server.signIn('admin', 'permissions-admin');
    const { session } = await me('admin');
    const organisationId = session.memberships[0]!.organisationId;
    const members = await server.call<{ members: Array<{ person: { id: string; email: string } }> }>('admin', 'GET', `/api/organisations/${organisationId}/members`);
    const publisher = members.members.find((member) => member.person.email === server.account('publisher').email)!;
    await server.call('admin', 'PUT', `/api/organisations/${organisationId}/members/${publisher.person.id}/roles`, { roles: ['publisher', 'designer'] });
    await server.signIn('publisher-api', 'publisher');
    await editDraft(server, 'publisher-api', 'phq-9', (doc) => titleOf(doc).insert(titleOf(doc).length, ' this week'), (draft) => pageTitle(draft).endsWith('this week'));
  } else {
    await editDraft(server, 'designer', 'phq-9', (doc) => titleOf(doc).insert(titleOf(doc).length, ' this week'), (draft) => pageTitle(draft).endsWith('this week'));
  }
  await editDraft(server, 'designer', 'phq-9', (doc) => {
    itemsOf(doc).delete(9, 1);
    // The instrument's scoring test of item 10 goes with it (the server refuses a test of a missing item).
    const tests = findBlockMap(doc, 'phq9')!.get('tests') as Y.Array<Y.Map<unknown>>;
    const index = tests.toArray().findIndex((test) => (test.get('answers') as Y.Map<unknown>).has('phq9_10'));
    tests.delete(index, 1);
  }, (draft) => !itemIds(draft).includes('phq9_10'));
  await server.call('designer', 'POST', '/api/modules/phq-9/versions', { changeNote: 'Change 2' });
  await transition('publisher-api', 2, { action: 'start_review' });
}

async function me(jar: string): Promise<{ session: Session }> {
  return { session: await server.call<Session>(jar, 'GET', '/api/auth/me') };
}

function titleOf(doc: Y.Doc): Y.Text {
  return ((getPagesArray(doc).get(0).get('title') as Y.Map<Y.Text>).get('en'))!;
}

function itemsOf(doc: Y.Doc): Y.Array<unknown> {
  return findBlockMap(doc, 'phq9')!.get('items') as Y.Array<unknown>;
}

function itemIds(draft: { content: Record<string, unknown> }): string[] {
  const blocks = (draft.content['pages'] as Array<{ blocks: Array<{ id: string; items?: Array<{ id: string }> }> }>)[0]!.blocks;
  return blocks.find((block) => block.id === 'phq9')!.items!.map((item) => item.id);
}

function pageTitle(draft: { content: Record<string, unknown> }): string {
  return ((draft.content['pages'] as Array<{ title: Record<string, string> }>)[0]!.title['en']) ?? '';
}

function transition(jar: string, version: number, body: Record<string, unknown>): Promise<VersionView> {
  return server.call<VersionView>(jar, 'POST', `/api/modules/phq-9/versions/${version}/transitions`, body);
}

async function stateOf(version: number): Promise<string> {
  return (await server.call<VersionView>('publisher-api', 'GET', `/api/modules/phq-9/versions/${version}`)).state;
}

async function eventually(check: () => Promise<boolean>): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > 5000) throw new Error(`Timed out waiting for ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function mountReview(key = 'publisher'): Promise<ClReviewScreen> {
  const workspace = await signedInWorkspace(server, key, `${key}-screen`);
  const screen = await fixture<ClReviewScreen>(html`<cl-review-screen .workspace=${workspace} document-id="phq-9"></cl-review-screen>`);
  await until(() => { const diff = deep(screen, 'cl-version-diff'); return diff && deep(diff, 'article'); }, 5000);
  await settle(screen);
  return screen;
}

const actions = (screen: ClReviewScreen) => deepAll<ClWorkflowActions>(screen, 'cl-workflow-actions').find((element) => !element.draft)!;

/** What the screen sent to `path`, as the server received it. */
const sent = (path: string, method = 'POST') => server.requests.filter((request) => request.method === method && request.path === path);

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.stop();
});

describe('review screens', () => {
  it('shows the version history with state, author, change note and hash', async () => {
    await seed();
    const released = (await server.call<{ versions: VersionView[] }>('publisher-api', 'GET', '/api/modules/phq-9/versions')).versions.find((version) => version.number === 1)!;
    const screen = await mountReview();
    const history = deep(screen, 'cl-version-history')!;
    const rows = deepAll(history, 'tbody tr');
    expect(rows.map((row) => row.dataset['version'])).to.deep.equal(['2', '1']);
    expect(rows[0]!.textContent).to.contain('Change 2');
    // Reviewers see who submitted by name, not by account id.
    expect(rows[0]!.textContent).to.contain('Dana Designer');
    expect(rows[0]!.textContent).not.to.contain(released.authoredBy);
    expect(deep(rows[0]!, 'cl-status-badge')!.shadowRoot!.textContent).to.contain('In review');
    expect(rows[1]!.textContent).to.contain(released.changeNote);
    expect(deep(rows[1]!, 'code')!.getAttribute('title')).to.equal(released.contentHash);
  });

  it('renders the diff side by side: removed item, changed text word by word, the suggested class', async () => {
    await seed();
    const screen = await mountReview();
    const diff = deep<ClVersionDiff>(screen, 'cl-version-diff')!;
    expect(diff.from).to.equal(1);
    expect(diff.to).to.equal(2);
    expect(deep(diff, '.suggested')!.textContent).to.contain('major');
    const removed = deepAll(diff, 'article[data-kind="removed"]');
    expect(removed.some((change) => change.dataset['entity'] === 'item' && change.textContent!.includes('phq9_10'))).to.equal(true);
    const changed = deepAll(diff, 'article[data-kind="changed"]').find((change) => deep(change, 'ins'))!;
    expect(deep(changed, '.after ins')!.textContent).to.contain('this week');
    expect(deep(changed, '.before ins')).to.equal(null);
    expect(deep(changed, '.before')!.textContent).not.to.contain('this week');
  });

  it('diffs any two sides the reviewer picks, including the draft', async () => {
    await seed();
    const screen = await mountReview();
    const diff = deep<ClVersionDiff>(screen, 'cl-version-diff')!;
    const to = deep<HTMLSelectElement>(diff, '#diff-to')!;
    to.value = 'draft';
    to.dispatchEvent(new Event('change'));
    await until(() => server.requests.some((request) => request.path === '/api/modules/phq-9/diff' && request.query.get('from') === '1' && request.query.get('to') === 'draft'));
    await until(() => diff.diff?.to === 'draft');
  });

  it('offers a publisher the review actions, blocks approving their own work, and requests changes', async () => {
    await seed({ publisherEdits: true });
    const screen = await mountReview();
    const panel = actions(screen);
    const labels = deepAll<HTMLButtonElement>(panel, '.buttons button').map((button) => [button.dataset['action'], button.disabled]);
    // A designer too, so withdrawing the version is theirs to do as well.
    expect(labels).to.deep.equal([
      ['request_changes', false],
      ['approve_for_test', true],
      ['withdraw', false],
    ]);
    expect(deep(panel, '#blocked-approve_for_test')!.textContent).to.contain('you worked on it');
    deep<HTMLButtonElement>(panel, 'button[data-action=request_changes]')!.click();
    await settle(panel);
    typeInto(deep(panel, '#note'), 'Item 10 must stay.');
    deep<HTMLButtonElement>(panel, '.panel button[type=submit]')!.click();
    await eventually(async () => (await stateOf(2)) === 'changes_requested');
    expect(sent('/api/modules/phq-9/versions/2/transitions')[0]!.body).to.deep.equal({ action: 'request_changes', note: 'Item 10 must stay.' });
  });

  it('says in plain words when the state changed under the publisher (409)', async () => {
    await seed();
    const screen = await mountReview();
    const panel = actions(screen);
    deep<HTMLButtonElement>(panel, 'button[data-action=approve_for_test]')!.click();
    await settle(panel);
    // The same publisher, in another window, requests changes first.
    await transition('publisher-api', 2, { action: 'request_changes', note: 'Not yet.' });
    deep<HTMLButtonElement>(panel, '.panel button[type=submit]')!.click();
    const alert = await until(() => deep(actions(screen), '[role=alert]'));
    expect(alert.textContent).to.contain('Could not Approve for test: the version is now Changes requested');
    await until(() => deepAll(actions(screen), '.buttons button').length === 0);
    expect(actions(screen).shadowRoot!.textContent).to.contain('nothing for you to do');
  });

  it('releases with notes and a confirmed classification', async () => {
    await seed();
    await transition('publisher-api', 2, { action: 'approve_for_test' });
    const screen = await mountReview();
    const panel = actions(screen);
    deep<HTMLButtonElement>(panel, 'button[data-action=release]')!.click();
    await until(() => deep<HTMLInputElement>(panel, 'input[value=major]')?.checked);
    typeInto(deep(panel, '#release-notes'), 'Item 10 removed.');
    deep<HTMLButtonElement>(panel, '.panel button[type=submit]')!.click();
    await until(() => deep(panel, '[role=alert]'));
    expect(deep(panel, '[role=alert]')!.textContent).to.contain('confirm');
    deep<HTMLInputElement>(panel, 'input[name=confirmClass]')!.click();
    deep<HTMLButtonElement>(panel, '.panel button[type=submit]')!.click();
    await eventually(async () => (await stateOf(2)) === 'released');
    expect(sent('/api/modules/phq-9/versions/2/transitions').map((request) => request.body)).to.deep.equal([{ action: 'release', releaseNotes: 'Item 10 removed.', releaseClass: 'major' }]);
  });

  it('gives designers the submit form (withdraw for their own version), and shows every validation problem on 422', async () => {
    await seed();
    // Two problems in the draft: an item without its text, and an instrument without an abbreviation.
    await editDraft(server, 'designer', 'phq-9', (doc) => {
      (itemsOf(doc).get(2) as Y.Map<unknown>).delete('text');
      findBlockMap(doc, 'phq9')!.delete('abbreviation');
    }, (draft) => !JSON.stringify(draft.content).includes('"abbreviation"'));
    const screen = await mountReview('designer');
    expect(deepAll(actions(screen), '.buttons button').map((button) => button.dataset['action'])).to.deep.equal(['withdraw']);
    const draft = deepAll<ClWorkflowActions>(screen, 'cl-workflow-actions').find((element) => element.draft)!;
    deep<HTMLButtonElement>(draft, '.buttons button')!.click();
    await settle(draft);
    deep<HTMLButtonElement>(draft, '.panel button[type=submit]')!.click();
    await until(() => deep(draft, '[role=alert]'));
    expect(deep(draft, '[role=alert]')!.textContent).to.contain('change note');
    typeInto(deep(draft, '#change-note'), 'Removed item 10');
    deep<HTMLButtonElement>(draft, '.panel button[type=submit]')!.click();
    await until(() => deep(draft, '[role=alert]')?.textContent?.includes('2 problems'), 5000);
    const paths = deepAll(deep(draft, 'cl-issue-list')!, 'code').map((code) => code.textContent);
    // A missing property is reported at the object that lacks it.
    expect(paths).to.deep.equal(['/pages/0/blocks/1', '/pages/0/blocks/1/items/2']);
    await editDraft(server, 'designer', 'phq-9', (doc) => {
      // Put back what the example has.
      const instrument = phq9Json.pages[0]!.blocks.find((block) => block.id === 'phq9') as unknown as { abbreviation: string; items: Array<{ text: Record<string, string> }> };
      const text = new Y.Map<Y.Text>();
      (itemsOf(doc).get(2) as Y.Map<unknown>).set('text', text);
      for (const [language, value] of Object.entries(instrument.items[2]!.text)) text.set(language, new Y.Text(value));
      findBlockMap(doc, 'phq9')!.set('abbreviation', instrument.abbreviation);
    }, (draft) => JSON.stringify(draft.content).includes('"abbreviation"'));
    deep<HTMLButtonElement>(draft, '.panel button[type=submit]')!.click();
    await until(() => deep(draft, '[role=status]') ?? (deep(draft, '[role=alert]')?.textContent?.includes('2 problems') ? undefined : deep(draft, '[role=alert]')));
    expect(deep(draft, '[role=alert]')?.textContent ?? '').to.equal('');
    expect(deep(draft, '[role=status]')!.textContent).to.contain('version 3');
    expect((await server.call<{ versions: VersionView[] }>('designer', 'GET', '/api/modules/phq-9/versions')).versions.map((version) => version.number)).to.include(3);
    expect(sent('/api/modules/phq-9/versions').at(-1)!.body).to.deep.equal({ changeNote: 'Removed item 10' });
  });

  it('adds a comment anchored to an item, replies, resolves and reopens it', async () => {
    await seed();
    const screen = await mountReview();
    const thread = deep<ClCommentThread>(screen, 'cl-comment-thread')!;
    await until(() => deepAll(thread, '#new-anchor option').length > 5);
    const anchor = deep<HTMLSelectElement>(thread, '#new-anchor')!;
    anchor.value = 'phq9_9';
    typeInto(deep(thread, '#new-body'), 'Check the crisis text.');
    deep<HTMLButtonElement>(thread, '.new-thread button[type=submit]')!.click();
    const article = await until(() => deep(thread, 'article.thread'));
    expect(article.textContent).to.contain('Check the crisis text.');
    expect(article.textContent).to.contain('phq9_9');
    const comments = async () => (await server.call<{ threads: CommentThread[] }>('publisher-api', 'GET', '/api/modules/phq-9/comments')).threads;
    expect((await comments())[0]).to.deep.include({ anchor: 'phq9_9', versionNumber: 2 });
    deep<HTMLButtonElement>(article, 'button[data-action=resolve]')!.click();
    await until(() => deep(thread, 'article.thread.resolved'));
    expect((await comments())[0]!.resolvedAt).not.to.equal(null);
    deep<HTMLButtonElement>(thread, 'article.thread button[data-action=reopen]')!.click();
    await until(() => deep(thread, 'article.thread:not(.resolved)'));
    typeInto(deep(thread, 'article.thread textarea'), 'Done.');
    deep<HTMLButtonElement>(thread, 'article.thread button[type=submit]')!.click();
    await until(() => deep(thread, '.replies'));
    const [root] = await comments();
    expect(root!.replies[0]).to.deep.include({ parentId: root!.id, anchor: 'phq9_9', body: 'Done.' });
  });

  it('shows only one block\'s threads when anchored (as in the module editor)', async () => {
    await server.signIn('publisher-api', 'publisher');
    await server.call('publisher-api', 'POST', '/api/modules/phq-9/comments', { body: 'On the intro', anchor: 'intro', version: null });
    await server.call('publisher-api', 'POST', '/api/modules/phq-9/comments', { body: 'On item 9', anchor: 'phq9_9', version: null });
    const workspace = await signedInWorkspace(server, 'designer');
    const thread = await fixture<ClCommentThread>(html`<cl-comment-thread .workspace=${workspace} document-id="phq-9" anchor="intro"></cl-comment-thread>`);
    await until(() => deep(thread, 'article.thread'));
    expect(deepAll(thread, 'article.thread').map((article) => article.textContent!.includes('On the intro'))).to.deep.equal([true]);
    expect(deep(thread, 'article.thread .comment .meta')!.textContent).to.contain('Paul Publisher');
    expect(deep(thread, '#new-anchor')).to.equal(null);
  });

  it('passes axe and is keyboard operable', async () => {
    await seed();
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
