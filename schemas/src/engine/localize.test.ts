import { describe, expect, it } from 'vitest';
import { localize, localizeRich, pickTranslation } from './localize.js';
import { doc } from './test-fixtures.js';

describe('localize', () => {
  const text = { sv: 'Hej', en: 'Hello', 'nb-NO': 'Hei' };

  it('picks the requested language', () => {
    expect(localize(text, 'en', 'sv')).toBe('Hello');
    expect(localize(text, 'sv', 'en')).toBe('Hej');
  });

  it('falls back from a regional tag to its base language and from a base to a regional variant', () => {
    expect(localize(text, 'en-GB', 'sv')).toBe('Hello');
    expect(localize(text, 'nb', 'sv')).toBe('Hei');
    expect(localize({ 'en-US': 'Color', 'en-GB': 'Colour', en: 'Colour (en)' }, 'en-GB', 'sv')).toBe('Colour');
  });

  it('falls back to the fallback language, then to any translation', () => {
    expect(localize(text, 'fi', 'en')).toBe('Hello');
    expect(localize(text, 'fi', 'en-GB')).toBe('Hello');
    expect(localize({ da: 'Hej (da)' }, 'fi', 'en')).toBe('Hej (da)');
  });

  it('gives an empty string for no text', () => {
    expect(localize(undefined, 'sv', 'en')).toBe('');
    expect(localize({}, 'sv', 'en')).toBe('');
    expect(pickTranslation(undefined, 'sv', 'en')).toBeUndefined();
  });
});

describe('localizeRich', () => {
  it('picks a rich-text document like plain text, and an empty document for none', () => {
    expect(localizeRich({ sv: doc('Hej'), en: doc('Hello') }, 'en-GB', 'sv')).toEqual(doc('Hello'));
    expect(localizeRich({ sv: doc('Hej') }, 'en', 'sv')).toEqual(doc('Hej'));
    expect(localizeRich(undefined, 'en', 'sv')).toEqual({ type: 'doc', content: [] });
  });
});
