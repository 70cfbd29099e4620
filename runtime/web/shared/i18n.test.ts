import { checkCatalogs } from '@careloom/client/messages';
import { describe, expect, it } from 'vitest';
import { translator, webMessages } from './i18n.js';

describe('interface language', () => {
  it('fills placeholders in the chosen language, English for one without a catalog', () => {
    expect(translator('sv')('unreadCount', { n: 2 })).toBe('2 olästa');
    expect(translator('nb')('programDone', { done: 1, total: 8 })).toBe('1 av 8 moduler ferdige');
    expect(translator('xx')('navToday')).toBe('Today');
    expect(translator('sv-FI')('common.back')).toBe('Tillbaka');
  });

  it('every catalog has every English key, with the same placeholders, plurals for counts, and no empty text', () => {
    expect(checkCatalogs(webMessages)).toEqual([]);
  });

  // Patients used to read "1 answers saved".
  it.each([
    ['en', ['No answers saved', '1 answer saved', '2 answers saved', '5 answers saved']],
    ['sv', ['Inga svar sparade', '1 svar sparat', '2 svar sparade', '5 svar sparade']],
    ['nb', ['Ingen svar lagret', '1 svar lagret', '2 svar lagret', '5 svar lagret']],
  ] as const)('counts saved answers in the plural forms of %s', (language, texts) => {
    const t = translator(language);
    expect([0, 1, 2, 5].map((n) => t('answeredCount', { n }))).toEqual(texts);
  });

  it.each([
    ['en', ['1 unread message', '2 unread messages'], ['1 more module opens later', '5 more modules open later']],
    ['sv', ['1 oläst meddelande', '2 olästa meddelanden'], ['1 modul till öppnas senare', '5 moduler till öppnas senare']],
    ['nb', ['1 ulest melding', '2 uleste meldinger'], ['1 modul til åpnes senere', '5 moduler til åpnes senere']],
  ] as const)('counts unread messages and locked modules in %s', (language, unread, locked) => {
    const t = translator(language);
    expect([1, 2].map((n) => t('badgeUnread', { n }))).toEqual(unread);
    expect([1, 5].map((n) => t('programLocked', { n }))).toEqual(locked);
  });
});
