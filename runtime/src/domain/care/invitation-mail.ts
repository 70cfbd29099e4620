import type { CareDeps } from './care-deps.js';

interface InvitationMailInput {
  language: string;
  patientName: string;
  unitName: string;
  title: string;
  url: string;
  /** As shown to the patient (`XXXXX-XXXXX`). */
  code: string;
  /** Last day the code works, in the unit's time zone (YYYY-MM-DD). */
  expiresOn: string;
}

type Texts = { subject: (input: InvitationMailInput) => string; text: (input: InvitationMailInput) => string };

const TEXTS: Record<'en' | 'sv' | 'nb', Texts> = {
  en: {
    subject: ({ unitName }) => `Your invitation from ${unitName}`,
    text: ({ patientName, unitName, title, url, code, expiresOn }) =>
      `Hello ${patientName},\n\n${unitName} has invited you to "${title}".\n\nOpen this link to start:\n${url}\n\nOr open Careloom and type the invitation code: ${code}\n\nNew to Careloom? Choose your password there. Already have an account? Sign in with it and accept the invitation.\n\nThe code works once, until ${expiresOn}. If you did not expect this e-mail, you can ignore it.`,
  },
  sv: {
    subject: ({ unitName }) => `Din inbjudan från ${unitName}`,
    text: ({ patientName, unitName, title, url, code, expiresOn }) =>
      `Hej ${patientName},\n\n${unitName} har bjudit in dig till "${title}".\n\nÖppna länken för att börja:\n${url}\n\nEller öppna Careloom och skriv in inbjudningskoden: ${code}\n\nNy i Careloom? Välj ditt lösenord där. Har du redan ett konto? Logga in med det och tacka ja till inbjudan.\n\nKoden fungerar en gång, till och med ${expiresOn}. Om du inte väntade dig det här mejlet kan du bortse från det.`,
  },
  nb: {
    subject: ({ unitName }) => `Din invitasjon fra ${unitName}`,
    text: ({ patientName, unitName, title, url, code, expiresOn }) =>
      `Hei ${patientName},\n\n${unitName} har invitert deg til "${title}".\n\nÅpne lenken for å komme i gang:\n${url}\n\nEller åpne Careloom og skriv inn invitasjonskoden: ${code}\n\nNy i Careloom? Velg passord der. Har du allerede en konto? Logg inn med den og godta invitasjonen.\n\nKoden virker én gang, til og med ${expiresOn}. Hvis du ikke ventet denne e-posten, kan du se bort fra den.`,
  },
};

/**
 * The invitation e-mail in the program's language (Swedish, Norwegian or English; English otherwise).
 * One text for new and existing accounts: the outbox must not tell anyone which the address was.
 */
export function invitationMail(input: InvitationMailInput): { subject: string; text: string } {
  const texts = TEXTS[mailLanguage(input.language)];
  return { subject: texts.subject(input), text: texts.text(input) };
}

/** The language a patient's e-mail is written in, for a content language tag: Swedish, Norwegian (any written form) or English. */
export function mailLanguage(tag: string): 'en' | 'sv' | 'nb' {
  const primary = tag.toLowerCase().split('-')[0];
  return primary === 'sv' ? 'sv' : primary === 'nb' || primary === 'no' || primary === 'nn' ? 'nb' : 'en';
}

/** The default language of a released module or program ('en' when it cannot be read). */
export async function contentLanguage(deps: Pick<CareDeps, 'content'>, documentId: string, version: number): Promise<string> {
  const content = (await deps.content.versionContent(documentId, version))?.content as { defaultLanguage?: unknown } | undefined;
  return typeof content?.defaultLanguage === 'string' ? content.defaultLanguage : 'en';
}
