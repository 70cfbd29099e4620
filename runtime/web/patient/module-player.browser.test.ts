import { expect, fixture, html } from '@open-wc/testing';
import { AnswerQueue } from '../shared/answer-queue.js';
import { ApiClient } from '@careloom/client/api';
import { deploy, enroll, PATIENT_PASSWORD, recordedResponses, respond, type ArrangedPatient, type RecordedResponse } from '@careloom/renderer/test-care';
import { startTestServer, type TestServer } from '@careloom/renderer/test-server';
import { eventually, memoryStorage, pierce, pierceAll, settleAll, until } from '../shared/test-helpers.js';
import type { ClModulePlayer } from './module-player.js';
import './module-player.js';

// One server for the file; every test has a patient of its own (enrolled in the panic program, which
// has PHQ-9 and the week 1 module, or in COPD follow-up for the daily report).
let server: TestServer;
let panic: { id: string };
let copd: { id: string };
let jars = 0;

before(async function () {
  this.timeout(120_000);
  server = await startTestServer();
  panic = await deploy(server, 'panic-icbt-8-weeks');
  copd = await deploy(server, 'copd-home-follow-up');
});
after(async () => server.stop());

interface Setup {
  patient: ArrangedPatient;
  api: ApiClient;
  player: ClModulePlayer;
  queue: AnswerQueue;
  network: { online: boolean };
  storage: Storage;
}

const newPatient = (program: 'panic' | 'copd' = 'panic') => enroll(server, { deploymentId: (program === 'panic' ? panic : copd).id, name: 'Pat Patient' });

async function mount(moduleId: string, options: { fresh?: boolean; patient?: ArrangedPatient; storage?: Storage; version?: number } = {}): Promise<Setup> {
  const patient = options.patient ?? (await newPatient());
  const api = new ApiClient({ fetch: server.fetch(`app-${++jars}`) });
  await api.login(patient.email, PATIENT_PASSWORD);
  const network = { online: true };
  const storage = options.storage ?? memoryStorage();
  const queue = new AnswerQueue({ api, storage, key: `careloom.answers.${patient.enrollmentId}`, isOnline: () => network.online, target: window, retryMs: 0 });
  const player = await fixture<ClModulePlayer>(html`<cl-module-player .api=${api} .queue=${queue} .storage=${storage} language="en"
    enrollment-id=${patient.enrollmentId} module-id=${moduleId} .version=${options.version ?? 1} ?fresh=${options.fresh ?? false}></cl-module-player>`);
  await until(() => pierceAll(player, 'cl-module-page h1').length > 0, 10_000);
  await settleAll(player);
  return { patient, api, player, queue, network, storage };
}

const choose = (player: ClModulePlayer, name: string, value: string) => pierce(player, `cl-module-page input[name="${name}"][value="${value}"]`).click();
const responsePosts = (patient: ArrangedPatient) => server.requests.filter((request) => request.method === 'POST' && request.path === `/api/me/enrollments/${patient.enrollmentId}/responses`);
const saveState = (player: ClModulePlayer) => pierce(player, '.save-state');
/** Waits until the server has recorded `count` responses of the patient, and answers them. */
const recorded = (patient: ArrangedPatient, count: number) => eventually(async () => {
  const responses = await recordedResponses(server, patient.enrollmentId);
  return responses.length === count ? responses : undefined;
});

describe('<cl-module-player>, against the real server', function () {
  this.timeout(120_000);

  it('saves each answer as it is given, with a fresh clientId, the content hash and the CSRF token', async () => {
    const { patient, api, player } = await mount('phq-9', { fresh: true });
    choose(player, 'phq9_1', 'severalDays');
    choose(player, 'phq9_2', 'notAtAll');
    const [first, second] = await recorded(patient, 2);
    expect(first).to.include({ moduleId: 'phq-9', moduleVersion: 1 });
    expect(first?.answers).to.deep.equal({ phq9_1: 'severalDays' });
    expect(second?.answers).to.deep.equal({ phq9_2: 'notAtAll' });
    expect(first?.clientId).to.match(/^[0-9a-f-]{36}$/).and.not.equal(second?.clientId);
    // Sent with the released version's content hash (the module's ETag) and the session's CSRF token.
    const hash = (await server.fetch(patient.jar)('/api/me/module-versions/phq-9/1')).headers.get('ETag')?.replaceAll('"', '');
    expect(hash).to.match(/^[0-9a-f]{64}$/);
    expect(responsePosts(patient).map((request) => (request.body as { contentHash: string; formatVersion: number }))).to.have.length(2).and.satisfy((bodies: Array<{ contentHash: string; formatVersion: number }>) => bodies.every((body) => body.contentHash === hash && body.formatVersion === 1));
    expect(responsePosts(patient).every((request) => request.csrf === api.csrfToken && request.csrf !== null)).to.equal(true);
    await until(() => saveState(player).textContent === 'All answers saved.', 10_000);
    expect(saveState(player).getAttribute('role')).to.equal('status');
  });

  it('queues answers given offline, says so, and sends them once, in order, when the connection returns', async () => {
    const { patient, player, network, storage } = await mount('phq-9', { fresh: true });
    const key = `careloom.answers.${patient.enrollmentId}`;
    network.online = false;
    server.offline = true;
    choose(player, 'phq9_1', 'moreThanHalf');
    choose(player, 'phq9_2', 'severalDays');
    choose(player, 'phq9_1', 'nearlyEveryDay');
    await settleAll(player);
    expect(saveState(player).textContent).to.contain('offline').and.contain('3 answers');
    expect(saveState(player).dataset.state).to.equal('offline');
    expect(await recordedResponses(server, patient.enrollmentId)).to.have.length(0);
    expect(JSON.parse(storage.getItem(key) ?? '[]')).to.have.length(3);

    const triedOffline = responsePosts(patient).length;
    network.online = true;
    server.offline = false;
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('online'));
    await until(() => saveState(player).textContent === 'All answers saved.', 10_000);
    const responses = await recorded(patient, 3);
    expect(responses.map((item) => item.answers)).to.deep.equal([{ phq9_1: 'moreThanHalf' }, { phq9_2: 'severalDays' }, { phq9_1: 'nearlyEveryDay' }]);
    // Each answer sent once after the connection returned, though "online" came twice.
    const clientIds = responsePosts(patient).slice(triedOffline).map((request) => (request.body as { clientId: string }).clientId);
    expect(clientIds).to.have.length(3);
    expect(new Set(clientIds).size).to.equal(3);
    expect(storage.getItem(key)).to.equal(null);
  });

  it('keeps the clientId when a send fails on the way, so the retry is recorded once', async () => {
    const { patient, player, queue } = await mount('phq-9', { fresh: true });
    server.offline = true;
    choose(player, 'phq9_3', 'severalDays');
    await until(() => saveState(player).dataset.state === 'offline', 10_000);
    server.offline = false;
    await queue.flush();
    await queue.flush();
    const attempts = responsePosts(patient).map((request) => (request.body as { clientId: string }).clientId);
    expect(attempts.length).to.be.at.least(2);
    expect(new Set(attempts).size).to.equal(1);
    expect(await recordedResponses(server, patient.enrollmentId)).to.have.length(1);
  });

  it('answers given offline survive a reload and are sent by the next session', async () => {
    const storage = memoryStorage();
    const first = await mount('phq-9', { fresh: true, storage });
    first.network.online = false;
    choose(first.player, 'phq9_4', 'notAtAll');
    await settleAll(first.player);
    first.queue.dispose();
    first.player.remove();

    const second = await mount('phq-9', { fresh: true, storage, patient: first.patient });
    await second.queue.flush();
    expect((await recorded(first.patient, 1)).map((item) => item.answers)).to.deep.equal([{ phq9_4: 'notAtAll' }]);
  });

  it('records a page as done on Next and resumes at the page after it', async () => {
    const { patient, player } = await mount('panic-week-1');
    expect(pierce(player, 'cl-module-page h1').textContent).to.equal('Welcome');
    choose(player, 'hadAttackLastWeek', 'yes');
    pierce(player, 'cl-module-page [data-action="next"]').click();
    const responses = await recorded(patient, 2);
    expect(responses[1]).to.deep.include({ pageId: 'welcome', answers: {} });
    await settleAll(player);
    const second = pierce(player, 'cl-module-page h1').textContent;
    expect(second).to.not.equal('Welcome');
    player.remove();

    const resumed = await mount('panic-week-1', { patient });
    expect(pierce(resumed.player, 'cl-module-page h1').textContent).to.equal(second);
    expect(pierce(resumed.player, 'cl-module-page').getAttribute('page-id') ?? (resumed.player.pageId)).to.equal('whatIsPanic');
  });

  it('resumes with earlier answers filled in, and a new round of a measurement starts empty', async () => {
    const patient = await newPatient();
    await respond(server, patient, 'phq-9', { phq9_1: 'nearlyEveryDay' });
    const resumed = await mount('phq-9', { patient });
    expect((pierce(resumed.player, 'cl-module-page input[name="phq9_1"][value="nearlyEveryDay"]') as HTMLInputElement).checked).to.equal(true);
    resumed.player.remove();
    const fresh = await mount('phq-9', { patient, fresh: true });
    expect((pierce(fresh.player, 'cl-module-page input[name="phq9_1"][value="nearlyEveryDay"]') as HTMLInputElement).checked).to.equal(false);
    expect(server.requests.filter((request) => request.path === `/api/me/enrollments/${patient.enrollmentId}/modules/phq-9/progress`)).to.have.length(1);
  });

  it('"Finish" sends completes: true for the last page and shows that the module is done', async () => {
    const { patient, player } = await mount('phq-9', { fresh: true });
    for (let item = 1; item <= 9; item += 1) choose(player, `phq9_${item}`, item === 9 ? 'severalDays' : 'notAtAll');
    await settleAll(player);
    const next = pierce(player, 'cl-module-page [data-action="next"]');
    expect(next.textContent?.trim()).to.equal('Finish');
    next.click();
    const responses = await recorded(patient, 10);
    expect(responses.at(-1)).to.deep.include({ completes: true, pageId: phqPageId(), answers: {} });
    await until(() => pierceAll(player, '.done h1').length > 0, 10_000);
    expect(pierce(player, '.done h1').textContent).to.equal('Well done!');
  });

  it('does not finish while a required answer is missing (the page says which)', async () => {
    const { patient, player } = await mount('phq-9', { fresh: true });
    choose(player, 'phq9_1', 'notAtAll');
    pierce(player, 'cl-module-page [data-action="next"]').click();
    await settleAll(player);
    expect(pierceAll(player, 'cl-module-page .error-summary')).to.have.length(1);
    const responses = await recorded(patient, 1);
    expect(responses.some((item: RecordedResponse) => item.completes)).to.equal(false);
  });

  it('sends a registration as one entry with its registrationId, not answer by answer', async () => {
    const { patient, player } = await mount('copd-daily-report', { patient: await newPatient('copd') });
    choose(player, 'breathlessness', 'usual');
    await settleAll(player);
    expect(responsePosts(patient)).to.have.length(0);
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
    const [entry] = await recorded(patient, 1);
    if (!entry) throw new Error('nothing recorded');
    expect(entry.registrationId).to.equal('copdDaily');
    expect(entry.pageId).to.equal(undefined);
    expect(entry.answers).to.include({ breathlessness: 'usual', temperature: 37.5, spo2: 95, extraReliever: false });
  });

  it('shows a refused answer in plain words', async () => {
    const { patient, player, queue } = await mount('phq-9', { fresh: true });
    await queue.enqueue({ enrollmentId: patient.enrollmentId, body: { formatVersion: 1, clientId: crypto.randomUUID(), moduleId: 'phq-9', moduleVersion: 1, answers: { phq9_1: 'sometimes' }, answeredAt: new Date().toISOString() } });
    await until(() => saveState(player).dataset.state === 'error', 10_000);
    expect(saveState(player).textContent).to.contain('not accepted');
    expect(await recordedResponses(server, patient.enrollmentId)).to.have.length(0);
    expect(queue.pending).to.have.length(0);
  });
});

function phqPageId(): string {
  return 'questionnaire';
}
