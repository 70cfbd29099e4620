import { expect, fixture, html } from '@open-wc/testing';
import { apiErrorFrom } from '@careloom/client/api';
import type { DesignerApi } from '../api/api-client.js';
import { i18n } from '../i18n/i18n.js';
import { deep, typeInto, until } from '../testing/app-fixture.js';
import type { ClDesignerLogin } from './designer-login.js';
import './designer-login.js';

/** A client whose login answers like the server's throttle: 429 problem+json with Retry-After. */
function throttledApi(retryAfter: string | null): DesignerApi {
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
  if (retryAfter !== null) headers['Retry-After'] = retryAfter;
  return {
    oidcStatus: async () => ({ enabled: false }),
    login: async () => {
      throw await apiErrorFrom(new Response(JSON.stringify({ status: 429, title: 'Too many requests', code: 'rate_limited' }), { status: 429, headers }));
    },
  } as unknown as DesignerApi;
}

async function submitWith(api: DesignerApi): Promise<string> {
  const form = await fixture<ClDesignerLogin>(html`<cl-designer-login .api=${api}></cl-designer-login>`);
  typeInto(deep(form, '#email'), 'dana@example.org');
  typeInto(deep(form, '#password'), 'a long password');
  deep<HTMLButtonElement>(form, 'button[type=submit]')!.click();
  return (await until(() => deep(form, '[role=alert]')?.textContent?.trim() || undefined)) as string;
}

describe('<cl-designer-login> when the server slows sign-ins down', () => {
  afterEach(() => i18n.setLocale('en'));

  it('says how long to wait, from Retry-After, in the interface language', async () => {
    expect(await submitWith(throttledApi('30'))).to.contain('Try again in 30 seconds');
    i18n.setLocale('sv');
    expect(await submitWith(throttledApi('600'))).to.contain('Försök igen om 10 minuter');
    i18n.setLocale('nb');
    expect(await submitWith(throttledApi('1'))).to.contain('Prøv igjen om 1 sekund');
  });

  it('falls back to a general wait when the server names none', async () => {
    expect(await submitWith(throttledApi(null))).to.contain('Wait a minute');
  });
});

describe('<cl-designer-login> with an identity provider', () => {
  afterEach(() => i18n.setLocale('en'));

  it('offers signing in with the provider by name and says why a sign-in there was refused', async () => {
    const before = window.location.href;
    window.history.replaceState(null, '', `${window.location.pathname}?signin=cancelled`);
    try {
      i18n.setLocale('nb');
      const api = { oidcStatus: async () => ({ enabled: true, displayName: 'ID-porten' }) } as unknown as DesignerApi;
      const form = await fixture<ClDesignerLogin>(html`<cl-designer-login .api=${api}></cl-designer-login>`);
      const link = (await until(() => deep<HTMLAnchorElement>(form, 'a.button') ?? undefined)) as HTMLAnchorElement;
      expect(link.textContent?.trim()).to.equal('Eller logg inn med ID-porten');
      expect(new URL(link.href).search).to.equal('?app=designer');
      expect(deep(form, '[role=alert]')?.textContent?.trim()).to.equal('Innloggingen med ID-porten ble avbrutt.');
      expect(window.location.search).to.equal('');
    } finally {
      window.history.replaceState(null, '', before);
    }
  });
});
