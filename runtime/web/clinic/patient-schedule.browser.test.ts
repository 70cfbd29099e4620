import { expect, fixture, html } from '@open-wc/testing';
import { ApiClient } from '@careloom/client/api';
import { createFakeApi } from '../shared/test-api.js';
import { pierce, pierceAll, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClPatientSchedule } from './patient-schedule.js';
import './patient-schedule.js';

async function mount(language: string, status = 'active') {
  const fake = createFakeApi({ as: 'therapist' });
  const row = fake.state.patients.find((patient) => patient.enrollmentId === 'e1')!;
  row.status = status as typeof row.status;
  const api = new ApiClient({ fetch: fake.fetch });
  api.csrfToken = 'csrf-therapist';
  const element = await fixture<ClPatientSchedule>(html`<cl-patient-schedule .api=${api} .language=${language} enrollment-id="e1" status=${status}></cl-patient-schedule>`);
  await until(() => pierceAll(element, '[data-module-key]').length > 0);
  await settleAll(element);
  return { fake, element };
}

describe('<cl-patient-schedule>', () => {
  it('opens a locked module early and hides a module, sending the revision it was shown', async () => {
    const { fake, element } = await mount('en');
    const unlock = pierce(element, '[data-module-key="week3"] [data-action="unlock"]') as HTMLButtonElement;
    expect(unlock.textContent?.trim()).to.equal('Open now');
    expect(unlock.getAttribute('aria-label')).to.equal('Open now: Week 3');
    unlock.click();
    await until(() => pierce(element, '[data-module-key="week3"]').textContent?.includes('Opened early'));
    expect(fake.requests.filter((request) => request.method === 'POST').map((request) => request.body)).to.deep.equal([{ kind: 'unlockEarly', moduleKey: 'week3', revision: 0 }]);
    (pierce(element, '[data-module-key="week2"] [data-action="hide"]') as HTMLButtonElement).click();
    await until(() => pierce(element, '[data-module-key="week2"]').textContent?.includes('Hidden from the patient'));
    expect(fake.requests.filter((request) => request.method === 'POST').at(-1)?.body).to.deep.equal({ kind: 'hideModule', moduleKey: 'week2', revision: 1 });
    expect(pierce(element, '[data-notice]').textContent).to.equal('Saved.');
    expect(await seriousViolations(element)).to.deep.equal([]);
  });

  it('sets the patient\'s own report deadline, and shows the program\'s with the unit\'s time zone', async () => {
    const { fake, element } = await mount('sv');
    const form = pierce(element, 'form[data-registration="copdDaily"]') as HTMLFormElement;
    expect(form.querySelector('label')?.textContent).to.equal('Tid för den här patienten: Daily report');
    expect(form.querySelector('.hint')?.textContent).to.equal('Programmets tid är 12:00 (Europe/Stockholm).');
    const input = form.querySelector('input') as HTMLInputElement;
    input.value = '18:30';
    form.requestSubmit();
    await until(() => pierceAll(element, '[data-action="reset-deadline"]').length > 0);
    expect(fake.requests.filter((request) => request.method === 'POST').at(-1)?.body).to.deep.equal({ kind: 'setDeadline', registrationId: 'copdDaily', deadline: '18:30', revision: 0 });
    expect(pierce(element, '[data-action="reset-deadline"]').textContent).to.equal('Använd programmets tid');
  });

  it('says in the clinic\'s language that the program is paused and what pauses did', async () => {
    const paused = await mount('nb', 'paused');
    expect(pierce(paused.element, '[data-paused]').textContent).to.contain('Programmet er satt på pause');
    const resumed = await mount('en', 'active');
    expect(pierceAll(resumed.element, '[data-paused]')).to.have.length(0);
    expect(pierce(resumed.element, '[data-paused-days]').textContent).to.equal('Pauses have moved the rest of the program 3 days later.');
    expect(await seriousViolations(paused.element)).to.deep.equal([]);
  });

  it('shows a colleague\'s concurrent change as a refusal and loads the schedule again', async () => {
    const { fake, element } = await mount('en');
    // Someone else changes the schedule first.
    await fake.fetch('/api/care/enrollments/e1/schedule/changes', { method: 'POST', body: JSON.stringify({ kind: 'hideModule', moduleKey: 'week3' }), headers: { 'X-CSRF-Token': 'csrf-therapist' } });
    (pierce(element, '[data-module-key="week2"] [data-action="hide"]') as HTMLButtonElement).click();
    await until(() => pierceAll(element, '[data-error]').length > 0);
    expect(pierce(element, '[data-error]').textContent).to.contain('same time');
    await until(() => pierce(element, '[data-module-key="week3"]').textContent?.includes('Hidden from the patient'));
  });
});
