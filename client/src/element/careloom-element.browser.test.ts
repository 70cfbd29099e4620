import { expect, fixture, html } from '@open-wc/testing';
import { ApiError } from '../api/api-error.js';
import { AppLocale } from '../locale/locale.js';
import { combineCatalogs, type Catalogs } from '../messages/catalog.js';
import { commonMessages } from '../messages/common.js';
import { CareloomElement } from './careloom-element.js';

type ProbeKey = 'probe.greeting' | 'probe.count';
const probeMessages = combineCatalogs<ProbeKey, keyof typeof commonMessages.en>(
  {
    en: { 'probe.greeting': 'Hello', 'probe.count': '{n, plural, one {# answer saved} other {# answers saved}}' },
    sv: { 'probe.greeting': 'Hej', 'probe.count': '{n, plural, one {# svar sparat} other {# svar sparade}}' },
    nb: { 'probe.greeting': 'Hei', 'probe.count': '{n, plural, one {# svar lagret} other {# svar lagret}}' },
  } satisfies Catalogs<ProbeKey>,
  commonMessages,
);

const appLocale = new AppLocale('en');

/** An element of an app with one shared language (as the designer): counts its renders and language changes. */
class FollowingProbe extends CareloomElement<ProbeKey> {
  renders = 0;
  changes = 0;
  protected get catalogs() {
    return probeMessages;
  }
  protected override get localeSource() {
    return appLocale;
  }
  protected override languageChanged(): void {
    this.changes += 1;
  }
  protected override render() {
    this.renders += 1;
    return html`<p>${this.t('probe.greeting')}, ${this.t('probe.count', { n: 1 })}</p>`;
  }
}
customElements.define('careloom-following-probe', FollowingProbe);

/** An element handed its language by its parent (as the web apps' screens). */
class HandedProbe extends CareloomElement<ProbeKey> {
  changes = 0;
  protected get catalogs() {
    return probeMessages;
  }
  set handed(language: string) {
    this.locale.give(language);
  }
  protected override languageChanged(): void {
    this.changes += 1;
  }
  protected override render() {
    return html`<p>${this.t('probe.greeting')}</p>`;
  }
}
customElements.define('careloom-handed-probe', HandedProbe);

const text = (element: Element) => element.shadowRoot!.textContent!.trim();

describe('CareloomElement', () => {
  afterEach(() => appLocale.set('en'));

  it('re-renders in the new language when the app switches, then calls languageChanged once', async () => {
    const element = await fixture<FollowingProbe>(html`<careloom-following-probe></careloom-following-probe>`);
    expect(text(element)).to.equal('Hello, 1 answer saved');
    expect(element.changes).to.equal(0);
    appLocale.set('sv');
    await element.updateComplete;
    expect(text(element)).to.equal('Hej, 1 svar sparat');
    expect(element.interfaceLanguage).to.equal('sv');
    expect(element.changes).to.equal(1);
    appLocale.set('nb');
    await element.updateComplete;
    expect(text(element)).to.equal('Hei, 1 svar lagret');
    expect(element.changes).to.equal(2);
  });

  it('stops listening when removed, and catches up with a change it missed when put back', async () => {
    const element = await fixture<FollowingProbe>(html`<careloom-following-probe></careloom-following-probe>`);
    const parent = element.parentElement!;
    element.remove();
    const renders = element.renders;
    appLocale.set('sv');
    await element.updateComplete;
    expect(element.renders).to.equal(renders);
    parent.append(element);
    await element.updateComplete;
    expect(text(element)).to.equal('Hej, 1 svar sparat');
  });

  it('follows a language handed to it, calling languageChanged only for a real change', async () => {
    const element = await fixture<HandedProbe>(html`<careloom-handed-probe></careloom-handed-probe>`);
    expect(text(element)).to.equal('Hello');
    element.handed = 'sv';
    await element.updateComplete;
    expect(text(element)).to.equal('Hej');
    expect(element.changes).to.equal(1);
    element.handed = 'sv';
    await element.updateComplete;
    expect(element.changes).to.equal(1);
  });

  it('does not call languageChanged for the language it is first shown in', async () => {
    const element = document.createElement('careloom-handed-probe') as HandedProbe;
    element.handed = 'nb';
    document.body.append(element);
    await element.updateComplete;
    expect(text(element)).to.equal('Hei');
    expect(element.changes).to.equal(0);
    element.remove();
  });

  it('describes a failed call in plain words per status, in the interface language', async () => {
    const element = await fixture<FollowingProbe>(html`<careloom-following-probe></careloom-following-probe>`);
    const described = (status: number, detail?: string) => element.describeError(new ApiError({ status, title: 'Title of the problem', ...(detail ? { detail } : {}) }));
    expect(described(0)).to.equal(commonMessages.en['common.errorOffline']);
    expect(described(401)).to.equal(commonMessages.en['common.errorSignedOut']);
    expect(described(403)).to.equal(commonMessages.en['common.errorForbidden']);
    expect(described(404)).to.equal(commonMessages.en['common.errorNotFound']);
    expect(described(409, 'Someone changed this meanwhile.')).to.equal('Someone changed this meanwhile.');
    expect(described(500)).to.equal('Title of the problem');
    expect(element.describeError(new TypeError('x is undefined'))).to.equal(commonMessages.en['common.errorUnexpected']);
    appLocale.set('sv');
    expect(described(0)).to.equal(commonMessages.sv['common.errorOffline']);
    expect(described(0)).to.not.equal(commonMessages.en['common.errorOffline']);
  });

  it('guard keeps a failed load as loadError and clears it on the next success', async () => {
    const element = await fixture<FollowingProbe>(html`<careloom-following-probe></careloom-following-probe>`);
    const failed = await element.guard(() => Promise.reject(new ApiError({ status: 403, title: 'Forbidden' })));
    expect(failed).to.equal(undefined);
    expect(element.loadError).to.equal(commonMessages.en['common.errorForbidden']);
    const loaded = await element.guard(() => Promise.resolve(42));
    expect(loaded).to.equal(42);
    expect(element.loadError).to.equal(null);
  });
});
