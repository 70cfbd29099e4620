import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { startTestServer } from '@careloom/renderer/test-server';
import { arrangePatient } from '../clinic/outreach-arrange.testing.js';
import { deep, overflowing, seriousViolations, until } from '../shared/test-helpers.js';
import type { ClSettingsScreen } from './settings-screen.js';
import './settings-screen.js';

describe('<cl-settings-screen>, against the real server', function () {
  // Each test starts a server and signs three people in (scrypt): slow on a busy 2-core machine.
  this.timeout(120_000);
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('turns e-mail notices off and on, kept by the server, in the patient\'s language, on a phone', async () => {
    const server = await startTestServer();
    try {
      const { patient } = await arrangePatient(server, 'sv');
      await setViewport({ width: 360, height: 740 });
      const screen = await fixture<ClSettingsScreen>(html`<cl-settings-screen .api=${patient} language="sv"></cl-settings-screen>`);
      const box = await until(() => deep(screen, 'input[name="emailNotices"]') as HTMLInputElement | null);
      expect(deep(screen, 'h1').textContent).to.equal('Inställningar');
      expect(deep(screen, 'label.check').textContent?.trim()).to.equal('Mejla mig när något nytt väntar: ett meddelande, nytt material eller en påminnelse från min vårdenhet');
      expect(box.checked).to.equal(true);
      box.click();
      await until(() => deep(screen, '[role=status]').textContent === 'Inställningarna har sparats.');
      expect(server.requests.filter((request) => request.method === 'PUT').map((request) => [request.path, request.body])).to.deep.equal([['/api/me/notice-settings', { emailNotices: false }]]);
      expect(await patient.get('/api/me/notice-settings')).to.deep.equal({ emailNotices: false });
      expect(overflowing(screen, 360)).to.deep.equal([]);
      expect(await seriousViolations(screen)).to.deep.equal([]);

      // Shown again (another visit), the choice is what the server kept; Norwegian this time.
      const again = await fixture<ClSettingsScreen>(html`<cl-settings-screen .api=${patient} language="nb"></cl-settings-screen>`);
      const kept = await until(() => deep(again, 'input[name="emailNotices"]') as HTMLInputElement | null);
      expect(kept.checked).to.equal(false);
      expect(deep(again, '.hint').textContent).to.equal('E-posten sier bare at noe venter og lenker til Careloom. Den sier aldri hva det gjelder.');
      kept.click();
      await until(() => deep(again, '[role=status]').textContent === 'Innstillingene er lagret.');
      expect(await patient.get('/api/me/notice-settings')).to.deep.equal({ emailNotices: true });
    } finally {
      await server.stop();
    }
  });

  it('says so in plain words when the change could not be saved, and keeps the box as the server has it', async () => {
    const server = await startTestServer();
    try {
      const { patient } = await arrangePatient(server);
      const screen = await fixture<ClSettingsScreen>(html`<cl-settings-screen .api=${patient} language="en"></cl-settings-screen>`);
      const box = await until(() => deep(screen, 'input[name="emailNotices"]') as HTMLInputElement | null);
      server.offline = true;
      box.click();
      expect(await until(() => deep(screen, '[role=alert]')?.textContent || undefined)).to.equal('You are offline. Check your connection and try again.');
      expect(box.checked).to.equal(true);
      server.offline = false;
      expect(await patient.get('/api/me/notice-settings')).to.deep.equal({ emailNotices: true });
    } finally {
      await server.stop();
    }
  });
});
