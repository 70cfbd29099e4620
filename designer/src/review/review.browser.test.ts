import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import phq9Json from '@careloom/examples/modules/phq-9.json';
import panicWeek1Json from '@careloom/examples/modules/panic-week-1.json';
import { deep, deepAll, seriousViolations, settle, typeInto, until, workspaceFor } from '../testing/app-fixture.js';
import { FakeApi, PEOPLE } from '../testing/fake-api.js';
import type { ClCommentThread } from './comment-thread.js';
import type { ClReviewScreen } from './review-screen.js';
import type { ClVersionDiff } from './version-diff.js';
import type { ClWorkflowActions } from './workflow-actions.js';
import { i18n } from '../i18n/i18n.js';
import './review-screen.js';

type Phq9 = typeof phq9Json;

/** Version 2 of PHQ-9: a reworded intro page title, a removed item, a band changed. */
function phq9v2(): Phq9 {
  const next = structuredClone(phq9Json) as Phq9;
  const page = next.pages[0]!;
  (page.title as Record<string, string>)['en'] = `${(page.title as Record<string, string>)['en']} this week`;
  const instrument = page.blocks.find((block) => block.id === 'phq9') as unknown as { items: unknown[]; scoring: { bands: Array<{ max: number }> } };
  instrument.items.splice(9, 1);
  return next;
}

function seed(): FakeApi {
  const fake = new FakeApi();
  fake.addDocument('phq-9', 'PHQ-9', phq9v2(), [
    { state: 'released', content: phq9Json, release: { releasedAt: '2026-02-01T00:00:00Z', releasedBy: PEOPLE.publisher.id, releaseClass: 'major', suggestedClass: 'major', releaseNotes: 'First release', pins: [] } },
    { state: 'in_review', content: phq9v2(), authoredBy: PEOPLE.designer.id, contributors: [PEOPLE.designer.id, PEOPLE.publisher2.id] },
  ], { releasedVersion: 1 });
  return fake;
}

async function mountReview(fake: FakeApi, person = PEOPLE.publisher): Promise<ClReviewScreen> {
  const workspace = await workspaceFor(fake, person);
  const screen = await fixture<ClReviewScreen>(html`<cl-review-screen .workspace=${workspace} document-id="phq-9"></cl-review-screen>`);
  await until(() => { const diff = deep(screen, 'cl-version-diff'); return diff && deep(diff, 'article'); });
  await settle(screen);
  return screen;
}

const actions = (screen: ClReviewScreen) => deepAll<ClWorkflowActions>(screen, 'cl-workflow-actions').find((element) => !element.draft)!;

describe('review screens', () => {
  it('shows the version history with state, author, change note and hash', async () => {
    const screen = await mountReview(seed());
    // A publisher may simulate the draft and the chosen version.
    expect(deepAll<HTMLAnchorElement>(screen, 'a[data-action=simulate]').map((link) => link.getAttribute('href'))).to.deep.equal(['#/modules/phq-9/simulate', '#/modules/phq-9/versions/2/simulate']);
    const history = deep(screen, 'cl-version-history')!;
    const rows = deepAll(history, 'tbody tr');
    expect(rows.map((row) => row.dataset['version'])).to.deep.equal(['2', '1']);
    expect(rows[0]!.textContent).to.contain('Change 2');
    // Reviewers see who submitted by name, not by account id.
    expect(rows[0]!.textContent).to.contain('Dana Designer');
    expect(rows[0]!.textContent).not.to.contain(PEOPLE.designer.id);
    expect(deep(rows[0]!, 'cl-status-badge')!.shadowRoot!.textContent).to.contain('In review');
    expect(rows[1]!.textContent).to.contain('First release');
    expect(deep(rows[1]!, 'code')!.getAttribute('title')).to.have.length(64);
  });

  it('renders the diff side by side: removed item, changed text word by word, the suggested class', async () => {
    const screen = await mountReview(seed());
    const diff = deep<ClVersionDiff>(screen, 'cl-version-diff')!;
    expect(diff.from).to.equal(1);
    expect(diff.to).to.equal(2);
    expect(deep(diff, '.suggested')!.textContent).to.contain('major');
    const removed = deepAll(diff, 'article[data-kind="removed"]');
    // Named as the editor shows it (its number and text), never by its id.
    const removedItem = removed.find((change) => change.dataset['entity'] === 'item')!;
    expect(deep(removedItem, 'h4')!.textContent).to.match(/item 10 “If you checked off any problems, how/);
    expect(diff.shadowRoot!.textContent).not.to.contain('phq9_10');
    // "Why major" names the same changes the same way.
    deep<HTMLElement>(diff, 'details summary')!.click();
    expect(deep(diff, 'details li')!.textContent).to.match(/item 10 “If you checked off/);
    const changed = deepAll(diff, 'article[data-kind="changed"]').find((change) => deep(change, 'ins'))!;
    expect(deep(changed, '.after ins')!.textContent).to.contain('this week');
    expect(deep(changed, '.before ins')).to.equal(null);
    expect(deep(changed, '.before')!.textContent).not.to.contain('this week');
  });

  it('words changes as the editor shows them: the field by its label, texts in the language shown, a condition as a sentence with option texts', async () => {
    const before = structuredClone(panicWeek1Json) as typeof panicWeek1Json;
    const after = structuredClone(panicWeek1Json) as typeof panicWeek1Json;
    const blocks = after.pages[3]!.blocks as unknown as Array<Record<string, unknown>>;
    blocks[1]!['visibleWhen'] = { op: 'ne', item: 'mainFear', value: 'suffocate' };
    (after.pages[0]!.blocks[1] as unknown as Record<string, unknown>)['help'] = { en: 'A rough guess is fine.', sv: 'En grov gissning räcker.' };
    const fake = new FakeApi();
    fake.addDocument('panic-week-1', 'Week 1', after, [
      { state: 'released', content: before, release: { releasedAt: '2026-02-01T00:00:00Z', releasedBy: PEOPLE.publisher.id, releaseClass: 'major', suggestedClass: 'major', releaseNotes: 'First', pins: [] } },
      { state: 'in_review', content: after, authoredBy: PEOPLE.designer.id, contributors: [PEOPLE.designer.id] },
    ], { releasedVersion: 1 });
    const workspace = await workspaceFor(fake, PEOPLE.publisher);
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
    const fake = seed();
    const screen = await mountReview(fake);
    const diff = deep<ClVersionDiff>(screen, 'cl-version-diff')!;
    const to = deep<HTMLSelectElement>(diff, '#diff-to')!;
    to.value = 'draft';
    to.dispatchEvent(new Event('change'));
    await until(() => fake.requests.some((request) => request.path.endsWith('/diff?from=1&to=draft')));
    await until(() => diff.diff?.to === 'draft');
  });

  it('offers a publisher the review actions, blocks approving their own work, and requests changes', async () => {
    const fake = seed();
    const screen = await mountReview(fake, PEOPLE.publisher2);
    const panel = actions(screen);
    const labels = deepAll<HTMLButtonElement>(panel, '.buttons button').map((button) => [button.dataset['action'], button.disabled]);
    expect(labels).to.deep.equal([
      ['request_changes', false],
      ['approve_for_test', true],
    ]);
    expect(deep(panel, '#blocked-approve_for_test')!.textContent).to.contain('you worked on it');
    deep<HTMLButtonElement>(panel, 'button[data-action=request_changes]')!.click();
    await settle(panel);
    typeInto(deep(panel, '#note'), 'Item 10 must stay.');
    deep<HTMLButtonElement>(panel, '.panel button[type=submit]')!.click();
    await until(() => fake.documents.get('phq-9')!.versions[1]!.state === 'changes_requested');
    expect(fake.requests.find((request) => request.path === '/api/modules/phq-9/versions/2/transitions')!.body).to.deep.equal({ action: 'request_changes', note: 'Item 10 must stay.' });
  });

  it('says in plain words when the state changed under the publisher (409)', async () => {
    const fake = seed();
    const screen = await mountReview(fake);
    const panel = actions(screen);
    deep<HTMLButtonElement>(panel, 'button[data-action=approve_for_test]')!.click();
    await settle(panel);
    // Someone else requests changes first.
    fake.documents.get('phq-9')!.versions[1]!.state = 'changes_requested';
    deep<HTMLButtonElement>(panel, '.panel button[type=submit]')!.click();
    const alert = await until(() => deep(actions(screen), '[role=alert]'));
    expect(alert.textContent).to.contain('Could not Approve for test: the version is now Changes requested');
    await until(() => deepAll(actions(screen), '.buttons button').length === 0);
    expect(actions(screen).shadowRoot!.textContent).to.contain('nothing for you to do');
  });

  it('releases with notes and a confirmed classification', async () => {
    const fake = seed();
    fake.documents.get('phq-9')!.versions[1]!.state = 'approved_for_test';
    fake.documents.get('phq-9')!.versions[1]!.allowedActions = ['release', 'request_changes'];
    const screen = await mountReview(fake);
    const panel = actions(screen);
    deep<HTMLButtonElement>(panel, 'button[data-action=release]')!.click();
    await until(() => deep<HTMLInputElement>(panel, 'input[value=major]')?.checked);
    typeInto(deep(panel, '#release-notes'), 'Item 10 removed.');
    deep<HTMLButtonElement>(panel, '.panel button[type=submit]')!.click();
    await until(() => deep(panel, '[role=alert]'));
    expect(deep(panel, '[role=alert]')!.textContent).to.contain('confirm');
    deep<HTMLInputElement>(panel, 'input[name=confirmClass]')!.click();
    deep<HTMLButtonElement>(panel, '.panel button[type=submit]')!.click();
    await until(() => fake.documents.get('phq-9')!.versions[1]!.state === 'released');
    const release = fake.requests.find((request) => request.path.endsWith('/transitions'))!.body;
    expect(release).to.deep.equal({ action: 'release', releaseNotes: 'Item 10 removed.', releaseClass: 'major' });
  });

  it('gives designers the submit form (withdraw for their own version), and shows every validation problem on 422', async () => {
    const fake = seed();
    fake.submitIssues = [
      { code: 'schema.required', path: '/pages/0/blocks/1/items/2/text', message: 'The item needs a text.' },
      { code: 'bands.gap', path: '/pages/0/blocks/1/scoring/bands', message: 'The bands leave 5 uncovered.', params: { from: 5, to: 9 } },
    ];
    const screen = await mountReview(fake, PEOPLE.designer);
    expect(deepAll(actions(screen), '.buttons button').map((button) => button.dataset['action'])).to.deep.equal(['withdraw']);
    // The simulator is for testers and publishers, like the test run.
    expect(deepAll(screen, 'a[data-action=simulate]')).to.have.length(0);
    const draft = deepAll<ClWorkflowActions>(screen, 'cl-workflow-actions').find((element) => element.draft)!;
    deep<HTMLButtonElement>(draft, '.buttons button')!.click();
    await settle(draft);
    deep<HTMLButtonElement>(draft, '.panel button[type=submit]')!.click();
    await until(() => deep(draft, '[role=alert]'));
    expect(deep(draft, '[role=alert]')!.textContent).to.contain('change note');
    typeInto(deep(draft, '#change-note'), 'Removed item 10');
    deep<HTMLButtonElement>(draft, '.panel button[type=submit]')!.click();
    await until(() => deep(draft, '[role=alert]')?.textContent?.includes('2 problems'));
    // The draft's problems in the editor's words, placed as the editor shows them: no JSON paths.
    const listed = deepAll(deep(draft, 'cl-issue-list')!, 'li').map((item) => item.textContent!.trim());
    expect(listed).to.have.length(2);
    expect(listed[0]).to.match(/^Page 1 “How you have been feeling this week”, block 2 \(Rating scale “Patient Health Questionnaire-9”\), item 3 “.*”: add the text\.$/);
    expect(listed[1]).to.equal('Page 1 “How you have been feeling this week”, block 2 (Rating scale “Patient Health Questionnaire-9”): the scores from 5 to 9 fall in no band. Add a band for them or widen a neighbouring band.');
    for (const text of listed) expect(text).not.to.match(/\/pages|scoring|bands/);
    i18n.setLocale('sv');
    await settle(draft);
    expect(deepAll(deep(draft, 'cl-issue-list')!, 'li')[0]!.textContent).to.match(/^Sida 1 /);
    i18n.setLocale('en');
    fake.submitIssues = [];
    deep<HTMLButtonElement>(draft, '.panel button[type=submit]')!.click();
    await until(() => fake.documents.get('phq-9')!.versions.length === 3);
    await until(() => deep(draft, '[role=status]'));
    expect(deep(draft, '[role=status]')!.textContent).to.contain('version 3');
    expect(fake.requests.filter((request) => request.path === '/api/modules/phq-9/versions' && request.method === 'POST').at(-1)!.body).to.deep.equal({ changeNote: 'Removed item 10' });
  });

  it('adds a comment anchored to an item, replies, resolves and reopens it', async () => {
    const fake = seed();
    const screen = await mountReview(fake);
    const thread = deep<ClCommentThread>(screen, 'cl-comment-thread')!;
    await until(() => deepAll(thread, '#new-anchor option').length > 5);
    const anchor = deep<HTMLSelectElement>(thread, '#new-anchor')!;
    anchor.value = 'phq9_9';
    typeInto(deep(thread, '#new-body'), 'Check the crisis text.');
    deep<HTMLButtonElement>(thread, '.new-thread button[type=submit]')!.click();
    const article = await until(() => deep(thread, 'article.thread'));
    expect(article.textContent).to.contain('Check the crisis text.');
    expect(article.textContent).to.contain('phq9_9');
    expect(fake.comments[0]).to.deep.include({ anchor: 'phq9_9', versionNumber: 2 });
    deep<HTMLButtonElement>(article, 'button[data-action=resolve]')!.click();
    await until(() => deep(thread, 'article.thread.resolved'));
    expect(fake.comments[0]!.resolvedAt).not.to.equal(null);
    deep<HTMLButtonElement>(thread, 'article.thread button[data-action=reopen]')!.click();
    await until(() => deep(thread, 'article.thread:not(.resolved)'));
    typeInto(deep(thread, 'article.thread textarea'), 'Done.');
    deep<HTMLButtonElement>(thread, 'article.thread button[type=submit]')!.click();
    await until(() => deep(thread, '.replies'));
    expect(fake.comments[1]).to.deep.include({ parentId: fake.comments[0]!.id, anchor: 'phq9_9' });
  });

  it('shows only one block\'s threads when anchored (as in the module editor)', async () => {
    const fake = seed();
    fake.addComment('phq-9', { body: 'On the intro', anchor: 'intro', versionNumber: null });
    fake.addComment('phq-9', { body: 'On item 9', anchor: 'phq9_9', versionNumber: null });
    const workspace = await workspaceFor(fake, PEOPLE.designer);
    const thread = await fixture<ClCommentThread>(html`<cl-comment-thread .workspace=${workspace} document-id="phq-9" anchor="intro"></cl-comment-thread>`);
    await until(() => deep(thread, 'article.thread'));
    expect(deepAll(thread, 'article.thread').map((article) => article.textContent!.includes('On the intro'))).to.deep.equal([true]);
    expect(deep(thread, 'article.thread .comment .meta')!.textContent).to.contain('Paul Publisher');
    expect(deep(thread, '#new-anchor')).to.equal(null);
  });

  it('passes axe and is keyboard operable', async () => {
    const screen = await mountReview(seed());
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
