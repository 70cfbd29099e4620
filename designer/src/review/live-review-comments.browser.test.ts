import { expect, fixture, html } from '@open-wc/testing';
import { watchCommentNotices, type CommentNoticeWatch } from '../collab/comment-notices.js';
import { deep, deepAll, signedInWorkspace, startTestServer, typeInto, until, type TestServer } from '../testing/app-fixture.js';
import type { ClReviewScreen } from './review-screen.js';
import './review-screen.js';

// Two people review the released PHQ-9 example on a real server, each on a review screen of their
// own (their own cookie jar, as two browsers): what one writes, answers or resolves appears on the
// other's screen without a reload. Someone without access to the document hears nothing.
const DOCUMENT = 'phq-9';

let server: TestServer;
const watches: CommentNoticeWatch[] = [];
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  for (const watch of watches.splice(0)) watch.stop();
  await server.stop();
});

async function reviewScreen(key: string, jar: string): Promise<ClReviewScreen> {
  const workspace = await signedInWorkspace(server, key, jar);
  const screen = await fixture<ClReviewScreen>(html`<cl-review-screen .workspace=${workspace} .wsOrigin=${server.wsOrigin(jar)} document-id=${DOCUMENT}></cl-review-screen>`);
  await until(() => {
    const thread = deep(screen, 'cl-comment-thread');
    return thread && deep(thread, 'form.new-thread');
  }, 20_000);
  return screen;
}

const bodies = (screen: Element, selector = '.body') => {
  const thread = deep(screen, 'cl-comment-thread');
  return thread ? deepAll(thread, selector).map((element) => element.textContent) : [];
};
const thread = (screen: Element) => deep(deep(screen, 'cl-comment-thread')!, 'article.thread');

describe('the review screen’s comment threads, live', () => {
  it('show what another reviewer writes, answers and resolves without a reload, and read again after a reconnection', async function () {
    this.timeout(180_000);
    const publisher = await reviewScreen('publisher', 'publisher-screen');
    const designer = await reviewScreen('designer', 'designer-screen');
    expect(bodies(designer)).to.deep.equal([]);

    // The publisher starts a thread through the screen's own form.
    const threadSection = deep(publisher, 'cl-comment-thread')!;
    typeInto(deep(threadSection, '#new-body'), 'Say "in the last two weeks" on every item.');
    deep<HTMLButtonElement>(threadSection, 'form.new-thread button[type="submit"]')!.click();
    await until(() => bodies(designer).includes('Say "in the last two weeks" on every item.'), 20_000);

    // The designer answers on theirs; the publisher sees the reply.
    const designerThread = deep(designer, 'cl-comment-thread')!;
    typeInto(deep(designerThread, 'form.reply textarea'), 'Done in the draft.');
    deep<HTMLButtonElement>(designerThread, 'form.reply button[type="submit"]')!.click();
    await until(() => bodies(publisher, '.replies .body').includes('Done in the draft.'), 20_000);

    // The publisher resolves it; the designer's screen shows it resolved.
    deep<HTMLButtonElement>(threadSection, 'button[data-action="resolve"]')!.click();
    await until(() => thread(designer)?.classList.contains('resolved'), 20_000);

    // Offline, a notice is lost; back online the screen reads the comments again.
    window.dispatchEvent(new Event('offline'));
    await server.signIn('arrange', 'publisher');
    await server.call('arrange', 'POST', `/api/modules/${DOCUMENT}/comments`, { body: 'Written while you were away.', version: 1, anchor: null });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(bodies(designer)).not.to.include('Written while you were away.');
    window.dispatchEvent(new Event('online'));
    await until(() => bodies(designer).includes('Written while you were away.') && bodies(publisher).includes('Written while you were away.'), 20_000);
  });

  it('sends no notice to someone who may not read the document', async function () {
    this.timeout(120_000);
    await server.signIn('outsider', 'therapist');
    await server.signIn('reviewer', 'publisher');
    let outsiderHeard = 0;
    let reviewerHeard = 0;
    watches.push(watchCommentNotices({ documentId: DOCUMENT, wsOrigin: server.wsOrigin('outsider'), onChange: () => outsiderHeard++, firstRetryMs: 50, maxRetryMs: 200 }));
    watches.push(watchCommentNotices({ documentId: DOCUMENT, wsOrigin: server.wsOrigin('reviewer'), onChange: () => reviewerHeard++ }));
    // The reviewer's first read (on connecting) shows the listener is open.
    await until(() => reviewerHeard >= 1, 20_000);
    const before = reviewerHeard;
    await server.call('reviewer', 'POST', `/api/modules/${DOCUMENT}/comments`, { body: 'Only the organisation hears of this.', version: 1, anchor: null });
    await until(() => reviewerHeard > before, 20_000);
    // The outsider's listener has been retrying all along (every 50–200 ms): it was never let in.
    expect(outsiderHeard).to.equal(0);
  });
});
