import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { MediaFile } from '@careloom/format/api';
import { i18n } from '../i18n/i18n.js';
import { seriousViolations, settle, signedInWorkspace, startTestServer, until, type TestServer } from '../testing/app-fixture.js';
import type { Workspace } from '../app/workspace.js';
import type { ClMediaLibraryScreen } from './media-library-screen.js';
import './media-library-screen.js';

// On a real server with the demo content, one per test. The demo designer uploads six files through
// the API (their types read from their bytes, as the server does), submits a module whose version
// uses the picture (two blocks) and a film with its Swedish captions, and leaves a draft that names
// a recording.
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0]);
/** `size` bytes starting with `head` (the rest zeros). */
const padded = (head: Uint8Array, size: number, seed = 0): Uint8Array<ArrayBuffer> => {
  const bytes = new Uint8Array(size);
  bytes.set(head);
  bytes[size - 1] = seed;
  return bytes;
};
/** MPEG-1 layer III frames: what the server reads as MP3. */
const mp3 = (size: number) => {
  const bytes = new Uint8Array(size);
  for (let frame = 0; frame * 417 + 4 <= size; frame += 1) bytes.set([0xff, 0xfb, 0x90, 0xc4], frame * 417);
  return bytes;
};
/** An ISO base media file's `ftyp` box with the `isom` brand: what the server reads as MP4 video. */
const mp4 = (seed: number) => padded(Uint8Array.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 2, 0, 0x69, 0x73, 0x6f, 0x6d, 0x6d, 0x70, 0x34, 0x31]), 4096, seed);
const VTT = new TextEncoder().encode('WEBVTT\n\n00:00.000 --> 00:04.000\nAndas in, två, tre, fyra\n');
const sv = (text: string) => ({ sv: text });
const doc = (text: string) => ({ sv: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } });

let server: TestServer;
/** The uploaded files by letter: a picture (a), a recording (b), a film (c), captions (d), the film the module uses (e), a recording only a draft names (f). */
let files: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', MediaFile>;
let designer: Workspace;
afterEach(async () => {
  await server?.stop();
});

/** A module of one page naming `blocks`, created by the designer and submitted as version 1. */
async function submitModule(id: string, title: string, blocks: unknown[]): Promise<void> {
  const document = { formatVersion: 1, id, title: sv(title), languages: ['sv'], defaultLanguage: 'sv', pages: [{ id: 'page', title: sv('Sida'), blocks }] };
  await designer.api.createDocument({ organisationId: designer.organisationId, kind: 'module', document });
  await designer.api.submitVersion(id, 'First version');
}

/** A module the designer creates and leaves as a draft (never submitted), naming `blocks`. */
async function draftModule(id: string, title: string, blocks: unknown[]): Promise<void> {
  const document = { formatVersion: 1, id, title: sv(title), languages: ['sv'], defaultLanguage: 'sv', pages: [{ id: 'page', title: sv('Sida'), blocks }] };
  await designer.api.createDocument({ organisationId: designer.organisationId, kind: 'module', document });
}

const audio = (id: string, recording: MediaFile) => ({ type: 'audio', id, src: recording.url, transcript: doc('Andas in, två, tre, fyra.') });

const film = (id: string, video: MediaFile) => ({ type: 'film', id, src: video.url, alt: sv('Sara berättar om sin panik'), captions: [{ language: 'sv', src: files.d.url }], transcript: doc('Sara berättar om sin panik.') });

async function seed(): Promise<void> {
  server = await startTestServer();
  designer = await signedInWorkspace(server, 'designer');
  const upload = async (bytes: Uint8Array<ArrayBuffer>, name: string) => (await designer.api.uploadMedia(designer.organisationId, new File([bytes], name))).media;
  files = {
    a: await upload(padded(PNG, 3_250_000), 'calm-beach-with-a-long-file-name-that-must-wrap-on-a-phone.png'),
    b: await upload(mp3(840_000), 'breathing.mp3'),
    c: await upload(mp4(1), 'sara.mp4'),
    d: await upload(VTT, 'sara.sv.vtt'),
    e: await upload(mp4(2), 'sara-short.mp4'),
    f: await upload(mp3(500_000), 'pacer.mp3'),
  };
  await submitModule('breathing-pictures', 'Andningsbilder', [
    { type: 'image', id: 'beach', src: files.a.url, alt: sv('En lugn strand') },
    { type: 'image', id: 'beachAgain', src: files.a.url, alt: sv('Samma strand igen') },
    film('film', files.e),
  ]);
  await draftModule('calm-breathing', 'Calm breathing', [audio('pacer', files.f)]);
}

async function mount(key = 'designer'): Promise<ClMediaLibraryScreen> {
  const workspace = await signedInWorkspace(server, key);
  const screen = await fixture<ClMediaLibraryScreen>(html`<cl-media-library-screen .workspace=${workspace}></cl-media-library-screen>`);
  await until(() => screen.shadowRoot!.querySelectorAll('li.file').length > 0);
  await settle(screen);
  return screen;
}

const item = (screen: ClMediaLibraryScreen, letter: keyof typeof files) => screen.shadowRoot!.querySelector<HTMLElement>(`li.file[data-sha="${files[letter].sha256}"]`)!;
const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** Each use a file's card lists, in order. */
const uses = (card: HTMLElement) => [...card.querySelectorAll('.uses li')].map(text);

describe('<cl-media-library-screen>, against the real server', function () {
  this.timeout(90_000);
  afterEach(async () => {
    i18n.setLocale('en');
    await setViewport({ width: 1024, height: 768 });
  });

  it('lists every file with its kind, size, upload date, where it is used, and a preview of pictures, recordings and films', async () => {
    await seed();
    const screen = await mount();
    const root = screen.shadowRoot!;
    expect(text(root.querySelector('h1'))).to.equal('Media library');
    expect(text(root.querySelector('[role="status"]'))).to.equal('6 files');
    const picture = item(screen, 'a');
    expect(text(picture.querySelector('.kind'))).to.equal('Picture');
    expect(text(picture.querySelector('.size'))).to.equal('3.3 MB');
    expect(text(picture.querySelector('.uploaded'))).to.equal(new Date(files.a.uploadedAt).toLocaleDateString('en', { dateStyle: 'medium' }));
    // Version 1 and the draft that went on from it both name the picture.
    expect(uses(picture)).to.deep.equal(['Andningsbilder, version 1 (blocks beach, beachAgain)', 'Andningsbilder, draft (blocks beach, beachAgain)']);
    expect(picture.querySelector('.uses a')!.getAttribute('href')).to.equal('#/modules/breathing-pictures');
    expect(picture.querySelector('img')!.getAttribute('alt')).to.contain('Preview of calm-beach');
    expect(item(screen, 'b').querySelector('audio')!.getAttribute('preload')).to.equal('none');
    expect(item(screen, 'c').querySelector('video')).to.not.equal(null);
    expect(text(item(screen, 'b').querySelector('.size'))).to.equal('840 kB');
    expect(text(item(screen, 'b').querySelector('.uses'))).to.equal('Not used by any version or draft');
    // A file only a draft names: where, and what the designer can do about it.
    const drafted = item(screen, 'f');
    expect(text(drafted.querySelector('.uses'))).to.equal('Calm breathing, draft (block pacer)');
    expect(drafted.querySelector('.uses a')!.getAttribute('href')).to.equal('#/modules/calm-breathing');
    expect(drafted.querySelector('button.remove')).to.equal(null);
    expect(text(drafted.querySelector('.in-use'))).to.equal('Used in a draft: choose another file there first, then it can be removed.');
    expect(text(item(screen, 'd').querySelector('.kind'))).to.equal('Subtitles (WebVTT)');
    // Removal is offered only for files no version or draft uses.
    expect(picture.querySelector('button.remove')).to.equal(null);
    expect(text(picture.querySelector('.in-use'))).to.equal('In use, so it cannot be removed.');
    expect(item(screen, 'd').querySelector('button.remove')).to.equal(null);
    expect(uses(item(screen, 'd'))).to.deep.equal(['Andningsbilder, version 1 (block film)', 'Andningsbilder, draft (block film)']);
    expect(item(screen, 'e').querySelector('button.remove')).to.equal(null);
    expect(item(screen, 'b').querySelector('button.remove')!.getAttribute('aria-label')).to.equal('Remove breathing.mp3');
    expect(await seriousViolations(screen)).to.deep.equal([]);
  });

  it('removes an unused file after a second click, and keeps it when the designer changes their mind', async () => {
    await seed();
    const screen = await mount();
    item(screen, 'b').querySelector<HTMLButtonElement>('button.remove')!.click();
    await settle(screen);
    item(screen, 'b').querySelector<HTMLButtonElement>('button.keep')!.click();
    await settle(screen);
    expect(server.requests.filter((request) => request.method === 'DELETE')).to.have.length(0);
    item(screen, 'b').querySelector<HTMLButtonElement>('button.remove')!.click();
    await settle(screen);
    expect(text(item(screen, 'b').querySelector('.actions'))).to.contain('Remove breathing.mp3 from the library?');
    item(screen, 'b').querySelector<HTMLButtonElement>('button.confirm')!.click();
    await until(() => !screen.shadowRoot!.querySelector(`li.file[data-sha="${files.b.sha256}"]`));
    const deletion = server.requests.find((request) => request.method === 'DELETE')!;
    expect(deletion.path).to.equal(`/api/media/${designer.organisationId}/${files.b.sha256}.mp3`);
    expect(deletion.csrf).to.be.a('string').and.not.equal('');
    // Gone from the server's library too.
    expect((await designer.api.listMedia(designer.organisationId)).media.map((file) => file.sha256)).not.to.include(files.b.sha256);
    expect(text(screen.shadowRoot!.querySelector('[role="status"]'))).to.equal('breathing.mp3 was removed from the library.');
  });

  it('says so when a version using the file was submitted meanwhile, and shows where it is used now', async () => {
    await seed();
    const screen = await mount();
    item(screen, 'c').querySelector<HTMLButtonElement>('button.remove')!.click();
    await settle(screen);
    // Meanwhile the designer, elsewhere, submits a module whose film is this one.
    await submitModule('late-module', 'Submitted meanwhile', [film('late-block', files.c)]);
    item(screen, 'c').querySelector<HTMLButtonElement>('button.confirm')!.click();
    await until(() => screen.shadowRoot!.querySelector('[role="alert"]'));
    await settle(screen);
    expect(text(screen.shadowRoot!.querySelector('[role="alert"]'))).to.equal('sara.mp4 was not removed: a draft or a module version uses it. The list now shows where.');
    expect(uses(item(screen, 'c'))).to.deep.equal(['Submitted meanwhile, version 1 (block late-block)', 'Submitted meanwhile, draft (block late-block)']);
    expect(item(screen, 'c').querySelector('button.remove')).to.equal(null);
  });

  it('says so when a draft started using the file meanwhile, and shows the draft', async () => {
    await seed();
    const screen = await mount();
    item(screen, 'b').querySelector<HTMLButtonElement>('button.remove')!.click();
    await settle(screen);
    // Meanwhile the designer, elsewhere, starts a module whose recording is this one.
    await draftModule('late-draft', 'Chosen meanwhile', [audio('late-block', files.b)]);
    item(screen, 'b').querySelector<HTMLButtonElement>('button.confirm')!.click();
    await until(() => screen.shadowRoot!.querySelector('[role="alert"]'));
    await settle(screen);
    expect(text(screen.shadowRoot!.querySelector('[role="alert"]'))).to.equal('breathing.mp3 was not removed: a draft or a module version uses it. The list now shows where.');
    expect(text(item(screen, 'b').querySelector('.uses'))).to.equal('Chosen meanwhile, draft (block late-block)');
    expect(text(item(screen, 'b').querySelector('.in-use'))).to.equal('Used in a draft: choose another file there first, then it can be removed.');
    expect((await designer.api.listMedia(designer.organisationId)).media.map((file) => file.sha256)).to.include(files.b.sha256);
  });

  it('lets publishers and testers look but not remove', async () => {
    await seed();
    for (const person of ['publisher', 'tester']) {
      const screen = await mount(person);
      expect(screen.shadowRoot!.querySelectorAll('li.file')).to.have.length(6);
      expect(screen.shadowRoot!.querySelectorAll('button')).to.have.length(0);
    }
  });

  it('tells a permissions admin without an authoring role that the library is not theirs', async () => {
    await seed();
    const workspace = await signedInWorkspace(server, 'permissions-admin');
    const screen = await fixture<ClMediaLibraryScreen>(html`<cl-media-library-screen .workspace=${workspace}></cl-media-library-screen>`);
    await settle(screen);
    expect(text(screen.shadowRoot!.querySelector('.error'))).to.contain('designers, publishers and testers');
    expect(server.requests.some((request) => request.path.startsWith('/api/media/') && request.method === 'GET')).to.equal(false);
  });

  for (const [locale, title, kind, unused, draft] of [['sv', 'Mediebibliotek', 'Bild', 'Används inte av någon version eller något utkast', 'Calm breathing, utkast (block pacer)'], ['nb', 'Mediebibliotek', 'Bilde', 'Brukes ikke av noen versjon eller noe utkast', 'Calm breathing, utkast (blokk pacer)']] as const) {
    it(`reads in ${locale} and fits a 360 px phone`, async () => {
      await setViewport({ width: 360, height: 740 });
      i18n.setLocale(locale);
      await seed();
      const screen = await mount();
      expect(text(screen.shadowRoot!.querySelector('h1'))).to.equal(title);
      expect(text(item(screen, 'a').querySelector('.kind'))).to.equal(kind);
      expect(text(item(screen, 'b').querySelector('.uses'))).to.equal(unused);
      expect(text(item(screen, 'f').querySelector('.uses'))).to.equal(draft);
      expect(text(item(screen, 'b').querySelector('.size'))).to.match(/^840\skB$/);
      // Nothing sticks out of the phone's width: the screen, and each file's card.
      expect(screen.scrollWidth).to.be.at.most(360);
      for (const card of screen.shadowRoot!.querySelectorAll<HTMLElement>('li.file')) expect(card.getBoundingClientRect().right).to.be.at.most(361);
      expect(await seriousViolations(screen)).to.deep.equal([]);
    });
  }
});
