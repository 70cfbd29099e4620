import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { startTestServer } from '@careloom/renderer/test-server';
import { deep, deepAll, overflowing, seriousViolations, until } from '../shared/test-helpers.js';
import { arrangePatient } from './outreach-arrange.testing.js';
import type { ClPatientOutreach } from './patient-outreach.js';
import './patient-outreach.js';

describe('<cl-patient-outreach>, against the real server', function () {
  // Each test starts a server and signs three people in (scrypt): slow on a busy 2-core machine.
  this.timeout(120_000);
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('sends a reminder once a day and shows it in the patient\'s timeline', async () => {
    const server = await startTestServer();
    try {
      const { therapist, enrollmentId } = await arrangePatient(server, 'sv');
      await setViewport({ width: 360, height: 740 });
      const panel = await fixture<ClPatientOutreach>(html`<cl-patient-outreach .api=${therapist} language="en" enrollment-id=${enrollmentId} status="active" accepted></cl-patient-outreach>`);
      const button = await until(() => deep(panel, 'button[data-action="remind"]') as HTMLButtonElement | null);
      expect(deep(panel, '.muted').textContent).to.equal('Nothing has been e-mailed to the patient yet.');
      expect(button.disabled).to.equal(false);
      button.click();
      await until(() => deep(panel, '[role=status]').textContent === 'Reminder sent.');
      expect(button.disabled).to.equal(true);
      expect(deepAll(panel, '[data-notice]').map((item) => item.querySelector('strong')?.textContent)).to.deep.equal(['Reminder sent by Theo Therapist']);
      expect(server.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/reminders'))).to.have.length(1);
      expect(overflowing(panel, 360)).to.deep.equal([]);
      expect(await seriousViolations(panel)).to.deep.equal([]);

      // Shown again later the same day, in Swedish: sent today, so the button stays off.
      const again = await fixture<ClPatientOutreach>(html`<cl-patient-outreach .api=${therapist} language="sv" enrollment-id=${enrollmentId} status="active" accepted></cl-patient-outreach>`);
      await until(() => deepAll(again, '[data-notice]').length === 1);
      expect(deep(again, '[role=status]').textContent).to.equal('En påminnelse skickades i dag. Du kan skicka nästa i morgon.');
      expect((deep(again, 'button[data-action="remind"]') as HTMLButtonElement).disabled).to.equal(true);
      expect(deep(again, '[data-notice] strong').textContent).to.equal('Påminnelse skickad av Theo Therapist');
    } finally {
      await server.stop();
    }
  });

  it('tells the therapist that the patient turned e-mail off, in Norwegian, and offers no reminder', async () => {
    const server = await startTestServer();
    try {
      const { therapist, patient, enrollmentId } = await arrangePatient(server);
      await patient.put('/api/me/notice-settings', { emailNotices: false });
      const panel = await fixture<ClPatientOutreach>(html`<cl-patient-outreach .api=${therapist} language="nb" enrollment-id=${enrollmentId} status="active" accepted></cl-patient-outreach>`);
      await until(() => deep(panel, '.notices-off'));
      expect(deep(panel, '.notices-off').textContent).to.equal('Pasienten har slått av e-post fra Careloom. Nå pasienten med en melding eller på telefon.');
      expect((deep(panel, 'button[data-action="remind"]') as HTMLButtonElement).disabled).to.equal(true);
      // An ended enrollment shows no button at all.
      const ended = await fixture<ClPatientOutreach>(html`<cl-patient-outreach .api=${therapist} language="en" enrollment-id=${enrollmentId} status="ended" accepted></cl-patient-outreach>`);
      await until(() => deep(ended, '.muted'));
      expect(deepAll(ended, 'button')).to.have.length(0);
    } finally {
      await server.stop();
    }
  });
});
