import { describe, expect, it } from 'vitest';
import { catalogLanguage, catalogs, pickLanguage, translator } from './i18n.js';

describe('interface language', () => {
  it('prefers a saved choice, then <html lang>, then the browser, else English', () => {
    expect(pickLanguage({ saved: 'nb', documentLanguage: 'sv', browserLanguages: ['en-GB'] })).toBe('nb');
    expect(pickLanguage({ documentLanguage: 'sv-FI', browserLanguages: ['nb'] })).toBe('sv');
    expect(pickLanguage({ documentLanguage: 'de', browserLanguages: ['de-AT', 'no'] })).toBe('nb');
    expect(pickLanguage({ documentLanguage: 'en', browserLanguages: ['sv'] })).toBe('en');
    expect(pickLanguage({ browserLanguages: ['fr', 'de'] })).toBe('en');
    expect(catalogLanguage('nn')).toBe('nb');
  });

  it('fills placeholders in the chosen language', () => {
    expect(translator('sv')('unreadCount', { n: 2 })).toBe('2 olästa');
    expect(translator('nb')('programDone', { done: 1, total: 8 })).toBe('1 av 8 moduler ferdige');
    expect(translator('xx')('navToday')).toBe('Today');
  });

  it('every catalog has every English key, with the same placeholders, and no empty text', () => {
    const en = catalogs.en!;
    for (const [language, catalog] of Object.entries(catalogs)) {
      expect(Object.keys(catalog).sort(), language).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(catalog)) {
        expect(text.trim(), `${language}.${key}`).not.toBe('');
        const placeholders = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
        expect(placeholders(text), `${language}.${key}`).toEqual(placeholders(en[key as keyof typeof en]));
      }
    }
  });
});
