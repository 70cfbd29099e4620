import { describe, expect, it } from 'vitest';
import { memberInvitationMail } from './member-invitation-mail.js';

const input = { organisationName: 'Demo Publishing', inviterName: 'Pat Permissions', roles: ['designer', 'tester'] as const, url: 'https://careloom.example.org/designer#/invitation/{{secret}}', expiresAt: '2026-03-08T08:00:00.000Z' };

describe('memberInvitationMail', () => {
  it('names the organisation, the sender, the roles, the link and when it stops working, in English', () => {
    const mail = memberInvitationMail({ ...input, roles: [...input.roles], language: 'en' });
    expect(mail.subject).toBe('Invitation to Demo Publishing in Careloom');
    expect(mail.text).toContain('Pat Permissions has invited you to join Demo Publishing in Careloom as designer and tester.');
    expect(mail.text).toContain(input.url);
    expect(mail.text).toContain('until 8 March 2026 at 08:00 (UTC)');
    expect(mail.text).toContain('nothing changes unless you accept');
  });

  it('speaks Swedish and Norwegian, with the roles in those languages', () => {
    const sv = memberInvitationMail({ ...input, roles: ['publisher', 'permissions_admin'], language: 'sv' });
    expect(sv.subject).toBe('Inbjudan till Demo Publishing i Careloom');
    expect(sv.text).toContain('som publicist och behörighetsadministratör');
    const nb = memberInvitationMail({ ...input, roles: ['therapist'], language: 'nb' });
    expect(nb.subject).toBe('Invitasjon til Demo Publishing i Careloom');
    expect(nb.text).toContain('som behandler.');
  });
});
