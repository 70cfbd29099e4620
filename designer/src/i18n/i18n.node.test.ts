import { checkCatalogs } from '@careloom/client/messages';
import { describe, expect, it } from 'vitest';
import { designerMessages, I18n, type Locale } from './i18n.js';

describe('i18n', () => {
  it('switches language, remembers the choice and tells subscribers', () => {
    const written: Locale[] = [];
    const i18n = new I18n('en', { read: () => null, write: (locale) => written.push(locale) });
    const heard: Locale[] = [];
    const stop = i18n.subscribe((locale) => heard.push(locale));
    expect(i18n.t('library.title')).toBe('Library');
    i18n.setLocale('sv');
    expect(i18n.locale).toBe('sv');
    expect(i18n.t('library.title')).toBe('Bibliotek');
    expect(i18n.t('history.versionNumber', { n: 2 })).toBe('Version 2');
    expect(i18n.t('editor.untitled')).toBe('Namnlös modul');
    expect(i18n.t('common.cancel')).toBe('Avbryt');
    i18n.setLocale('nb');
    stop();
    i18n.setLocale('en');
    expect(written).toEqual(['sv', 'nb', 'en']);
    expect(heard).toEqual(['sv', 'nb']);
  });

  it('has every key in every catalog (the shell, the module editor, common), with the same placeholders, plurals for counts, and no empty text', () => {
    expect(checkCatalogs(designerMessages)).toEqual([]);
  });

  it.each([
    ['en', [0, 1, 2, 5], ['0 changes', '1 change', '2 changes', '5 changes']],
    ['sv', [0, 1, 2, 5], ['0 ändringar', '1 ändring', '2 ändringar', '5 ändringar']],
    ['nb', [0, 1, 2, 5], ['0 endringer', '1 endring', '2 endringer', '5 endringer']],
  ] as const)('counts in the plural forms of %s', (language, counts, texts) => {
    const i18n = new I18n(language);
    expect(counts.map((n) => i18n.t('diff.changeCount', { n }))).toEqual(texts);
  });
});
