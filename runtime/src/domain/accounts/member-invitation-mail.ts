import type { Role } from '../principal.js';
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

const ROLE_NAMES: Record<InvitationLanguage, Record<Role, string>> = {
  en: { designer: 'designer', publisher: 'publisher', tester: 'tester', permissions_admin: 'permissions admin', care_provider_admin: 'care-provider admin', data_admin: 'data admin', therapist: 'therapist', patient: 'patient' },
  sv: { designer: 'designer', publisher: 'publicist', tester: 'testare', permissions_admin: 'behörighetsadministratör', care_provider_admin: 'vårdgivaradministratör', data_admin: 'dataadministratör', therapist: 'behandlare', patient: 'patient' },
  nb: { designer: 'designer', publisher: 'publisist', tester: 'tester', permissions_admin: 'tilgangsadministrator', care_provider_admin: 'helseforetaksadministrator', data_admin: 'dataadministrator', therapist: 'behandler', patient: 'pasient' },
};

const LOCALES: Record<InvitationLanguage, string> = { en: 'en-GB', sv: 'sv-SE', nb: 'nb-NO' };

type Texts = { subject: (input: MemberInvitationMailInput) => string; text: (input: MemberInvitationMailInput, roles: string, until: string) => string };

// One wording whether or not the address already has an account: the e-mail must not tell anyone
// who reads it (or the outbox) more than the admin's answer did.
const TEXTS: Record<InvitationLanguage, Texts> = {
  en: {
    subject: ({ organisationName }) => `Invitation to ${organisationName} in Careloom`,
    text: ({ organisationName, inviterName, url }, roles, until) =>
      `Hello,\n\n${inviterName} has invited you to join ${organisationName} in Careloom as ${roles}.\n\nOpen this link to accept:\n${url}\n\nIf you already use Careloom, sign in there with your own e-mail address and password and accept. If you are new, choose your name and a password.\n\nThe link works once, until ${until} (UTC). If you did not expect this e-mail, you can ignore it: nothing changes unless you accept.`,
  },
  sv: {
    subject: ({ organisationName }) => `Inbjudan till ${organisationName} i Careloom`,
    text: ({ organisationName, inviterName, url }, roles, until) =>
      `Hej,\n\n${inviterName} har bjudit in dig till ${organisationName} i Careloom som ${roles}.\n\nÖppna länken för att tacka ja:\n${url}\n\nOm du redan använder Careloom loggar du in där med din egen e-postadress och ditt lösenord och tackar ja. Om du är ny väljer du ditt namn och ett lösenord.\n\nLänken fungerar en gång, till ${until} (UTC). Om du inte väntade dig det här mejlet kan du bortse från det: ingenting ändras om du inte tackar ja.`,
  },
  nb: {
    subject: ({ organisationName }) => `Invitasjon til ${organisationName} i Careloom`,
    text: ({ organisationName, inviterName, url }, roles, until) =>
      `Hei,\n\n${inviterName} har invitert deg til ${organisationName} i Careloom som ${roles}.\n\nÅpne lenken for å takke ja:\n${url}\n\nHvis du allerede bruker Careloom, logger du inn der med din egen e-postadresse og ditt passord og takker ja. Hvis du er ny, velger du navnet ditt og et passord.\n\nLenken virker én gang, til ${until} (UTC). Hvis du ikke ventet denne e-posten, kan du se bort fra den: ingenting endres med mindre du takker ja.`,
  },
};

/** The invitation e-mail in the language the admin chose (the language of their screen). */
export function memberInvitationMail(input: MemberInvitationMailInput): { subject: string; text: string } {
  const texts = TEXTS[input.language];
  const names = ROLE_NAMES[input.language];
  const roles = new Intl.ListFormat(LOCALES[input.language], { type: 'conjunction' }).format(input.roles.map((role) => names[role]));
  const until = new Intl.DateTimeFormat(LOCALES[input.language], { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(input.expiresAt));
  return { subject: texts.subject(input), text: texts.text(input, roles, until) };
}
