// An answer given offline, then sent after the patient was moved to a newer version of the module:
// the real server refuses it (409, response.version_moved; docs/answers-across-version-moves.md). The
// queue drops it and goes on with the rest, and the patient is told in their language, on the
// module and on whichever screen they are, to answer those questions again.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ApiClient } from '@careloom/client/api';
import type { ResponseDocument } from '@careloom/format/api';
import { COPD_GREEN, deploy, enroll, PATIENT_PASSWORD, recordedResponses, type ArrangedPatient } from '@careloom/renderer/test-care';
import { startTestServer, type TestServer } from '@careloom/renderer/test-server';
import { AnswerQueue, type QueuedResponse } from '../shared/answer-queue.js';
import { deepAll, memoryStorage, overflowing, pierce, pierceAll, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import { releaseNewVersion } from '../shared/test-versions.js';
import type { ClModulePlayer } from './module-player.js';
import type { ClPatientApp } from './patient-app.js';
import './module-player.js';
import './patient-app.js';

const NOTICE = {
  en: 'Your program was updated while you were offline.',
  sv: 'Ditt program uppdaterades medan du var offline.',
  nb: 'Programmet ditt ble oppdatert mens du var frakoblet.',
};

// One server for the file. PHQ-9 (deployed as a module) gets a minor version 2 that the player's
// patient is moved to during the first test; "Panic week 1" (deployed as a module) gets a minor
// version 2 and every patient of the app's tests is moved to it before they open the app.
let server: TestServer;
let phq9: { id: string };
let copd: { id: string };
let player: ArrangedPatient;
const app: Partial<Record<keyof typeof NOTICE, ArrangedPatient>> = {};
let jars = 0;

before(async function () {
  this.timeout(180_000);
  server = await startTestServer();
  phq9 = await deploy(server, 'phq-9');
  copd = await deploy(server, 'copd-home-follow-up');
  const panic = await deploy(server, 'panic-week-1');
  player = await enroll(server, { deploymentId: phq9.id, name: 'Pat Patient' });
  for (const language of ['en', 'sv', 'nb'] as const) app[language] = await enroll(server, { deploymentId: panic.id, name: `Pat ${language}` });
  expect(await releaseNewVersion(server, 'phq-9', { edit: ' (revised)', releaseClass: 'minor' })).to.equal(2);
  expect(await releaseNewVersion(server, 'panic-week-1', { edit: ' (revised)', releaseClass: 'minor' })).to.equal(2);
  // The care-provider admin moves every patient of the unit on "Panic week 1" version 1 to version 2.
  const moved = await server.call<{ moved: number }>('arrange-admin', 'POST', `/api/care/deployments/${panic.id}/version-move`, { version: 2 });
  expect(moved.moved).to.equal(3);
});
after(async () => server.stop());

const queued = (patient: ArrangedPatient, moduleId: string, moduleVersion: number, answers: ResponseDocument['answers'], extra: Partial<ResponseDocument> = {}): QueuedResponse => ({
  enrollmentId: patient.enrollmentId,
  body: { formatVersion: 1 as const, clientId: crypto.randomUUID(), moduleId, moduleVersion, answers, answeredAt: new Date(Date.now() - 60_000).toISOString(), ...extra },
});

/** The patient's own API client, signed in in a browser of its own; answers the client and the person's id. */
async function signedIn(patient: ArrangedPatient): Promise<{ api: ApiClient; personId: string; jar: string }> {
  const jar = `app-${++jars}`;
  const api = new ApiClient({ fetch: server.fetch(jar) });
  const session = await api.login(patient.email, PATIENT_PASSWORD);
  return { api, personId: session.person.id, jar };
}

describe('an answer queued offline before a version move, against the real server', function () {
  this.timeout(120_000);
  after(() => history.replaceState(null, '', `${location.pathname}${location.search}`));

  it('the server refuses it with 409 response.version_moved, the module player says so in plain words, and the queue drops it and sends the rest', async () => {
    // The same patient also follows COPD, whose daily report is queued behind the refused answer.
    const copdEnrollment = await enroll(server, { deploymentId: copd.id, name: 'Pat Patient', existing: player });
    const { api, jar } = await signedIn(player);
    const network = { online: true };
    const storage = memoryStorage();
    const key = `careloom.answers.${player.enrollmentId}`;
    const queue = new AnswerQueue({ api, storage, key, isOnline: () => network.online, target: window, retryMs: 0 });
    const element = await fixture<ClModulePlayer>(html`<cl-module-player .api=${api} .queue=${queue} .storage=${storage} language="en" enrollment-id=${player.enrollmentId} module-id="phq-9" .version=${1} ?fresh=${true}></cl-module-player>`);
    await until(() => pierceAll(element, 'cl-module-page h1').length > 0, 10_000);
    network.online = false;
    server.offline = true;
    pierce(element, 'cl-module-page input[name="phq9_1"][value="severalDays"]').click();
    await settleAll(element);
    expect(queue.pending).to.have.length(1);
    // Meanwhile the care-provider admin moves the unit's PHQ-9 patients to version 2.
    const moved = await server.call<{ moved: number; deployment: { version: number } }>('arrange-admin', 'POST', `/api/care/deployments/${phq9.id}/version-move`, { version: 2 });
    expect(moved).to.deep.include({ moved: 1 });
    expect(moved.deployment.version).to.equal(2);
    await queue.enqueue(queued(copdEnrollment, 'copd-daily-report', 1, { ...COPD_GREEN } as ResponseDocument['answers'], { registrationId: 'copdDaily' }));

    const posted = server.requests.length;
    network.online = true;
    server.offline = false;
    await queue.flush();
    await settleAll(element);
    const state = await until(() => pierceAll(element, '.save-state').find((candidate) => candidate.dataset.state === 'error'), 10_000);
    expect(state.textContent).to.equal('This module was updated while you were offline, so the answers you gave then were not saved. Please answer those questions again.');
    expect(queue.pending).to.have.length(0);
    expect(storage.getItem(key)).to.equal(null);
    // The refused answer was not stored; the daily report after it was.
    expect((await recordedResponses(server, player.enrollmentId)).map((response) => response.moduleId)).to.deep.equal([]);
    expect((await recordedResponses(server, copdEnrollment.enrollmentId)).map((response) => [response.moduleId, response.registrationId])).to.deep.equal([['copd-daily-report', 'copdDaily']]);
    const sent = server.requests.slice(posted).filter((request) => request.method === 'POST' && request.path.endsWith('/responses'));
    expect(sent.map((request) => request.path)).to.deep.equal([`/api/me/enrollments/${player.enrollmentId}/responses`, `/api/me/enrollments/${copdEnrollment.enrollmentId}/responses`]);
    // What the server answered the refused one: 409 with the issue the app tells apart.
    const refusal = await server.fetch(jar)(`/api/me/enrollments/${player.enrollmentId}/responses`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': api.csrfToken ?? '' }, body: JSON.stringify(sent[0]!.body),
    });
    expect(refusal.status).to.equal(409);
    expect(((await refusal.json()) as { issues: Array<{ code: string; path: string }> }).issues.map(({ code, path }) => ({ code, path }))).to.deep.equal([{ code: 'response.version_moved', path: '/moduleVersion' }]);
  });

  for (const language of ['en', 'sv', 'nb'] as const) {
    it(`the app tells the patient on Today, in their language, and the notice goes when dismissed (${language}, 360 px)`, async () => {
      await setViewport({ width: 360, height: 740 });
      try {
        const patient = app[language]!;
        const { api, personId } = await signedIn(patient);
        const storage = memoryStorage();
        storage.setItem('careloom.language', language);
        // Answered offline on version 1 in an earlier session, still on the device.
        const key = `careloom.answers.${personId}`;
        storage.setItem(key, JSON.stringify([queued(patient, 'panic-week-1', 1, { hadAttackLastWeek: true }, { pageId: 'welcome' })]));
        const posted = server.requests.length;
        history.replaceState(null, '', `${location.pathname}${location.search}#/today`);
        const element = await fixture<ClPatientApp>(html`<cl-patient-app .api=${api} .storage=${storage} .isOnline=${() => true}></cl-patient-app>`);
        await until(() => deepAll(element, '.version-moved').length > 0, 10_000);
        await settleAll(element);
        const notice = pierce(element, '.version-moved');
        expect(notice.getAttribute('role')).to.equal('alert');
        expect(notice.textContent).to.contain(NOTICE[language]);
        expect(notice.textContent).to.not.contain('panic-week-1');
        expect(storage.getItem(key)).to.equal(null);
        expect(server.requests.slice(posted).filter((request) => request.method === 'POST' && request.path === `/api/me/enrollments/${patient.enrollmentId}/responses`)).to.have.length(1);
        expect(await recordedResponses(server, patient.enrollmentId)).to.deep.equal([]);
        expect(overflowing(element.shadowRoot!, 360)).to.deep.equal([]);
        expect(await seriousViolations(element)).to.deep.equal([]);
        pierce(element, '.version-moved button').click();
        await settleAll(element);
        expect(deepAll(element, '.version-moved')).to.have.length(0);
      } finally {
        await setViewport({ width: 1024, height: 768 });
      }
    });
  }
});
