import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ApiClient } from '@careloom/client/api';
import { createFakeApi } from '../shared/test-api.js';
import type { FakeApi } from '../shared/test-api.js';
import { deep, deepAll, memoryStorage, overflowing, pierce, pierceAll, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClClinicApp } from './clinic-app.js';
import './clinic-app.js';

async function mountClinic(fake: FakeApi, hash: string): Promise<ClClinicApp> {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  const storage = memoryStorage();
  storage.setItem('careloom.language', 'en');
  const app = await fixture<ClClinicApp>(html`<cl-clinic-app .api=${new ApiClient({ fetch: fake.fetch })} .storage=${storage}></cl-clinic-app>`);
  await until(() => app.session !== undefined);
  await settleAll(app);
  return app;
}

const posts = (fake: FakeApi, path: string) => fake.requests.filter((request) => request.method !== 'GET' && request.path === path);

describe('<cl-clinic-app>', () => {
  after(() => history.replaceState(null, '', `${location.pathname}${location.search}`));

  it('lists the unit’s patients by attention, with worded badges', async () => {
    const fake = createFakeApi({ as: 'therapist' });
    const app = await mountClinic(fake, '#/patients');
    await until(() => pierceAll(app, '.patient').length === 4);
    expect(pierceAll(app, '.patient a.name').map((link) => link.textContent)).to.deep.equal(['Pat Patient', 'Una Unread', 'Olle Overdue', 'Quiet Quinn']);
    expect(pierceAll(app, '[data-enrollment="e1"] .badge').map((badge) => badge.textContent)).to.deep.equal(['1 open alert', '1 unread message', '1 overdue report']);
    expect(pierce(app, '[data-enrollment="e4"] .badges').textContent).to.contain('Paused');
  });

  it('shows therapists their menu, admins theirs, and sends each to their own start screen', async () => {
    const therapist = await mountClinic(createFakeApi({ as: 'therapist' }), '#/');
    expect(location.hash).to.equal('#/patients');
    expect(pierceAll(therapist, 'nav.main a').map((link) => link.textContent)).to.deep.equal(['Patients', 'Alerts', 'Referrals', 'Report', 'Notices', 'Sign-in security']);
    expect(pierceAll(therapist, 'select[name="unit"] option').map((option) => option.textContent)).to.deep.equal(['Clinic North', 'Clinic South']);
    therapist.remove();
    // A therapist who types the address of the admins' API tokens is sent to their own start, and no token call is made.
    const tokensFake = createFakeApi({ as: 'therapist' });
    const refused = await mountClinic(tokensFake, '#/api-tokens');
    expect(location.hash).to.equal('#/patients');
    expect(deepAll(refused, 'cl-api-tokens-screen')).to.have.length(0);
    expect(tokensFake.requests.filter((request) => request.path.includes('api-tokens'))).to.have.length(0);
    refused.remove();
    const admin = await mountClinic(createFakeApi({ as: 'admin' }), '#/patients');
    expect(location.hash).to.equal('#/units');
    expect(pierceAll(admin, 'nav.main a').map((link) => link.textContent)).to.deep.equal(['Report', 'Notices', 'Units', 'Catalog', 'Webhooks', 'API tokens', 'People', 'Research export', 'Outbox', 'Sign-in security']);
    admin.remove();
    // Opened (or reloaded) on a provider admin's screen, the admin stays there.
    const reloaded = await mountClinic(createFakeApi({ as: 'admin' }), '#/api-tokens');
    expect(location.hash).to.equal('#/api-tokens');
    expect(deepAll(reloaded, 'cl-api-tokens-screen')).to.have.length(1);
  });

  it('enrolls a patient: names bad fields, then shows the invitation code and link', async () => {
    const fake = createFakeApi({ as: 'therapist' });
    const app = await mountClinic(fake, '#/enroll');
    const form = await until(() => deepAll(app, 'cl-enroll-form').find((element) => deepAll(element, '#deploymentId option').length === 2));
    // The date picker offers only starts the server accepts (within a year of today), never year 9999.
    const startsOn = deep(form, '#startsOn') as HTMLInputElement;
    const dayMs = 86_400_000;
    expect(Math.round((Date.parse(startsOn.max) - Date.now()) / dayMs)).to.be.within(364, 366);
    expect(Math.round((Date.now() - Date.parse(startsOn.min)) / dayMs)).to.be.within(364, 366);
    (deep(form, '#deploymentId') as HTMLSelectElement).value = 'd1';
    (deep(form, '#name') as HTMLInputElement).value = 'Nina New';
    (deep(form, '#email') as HTMLInputElement).value = 'not-an-address';
    deep(form, 'button[type="submit"]').click();
    await settleAll(form);
    expect(deep(form, '#email-error').textContent).to.contain('e-mail');
    expect(posts(fake, '/api/care/units/u1/enrollments')).to.have.length(0);

    (deep(form, '#email') as HTMLInputElement).value = 'nina@example.org';
    deep(form, 'button[type="submit"]').click();
    await until(() => deepAll(form, '.invitation').length > 0);
    const card = deep(form, 'cl-invitation-card');
    await settleAll(card);
    expect(deep(card, '.code').textContent).to.equal('WXYZ7-9876K');
    expect(deep(card, '.url').getAttribute('href')).to.equal('https://careloom.example/#/invite/WXYZ7-9876K?lang=en');
    const sent = posts(fake, '/api/care/units/u1/enrollments')[0];
    expect(sent?.body).to.deep.equal({ deploymentId: 'd1', patient: { name: 'Nina New', email: 'nina@example.org' } });
    expect(sent?.csrf).to.equal('csrf-therapist');
  });

  it('patient page: acknowledges an alert, shows the score chart with bands, every answer, and the thread', async () => {
    const fake = createFakeApi({ as: 'therapist' });
    const app = await mountClinic(fake, '#/patients/e1');
    const page = await until(() => deepAll(app, 'cl-patient-page').find((element) => deepAll(element, 'cl-alert-list').length > 0));
    await settleAll(page);
    const alerts = deep(page, 'cl-alert-list');
    expect(deep(alerts, '.alert-message').textContent).to.contain('PHQ-9: Item 9');
    deep(alerts, '[data-action="acknowledge"]').click();
    // Acknowledging asks what was done; "something else" needs the therapist's words.
    await until(() => deepAll(alerts, 'form.alert-action').length > 0);
    expect((deep(alerts, '[data-action="confirm-acknowledge"]') as HTMLButtonElement).disabled).to.equal(true);
    (deep(alerts, 'input[value="other"]') as HTMLInputElement).click();
    await settleAll(alerts);
    (deep(alerts, '[data-action="confirm-acknowledge"]') as HTMLButtonElement).click();
    await until(() => deepAll(alerts, '.field-error').length > 0);
    expect(deep(alerts, '.field-error').textContent).to.equal('Say what you did.');
    expect(posts(fake, '/api/care/alerts/al1/acknowledge')).to.have.length(0);
    (deep(alerts, 'input[value="contacted"]') as HTMLInputElement).click();
    await settleAll(alerts);
    const note = deep(alerts, 'textarea[name="note"]') as HTMLTextAreaElement;
    note.value = 'Called, safe tonight';
    note.dispatchEvent(new Event('input'));
    await settleAll(alerts);
    (deep(alerts, '[data-action="confirm-acknowledge"]') as HTMLButtonElement).click();
    await until(() => deepAll(alerts, '.acknowledged').length > 0);
    expect(posts(fake, '/api/care/alerts/al1/acknowledge')).to.have.length(1);
    expect(posts(fake, '/api/care/alerts/al1/acknowledge')[0]?.body).to.deep.equal({ action: { kind: 'contacted', note: 'Called, safe tonight' } });
    expect(deep(alerts, '.acknowledged').textContent).to.contain('Theo Therapist');
    expect(deep(alerts, '.action-taken').textContent).to.contain('Contacted the patient: Called, safe tonight');
    expect(deepAll(alerts, '[data-action="acknowledge"]')).to.have.length(0);
    expect(deep(alerts, '[role="status"]').textContent).to.equal('Alert acknowledged.');

    const phq = await until(() => pierceAll(page, 'cl-line-chart[heading="PHQ-9, total score"]').find((chart) => deepAll(chart, 'canvas').length > 0));
    expect(deepAll(phq, '.legend li').map((item) => item.textContent)[0]).to.contain('Minimal');
    expect(deepAll(phq, 'tbody tr')).to.have.length(2);

    expect(pierce(page, '[data-response="resp-a"] summary').textContent).to.contain('PHQ-9 16 (Moderately severe depression)');
    await until(() => pierceAll(page, 'cl-message-thread .message').length === 3);
    expect(posts(fake, '/api/care/enrollments/e1/messages/read')).to.have.length(1);
  });

  it('patient page: shows every answer as the patient saw it, fetching each module version once, in the chosen language', async () => {
    const fake = createFakeApi({ as: 'therapist' });
    const app = await mountClinic(fake, '#/patients/e1');
    const page = await until(() => deepAll(app, 'cl-patient-page').find((element) => deepAll(element, '[data-response="resp-c"]').length > 0));
    for (const details of deepAll(page, 'details.response')) (details as HTMLDetailsElement).open = true;
    const cells = (responseId: string, itemId: string) => deepAll(page, `[data-response="${responseId}"] tr[data-item="${itemId}"] td`).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim());

    expect(deep(page, '[data-response="resp-a"] summary').textContent).to.contain('PHQ-9: how you have been feeling').and.contain('PHQ-9 16 (Moderately severe depression)');
    expect(cells('resp-a', 'phq9_1')).to.deep.equal(['Little interest or pleasure in doing things', 'Nearly every day']);
    expect(deep(page, '[data-response="resp-a"] tr.group th').textContent).to.equal('Patient Health Questionnaire-9');
    expect(deep(page, '[data-response="resp-b"] summary').textContent).to.contain('Daily COPD report · Daily COPD check').and.contain('Red zone');
    expect(cells('resp-b', 'breathlessness')).to.deep.equal(['How is your breathing today compared with a usual day?', 'Very breathless even when resting Red zone']);
    expect(cells('resp-b', 'temperature')).to.deep.equal(['Body temperature', '38.4 °C Yellow zone']);
    expect(cells('resp-b', 'extraReliever')?.[1]).to.equal('Yes');
    expect(cells('resp-c', 'diarySensations')).to.deep.equal(['Which sensations did you have?', 'Racing or pounding heart, Dizziness']);
    expect(cells('resp-c', 'diaryWhere')?.[1]).to.equal('On the bus to work');
    expect(deepAll(page, 'td').map((cell) => cell.textContent)).not.to.include('atRest');

    const fetched = () => fake.requests.filter((request) => request.path.includes('/module-versions/')).map((request) => request.path).sort();
    expect(fetched()).to.deep.equal(['/api/care/enrollments/e1/module-versions/copd-daily-report/1', '/api/care/enrollments/e1/module-versions/panic-week-1/1', '/api/care/enrollments/e1/module-versions/phq-9/1']);

    const picker = pierce(app, 'select[name="language"]') as HTMLSelectElement;
    picker.value = 'sv';
    picker.dispatchEvent(new Event('change'));
    await until(() => cells('resp-a', 'phq9_1')?.[1] === 'Nästan varje dag');
    expect(cells('resp-a', 'phq9_1')?.[0]).to.equal('Lite intresse eller glädje i att göra saker');
    expect(deep(page, '[data-response="resp-a"] summary').textContent).to.contain('PHQ-9: hur du har mått').and.contain('(Måttligt svår depression)');
    expect(cells('resp-b', 'temperature')).to.deep.equal(['Kroppstemperatur', '38,4 °C Gul zon']);
    expect(cells('resp-b', 'extraReliever')?.[1]).to.equal('Ja');
    expect(fetched(), 'no module fetched again').to.have.length(3);

    // With every answer open, the labelled rows and zone marks pass axe too.
    expect(await seriousViolations(page)).to.deep.equal([]);
  });

  it('patient page: pauses, and ends only after confirming', async () => {
    const fake = createFakeApi({ as: 'therapist' });
    const app = await mountClinic(fake, '#/patients/e1');
    const page = await until(() => deepAll(app, 'cl-patient-page').find((element) => deepAll(element, '[data-action="pause"]').length > 0));
    deep(page, '[data-action="pause"]').click();
    await until(() => deep(page, '.enrollment-status').textContent === 'Paused');
    expect(posts(fake, '/api/care/enrollments/e1').map((request) => request.body)).to.deep.equal([{ status: 'paused' }]);
    deep(page, '[data-action="end"]').click();
    await settleAll(page);
    expect(posts(fake, '/api/care/enrollments/e1')).to.have.length(1);
    deep(page, '[data-action="confirm-end"]').click();
    await until(() => deep(page, '.enrollment-status').textContent === 'Ended');
  });

  it('sets a patient’s own threshold and shows a refused one at its rule', async () => {
    const fake = createFakeApi({ as: 'therapist' });
    const app = await mountClinic(fake, '#/patients/e1');
    const editor = await until(() => pierceAll(app, 'cl-plan-editor').find((element) => deepAll(element, 'input').length === 2));
    const input = deep(editor, '#rule-copdDaily-fever') as HTMLInputElement;
    input.value = '60';
    input.dispatchEvent(new Event('input'));
    deep(editor, 'button[type="submit"]').click();
    await until(() => deepAll(editor, '.field-error').length > 0);
    expect(deep(editor, '[data-rule="fever"] .field-error').textContent).to.contain('between 34 and 42');
    input.value = '37,8';
    input.dispatchEvent(new Event('input'));
    deep(editor, 'button[type="submit"]').click();
    await until(() => deepAll(editor, '[data-rule="fever"] .hint').length > 0);
    const sent = posts(fake, '/api/care/enrollments/e1/plans/copd-daily-report/copdDaily').at(-1)?.body as { zones: Array<{ id: string; when: { value: number } }> };
    expect(sent.zones.find((rule) => rule.id === 'fever')?.when).to.deep.equal({ op: 'gte', item: 'temperature', value: 37.8 });
    expect(sent.zones.find((rule) => rule.id === 'highFever')?.when.value).to.equal(39);
  });

  it('accepts a referral into a deployment and shows its invitation', async () => {
    const fake = createFakeApi({ as: 'therapist' });
    const app = await mountClinic(fake, '#/referrals');
    const queue = await until(() => deepAll(app, 'cl-referral-queue').find((element) => deepAll(element, '.referral select option').length === 2));
    deep(queue, '[data-action="accept"]').click();
    await settleAll(queue);
    expect(deep(queue, '.field-error').textContent).to.contain('Choose a program');
    const select = deep(queue, '.referral select') as HTMLSelectElement;
    select.value = 'd1';
    select.dispatchEvent(new Event('change'));
    deep(queue, '[data-action="accept"]').click();
    await until(() => deepAll(queue, '.invitation').length > 0);
    expect(deep(queue, '.invitation').textContent).to.contain('REF55-5555M');
    expect(posts(fake, '/api/care/referrals/r1/accept')[0]?.body).to.deep.equal({ deploymentId: 'd1' });
  });

  it('reports the unit’s numbers and mean change per instrument', async () => {
    const app = await mountClinic(createFakeApi({ as: 'therapist' }), '#/report');
    await until(() => pierceAll(app, '[data-count]').length === 4);
    expect(pierceAll(app, '[data-count] strong').map((count) => count.textContent)).to.deep.equal(['12', '8', '3', '1']);
    expect(pierce(app, 'tr[data-instrument="phq9"]').textContent).to.contain('15.3').and.contain('8.7').and.contain('-6.6');
  });

  it('admin: deploys the current version of a catalog entry, withdraws a deployment, activates a unit and saves settings', async () => {
    const fake = createFakeApi({ as: 'admin' });
    const app = await mountClinic(fake, '#/catalog');
    // The panic program is already deployed to Clinic North: marked so, with no second Deploy.
    const catalog = await until(() => deepAll(app, 'cl-catalog-screen').find((element) => deepAll(element, '[data-marker="deployed"]').length === 1));
    expect(deepAll(catalog, '[data-action="deploy"]').length).to.equal(1);
    expect(deep(catalog, '[data-entry="copd-daily-report"] .release-notes').textContent).to.contain('Clearer wording of the breathing questions.');
    deep(catalog, '[data-entry="copd-daily-report"] [data-action="deploy"]').click();
    await until(() => deepAll(catalog, '[data-action="confirm-deploy"]').length === 1);
    expect(posts(fake, '/api/care/units/u1/deployments')).to.have.length(0);
    deep(catalog, '[data-action="confirm-deploy"]').click();
    await until(() => deep(catalog, '[data-entry="copd-daily-report"] [role="status"]').textContent?.includes('version 2'));
    expect(posts(fake, '/api/care/units/u1/deployments')[0]?.body).to.deep.equal({ documentId: 'copd-daily-report', version: 2 });

    location.hash = '#/units';
    const units = await until(() => pierceAll(app, 'cl-units-admin').find((element) => deepAll(element, '[data-action="activate"]').length === 1));
    deep(units, '[data-action="activate"]').click();
    await until(() => deepAll(units, '[data-action="activate"]').length === 0);
    expect(posts(fake, '/api/care/units/u2')[0]?.body).to.deep.equal({ active: true });

    location.hash = '#/units/u1';
    const settings = await until(() => pierceAll(app, 'cl-unit-settings').find((element) => deepAll(element, '[data-action="withdraw"]').length > 0));
    deep(settings, '[data-deployment="d1"] [data-action="withdraw"]').click();
    // Withdrawing asks first: nothing is sent until it is confirmed.
    await until(() => deepAll(settings, '[data-action="confirm-withdraw"]').length > 0);
    expect(posts(fake, '/api/care/deployments/d1/withdraw')).to.have.length(0);
    deep(settings, '[data-action="confirm-withdraw"]').click();
    await until(() => deepAll(settings, '[data-deployment="d1"] [data-action="withdraw"]').length === 0);
    (deep(settings, '#email') as HTMLInputElement).value = 'nope';
    deep(settings, 'form button[type="submit"]').click();
    await until(() => deepAll(settings, '#email-error').length > 0);
    expect(deep(settings, '#email-error').textContent).to.equal('Not an e-mail address.');
    (deep(settings, '#email') as HTMLInputElement).value = 'north@example.org';
    (deep(settings, '#crisisPhone') as HTMLInputElement).value = '1177';
    deep(settings, 'form button[type="submit"]').click();
    await until(() => deep(settings, 'form [role="status"]').textContent === 'The settings were saved.');
    const saved = posts(fake, '/api/care/units/u1').at(-1)?.body as { settings: Record<string, string> };
    expect(saved.settings).to.include({ email: 'north@example.org', crisisPhone: '1177' });
  });

  describe('accessibility (axe: no serious or critical violations) and 360 px', () => {
    before(async () => setViewport({ width: 360, height: 740 }));
    after(async () => setViewport({ width: 1024, height: 768 }));

    const screens: Array<[string, 'therapist' | 'admin' | null, string, string]> = [
      ['login', null, '#/login', 'cl-login-form'],
      ['patient list', 'therapist', '#/patients', '.patient'],
      ['enroll', 'therapist', '#/enroll', 'cl-enroll-form form'],
      ['patient page', 'therapist', '#/patients/e1', 'cl-plan-editor input'],
      ['unit alerts', 'therapist', '#/alerts', 'cl-alert-list .alert'],
      ['referrals', 'therapist', '#/referrals', '.referral'],
      ['report', 'therapist', '#/report', '[data-count]'],
      ['units', 'admin', '#/units', '.unit'],
      ['unit settings', 'admin', '#/units/u1', '.deployment'],
      ['catalog', 'admin', '#/catalog', '.entry'],
    ];
    for (const [name, role, hash, ready] of screens) {
      it(name, async () => {
        const app = await mountClinic(createFakeApi({ as: role }), hash);
        await until(() => pierceAll(app, ready).length > 0);
        await settleAll(app);
        expect(document.documentElement.scrollWidth, 'document width').to.be.at.most(360);
        expect(overflowing(app, 360)).to.deep.equal([]);
        expect(await seriousViolations(app)).to.deep.equal([]);
      });
    }
  });
});
