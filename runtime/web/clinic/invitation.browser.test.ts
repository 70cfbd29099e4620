import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ApiClient } from '@careloom/client/api';
import { demoClinic, deploy, enroll } from '@careloom/renderer/test-care';
import { startTestServer, type TestServer } from '@careloom/renderer/test-server';
import { deep, deepAll, overflowing, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClEnrollForm } from './enroll-form.js';
import type { ClPatientPage } from './patient-page.js';
import './enroll-form.js';
import './patient-page.js';

// One server for the file; every test enrolls patients of its own.
let server: TestServer;
let unitId: string;
let program: { id: string };
let therapist: ApiClient;

before(async function () {
  this.timeout(120_000);
  server = await startTestServer();
  unitId = (await demoClinic(server)).id;
  program = await deploy(server, 'panic-icbt-8-weeks');
  therapist = new ApiClient({ fetch: server.fetch('clinic') });
  await therapist.login(server.account('therapist').email, server.account('therapist').password);
});
after(async () => server.stop());

const posts = (path: string) => server.requests.filter((request) => request.method === 'POST' && request.path === path);
let emails = 0;
const newEmail = () => `sara.${++emails}.${Math.random().toString(36).slice(2, 8)}@example.org`;

/** Replaces the clipboard for one test: what was written, or a refusal (no secure context). */
function stubClipboard(refuse = false): { written: string[]; restore(): void } {
  const written: string[] = [];
  const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => { if (refuse) throw new DOMException('denied', 'NotAllowedError'); written.push(text); } } });
  return { written, restore: () => { delete (navigator as unknown as Record<string, unknown>)['clipboard']; if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original); } };
}

async function enrollForm(language = 'en'): Promise<ClEnrollForm> {
  const form = await fixture<ClEnrollForm>(html`<cl-enroll-form .api=${therapist} .language=${language} unit-id=${unitId} unit-name="Demo clinic"></cl-enroll-form>`);
  await until(() => deepAll(form, '#deploymentId option').length === 2, 10_000);
  const select = deep(form, '#deploymentId') as HTMLSelectElement;
  select.value = program.id;
  select.dispatchEvent(new Event('change'));
  await settleAll(form);
  return form;
}

describe("enrolling in the patient's language, against the real server", function () {
  this.timeout(120_000);
  before(async () => setViewport({ width: 360, height: 740 }));
  after(async () => setViewport({ width: 1024, height: 768 }));

  for (const [language, title] of [['sv', 'Internetbaserad KBT vid paniksyndrom (8 veckor) (version 1)'], ['en', 'Internet CBT for panic disorder (8 weeks) (version 1)'], ['nb', 'Internet CBT for panic disorder (8 weeks) (versjon 1)']] as const) {
    it(`names the program in the interface language where it is written in it (${language}; walking the clinic at 360 px in Swedish showed the English title)`, async () => {
      const form = await fixture<ClEnrollForm>(html`<cl-enroll-form .api=${therapist} .language=${language} unit-id=${unitId} unit-name="Demo clinic"></cl-enroll-form>`);
      await until(() => deepAll(form, '#deploymentId option').length > 1);
      expect(deepAll(form, '#deploymentId option').map((option) => option.textContent!.replace(/\s+/g, ' ').trim()).slice(1)).to.deep.equal([title]);
    });
  }

  it('offers the languages the chosen program is written in, sends the choice, and says which language the e-mail went out in', async () => {
    const form = await enrollForm();
    const email = newEmail();
    const language = deep(form, '#language') as HTMLSelectElement;
    expect([...language.options].map((option) => option.textContent)).to.deep.equal(['English', 'Swedish']);
    expect(language.value).to.equal('en');
    expect(deep(form, 'label[for="language"]').textContent).to.equal("Patient's language");
    expect(overflowing(form, 360)).to.deep.equal([]);
    expect(await seriousViolations(form)).to.deep.equal([]);
    language.value = 'sv';
    (deep(form, '#name') as HTMLInputElement).value = 'Sara Lind';
    (deep(form, '#email') as HTMLInputElement).value = email;
    deep(form, 'button[type="submit"]').click();
    await until(() => deepAll(form, '[data-mailed-in]').length > 0, 10_000);
    expect(posts(`/api/care/units/${unitId}/enrollments`).at(-1)?.body).to.deep.equal({ deploymentId: program.id, patient: { name: 'Sara Lind', email }, language: 'sv' });
    expect(deep(form, '[data-mailed-in]').textContent).to.equal('The invitation was e-mailed to the patient in Swedish.');
    const card = deep(form, 'cl-invitation-card');
    await settleAll(card);
    const code = deep(card, '.code').textContent!;
    expect(code).to.match(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(deep(card, '.url').getAttribute('href')).to.match(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/#/invite/${code}\\?lang=sv$`));
    // And the e-mail the server kept went out in Swedish, with that code.
    const { messages } = await server.call<{ messages: Array<{ to: string; subject: string; text: string }> }>('arrange-admin', 'GET', '/api/dev/outbox');
    const mail = messages.find((candidate) => candidate.to === email)!;
    expect(mail.subject).to.equal('Din inbjudan från Demo clinic');
    expect(mail.text).to.contain(code);
    expect(await seriousViolations(form)).to.deep.equal([]);
  });

  it("copies the invitation as a short text in the patient's language, and says so; without a clipboard it says what to do", async () => {
    const form = await enrollForm();
    (deep(form, '#language') as HTMLSelectElement).value = 'sv';
    (deep(form, '#name') as HTMLInputElement).value = 'Sara Lind';
    (deep(form, '#email') as HTMLInputElement).value = newEmail();
    deep(form, 'button[type="submit"]').click();
    const card = await until(() => deepAll(form, 'cl-invitation-card')[0], 10_000);
    await settleAll(card);
    const code = deep(card, '.code').textContent!;
    const clipboard = stubClipboard();
    try {
      deep(card, '[data-action="copy"]').click();
      await until(() => deep(card, '[role="status"]').textContent !== '');
      expect(clipboard.written).to.have.length(1);
      expect(clipboard.written[0]).to.contain('Din inbjudan från Demo clinic')
        .and.to.contain(`/#/invite/${code}?lang=sv`).and.to.contain(`skriv koden ${code}`);
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

describe('sending a new invitation from the patient page, against the real server', function () {
  this.timeout(120_000);
  before(async () => setViewport({ width: 360, height: 740 }));
  after(async () => setViewport({ width: 1024, height: 768 }));

  async function page(enrollmentId: string, language = 'en'): Promise<ClPatientPage> {
    const element = await fixture<ClPatientPage>(html`<cl-patient-page .api=${therapist} .language=${language} enrollment-id=${enrollmentId}></cl-patient-page>`);
    await until(() => element.detail !== null && element.responses !== null, 10_000);
    await settleAll(element);
    return element;
  }

  const invitedPatient = async () => enroll(server, { deploymentId: program.id, name: 'Ines Invited', accept: false });

  it('asks first, then sends one, shows the new code and says it was e-mailed', async () => {
    const invited = await invitedPatient();
    const path = `/api/care/enrollments/${invited.enrollmentId}/invitation`;
    const element = await page(invited.enrollmentId);
    expect(deep(element, '#invitation-heading').textContent).to.equal('Invitation');
    const card = deep(element, 'cl-invitation-card');
    await settleAll(card);
    deep(card, '[data-action="resend"]').click();
    await settleAll(card);
    expect(deep(card, '#resend-confirm').textContent).to.equal('The patient gets a new e-mail. The old link and code stop working.');
    expect(posts(path)).to.have.length(0);
    expect(overflowing(element, 360)).to.deep.equal([]);
    expect(await seriousViolations(element)).to.deep.equal([]);
    deep(card, '[data-action="confirm-resend"]').click();
    await until(() => deepAll(card, '.code').length > 0, 10_000);
    expect(posts(path)).to.have.length(1);
    expect(deep(card, '.code').textContent).to.match(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/).and.not.equal(invited.code);
    expect(deep(card, '[role="status"]').textContent).to.equal('A new invitation was e-mailed to the patient.');
    expect(deepAll(card, '#resend-confirm')).to.have.length(0);
  });

  it('is not offered once the patient accepted', async () => {
    const accepted = await enroll(server, { deploymentId: program.id, name: 'Anna Accepted' });
    const element = await page(accepted.enrollmentId);
    expect(deepAll(element, '#invitation-heading')).to.have.length(0);
  });

  it('is worded in Swedish and Norwegian', async () => {
    for (const [language, heading, button] of [['sv', 'Inbjudan', 'Skicka en ny inbjudan'], ['nb', 'Invitasjon', 'Send en ny invitasjon']] as const) {
      const element = await page((await invitedPatient()).enrollmentId, language);
      expect(deep(element, '#invitation-heading').textContent).to.equal(heading);
      const card = deep(element, 'cl-invitation-card');
      await settleAll(card);
      expect(deep(card, '[data-action="resend"]').textContent).to.equal(button);
    }
  });
});
