import { expect, fixture, html } from '@open-wc/testing';
import { Chart } from 'chart.js';
import { ApiClient } from '@careloom/client/api';
import { demoClinic, deploy, enroll, gad7Answers, phq9Answers, respond, type ArrangedPatient } from '@careloom/renderer/test-care';
import { startTestServer, type TestServer } from '@careloom/renderer/test-server';
import { deepAll, pierce, pierceAll, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClUnitReport } from './unit-report.js';
import './unit-report.js';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

// One server for the file: two patients' PHQ-9 (20 → 10 and 15 → 8: before 17.5, after 9), one
// patient's GAD-7 (12 → 9) and a GAD-7 with one total only, which the report leaves out (a mean
// "after" needs two totals); the last test adds an unreadable enrollment.
describe('<cl-unit-report> chart, against the real server', function () {
  this.timeout(120_000);
  let server: TestServer;
  let unitId: string;
  let api: ApiClient;
  let first: ArrangedPatient;

  before(async () => {
    server = await startTestServer();
    unitId = (await demoClinic(server)).id;
    const program = await deploy(server, 'panic-icbt-8-weeks');
    first = await enroll(server, { deploymentId: program.id, name: 'Pat Patient' });
    const second = await enroll(server, { deploymentId: program.id, name: 'Quiet Quinn' });
    for (const [patient, before, after] of [[first, 20, 10], [second, 15, 8]] as const) {
      await respond(server, patient, 'phq-9', phq9Answers(before), { completes: true, answeredAt: hoursAgo(2) });
      await respond(server, patient, 'phq-9', phq9Answers(after), { completes: true, answeredAt: hoursAgo(1) });
    }
    await respond(server, first, 'gad-7', gad7Answers(12), { completes: true, answeredAt: hoursAgo(2) });
    await respond(server, first, 'gad-7', gad7Answers(9), { completes: true, answeredAt: hoursAgo(1) });
    await respond(server, second, 'gad-7', gad7Answers(21), { completes: true, answeredAt: hoursAgo(1) });
    api = new ApiClient({ fetch: server.fetch('clinic') });
    await api.login(server.account('therapist').email, server.account('therapist').password);
  });
  after(async () => server.stop());

  async function mount(language: string): Promise<ClUnitReport> {
    const report = await fixture<ClUnitReport>(html`<cl-unit-report .api=${api} .language=${language} unit-id=${unitId}></cl-unit-report>`);
    await until(() => pierceAll(report, 'cl-bar-chart canvas').length > 0, 10_000);
    await settleAll(report);
    return report;
  }

  it('draws each instrument’s mean before and after as grouped bars, named in words, with the numbers as a table', async () => {
    const report = await mount('en');
    const canvas = pierce(report, 'cl-bar-chart canvas') as HTMLCanvasElement;
    expect(canvas.getAttribute('role')).to.equal('img');
    expect(canvas.getAttribute('aria-label')).to.equal('Mean score before and after: PHQ-9: Before 17.5, After 9. GAD-7: Before 12, After 9.');
    const chart = Chart.getChart(canvas);
    expect(chart?.data.labels).to.deep.equal(['PHQ-9', 'GAD-7']);
    expect(chart?.data.datasets.map((dataset) => [dataset.label, dataset.data])).to.deep.equal([['Before', [17.5, 12]], ['After', [9, 9]]]);
    const chartTable = pierce(report, 'cl-bar-chart table');
    expect([...chartTable.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent))).to.deep.equal([['PHQ-9', '17.5', '9'], ['GAD-7', '12', '9']]);
    expect(deepAll(report, '.bar')).to.have.length(0);
    expect(await seriousViolations(report)).to.deep.equal([]);
  });

  it('labels the chart and its table in the clinic’s language', async () => {
    const report = await mount('sv');
    expect(pierce(report, 'cl-bar-chart figcaption').textContent).to.equal('Medelvärde före och efter');
    expect(Chart.getChart(pierce(report, 'cl-bar-chart canvas') as HTMLCanvasElement)?.data.datasets.map((dataset) => dataset.label)).to.deep.equal(['Före', 'Efter']);
    expect(pierce(report, 'cl-bar-chart summary').textContent).to.equal('Visa värdena som tabell');
    expect(pierce(report, 'cl-bar-chart canvas').getAttribute('aria-label')).to.contain('PHQ-9: Före 17,5, Efter 9.');
  });

  it('says in words how many enrollments it could not count, and only when there are some', async () => {
    expect(deepAll(await mount('en'), '[data-unreadable]')).to.have.length(0);
    // Stored by an older version before enrolling checked the start date: no route accepts it now.
    await server.storeLegacyEnrollment(first.enrollmentId, 'e-unreadable', '9999-12-31');
    const report = await mount('sv');
    const note = pierce(report, '[data-unreadable]');
    expect(note.textContent).to.contain('Inskrivningar vars schema inte går att räkna ut: 1.');
    expect(note.textContent).not.to.contain('e-unreadable');
    expect(await seriousViolations(report)).to.deep.equal([]);
  });
});
