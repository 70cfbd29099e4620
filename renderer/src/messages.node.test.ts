import { checkCatalogs } from '@careloom/client/messages';
import { describe, expect, it } from 'vitest';
import { message, rendererMessages } from './messages.js';

describe('the renderer\'s messages', () => {
  it('every catalog has every English key, with the same placeholders, plurals for counts, and no empty text', () => {
    expect(checkCatalogs(rendererMessages)).toEqual([]);
  });

  it.each([
    ['en', ['Choose at least 1', 'Choose at least 2'], ['Practise for 1 day', 'Practise for 5 days']],
    ['sv', ['Välj minst 1', 'Välj minst 2'], ['Öva i 1 dag', 'Öva i 5 dagar']],
    ['nb', ['Velg minst 1', 'Velg minst 2'], ['Øv i 1 dag', 'Øv i 5 dager']],
  ] as const)('counts in the plural forms of %s', (language, choose, practise) => {
    expect([1, 2].map((n) => message(language, 'chooseAtLeast', { n }))).toEqual(choose);
    expect([1, 5].map((n) => message(language, 'practiceDays', { n }))).toEqual(practise);
  });
});
