import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ApiClient } from '@careloom/client/api';
import { createFakeApi } from '../shared/test-api.js';
import { overflowing, pierce, pierceAll, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClPatientList } from './patient-list.js';
import './patient-list.js';

describe('<cl-patient-list> with an enrollment whose schedule cannot be worked out', () => {
  it('lists it with a worded warning in the clinic\'s language, beside the other patients', async () => {
    const fake = createFakeApi({ as: 'therapist' });
    const [first] = fake.state.patients;
    fake.state.patients.push({ ...first!, enrollmentId: 'e-broken', patient: { id: 'p-broken', name: 'Bo Broken' }, problem: { code: 'enrollment.start_out_of_range', message: 'This enrollment\'s start date ("9999-12-31") is outside 1900-01-01 to 2199-12-31.' } });
    const list = await fixture<ClPatientList>(html`<cl-patient-list .api=${new ApiClient({ fetch: fake.fetch })} .language=${'nb'} unit-id="u1"></cl-patient-list>`);
    await until(() => pierceAll(list, '[data-enrollment]').length === fake.state.patients.length);
    await settleAll(list);
    const warning = pierce(list, '[data-enrollment="e-broken"] [data-problem]');
    expect(warning.textContent).to.contain('Startdatoen for denne innskrivingen er umulig');
    expect(warning.textContent).not.to.contain('9999');
    expect(pierceAll(list, '[data-problem]')).to.have.length(1);
    expect(await seriousViolations(list)).to.deep.equal([]);
  });
});

describe('<cl-patient-list> latest scores', () => {
  before(async () => setViewport({ width: 360, height: 740 }));
  after(async () => setViewport({ width: 1024, height: 768 }));

  it('shows each patient\'s latest score, band and trend in words beside the triage badges, in the triage order', async () => {
    const fake = createFakeApi({ as: 'therapist' });
    const list = await fixture<ClPatientList>(html`<cl-patient-list .api=${new ApiClient({ fetch: fake.fetch })} .language=${'en'} unit-id="u1"></cl-patient-list>`);
    await until(() => pierceAll(list, '[data-enrollment]').length === fake.state.patients.length);
    await settleAll(list);
    // The order is the triage order (alerts first), not the scores'.
    expect(pierceAll(list, '[data-enrollment]').map((row) => row.getAttribute('data-enrollment'))).to.deep.equal(['e1', 'e3', 'e4', 'e2']);
    const pat = pierce(list, '[data-enrollment="e1"] [data-latest-score]');
    expect(pat.textContent?.replace(/\s+/g, ' ')).to.contain('PHQ-9: 15 of 27').and.to.contain('Moderately severe depression').and.to.contain('worse than 9 before');
    expect(pierce(list, '[data-enrollment="e2"] [data-trend]').textContent).to.contain('better than 11 before');
    // A patient without a score shows none (no empty line, no "0").
    expect(pierceAll(list, '[data-enrollment="e3"] [data-latest-score]')).to.have.length(0);
    expect(overflowing(list, 360)).to.deep.equal([]);
    expect(await seriousViolations(list)).to.deep.equal([]);
  });

  it('words the trend in Swedish and Norwegian', async () => {
    for (const [language, worse] of [['sv', 'sämre än förra gången (9)'], ['nb', 'verre enn forrige gang (9)']] as const) {
      const fake = createFakeApi({ as: 'therapist' });
      const list = await fixture<ClPatientList>(html`<cl-patient-list .api=${new ApiClient({ fetch: fake.fetch })} .language=${language} unit-id="u1"></cl-patient-list>`);
      await until(() => pierceAll(list, '[data-latest-score]').length === 2);
      expect(pierce(list, '[data-enrollment="e1"] [data-latest-score]').textContent).to.contain('15 av 27').and.to.contain(worse);
    }
  });
});
