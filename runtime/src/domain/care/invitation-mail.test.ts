import { describe, expect, it } from 'vitest';
import { invitationMail } from './invitation-mail.js';

const INPUT = { patientName: 'Petra', unitName: 'Vårdcentralen Norr', title: 'Panic iCBT', url: 'https://care.example.org/#/invite/7K3QM-X9D2F', code: '7K3QM-X9D2F', expiresOn: '2026-03-16' };

describe('invitationMail', () => {
  it('carries the link, the code and the last day, in the program language', () => {
    const sv = invitationMail({ ...INPUT, language: 'sv' });
    expect(sv.subject).toBe('Din inbjudan från Vårdcentralen Norr');
    expect(sv.text).toContain('Hej Petra');
    const nb = invitationMail({ ...INPUT, language: 'nb-NO' });
    expect(nb.subject).toBe('Din invitasjon fra Vårdcentralen Norr');
    for (const mail of [sv, nb, invitationMail({ ...INPUT, language: 'en' })]) {
      expect(mail.text).toContain(`\n${INPUT.url}\n`);
      expect(mail.text).toContain('7K3QM-X9D2F');
      expect(mail.text).toContain('2026-03-16');
      expect(mail.text).toContain('"Panic iCBT"');
    }
    // One text for new and existing accounts: both ways of taking the invitation up are named.
    expect(invitationMail({ ...INPUT, language: 'en' }).text).toContain('Already have an account? Sign in with it and accept the invitation.');
    expect(sv.text).toContain('Har du redan ett konto?');
    expect(nb.text).toContain('Har du allerede en konto?');
  });

  it('falls back to English for other languages', () => {
    expect(invitationMail({ ...INPUT, language: 'fi' }).subject).toBe('Your invitation from Vårdcentralen Norr');
  });
});
