import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { Unit } from '@careloom/format/api';
import { startTestServer } from '@careloom/renderer/test-server';
import { deep, deepAll, overflowing, seriousViolations, until } from '../shared/test-helpers.js';
import { arrangePatient } from './outreach-arrange.testing.js';
import type { ClStaffNoticesScreen } from './staff-notices-screen.js';
import './staff-notices-screen.js';

function type(root: Element, selector: string, value: string): void {
  const input = deep(root, selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('<cl-staff-notices-screen>, against the real server', function () {
  // Each test starts a server and signs three people in (scrypt): slow on a busy 2-core machine.
  this.timeout(120_000);
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('an admin posts information to a unit; its therapist sees it unread, reads it, and the count follows', async () => {
    const server = await startTestServer();
    try {
      const { admin, therapist, unit } = await arrangePatient(server);
      const units = (await admin.get<{ units: Unit[] }>('/api/care/units')).units;
      await setViewport({ width: 360, height: 740 });
      const posting = await fixture<ClStaffNoticesScreen>(html`<cl-staff-notices-screen .api=${admin} language="sv" organisation-id=${unit.organisationId} .units=${units}></cl-staff-notices-screen>`);
      await until(() => deep(posting, 'form'));
      type(posting, '#notice-title', 'Nya telefontider');
      type(posting, '#notice-body', 'Från måndag har vi öppet 8–12.');
      (deep(posting, 'button[type=submit]') as HTMLButtonElement).click();
      // No unit chosen: said at the units, nothing sent.
      expect(await until(() => deep(posting, '#unit-error')?.textContent || undefined)).to.equal('Välj minst en enhet.');
      expect(server.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/staff-notices'))).to.have.length(0);
      (deep(posting, `input[name="unit"][value="${unit.id}"]`) as HTMLInputElement).click();
      (deep(posting, 'input[name="email"]') as HTMLInputElement).click();
      (deep(posting, 'button[type=submit]') as HTMLButtonElement).click();
      await until(() => deepAll(posting, 'ul.posted [data-notice]').length === 1);
      expect(server.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/staff-notices')).map((request) => request.body)).to.deep.equal([
        { title: 'Nya telefontider', body: 'Från måndag har vi öppet 8–12.', unitIds: [unit.id], email: true },
      ]);
      expect(deep(posting, 'ul.posted .badge').textContent).to.equal('Mejlad');
      expect(overflowing(posting, 360)).to.deep.equal([]);
      expect(await seriousViolations(posting)).to.deep.equal([]);

      const counts: number[] = [];
      const reading = await fixture<ClStaffNoticesScreen>(html`<cl-staff-notices-screen .api=${therapist} language="en" @notices-changed=${(event: CustomEvent<number>) => counts.push(event.detail)}></cl-staff-notices-screen>`);
      await until(() => deepAll(reading, 'ul.mine [data-notice]').length === 1);
      expect(deep(reading, 'ul.mine h3').textContent).to.equal('Nya telefontider');
      expect(deep(reading, 'ul.mine .badge').textContent).to.equal('New');
      expect(deep(reading, 'p .badge').textContent).to.equal('1 unread');
      expect(deepAll(reading, 'form')).to.have.length(0);
      (deep(reading, 'button[data-action="read"]') as HTMLButtonElement).click();
      await until(() => deepAll(reading, 'button[data-action="read"]').length === 0);
      expect(counts).to.deep.equal([1, 0]);
      expect(overflowing(reading, 360)).to.deep.equal([]);
      expect(await seriousViolations(reading)).to.deep.equal([]);
    } finally {
      await server.stop();
    }
  });
});
