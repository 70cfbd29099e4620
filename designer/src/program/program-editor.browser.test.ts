import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Program } from '../../../schemas/src/generated/format.js';
import { programToYDoc, yDocToProgram } from '../../../schemas/src/ydoc/index.js';
import copdModule from '../../../examples/modules/copd-daily-report.json';
import phq9 from '../../../examples/modules/phq-9.json';
import copdProgram from '../../../examples/programs/copd-home-follow-up.json';
import { deep, deepAll, seriousViolations, settle, typeInto, until, workspaceFor } from '../testing/app-fixture.js';
import { FakeApi, PEOPLE } from '../testing/fake-api.js';
import { LocalCollabServer } from '../testing/local-connector.js';
import type { ClProgramEditor } from './program-editor.js';
import './program-editor.js';

function seed() {
  const fake = new FakeApi();
  fake.addDocument('copd-daily-report', 'COPD daily report', copdModule, [{ state: 'released' }], { releasedVersion: 1 });
  fake.addDocument('phq-9', 'PHQ-9', phq9, [{ state: 'released' }, { state: 'released' }], { releasedVersion: 2 });
  fake.addDocument('copd-home-follow-up', 'COPD home follow-up', copdProgram, [], { kind: 'program' });
  const server = new LocalCollabServer(programToYDoc(structuredClone(copdProgram) as unknown as Program));
  return { fake, server };
}

async function mountEditor(fake: FakeApi, server: LocalCollabServer, person = PEOPLE.designer): Promise<ClProgramEditor> {
  const workspace = await workspaceFor(fake, person);
  const editor = await fixture<ClProgramEditor>(html`<cl-program-editor .workspace=${workspace} .connector=${server.connector} document-id="copd-home-follow-up"></cl-program-editor>`);
  await until(() => deep(editor, 'fieldset.entry'));
  await settle(editor);
  return editor;
}

const serverProgram = (server: LocalCollabServer) => yDocToProgram(server.doc) as Program;

describe('<cl-program-editor>', () => {
  it('shows the program from the live doc, the connection state and no problems for a valid program', async () => {
    const { fake, server } = seed();
    const editor = await mountEditor(fake, server);
    expect(deep(editor, '.status')!.textContent).to.contain('Connected');
    expect(deep<HTMLInputElement>(editor, '#program-title')!.value).to.equal('COPD home follow-up');
    expect(deep<HTMLSelectElement>(editor, '#modules-0-module')!.value).to.equal('copd-daily-report');
    expect(deep<HTMLInputElement>(editor, '#registrations-0-deadline')!.value).to.equal('12:00');
    await until(() => deep(editor, 'aside [role=status]')?.textContent?.includes('No problems'));
  });

  it('adds a measurement, edits weeks and version, and the shared doc changes', async () => {
    const { fake, server } = seed();
    const editor = await mountEditor(fake, server);
    deep<HTMLButtonElement>(editor, 'button[data-add=measurements]')!.click();
    await until(() => serverProgram(server).measurements?.length === 1);
    await settle(editor);
    const module = deep<HTMLSelectElement>(editor, '#measurements-0-module')!;
    module.value = 'phq-9';
    module.dispatchEvent(new Event('change'));
    typeInto(deep(editor, '#measurements-0-weeks'), '1, 4, 8');
    await until(() => serverProgram(server).measurements?.[0]?.weeks.length === 3);
    expect(serverProgram(server).measurements![0]).to.deep.include({ module: { moduleId: 'phq-9' }, weeks: [1, 4, 8], dueWithinDays: 7 });
    typeInto(deep(editor, '#measurements-0-weeks'), '1, x');
    await settle(editor);
    expect(deep(editor, '#measurements-0-weeks-hint')!.textContent).to.contain('"1, x" is not a list of week numbers');
    expect(serverProgram(server).measurements![0]!.weeks).to.deep.equal([1, 4, 8]);
    await until(() => deepAll(editor, '#modules-0-version option').length === 2);
    const version = deep<HTMLSelectElement>(editor, '#modules-0-version')!;
    version.value = '1';
    version.dispatchEvent(new Event('change'));
    await until(() => serverProgram(server).modules[0]!.module.version === 1);
  });

  it('lists validation problems live with their paths', async () => {
    const { fake, server } = seed();
    const editor = await mountEditor(fake, server);
    typeInto(deep(editor, '#program-weeks'), '0');
    await until(() => deep(editor, 'aside [role=status]')?.textContent?.includes('problems to fix'));
    const paths = deepAll(deep(editor, 'aside cl-issue-list')!, 'code').map((code) => code.textContent);
    expect(paths).to.include('/durationWeeks');
    typeInto(deep(editor, '#program-weeks'), '26');
    await until(() => deep(editor, 'aside [role=status]')?.textContent?.includes('No problems'));
  });

  it('edits registrations: weekly on chosen weekdays, reminders, alert when missing', async () => {
    const { fake, server } = seed();
    const editor = await mountEditor(fake, server);
    const frequency = deep<HTMLSelectElement>(editor, '#registrations-0-frequency')!;
    frequency.value = 'weekly';
    frequency.dispatchEvent(new Event('change'));
    await until(() => deep(editor, '#registrations-0-day-3'));
    deep<HTMLInputElement>(editor, '#registrations-0-day-3')!.click();
    await until(() => JSON.stringify(serverProgram(server).registrations![0]!.weekdays) === '[1,3]');
    deep<HTMLInputElement>(editor, '#registrations-0-reminder-0-email')!.click();
    await until(() => JSON.stringify(serverProgram(server).registrations![0]!.reminders) === '[{"minutesBefore":60,"channels":["app"]}]');
    expect(await seriousViolations(editor)).to.deep.equal([]);
  });

  it('shows a collaborator\'s edit, and keeps offline edits until the connection returns', async () => {
    const { fake, server } = seed();
    const editor = await mountEditor(fake, server);
    server.doc.getMap('program').set('durationWeeks', 30);
    await until(() => deep<HTMLInputElement>(editor, '#program-weeks')?.value === '30');
    server.setOnline(false);
    await until(() => deep(editor, '.status')!.textContent!.includes('Offline'));
    typeInto(deep(editor, '#program-weeks'), '20');
    await settle(editor);
    expect(serverProgram(server).durationWeeks).to.equal(30);
    server.setOnline(true);
    await until(() => serverProgram(server).durationWeeks === 20);
    expect(deep(editor, '.status')!.textContent).to.contain('Connected');
  });

  it('is read-only for publishers', async () => {
    const { fake, server } = seed();
    const editor = await mountEditor(fake, server, PEOPLE.publisher);
    expect(deep<HTMLInputElement>(editor, '#program-weeks')!.disabled).to.equal(true);
    expect(deep(editor, 'button[data-add]')).to.equal(null);
    expect(editor.shadowRoot!.textContent).to.contain('Read only');
  });

  it('passes axe and adds an entry from the keyboard, focusing it', async () => {
    const { fake, server } = seed();
    const editor = await mountEditor(fake, server);
    expect(await seriousViolations(editor)).to.deep.equal([]);
    deep<HTMLButtonElement>(editor, 'button[data-add=modules]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => serverProgram(server).modules.length === 2);
    await until(() => editor.shadowRoot!.activeElement?.id === 'modules-1-key');
    await sendKeys({ press: 'Tab' });
    expect(editor.shadowRoot!.activeElement?.id).to.equal('modules-1-module');
  });
});
