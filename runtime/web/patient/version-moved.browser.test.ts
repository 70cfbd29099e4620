// An answer given offline, then sent after the patient was moved to a newer version of the module:
// the server refuses it (409, response.version_moved; docs/answers-across-version-moves.md). The
// queue drops it and goes on with the rest, and the patient is told in their language, on the
// module and on whichever screen they are, to answer those questions again.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ApiClient } from '@careloom/client/api';
import { AnswerQueue, type QueuedResponse } from '../shared/answer-queue.js';
import { createFakeApi, memoryStorage } from '../shared/test-api.js';
import { deepAll, overflowing, pierce, pierceAll, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClModulePlayer } from './module-player.js';
import type { ClPatientApp } from './patient-app.js';
import './module-player.js';
import './patient-app.js';

const queued = (moduleId: string, moduleVersion: number, answers: QueuedResponse['body']['answers'], pageId?: string): QueuedResponse => ({
  enrollmentId: 'e1',
  body: { formatVersion: 1 as const, clientId: crypto.randomUUID(), moduleId, moduleVersion, answers, answeredAt: '2025-03-05T07:00:00Z', ...(pageId ? { pageId } : {}) },
});

const NOTICE = {
  en: 'Your program was updated while you were offline.',
  sv: 'Ditt program uppdaterades medan du var offline.',
  nb: 'Programmet ditt ble oppdatert mens du var frakoblet.',
};

describe('an answer queued offline before a version move', () => {
  after(() => history.replaceState(null, '', `${location.pathname}${location.search}`));

  it('the module player says so in plain words, and the queue drops it and sends the rest', async () => {
    const fake = createFakeApi({ as: 'patient' });
    const api = new ApiClient({ fetch: fake.fetch });
    await api.me();
    const network = { online: true };
    const storage = memoryStorage();
    const queue = new AnswerQueue({ api, storage, key: 'careloom.answers.p1', isOnline: () => network.online, target: window, retryMs: 0 });
    const player = await fixture<ClModulePlayer>(html`<cl-module-player .api=${api} .queue=${queue} .storage=${storage} language="en" enrollment-id="e1" module-id="phq-9" .version=${1} ?fresh=${true}></cl-module-player>`);
    await until(() => pierceAll(player, 'cl-module-page h1').length > 0);
    network.online = false;
    fake.offline = true;
    pierce(player, 'cl-module-page input[name="phq9_1"][value="severalDays"]').click();
    await settleAll(player);
    expect(queue.pending).to.have.length(1);
    // Meanwhile the therapist moved the patient to version 2 of the module; a registration of another module waits behind it.
    fake.state.movedTo['phq-9'] = 2;
    await queue.enqueue(queued('copd-daily-report', 1, { breathlessness: 'usual' }));

    network.online = true;
    fake.offline = false;
    await queue.flush();
    await settleAll(player);
    const state = pierce(player, '.save-state');
    expect(state.textContent).to.equal('This module was updated while you were offline, so the answers you gave then were not saved. Please answer those questions again.');
    expect(state.dataset.state).to.equal('error');
    expect(queue.pending).to.have.length(0);
    expect(storage.getItem('careloom.answers.p1')).to.equal(null);
    // The refused answer was not stored; what came after it was sent.
    expect(fake.recorded.map((item) => item.body.moduleId)).to.not.include('phq-9');
    expect(fake.requests.filter((request) => request.method === 'POST' && request.path === '/api/me/enrollments/e1/responses')).to.have.length(2);
  });

  for (const language of ['en', 'sv', 'nb'] as const) {
    it(`the app tells the patient on Today, in their language, and the notice goes when dismissed (${language}, 360 px)`, async () => {
      await setViewport({ width: 360, height: 740 });
      const fake = createFakeApi({ as: 'patient' });
      fake.state.movedTo['panic-week-1'] = 2;
      const storage = memoryStorage();
      storage.setItem('careloom.language', language);
      // Answered offline on version 1 in an earlier session, still on the device.
      storage.setItem('careloom.answers.p1', JSON.stringify([queued('panic-week-1', 1, { hadAttackLastWeek: true }, 'welcome')]));
      history.replaceState(null, '', `${location.pathname}${location.search}#/today`);
      const app = await fixture<ClPatientApp>(html`<cl-patient-app .api=${new ApiClient({ fetch: fake.fetch })} .storage=${storage} .isOnline=${() => true}></cl-patient-app>`);
      await until(() => deepAll(app, '.version-moved').length > 0);
      await settleAll(app);
      const notice = pierce(app, '.version-moved');
      expect(notice.getAttribute('role')).to.equal('alert');
      expect(notice.textContent).to.contain(NOTICE[language]);
      expect(notice.textContent).to.not.contain('panic-week-1');
      expect(storage.getItem('careloom.answers.p1')).to.equal(null);
      expect(overflowing(app.shadowRoot!, 360)).to.deep.equal([]);
      expect(await seriousViolations(app)).to.deep.equal([]);
      pierce(app, '.version-moved button').click();
      await settleAll(app);
      expect(deepAll(app, '.version-moved')).to.have.length(0);
      await setViewport({ width: 1024, height: 768 });
    });
  }
});
