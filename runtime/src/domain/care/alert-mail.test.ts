import { describe, expect, it } from 'vitest';
import { alertMail } from './alert-mail.js';

describe('the safety protocol\'s e-mails', () => {
  it('are written in English, Swedish and Norwegian from the mail catalog, with the link to the alert list', () => {
    expect(alertMail('urgent', 'en', 'https://care.example/')).toEqual({
      subject: 'Urgent alert in Careloom',
      text: 'An urgent alert is waiting for your unit in Careloom. Sign in to see it and respond: https://care.example/clinic#/alerts',
    });
    expect(alertMail('escalation', 'sv-SE', 'https://care.example')).toEqual({
      subject: 'Försenat larm i Careloom',
      text: 'Ett larm i en av dina enheter har inte kvitterats före sin svarstid. Logga in för att se det och se till att någon agerar: https://care.example/clinic#/alerts',
    });
    expect(alertMail('urgent', 'nb', 'https://care.example').subject).toBe('Hastevarsel i Careloom');
    expect(alertMail('escalation', 'nn', 'https://care.example').subject).toBe('Forsinket varsel i Careloom');
  });

  it('fall back to English for a language without a catalog', () => {
    expect(alertMail('escalation', 'de', 'https://care.example').subject).toBe('Overdue alert in Careloom');
  });

  it('name no patient, module or unit in any language', () => {
    for (const language of ['en', 'sv', 'nb']) {
      for (const kind of ['urgent', 'escalation'] as const) {
        const mail = alertMail(kind, language, 'https://care.example');
        expect(mail.text).not.toMatch(/\{|\}/);
        expect(mail.text.endsWith('https://care.example/clinic#/alerts')).toBe(true);
      }
    }
  });
});
