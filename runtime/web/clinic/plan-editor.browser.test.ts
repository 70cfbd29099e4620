import { expect, fixture, html } from '@open-wc/testing';
import { ApiClient } from '@careloom/client/api';
import type { Plan } from '@careloom/format/api';
import { demoClinic, deploy, enroll, type ArrangedPatient } from '@careloom/renderer/test-care';
import { startTestServer, type TestServer } from '@careloom/renderer/test-server';
import { deep, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClPlanEditor } from './plan-editor.js';
import './plan-editor.js';

// A patient's own thresholds decide their zone: the real server refuses a 60 °C fever threshold on
// the COPD diary (which takes 34–42 °C), and the editor says beside that threshold, in the
// therapist's language, which values the diary takes; nothing is stored.
describe('<cl-plan-editor> thresholds, against the real server', function () {
  this.timeout(120_000);
  let server: TestServer;
  let api: ApiClient;
  let patient: ArrangedPatient;

  before(async () => {
    server = await startTestServer();
    await demoClinic(server);
    const program = await deploy(server, 'copd-home-follow-up');
    patient = await enroll(server, { deploymentId: program.id, name: 'Cole Copd' });
    api = new ApiClient({ fetch: server.fetch('clinic') });
    await api.login(server.account('therapist').email, server.account('therapist').password);
  });
  after(async () => server.stop());

  async function mount(language: string): Promise<ClPlanEditor> {
    const { plans } = await api.get<{ plans: Plan[] }>(`/api/care/enrollments/${patient.enrollmentId}`);
    const plan = plans.find((candidate) => candidate.registrationId === 'copdDaily')!;
    const editor = await fixture<ClPlanEditor>(html`<cl-plan-editor .api=${api} .language=${language} enrollment-id=${patient.enrollmentId} .plan=${plan}></cl-plan-editor>`);
    await settleAll(editor);
    return editor;
  }

  const expected = {
    en: 'Enter a threshold from 34 to 42 °C: the diary takes no other values.',
    sv: 'Ange en gräns från 34 till 42 °C: dagboken tar inte emot andra värden.',
    nb: 'Skriv inn en grense fra 34 til 42 °C: dagboken tar ikke imot andre verdier.',
  };

  for (const language of ['en', 'sv', 'nb'] as const) {
    it(`shows the refusal of a 60 °C fever threshold beside it (${language})`, async () => {
      const editor = await mount(language);
      const input = deep(editor, '#rule-copdDaily-fever') as HTMLInputElement;
      input.value = '60';
      input.dispatchEvent(new Event('input'));
      deep(editor, 'button[type="submit"]').click();
      await until(() => editor.shadowRoot?.querySelector('#rule-copdDaily-fever-error'), 10_000);
      expect(deep(editor, '#rule-copdDaily-fever-error').textContent).to.equal(expected[language]);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(editor.shadowRoot!.querySelectorAll('.field-error')).to.have.length(1);
      expect(await seriousViolations(editor)).to.deep.equal([]);
      const { plans } = await api.get<{ plans: Plan[] }>(`/api/care/enrollments/${patient.enrollmentId}`);
      const fever = plans.flatMap((plan) => plan.zones.flatMap((zone) => zone.rules)).find((rule) => rule.id === 'fever');
      expect(fever?.when.value).to.equal(38);
      expect(fever?.personal).to.equal(false);
    });
  }
});
