import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ApiClient } from '@careloom/client/api';
import type { WebhookDelivery, WebhookSubscription } from '@careloom/format/api';
import { deep, overflowing, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClWebhooksScreen } from './webhooks-screen.js';
import './webhooks-screen.js';

const EVENTS = ['response.recorded', 'alert.raised', 'alert.acknowledged', 'enrollment.started', 'enrollment.paused', 'enrollment.resumed', 'enrollment.ended'];
const SECRET = 'whsec_MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI=';

/** A tiny server for the screen: subscriptions in memory, every request recorded. */
function fakeServer() {
  const subscriptions: WebhookSubscription[] = [
    { id: 'w1', url: 'https://records.example.org/careloom', description: 'Journal system', eventTypes: ['response.recorded', 'alert.raised'], enabled: true, createdBy: 'p1', createdAt: '2026-03-01T08:00:00Z', updatedAt: '2026-03-01T08:00:00Z', secretRotatedAt: null },
  ];
  const deliveries: WebhookDelivery[] = [
    { id: 'd1', eventId: 'msg_1', eventType: 'alert.raised', subscriptionId: 'w1', status: 'pending', attempts: 2, createdAt: '2026-03-02T08:00:00Z', nextAttemptAt: '2026-03-02T08:05:00Z', lastAttemptAt: '2026-03-02T08:01:00Z', lastStatusCode: 503, lastError: 'The endpoint answered 503.', finishedAt: null, log: [] },
    { id: 'd2', eventId: 'msg_2', eventType: 'response.recorded', subscriptionId: 'w1', status: 'delivered', attempts: 1, createdAt: '2026-03-02T07:00:00Z', nextAttemptAt: null, lastAttemptAt: '2026-03-02T07:00:01Z', lastStatusCode: 204, lastError: null, finishedAt: '2026-03-02T07:00:01Z', log: [] },
    { id: 'd3', eventId: 'msg_3', eventType: 'alert.raised', subscriptionId: 'w1', status: 'failed', attempts: 12, createdAt: '2026-03-01T07:00:00Z', nextAttemptAt: null, lastAttemptAt: '2026-03-01T20:00:00Z', lastStatusCode: 500, lastError: 'The endpoint answered 500.', finishedAt: '2026-03-01T20:00:00Z', log: [] },
  ];
  const requests: Array<{ method: string; path: string; body: unknown }> = [];
  const json = (status: number, body: unknown) => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), location.href);
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    requests.push({ method, path: `${url.pathname}${url.search}`, body });
    const base = '/api/care/providers/care-1/webhooks';
    if (url.pathname === base && method === 'GET') return json(200, { subscriptions, eventTypes: EVENTS });
    if (url.pathname === base && method === 'POST') {
      if (!String(body.url).startsWith('https://')) return json(422, { type: 'about:blank', title: 'Invalid', status: 422, detail: 'The address must start with https://.' });
      const created = { ...subscriptions[0]!, id: 'w2', url: body.url, description: body.description, eventTypes: body.eventTypes };
      subscriptions.push(created);
      return json(201, { subscription: created, secret: SECRET });
    }
    const resend = /^\/api\/care\/providers\/care-1\/webhooks\/w1\/deliveries\/(\w+)\/resend$/.exec(url.pathname);
    if (resend && method === 'POST') {
      const delivery = deliveries.find((entry) => entry.id === resend[1]);
      if (!delivery || delivery.status !== 'failed') return json(409, { type: 'about:blank', title: 'Conflict', status: 409, detail: 'Only a failed delivery can be sent again.' });
      Object.assign(delivery, { status: 'pending', nextAttemptAt: '2026-03-02T09:00:00Z', finishedAt: null });
      return json(202, { deliveryId: delivery.id, status: 'pending' });
    }
    const match = /^\/api\/care\/providers\/care-1\/webhooks\/(\w+)(\/\w+)?$/.exec(url.pathname);
    const subscription = subscriptions.find((entry) => entry.id === match?.[1]);
    if (!subscription) return json(404, { type: 'about:blank', title: 'Not found', status: 404 });
    if (match![2] === '/deliveries') return json(200, { deliveries });
    if (match![2] === '/test') return json(202, { eventId: 'msg_test' });
    if (match![2] === '/secret') return json(200, { subscription, secret: SECRET.replace('MTIz', 'OTk5'), previousSecretValidUntil: '2026-03-03T08:00:00Z' });
    if (method === 'PATCH') {
      Object.assign(subscription, { enabled: body.enabled });
      return json(200, subscription);
    }
    if (method === 'DELETE') {
      subscriptions.splice(subscriptions.indexOf(subscription), 1);
      return json(204, undefined);
    }
    return json(404, { type: 'about:blank', title: 'Not found', status: 404 });
  };
  return { fetch, requests, subscriptions, deliveries };
}

async function mount(server: ReturnType<typeof fakeServer>, language = 'en'): Promise<ClWebhooksScreen> {
  const screen = await fixture<ClWebhooksScreen>(html`<cl-webhooks-screen .api=${new ApiClient({ fetch: server.fetch })} .language=${language} organisation-id="care-1"></cl-webhooks-screen>`);
  await until(() => screen.list !== null);
  await settleAll(screen);
  return screen;
}

const root = (screen: ClWebhooksScreen) => screen.shadowRoot!;

describe('<cl-webhooks-screen>', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('lists the subscriptions in words, subscribes a new address and shows its secret once', async () => {
    const server = fakeServer();
    const screen = await mount(server);
    const card = root(screen).querySelector('[data-webhook="w1"]')!;
    expect(card.querySelector('h2')!.textContent).to.equal('Journal system');
    expect(card.textContent).to.contain('Tells it when: a patient has answered a questionnaire, an alert is raised');
    const form = root(screen).querySelector('form')!;
    (form.querySelector('input[name="url"]') as HTMLInputElement).value = 'https://other.example.org/hook';
    (form.querySelector('input[value="alert.acknowledged"]') as HTMLInputElement).click();
    form.requestSubmit();
    await until(() => root(screen).querySelector('.secret'));
    expect(root(screen).querySelector('.secret code')!.textContent).to.equal(SECRET);
    expect(root(screen).querySelector('.secret')!.textContent).to.contain('It is shown only now');
    expect(server.requests.find((request) => request.method === 'POST')!.body).to.deep.equal({ url: 'https://other.example.org/hook', description: '', eventTypes: ['alert.acknowledged'] });
    await until(() => root(screen).querySelector('[data-webhook="w2"]'));
    deep(screen, '.secret button').click();
    await until(() => !root(screen).querySelector('.secret'));
  });

  it('says what is wrong with an address and asks for at least one event, sending nothing without one', async () => {
    const server = fakeServer();
    const screen = await mount(server);
    const form = root(screen).querySelector('form')!;
    (form.querySelector('input[name="url"]') as HTMLInputElement).value = 'https://other.example.org/hook';
    form.requestSubmit();
    await until(() => root(screen).querySelector('form .form-error'));
    expect(root(screen).querySelector('form .form-error')!.textContent).to.equal('Choose at least one event.');
    expect(server.requests.filter((request) => request.method === 'POST')).to.have.length(0);
  });

  it('turns a subscription off, sends a test message and shows the delivery log with status codes', async () => {
    const server = fakeServer();
    const screen = await mount(server);
    (root(screen).querySelector('[data-webhook="w1"] [data-action="log"]') as HTMLButtonElement).click();
    await until(() => root(screen).querySelectorAll('tr[data-delivery]').length === 3);
    const first = root(screen).querySelector('tr[data-delivery="d1"]')!.textContent!;
    expect(first).to.contain('an alert is raised');
    expect(first).to.contain('Waiting, will try again');
    expect(first).to.contain('The system answered 503');
    expect(root(screen).querySelector('tr[data-delivery="d2"]')!.textContent).to.contain('Delivered');
    (root(screen).querySelector('[data-webhook="w1"] [data-action="test"]') as HTMLButtonElement).click();
    await until(() => root(screen).querySelector('p[role="status"]')?.textContent?.includes('test message is on its way'));
    (root(screen).querySelector('[data-webhook="w1"] [data-action="toggle"]') as HTMLButtonElement).click();
    await until(() => root(screen).querySelector('[data-webhook="w1"] .badge'));
    expect(root(screen).querySelector('[data-webhook="w1"] .badge')!.textContent).to.equal('Turned off');
    expect((root(screen).querySelector('[data-webhook="w1"] [data-action="test"]') as HTMLButtonElement).disabled).to.equal(true);
    expect(server.requests.filter((request) => request.method === 'PATCH').map((request) => request.body)).to.deep.equal([{ enabled: false }]);
  });

  it('sends a failed delivery again, and offers it only for failed deliveries of a subscription that is on', async () => {
    const server = fakeServer();
    const screen = await mount(server);
    (root(screen).querySelector('[data-webhook="w1"] [data-action="log"]') as HTMLButtonElement).click();
    await until(() => root(screen).querySelectorAll('tr[data-delivery]').length === 3);
    expect([...root(screen).querySelectorAll('[data-action="resend"]')].map((button) => button.closest('tr')!.dataset['delivery'])).to.deep.equal(['d3']);
    const failed = root(screen).querySelector('tr[data-delivery="d3"]')!;
    expect(failed.textContent).to.contain('Given up after many tries');
    (failed.querySelector('[data-action="resend"]') as HTMLButtonElement).click();
    await until(() => root(screen).querySelector('p[role="status"]')?.textContent?.includes('Sent again'));
    await until(() => root(screen).querySelector('tr[data-delivery="d3"]')!.textContent!.includes('Waiting, will try again'));
    expect(root(screen).querySelector('[data-action="resend"]')).to.equal(null);
    expect(server.requests.filter((request) => request.method === 'POST').map((request) => request.path)).to.deep.equal(['/api/care/providers/care-1/webhooks/w1/deliveries/d3/resend']);
    // Off: the log shows the failure but offers nothing to send.
    server.subscriptions[0]!.enabled = false;
    server.deliveries[2]!.status = 'failed';
    const off = await mount(server);
    (root(off).querySelector('[data-webhook="w1"] [data-action="log"]') as HTMLButtonElement).click();
    await until(() => root(off).querySelectorAll('tr[data-delivery]').length === 3);
    expect(root(off).querySelector('[data-action="resend"]')).to.equal(null);
  });

  it('reads in Swedish and Norwegian, fits a 360 px screen and has no serious accessibility problems', async () => {
    for (const [language, title] of [['sv', 'Webhooks'], ['nb', 'Webhooker']] as const) {
      const screen = await mount(fakeServer(), language);
      expect(root(screen).querySelector('h1')!.textContent).to.equal(title);
      expect(root(screen).querySelector('[data-webhook="w1"]')!.textContent).to.contain(language === 'sv' ? 'en varning utlöses' : 'et varsel utløses');
      (root(screen).querySelector('[data-webhook="w1"] [data-action="log"]') as HTMLButtonElement).click();
      await until(() => root(screen).querySelector('[data-action="resend"]'));
      expect(root(screen).querySelector('[data-action="resend"]')!.textContent).to.equal(language === 'sv' ? 'Skicka igen' : 'Send på nytt');
      screen.remove();
    }
    await setViewport({ width: 360, height: 740 });
    const screen = await mount(fakeServer());
    (root(screen).querySelector('[data-webhook="w1"] [data-action="log"]') as HTMLButtonElement).click();
    await until(() => root(screen).querySelectorAll('tr[data-delivery]').length === 3);
    expect(overflowing(screen, 360)).to.deep.equal([]);
    expect(await seriousViolations(screen)).to.deep.equal([]);
  });
});
