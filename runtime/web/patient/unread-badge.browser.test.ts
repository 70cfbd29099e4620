import { expect, fixture, html } from '@open-wc/testing';
import { ApiClient } from '@careloom/client/api';
import { deploy, enroll, PATIENT_PASSWORD, therapistWrites, type ArrangedPatient } from '@careloom/renderer/test-care';
import { startTestServer, type TestServer } from '@careloom/renderer/test-server';
import { deepAll, memoryStorage, pierce, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClPatientApp } from './patient-app.js';
import './patient-app.js';

let jars = 0;

/** The patient app signed in as `patient` (in a browser of its own) at `hash`. */
async function mountApp(server: TestServer, patient: ArrangedPatient, hash: string, language = 'en'): Promise<ClPatientApp> {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  const storage = memoryStorage();
  storage.setItem('careloom.language', language);
  const api = new ApiClient({ fetch: server.fetch(`app-${++jars}`) });
  await api.login(patient.email, PATIENT_PASSWORD);
  const app = await fixture<ClPatientApp>(html`<cl-patient-app .api=${api} .storage=${storage} .isOnline=${() => true}></cl-patient-app>`);
  await settleAll(app);
  return app;
}

/** What a screen reader reads for an element: its text without aria-hidden parts. */
function spokenText(element: Element): string {
  return [...element.childNodes].map((node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (node instanceof Element && node.getAttribute('aria-hidden') !== 'true') return spokenText(node);
    return '';
  }).join('').replace(/\s+/g, ' ').trim();
}

const messagesLink = (app: ClPatientApp) => pierce(app, 'nav.main a[href="#/messages"]');

describe('<cl-patient-app> unread badge, against the real server', function () {
  this.timeout(120_000);
  let server: TestServer;
  let program: { id: string };
  before(async () => {
    server = await startTestServer();
    program = await deploy(server, 'panic-icbt-8-weeks');
  });
  after(async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    await server.stop();
  });

  /** A patient with two unread messages from the therapist. */
  async function withTwoUnread(): Promise<ArrangedPatient> {
    const patient = await enroll(server, { deploymentId: program.id, name: 'Pat Patient' });
    await therapistWrites(server, patient.enrollmentId, 'Welcome to the program!');
    await therapistWrites(server, patient.enrollmentId, 'Remember the diary.');
    return patient;
  }

  it('shows the unread count on Messages once Today loads, says it in words, and clears it after reading', async () => {
    const patient = await withTwoUnread();
    const app = await mountApp(server, patient, '#/today');
    await until(() => deepAll(app, '.nav-unread').length > 0, 10_000);
    expect(pierce(app, '.nav-unread').textContent).to.equal('2');
    expect(spokenText(messagesLink(app))).to.equal('Messages, 2 unread');
    expect(await seriousViolations(app)).to.deep.equal([]);

    location.hash = '#/messages';
    await until(() => server.requests.some((request) => request.method === 'POST' && request.path === `/api/me/enrollments/${patient.enrollmentId}/messages/read`), 10_000);
    await until(() => deepAll(app, '.nav-unread').length === 0, 10_000);
    expect(spokenText(messagesLink(app))).to.equal('Messages');
    expect(server.requests.filter((request) => request.path === '/api/me/today').length).to.be.greaterThan(1);
    // The server has them as read: a fresh Today counts none.
    const today = await server.call<{ messages: { unread: number } }>(patient.jar, 'GET', '/api/me/today');
    expect(today.messages.unread).to.equal(0);
  });

  it('asks for the count when the patient starts on another screen, and words it in their language', async () => {
    const app = await mountApp(server, await withTwoUnread(), '#/program', 'sv');
    await until(() => deepAll(app, '.nav-unread').length > 0, 10_000);
    expect(spokenText(messagesLink(app))).to.equal('Meddelanden, 2 olästa');
    expect(deepAll(app, 'cl-today-screen')).to.have.length(0);
  });

  it('shows no badge when nothing is unread', async () => {
    // A message the patient has read already.
    const patient = await enroll(server, { deploymentId: program.id, name: 'Rea Read' });
    await therapistWrites(server, patient.enrollmentId, 'Welcome to the program!');
    await server.call(patient.jar, 'POST', `/api/me/enrollments/${patient.enrollmentId}/messages/read`);
    const app = await mountApp(server, patient, '#/today');
    await until(() => deepAll(app, '.newest-message').length > 0, 10_000);
    await settleAll(app);
    expect(deepAll(app, '.nav-unread')).to.have.length(0);
    expect(spokenText(messagesLink(app))).to.equal('Messages');
  });
});
