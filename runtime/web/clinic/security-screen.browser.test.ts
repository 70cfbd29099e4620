import { expect, fixture, html } from '@open-wc/testing';
import { codeFor, decodeQr } from '@careloom/renderer/test-authenticator';
import { ApiClient } from '@careloom/client/api';
import type { Session } from '@careloom/format/api';
import { startTestServer } from '@careloom/renderer/test-server';
import type { ClLoginForm } from '../shared/login-form.js';
import '../shared/login-form.js';
import { deep, deepAll, pierce, seriousViolations, until } from '../shared/test-helpers.js';
import type { ClSecurityScreen } from './security-screen.js';
import './security-screen.js';

function type(root: Element, selector: string, value: string): void {
  const input = deep(root, selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('second factor in the clinic, against the real server', () => {
  it('a therapist sets up a second factor on the security screen, then signs in with a code from the app', async function () {
    this.timeout(120_000);
    const server = await startTestServer();
    try {
      const api = new ApiClient({ fetch: server.fetch('theo') });
      const account = server.account('therapist');
      await api.login(account.email, account.password);

      const screen = await fixture<ClSecurityScreen>(html`<cl-security-screen .api=${api} language="sv"></cl-security-screen>`);
      (await until(() => deepAll(screen, 'button').find((button) => button.textContent?.trim() === 'Slå på tvåstegsinloggning')) as HTMLButtonElement).click();
      const secretText = await until(() => deep(screen, 'code.secret')?.textContent?.replace(/\s/g, '') || undefined);
      expect(secretText).to.match(/^[A-Z2-7]{32}$/);
      const link = deep(screen, 'a.button') as HTMLAnchorElement;
      expect(link.href.startsWith('otpauth://totp/Careloom:')).to.equal(true);
      // The QR code beside it holds exactly that link (read back from the image), the key stays as text.
      const image = deep(screen, 'svg.qr-code') as unknown as SVGSVGElement;
      expect(image.getAttribute('aria-label')).to.equal('QR-kod att skanna med autentiseringsappen');
      expect(await decodeQr(image)).to.equal(link.href);
      expect(image.getBoundingClientRect().width).to.be.within(150, 241);
      expect(await seriousViolations(screen)).to.deep.equal([]);

      type(screen, '#code', '000000' === codeFor(secretText) ? '111111' : '000000');
      (pierce(screen, 'cl-second-factor-setup button[type=submit]') as HTMLButtonElement).click();
      expect(await until(() => deep(screen, '[role=alert]')?.textContent?.trim() || undefined)).to.equal('Koden är fel eller har gått ut. Skriv koden som appen visar nu.');
      type(screen, '#code', codeFor(secretText));
      (pierce(screen, 'cl-second-factor-setup button[type=submit]') as HTMLButtonElement).click();
      const codes = await until(() => (deepAll(screen, '.recovery-codes li').length === 10 ? deepAll(screen, '.recovery-codes li') : undefined));
      expect(codes[0]!.textContent?.trim()).to.match(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
      (deepAll(screen, 'button').find((button) => button.textContent?.trim() === 'Jag har sparat koderna') as HTMLButtonElement).click();
      expect(await until(() => deep(screen, '.second-factor-on')?.textContent?.trim() || undefined)).to.equal('Tvåstegsinloggning är på. 10 reservkoder kvar.');
      await api.logout();

      // Signing in again: the password, then the app's code (of the next step: the first was used).
      const fresh = new ApiClient({ fetch: server.fetch('theo') });
      const signedIn: Session[] = [];
      const form = await fixture<ClLoginForm>(html`<cl-login-form .api=${fresh} language="en" app="clinic" @signed-in=${(event: CustomEvent<Session>) => signedIn.push(event.detail)}></cl-login-form>`);
      type(form, '#email', account.email);
      type(form, '#password', account.password);
      (deep(form, 'button[type=submit]') as HTMLButtonElement).click();
      await until(() => deep(form, '#code') ?? undefined);
      expect(deep(form, 'h1')?.textContent?.trim()).to.equal('One more step');
      type(form, '#code', codeFor(secretText, 1));
      (deep(form, 'button[type=submit]') as HTMLButtonElement).click();
      await until(() => signedIn[0]);
      expect(signedIn[0]!.person.email).to.equal(account.email);
      expect((await fresh.me()).person.email).to.equal(account.email);
    } finally {
      await server.stop();
    }
  });
});
