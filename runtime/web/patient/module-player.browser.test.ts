import { expect, fixture, html } from '@open-wc/testing';
import { AnswerQueue } from '../shared/answer-queue.js';
import { ApiClient } from '@careloom/client/api';
import { createFakeApi, memoryStorage } from '../shared/test-api.js';
import type { FakeApi } from '../shared/test-api.js';
import { pierce, pierceAll, settleAll, until } from '../shared/test-helpers.js';
import type { ClModulePlayer } from './module-player.js';
import './module-player.js';

interface Setup {
  fake: FakeApi;
  player: ClModulePlayer;
  queue: AnswerQueue;
  network: { online: boolean };
  storage: Storage;
}

async function mount(moduleId: string, options: { fresh?: boolean; fake?: FakeApi; storage?: Storage; version?: number } = {}): Promise<Setup> {
  const fake = options.fake ?? createFakeApi({ as: 'patient' });
  const api = new ApiClient({ fetch: fake.fetch });
  await api.me();
  const network = { online: true };
  const storage = options.storage ?? memoryStorage();
  const queue = new AnswerQueue({ api, storage, key: 'careloom.answers.p1', isOnline: () => network.online, target: window, retryMs: 0 });
  const player = await fixture<ClModulePlayer>(html`<cl-module-player .api=${api} .queue=${queue} .storage=${storage} language="en"
    enrollment-id="e1" module-id=${moduleId} .version=${options.version ?? 1} ?fresh=${options.fresh ?? false}></cl-module-player>`);
  await until(() => pierceAll(player, 'cl-module-page h1').length > 0);
  await settleAll(player);
  return { fake, player, queue, network, storage };
}

const choose = (player: ClModulePlayer, name: string, value: string) => pierce(player, `cl-module-page input[name="${name}"][value="${value}"]`).click();
const responsePosts = (fake: FakeApi) => fake.requests.filter((request) => request.method === 'POST' && request.path === '/api/me/enrollments/e1/responses');
const saveState = (player: ClModulePlayer) => pierce(player, '.save-state');

describe('<cl-module-player>', () => {
  it('saves each answer as it is given, with a fresh clientId, the content hash and the CSRF token', async () => {
    const { fake, player } = await mount('phq-9', { fresh: true });
    choose(player, 'phq9_1', 'severalDays');
    choose(player, 'phq9_2', 'notAtAll');
    await until(() => fake.recorded.length === 2);
    const [first, second] = fake.recorded;
    expect(first?.body).to.include({ moduleId: 'phq-9', moduleVersion: 1, formatVersion: 1, contentHash: 'a'.repeat(64) });
    expect(first?.body.answers).to.deep.equal({ phq9_1: 'severalDays' });
    expect(second?.body.answers).to.deep.equal({ phq9_2: 'notAtAll' });
    expect(first?.body.clientId).to.match(/^[0-9a-f-]{36}$/).and.not.equal(second?.body.clientId);
    expect(responsePosts(fake).every((request) => request.csrf === 'csrf-patient')).to.equal(true);
    await until(() => saveState(player).textContent === 'All answers saved.');
    expect(saveState(player).getAttribute('role')).to.equal('status');
  });

  it('queues answers given offline, says so, and sends them once, in order, when the connection returns', async () => {
    const { fake, player, network, storage } = await mount('phq-9', { fresh: true });
    network.online = false;
    fake.offline = true;
    choose(player, 'phq9_1', 'moreThanHalf');
    choose(player, 'phq9_2', 'severalDays');
    choose(player, 'phq9_1', 'nearlyEveryDay');
    await settleAll(player);
    expect(saveState(player).textContent).to.contain('offline').and.contain('3 answers');
    expect(saveState(player).dataset.state).to.equal('offline');
    expect(fake.recorded).to.have.length(0);
    expect(JSON.parse(storage.getItem('careloom.answers.p1') ?? '[]')).to.have.length(3);

    network.online = true;
    fake.offline = false;
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('online'));
    await until(() => fake.recorded.length === 3 && saveState(player).textContent === 'All answers saved.');
    expect(fake.recorded.map((item) => item.body.answers)).to.deep.equal([{ phq9_1: 'moreThanHalf' }, { phq9_2: 'severalDays' }, { phq9_1: 'nearlyEveryDay' }]);
    const clientIds = responsePosts(fake).map((request) => (request.body as { clientId: string }).clientId);
    expect(new Set(clientIds).size).to.equal(clientIds.length);
    expect(storage.getItem('careloom.answers.p1')).to.equal(null);
  });

  it('keeps the clientId when a send fails on the way, so the retry is recorded once', async () => {
    const { fake, player, queue } = await mount('phq-9', { fresh: true });
    fake.offline = true;
    choose(player, 'phq9_3', 'severalDays');
    await until(() => saveState(player).dataset.state === 'offline');
    fake.offline = false;
    await queue.flush();
    await queue.flush();
    const attempts = responsePosts(fake).map((request) => (request.body as { clientId: string }).clientId);
    expect(attempts.length).to.be.at.least(2);
    expect(new Set(attempts).size).to.equal(1);
    expect(fake.recorded).to.have.length(1);
  });

  it('answers given offline survive a reload and are sent by the next session', async () => {
    const storage = memoryStorage();
    const first = await mount('phq-9', { fresh: true, storage });
    first.network.online = false;
    choose(first.player, 'phq9_4', 'notAtAll');
    await settleAll(first.player);
    first.queue.dispose();
    first.player.remove();

    const second = await mount('phq-9', { fresh: true, storage, fake: first.fake });
    await second.queue.flush();
    expect(first.fake.recorded.map((item) => item.body.answers)).to.deep.equal([{ phq9_4: 'notAtAll' }]);
  });

  it('records a page as done on Next and resumes at the page after it', async () => {
    const { fake, player } = await mount('panic-week-1');
    expect(pierce(player, 'cl-module-page h1').textContent).to.equal('Welcome');
    choose(player, 'hadAttackLastWeek', 'yes');
    pierce(player, 'cl-module-page [data-action="next"]').click();
    await until(() => fake.recorded.length === 2);
    expect(fake.recorded[1]?.body).to.deep.include({ pageId: 'welcome', answers: {} });
    await settleAll(player);
    const second = pierce(player, 'cl-module-page h1').textContent;
    expect(second).to.not.equal('Welcome');
    player.remove();

    const resumed = await mount('panic-week-1', { fake });
    expect(pierce(resumed.player, 'cl-module-page h1').textContent).to.equal(second);
    expect(pierce(resumed.player, 'cl-module-page').getAttribute('page-id') ?? (resumed.player.pageId)).to.equal('whatIsPanic');
  });

  it('resumes with earlier answers filled in, and a new round of a measurement starts empty', async () => {
    const fake = createFakeApi({ as: 'patient' });
    fake.state.seeded.push({ enrollmentId: 'e1', body: { formatVersion: 1, clientId: '00000000-0000-4000-8000-00000000000a', moduleId: 'phq-9', moduleVersion: 1, answers: { phq9_1: 'nearlyEveryDay' }, answeredAt: '2025-03-03T10:00:00Z' } });
    const resumed = await mount('phq-9', { fake });
    expect((pierce(resumed.player, 'cl-module-page input[name="phq9_1"][value="nearlyEveryDay"]') as HTMLInputElement).checked).to.equal(true);
    resumed.player.remove();
    const fresh = await mount('phq-9', { fake, fresh: true });
    expect((pierce(fresh.player, 'cl-module-page input[name="phq9_1"][value="nearlyEveryDay"]') as HTMLInputElement).checked).to.equal(false);
    expect(fake.requests.filter((request) => request.path.endsWith('/progress'))).to.have.length(1);
  });

  it('"Finish" sends completes: true for the last page and shows that the module is done', async () => {
    const { fake, player } = await mount('phq-9', { fresh: true });
    for (let item = 1; item <= 9; item += 1) choose(player, `phq9_${item}`, item === 9 ? 'severalDays' : 'notAtAll');
    await settleAll(player);
    const next = pierce(player, 'cl-module-page [data-action="next"]');
    expect(next.textContent?.trim()).to.equal('Finish');
    next.click();
    await until(() => fake.recorded.length === 10);
    expect(fake.recorded.at(-1)?.body).to.deep.include({ completes: true, pageId: phqPageId(), answers: {} });
    await until(() => pierceAll(player, '.done h1').length > 0);
    expect(pierce(player, '.done h1').textContent).to.equal('Well done!');
  });

  it('does not finish while a required answer is missing (the page says which)', async () => {
    const { fake, player } = await mount('phq-9', { fresh: true });
    choose(player, 'phq9_1', 'notAtAll');
    pierce(player, 'cl-module-page [data-action="next"]').click();
    await settleAll(player);
    expect(pierceAll(player, 'cl-module-page .error-summary')).to.have.length(1);
    await until(() => fake.recorded.length === 1);
    expect(fake.recorded.some((item) => item.body.completes)).to.equal(false);
  });

  it('sends a registration as one entry with its registrationId, not answer by answer', async () => {
    const { fake, player } = await mount('copd-daily-report');
    choose(player, 'breathlessness', 'usual');
    await settleAll(player);
    expect(fake.recorded).to.have.length(0);
    const fill = (name: string, value: string) => {
      const input = pierce(player, `cl-module-page #cl-input-${name}`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    };
    for (const name of ['cough', 'sputumColour']) {
      const first = pierceAll(player, `cl-module-page input[name="${name}"]`)[0];
      first?.click();
    }
    fill('temperature', '37.5');
    fill('spo2', '95');
    for (const name of ['extraReliever', 'standbyStarted']) pierce(player, `cl-module-page input[name="${name}"][value="no"]`).click();
    await settleAll(player);
    pierce(player, 'cl-module-page [data-action="next"]').click();
    await until(() => fake.recorded.length === 1);
    const entry = fake.recorded[0]!.body;
    expect(entry.registrationId).to.equal('copdDaily');
    expect(entry.pageId).to.equal(undefined);
    expect(entry.answers).to.include({ breathlessness: 'usual', temperature: 37.5, spo2: 95, extraReliever: false });
  });

  it('shows a refused answer in plain words', async () => {
    const { fake, player, queue } = await mount('phq-9', { fresh: true });
    await queue.enqueue({ enrollmentId: 'e1', body: { formatVersion: 1, clientId: crypto.randomUUID(), moduleId: 'phq-9', moduleVersion: 1, answers: { phq9_1: 'sometimes' }, answeredAt: new Date().toISOString() } });
    await settleAll(player);
    expect(saveState(player).textContent).to.contain('not accepted');
    expect(saveState(player).dataset.state).to.equal('error');
    expect(fake.recorded).to.have.length(0);
    expect(queue.pending).to.have.length(0);
  });
});

function phqPageId(): string {
  return 'questionnaire';
}
