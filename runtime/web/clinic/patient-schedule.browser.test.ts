import { expect, fixture, html } from '@open-wc/testing';
import { ApiClient } from '@careloom/client/api';
import { changeSchedule, deploy, enroll, setStatus, signInAgain } from '@careloom/renderer/test-care';
import { startTestServer, type TestServer } from '@careloom/renderer/test-server';
import { pierce, pierceAll, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClPatientSchedule } from './patient-schedule.js';
import './patient-schedule.js';

const DAY_MS = 24 * 3_600_000;

// One server for the file, on a clock of its own (the pause test moves it three days); each test
// enrolls its own patient, so none sees another's changes.
describe('<cl-patient-schedule>, against the real server', function () {
  this.timeout(120_000);
  let server: TestServer;
  let panic: { id: string };
  let copd: { id: string };
  let jars = 0;

  before(async () => {
    server = await startTestServer({ clock: new Date().toISOString() });
    panic = await deploy(server, 'panic-icbt-8-weeks');
    copd = await deploy(server, 'copd-home-follow-up');
  });
  after(async () => server.stop());

  const changesSent = () => server.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/schedule/changes')).map((request) => request.body);

  async function mount(language: string, enrollmentId: string, status = 'active') {
    const api = new ApiClient({ fetch: server.fetch(`clinic-${++jars}`) });
    await api.login(server.account('therapist').email, server.account('therapist').password);
    const element = await fixture<ClPatientSchedule>(html`<cl-patient-schedule .api=${api} .language=${language} enrollment-id=${enrollmentId} status=${status}></cl-patient-schedule>`);
    await until(() => pierceAll(element, '[data-module-key]').length > 0 || pierceAll(element, 'form[data-registration]').length > 0, 10_000);
    await settleAll(element);
    return element;
  }

  it('opens a locked module early and hides a module, sending the revision it was shown', async () => {
    const patient = await enroll(server, { deploymentId: panic.id, name: 'Pat Patient' });
    const element = await mount('en', patient.enrollmentId);
    const before = changesSent().length;
    const unlock = pierce(element, '[data-module-key="week3"] [data-action="unlock"]') as HTMLButtonElement;
    expect(unlock.textContent?.trim()).to.equal('Open now');
    expect(unlock.getAttribute('aria-label')).to.equal('Open now: Week 3: Catastrophic thoughts');
    unlock.click();
    await until(() => pierce(element, '[data-module-key="week3"]').textContent?.includes('Opened early'), 10_000);
    expect(changesSent().slice(before)).to.deep.equal([{ kind: 'unlockEarly', moduleKey: 'week3', revision: 0 }]);
    (pierce(element, '[data-module-key="week2"] [data-action="hide"]') as HTMLButtonElement).click();
    await until(() => pierce(element, '[data-module-key="week2"]').textContent?.includes('Hidden from the patient'), 10_000);
    expect(changesSent().at(-1)).to.deep.equal({ kind: 'hideModule', moduleKey: 'week2', revision: 1 });
    expect(pierce(element, '[data-notice]').textContent).to.equal('Saved.');
    expect(await seriousViolations(element)).to.deep.equal([]);
  });

  it('sets the patient\'s own report deadline, and shows the program\'s with the unit\'s time zone', async () => {
    const patient = await enroll(server, { deploymentId: copd.id, name: 'Cole Copd' });
    const element = await mount('sv', patient.enrollmentId);
    const form = pierce(element, 'form[data-registration="copdDaily"]') as HTMLFormElement;
    expect(form.querySelector('label')?.textContent).to.equal('Tid för den här patienten: Daglig KOL-kontroll');
    expect(form.querySelector('.hint')?.textContent).to.equal('Programmets tid är 12:00 (Europe/Stockholm).');
    const input = form.querySelector('input') as HTMLInputElement;
    input.value = '18:30';
    form.requestSubmit();
    await until(() => pierceAll(element, '[data-action="reset-deadline"]').length > 0, 10_000);
    expect(changesSent().at(-1)).to.deep.equal({ kind: 'setDeadline', registrationId: 'copdDaily', deadline: '18:30', revision: 0 });
    expect(pierce(element, '[data-action="reset-deadline"]').textContent).to.equal('Använd programmets tid');
  });

  it('says in the clinic\'s language that the program is paused and what pauses did', async () => {
    const patient = await enroll(server, { deploymentId: panic.id, name: 'Paula Paused' });
    await setStatus(server, patient.enrollmentId, 'paused');
    const paused = await mount('nb', patient.enrollmentId, 'paused');
    expect(pierce(paused, '[data-paused]').textContent).to.contain('Programmet er satt på pause');
    expect(await seriousViolations(paused)).to.deep.equal([]);
    // Three days later the therapist resumes it: the rest of the program comes three days later.
    await server.moveClock({ advanceMs: 3 * DAY_MS });
    await signInAgain(server);
    await setStatus(server, patient.enrollmentId, 'active');
    const resumed = await mount('en', patient.enrollmentId, 'active');
    expect(pierceAll(resumed, '[data-paused]')).to.have.length(0);
    expect(pierce(resumed, '[data-paused-days]').textContent).to.equal('Pauses have moved the rest of the program 3 days later.');
  });

  it('shows a colleague\'s concurrent change as a refusal and loads the schedule again', async () => {
    const patient = await enroll(server, { deploymentId: panic.id, name: 'Cody Concurrent' });
    const element = await mount('en', patient.enrollmentId);
    // Someone else changes the schedule first.
    await changeSchedule(server, patient.enrollmentId, { kind: 'hideModule', moduleKey: 'week3' });
    (pierce(element, '[data-module-key="week2"] [data-action="hide"]') as HTMLButtonElement).click();
    await until(() => pierceAll(element, '[data-error]').length > 0, 10_000);
    expect(pierce(element, '[data-error]').textContent).to.contain('same time');
    await until(() => pierce(element, '[data-module-key="week3"]').textContent?.includes('Hidden from the patient'), 10_000);
  });
});
