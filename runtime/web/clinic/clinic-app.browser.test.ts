import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ApiClient } from '@careloom/client/api';
import { COPD_GREEN, demoClinic, deploy, enroll, patientWrites, phq9Answers, recordedResponses, respond, setIntake, setStatus, signInAgain, therapistWrites, type ArrangedPatient, type ArrangedUnit } from '@careloom/renderer/test-care';
import { startTestServer, type TestServer } from '@careloom/renderer/test-server';
import { deep, deepAll, memoryStorage, overflowing, pierce, pierceAll, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClClinicApp } from './clinic-app.js';
import './clinic-app.js';

const DAY_MS = 24 * 3_600_000;
/**
 * The server's clock at the start: 10:00 UTC today (yesterday before then), so that no midnight in the
 * unit's time zone falls between arranging and checking. Taken from `now`, the numbers of due and
 * overdue reports changed with the hour the suite ran (an answer at 23:30 in Stockholm fell before
 * the program started at 00:05).
 */
const START = (() => {
  const start = new Date();
  start.setUTCHours(10, 0, 0, 0);
  return start.getTime() > Date.now() ? start.getTime() - DAY_MS : start.getTime();
})();
const minutesAgo = (minutes: number) => new Date(START - minutes * 60_000).toISOString();

// One server for the file, on a clock of its own, arranged through the API and then moved four days on:
// Pat (panic program) has PHQ-9 11 and then 16 with item 9 answered (an urgent alert), a homework
// page, three messages of which her last is unread, and GAD-7 overdue; Una has one unread message;
// Olle is paused; Quinn has nothing; Cole (COPD) sent a red report and has missed reports since.
// A self-referral waits, and the admin has a second, inactive unit. Tests that change state (pausing,
// acknowledging, withdrawing) come after those that read it, or use what no other test reads.
let server: TestServer;
let unit: ArrangedUnit;
let panic: { id: string };
let copd: { id: string };
let pat: ArrangedPatient;
let una: ArrangedPatient;
let olle: ArrangedPatient;
let quinn: ArrangedPatient;
let cole: ArrangedPatient;
let jars = 0;

before(async function () {
  this.timeout(240_000);
  server = await startTestServer({ clock: new Date(START).toISOString() });
  unit = await demoClinic(server);
  panic = await deploy(server, 'panic-icbt-8-weeks');
  copd = await deploy(server, 'copd-home-follow-up');
  await setIntake(server, (await deploy(server, 'phq-9')).id);
  const south = await server.call<{ id: string }>('arrange-admin', 'POST', `/api/care/providers/${unit.organisationId}/units`, { name: 'Clinic South', timeZone: 'Europe/Stockholm' });
  await server.call('arrange-admin', 'PATCH', `/api/care/units/${south.id}`, { active: false });
  pat = await enroll(server, { deploymentId: panic.id, name: 'Pat Patient' });
  await respond(server, pat, 'phq-9', phq9Answers(11), { completes: true, answeredAt: minutesAgo(60) });
  await respond(server, pat, 'phq-9', { ...phq9Answers(16, 'severalDays'), phq9_1: 'nearlyEveryDay', phq9_2: 'moreThanHalf', phq9_3: 'moreThanHalf', phq9_4: 'moreThanHalf', phq9_5: 'moreThanHalf', phq9_6: 'moreThanHalf', phq9_7: 'moreThanHalf', phq9_8: 'notAtAll' }, { completes: true, answeredAt: minutesAgo(30) });
  await respond(server, pat, 'panic-week-1', { hadAttackLastWeek: true, mainFear: 'heart', diaryWhen: '2026-03-04T14:30', diaryWhere: 'On the bus to work', diarySensations: ['palpitations', 'dizzy'], diaryPeak: 7, diaryDuration: 15 }, { answeredAt: minutesAgo(20) });
  // A minute between messages: the server's clock stands still otherwise.
  await therapistWrites(server, pat.enrollmentId, 'Welcome to the program!');
  await server.moveClock({ advanceMs: 60_000 });
  await therapistWrites(server, pat.enrollmentId, 'How did the breathing exercise go?');
  await server.moveClock({ advanceMs: 60_000 });
  await patientWrites(server, pat, 'Thank you, I have started.');
  una = await enroll(server, { deploymentId: panic.id, name: 'Una Unread' });
  await patientWrites(server, una, 'Hello?');
  olle = await enroll(server, { deploymentId: panic.id, name: 'Olle Paused' });
  await setStatus(server, olle.enrollmentId, 'paused');
  quinn = await enroll(server, { deploymentId: panic.id, name: 'Quiet Quinn' });
  cole = await enroll(server, { deploymentId: copd.id, name: 'Cole Copd' });
  await respond(server, cole, 'copd-daily-report', { ...COPD_GREEN, breathlessness: 'atRest', cough: 'more', sputumColour: 'yellow', temperature: 38.4, extraReliever: true }, { registrationId: 'copdDaily', answeredAt: minutesAgo(10) });
  await server.call('referral', 'POST', `/api/public/units/${unit.id}/intake`, { contact: { name: 'Rita Referral', email: 'rita@example.org' }, response: { formatVersion: 1, clientId: crypto.randomUUID(), moduleId: 'phq-9', moduleVersion: 1, answers: phq9Answers(12), completes: true, answeredAt: minutesAgo(5) } });
  // Four days on: Pat's GAD-7 (due within three days) is overdue; every session has ended.
  await server.moveClock({ advanceMs: 4 * DAY_MS });
  await signInAgain(server);
});
after(async () => server.stop());

async function mountClinic(key: 'therapist' | 'care-admin' | null, hash: string): Promise<ClClinicApp> {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  const storage = memoryStorage();
  storage.setItem('careloom.language', 'en');
  // As someone who chose the demo clinic before (the admin has a second unit).
  storage.setItem('careloom.clinic.unit', unit.id);
  const api = new ApiClient({ fetch: server.fetch(`clinic-${++jars}`) });
  if (key) await api.login(server.account(key).email, server.account(key).password);
  const app = await fixture<ClClinicApp>(html`<cl-clinic-app .api=${api} .storage=${storage}></cl-clinic-app>`);
  await until(() => app.session !== undefined, 10_000);
  await settleAll(app);
  return app;
}

const posts = (path: string) => server.requests.filter((request) => request.method !== 'GET' && request.path === path);

describe('<cl-clinic-app>, against the real server', function () {
  this.timeout(120_000);
  after(() => history.replaceState(null, '', `${location.pathname}${location.search}`));

  it('lists the unit’s patients by attention, with worded badges', async () => {
    const app = await mountClinic('therapist', '#/patients');
    await until(() => pierceAll(app, '.patient').length === 5, 10_000);
    // Cole's red report and missed reports (several open alerts) lead; then alerts, unread messages,
    // overdue reports and days without activity (Quinn's four; a paused program waits for nothing).
    expect(pierceAll(app, '.patient a.name').map((link) => link.textContent)).to.deep.equal(['Cole Copd', 'Pat Patient', 'Una Unread', 'Quiet Quinn', 'Olle Paused']);
    expect(pierceAll(app, `[data-enrollment="${pat.enrollmentId}"] .badge`).map((badge) => badge.textContent)).to.deep.equal(['1 open alert', '1 unread message', '1 overdue report']);
    expect(pierce(app, `[data-enrollment="${olle.enrollmentId}"] .badges`).textContent).to.contain('Paused');
  });

  it('shows therapists their menu, admins theirs, and sends each to their own start screen', async () => {
    const therapist = await mountClinic('therapist', '#/');
    expect(location.hash).to.equal('#/patients');
    expect(pierceAll(therapist, 'nav.main a').map((link) => link.textContent)).to.deep.equal(['Patients', 'Alerts', 'Referrals', 'Report', 'Notices', 'Sign-in security']);
    // The demo therapist works in one unit: nothing to pick.
    expect(pierceAll(therapist, 'select[name="unit"] option')).to.have.length(0);
    therapist.remove();
    // A therapist who types the address of the admins' API tokens is sent to their own start, and no token call is made.
    const sent = server.requests.length;
    const refused = await mountClinic('therapist', '#/api-tokens');
    expect(location.hash).to.equal('#/patients');
    expect(deepAll(refused, 'cl-api-tokens-screen')).to.have.length(0);
    expect(server.requests.slice(sent).filter((request) => request.path.includes('api-tokens'))).to.have.length(0);
    refused.remove();
    const admin = await mountClinic('care-admin', '#/patients');
    expect(location.hash).to.equal('#/units');
    expect(pierceAll(admin, 'nav.main a').map((link) => link.textContent)).to.deep.equal(['Report', 'Notices', 'Units', 'Catalog', 'Webhooks', 'API tokens', 'People', 'Research export', 'Outbox', 'Sign-in security']);
    admin.remove();
    // Opened (or reloaded) on a provider admin's screen, the admin stays there.
    const reloaded = await mountClinic('care-admin', '#/api-tokens');
    expect(location.hash).to.equal('#/api-tokens');
    expect(deepAll(reloaded, 'cl-api-tokens-screen')).to.have.length(1);
  });

  it('enrolls a patient: names bad fields, then shows the invitation code and link', async () => {
    const app = await mountClinic('therapist', '#/enroll');
    // A choice for each of the three deployments, after the prompt.
    const form = await until(() => deepAll(app, 'cl-enroll-form').find((element) => deepAll(element, '#deploymentId option').length === 4), 10_000);
    // The date picker offers only starts the server accepts (within a year of today), never year 9999.
    const startsOn = deep(form, '#startsOn') as HTMLInputElement;
    const dayMs = 86_400_000;
    expect(Math.round((Date.parse(startsOn.max) - Date.now()) / dayMs)).to.be.within(364, 366);
    expect(Math.round((Date.now() - Date.parse(startsOn.min)) / dayMs)).to.be.within(364, 366);
    (deep(form, '#deploymentId') as HTMLSelectElement).value = panic.id;
    (deep(form, '#name') as HTMLInputElement).value = 'Nina New';
    (deep(form, '#email') as HTMLInputElement).value = 'not-an-address';
    deep(form, 'button[type="submit"]').click();
    await settleAll(form);
    expect(deep(form, '#email-error').textContent).to.contain('e-mail');
    const path = `/api/care/units/${unit.id}/enrollments`;
    expect(posts(path)).to.have.length(0);

    (deep(form, '#email') as HTMLInputElement).value = 'nina@example.org';
    deep(form, 'button[type="submit"]').click();
    await until(() => deepAll(form, '.invitation').length > 0, 10_000);
    const card = deep(form, 'cl-invitation-card');
    await settleAll(card);
    const code = deep(card, '.code').textContent!;
    expect(code).to.match(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(deep(card, '.url').getAttribute('href')).to.match(new RegExp(`/#/invite/${code}\\?lang=en$`));
    const sent = posts(path)[0];
    expect(sent?.body).to.deep.equal({ deploymentId: panic.id, patient: { name: 'Nina New', email: 'nina@example.org' } });
    expect(sent?.csrf).to.be.a('string').and.not.equal('');
  });

  it('patient page: shows every answer as the patient saw it, fetching each module version once, in the chosen language', async () => {
    const answered = await recordedResponses(server, pat.enrollmentId);
    const respA = answered.find((response) => response.moduleId === 'phq-9' && response.answers['phq9_9'] === 'severalDays')!.id;
    const respC = answered.find((response) => response.moduleId === 'panic-week-1')!.id;
    const respB = (await recordedResponses(server, cole.enrollmentId))[0]!.id;
    const sent = server.requests.length;
    const fetched = () => server.requests.slice(sent).filter((request) => request.path.includes('/module-versions/')).map((request) => request.path).sort();
    const cellsOf = (page: Element) => (responseId: string, itemId: string) => deepAll(page, `[data-response="${responseId}"] tr[data-item="${itemId}"] td`).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim());

    const app = await mountClinic('therapist', `#/patients/${pat.enrollmentId}`);
    const page = await until(() => deepAll(app, 'cl-patient-page').find((element) => deepAll(element, `[data-response="${respC}"]`).length > 0), 10_000);
    for (const details of deepAll(page, 'details.response')) (details as HTMLDetailsElement).open = true;
    const cells = cellsOf(page);
    expect(deep(page, `[data-response="${respA}"] summary`).textContent).to.contain('PHQ-9: how you have been feeling').and.contain('PHQ-9 16 (Moderately severe depression)');
    expect(cells(respA, 'phq9_1')).to.deep.equal(['Little interest or pleasure in doing things', 'Nearly every day']);
    expect(deep(page, `[data-response="${respA}"] tr.group th`).textContent).to.equal('Patient Health Questionnaire-9');
    expect(cells(respC, 'diarySensations')).to.deep.equal(['Which sensations did you have?', 'Racing or pounding heart, Dizziness']);
    expect(cells(respC, 'diaryWhere')?.[1]).to.equal('On the bus to work');
    expect(fetched()).to.deep.equal([`/api/care/enrollments/${pat.enrollmentId}/module-versions/panic-week-1/1`, `/api/care/enrollments/${pat.enrollmentId}/module-versions/phq-9/1`]);

    const picker = pierce(app, 'select[name="language"]') as HTMLSelectElement;
    picker.value = 'sv';
    picker.dispatchEvent(new Event('change'));
    await until(() => cells(respA, 'phq9_1')?.[1] === 'Nästan varje dag', 10_000);
    expect(cells(respA, 'phq9_1')?.[0]).to.equal('Lite intresse eller glädje i att göra saker');
    expect(deep(page, `[data-response="${respA}"] summary`).textContent).to.contain('PHQ-9: hur du har mått').and.contain('(Måttligt svår depression)');
    expect(fetched(), 'no module fetched again').to.have.length(2);
    // With every answer open, the labelled rows and zone marks pass axe too.
    expect(await seriousViolations(page)).to.deep.equal([]);
    app.remove();

    // Cole's COPD report: each field with its zone.
    const copdApp = await mountClinic('therapist', `#/patients/${cole.enrollmentId}`);
    const copdPage = await until(() => deepAll(copdApp, 'cl-patient-page').find((element) => deepAll(element, `[data-response="${respB}"]`).length > 0), 10_000);
    for (const details of deepAll(copdPage, 'details.response')) (details as HTMLDetailsElement).open = true;
    const copdCells = cellsOf(copdPage);
    expect(deep(copdPage, `[data-response="${respB}"] summary`).textContent).to.contain('Daily COPD report · Daily COPD check').and.contain('Red zone');
    expect(copdCells(respB, 'breathlessness')).to.deep.equal(['How is your breathing today compared with a usual day?', 'Very breathless even when resting Red zone']);
    expect(copdCells(respB, 'temperature')).to.deep.equal(['Body temperature', '38.4 °C Yellow zone']);
    expect(copdCells(respB, 'extraReliever')?.[1]).to.equal('Yes Yellow zone');
    expect(deepAll(copdPage, 'td').map((cell) => cell.textContent)).not.to.include('atRest');
    expect(fetched().filter((path) => path.includes('copd-daily-report'))).to.deep.equal([`/api/care/enrollments/${cole.enrollmentId}/module-versions/copd-daily-report/1`]);
    expect(await seriousViolations(copdPage)).to.deep.equal([]);
  });

  it('patient page: acknowledges an alert, shows the score chart with bands, every answer, and the thread', async () => {
    const app = await mountClinic('therapist', `#/patients/${pat.enrollmentId}`);
    const page = await until(() => deepAll(app, 'cl-patient-page').find((element) => deepAll(element, 'cl-alert-list').some((list) => deepAll(list, '.alert-message').length > 0)), 10_000);
    await settleAll(page);
    const alerts = deep(page, 'cl-alert-list');
    const alertId = deep(alerts, '[data-alert]').getAttribute('data-alert')!;
    const acknowledge = `/api/care/alerts/${alertId}/acknowledge`;
    expect(deep(alerts, '.alert-message').textContent).to.contain('PHQ-9: Item 9');
    deep(alerts, '[data-action="acknowledge"]').click();
    // Acknowledging asks what was done; "something else" needs the therapist's words.
    await until(() => deepAll(alerts, 'form.alert-action').length > 0, 10_000);
    expect((deep(alerts, '[data-action="confirm-acknowledge"]') as HTMLButtonElement).disabled).to.equal(true);
    (deep(alerts, 'input[value="other"]') as HTMLInputElement).click();
    await settleAll(alerts);
    (deep(alerts, '[data-action="confirm-acknowledge"]') as HTMLButtonElement).click();
    await until(() => deepAll(alerts, '.field-error[role="alert"]').length > 0, 10_000);
    expect(deep(alerts, '.field-error[role="alert"]').textContent).to.equal('Say what you did.');
    expect(posts(acknowledge)).to.have.length(0);
    (deep(alerts, 'input[value="contacted"]') as HTMLInputElement).click();
    await settleAll(alerts);
    const note = deep(alerts, 'textarea[name="note"]') as HTMLTextAreaElement;
    note.value = 'Called, safe tonight';
    note.dispatchEvent(new Event('input'));
    await settleAll(alerts);
    (deep(alerts, '[data-action="confirm-acknowledge"]') as HTMLButtonElement).click();
    await until(() => deepAll(alerts, '.acknowledged').length > 0, 10_000);
    expect(posts(acknowledge)).to.have.length(1);
    expect(posts(acknowledge)[0]?.body).to.deep.equal({ action: { kind: 'contacted', note: 'Called, safe tonight' } });
    expect(deep(alerts, '.acknowledged').textContent).to.contain('Theo Therapist');
    expect(deep(alerts, '.action-taken').textContent).to.contain('Contacted the patient: Called, safe tonight');
    expect(deepAll(alerts, '[data-action="acknowledge"]')).to.have.length(0);
    expect(deep(alerts, '[role="status"]').textContent).to.equal('Alert acknowledged.');

    const phq = await until(() => pierceAll(page, 'cl-line-chart').find((chart) => chart.getAttribute('heading')?.startsWith('PHQ-9') && deepAll(chart, 'canvas').length > 0), 10_000);
    expect(deepAll(phq, '.legend li').map((item) => item.textContent)[0]).to.contain('Minimal');
    expect(deepAll(phq, 'tbody tr')).to.have.length(2);

    expect(deepAll(page, 'details.response summary').map((summary) => summary.textContent).join(' ')).to.contain('PHQ-9 16 (Moderately severe depression)');
    await until(() => pierceAll(page, 'cl-message-thread .message').length === 3, 10_000);
    expect(posts(`/api/care/enrollments/${pat.enrollmentId}/messages/read`)).to.have.length(1);
  });

  it('patient page: pauses, and ends only after confirming', async () => {
    const path = `/api/care/enrollments/${quinn.enrollmentId}`;
    const app = await mountClinic('therapist', `#/patients/${quinn.enrollmentId}`);
    const page = await until(() => deepAll(app, 'cl-patient-page').find((element) => deepAll(element, '[data-action="pause"]').length > 0), 10_000);
    deep(page, '[data-action="pause"]').click();
    await until(() => deep(page, '.enrollment-status').textContent === 'Paused', 10_000);
    expect(posts(path).map((request) => request.body)).to.deep.equal([{ status: 'paused' }]);
    deep(page, '[data-action="end"]').click();
    await settleAll(page);
    expect(posts(path)).to.have.length(1);
    deep(page, '[data-action="confirm-end"]').click();
    await until(() => deep(page, '.enrollment-status').textContent === 'Ended', 10_000);
    const { status } = await server.call<{ enrollment: { status: string } }>('arrange-therapist', 'GET', path).then((detail) => detail.enrollment);
    expect(status).to.equal('ended');
  });

  // The server's refusal of a threshold outside the field's range (60 °C) is tested in plan-editor.browser.test.ts.
  it('sets a patient’s own threshold, written as typed, and the server keeps it for that patient', async () => {
    const app = await mountClinic('therapist', `#/patients/${cole.enrollmentId}`);
    const editor = await until(() => pierceAll(app, 'cl-plan-editor').find((element) => deepAll(element, '#rule-copdDaily-fever').length > 0), 10_000);
    const input = deep(editor, '#rule-copdDaily-fever') as HTMLInputElement;
    input.value = '37,8';
    input.dispatchEvent(new Event('input'));
    deep(editor, 'button[type="submit"]').click();
    await until(() => deepAll(editor, '[data-rule="fever"] .hint').length > 0, 10_000);
    const sent = posts(`/api/care/enrollments/${cole.enrollmentId}/plans/copd-daily-report/copdDaily`).at(-1)?.body as { zones: Array<{ id: string; when: { value: number } }> };
    expect(sent.zones.find((rule) => rule.id === 'fever')?.when).to.deep.equal({ op: 'gte', item: 'temperature', value: 37.8 });
    expect(sent.zones.find((rule) => rule.id === 'highFever')?.when.value).to.equal(39);
    const detail = await server.call<{ plans: Array<{ zones: Array<{ rules?: Array<{ id: string; when: { value?: unknown }; personal: boolean }> }> }> }>('arrange-therapist', 'GET', `/api/care/enrollments/${cole.enrollmentId}`);
    const fever = detail.plans.flatMap((plan) => plan.zones.flatMap((zone) => zone.rules ?? [])).find((rule) => rule.id === 'fever');
    expect(fever).to.deep.include({ personal: true });
    expect(fever?.when.value).to.equal(37.8);
  });

  it('accepts a referral into a deployment and shows its invitation', async () => {
    const { referrals } = await server.call<{ referrals: Array<{ id: string }> }>('arrange-therapist', 'GET', `/api/care/units/${unit.id}/referrals`);
    const referralId = referrals[0]!.id;
    const app = await mountClinic('therapist', '#/referrals');
    // A choice for each of the three deployments, after the prompt.
    const queue = await until(() => deepAll(app, 'cl-referral-queue').find((element) => deepAll(element, '.referral select option').length === 4), 10_000);
    deep(queue, '[data-action="accept"]').click();
    await settleAll(queue);
    expect(deep(queue, '.field-error').textContent).to.contain('Choose a program');
    const select = deep(queue, '.referral select') as HTMLSelectElement;
    select.value = panic.id;
    select.dispatchEvent(new Event('change'));
    deep(queue, '[data-action="accept"]').click();
    await until(() => deepAll(queue, '.invitation').length > 0, 10_000);
    expect(deep(queue, '.invitation').textContent).to.match(/[0-9A-Z]{5}-[0-9A-Z]{5}/);
    expect(posts(`/api/care/referrals/${referralId}/accept`)[0]?.body).to.deep.equal({ deploymentId: panic.id });
  });

  it('reports the unit’s numbers and mean change per instrument', async () => {
    const app = await mountClinic('therapist', '#/report');
    await until(() => pierceAll(app, '[data-count]').length === 4, 10_000);
    // Enrolled: the five arranged, Nina and the accepted referral; active: Pat, Una, Cole and the paused
    // Olle; none completed; Quinn, ended without finishing, dropped out.
    expect(pierceAll(app, '[data-count] strong').map((count) => count.textContent)).to.deep.equal(['7', '4', '0', '1']);
    // Pat's PHQ-9: 11 before, 16 after.
    expect(pierce(app, 'tr[data-instrument="phq9"]').textContent).to.contain('11').and.contain('16').and.contain('5');
  });

  it('admin: deploys the current version of a catalog entry, withdraws a deployment, activates a unit and saves settings', async () => {
    const deployments = `/api/care/units/${unit.id}/deployments`;
    const app = await mountClinic('care-admin', '#/catalog');
    // Panic, COPD and PHQ-9 are deployed to the demo clinic already: marked so, with no second Deploy.
    const screen = await until(() => deepAll(app, 'cl-catalog-screen').find((element) => deepAll(element, '#deploy-unit option').length === 2), 10_000);
    const picker = deep(screen, '#deploy-unit') as HTMLSelectElement;
    picker.value = unit.id;
    picker.dispatchEvent(new Event('change'));
    // Wait for the three markers (Panic's among them): the unit's deployments arrive after the catalog.
    const marked = () => deepAll(screen, '[data-marker="deployed"]').map((marker) => marker.closest('[data-entry]')?.getAttribute('data-entry')).sort();
    // Settled: the three marked and Panic without a Deploy of its own (the screen renders the catalog
    // and the unit's deployments as each arrives, so one look may fall between the two).
    const panicDeploys = () => deepAll(screen, '[data-entry="panic-icbt-8-weeks"] [data-action="deploy"]').length;
    const catalog = await until(() => marked().join() === 'copd-home-follow-up,panic-icbt-8-weeks,phq-9' && panicDeploys() === 0 && screen, 10_000).catch((error: Error) => {
      throw new Error(`${error.message}; marked as deployed: ${marked().join(', ')}; Deploy buttons on Panic: ${panicDeploys()}`);
    });
    expect(deepAll(catalog, '[data-action="deploy"]').length).to.equal(deepAll(catalog, '[data-entry]').length - 3);
    // Choosing the unit already shown again keeps what the screen knows: no moment of Deploy everywhere.
    picker.dispatchEvent(new Event('change'));
    await (catalog as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(marked().join()).to.equal('copd-home-follow-up,panic-icbt-8-weeks,phq-9');
    expect(deep(catalog, '[data-entry="gad-7"] .release-notes').textContent).to.contain('First release of the example content.');
    deep(catalog, '[data-entry="gad-7"] [data-action="deploy"]').click();
    await until(() => deepAll(catalog, '[data-action="confirm-deploy"]').length === 1, 10_000);
    expect(posts(deployments)).to.have.length(0);
    deep(catalog, '[data-action="confirm-deploy"]').click();
    await until(() => deep(catalog, '[data-entry="gad-7"] [role="status"]').textContent?.includes('version 1'), 10_000);
    expect(posts(deployments)[0]?.body).to.deep.equal({ documentId: 'gad-7', version: 1 });

    const { units: all } = await server.call<{ units: Array<{ id: string; name: string }> }>('arrange-admin', 'GET', '/api/care/units');
    const south = all.find((candidate) => candidate.name === 'Clinic South')!;
    location.hash = '#/units';
    const units = await until(() => pierceAll(app, 'cl-units-admin').find((element) => deepAll(element, '[data-action="activate"]').length === 1), 10_000);
    deep(units, '[data-action="activate"]').click();
    await until(() => deepAll(units, '[data-action="activate"]').length === 0, 10_000);
    expect(posts(`/api/care/units/${south.id}`)[0]?.body).to.deep.equal({ active: true });

    location.hash = `#/units/${unit.id}`;
    const settings = await until(() => pierceAll(app, 'cl-unit-settings').find((element) => deepAll(element, '[data-action="withdraw"]').length > 0), 10_000);
    deep(settings, `[data-deployment="${copd.id}"] [data-action="withdraw"]`).click();
    // Withdrawing asks first: nothing is sent until it is confirmed.
    await until(() => deepAll(settings, '[data-action="confirm-withdraw"]').length > 0, 10_000);
    expect(posts(`/api/care/deployments/${copd.id}/withdraw`)).to.have.length(0);
    deep(settings, '[data-action="confirm-withdraw"]').click();
    await until(() => deepAll(settings, `[data-deployment="${copd.id}"] [data-action="withdraw"]`).length === 0, 10_000);
    // Refusals of a malformed address or phone are tested in unit-settings.browser.test.ts.
    (deep(settings, '#email') as HTMLInputElement).value = 'north@example.org';
    (deep(settings, '#crisisPhone') as HTMLInputElement).value = '1177';
    deep(settings, 'form button[type="submit"]').click();
    await until(() => deep(settings, 'form [role="status"]').textContent === 'The settings were saved.', 10_000);
    const saved = posts(`/api/care/units/${unit.id}`).at(-1)?.body as { settings: Record<string, string> };
    expect(saved.settings).to.include({ email: 'north@example.org', crisisPhone: '1177' });
    const { units: after } = await server.call<{ units: Array<{ id: string; settings: Record<string, string> }> }>('arrange-admin', 'GET', '/api/care/units');
    expect(after.find((candidate) => candidate.id === unit.id)?.settings).to.include({ email: 'north@example.org', crisisPhone: '1177' });
  });

  describe('accessibility (axe: no serious or critical violations) and 360 px', () => {
    before(async () => setViewport({ width: 360, height: 740 }));
    after(async () => setViewport({ width: 1024, height: 768 }));

    const screens: Array<[string, 'therapist' | 'care-admin' | null, () => string, string]> = [
      ['login', null, () => '#/login', 'cl-login-form'],
      ['patient list', 'therapist', () => '#/patients', '.patient'],
      ['enroll', 'therapist', () => '#/enroll', 'cl-enroll-form form'],
      ['patient page', 'therapist', () => `#/patients/${cole.enrollmentId}`, 'cl-plan-editor input'],
      ['unit alerts', 'therapist', () => '#/alerts', 'cl-alert-list .alert'],
      ['referrals', 'therapist', () => '#/referrals', '.referral'],
      ['report', 'therapist', () => '#/report', '[data-count]'],
      ['units', 'care-admin', () => '#/units', '.unit'],
      ['unit settings', 'care-admin', () => `#/units/${unit.id}`, '.deployment'],
      ['catalog', 'care-admin', () => '#/catalog', '.entry'],
    ];
    for (const [name, role, hash, ready] of screens) {
      it(name, async () => {
        const app = await mountClinic(role, hash());
        await until(() => pierceAll(app, ready).length > 0, 10_000);
        await settleAll(app);
        expect(document.documentElement.scrollWidth, 'document width').to.be.at.most(360);
        expect(overflowing(app, 360)).to.deep.equal([]);
        expect(await seriousViolations(app)).to.deep.equal([]);
      });
    }
  });
});
