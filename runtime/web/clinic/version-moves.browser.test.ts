// The clinic's version screens against the real server (renderer/src/test-server.ts): "Panic week 1"
// (deployed as a module) gets a minor version 2 without the goal question and without the answer
// choice "Something else", and PHQ-9 (a locked instrument: only its title changes) a major version 2,
// each released through the real workflow (shared/test-versions.ts). Everything the screens show
// comes from the server.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import * as Y from 'yjs';
import { ApiClient } from '@careloom/client/api';
import { findBlockMap, getPagesArray } from '@careloom/format/ydoc';
import { deploy, enroll, phq9Answers, respond, type ArrangedPatient } from '@careloom/renderer/test-care';
import { startTestServer, type TestServer } from '@careloom/renderer/test-server';
import { deep, deepAll, overflowing, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import { releaseNewVersion } from '../shared/test-versions.js';
import type { ClVersionUpdates } from './version-updates.js';
import type { ClPatientVersion } from './patient-version.js';
import './version-updates.js';
import './patient-version.js';

const PANIC = 'Week 1: Understanding panic';
const PHQ9 = 'PHQ-9: how you have been feeling';
const GOAL = 'If panic no longer held you back, what would you do that you avoid today?';
const FEAR = 'During an attack, what do you fear most will happen?';
/** The homework page's required diary entry, given with the goal. */
const DIARY = { diaryWhen: '2026-03-04T14:30', diaryWhere: 'On the bus to work', diaryPeak: 7 };
const PANIC_NOTES = 'Shorter week 1: the goal question moves to week 2.';
const PHQ9_NOTES = 'New edition of the PHQ-9 page.';

/** Deletes the entry with `id` from a Y.Array of Y.Maps (blocks, answer choices, matrix rows). */
function removeById(list: unknown, id: string): void {
  if (!(list instanceof Y.Array)) throw new Error(`No list holds "${id}".`);
  const index = (list.toArray() as unknown[]).findIndex((entry) => entry instanceof Y.Map && entry.get('id') === id);
  if (index < 0) throw new Error(`"${id}" is not in the list.`);
  list.delete(index, 1);
}

// One server for the file. The patient tests run first, each on a panic patient of its own, with
// version 2 deployed beside version 1; then the unit's tests read, and the last of them moves the
// two panic patients left on version 1.
let server: TestServer;
let unitId: string;
let panic: { id: string };
let panicV2: { id: string };
let phq9: { id: string };
let movedAlone: ArrangedPatient;
let movedByColleague: ArrangedPatient;
let jars = 0;

before(async function () {
  this.timeout(180_000);
  server = await startTestServer();
  panic = await deploy(server, 'panic-week-1');
  phq9 = await deploy(server, 'phq-9');
  movedAlone = await enroll(server, { deploymentId: panic.id, name: 'Ada Answered' });
  movedByColleague = await enroll(server, { deploymentId: panic.id, name: 'Dee Colleague' });
  const goalOnly = await enroll(server, { deploymentId: panic.id, name: 'Bo Goal' });
  const quiet = await enroll(server, { deploymentId: panic.id, name: 'Cy Quiet' });
  await respond(server, movedAlone, 'panic-week-1', { hadAttackLastWeek: true, mainFear: 'other' }, { pageId: 'welcome' });
  await respond(server, movedAlone, 'panic-week-1', { ...DIARY, treatmentGoal: 'Take the bus to work' }, { pageId: 'homework' });
  await respond(server, goalOnly, 'panic-week-1', { ...DIARY, treatmentGoal: 'Go to the cinema' }, { pageId: 'homework' });
  await respond(server, quiet, 'panic-week-1', { hadAttackLastWeek: false }, { pageId: 'welcome' });
  const phq9Patient = await enroll(server, { deploymentId: phq9.id, name: 'Pia Phq' });
  await respond(server, phq9Patient, 'phq-9', phq9Answers(5));
  expect(await releaseNewVersion(server, 'panic-week-1', {
    edit: ' (short)', releaseClass: 'minor', releaseNotes: PANIC_NOTES,
    change: (doc) => {
      removeById((findBlockMap(doc, 'mainFear')?.get('input') as Y.Map<unknown> | undefined)?.get('options'), 'other');
      const page = getPagesArray(doc).toArray().find((candidate) => (candidate.get('blocks') as Y.Array<Y.Map<unknown>>).toArray().some((block) => block.get('id') === 'treatmentGoal'));
      removeById(page?.get('blocks'), 'treatmentGoal');
    },
  })).to.equal(2);
  expect(await releaseNewVersion(server, 'phq-9', { edit: ' (new edition)', releaseClass: 'major', releaseNotes: PHQ9_NOTES })).to.equal(2);
  unitId = (await server.call<{ units: Array<{ id: string; name: string }> }>('arrange-admin', 'GET', '/api/care/units')).units.find((unit) => unit.name === 'Demo clinic')!.id;
  // Version 2 beside version 1 (what moving everyone does first), so therapists can move one patient at a time.
  panicV2 = await deploy(server, 'panic-week-1', 2);
});
after(async () => server.stop());

/** A clinic API client signed in as `account` on a jar of its own. */
async function signedIn(account: 'care-admin' | 'therapist'): Promise<ApiClient> {
  const api = new ApiClient({ fetch: server.fetch(`clinic-${++jars}`) });
  await api.login(server.account(account).email, server.account(account).password);
  return api;
}

const posts = (from: number) => server.requests.slice(from).filter((request) => request.method === 'POST').map(({ method, path, body }) => ({ method, path, body }));

describe('<cl-patient-version> on the real server', function () {
  this.timeout(60_000);

  it('shows what would not carry over for the patient, moves them naming the version seen, and lists the move afterwards', async () => {
    const element = await fixture<ClPatientVersion>(html`<cl-patient-version .api=${await signedIn('therapist')} language="en" enrollment-id=${movedAlone.enrollmentId}></cl-patient-version>`);
    await until(() => deepAll(element, 'li.available').length === 1, 10_000);
    await settleAll(element);
    const available = deep(element, 'li.available');
    expect(available.textContent).to.contain('Version 2 is available');
    expect(available.textContent).to.contain('Minor change');
    expect(available.textContent).to.contain(PANIC_NOTES);
    expect(available.textContent).to.contain(`Answer to “${GOAL}” in ${PANIC}: the question is gone`);
    // Per answer: the choice made ("Something else") is gone, so this answer no longer fits.
    expect(available.textContent).to.contain(`Answer to “${FEAR}” in ${PANIC}: the answer no longer fits the question`);
    expect(available.textContent).to.contain(`“${FEAR}” in ${PANIC}: some answer choices are gone`);
    expect(await seriousViolations(element)).to.deep.equal([]);
    const sent = server.requests.length;
    (available.querySelector('[data-action="move"]') as HTMLButtonElement).click();
    await until(() => available.querySelector('[data-action="confirm-move"]'));
    expect(posts(sent)).to.deep.equal([]);
    (available.querySelector('[data-action="confirm-move"]') as HTMLButtonElement).click();
    await until(() => element.shadowRoot?.textContent?.includes('Moved from version 1 to version 2'), 10_000);
    const shown = element.shadowRoot!.textContent!;
    expect(shown).to.contain('Moved to version 2.');
    expect(shown).to.contain('(Minor change)');
    expect(shown).to.contain(`Answer to “${GOAL}” in ${PANIC}: the question is gone`);
    expect(deepAll(element, 'li.available')).to.have.length(0);
    expect(posts(sent)).to.deep.equal([{ method: 'POST', path: `/api/care/enrollments/${movedAlone.enrollmentId}/version-move`, body: { deploymentId: panicV2.id, fromDeploymentId: panic.id } }]);
    const { enrollment } = await server.call<{ enrollment: { modules: Array<{ moduleId: string; version: number }> } }>('arrange-therapist', 'GET', `/api/care/enrollments/${movedAlone.enrollmentId}`);
    expect(enrollment.modules).to.deep.equal([{ moduleId: 'panic-week-1', version: 2 }]);
  });

  it('shows a colleague\'s move at the same time as a refusal in words', async () => {
    const element = await fixture<ClPatientVersion>(html`<cl-patient-version .api=${await signedIn('therapist')} language="nb" enrollment-id=${movedByColleague.enrollmentId}></cl-patient-version>`);
    await until(() => deepAll(element, 'li.available').length === 1, 10_000);
    expect(deep(element, '[data-action="move"]').textContent).to.equal('Flytt til versjon 2');
    (deep(element, '[data-action="move"]') as HTMLButtonElement).click();
    await until(() => deepAll(element, '[data-action="confirm-move"]').length === 1);
    // Meanwhile the patient is moved from another therapist session, through the API (moving one
    // patient needs the therapist role; the demo unit has one therapist account).
    await server.call('arrange-therapist', 'POST', `/api/care/enrollments/${movedByColleague.enrollmentId}/version-move`, { deploymentId: panicV2.id, fromDeploymentId: panic.id });
    (deep(element, '[data-action="confirm-move"]') as HTMLButtonElement).click();
    await until(() => deepAll(element, '.form-error').length === 1, 10_000);
    expect(deep(element, '.form-error').textContent).to.contain('moved to another version meanwhile');
  });
});

describe('<cl-version-updates> on the real server', function () {
  this.timeout(60_000);

  it('speaks Swedish and Norwegian', async () => {
    const api = await signedIn('care-admin');
    for (const [language, text] of [['sv', 'Flytta alla 2 patienter till version 2'], ['nb', 'Flytt alle 2 pasienter til versjon 2']] as const) {
      const element = await fixture<ClVersionUpdates>(html`<cl-version-updates .api=${api} language=${language} unit-id=${unitId} unit-name="Demo clinic"></cl-version-updates>`);
      await until(() => deepAll(element, 'li.update').length === 2, 10_000);
      expect(deep(element, '[data-action="move"]').textContent).to.equal(text);
    }
  });

  it('shows each newer version with its notes, class and changes in words, and moves everyone to a minor one after confirming', async () => {
    await setViewport({ width: 360, height: 740 });
    try {
      const api = await signedIn('care-admin');
      const element = await fixture<ClVersionUpdates>(html`<cl-version-updates .api=${api} language="en" unit-id=${unitId} unit-name="Demo clinic"></cl-version-updates>`);
      await until(() => deepAll(element, 'li.update').length === 2, 10_000);
      await settleAll(element);
      const minor = deep(element, `li.update[data-update="${panic.id}"]`);
      expect(minor.textContent).to.contain(`${PANIC}: version 2 is released`);
      expect(minor.textContent).to.contain('Minor change');
      expect(minor.textContent).to.contain('This unit has version 1, with 2 patients on it.');
      expect(minor.textContent).to.contain(PANIC_NOTES);
      expect(minor.textContent).to.contain(`“${FEAR}” in ${PANIC}: some answer choices are gone`);
      expect(minor.textContent).to.contain(`“${GOAL}” in ${PANIC}: the question is gone`);
      const major = deep(element, `li.update[data-update="${phq9.id}"]`);
      expect(major.textContent).to.contain(`${PHQ9}: version 2 is released`);
      expect(major.textContent).to.contain('Major change');
      expect(major.textContent).to.contain('This unit has version 1, with 1 patient on it.');
      expect(major.textContent).to.contain(PHQ9_NOTES);
      expect(major.textContent).to.contain('Answers already given carry over unchanged.');
      expect(major.querySelector('[data-action="move"]')).to.equal(null);
      expect(major.querySelector('[data-action="deploy"]')?.textContent).to.equal('Deploy version 2');
      expect(overflowing(element, 360)).to.deep.equal([]);
      expect(await seriousViolations(element)).to.deep.equal([]);

      const sent = server.requests.length;
      (minor.querySelector('[data-action="move"]') as HTMLButtonElement).click();
      await until(() => minor.querySelector('[data-action="confirm-move"]'));
      expect(minor.textContent).to.contain('Move every patient of Demo clinic on version 1 to version 2?');
      expect(posts(sent)).to.deep.equal([]);
      (minor.querySelector('[data-action="confirm-move"]') as HTMLButtonElement).click();
      await until(() => element.shadowRoot?.textContent?.includes('2 patients moved to version 2.'), 10_000);
      const shown = element.shadowRoot!.textContent!;
      expect(shown).to.not.contain('had already been moved or had ended');
      // Of the two moved, only Bo had answered the goal question; nobody left had chosen "Something else".
      expect(shown).to.contain(`“${GOAL}” in ${PANIC}: not carried over for 1 patient`);
      expect(shown).to.not.contain(`“${FEAR}” in ${PANIC}: not carried over`);
      expect(posts(sent)).to.deep.equal([{ method: 'POST', path: `/api/care/deployments/${panic.id}/version-move`, body: { version: 2 } }]);
      const { deployments } = await server.call<{ deployments: Array<{ documentId: string; version: number; status: string }> }>('arrange-admin', 'GET', `/api/care/units/${unitId}/deployments`);
      expect(deployments.filter((deployment) => deployment.documentId === 'panic-week-1').map((deployment) => [deployment.version, deployment.status]).sort()).to.deep.equal([[1, 'withdrawn'], [2, 'active']]);
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });
});
