// At 360 px the chart legend broke a band's range over two lines ("…depressiva symtom: 0–" above
// "4", found walking the patient app's charts in Swedish): the range stays whole.
import { expect, fixture, html } from '@open-wc/testing';
import './line-chart.js';
import type { ClLineChart } from './line-chart.js';

describe('<cl-line-chart> legend on a phone', () => {
  it('keeps each band\'s range on one line however long its label', async () => {
    const chart = await fixture<ClLineChart>(html`<div style="width: 328px"><cl-line-chart heading="PHQ-9, totalpoäng" .points=${[]} .bands=${[
      { min: 0, max: 4, label: 'Minimala eller inga depressiva symtom', severity: 0 },
      { min: 15, max: 19, label: 'Måttligt svår depression', severity: 3 },
    ]}></cl-line-chart></div>`).then((box) => box.querySelector('cl-line-chart') as ClLineChart);
    await chart.updateComplete;
    const ranges = [...chart.shadowRoot!.querySelectorAll<HTMLElement>('.legend .range')];
    expect(ranges.map((range) => range.textContent)).to.deep.equal(['0–4', '15–19']);
    // One line box: the range is no taller than a line of the legend.
    const lineHeight = parseFloat(getComputedStyle(ranges[0]!).lineHeight) || 24;
    for (const range of ranges) expect(range.getBoundingClientRect().height, `${range.textContent} ${[...range.getClientRects()].map((r) => `${r.top}/${r.height}`).join(",")}`).to.be.at.most(lineHeight + 1);
  });
});
