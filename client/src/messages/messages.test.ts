import { describe, expect, it } from 'vitest';
import { acceptedLanguages, checkCatalogs, commonMessages, formatMessage, languageOf, matchLanguage, messageParameters, pickLanguage, translate, type Catalogs } from './index.js';

const answers = '{n, plural, =0 {No answers saved} one {# answer saved} other {# answers saved}}';

describe('the language matcher', () => {
  it('reads Swedish and Norwegian in any written form, and nothing else, from a tag', () => {
    expect(matchLanguage('sv-FI')).toBe('sv');
    expect(matchLanguage('nb-NO')).toBe('nb');
    expect(matchLanguage('no')).toBe('nb');
    expect(matchLanguage('nn_NO')).toBe('nb');
    expect(matchLanguage('EN-gb')).toBe('en');
    expect(matchLanguage('de')).toBeUndefined();
    expect(matchLanguage('')).toBeUndefined();
    expect(matchLanguage(null)).toBeUndefined();
    expect(languageOf('xx')).toBe('en');
  });

  it('takes the first candidate with a catalog: the saved choice, then <html lang>, then the browser', () => {
    expect(pickLanguage(['nb', 'sv', 'en-GB'])).toBe('nb');
    expect(pickLanguage([null, 'sv-FI', 'nb'])).toBe('sv');
    expect(pickLanguage(['de', 'de-AT', 'no'])).toBe('nb');
    expect(pickLanguage(['en', 'sv'])).toBe('en');
    expect(pickLanguage(['fr', 'de'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });

  it('orders an Accept-Language header by weight, keeps the order of equal weights and drops q=0', () => {
    expect(acceptedLanguages('en;q=0.5, sv-SE, nb;q=0.8')).toEqual(['sv-SE', 'nb', 'en']);
    expect(acceptedLanguages('de-DE,en;q=0.7,sv;q=0.9')).toEqual(['de-DE', 'sv', 'en']);
    expect(acceptedLanguages('sv;q=0, *;q=0.1, nb')).toEqual(['nb']);
    expect(acceptedLanguages('sv;q=abc, en')).toEqual(['en']);
    expect(acceptedLanguages(undefined)).toEqual([]);
    expect(pickLanguage(acceptedLanguages('de-DE,en;q=0.7,sv;q=0.9'))).toBe('sv');
  });
});

describe('messages', () => {
  it('fills placeholders and leaves a missing one visible', () => {
    expect(formatMessage('Version {n} of {title}', { n: 3, title: 'PHQ-9' })).toBe('Version 3 of PHQ-9');
    expect(formatMessage('Hello {name}')).toBe('Hello {name}');
    expect(formatMessage("It's {name}'s turn", { name: 'Anna' })).toBe("It's Anna's turn");
  });

  it('keeps text that only looks like a placeholder', () => {
    expect(formatMessage('Set {} and {a b} and {x, select, a {1}}', {})).toBe('Set {} and {a b} and {x, select, a {1}}');
    expect(formatMessage('Open { brace', {})).toBe('Open { brace');
    expect(formatMessage('Issue #3', {})).toBe('Issue #3');
  });

  it('does not read placeholders inside a value', () => {
    expect(formatMessage('Title: {title}', { title: 'Week {n}' })).toBe('Title: Week {n}');
  });

  it.each([
    ['en', 0, 'No answers saved'],
    ['en', 1, '1 answer saved'],
    ['en', 2, '2 answers saved'],
    ['en', 5, '5 answers saved'],
    ['en', 1.5, '1.5 answers saved'],
    ['en', 1000, '1,000 answers saved'],
  ] as const)('picks the English plural form: %s %s → %s', (language, n, text) => {
    expect(formatMessage(answers, { n }, language)).toBe(text);
  });

  const svAnswers = '{n, plural, =0 {Inga svar sparade} one {# svar sparat} other {# svar sparade}}';
  const nbAnswers = '{n, plural, =0 {Ingen svar lagret} one {# svar lagret} other {# svar lagret}}';
  const svModules = '{n, plural, one {# modul till öppnas senare} other {# moduler till öppnas senare}}';
  const nbModules = '{n, plural, one {# modul til åpnes senere} other {# moduler til åpnes senere}}';

  it.each([
    [svAnswers, 'sv', 0, 'Inga svar sparade'],
    [svAnswers, 'sv', 1, '1 svar sparat'],
    [svAnswers, 'sv', 2, '2 svar sparade'],
    [svAnswers, 'sv', 5, '5 svar sparade'],
    [svModules, 'sv', 1, '1 modul till öppnas senare'],
    [svModules, 'sv', 2, '2 moduler till öppnas senare'],
    [nbAnswers, 'nb', 0, 'Ingen svar lagret'],
    [nbAnswers, 'nb', 1, '1 svar lagret'],
    [nbModules, 'nb', 1, '1 modul til åpnes senere'],
    [nbModules, 'nb', 2, '2 moduler til åpnes senere'],
    [nbModules, 'nb', 5, '5 moduler til åpnes senere'],
    [svModules, 'sv', 1000, '1\u00a0000 moduler till öppnas senare'],
  ] as const)('picks the Swedish and Norwegian plural forms: %s %s %s', (template, language, n, text) => {
    expect(formatMessage(template, { n }, language)).toBe(text);
  });

  it('uses other when the count is missing or not a number, and nests placeholders in a branch', () => {
    expect(formatMessage('{n, plural, one {# item in {unit}} other {# items in {unit}}}', { n: 1, unit: 'Lung' })).toBe('1 item in Lung');
    expect(formatMessage('{n, plural, one {# item} other {# items}}', {})).toBe('# items');
    expect(formatMessage('{n, plural, one {# item} other {# items}}', { n: 'many' })).toBe('# items');
  });

  it('names the parameters of a message, plural ones included', () => {
    expect(messageParameters('{done} of {total, plural, one {# module} other {# modules}} in {unit}')).toEqual(['done', 'total', 'unit']);
  });
});

describe('catalogs', () => {
  const toy: Catalogs<'saved' | 'hello'> = {
    en: { saved: answers, hello: 'Hello {name}' },
    sv: { saved: '{n, plural, =0 {Inga svar sparade} one {# svar sparat} other {# svar sparade}}', hello: 'Hej {name}' },
    nb: { saved: '{n, plural, one {# svar lagret} other {# svar lagret}}', hello: 'Hei {name}' },
  };

  it('looks a key up in the language of any tag, English for an unknown one', () => {
    expect(translate(toy, 'sv-FI', 'saved', { n: 1 })).toBe('1 svar sparat');
    expect(translate(toy, 'nn', 'hello', { name: 'Kari' })).toBe('Hei Kari');
    expect(translate(toy, 'de', 'saved', { n: 2 })).toBe('2 answers saved');
  });

  it('finds what is wrong with a catalog', () => {
    const broken = {
      en: { a: '{n} answers saved', b: 'Hello {name}', c: '{n, plural, other {# x}}' },
      sv: { a: 'x', b: 'Hej {namn}', c: '{n, plural, one {# x} other {# x}}', d: 'extra' },
      nb: { a: '', c: '{n, plural, one {# x}}' },
    } as unknown as Catalogs<string>;
    expect(checkCatalogs(broken).sort()).toEqual([
      'en.a: "{n} answers" counts without a plural',
      'en.c: plural {n} without "one"',
      'nb.a: empty',
      'nb.a: parameters {} instead of {n}',
      'nb.c: parameters {} instead of {n}',
      'nb.c: plural {n} is not well formed (each branch in braces, and an "other" branch)',
      'nb: missing b',
      'sv.a: parameters {} instead of {n}',
      'sv.b: parameters {namn} instead of {name}',
      'sv: d is not in the English catalog',
    ].sort());
    expect(checkCatalogs(toy)).toEqual([]);
  });

  it('the common namespace has every key in English, Swedish and Norwegian, with the same placeholders', () => {
    expect(checkCatalogs(commonMessages)).toEqual([]);
    expect(Object.keys(commonMessages.sv)).toEqual(Object.keys(commonMessages.en));
    expect(Object.keys(commonMessages.nb)).toEqual(Object.keys(commonMessages.en));
  });
});
