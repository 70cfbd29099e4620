import { expect, fixture, html } from '@open-wc/testing';
import { ApiClient } from '@careloom/client/api';
import { createFakeApi } from '../shared/test-api.js';
import { pierce, pierceAll, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
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
