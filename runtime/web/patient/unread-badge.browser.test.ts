import { expect, fixture, html } from '@open-wc/testing';
import { ApiClient } from '@careloom/client/api';
import { createFakeApi, memoryStorage } from '../shared/test-api.js';
import type { FakeApi } from '../shared/test-api.js';
import { deepAll, pierce, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClPatientApp } from './patient-app.js';
import './patient-app.js';

async function mountApp(fake: FakeApi, hash: string, language = 'en'): Promise<ClPatientApp> {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  const storage = memoryStorage();
  storage.setItem('careloom.language', language);
  const app = await fixture<ClPatientApp>(html`<cl-patient-app .api=${new ApiClient({ fetch: fake.fetch })} .storage=${storage} .isOnline=${() => true}></cl-patient-app>`);
  await settleAll(app);
  return app;
}

/** What a screen reader reads for an element: its text without aria-hidden parts. */
function spokenText(element: Element): string {
  return [...element.childNodes].map((node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (node instanceof Element && node.getAttribute('aria-hidden') !== 'true') return spokenText(node);
    return '';
  }).join('').replace(/\s+/g, ' ').trim();
}

const messagesLink = (app: ClPatientApp) => pierce(app, 'nav.main a[href="#/messages"]');

/** A second unread message from the therapist, so the count is 2. */
function withTwoUnread(): FakeApi {
  const fake = createFakeApi({ as: 'patient' });
  fake.state.messages['e1']!.push({ id: 'm4', from: 'therapist', authorName: 'Theo Therapist', body: 'Remember the diary.', sentAt: '2025-03-07T08:00:00Z', readAt: null });
  return fake;
}

describe('<cl-patient-app> unread badge', () => {
  after(() => history.replaceState(null, '', `${location.pathname}${location.search}`));

  it('shows the unread count on Messages once Today loads, says it in words, and clears it after reading', async () => {
    const fake = withTwoUnread();
    const app = await mountApp(fake, '#/today');
    await until(() => deepAll(app, '.nav-unread').length > 0);
    expect(pierce(app, '.nav-unread').textContent).to.equal('2');
    expect(spokenText(messagesLink(app))).to.equal('Messages, 2 unread');
    expect(await seriousViolations(app)).to.deep.equal([]);

    location.hash = '#/messages';
    await until(() => fake.requests.some((request) => request.method === 'POST' && request.path === '/api/me/enrollments/e1/messages/read'));
    await until(() => deepAll(app, '.nav-unread').length === 0);
    expect(spokenText(messagesLink(app))).to.equal('Messages');
    expect(fake.requests.filter((request) => request.path === '/api/me/today').length).to.be.greaterThan(1);
  });

  it('asks for the count when the patient starts on another screen, and words it in their language', async () => {
    const fake = withTwoUnread();
    const app = await mountApp(fake, '#/program', 'sv');
    await until(() => deepAll(app, '.nav-unread').length > 0);
    expect(spokenText(messagesLink(app))).to.equal('Meddelanden, 2 olästa');
    expect(deepAll(app, 'cl-today-screen')).to.have.length(0);
  });

  it('shows no badge when nothing is unread', async () => {
    const fake = createFakeApi({ as: 'patient' });
    fake.state.messages['e1'] = fake.state.messages['e1']!.map((message) => ({ ...message, readAt: message.readAt ?? '2025-03-07T08:00:00Z' }));
    const app = await mountApp(fake, '#/today');
    await until(() => deepAll(app, '.newest-message').length > 0);
    await settleAll(app);
    expect(deepAll(app, '.nav-unread')).to.have.length(0);
    expect(spokenText(messagesLink(app))).to.equal('Messages');
  });
});
