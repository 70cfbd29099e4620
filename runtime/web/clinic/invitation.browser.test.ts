import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ApiClient } from '@careloom/client/api';
import { createFakeApi } from '../shared/test-api.js';
import type { FakeApi } from '../shared/test-api.js';
import { deep, deepAll, overflowing, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClEnrollForm } from './enroll-form.js';
import type { ClPatientPage } from './patient-page.js';
import './enroll-form.js';
import './patient-page.js';

/** An API client signed in as the fake's therapist (its CSRF token, as after signing in). */
function client(fake: FakeApi): ApiClient {
  const api = new ApiClient({ fetch: fake.fetch });
  api.csrfToken = 'csrf-therapist';
  return api;
}

const posts = (fake: FakeApi, path: string) => fake.requests.filter((request) => request.method === 'POST' && request.path === path);

/** Replaces the clipboard for one test: what was written, or a refusal (no secure context). */
function stubClipboard(refuse = false): { written: string[]; restore(): void } {
  const written: string[] = [];
  const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => { if (refuse) throw new DOMException('denied', 'NotAllowedError'); written.push(text); } } });
  return { written, restore: () => { delete (navigator as unknown as Record<string, unknown>)['clipboard']; if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original); } };
}

async function enrollForm(fake: FakeApi, language = 'en'): Promise<ClEnrollForm> {
  const form = await fixture<ClEnrollForm>(html`<cl-enroll-form .api=${client(fake)} .language=${language} unit-id="u1" unit-name="Clinic North"></cl-enroll-form>`);
  await until(() => deepAll(form, '#deploymentId option').length === 2);
  const program = deep(form, '#deploymentId') as HTMLSelectElement;
  program.value = 'd1';
  program.dispatchEvent(new Event('change'));
  await settleAll(form);
  return form;
}

describe("enrolling in the patient's language", () => {
  before(async () => setViewport({ width: 360, height: 740 }));
  after(async () => setViewport({ width: 1024, height: 768 }));

  for (const [language, title] of [['sv', 'Internetbaserad KBT vid paniksyndrom (8 veckor) (version 1)'], ['en', 'Internet CBT for panic disorder (8 weeks) (version 1)'], ['nb', 'Internet CBT for panic disorder (8 weeks) (versjon 1)']] as const) {
    it(`names the program in the interface language where it is written in it (${language}; walking the clinic at 360 px in Swedish showed the English title)`, async () => {
      const form = await fixture<ClEnrollForm>(html`<cl-enroll-form .api=${client(createFakeApi({ as: 'therapist' }))} .language=${language} unit-id="u1" unit-name="Clinic North"></cl-enroll-form>`);
      await until(() => deepAll(form, '#deploymentId option').length > 1);
      expect(deepAll(form, '#deploymentId option').map((option) => option.textContent!.replace(/\s+/g, ' ').trim()).slice(1)).to.deep.equal([title]);
    });
  }

  it('offers the languages the chosen program is written in, sends the choice, and says which language the e-mail went out in', async () => {
    const fake = createFakeApi({ as: 'therapist' });
    const form = await enrollForm(fake);
    const language = deep(form, '#language') as HTMLSelectElement;
    expect([...language.options].map((option) => option.textContent)).to.deep.equal(['English', 'Swedish']);
    expect(language.value).to.equal('en');
    expect(deep(form, 'label[for="language"]').textContent).to.equal("Patient's language");
    expect(overflowing(form, 360)).to.deep.equal([]);
    expect(await seriousViolations(form)).to.deep.equal([]);
    language.value = 'sv';
    (deep(form, '#name') as HTMLInputElement).value = 'Sara Lind';
    (deep(form, '#email') as HTMLInputElement).value = 'sara@example.org';
    deep(form, 'button[type="submit"]').click();
    await until(() => deepAll(form, '[data-mailed-in]').length > 0);
    expect(fake.state.enrollRequests.at(-1)).to.deep.equal({ deploymentId: 'd1', patient: { name: 'Sara Lind', email: 'sara@example.org' }, language: 'sv' });
    expect(deep(form, '[data-mailed-in]').textContent).to.equal('The invitation was e-mailed to the patient in Swedish.');
    const card = deep(form, 'cl-invitation-card');
    await settleAll(card);
    expect(deep(card, '.url').getAttribute('href')).to.equal('https://careloom.example/#/invite/WXYZ7-9876K?lang=sv');
    expect(await seriousViolations(form)).to.deep.equal([]);
  });

  it("copies the invitation as a short text in the patient's language, and says so; without a clipboard it says what to do", async () => {
    const fake = createFakeApi({ as: 'therapist' });
    const form = await enrollForm(fake);
    (deep(form, '#language') as HTMLSelectElement).value = 'sv';
    (deep(form, '#name') as HTMLInputElement).value = 'Sara Lind';
    (deep(form, '#email') as HTMLInputElement).value = 'sara@example.org';
    deep(form, 'button[type="submit"]').click();
    const card = await until(() => deepAll(form, 'cl-invitation-card')[0]);
    await settleAll(card);
    const clipboard = stubClipboard();
    try {
      deep(card, '[data-action="copy"]').click();
      await until(() => deep(card, '[role="status"]').textContent !== '');
      expect(clipboard.written).to.have.length(1);
      expect(clipboard.written[0]).to.contain('Din inbjudan från Clinic North')
        .and.to.contain('https://careloom.example/#/invite/WXYZ7-9876K?lang=sv').and.to.contain('skriv koden WXYZ7-9876K');
      expect(deep(card, '[role="status"]').textContent).to.equal('Invitation copied. Paste it into a message to the patient.');
    } finally {
      clipboard.restore();
    }
    const refusing = stubClipboard(true);
    try {
      deep(card, '[data-action="copy"]').click();
      await until(() => deepAll(card, '[role="alert"]').length > 0);
      expect(deep(card, '[role="alert"]').textContent).to.contain('Select the link and the code');
    } finally {
      refusing.restore();
    }
  });
});

describe('sending a new invitation from the patient page', () => {
  before(async () => setViewport({ width: 360, height: 740 }));
  after(async () => setViewport({ width: 1024, height: 768 }));

  async function page(fake: FakeApi, enrollmentId: string, language = 'en'): Promise<ClPatientPage> {
    const element = await fixture<ClPatientPage>(html`<cl-patient-page .api=${client(fake)} .language=${language} enrollment-id=${enrollmentId}></cl-patient-page>`);
    await until(() => element.detail !== null && element.responses !== null);
    await settleAll(element);
    return element;
  }

  function invitedPatient(fake: FakeApi): string {
    const [first] = fake.state.patients;
    fake.state.patients.push({ ...first!, enrollmentId: 'e-invited', patient: { id: 'p-invited', name: 'Ines Invited' }, status: 'invited', openAlerts: 0, unreadMessages: 0, overdueReports: 0, lastActivityAt: null, attention: 0 });
    return 'e-invited';
  }

  it('asks first, then sends one, shows the new code and says it was e-mailed', async () => {
    const fake = createFakeApi({ as: 'therapist' });
    const element = await page(fake, invitedPatient(fake));
    expect(deep(element, '#invitation-heading').textContent).to.equal('Invitation');
    const card = deep(element, 'cl-invitation-card');
    await settleAll(card);
    deep(card, '[data-action="resend"]').click();
    await settleAll(card);
    expect(deep(card, '#resend-confirm').textContent).to.equal('The patient gets a new e-mail. The old link and code stop working.');
    expect(posts(fake, '/api/care/enrollments/e-invited/invitation')).to.have.length(0);
    expect(overflowing(element, 360)).to.deep.equal([]);
    expect(await seriousViolations(element)).to.deep.equal([]);
    deep(card, '[data-action="confirm-resend"]').click();
    await until(() => deepAll(card, '.code').length > 0);
    expect(posts(fake, '/api/care/enrollments/e-invited/invitation')).to.have.length(1);
    expect(deep(card, '.code').textContent).to.equal('NEWC1-ABCDE');
    expect(deep(card, '[role="status"]').textContent).to.equal('A new invitation was e-mailed to the patient.');
    expect(deepAll(card, '#resend-confirm')).to.have.length(0);
  });

  it('is not offered once the patient accepted', async () => {
    const fake = createFakeApi({ as: 'therapist' });
    const element = await page(fake, 'e1');
    expect(deepAll(element, '#invitation-heading')).to.have.length(0);
  });

  it('is worded in Swedish and Norwegian', async () => {
    for (const [language, heading, button] of [['sv', 'Inbjudan', 'Skicka en ny inbjudan'], ['nb', 'Invitasjon', 'Send en ny invitasjon']] as const) {
      const fake = createFakeApi({ as: 'therapist' });
      const element = await page(fake, invitedPatient(fake), language);
      expect(deep(element, '#invitation-heading').textContent).to.equal(heading);
      const card = deep(element, 'cl-invitation-card');
      await settleAll(card);
      expect(deep(card, '[data-action="resend"]').textContent).to.equal(button);
    }
  });
});
