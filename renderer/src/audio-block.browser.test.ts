import { expect } from '@open-wc/testing';
import type { AudioBlock, Module } from '@careloom/format';
import panicWeek2Json from '@careloom/examples/modules/panic-week-2.json';
import { $, $$, renderPage, seriousViolations } from './test-helpers.js';

const panicWeek2 = panicWeek2Json as unknown as Module;

/** Seconds of silence as a WAV file: something the browser can load and seek in. */
function silence(seconds: number): string {
  const rate = 8000;
  const samples = rate * seconds;
  const buffer = new ArrayBuffer(44 + samples);
  const view = new DataView(buffer);
  const ascii = (at: number, text: string) => [...text].forEach((char, index) => view.setUint8(at + index, char.charCodeAt(0)));
  ascii(0, 'RIFF'); view.setUint32(4, 36 + samples, true); ascii(8, 'WAVE'); ascii(12, 'fmt ');
  view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true); view.setUint32(24, rate, true);
  view.setUint32(28, rate, true); view.setUint16(32, 1, true); view.setUint16(34, 8, true); ascii(36, 'data'); view.setUint32(40, samples, true);
  new Uint8Array(buffer, 44).fill(128);
  return URL.createObjectURL(new Blob([buffer], { type: 'audio/wav' }));
}

const vtt = (text: string) => URL.createObjectURL(new Blob([text], { type: 'text/vtt' }));

function recording(): Module {
  const paragraph = (words: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }] });
  const block = {
    type: 'audio', id: 'pacer', src: silence(3), alt: { en: 'A breathing pacer', sv: 'En andningsguide' }, durationSeconds: 3,
    captions: [
      { language: 'en', src: vtt('WEBVTT\n\n00:00.000 --> 00:01.000\nBreathe in\n\n00:01.000 --> 00:03.000\nBreathe out\n') },
      { language: 'sv', src: vtt('WEBVTT\n\n00:00.000 --> 00:01.000\nAndas in\n\n00:01.000 --> 00:03.000\nAndas ut\n') },
    ],
    transcript: { en: paragraph('Breathe in. Breathe out.'), sv: paragraph('Andas in. Andas ut.') },
  } as unknown as AudioBlock;
  return { formatVersion: 1, id: 'pacer', title: { en: 'Pacer', sv: 'Guide' }, languages: ['en', 'sv'], defaultLanguage: 'en', pages: [{ id: 'listen', title: { en: 'Listen', sv: 'Lyssna' }, blocks: [block] }] } as unknown as Module;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

describe('the audio block', () => {
  it('panic week 2: a player with the recording, both caption tracks, its caption and the transcript in a closed disclosure', async () => {
    const page = await renderPage(panicWeek2, { pageId: 'calmBreathing', language: 'sv' });
    const audio = $(page, 'cl-audio-block audio') as HTMLAudioElement;
    expect(audio.controls).to.equal(true);
    expect($(page, 'cl-audio-block source').getAttribute('src')).to.equal('/media/examples/panic/week2-calm-breathing.mp3');
    expect(($$(page, 'cl-audio-block track') as HTMLTrackElement[]).map((track) => [track.kind, track.srclang, track.hasAttribute('data-chosen')])).to.deep.equal([['captions', 'en', false], ['captions', 'sv', true]]);
    expect(audio.getAttribute('aria-labelledby')).to.equal('cl-audio-caption-calmBreathingAudio');
    expect(audio.getAttribute('aria-describedby')).to.equal('cl-audio-desc-calmBreathingAudio');
    expect($(page, 'cl-audio-block figcaption').textContent).to.contain('Lyssna och andas med');
    expect($(page, 'cl-audio-block .audio-captions').textContent).to.contain('Undertexterna visas här');
    const details = $(page, 'cl-audio-block details.transcript') as HTMLDetailsElement;
    expect(details.open).to.equal(false);
    expect(details.textContent).to.contain('Andas in mjukt genom näsan');
    expect(await seriousViolations(page)).to.deep.equal([]);
  });

  it('writes the current caption of the reader\'s language under the player as the recording plays', async () => {
    const page = await renderPage(recording(), { language: 'sv' });
    const audio = $(page, 'cl-audio-block audio') as HTMLAudioElement;
    audio.load();
    await until(() => audio.readyState >= 1, 'the recording to load');
    audio.currentTime = 0.5;
    await until(() => $(page, 'cl-audio-block .audio-captions .cue').textContent === 'Andas in', 'the first Swedish cue');
    audio.currentTime = 2;
    await until(() => $(page, 'cl-audio-block .audio-captions .cue').textContent === 'Andas ut', 'the second cue');
    const english = await renderPage(recording(), { language: 'en' });
    expect(($$(english, 'cl-audio-block track') as HTMLTrackElement[]).filter((track) => track.hasAttribute('data-chosen')).map((track) => track.srclang)).to.deep.equal(['en']);
    expect($(english, 'cl-audio-block .audio-captions .audio-captions-label').textContent).to.equal('Captions');
    expect($(english, 'cl-audio-block figcaption small').textContent).to.equal('Length: 0 min 3 s');
  });
});
