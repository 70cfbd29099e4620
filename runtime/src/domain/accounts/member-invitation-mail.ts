import type { Role } from '../principal.js';
import { mailText } from '../mail-messages/index.js';
import type { InvitationLanguage } from './member-invitation-store.js';

interface MemberInvitationMailInput {
  language: InvitationLanguage;
  organisationName: string;
  inviterName: string;
  roles: readonly Role[];
  url: string;
  /** When the link stops working (ISO 8601). */
  expiresAt: string;
}

const LOCALES: Record<InvitationLanguage, string> = { en: 'en-GB', sv: 'sv-SE', nb: 'nb-NO' };

/** The invitation e-mail in the language the admin chose (the language of their screen). */
export function memberInvitationMail(input: MemberInvitationMailInput): { subject: string; text: string } {
  const { language, organisationName, inviterName, url } = input;
  const roles = new Intl.ListFormat(LOCALES[language], { type: 'conjunction' }).format(input.roles.map((role) => mailText(language, `mail.role.${role}`)));
  const until = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(input.expiresAt));
  return {
    subject: mailText(language, 'mail.memberInvitation.subject', { organisationName }),
    // One wording whether or not the address already has an account: the e-mail must not tell
    // anyone who reads it (or the outbox) more than the admin's answer did.
    text: mailText(language, 'mail.memberInvitation.text', { organisationName, inviterName, url, roles, until }),
  };
}
