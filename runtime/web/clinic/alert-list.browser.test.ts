import { expect, fixture, html } from '@open-wc/testing';
import { ApiClient } from '@careloom/client/api';
import type { Alert } from '@careloom/format/api';
import { createFakeApi } from '../shared/test-api.js';
import { deepAll, seriousViolations, settleAll } from '../shared/test-helpers.js';
import type { ClAlertList } from './alert-list.js';
import './alert-list.js';

const base = { enrollmentId: 'e1', patient: { id: 'p1', name: 'Pat Patient' }, moduleId: 'copd-daily-report', createdAt: '2025-03-06T09:00:00Z' };

/** Alerts as the server gives them: the fake's PHQ-9 item alert, a zone, a missing report, and one from before codes were stored. */
function alerts(): Alert[] {
  const fake = createFakeApi({ as: 'therapist' });
  return [
    ...fake.state.alerts,
    {
      ...base, id: 'al-zone', kind: 'zone', severity: 'urgent', message: 'Daily COPD check: red zone. Your oxygen saturation is below 88 %.',
      code: 'zone', params: { title: { en: 'Daily COPD check', sv: 'Daglig KOL-kontroll' }, zone: 'red', reasons: [{ en: 'Your oxygen saturation is below 88 %.', sv: 'Din syremättnad är under 88 %.' }], defaultLanguage: 'en' },
    },
    {
      ...base, id: 'al-missing', kind: 'missing_report', severity: 'warning', message: 'No report for 2025-03-05 by its deadline (12:00, Europe/Stockholm).',
      code: 'missing_report', params: { day: '2025-03-05', deadline: '12:00', timeZone: 'Europe/Stockholm', title: { en: 'Daily COPD check', sv: 'Daglig KOL-kontroll' }, defaultLanguage: 'en' },
    },
    { ...base, id: 'al-old', kind: 'missing_report', severity: 'warning', message: 'No report for 2025-03-01 by its deadline (12:00, Europe/Stockholm).', createdAt: '2025-03-01T12:00:00Z' },
  ];
}

async function mount(language: string): Promise<ClAlertList> {
  const element = await fixture<ClAlertList>(html`<cl-alert-list .api=${new ApiClient({ fetch: createFakeApi({ as: 'therapist' }).fetch })} .language=${language} .alerts=${alerts()} show-patient></cl-alert-list>`);
  await settleAll(element);
  return element;
}

const textOf = (element: Element, id: string) => [...deepAll(element, `[data-alert="${id}"] .alert-message, [data-alert="${id}"] .alert-detail`)].map((node) => node.textContent?.trim());

describe('<cl-alert-list> wording', () => {
  it('words alerts in Swedish: the clinic’s phrases from its catalog, the module’s texts in Swedish', async () => {
    const list = await mount('sv');
    expect(textOf(list, 'al1')).to.deep.equal([
      'PHQ-9: Fråga 9 (tankar på att det vore bättre att vara död eller att skada sig) besvarades med mer än "Inte alls". Kontakta patienten samma dag och gör en suicidriskbedömning.',
      'PHQ-9 totalt 16 (Måttligt svår depression)',
      'Fråga: ”Tankar att det skulle vara bättre om du var död eller att du skulle skada dig på något sätt”',
    ]);
    expect(textOf(list, 'al-zone')).to.deep.equal(['Daglig KOL-kontroll: röd zon. Din syremättnad är under 88 %.']);
    expect(textOf(list, 'al-missing')).to.deep.equal(['Daglig KOL-kontroll: Ingen rapport för 2025-03-05 före tidsgränsen (12:00, Europe/Stockholm).']);
    // Raised before codes were stored: the server's English wording is all there is.
    expect(textOf(list, 'al-old')).to.deep.equal(['No report for 2025-03-01 by its deadline (12:00, Europe/Stockholm).']);
    expect(await seriousViolations(list)).to.deep.equal([]);
  });

  it('words them in English as the server’s message does, and in Norwegian with English module texts when the module has no Norwegian', async () => {
    const english = await mount('en');
    const [zone] = alerts().filter((alert) => alert.id === 'al-zone');
    expect(textOf(english, 'al-zone')).to.deep.equal([zone?.message]);
    expect(textOf(english, 'al-missing')[0]).to.equal('Daily COPD check: No report for 2025-03-05 by its deadline (12:00, Europe/Stockholm).');
    expect(textOf(english, 'al1')[0]).to.equal(alerts()[0]?.message);
    english.remove();
    const norwegian = await mount('nb');
    expect(textOf(norwegian, 'al-zone')).to.deep.equal(['Daily COPD check: rød sone. Your oxygen saturation is below 88 %.']);
    expect(textOf(norwegian, 'al-missing')[0]).to.equal('Daily COPD check: Ingen rapport for 2025-03-05 innen fristen (12:00, Europe/Stockholm).');
  });
});
