import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import phq9Json from '@careloom/examples/modules/phq-9.json';
import type { ClDesignerApp } from '../app/designer-app.js';
import '../app/designer-app.js';
import { i18n } from '../i18n/i18n.js';
import type { ClModulePage } from '@careloom/renderer';
import { deep, deepAll, seriousViolations, settle, until, workspaceFor } from '../testing/app-fixture.js';
import { FakeApi, PEOPLE, type FakePerson } from '../testing/fake-api.js';
import type { ClReviewScreen } from './review-screen.js';
import './review-screen.js';
import type { ClTestRun } from './test-run.js';
import './test-run.js';
import { branchingModule } from './test-run-modules.js';

const PHQ9_OPTIONS = ['notAtAll', 'severalDays', 'moreThanHalf', 'nearlyEveryDay'];

/** PHQ-9 with version 1 released, 2 in review, 3 approved for test; a program released; the branching module approved for test. */
function seed(): FakeApi {
  const fake = new FakeApi();
  fake.addDocument('phq-9', 'PHQ-9', phq9Json, [
    { state: 'released', content: phq9Json },
    { state: 'in_review', content: phq9Json },
    { state: 'approved_for_test', content: phq9Json },
  ], { releasedVersion: 1 });
  fake.addDocument('worry-check', 'Worry check', branchingModule, [{ state: 'approved_for_test', content: branchingModule }]);
  fake.addDocument('panic-program', 'Panic program', { id: 'panic-program' }, [{ state: 'released' }], { kind: 'program', releasedVersion: 1 });
  return fake;
}

async function mountReview(fake: FakeApi, person: FakePerson, id = 'phq-9'): Promise<ClReviewScreen> {
  const workspace = await workspaceFor(fake, person);
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
async function mountRun(fake: FakeApi, id: string, number: number, person = PEOPLE.tester): Promise<ClTestRun> {
  const workspace = await workspaceFor(fake, person);
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

describe('try a version as a patient', () => {
  beforeEach(() => i18n.setLocale('en'));

  it('offers "Try as a patient" on versions approved for test or released, to testers and publishers only', async () => {
    const fake = seed();
    const tester = await mountReview(fake, PEOPLE.tester);
    expect(tester.selected).to.equal(3);
    expect(tryButton(tester)?.textContent).to.contain('Try as a patient');
    await selectVersion(tester, 2);
    expect(tryButton(tester)).to.equal(null);
    await selectVersion(tester, 1);
    expect(tryButton(tester)).not.to.equal(null);
    expect(tryButton(await mountReview(fake, PEOPLE.publisher))).not.to.equal(null);
    expect(tryButton(await mountReview(fake, PEOPLE.designer))).to.equal(null);
    // Programs are tried module by module.
    expect(tryButton(await mountReview(fake, PEOPLE.publisher, 'panic-program'))).to.equal(null);
  });

  it('creates a test enrollment and the app opens the run on it', async () => {
    const fake = seed();
    fake.signIn(PEOPLE.tester);
    location.hash = '#/modules/phq-9/review';
    const app = document.createElement('cl-designer-app') as ClDesignerApp;
    app.api = fake.client();
    (await fixture(html`<div></div>`)).append(app);
    try {
      const review = await until(() => deep<ClReviewScreen>(app, 'cl-review-screen'));
      const button = await until(() => tryButton(review));
      button.click();
      const run = await until(() => deep<ClTestRun>(app, 'cl-test-run'));
      const [enrollment] = [...fake.testEnrollments.values()];
      expect(enrollment).to.deep.include({ documentId: 'phq-9', versionNumber: 3, createdBy: PEOPLE.tester.id });
      expect(location.hash).to.equal(`#/modules/phq-9/versions/3/try/${enrollment!.id}`);
      expect(run.getAttribute('enrollment-id')).to.equal(enrollment!.id);
      await until(() => modulePage(run));
      expect(run.shadowRoot!.querySelector('[role=note]')!.textContent).to.contain('Test run — answers are not saved');
    } finally {
      location.hash = '';
    }
  });

  it('says why when the server refuses the test enrollment', async () => {
    const fake = seed();
    const screen = await mountReview(fake, PEOPLE.tester);
    // Someone retires the version meanwhile.
    fake.documents.get('phq-9')!.versions[2]!.state = 'retired';
    tryButton(screen)!.click();
    const alert = await until(() => screen.shadowRoot!.querySelector('[role=alert]'));
    expect(alert.textContent).to.contain('Could not start a test run');
    expect(alert.textContent).to.contain('only versions approved for test or released');
    expect(fake.testEnrollments.size).to.equal(0);
  });

  it('goes through PHQ-9 as a patient: required answers, then the total, band and alert the engine computes', async () => {
    const fake = seed();
    const run = await mountRun(fake, 'phq-9', 3);
    expect(await pageTitle(run)).to.equal('How you have been feeling');
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
    expect(fake.requests.filter((request) => request.method !== 'GET').map((request) => request.path)).to.deep.equal(['/api/modules/phq-9/versions/3/test-enrollments']);
  });

  it('follows a branch, and starts again with no answers', async () => {
    const fake = seed();
    const run = await mountRun(fake, 'worry-check', 1);
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
    const run = await mountRun(seed(), 'worry-check', 1);
    const frame = run.shadowRoot!.querySelector('.frame')!;
    expect(frame.classList.contains('phone')).to.equal(true);
    const desktop = run.shadowRoot!.querySelector<HTMLButtonElement>('button[data-width=desktop]')!;
    desktop.click();
    await settle(run);
    expect(desktop.getAttribute('aria-pressed')).to.equal('true');
    expect(run.shadowRoot!.querySelector('.frame')!.classList.contains('desktop')).to.equal(true);
  });

  it('refuses an enrollment of another version or one that does not exist', async () => {
    const fake = seed();
    const workspace = await workspaceFor(fake, PEOPLE.tester);
    const enrollment = await workspace.api.createTestEnrollment('phq-9', 1);
    const other = await fixture<ClTestRun>(html`<cl-test-run .workspace=${workspace} document-id="phq-9" version="3" enrollment-id=${enrollment.id}></cl-test-run>`);
    expect((await until(() => other.shadowRoot!.querySelector('[role=alert]'))).textContent).to.contain('phq-9 version 1');
    const missing = await fixture<ClTestRun>(html`<cl-test-run .workspace=${workspace} document-id="phq-9" version="3" enrollment-id="nope"></cl-test-run>`);
    expect((await until(() => missing.shadowRoot!.querySelector('[role=alert]'))).textContent).to.contain('There is no test enrollment');
    expect(deep(missing, 'a[href="#/modules/phq-9/review"]')).not.to.equal(null);
  });

  it('passes axe on the run and the summary, and is keyboard operable', async () => {
    const run = await mountRun(seed(), 'worry-check', 1);
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
