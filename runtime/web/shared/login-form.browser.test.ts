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
