import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { ApiClient } from '@careloom/client/api';
import { demoClinic, deploy, enroll, PATIENT_PASSWORD, type ArrangedPatient, type ArrangedUnit } from '@careloom/renderer/test-care';
import { startTestServer, type TestServer } from '@careloom/renderer/test-server';
import { deep, memoryStorage, settleAll, until } from './test-helpers.js';
import type { ClMainNav } from './main-nav.js';
import '../patient/patient-app.js';
import '../clinic/clinic-app.js';

// The main menu of both apps on a 360 × 740 phone, in each language: the entries that fit in one
// row, the rest behind "More", none of them off screen; and every entry in the row on a wide screen.
let server: TestServer;
let unit: ArrangedUnit;
let pat: ArrangedPatient;
let jars = 0;

before(async function () {
  this.timeout(180_000);
  server = await startTestServer({ clock: new Date().toISOString() });
  unit = await demoClinic(server);
  pat = await enroll(server, { deploymentId: (await deploy(server, 'panic-icbt-8-weeks')).id, name: 'Pat Patient' });
});
after(async () => {
  await server.stop();
  history.replaceState(null, '', `${location.pathname}${location.search}`);
});

type App = HTMLElement & { updateComplete: Promise<unknown> };

async function mount(which: 'patient' | 'clinic', hash: string): Promise<App> {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  const storage = memoryStorage();
  storage.setItem('careloom.language', 'en');
  storage.setItem('careloom.clinic.unit', unit.id);
  const api = new ApiClient({ fetch: server.fetch(`nav-${++jars}`) });
  if (which === 'patient') await api.login(pat.email, PATIENT_PASSWORD);
  else await api.login(server.account('care-admin').email, server.account('care-admin').password);
  const app = which === 'patient'
    ? await fixture<App>(html`<cl-patient-app .api=${api} .storage=${storage} .isOnline=${() => true}></cl-patient-app>`)
    : await fixture<App>(html`<cl-clinic-app .api=${api} .storage=${storage}></cl-clinic-app>`);
  await until(() => app.shadowRoot?.querySelector('cl-main-nav'), 10_000);
  await settleAll(app);
  return app;
}

async function speak(app: App, language: string): Promise<ClMainNav> {
  const select = deep(app, 'header.top select[name="language"]') as HTMLSelectElement;
  select.value = language;
  select.dispatchEvent(new Event('change'));
  await settleAll(app);
  const nav = app.shadowRoot!.querySelector('cl-main-nav')!;
  await nav.updateComplete;
  await nav.updateComplete;
  return nav;
}

const inView = (element: Element) => {
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.left >= 0 && box.right <= window.innerWidth && box.top >= 0 && box.bottom <= window.innerHeight;
};
const barLinks = (nav: ClMainNav) => [...nav.shadowRoot!.querySelectorAll<HTMLAnchorElement>('ul.bar > li.entry > a')];
const moreLinks = (nav: ClMainNav) => [...nav.shadowRoot!.querySelectorAll<HTMLAnchorElement>('#more-list a')];
const moreButton = (nav: ClMainNav) => nav.shadowRoot!.querySelector<HTMLButtonElement>('button.more');
const focused = (nav: ClMainNav) => nav.shadowRoot!.activeElement;

/** Every entry's text on a wide screen, where all of them are in the row. */
async function wideLabels(which: 'patient' | 'clinic', hash: string, language: string): Promise<string[]> {
  await setViewport({ width: 1280, height: 800 });
  const app = await mount(which, hash);
  const nav = await speak(app, language);
  const labels = barLinks(nav).map((link) => link.textContent ?? '');
  app.remove();
  return labels;
}

describe('<cl-main-nav> in the patient app and the clinic, against the real server', function () {
  this.timeout(120_000);
  before(() => { document.body.style.margin = '0'; });
  after(async () => {
    document.body.style.margin = '';
    await setViewport({ width: 1024, height: 768 });
  });

  for (const [which, hash, count] of [['patient', '#/today', 7], ['clinic', '#/units', 10]] as const) {
    for (const language of ['en', 'sv', 'nb']) {
      it(`${which} (${language}): every entry in the row on a wide screen, without "More"`, async () => {
        await setViewport({ width: 1280, height: 800 });
        const app = await mount(which, hash);
        const nav = await speak(app, language);
        expect(barLinks(nav)).to.have.length(count);
        expect(moreButton(nav)).to.equal(null);
        for (const link of barLinks(nav)) expect(inView(link), link.textContent ?? '').to.equal(true);
        app.remove();
      });

      it(`${which} (${language}): at 360 px the entries that fit, the rest behind "More", all reachable on screen by keyboard`, async () => {
        const expected = await wideLabels(which, hash, language);
        await setViewport({ width: 360, height: 740 });
        const app = await mount(which, hash);
        const nav = await speak(app, language);
        const more = moreButton(nav)!;
        expect(more, 'the More button').to.not.equal(null);
        expect(more.textContent).to.contain(language === 'en' ? 'More' : 'Mer');
        // No sideways scroll: the row, the page and every entry in the row fit the screen.
        const bar = nav.shadowRoot!.querySelector('ul.bar')!;
        expect(bar.scrollWidth, 'row width').to.be.at.most(bar.clientWidth);
        expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(360);
        expect(barLinks(nav).length, 'entries in the row').to.be.greaterThan(1);
        // The language select shows its longest name whole ("Norsk bokmål" was cut to "Norsk bokn"):
        // its width without the phone's cap is no more than the width it has.
        const picker = deep(app, 'header.top select[name="language"]') as HTMLSelectElement;
        const shown = picker.getBoundingClientRect().width;
        picker.style.maxWidth = 'none';
        const natural = picker.getBoundingClientRect().width;
        picker.style.maxWidth = '';
        expect(natural, 'the language select at its natural width').to.be.at.most(shown + 0.5);
        for (const link of [...barLinks(nav), more]) expect(inView(link), link.textContent ?? '').to.equal(true);
        if (which === 'patient') expect(nav.getBoundingClientRect().bottom, 'header and menu').to.be.below(120);

        // A disclosure: closed, it says so and names the list it controls.
        const list = nav.shadowRoot!.getElementById(more.getAttribute('aria-controls') ?? '')!;
        expect(list, 'the controlled list').to.not.equal(null);
        expect(more.getAttribute('aria-expanded')).to.equal('false');
        expect(list.getBoundingClientRect().height).to.equal(0);

        // By keyboard: Enter opens, Tab walks into the list, Escape closes and goes back to the button.
        more.focus();
        await sendKeys({ press: 'Enter' });
        await nav.updateComplete;
        expect(more.getAttribute('aria-expanded')).to.equal('true');
        for (const link of moreLinks(nav)) expect(inView(link), `${link.textContent ?? ''} inside More`).to.equal(true);
        expect([...barLinks(nav), ...moreLinks(nav)].map((link) => link.textContent)).to.deep.equal(expected);
        await sendKeys({ press: 'Tab' });
        expect(focused(nav)).to.equal(moreLinks(nav)[0]);
        await sendKeys({ press: 'Escape' });
        await nav.updateComplete;
        expect(more.getAttribute('aria-expanded')).to.equal('false');
        expect(focused(nav)).to.equal(more);

        // Choosing the last entry closes the list; that entry, inside More, is marked as the page shown.
        await sendKeys({ press: 'ArrowDown' });
        await nav.updateComplete;
        expect(focused(nav)).to.equal(moreLinks(nav)[0]);
        const last = moreLinks(nav).at(-1)!;
        const target = last.getAttribute('href')!;
        last.focus();
        await sendKeys({ press: 'Enter' });
        await until(() => location.hash === target, 10_000);
        await settleAll(app);
        await nav.updateComplete;
        expect(more.getAttribute('aria-expanded')).to.equal('false');
        const current = [...barLinks(nav), ...moreLinks(nav)].filter((link) => link.getAttribute('aria-current') === 'page');
        expect(current.map((link) => link.getAttribute('href'))).to.deep.equal([target]);
        expect(moreLinks(nav)).to.include(current[0]);
        expect(more.classList.contains('holds-current')).to.equal(true);

        // A click elsewhere closes an open list.
        more.click();
        await nav.updateComplete;
        expect(more.getAttribute('aria-expanded')).to.equal('true');
        document.body.click();
        await nav.updateComplete;
        expect(more.getAttribute('aria-expanded')).to.equal('false');
        app.remove();
      });
    }
  }
});
