import { expect, fixture, html } from '@open-wc/testing';
import { ApiClient } from '@careloom/client/api';
import type { Alert } from '@careloom/format/api';
import { COPD_GREEN, deploy, enroll, phq9Answers, respond, signInAgain, unitAlerts } from '@careloom/renderer/test-care';
import { startTestServer, type TestServer } from '@careloom/renderer/test-server';
import { deepAll, seriousViolations, settleAll } from '../shared/test-helpers.js';
import type { ClAlertList } from './alert-list.js';
import './alert-list.js';

const DAY_MS = 24 * 3_600_000;

// One server for the file, on a clock of its own: the alerts are raised once (a PHQ-9 item 9 answer,
// a red COPD zone, a COPD report missed by its deadline) and the tests only word them.
describe('<cl-alert-list> wording, against the real server', function () {
  this.timeout(120_000);
  let server: TestServer;
  let api: ApiClient;
  let alerts: Alert[];
  const byKind = (kind: Alert['kind']) => alerts.find((alert) => alert.kind === kind)!;

  before(async () => {
    server = await startTestServer({ clock: new Date().toISOString() });
    const phq = await deploy(server, 'panic-icbt-8-weeks');
    const copd = await deploy(server, 'copd-home-follow-up');
    const pat = await enroll(server, { deploymentId: phq.id, name: 'Pat Patient' });
    await respond(server, pat, 'phq-9', phq9Answers(16, 'severalDays'), { completes: true });
    const cole = await enroll(server, { deploymentId: copd.id, name: 'Cole Copd' });
    await respond(server, cole, 'copd-daily-report', { ...COPD_GREEN, spo2: 85 }, { registrationId: 'copdDaily' });
    // Two days without a report: the care job raises a missing report at the deadline.
    await server.moveClock({ advanceMs: 2 * DAY_MS });
    await signInAgain(server);
    let raised = await unitAlerts<Alert>(server);
    for (let tries = 0; !raised.some((alert) => alert.kind === 'missing_report') && tries < 100; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      raised = await unitAlerts<Alert>(server);
    }
    // An alert raised before codes were stored has only the server's English message: such a row as an older version left it.
    const missing = raised.find((alert) => alert.kind === 'missing_report')!;
    const { code: _code, params: _params, ...old } = missing;
    alerts = [...raised, { ...old, id: 'al-old' }];
    api = new ApiClient({ fetch: server.fetch('clinic') });
    await api.login(server.account('therapist').email, server.account('therapist').password);
  });
  after(async () => server.stop());

  async function mount(language: string): Promise<ClAlertList> {
    const element = await fixture<ClAlertList>(html`<cl-alert-list .api=${api} .language=${language} .alerts=${alerts} show-patient></cl-alert-list>`);
    await settleAll(element);
    return element;
  }

  const textOf = (element: Element, id: string) => [...deepAll(element, `[data-alert="${id}"] .alert-message, [data-alert="${id}"] .alert-detail`)].map((node) => node.textContent?.trim());

  it('words alerts in Swedish: the clinic’s phrases from its catalog, the module’s texts in Swedish', async () => {
    const list = await mount('sv');
    expect(textOf(list, byKind('item').id)).to.deep.equal([
      'PHQ-9: Fråga 9 (tankar på att det vore bättre att vara död eller att skada sig) besvarades med mer än "Inte alls". Kontakta patienten samma dag och gör en suicidriskbedömning.',
      'PHQ-9 totalt 16 (Måttligt svår depression)',
      'Fråga: ”Tankar att det skulle vara bättre om du var död eller att du skulle skada dig på något sätt”',
    ]);
    expect(textOf(list, byKind('zone').id)).to.deep.equal(['Daglig KOL-kontroll: röd zon. Din syremättnad är under 88 %.']);
    const missing = byKind('missing_report');
    const day = (missing.params as { day: string }).day;
    expect(textOf(list, missing.id)).to.deep.equal([`Daglig KOL-kontroll: Ingen rapport för ${day} före tidsgränsen (12:00, Europe/Stockholm).`]);
    // Raised before codes were stored: the server's English wording is all there is.
    expect(textOf(list, 'al-old')).to.deep.equal([`No report for ${day} by its deadline (12:00, Europe/Stockholm).`]);
    expect(await seriousViolations(list)).to.deep.equal([]);
  });

  it('words them in English as the server’s message does, and in Norwegian with English module texts when the module has no Norwegian', async () => {
    const english = await mount('en');
    const zone = byKind('zone');
    const missing = byKind('missing_report');
    const day = (missing.params as { day: string }).day;
    expect(textOf(english, zone.id)).to.deep.equal([zone.message]);
    expect(textOf(english, missing.id)[0]).to.equal(`Daily COPD check: No report for ${day} by its deadline (12:00, Europe/Stockholm).`);
    expect(textOf(english, byKind('item').id)[0]).to.equal(byKind('item').message);
    english.remove();
    const norwegian = await mount('nb');
    expect(textOf(norwegian, zone.id)).to.deep.equal(['Daily COPD check: rød sone. Your oxygen saturation is below 88 %.']);
    expect(textOf(norwegian, missing.id)[0]).to.equal(`Daily COPD check: Ingen rapport for ${day} innen fristen (12:00, Europe/Stockholm).`);
  });
});
