import { checkCatalogs } from '@careloom/client/messages';
import { describe, expect, it } from 'vitest';
import { mailMessages, mailText } from './index.js';

describe('the e-mails\' messages', () => {
  it('every catalog has every English key, with the same placeholders, and no empty text', () => {
    expect(checkCatalogs(mailMessages)).toEqual([]);
  });

  it('writes in the language of any tag, English for one without a catalog', () => {
    expect(mailText('sv-SE', 'mail.reminder.subject', { title: 'Dagbok' })).toBe('Påminnelse: Dagbok');
    expect(mailText('nn', 'mail.role.therapist')).toBe('behandler');
    expect(mailText('de', 'mail.role.therapist')).toBe('therapist');
  });
});
