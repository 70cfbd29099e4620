import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ApiClient } from '@careloom/client/api';
import type { ApiToken, Unit } from '@careloom/format/api';
import { overflowing, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClApiTokensScreen } from './api-tokens-screen.js';
import './api-tokens-screen.js';

const SECRET = 'clk_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';
const NOW = new Date('2026-03-10T09:00:00');
const unit = (id: string, name: string, organisationId = 'care-1') => ({ id, name, organisationId }) as Unit;

/** A tiny server for the screen: tokens in memory, every request recorded. */
function fakeServer() {
  const tokens: ApiToken[] = [
    { id: 't1', name: 'Journal system', scopes: ['questionnaires.read', 'patient-data.read'], unitIds: null, createdBy: 'p1', createdAt: '2026-03-01T08:00:00Z', expiresAt: '2026-06-01T21:59:59Z', lastUsedAt: '2026-03-09T14:05:00Z', revokedAt: null },
    { id: 't2', name: 'Old lab system', scopes: ['questionnaires.read'], unitIds: ['u2', 'u-gone'], createdBy: 'p1', createdAt: '2025-01-01T08:00:00Z', expiresAt: null, lastUsedAt: null, revokedAt: '2026-02-01T10:00:00Z' },
  ];
  const units = [unit('u1', 'Clinic North'), unit('u2', 'Clinic South'), unit('x1', 'Elsewhere', 'care-2')];
  const requests: Array<{ method: string; path: string; body: unknown }> = [];
  const json = (status: number, body: unknown) => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), location.href);
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    requests.push({ method, path: url.pathname, body });
    const base = '/api/care/providers/care-1/api-tokens';
    if (url.pathname === '/api/care/units') return json(200, { units });
    if (url.pathname === base && method === 'GET') return json(200, { tokens });
    if (url.pathname === base && method === 'POST') {
      if (body.name === 'taken') return json(409, { type: 'about:blank', title: 'Conflict', status: 409, detail: 'The server said no.' });
      const created: ApiToken = { id: `t${tokens.length + 1}`, name: body.name, scopes: body.scopes, unitIds: body.unitIds ?? null, createdBy: 'p1', createdAt: '2026-03-10T08:00:00Z', expiresAt: body.expiresAt ?? null, lastUsedAt: null, revokedAt: null };
      tokens.push(created);
      return json(201, { token: created, secret: SECRET });
    }
    const token = tokens.find((entry) => `${base}/${entry.id}` === url.pathname);
    if (token && method === 'DELETE' && !token.revokedAt) {
      token.revokedAt = '2026-03-10T08:30:00Z';
      return json(204, undefined);
    }
    return json(404, { type: 'about:blank', title: 'Not found', status: 404 });
  };
  return { fetch, requests, tokens };
}

async function mount(server: ReturnType<typeof fakeServer>, language = 'en'): Promise<ClApiTokensScreen> {
  const screen = await fixture<ClApiTokensScreen>(html`<cl-api-tokens-screen .api=${new ApiClient({ fetch: server.fetch })} .language=${language} .now=${() => NOW} organisation-id="care-1"></cl-api-tokens-screen>`);
  await until(() => screen.tokens !== null);
  await settleAll(screen);
  return screen;
}

const root = (screen: ClApiTokensScreen) => screen.shadowRoot!;
const form = (screen: ClApiTokensScreen) => root(screen).querySelector('form')!;
const field = (screen: ClApiTokensScreen, selector: string) => form(screen).querySelector(selector) as HTMLInputElement;
const posted = (server: ReturnType<typeof fakeServer>) => server.requests.filter((request) => request.method === 'POST');

describe('<cl-api-tokens-screen>', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('lists each token with what it reads, for whom, until when and its last use, in words', async () => {
    const screen = await mount(fakeServer());
    const live = root(screen).querySelector('[data-token="t1"]')!;
    expect(live.querySelector('h2')!.textContent).to.equal('Journal system');
    expect(live.textContent).to.contain("the released questionnaires; patients' answers and scores");
    expect(live.textContent).to.contain('the whole care provider');
    expect(live.textContent).to.contain('Jun 1, 2026');
    expect(live.textContent).to.contain('Mar 9, 2026, 2:05 PM');
    expect(live.querySelector('[data-action="revoke"]')).to.not.equal(null);
    const revoked = root(screen).querySelector('[data-token="t2"]')!;
    expect(revoked.querySelector('.badge')!.textContent).to.equal('Revoked');
    expect(revoked.textContent).to.contain('Clinic South, a unit that no longer exists');
    expect(revoked.textContent).to.contain('Not on its own');
    expect(revoked.textContent).to.contain('Not used yet');
    expect(revoked.querySelector('[data-action="revoke"]')).to.equal(null);
    // Only this provider's units are offered.
    (form(screen).querySelector('input[value="units"]') as HTMLInputElement).click();
    await settleAll(screen);
    expect([...form(screen).querySelectorAll('input[name="unit"]')].map((input) => (input as HTMLInputElement).value)).to.deep.equal(['u1', 'u2']);
  });

  it('makes a token for some units with an expiry, shows it once, and lists it', async () => {
    const server = fakeServer();
    const screen = await mount(server);
    const expires = field(screen, 'input[name="expires"]');
    // Offered: 90 days ahead by default, from tomorrow to two years ahead (never year 9999).
    expect(expires.value).to.equal('2026-06-08');
    expect(expires.min).to.equal('2026-03-11');
    expect(expires.max).to.equal('2028-03-09');
    field(screen, 'input[name="name"]').value = 'Region North journal';
    field(screen, 'input[value="patient-data.read"]').click();
    field(screen, 'input[value="units"]').click();
    await settleAll(screen);
    field(screen, 'input[name="unit"][value="u2"]').click();
    expires.value = '2026-12-31';
    form(screen).requestSubmit();
    await until(() => root(screen).querySelector('.secret'));
    expect(root(screen).querySelector('.secret code')!.textContent).to.equal(SECRET);
    expect(root(screen).querySelector('.secret')!.textContent).to.contain('Put this token into Region North journal. It is shown only now');
    expect(posted(server).map((request) => request.body)).to.deep.equal([{ name: 'Region North journal', scopes: ['patient-data.read'], unitIds: ['u2'], expiresAt: new Date('2026-12-31T23:59:59').toISOString() }]);
    await until(() => root(screen).querySelector('[data-token="t3"]'));
    expect(root(screen).querySelector('[data-token="t3"]')!.textContent).to.contain('Clinic South');
    // The form is empty again, for the whole provider; the secret goes when the admin says it is copied.
    expect(field(screen, 'input[name="name"]').value).to.equal('');
    expect(field(screen, 'input[value="provider"]').checked).to.equal(true);
    expect(field(screen, 'input[name="expires"]').value).to.equal('2026-06-08');
    (root(screen).querySelector('.secret button') as HTMLButtonElement).click();
    await until(() => !root(screen).querySelector('.secret'));
    expect(root(screen).textContent).to.not.contain(SECRET);
  });

  it('makes a token that does not stop on its own when the expiry is emptied', async () => {
    const server = fakeServer();
    const screen = await mount(server);
    field(screen, 'input[name="name"]').value = 'Registry';
    field(screen, 'input[value="questionnaires.read"]').click();
    field(screen, 'input[name="expires"]').value = '';
    form(screen).requestSubmit();
    await until(() => root(screen).querySelector('.secret'));
    expect(posted(server)[0]!.body).to.deep.equal({ name: 'Registry', scopes: ['questionnaires.read'] });
  });

  it('says what is missing in the admin\'s words and sends nothing, and shows the server\'s refusal', async () => {
    const server = fakeServer();
    const screen = await mount(server);
    const error = () => root(screen).querySelector('form .form-error')?.textContent;
    form(screen).requestSubmit();
    await until(() => error());
    expect(error()).to.equal('Say which system the token is for.');
    field(screen, 'input[name="name"]').value = 'Registry';
    form(screen).requestSubmit();
    await until(() => error() === 'Choose what the system may read.');
    field(screen, 'input[value="questionnaires.read"]').click();
    field(screen, 'input[value="units"]').click();
    await settleAll(screen);
    form(screen).requestSubmit();
    await until(() => error() === 'Choose at least one unit, or the whole care provider.');
    field(screen, 'input[value="provider"]').click();
    await settleAll(screen);
    field(screen, 'input[name="expires"]').value = '2030-01-01';
    form(screen).requestSubmit();
    await until(() => error() === 'Choose a day from tomorrow to at most two years ahead, or empty the field.');
    expect(posted(server)).to.have.length(0);
    field(screen, 'input[name="expires"]').value = '';
    field(screen, 'input[name="name"]').value = 'taken';
    form(screen).requestSubmit();
    await until(() => error() === 'The server said no.');
    expect(root(screen).querySelector('.secret')).to.equal(null);
  });

  it('revokes a token after asking, and keeps it listed as revoked', async () => {
    const server = fakeServer();
    const screen = await mount(server);
    const confirmations: string[] = [];
    const original = window.confirm;
    let answer = false;
    window.confirm = (message?: string) => {
      confirmations.push(String(message));
      return answer;
    };
    try {
      (root(screen).querySelector('[data-token="t1"] [data-action="revoke"]') as HTMLButtonElement).click();
      expect(server.requests.filter((request) => request.method === 'DELETE')).to.have.length(0);
      answer = true;
      (root(screen).querySelector('[data-token="t1"] [data-action="revoke"]') as HTMLButtonElement).click();
      await until(() => root(screen).querySelector('[data-token="t1"] .badge'));
    } finally {
      window.confirm = original;
    }
    expect(confirmations[0]).to.equal('Revoke the token of Journal system? That system can no longer read anything from Careloom with it.');
    expect(server.requests.filter((request) => request.method === 'DELETE').map((request) => request.path)).to.deep.equal(['/api/care/providers/care-1/api-tokens/t1']);
    expect(root(screen).querySelector('p[role="status"]')!.textContent).to.equal('The token of Journal system is revoked.');
    expect(root(screen).querySelector('[data-token="t1"] [data-action="revoke"]')).to.equal(null);
  });

  it('reads in Swedish and Norwegian, fits a 360 px screen with its secret shown, and has no serious accessibility problems', async () => {
    for (const [language, title, scope] of [['sv', 'API-nycklar', 'patienternas svar och poäng'], ['nb', 'API-nøkler', 'pasientenes svar og poeng']] as const) {
      const screen = await mount(fakeServer(), language);
      expect(root(screen).querySelector('h1')!.textContent).to.equal(title);
      expect(root(screen).querySelector('[data-token="t1"]')!.textContent).to.contain(scope);
      form(screen).requestSubmit();
      await until(() => root(screen).querySelector('form .form-error'));
      expect(root(screen).querySelector('form .form-error')!.textContent).to.equal(language === 'sv' ? 'Skriv vilket system nyckeln är till.' : 'Skriv hvilket system nøkkelen er til.');
      screen.remove();
    }
    await setViewport({ width: 360, height: 740 });
    const screen = await mount(fakeServer());
    field(screen, 'input[name="name"]').value = 'A system with a rather long name for a narrow phone screen';
    field(screen, 'input[value="questionnaires.read"]').click();
    field(screen, 'input[value="units"]').click();
    await settleAll(screen);
    field(screen, 'input[name="unit"][value="u1"]').click();
    form(screen).requestSubmit();
    await until(() => root(screen).querySelector('.secret'));
    await settleAll(screen);
    expect(overflowing(screen, 360)).to.deep.equal([]);
    expect(await seriousViolations(screen)).to.deep.equal([]);
  });
});
