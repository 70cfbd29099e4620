import { expect, fixture, html } from '@open-wc/testing';
import { Chart } from 'chart.js';
import { ApiClient } from '@careloom/client/api';
import { createFakeApi } from '../shared/test-api.js';
import { deepAll, pierce, pierceAll, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClUnitReport } from './unit-report.js';
import './unit-report.js';

async function mount(language: string, unreadable: Array<{ enrollmentId: string; problem: { code: string; message: string } }> = []): Promise<ClUnitReport> {
  const fake = createFakeApi({ as: 'therapist' });
  fake.state.report.unreadable = unreadable;
  fake.state.report.instruments.push({ instrumentId: 'gad7', title: 'GAD-7', patients: 2, meanPre: 12, meanPost: null, meanChange: null });
  const report = await fixture<ClUnitReport>(html`<cl-unit-report .api=${new ApiClient({ fetch: fake.fetch })} .language=${language} unit-id="u1"></cl-unit-report>`);
  await until(() => pierceAll(report, 'cl-bar-chart canvas').length > 0);
  await settleAll(report);
  return report;
}

describe('<cl-unit-report> chart', () => {
  it('draws each instrument’s mean before and after as grouped bars, named in words, with the numbers as a table', async () => {
    const report = await mount('en');
    const canvas = pierce(report, 'cl-bar-chart canvas') as HTMLCanvasElement;
    expect(canvas.getAttribute('role')).to.equal('img');
    expect(canvas.getAttribute('aria-label')).to.equal('Mean score before and after: PHQ-9: Before 15.3, After 8.7. GAD-7: Before 12, After –.');
    const chart = Chart.getChart(canvas);
    expect(chart?.data.labels).to.deep.equal(['PHQ-9', 'GAD-7']);
    expect(chart?.data.datasets.map((dataset) => [dataset.label, dataset.data])).to.deep.equal([['Before', [15.3, 12]], ['After', [8.7, null]]]);
    const chartTable = pierce(report, 'cl-bar-chart table');
    expect([...chartTable.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent))).to.deep.equal([['PHQ-9', '15.3', '8.7'], ['GAD-7', '12', '–']]);
    expect(deepAll(report, '.bar')).to.have.length(0);
    expect(await seriousViolations(report)).to.deep.equal([]);
  });

  it('labels the chart and its table in the clinic’s language', async () => {
    const report = await mount('sv');
    expect(pierce(report, 'cl-bar-chart figcaption').textContent).to.equal('Medelvärde före och efter');
    expect(Chart.getChart(pierce(report, 'cl-bar-chart canvas') as HTMLCanvasElement)?.data.datasets.map((dataset) => dataset.label)).to.deep.equal(['Före', 'Efter']);
    expect(pierce(report, 'cl-bar-chart summary').textContent).to.equal('Visa värdena som tabell');
    expect(pierce(report, 'cl-bar-chart canvas').getAttribute('aria-label')).to.contain('PHQ-9: Före 15,3, Efter 8,7.');
  });

  it('says in words how many enrollments it could not count, and only when there are some', async () => {
    expect(deepAll(await mount('en'), '[data-unreadable]')).to.have.length(0);
    const report = await mount('sv', [{ enrollmentId: 'e9', problem: { code: 'enrollment.start_out_of_range', message: 'The start date is out of range.' } }]);
    const note = pierce(report, '[data-unreadable]');
    expect(note.textContent).to.contain('Inskrivningar vars schema inte går att räkna ut: 1.');
    expect(note.textContent).not.to.contain('e9');
    expect(await seriousViolations(report)).to.deep.equal([]);
  });
});
