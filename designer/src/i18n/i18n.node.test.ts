import { describe, expect, it } from 'vitest';
import { detectLocale, formatMessage, I18n, localeOf, type Locale } from './i18n.js';
import { en } from './messages-en.js';
import { nb } from './messages-nb.js';
import { sv } from './messages-sv.js';

describe('i18n', () => {
  it('starts from the stored choice, then <html lang>, then the browser languages, then English', () => {
    expect(detectLocale({ stored: 'nb', htmlLang: 'sv', languages: ['en'] })).toBe('nb');
    expect(detectLocale({ stored: 'xx', htmlLang: 'sv-SE', languages: ['en'] })).toBe('sv');
    expect(detectLocale({ htmlLang: '', languages: ['de-DE', 'nn-NO', 'sv'] })).toBe('nb');
    expect(detectLocale({ languages: ['de'] })).toBe('en');
    expect(localeOf('no')).toBe('nb');
    expect(localeOf(undefined)).toBe(undefined);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('Version {n} of {title}', { n: 3, title: 'PHQ-9' })).toBe('Version 3 of PHQ-9');
    expect(formatMessage('Hello {name}')).toBe('Hello {name}');
  });

  it('switches language, remembers the choice and tells subscribers', () => {
    const written: Locale[] = [];
    const i18n = new I18n('en', { read: () => null, write: (locale) => written.push(locale) });
    const heard: Locale[] = [];
    const stop = i18n.subscribe((locale) => heard.push(locale));
    expect(i18n.t('library.title')).toBe('Library');
    i18n.setLocale('sv');
    expect(i18n.t('library.title')).toBe('Bibliotek');
    expect(i18n.t('history.versionNumber', { n: 2 })).toBe('Version 2');
    i18n.setLocale('nb');
    stop();
    i18n.setLocale('en');
    expect(written).toEqual(['sv', 'nb', 'en']);
    expect(heard).toEqual(['sv', 'nb']);
  });

  it('has every key in every catalog, with the same placeholders and no empty text', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const catalog of [sv, nb]) {
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(en)) {
        const translated = (catalog as Record<string, string>)[key]!;
        expect(translated.trim(), key).not.toBe('');
        expect(placeholders(translated), key).toEqual(placeholders(text));
      }
    }
  });
});
