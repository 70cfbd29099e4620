import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { MediaFile } from '@careloom/format/api';
import { i18n } from '../i18n/i18n.js';
import { seriousViolations, settle, until, workspaceFor } from '../testing/app-fixture.js';
import { FakeApi, ORG_ID, PEOPLE, type FakePerson } from '../testing/fake-api.js';
import type { ClMediaLibraryScreen } from './media-library-screen.js';
import './media-library-screen.js';

// A 1×1 transparent PNG, so the picture's preview loads without a server.
const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const sha = (letter: string) => letter.repeat(64);

function library(): MediaFile[] {
  return [
    { sha256: sha('a'), url: PIXEL, name: 'calm-beach-with-a-long-file-name-that-must-wrap-on-a-phone.png', kind: 'image', mediaType: 'image/png', sizeBytes: 3_250_000, uploadedAt: '2026-03-01T08:00:00.000Z', uses: [{ moduleId: 'panic-week-1', title: 'Week 1: Understanding panic', version: 2, state: 'released', blocks: ['beach', 'beachAgain'] }] },
    { sha256: sha('b'), url: `/api/media/${ORG_ID}/${sha('b')}.mp3`, name: 'breathing.mp3', kind: 'audio', mediaType: 'audio/mpeg', sizeBytes: 840_000, uploadedAt: '2026-02-20T08:00:00.000Z', uses: [] },
    { sha256: sha('c'), url: `/api/media/${ORG_ID}/${sha('c')}.mp4`, name: 'sara.mp4', kind: 'video', mediaType: 'video/mp4', sizeBytes: 12_400_000, uploadedAt: '2026-02-10T08:00:00.000Z', uses: [] },
    { sha256: sha('e'), url: `/api/media/${ORG_ID}/${sha('e')}.mp3`, name: 'pacer.mp3', kind: 'audio', mediaType: 'audio/mpeg', sizeBytes: 500_000, uploadedAt: '2026-02-15T08:00:00.000Z', uses: [{ moduleId: 'calm-breathing', title: 'Calm breathing', state: 'draft', blocks: ['pacer'] }] },
    { sha256: sha('d'), url: `/api/media/${ORG_ID}/${sha('d')}.vtt`, name: 'sara.sv.vtt', kind: 'captions', mediaType: 'text/vtt', sizeBytes: 2_000, uploadedAt: '2026-02-10T08:00:00.000Z', uses: [{ moduleId: 'panic-week-1', title: 'Week 1: Understanding panic', version: 2, state: 'released', blocks: ['film'] }] },
  ];
}

async function mount(person: FakePerson = PEOPLE.designer): Promise<{ fake: FakeApi; screen: ClMediaLibraryScreen }> {
  const fake = new FakeApi();
  fake.media = library();
  const workspace = await workspaceFor(fake, person);
  const screen = await fixture<ClMediaLibraryScreen>(html`<cl-media-library-screen .workspace=${workspace}></cl-media-library-screen>`);
  await until(() => screen.shadowRoot!.querySelectorAll('li.file').length > 0);
  await settle(screen);
  return { fake, screen };
}

const item = (screen: ClMediaLibraryScreen, letter: string) => screen.shadowRoot!.querySelector<HTMLElement>(`li.file[data-sha="${sha(letter)}"]`)!;
const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<cl-media-library-screen>', () => {
  afterEach(async () => {
    i18n.setLocale('en');
    await setViewport({ width: 1024, height: 768 });
  });

  it('lists every file with its kind, size, upload date, where it is used, and a preview of pictures, recordings and films', async () => {
    const { screen } = await mount();
    const root = screen.shadowRoot!;
    expect(text(root.querySelector('h1'))).to.equal('Media library');
    expect(text(root.querySelector('[role="status"]'))).to.equal('5 files');
    const picture = item(screen, 'a');
    expect(text(picture.querySelector('.kind'))).to.equal('Picture');
    expect(text(picture.querySelector('.size'))).to.equal('3.3 MB');
    expect(text(picture.querySelector('.uploaded'))).to.equal('Mar 1, 2026');
    expect(text(picture.querySelector('.uses'))).to.equal('Week 1: Understanding panic, version 2 (blocks beach, beachAgain)');
    expect(picture.querySelector('.uses a')!.getAttribute('href')).to.equal('#/modules/panic-week-1');
    expect(picture.querySelector('img')!.getAttribute('alt')).to.contain('Preview of calm-beach');
    expect(item(screen, 'b').querySelector('audio')!.getAttribute('preload')).to.equal('none');
    expect(item(screen, 'c').querySelector('video')).to.not.equal(null);
    expect(text(item(screen, 'b').querySelector('.size'))).to.equal('840 kB');
    expect(text(item(screen, 'b').querySelector('.uses'))).to.equal('Not used by any version or draft');
    // A file only a draft names: where, and what the designer can do about it.
    const drafted = item(screen, 'e');
    expect(text(drafted.querySelector('.uses'))).to.equal('Calm breathing, draft (block pacer)');
    expect(drafted.querySelector('.uses a')!.getAttribute('href')).to.equal('#/modules/calm-breathing');
    expect(drafted.querySelector('button.remove')).to.equal(null);
    expect(text(drafted.querySelector('.in-use'))).to.equal('Used in a draft: choose another file there first, then it can be removed.');
    expect(text(item(screen, 'd').querySelector('.kind'))).to.equal('Subtitles (WebVTT)');
    // Removal is offered only for files no version or draft uses.
    expect(picture.querySelector('button.remove')).to.equal(null);
    expect(text(picture.querySelector('.in-use'))).to.equal('In use, so it cannot be removed.');
    expect(item(screen, 'd').querySelector('button.remove')).to.equal(null);
    expect(item(screen, 'b').querySelector('button.remove')!.getAttribute('aria-label')).to.equal('Remove breathing.mp3');
    expect(await seriousViolations(screen)).to.deep.equal([]);
  });

  it('removes an unused file after a second click, and keeps it when the designer changes their mind', async () => {
    const { fake, screen } = await mount();
    item(screen, 'b').querySelector<HTMLButtonElement>('button.remove')!.click();
    await settle(screen);
    item(screen, 'b').querySelector<HTMLButtonElement>('button.keep')!.click();
    await settle(screen);
    expect(fake.requests.filter((request) => request.method === 'DELETE')).to.have.length(0);
    item(screen, 'b').querySelector<HTMLButtonElement>('button.remove')!.click();
    await settle(screen);
    expect(text(item(screen, 'b').querySelector('.actions'))).to.contain('Remove breathing.mp3 from the library?');
    item(screen, 'b').querySelector<HTMLButtonElement>('button.confirm')!.click();
    await until(() => !screen.shadowRoot!.querySelector(`li.file[data-sha="${sha('b')}"]`));
    const deletion = fake.requests.find((request) => request.method === 'DELETE')!;
    expect(deletion.path).to.equal(`/api/media/${ORG_ID}/${sha('b')}.mp3`);
    expect(deletion.csrf).to.equal(fake.csrfToken);
    expect(text(screen.shadowRoot!.querySelector('[role="status"]'))).to.equal('breathing.mp3 was removed from the library.');
  });

  it('says so when a version using the file was submitted meanwhile, and shows where it is used now', async () => {
    const { fake, screen } = await mount();
    fake.mediaInUseMeanwhile = sha('c');
    item(screen, 'c').querySelector<HTMLButtonElement>('button.remove')!.click();
    await settle(screen);
    item(screen, 'c').querySelector<HTMLButtonElement>('button.confirm')!.click();
    await until(() => screen.shadowRoot!.querySelector('[role="alert"]'));
    await settle(screen);
    expect(text(screen.shadowRoot!.querySelector('[role="alert"]'))).to.equal('sara.mp4 was not removed: a draft or a module version uses it. The list now shows where.');
    expect(text(item(screen, 'c').querySelector('.uses'))).to.equal('Submitted meanwhile, version 1 (block late-block)');
    expect(item(screen, 'c').querySelector('button.remove')).to.equal(null);
  });

  it('says so when a draft started using the file meanwhile, and shows the draft', async () => {
    const { fake, screen } = await mount();
    fake.mediaInDraftMeanwhile = sha('b');
    item(screen, 'b').querySelector<HTMLButtonElement>('button.remove')!.click();
    await settle(screen);
    item(screen, 'b').querySelector<HTMLButtonElement>('button.confirm')!.click();
    await until(() => screen.shadowRoot!.querySelector('[role="alert"]'));
    await settle(screen);
    expect(text(screen.shadowRoot!.querySelector('[role="alert"]'))).to.equal('breathing.mp3 was not removed: a draft or a module version uses it. The list now shows where.');
    expect(text(item(screen, 'b').querySelector('.uses'))).to.equal('Chosen meanwhile, draft (block late-block)');
    expect(text(item(screen, 'b').querySelector('.in-use'))).to.equal('Used in a draft: choose another file there first, then it can be removed.');
  });

  it('lets publishers and testers look but not remove', async () => {
    for (const person of [PEOPLE.publisher, PEOPLE.tester]) {
      const { screen } = await mount(person);
      expect(screen.shadowRoot!.querySelectorAll('li.file')).to.have.length(5);
      expect(screen.shadowRoot!.querySelectorAll('button')).to.have.length(0);
    }
  });

  it('tells a permissions admin without an authoring role that the library is not theirs', async () => {
    const fake = new FakeApi();
    const workspace = await workspaceFor(fake, PEOPLE.admin);
    const screen = await fixture<ClMediaLibraryScreen>(html`<cl-media-library-screen .workspace=${workspace}></cl-media-library-screen>`);
    await settle(screen);
    expect(text(screen.shadowRoot!.querySelector('.error'))).to.contain('designers, publishers and testers');
    expect(fake.requests.some((request) => request.path.startsWith('/api/media/'))).to.equal(false);
  });

  for (const [locale, title, kind, unused, draft] of [['sv', 'Mediebibliotek', 'Bild', 'Används inte av någon version eller något utkast', 'Calm breathing, utkast (block pacer)'], ['nb', 'Mediebibliotek', 'Bilde', 'Brukes ikke av noen versjon eller noe utkast', 'Calm breathing, utkast (blokk pacer)']] as const) {
    it(`reads in ${locale} and fits a 360 px phone`, async () => {
      await setViewport({ width: 360, height: 740 });
      i18n.setLocale(locale);
      const { screen } = await mount();
      expect(text(screen.shadowRoot!.querySelector('h1'))).to.equal(title);
      expect(text(item(screen, 'a').querySelector('.kind'))).to.equal(kind);
      expect(text(item(screen, 'b').querySelector('.uses'))).to.equal(unused);
      expect(text(item(screen, 'e').querySelector('.uses'))).to.equal(draft);
      expect(text(item(screen, 'b').querySelector('.size'))).to.match(/^840\skB$/);
      // Nothing sticks out of the phone's width: the screen, and each file's card.
      expect(screen.scrollWidth).to.be.at.most(360);
      for (const card of screen.shadowRoot!.querySelectorAll<HTMLElement>('li.file')) expect(card.getBoundingClientRect().right).to.be.at.most(361);
      expect(await seriousViolations(screen)).to.deep.equal([]);
    });
  }
});
