import { expect, fixture, html } from '@open-wc/testing';
import { Chart } from 'chart.js';
import { ApiClient } from '@careloom/client/api';
import type { Charts } from '@careloom/format/api';
import { demoClinic, deploy, enroll, PATIENT_PASSWORD, phq9Answers, respond, setStatus, signInAgain } from '@careloom/renderer/test-care';
import { startTestServer } from '@careloom/renderer/test-server';
import { pierce, pierceAll, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClChartsView } from '../shared/charts-view.js';
import '../shared/charts-view.js';
import type { ClUnitReport } from './unit-report.js';
import './unit-report.js';

const charts: Charts = {
  instruments: [{
    moduleId: 'phq-9', instrumentId: 'phq9', title: 'PHQ-9', min: 0, max: 27,
    bands: [{ min: 0, max: 9, label: 'Mild', severity: 1 }, { min: 10, max: 27, label: 'Severe', severity: 4 }],
    reliableChange: { threshold: 3.52, direction: 'lowerIsBetter', source: 'Kocalevent et al. 2013' },
    points: [
      { at: '2025-03-03T09:00:00Z', total: 24, band: 'severe' },
      { at: '2025-03-10T09:00:00Z', total: 22, band: 'severe', reliableChange: 'unchanged' },
      { at: '2025-03-24T09:00:00Z', total: 9, band: 'mild', reliableChange: 'improved' },
      { at: '2025-03-31T09:00:00Z', total: 16, band: 'severe', reliableChange: 'deteriorated' },
    ],
  }],
  registrations: [],
};

describe('reliable change on the therapist\'s chart', () => {
  it('draws reliable improvement and deterioration by shape, says which in the table, and explains the threshold', async () => {
    const view = await fixture<ClChartsView>(html`<cl-charts-view .language=${'en'} .charts=${charts}></cl-charts-view>`);
    await until(() => pierceAll(view, 'cl-line-chart canvas').length > 0);
    await settleAll(view);
    const chart = Chart.getChart(pierce(view, 'cl-line-chart canvas') as HTMLCanvasElement)!;
    expect((chart.data.datasets[0] as { pointStyle?: unknown }).pointStyle).to.deep.equal(['circle', 'circle', 'triangle', 'rectRot']);
    const rows = [...pierceAll(view, 'cl-line-chart tbody tr')].map((row) => row.lastElementChild?.textContent);
    expect(rows).to.deep.equal(['Severe · Reliable deterioration', 'Mild · Reliable improvement', 'Severe', 'Severe']);
    expect(pierce(view, '[data-reliable-change]').textContent).to.contain('more than 3.52 points from the first total');
    expect(await seriousViolations(view)).to.deep.equal([]);
  });

  it('words the marks in Norwegian', async () => {
    const view = await fixture<ClChartsView>(html`<cl-charts-view .language=${'nb'} .charts=${charts}></cl-charts-view>`);
    await until(() => pierceAll(view, 'cl-line-chart tbody tr').length > 0);
    expect(pierce(view, 'cl-line-chart tbody tr').lastElementChild?.textContent).to.equal('Severe · Sikker forverring');
    expect(pierce(view, '[data-reliable-change]').textContent).to.contain('mer enn 3,52 poeng');
  });
});

const DAY_MS = 24 * 3_600_000;

describe('<cl-unit-report> outcomes per program version, against the real server', function () {
  this.timeout(120_000);

  it('shows completion, reliable change and dropout by week as numbers and bars, in the clinic\'s language', async () => {
    // PHQ-9 deployed on its own: three patients answer it twice and their therapist ends their
    // treatment (completed: two reliably improved, one unchanged), a fourth answers in week 3 without
    // finishing and is ended (a dropout in week 3), a fifth is still active.
    const server = await startTestServer({ clock: new Date().toISOString() });
    try {
      const unitId = (await demoClinic(server)).id;
      const phq = await deploy(server, 'phq-9');
      const completing = [];
      for (const [name, before, after] of [['Ann', 20, 10], ['Bo', 18, 8], ['Cy', 12, 11]] as const) {
        const patient = await enroll(server, { deploymentId: phq.id, name });
        await respond(server, patient, 'phq-9', phq9Answers(before), { completes: true, answeredAt: new Date(Date.now() - 3_600_000).toISOString() });
        completing.push({ patient, after });
      }
      const dropout = await enroll(server, { deploymentId: phq.id, name: 'Dee' });
      await enroll(server, { deploymentId: phq.id, name: 'Eve' });
      await server.moveClock({ advanceMs: 15 * DAY_MS });
      const now = await server.moveClock({ advanceMs: 0 });
      await signInAgain(server);
      for (const { patient, after } of completing) {
        await server.signIn(patient.jar, { email: patient.email, password: PATIENT_PASSWORD });
        await respond(server, patient, 'phq-9', phq9Answers(after), { completes: true, answeredAt: now });
        await setStatus(server, patient.enrollmentId, 'ended');
      }
      await server.signIn(dropout.jar, { email: dropout.email, password: PATIENT_PASSWORD });
      await respond(server, dropout, 'phq-9', { phq9_1: 'severalDays' }, { answeredAt: now });
      await setStatus(server, dropout.enrollmentId, 'ended');

      const api = new ApiClient({ fetch: server.fetch('clinic') });
      await api.login(server.account('therapist').email, server.account('therapist').password);
      const report = await fixture<ClUnitReport>(html`<cl-unit-report .api=${api} .language=${'sv'} unit-id=${unitId}></cl-unit-report>`);
      await until(() => pierceAll(report, '[data-program] cl-bar-chart canvas').length === 2, 10_000);
      await settleAll(report);
      const program = pierce(report, '[data-program="phq-9@1"]');
      expect(program.querySelector('h3')?.textContent).to.equal('PHQ-9: how you have been feeling, version 1');
      expect(program.querySelector('[data-completion]')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('5 inskrivna, 3 fullföljda, 1 avbrutna. 75 % av dem som avslutat fullföljde.');
      expect(program.querySelector('[data-improved]')?.textContent).to.equal('66,7 %');
      expect(program.querySelector('[data-deteriorated]')?.textContent).to.equal('0 %');
      const [reliable, dropoutChart] = pierceAll(report, '[data-program] cl-bar-chart canvas').map((canvas) => Chart.getChart(canvas as HTMLCanvasElement)!);
      expect(reliable!.data.datasets.map((dataset) => [dataset.label, dataset.data])).to.deep.equal([['Säkert förbättrade', [66.67]], ['Säkert försämrade', [0]]]);
      expect(dropoutChart!.data.labels).to.deep.equal(['Vecka 1', 'Vecka 2', 'Vecka 3']);
      expect(dropoutChart!.data.datasets[0]!.data).to.deep.equal([0, 0, 1]);
      expect(await seriousViolations(report)).to.deep.equal([]);
    } finally {
      await server.stop();
    }
  });
});
