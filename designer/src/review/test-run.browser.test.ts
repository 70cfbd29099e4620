import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type * as Y from 'yjs';
import { getPagesArray } from '@careloom/format/ydoc';
import { DesignerApi } from '../api/api-client.js';
import type { ClDesignerApp } from '../app/designer-app.js';
import '../app/designer-app.js';
import { i18n } from '../i18n/i18n.js';
import type { ClModulePage } from '@careloom/renderer';
import { deep, deepAll, seriousViolations, settle, signedInWorkspace, startTestServer, until, type TestServer } from '../testing/app-fixture.js';
import { editDraft } from '@careloom/renderer/test-live-draft';
import type { ClReviewScreen } from './review-screen.js';
import './review-screen.js';
import type { ClTestRun } from './test-run.js';
import './test-run.js';
import { branchingModule } from './test-run-modules.js';
import type { Workspace } from '../app/workspace.js';

const PHQ9_OPTIONS = ['notAtAll', 'severalDays', 'moreThanHalf', 'nearlyEveryDay'];
const DESIGNER = 'arrange-designer';
const PUBLISHER = 'arrange-publisher';

/** The designer appends `edit` to the first page's English title over /collab, as the editor does, and submits the draft. */
async function submitEdit(on: TestServer, id: string, edit: string): Promise<number> {
  await editDraft(on, DESIGNER, id, (doc) => {
    const title = ((getPagesArray(doc).get(0) as Y.Map<unknown>).get('title') as Y.Map<Y.Text>).get('en')!;
    title.insert(title.length, edit);
  }, (draft) => JSON.stringify(draft.content).includes(edit));
  return (await on.call<{ number: number }>(DESIGNER, 'POST', `/api/modules/${id}/versions`, { changeNote: `Title${edit}` })).number;
}

/** The publisher moves version `number` of `id` through `actions`. */
async function transition(on: TestServer, id: string, number: number, ...actions: string[]): Promise<void> {
  for (const action of actions) await on.call(PUBLISHER, 'POST', `/api/modules/${id}/versions/${number}/transitions`, { action });
}

/** The demo publishing organisation, as the designer signed in on DESIGNER sees it. */
async function publisherOf(on: TestServer): Promise<string> {
  return (await on.call<{ memberships: Array<{ organisationId: string; organisationKind: string }> }>(DESIGNER, 'GET', '/api/auth/me')).memberships.find((membership) => membership.organisationKind === 'publisher')!.organisationId;
}

/**
 * A real server with the demo content (PHQ-9 version 1 and the panic program released), where PHQ-9
 * gets version 2 in review and version 3 approved for test, and the branching module "worry-check"
 * its version 1 approved for test: all through the API, as the designer and the publisher do.
 */
async function seed(): Promise<TestServer> {
  const on = await startTestServer();
  await on.signIn(DESIGNER, 'designer');
  await on.signIn(PUBLISHER, 'publisher');
  await transition(on, 'phq-9', await submitEdit(on, 'phq-9', ' (2)'), 'start_review');
  await transition(on, 'phq-9', await submitEdit(on, 'phq-9', ' (3)'), 'start_review', 'approve_for_test');
  await on.call(DESIGNER, 'POST', '/api/modules', { organisationId: await publisherOf(on), kind: 'module', document: branchingModule });
  const { number } = await on.call<{ number: number }>(DESIGNER, 'POST', '/api/modules/worry-check/versions', { changeNote: 'First version' });
  await transition(on, 'worry-check', number, 'start_review', 'approve_for_test');
  return on;
}

// One seeded server for the file; the test that changes a version's state does it to a module of its own.
let server: TestServer;
before(async function () {
  this.timeout(120_000);
  server = await seed();
});
after(async () => server.stop());

/** Signed-in workspaces by demo account: the tests that do not test signing in reuse the session. */
const sessions = new Map<string, Promise<Workspace>>();
function workspaceOf(key: string): Promise<Workspace> {
  if (!sessions.has(key)) sessions.set(key, signedInWorkspace(server, key));
  return sessions.get(key)!;
}

async function mountReview(key: string, id = 'phq-9'): Promise<ClReviewScreen> {
  const workspace = await workspaceOf(key);
  const screen = await fixture<ClReviewScreen>(html`<cl-review-screen .workspace=${workspace} document-id=${id}></cl-review-screen>`);
  await until(() => deep(screen, 'cl-version-history') && screen.selected !== undefined);
  await settle(screen);
  return screen;
}

const tryButton = (screen: ClReviewScreen) => screen.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action=try]');

async function selectVersion(screen: ClReviewScreen, number: number): Promise<void> {
  deep<HTMLButtonElement>(deep(screen, 'cl-version-history')!, `tr[data-version="${number}"] button`)!.click();
  await until(() => screen.selected === number);
  await settle(screen);
}

/** A test run on a fresh test enrollment of `id` version `number`. */
async function mountRun(id: string, number: number, key = 'tester'): Promise<ClTestRun> {
  const workspace = await workspaceOf(key);
  const enrollment = await workspace.api.createTestEnrollment(id, number);
  const run = await fixture<ClTestRun>(html`<cl-test-run .workspace=${workspace} document-id=${id} version=${number} enrollment-id=${enrollment.id}></cl-test-run>`);
  await until(() => modulePage(run));
  await settle(run);
  return run;
}

const modulePage = (run: ClTestRun) => run.shadowRoot!.querySelector<ClModulePage>('cl-module-page');

async function pageTitle(run: ClTestRun): Promise<string> {
  const page = modulePage(run)!;
  await page.updateComplete;
  return page.shadowRoot!.querySelector('h1')!.textContent!.trim();
}

async function choose(run: ClTestRun, itemId: string, optionId: string): Promise<void> {
  const page = await until(() => modulePage(run));
  const radio = await until(() => deep<HTMLInputElement>(page, `input[name="${itemId}"][value="${optionId}"]`));
  radio.click();
  await settle(run, 2);
}

async function next(run: ClTestRun): Promise<void> {
  modulePage(run)!.shadowRoot!.querySelector<HTMLButtonElement>('[data-action=next]')!.click();
  await settle(run);
}

describe('try a version as a patient, against the real server', function () {
  this.timeout(60_000);
  beforeEach(() => i18n.setLocale('en'));

  it('offers "Try as a patient" on versions approved for test or released, to testers and publishers only', async () => {
    const tester = await mountReview('tester');
    expect(tester.selected).to.equal(3);
    expect(tryButton(tester)?.textContent).to.contain('Try as a patient');
    await selectVersion(tester, 2);
    expect(tryButton(tester)).to.equal(null);
    await selectVersion(tester, 1);
    expect(tryButton(tester)).not.to.equal(null);
    expect(tryButton(await mountReview('publisher'))).not.to.equal(null);
    expect(tryButton(await mountReview('designer'))).to.equal(null);
    // Programs are tried module by module.
    expect(tryButton(await mountReview('publisher', 'panic-icbt-8-weeks'))).to.equal(null);
  });

  it('creates a test enrollment and the app opens the run on it', async () => {
    const api = new DesignerApi({ fetch: server.fetch('tester-app') });
    const session = await api.login(server.account('tester').email, server.account('tester').password);
    location.hash = '#/modules/phq-9/review';
    const app = document.createElement('cl-designer-app') as ClDesignerApp;
    app.api = api;
    (await fixture(html`<div></div>`)).append(app);
    try {
      const review = await until(() => deep<ClReviewScreen>(app, 'cl-review-screen'));
      const button = await until(() => tryButton(review));
      button.click();
      const run = await until(() => deep<ClTestRun>(app, 'cl-test-run'));
      const id = await until(() => /^#\/modules\/phq-9\/versions\/3\/try\/(.+)$/.exec(location.hash)?.[1]);
      expect(run.getAttribute('enrollment-id')).to.equal(id);
      // The server holds it, made by the tester for version 3.
      const enrollment = await api.getTestEnrollment(id);
      expect(enrollment).to.deep.include({ documentId: 'phq-9', versionNumber: 3, createdBy: session.person.id });
      await until(() => modulePage(run));
      expect(run.shadowRoot!.querySelector('[role=note]')!.textContent).to.contain('Test run — answers are not saved');
    } finally {
      location.hash = '';
    }
  });

  it('says why when the server refuses the test enrollment', async () => {
    // A module of its own, approved for test, whose state this test changes: the others never see it.
    const id = 'worry-check-refused';
    await server.call(DESIGNER, 'POST', '/api/modules', { organisationId: await publisherOf(server), kind: 'module', document: { ...branchingModule, id } });
    const { number } = await server.call<{ number: number }>(DESIGNER, 'POST', `/api/modules/${id}/versions`, { changeNote: 'First version' });
    await transition(server, id, number, 'start_review', 'approve_for_test');
    const screen = await mountReview('tester', id);
    // A publisher requests changes to the version meanwhile.
    await server.call(PUBLISHER, 'POST', `/api/modules/${id}/versions/${number}/transitions`, { action: 'request_changes', note: 'Not yet.' });
    const posted = server.requests.length;
    tryButton(screen)!.click();
    const alert = await until(() => screen.shadowRoot!.querySelector('[role=alert]'));
    expect(alert.textContent).to.contain('Could not start a test run');
    expect(alert.textContent).to.contain('only versions approved for test or released');
    // The one request was refused: no run opened.
    expect(server.requests.slice(posted).map((request) => `${request.method} ${request.path}`)).to.include(`POST /api/modules/${id}/versions/${number}/test-enrollments`);
    expect(location.hash).not.to.contain('/try/');
  });

  it('goes through PHQ-9 as a patient: required answers, then the total, band and alert the engine computes', async () => {
    const before = server.requests.length;
    const run = await mountRun('phq-9', 3);
    // Version 3's own words: the title as the designer last changed it.
    expect(await pageTitle(run)).to.equal('How you have been feeling (2) (3)');
    await next(run);
    // Nothing answered: the patient's own error summary, and no end.
    expect(modulePage(run)!.shadowRoot!.querySelector('.error-summary')).not.to.equal(null);
    expect(run.finished).to.equal(false);
    const scores = [1, 1, 2, 1, 1, 2, 1, 1, 1];
    for (const [index, score] of scores.entries()) await choose(run, `phq9_${index + 1}`, PHQ9_OPTIONS[score]!);
    await next(run);
    const summary = await until(() => run.shadowRoot!.querySelector('.summary'));
    const phq = summary.querySelector('[data-result=phq9]')!;
    expect(phq.querySelector('.total')!.textContent).to.contain('PHQ-9: 11 of 27');
    expect(phq.querySelector('.band')!.textContent).to.contain('Moderate depression');
    expect(phq.querySelector('[data-alert=item9]')!.textContent).to.contain('Urgent');
    expect(run.shadowRoot!.activeElement?.id).to.equal('summary-title');
    // Nothing of the run was sent: the only calls are creating and reading the enrollment.
    expect(server.requests.slice(before).filter((request) => request.method !== 'GET' && request.path !== '/api/auth/login').map((request) => request.path)).to.deep.equal(['/api/modules/phq-9/versions/3/test-enrollments']);
  });

  it('follows a branch, and starts again with no answers', async () => {
    const run = await mountRun('worry-check', 1);
    await choose(run, 'worried', 'no');
    await next(run);
    expect(await pageTitle(run)).to.equal('Thank you');
    await next(run);
    const path = await until(() => run.shadowRoot!.querySelectorAll('.path li'));
    expect([...path].map((page) => page.getAttribute('data-page'))).to.deep.equal(['screening', 'summary']);
    expect(run.shadowRoot!.querySelector('.results')).to.equal(null);
    run.shadowRoot!.querySelector<HTMLButtonElement>('[data-action=start-again-summary]')!.click();
    await settle(run);
    expect(run.answers).to.deep.equal({});
    expect(await pageTitle(run)).to.equal('Screening');
    await choose(run, 'worried', 'yes');
    await next(run);
    expect(await pageTitle(run)).to.equal('About your worry');
  });

  it('toggles between phone and desktop width', async () => {
    const run = await mountRun('worry-check', 1);
    const frame = run.shadowRoot!.querySelector('.frame')!;
    expect(frame.classList.contains('phone')).to.equal(true);
    const desktop = run.shadowRoot!.querySelector<HTMLButtonElement>('button[data-width=desktop]')!;
    desktop.click();
    await settle(run);
    expect(desktop.getAttribute('aria-pressed')).to.equal('true');
    expect(run.shadowRoot!.querySelector('.frame')!.classList.contains('desktop')).to.equal(true);
  });

  it('refuses an enrollment of another version or one that does not exist', async () => {
    const workspace = await workspaceOf('tester');
    const enrollment = await workspace.api.createTestEnrollment('phq-9', 1);
    const other = await fixture<ClTestRun>(html`<cl-test-run .workspace=${workspace} document-id="phq-9" version="3" enrollment-id=${enrollment.id}></cl-test-run>`);
    expect((await until(() => other.shadowRoot!.querySelector('[role=alert]'))).textContent).to.contain('phq-9 version 1');
    const missing = await fixture<ClTestRun>(html`<cl-test-run .workspace=${workspace} document-id="phq-9" version="3" enrollment-id="nope"></cl-test-run>`);
    expect((await until(() => missing.shadowRoot!.querySelector('[role=alert]'))).textContent).to.contain('There is no test enrollment');
    expect(deep(missing, 'a[href="#/modules/phq-9/review"]')).not.to.equal(null);
  });

  it('passes axe on the run and the summary, and is keyboard operable', async () => {
    const run = await mountRun('worry-check', 1);
    expect(await seriousViolations(run)).to.deep.equal([]);
    const page = modulePage(run)!;
    deep<HTMLInputElement>(page, 'input[name=worried][value=yes]')!.focus();
    // Arrow keys move within the radio group and choose, as in any radio group.
    await sendKeys({ press: 'ArrowDown' });
    await settle(run);
    expect(run.answers).to.deep.equal({ worried: 'no' });
    await sendKeys({ press: 'Tab' });
    expect(page.shadowRoot!.activeElement?.getAttribute('data-action')).to.equal('next');
    await sendKeys({ press: 'Enter' });
    await settle(run);
    expect(await pageTitle(run)).to.equal('Thank you');
    deep<HTMLButtonElement>(modulePage(run)!, '[data-action=next]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => run.shadowRoot!.querySelector('.summary'));
    await settle(run);
    expect(await seriousViolations(run)).to.deep.equal([]);
    const buttons = deepAll<HTMLButtonElement>(run, '.summary button');
    buttons.find((button) => button.dataset['action'] === 'back-to-last-page')!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(run);
    expect(await pageTitle(run)).to.equal('Thank you');
    expect(run.answers).to.deep.equal({ worried: 'no' });
  });
});
