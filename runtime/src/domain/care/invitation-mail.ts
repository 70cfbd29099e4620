import { mailText } from '../mail-messages/index.js';
import { DomainError } from '../errors.js';
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

/**
 * The invitation e-mail in the program's language (Swedish, Norwegian or English; English otherwise).
 * One text for new and existing accounts: the outbox must not tell anyone which the address was.
 */
export function invitationMail(input: InvitationMailInput): { subject: string; text: string } {
  const { language, ...params } = input;
  return { subject: mailText(language, 'mail.invitation.subject', params), text: mailText(language, 'mail.invitation.text', params) };
}

/** The languages a released module or program declares and its default ('en' when it cannot be read). */
export async function contentLanguages(deps: Pick<CareDeps, 'content'>, documentId: string, version: number): Promise<{ languages: string[]; defaultLanguage: string; title: (language: string) => string | undefined }> {
  const content = (await deps.content.versionContent(documentId, version))?.content as { defaultLanguage?: unknown; languages?: unknown; title?: unknown } | undefined;
  const defaultLanguage = typeof content?.defaultLanguage === 'string' ? content.defaultLanguage : 'en';
  const languages = Array.isArray(content?.languages) ? content.languages.filter((language): language is string => typeof language === 'string') : [defaultLanguage];
  const titles = content?.title !== null && typeof content?.title === 'object' ? (content.title as Record<string, unknown>) : {};
  const title = (language: string) => {
    const chosen = titles[language] ?? titles[defaultLanguage];
    return typeof chosen === 'string' && chosen !== '' ? chosen : undefined;
  };
  return { languages, defaultLanguage, title };
}

/**
 * The language a patient's invitation e-mails are in: the one the therapist chose when enrolling
 * (refused unless the program is written in it, so the patient never gets a mail in one language
 * and content in another), else the program's default.
 */
export function invitationLanguage(declared: { languages: readonly string[]; defaultLanguage: string }, chosen: string | undefined): string {
  if (chosen === undefined) return declared.defaultLanguage;
  if (!declared.languages.includes(chosen)) {
    const message = `The program is not written in "${chosen}"; choose one of ${declared.languages.join(', ')}.`;
    throw new DomainError('invalid', message, { issues: [{ code: 'enrollment.language', path: '/language', message, params: { languages: declared.languages.join(', ') } }] });
  }
  return chosen;
}
