import { expect, fixture, html } from '@open-wc/testing';
import { ApiClient } from '@careloom/client/api';
import { demoClinic } from '@careloom/renderer/test-care';
import { startTestServer, type TestServer } from '@careloom/renderer/test-server';
import { deep, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClUnitSettings } from './unit-settings.js';
import './unit-settings.js';

// The unit's contact details reach every patient of the unit: the real server refuses an e-mail
// address or phone number that is not one, and the form says so beside the field in the admin's language.
describe('<cl-unit-settings> contact details, against the real server', function () {
  this.timeout(120_000);
  let server: TestServer;
  let unitId: string;
  let api: ApiClient;

  before(async () => {
    server = await startTestServer();
    unitId = (await demoClinic(server)).id;
    api = new ApiClient({ fetch: server.fetch('clinic') });
    await api.login(server.account('care-admin').email, server.account('care-admin').password);
  });
  after(async () => server.stop());

  async function mount(language: string): Promise<ClUnitSettings> {
    const screen = await fixture<ClUnitSettings>(html`<cl-unit-settings .api=${api} .language=${language} unit-id=${unitId}></cl-unit-settings>`);
    await until(() => screen.shadowRoot?.querySelector('form'), 10_000);
    return screen;
  }

  function fill(screen: ClUnitSettings, values: Record<string, string>): void {
    for (const [name, value] of Object.entries(values)) (deep(screen, `#${name}`) as HTMLInputElement).value = value;
  }

  async function save(screen: ClUnitSettings): Promise<void> {
    (deep(screen, 'button[type=submit]') as HTMLButtonElement).click();
    await until(() => !screen.busy && (screen.error !== null || screen.announcement !== ''), 10_000);
    await settleAll(screen);
  }

  const expected = {
    en: { email: 'Write an e-mail address such as name@example.org, or leave the field empty.', phone: 'Write a phone number with digits, such as +46 8 123 45 00, or leave the field empty.', summary: 'The settings were not saved: correct the fields marked below.' },
    sv: { email: 'Skriv en e-postadress som namn@exempel.se, eller lämna fältet tomt.', phone: 'Skriv ett telefonnummer med siffror, till exempel 08-123 45 00, eller lämna fältet tomt.', summary: 'Inställningarna sparades inte: rätta fälten som är markerade nedan.' },
    nb: { email: 'Skriv en e-postadresse som navn@eksempel.no, eller la feltet stå tomt.', phone: 'Skriv et telefonnummer med sifre, for eksempel 22 12 34 56, eller la feltet stå tomt.', summary: 'Innstillingene ble ikke lagret: rett feltene som er merket nedenfor.' },
  };

  for (const language of ['en', 'sv', 'nb'] as const) {
    it(`shows the server's refusal of "nope" and a phone number of letters beside the fields (${language})`, async () => {
      const screen = await mount(language);
      fill(screen, { email: 'nope', crisisPhone: 'ring us' });
      await save(screen);
      expect(deep(screen, '#email-error').textContent).to.equal(expected[language].email);
      expect(deep(screen, '#email').getAttribute('aria-invalid')).to.equal('true');
      expect(deep(screen, '#email').getAttribute('aria-describedby')).to.equal('email-error');
      expect(deep(screen, '#crisisPhone-error').textContent).to.equal(expected[language].phone);
      expect(screen.shadowRoot!.querySelector('#phone-error')).to.equal(null);
      expect(deep(screen, '.form-error').textContent).to.equal(expected[language].summary);
      expect(await seriousViolations(screen)).to.deep.equal([]);
    });
  }

  it('saves valid details, and an emptied field removes one', async () => {
    const screen = await mount('en');
    fill(screen, { email: 'care@example.org', crisisPhone: '112' });
    await save(screen);
    expect(screen.announcement).to.equal('The settings were saved.');
    expect(screen.unit?.settings).to.include({ email: 'care@example.org', crisisPhone: '112' });
    fill(screen, { email: '' });
    await save(screen);
    expect(screen.unit?.settings.email).to.equal(undefined);
    expect(screen.unit?.settings.crisisPhone).to.equal('112');
  });
});
