import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { i18n } from '../i18n/i18n.js';
import { deep, deepAll, seriousViolations, signedInWorkspace, startTestServer, typeInto, until, type TestServer } from '../testing/app-fixture.js';
import type { ClSimulator } from './simulator.js';
import './simulator.js';

// The simulator against a real server with the demo content (every example released): the content
// comes from the server, the run is the engine's in the page.
let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  i18n.setLocale('en');
  await setViewport({ width: 800, height: 600 });
  await server.stop();
});

async function mount(key: string, id: string, version: number | null): Promise<ClSimulator> {
  const workspace = await signedInWorkspace(server, key);
  return fixture<ClSimulator>(html`<cl-simulator .workspace=${workspace} document-id=${id} .version=${version}></cl-simulator>`);
}

async function run(simulator: ClSimulator, persona: string, startDate = '2026-03-02'): Promise<void> {
  await until(() => deep(simulator, 'form'));
  deep<HTMLInputElement>(simulator, `input[name=persona][value=${persona}]`)!.click();
  typeInto(deep(simulator, '#start-date'), startDate);
  deep<HTMLButtonElement>(simulator, 'button[data-action=run]')!.click();
  await until(() => deep(simulator, '[data-summary]'), 30_000);
}

const weekText = (simulator: Element, week: number) => deep(simulator, `section.week[data-week="${week}"]`)!.textContent!.replace(/\s+/g, ' ');

describe('<cl-simulator>', () => {
  it('runs the released panic program with a deteriorating patient: the PHQ-9 item-9 alert first appears in week 3', async () => {
    const simulator = await mount('tester', 'panic-icbt-8-weeks', 1);
    await run(simulator, 'deteriorating');
    expect(deepAll(simulator, 'section.week')).to.have.length(8);
    for (const week of [1, 2]) expect(deepAll(simulator, `section.week[data-week="${week}"] li.alert`)).to.have.length(0);
    const week3 = deepAll(simulator, 'section.week[data-week="3"] li.alert');
    expect(week3.length).to.be.greaterThan(0);
    const text = week3[0]!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Alert (Urgent): PHQ-9');
    expect(text).to.contain('Item 9');
    expect(text).to.contain('Respond by');
    expect(weekText(simulator, 3)).to.contain('PHQ-9: how you have been feeling filled in');
    // A window that closes at midnight is due by the end of the day before, not "Thu 00:00".
    expect(weekText(simulator, 3)).to.contain('PHQ-9: how you have been feeling, due Wed, Mar 18, end of day');
    // Every module the program names was read, from its released version.
    expect(deepAll(simulator, '[data-sources] li').map((item) => item.textContent!.trim())).to.include('PHQ-9: how you have been feeling: version 1');
    // The end charts: PHQ-9 eight times, rising.
    const phq = deep(simulator, 'figure[data-chart="phq-9/phq9"]')!;
    expect(phq.querySelector('svg')!.getAttribute('aria-label')).to.match(/^PHQ-9: 8 totals from \d+ to \d+, on a scale of 0 to 27\.$/);
    expect(phq.querySelectorAll('circle')).to.have.length(8);
    expect(await seriousViolations(simulator)).to.deep.equal([]);
  });

  it('shows the missing-report alerts of a patient who stops answering, on the COPD draft, in Swedish at phone width', async () => {
    await setViewport({ width: 360, height: 740 });
    i18n.setLocale('sv');
    const simulator = await mount('publisher', 'copd-home-follow-up', null);
    await until(() => deep(simulator, 'form'));
    expect(deep(simulator, 'h1')!.textContent).to.contain('Simulera: Digital hemmonitorering vid KOL');
    expect(simulator.shadowRoot!.textContent).to.contain('Utkastet, som det ser ut nu');
    await run(simulator, 'stopsInWeek3');
    expect(weekText(simulator, 3)).to.contain('Larm om saknad rapport');
    expect(deepAll(simulator, 'section.week[data-week="3"] li[data-kind=missingReport]')).to.have.length(7);
    expect(deepAll(simulator, 'section.week[data-week="26"] li[data-kind=missingReport]')).to.have.length(7);
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    expect(await seriousViolations(simulator)).to.deep.equal([]);
  });

  it('runs a module alone for the weeks chosen, and refuses a start date out of range', async () => {
    const simulator = await mount('tester', 'phq-9', 1);
    await until(() => deep(simulator, '#weeks'));
    typeInto(deep(simulator, '#weeks'), '5');
    await run(simulator, 'improving');
    expect(deepAll(simulator, 'section.week')).to.have.length(5);
    expect(deepAll(simulator, 'li.alert')).to.have.length(0);
    typeInto(deep(simulator, '#start-date'), '9999-01-01');
    deep<HTMLButtonElement>(simulator, 'button[data-action=run]')!.click();
    await until(() => deep(simulator, 'p.error[role=alert]'));
    expect(deep(simulator, 'p.error[role=alert]')!.textContent).to.contain('between 1900 and 2199');
  });

  it('is not offered to a designer, who is told who it is for, and names a module it cannot read', async () => {
    const refused = await mount('designer', 'panic-icbt-8-weeks', null);
    await until(() => deep(refused, '[data-refused]'));
    expect(deep(refused, '[data-refused]')!.textContent).to.contain('for testers and publishers');
    expect(deep(refused, 'form')).to.equal(null);
    const missing = await mount('tester', 'no-such-program', null);
    await until(() => deep(missing, 'p.error[role=alert]'));
    expect(deep(missing, 'p.error[role=alert]')!.textContent).to.contain('The simulation cannot be opened.');
  });

  it('runs in the care unit\'s time zone, shows its progress, and stops when a setting changes or the screen is left', async () => {
    const terminate = Worker.prototype.terminate;
    let ended = 0;
    Worker.prototype.terminate = function (this: Worker) {
      ended += 1;
      terminate.call(this);
    };
    try {
      const simulator = await mount('tester', 'panic-icbt-8-weeks', 1);
      await until(() => deep(simulator, 'form'));
      // A unit keeps Europe/Stockholm unless its admin chooses another: the run starts there.
      const zone = deep<HTMLSelectElement>(simulator, '#time-zone')!;
      expect(zone.value).to.equal('Europe/Stockholm');
      expect(deep(simulator, '#time-zone-hint')!.textContent).to.contain('Europe/Stockholm');
      zone.value = 'America/New_York';
      zone.dispatchEvent(new Event('change'));
      typeInto(deep(simulator, '#start-date'), '2026-03-02');
      deep<HTMLButtonElement>(simulator, 'button[data-action=run]')!.click();
      await simulator.updateComplete;
      expect(deep(simulator, '[data-progress]')).to.not.equal(null);
      expect(deep<HTMLButtonElement>(simulator, 'button[data-action=run]')!.disabled).to.equal(true);
      // Another persona while it runs: the run is for settings no longer shown, so it stops.
      deep<HTMLInputElement>(simulator, 'input[name=persona][value=improving]')!.click();
      await simulator.updateComplete;
      expect(ended).to.equal(1);
      expect(deep(simulator, '[data-progress]')).to.equal(null);
      expect(deep(simulator, '[role=status]')!.textContent).to.contain('stopped because a setting changed');
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(deep(simulator, '[data-summary]')).to.equal(null);

      deep<HTMLButtonElement>(simulator, 'button[data-action=run]')!.click();
      await until(() => deep(simulator, '[data-summary]'), 30_000);
      expect(deep(simulator, '[data-summary]')!.textContent).to.contain('time zone America/New_York');
      // Week 1 opens at midnight in New York (05:00 UTC in March, before summer time there begins on 8 March).
      const first = deep(simulator, 'section.week[data-week="1"] li[data-kind=unlock] time')!;
      expect(first.getAttribute('datetime')).to.equal('2026-03-02T05:00:00.000Z');
      // Week 2 opens after the change to summer time: midnight is then 04:00 UTC.
      expect(deep(simulator, 'section.week[data-week="2"] li[data-kind=unlock] time')!.getAttribute('datetime')).to.equal('2026-03-09T04:00:00.000Z');

      // Leaving the screen while a run goes on ends its worker.
      deep<HTMLButtonElement>(simulator, 'button[data-action=run]')!.click();
      await simulator.updateComplete;
      const before = ended;
      simulator.remove();
      expect(ended).to.equal(before + 1);
    } finally {
      Worker.prototype.terminate = terminate;
    }
  });

  it('stops a run with the Stop button, and says so', async () => {
    const simulator = await mount('publisher', 'copd-home-follow-up', 1);
    await until(() => deep(simulator, 'form'));
    deep<HTMLButtonElement>(simulator, 'button[data-action=run]')!.click();
    await until(() => deep(simulator, 'button[data-action=cancel]'));
    deep<HTMLButtonElement>(simulator, 'button[data-action=cancel]')!.click();
    await simulator.updateComplete;
    expect(deep(simulator, '[role=status]')!.textContent).to.contain('The simulation was stopped.');
    expect(deep<HTMLButtonElement>(simulator, 'button[data-action=run]')!.disabled).to.equal(false);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(deep(simulator, '[data-summary]')).to.equal(null);
  });
});
