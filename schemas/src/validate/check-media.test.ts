import { describe, expect, it } from 'vitest';
import type { AudioBlock, FilmBlock, InstrumentBlock, Module } from '../generated/format.js';
import { validateModule } from './index.js';
import { broken, text, validModule } from './test-fixtures.js';
import { expectIssues } from './test-helpers.js';

const paragraph = (words: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph' as const, content: words === '' ? [] : [{ type: 'text' as const, text: words }] }] });

/** The fixture module with a film as the first block of its first page, captioned and transcribed in both its languages. */
function withFilm(change: (film: FilmBlock, module: Module) => void = () => undefined): Module {
  return broken(validModule(), (module) => {
    const film: FilmBlock = {
      type: 'film', id: 'clip', src: '/media/clip.mp4', alt: text('En film', 'A film'),
      captions: [{ language: 'sv', src: '/media/clip.sv.vtt' }, { language: 'en', src: '/media/clip.en.vtt' }],
      transcript: { sv: paragraph('Hej'), en: paragraph('Hello') },
    };
    module.pages[0]!.blocks.unshift(film);
    change(film, module);
  });
}
const film = '/pages/0/blocks/0';

describe('a film in every declared language', () => {
  it('passes with a WebVTT track and a transcript per language', () => {
    expect(validateModule(withFilm()).issues).toEqual([]);
  });

  it('is refused with two languages and no caption tracks', () => {
    expectIssues(validateModule(withFilm((block) => { delete block.captions; })), [
      { code: 'media.captions_missing', path: `${film}/captions`, mentions: ['"sv" and "en"', 'WebVTT'] },
    ]);
  });

  it('is refused with a track missing, a language twice, or a track that is not WebVTT', () => {
    expectIssues(validateModule(withFilm((block) => {
      block.captions = [{ language: 'sv', src: '/media/clip.sv.srt' }, { language: 'sv', src: '/media/clip.sv.vtt?v=2' }];
    })), [
      { code: 'media.captions_not_webvtt', path: `${film}/captions/0/src`, mentions: ['"sv"', '.vtt'] },
      { code: 'media.captions_duplicate', path: `${film}/captions/1/language`, mentions: ['"sv"'] },
      { code: 'media.captions_missing', path: `${film}/captions`, mentions: ['"en"'] },
    ]);
  });

  it('is refused with an empty or blank transcript in a language', () => {
    expectIssues(validateModule(withFilm((block) => { block.transcript = { sv: paragraph('   '), en: paragraph('') }; })), [
      { code: 'media.transcript_empty', path: `${film}/transcript/sv`, mentions: ['"sv"'] },
      { code: 'media.transcript_empty', path: `${film}/transcript/en`, mentions: ['"en"'] },
    ]);
  });
});

/** The fixture module with a recording as the first block of its first page, captioned and transcribed in both its languages. */
function withAudio(change: (audio: AudioBlock) => void = () => undefined): Module {
  return broken(validModule(), (module) => {
    const audio: AudioBlock = {
      type: 'audio', id: 'breathing', src: `/api/media/org-a/${'a'.repeat(64)}.mp3`, alt: text('Andningsövning', 'Breathing exercise'), durationSeconds: 90,
      captions: [{ language: 'sv', src: `/api/media/org-a/${'b'.repeat(64)}.vtt` }, { language: 'en', src: `/api/media/org-a/${'c'.repeat(64)}.vtt` }],
      transcript: { sv: paragraph('Andas in'), en: paragraph('Breathe in') },
    };
    module.pages[0]!.blocks.unshift(audio);
    change(audio);
  });
}

describe('a recording in every declared language (the film\'s rule)', () => {
  it('passes with library files: a WebVTT track and a transcript per language', () => {
    expect(validateModule(withAudio()).issues).toEqual([]);
  });

  it('is refused with two languages and no caption tracks, naming the recording', () => {
    const issues = validateModule(withAudio((block) => { delete block.captions; })).issues;
    expectIssues(issues, [{ code: 'media.captions_missing', path: `${film}/captions`, mentions: ['"sv" and "en"', 'WebVTT', 'recording'] }]);
  });

  it('is refused with a track missing, a caption file that is not WebVTT, and an empty transcript', () => {
    expectIssues(validateModule(withAudio((block) => {
      block.captions = [{ language: 'sv', src: `/api/media/org-a/${'b'.repeat(64)}.mp3` }];
      block.transcript = { sv: paragraph('Andas'), en: paragraph(' ') };
    })), [
      { code: 'media.captions_not_webvtt', path: `${film}/captions/0/src`, mentions: ['"sv"', '.vtt'] },
      { code: 'media.captions_missing', path: `${film}/captions`, mentions: ['"en"'] },
      { code: 'media.transcript_empty', path: `${film}/transcript/en`, mentions: ['"en"', 'recording'] },
    ]);
  });

  it('is refused without a transcript', () => {
    const issues = validateModule(withAudio((block) => { delete (block as Partial<AudioBlock>).transcript; })).issues;
    expect(issues.map((issue) => issue.path)).toContain(film);
  });
});

describe('an alert rule\'s response deadline', () => {
  it('is one of "withinHours" and "sameWorkingDay"', () => {
    const rule = (response: object) => broken(validModule(), (module) => {
      const instrument = module.pages[1]!.blocks[0] as InstrumentBlock;
      instrument.scoring.alerts!.push({ id: 'high', level: 'urgent', message: text('Hög', 'High'), when: { of: 'total', op: 'gt', value: 100 }, response });
    });
    expect(validateModule(rule({ withinHours: 4 })).issues).toEqual([]);
    expect(validateModule(rule({ sameWorkingDay: true, escalate: false })).issues).toEqual([]);
    expectIssues(validateModule(rule({ escalate: true })), [{ code: 'alert.response_deadline', path: '/pages/1/blocks/0/scoring/alerts/1/response', mentions: ['neither'] }]);
    expectIssues(validateModule(rule({ withinHours: 4, sameWorkingDay: true })), [{ code: 'alert.response_deadline', path: '/pages/1/blocks/0/scoring/alerts/1/response', mentions: ['both'] }]);
  });
});
