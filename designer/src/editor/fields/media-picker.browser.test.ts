import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { MediaFile, MediaList, MediaUpload } from '@careloom/format/api';
import { ApiError } from '@careloom/client/api';
import { i18n } from '../../i18n/i18n.js';
import type { MediaLibraryAccess } from '../edit-context.js';
import type { ClMediaPicker, MediaChosenDetail } from './media-picker.js';
import '../define.js';

const file = (name: string, kind: MediaFile['kind'], sha: string): MediaFile => ({
  sha256: sha.repeat(64), url: `/api/media/org-a/${sha.repeat(64)}.${kind === 'audio' ? 'mp3' : 'png'}`, name, kind, mediaType: kind === 'audio' ? 'audio/mpeg' : 'image/png', sizeBytes: 3 * 1024 * 1024, uploadedAt: '2026-03-01T08:00:00.000Z',
});

/** A library answering like the server: the files, the limit, and what an upload answers (or throws). */
function library(answer: (file: File) => Promise<MediaUpload>): MediaLibraryAccess & { uploads: File[] } {
  const uploads: File[] = [];
  const media = [file('breathing.mp3', 'audio', 'a'), file('lungs.png', 'image', 'b')];
  return {
    uploads,
    list: async (): Promise<MediaList> => ({ media, maxBytes: 5 * 1024 * 1024 }),
    upload: async (chosen) => {
      uploads.push(chosen);
      return answer(chosen);
    },
  };
}

async function open(picker: ClMediaPicker): Promise<ShadowRoot> {
  const root = picker.shadowRoot!;
  root.querySelector<HTMLButtonElement>('button.toggle')!.click();
  await picker.updateComplete;
  await new Promise((done) => setTimeout(done, 0));
  await picker.updateComplete;
  return root;
}

function choose(root: ShadowRoot, chosen: File): void {
  const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
  const transfer = new DataTransfer();
  transfer.items.add(chosen);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}

describe('<cl-media-picker>', () => {
  afterEach(() => i18n.setLocale('en'));

  it('lists the library\'s files of its kind and hands the chosen one\'s URL to the field', async () => {
    const picker = await fixture<ClMediaPicker>(html`<cl-media-picker .library=${library(async () => { throw new Error('no upload'); })} kind="audio" label="File address"></cl-media-picker>`);
    const root = await open(picker);
    expect(root.querySelector('h4')!.textContent).to.equal('Recordings in the library');
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('li button')];
    expect(buttons.map((button) => button.querySelector('.name')!.textContent)).to.deep.equal(['breathing.mp3']);
    const chosen = oneEvent(picker, 'media-chosen');
    buttons[0]!.click();
    expect(((await chosen) as CustomEvent<MediaChosenDetail>).detail.url).to.equal(`/api/media/org-a/${'a'.repeat(64)}.mp3`);
    await picker.updateComplete;
    expect(root.querySelector('[role="status"]')!.textContent).to.equal('breathing.mp3 is chosen.');
  });

  it('uploads a file and chooses it; says in the designer\'s words why a file is refused (SVG, too large, wrong kind), in Swedish and Norwegian too', async () => {
    const uploaded = file('new.mp3', 'audio', 'c');
    const access = library(async (chosen) => {
      if (chosen.name === 'big.mp3') throw new ApiError({ status: 413, title: 'Request body too large', detail: 'too large' });
      if (chosen.name === 'notes.mp3') throw new ApiError({ status: 415, title: 'Unsupported media type', detail: 'not accepted' });
      if (chosen.name === 'photo.mp3') return { media: file('photo.mp3', 'image', 'd'), created: true };
      return { media: uploaded, created: true };
    });
    const picker = await fixture<ClMediaPicker>(html`<cl-media-picker .library=${access} kind="audio" label="File address"></cl-media-picker>`);
    let root = await open(picker);
    const chosen = oneEvent(picker, 'media-chosen');
    choose(root, new File([new Uint8Array(10)], 'new.mp3', { type: 'audio/mpeg' }));
    expect(((await chosen) as CustomEvent<MediaChosenDetail>).detail.url).to.equal(uploaded.url);
    await picker.updateComplete;
    expect(root.querySelector('[role="status"]')!.textContent).to.equal('new.mp3 is uploaded and chosen.');

    const refusal = async (name: string, type = 'audio/mpeg', bytes = 10) => {
      root = picker.open ? root : await open(picker);
      const before = root.querySelector('[role="alert"]')?.textContent;
      choose(root, new File([new Uint8Array(bytes)], name, { type }));
      // Each refusal in this test says something else than the one before it.
      const shown = () => root.querySelector('[role="alert"]')?.textContent;
      for (let wait = 0; wait < 100 && (shown() === undefined || shown() === before); wait += 1) {
        await new Promise((done) => setTimeout(done, 10));
        await picker.updateComplete;
      }
      const alert = root.querySelector('[role="alert"]');
      if (!alert) throw new Error(`No refusal shown for ${name}; the panel says: ${root.textContent}`);
      return alert.textContent!;
    };
    expect(await refusal('drawing.svg', 'image/svg+xml')).to.contain('SVG pictures are not accepted');
    expect(access.uploads.map((sent) => sent.name)).to.deep.equal(['new.mp3']);
    expect(await refusal('big.mp3')).to.equal('The file is too large. The library takes files up to 5 MB.');
    expect(await refusal('notes.mp3')).to.contain('This kind of file cannot be used');
    expect(await refusal('photo.mp3')).to.contain('it is a picture');
    i18n.setLocale('sv');
    await picker.updateComplete;
    expect(await refusal('huge.mp3', 'audio/mpeg', 6 * 1024 * 1024)).to.equal('Filen är för stor. Biblioteket tar emot filer på högst 5 MB.');
    i18n.setLocale('nb');
    await picker.updateComplete;
    expect(root.querySelector('h4')!.textContent).to.equal('Opptak i biblioteket');
    expect(await refusal('drawing.svg', 'image/svg+xml')).to.contain('SVG-bilder tas ikke imot');
  });
});
