import { expect, fixture, html } from '@open-wc/testing';
import { ApiClient } from '@careloom/client/api';
import { deploy, enroll, PATIENT_PASSWORD, setStatus, type ArrangedPatient } from '@careloom/renderer/test-care';
import { startTestServer, type TestServer } from '@careloom/renderer/test-server';
import { pierce, pierceAll, seriousViolations, until } from '../shared/test-helpers.js';
import type { ClTodayScreen } from './today-screen.js';
import './today-screen.js';

describe('<cl-today-screen> with a paused program, against the real server', function () {
  this.timeout(120_000);
  let server: TestServer;
  let paused: ArrangedPatient;
  let active: ArrangedPatient;

  before(async () => {
    server = await startTestServer();
    const program = await deploy(server, 'panic-icbt-8-weeks');
    paused = await enroll(server, { deploymentId: program.id, name: 'Paula Paused', language: 'sv' });
    await setStatus(server, paused.enrollmentId, 'paused');
    active = await enroll(server, { deploymentId: program.id, name: 'Adam Active' });
  });
  after(async () => server.stop());

  const apiOf = async (patient: ArrangedPatient) => {
    const api = new ApiClient({ fetch: server.fetch(`${patient.jar}-app`) });
    await api.login(patient.email, PATIENT_PASSWORD);
    return api;
  };

  it('says first, in the patient\'s language, that the program is paused', async () => {
    const screen = await fixture<ClTodayScreen>(html`<cl-today-screen .api=${await apiOf(paused)} .language=${'sv'}></cl-today-screen>`);
    const notice = await until(() => pierceAll(screen, '[data-paused]')[0], 10_000);
    // The program's title as the server gives it to the patient.
    const { enrollments } = await server.call<{ enrollments: Array<{ id: string; title: string }> }>(paused.jar, 'GET', '/api/me/enrollments');
    const title = enrollments.find((enrollment) => enrollment.id === paused.enrollmentId)?.title;
    expect(notice.textContent).to.equal(`Din behandlare har pausat ”${title}”. Inget i det ska göras och du får inga påminnelser förrän det fortsätter; det du har öppnat kan du fortfarande läsa.`);
    // Before the messages and what is due, so an empty list is not mistaken for a fault.
    expect(notice.compareDocumentPosition(pierce(screen, 'section')) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(await seriousViolations(screen)).to.deep.equal([]);
  });

  it('says nothing of pauses when no program is paused', async () => {
    const screen = await fixture<ClTodayScreen>(html`<cl-today-screen .api=${await apiOf(active)} .language=${'en'}></cl-today-screen>`);
    await until(() => pierceAll(screen, 'section').length > 0, 10_000);
    expect(pierceAll(screen, '[data-paused]')).to.have.length(0);
  });
});
