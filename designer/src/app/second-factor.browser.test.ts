import { expect, fixture, html } from '@open-wc/testing';
import { codeFor, decodeQr } from '@careloom/renderer/test-authenticator';
import type { Session } from '@careloom/format/api';
import { DesignerApi } from '../api/api-client.js';
import { i18n } from '../i18n/i18n.js';
import { deep, signedInWorkspace, startTestServer, typeInto, until } from '../testing/app-fixture.js';
import type { ClDesignerLogin } from './designer-login.js';
import './designer-login.js';
import type { ClDesignerSecurity } from './second-factor.js';
import './second-factor.js';

describe('second factor in the designer, against the real server', () => {
  afterEach(() => i18n.setLocale('en'));

  it('a permissions admin requires a second factor, sets one up, and signs in with the app\'s code', async function () {
    this.timeout(120_000);
    const server = await startTestServer();
    try {
      i18n.setLocale('nb');
      const workspace = await signedInWorkspace(server, 'permissions-admin', 'pat');
      const screen = await fixture<ClDesignerSecurity>(html`<cl-designer-security .workspace=${workspace}></cl-designer-security>`);
      const checkbox = (await until(() => deep(screen, 'input[name=required]') ?? undefined)) as HTMLInputElement;
      checkbox.click();
      await until(() => deep(screen, '[role=status]')?.textContent?.trim() === 'Lagret.' || undefined);
      expect(deep(screen, 'p')?.textContent?.trim()).to.equal('Organisasjonen din krever et ekstra steg når du logger inn. Sett det opp nå; det tar et minutt.');
      (deep(screen, 'button.primary') as HTMLButtonElement).click();
      const secret = (await until(() => deep(screen, 'code.secret')?.textContent?.replace(/\s/g, '') || undefined)) as string;
      // The QR code holds exactly the link the phone would open (read back from the image).
      const image = deep(screen, 'svg.qr-code') as unknown as SVGSVGElement;
      expect(image.getAttribute('aria-label')).to.equal('QR-kode å skanne med autentiseringsappen');
      expect(await decodeQr(image)).to.equal(deep<HTMLAnchorElement>(screen, 'a[href^="otpauth:"]')!.href);
      expect(new URL(deep<HTMLAnchorElement>(screen, 'a[href^="otpauth:"]')!.href).searchParams.get('secret')).to.equal(secret);
      typeInto(deep(screen, '#code')!, codeFor(secret));
      (deep(screen, 'cl-designer-second-factor-setup') as HTMLElement).shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await until(() => deep(screen, 'ul.recovery-codes') ?? undefined);
      (deep(screen, 'cl-designer-second-factor-setup') as HTMLElement).shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
      expect(await until(() => deep(screen, '.second-factor-on')?.textContent?.trim() || undefined)).to.equal('Totrinnsinnlogging er på. 10 reservekoder igjen.');
      expect(deep(screen, '.hint')?.textContent?.trim()).to.equal('Organisasjonen din krever totrinnsinnlogging, så den kan ikke slås av.');

      const account = server.account('permissions-admin');
      const api = new DesignerApi({ fetch: server.fetch('pat-again') });
      const signedIn: Session[] = [];
      const login = await fixture<ClDesignerLogin>(html`<cl-designer-login .api=${api} @signed-in=${(event: CustomEvent<Session>) => signedIn.push(event.detail)}></cl-designer-login>`);
      typeInto(deep(login, '#email')!, account.email);
      typeInto(deep(login, '#password')!, account.password);
      deep<HTMLButtonElement>(login, 'button[type=submit]')!.click();
      await until(() => deep(login, '#code') ?? undefined);
      expect(deep(login, 'h1')?.textContent?.trim()).to.equal('Ett steg til');
      typeInto(deep(login, '#code')!, '000000' === codeFor(secret, 1) ? '111111' : '000000');
      deep<HTMLButtonElement>(login, 'button[type=submit]')!.click();
      expect(await until(() => deep(login, '[role=alert]')?.textContent?.trim() || undefined)).to.equal('Koden er feil eller utløpt. Skriv koden appen viser nå.');
      typeInto(deep(login, '#code')!, codeFor(secret, 1));
      deep<HTMLButtonElement>(login, 'button[type=submit]')!.click();
      await until(() => signedIn[0]);
      expect(signedIn[0]!.person.email).to.equal(account.email);
    } finally {
      await server.stop();
    }
  });
});
