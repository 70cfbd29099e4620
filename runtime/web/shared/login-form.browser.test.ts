import { expect, fixture, html } from '@open-wc/testing';
import { apiErrorFrom } from '@careloom/client/api';
import type { ApiClient } from '@careloom/client/api';
import type { ClLoginForm } from './login-form.js';
import './login-form.js';
import { deep, until } from './test-helpers.js';

/** A client whose login answers like the server's throttle: 429 problem+json, with Retry-After when given. */
function throttledApi(retryAfter: string | null): ApiClient {
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
  if (retryAfter !== null) headers['Retry-After'] = retryAfter;
  return {
    oidcStatus: async () => ({ enabled: false }),
    login: async () => {
      throw await apiErrorFrom(new Response(JSON.stringify({ status: 429, title: 'Too many requests', code: 'rate_limited' }), { status: 429, headers }));
    },
  } as unknown as ApiClient;
}

async function submitWith(api: ApiClient, language: string): Promise<string> {
  const form = await fixture<ClLoginForm>(html`<cl-login-form .api=${api} language=${language}></cl-login-form>`);
  for (const [name, value] of [['email', 'petra@example.org'], ['password', 'a long password']] as const) {
    const input = deep(form, `#${name}`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  (deep(form, 'button[type=submit]') as HTMLButtonElement).click();
  return until(() => form.shadowRoot?.querySelector('[role=alert]')?.textContent?.trim() || undefined);
}

describe('<cl-login-form> when the server slows sign-ins down', () => {
  it('says how long to wait, from Retry-After, in the patient’s language', async () => {
    expect(await submitWith(throttledApi('45'), 'en')).to.contain('Try again in 45 seconds');
    expect(await submitWith(throttledApi('900'), 'sv')).to.contain('Försök igen om 15 minuter');
    expect(await submitWith(throttledApi('120'), 'nb')).to.contain('Prøv igjen om 2 minutter');
  });

  it('falls back to a general wait when the server names none', async () => {
    expect(await submitWith(throttledApi(null), 'en')).to.contain('Wait a few minutes');
  });
});

describe('<cl-login-form> with an identity provider', () => {
  const providerApi = { oidcStatus: async () => ({ enabled: true, displayName: 'BankID' }) } as unknown as ApiClient;

  it('offers signing in with the provider by name, as a plain link back to the app', async () => {
    const form = await fixture<ClLoginForm>(html`<cl-login-form .api=${providerApi} language="sv" app="clinic"></cl-login-form>`);
    const link = await until(() => form.shadowRoot?.querySelector<HTMLAnchorElement>('.oidc a') ?? undefined);
    expect(link.textContent?.trim()).to.equal('Eller logga in med BankID');
    expect(new URL(link.href).pathname + new URL(link.href).search).to.equal('/api/auth/oidc/start?app=clinic');
  });

  it('says why a sign-in at the provider was refused, once, and takes the reason out of the address', async () => {
    const before = window.location.href;
    window.history.replaceState(null, '', `${window.location.pathname}?signin=unknown_identity${window.location.hash}`);
    try {
      const form = await fixture<ClLoginForm>(html`<cl-login-form .api=${providerApi} language="en" app="clinic"></cl-login-form>`);
      const alert = await until(() => (form.shadowRoot?.querySelector('[role=alert]')?.textContent?.includes('BankID') ? form.shadowRoot.querySelector('[role=alert]')!.textContent!.trim() : undefined));
      expect(alert).to.contain('BankID knows who you are, but no Careloom account is linked to you');
      expect(new URL(window.location.href).searchParams.has('signin')).to.equal(false);
    } finally {
      window.history.replaceState(null, '', before);
    }
  });

  it('ignores a reason it does not know', async () => {
    const before = window.location.href;
    window.history.replaceState(null, '', `${window.location.pathname}?signin=%3Cscript%3E`);
    try {
      const form = await fixture<ClLoginForm>(html`<cl-login-form .api=${providerApi} language="en"></cl-login-form>`);
      await form.updateComplete;
      expect(form.shadowRoot?.querySelector('[role=alert]')).to.equal(null);
    } finally {
      window.history.replaceState(null, '', before);
    }
  });
});
