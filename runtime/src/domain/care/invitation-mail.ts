import { mailText } from '../mail-messages/index.js';
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

/** The default language of a released module or program ('en' when it cannot be read). */
export async function contentLanguage(deps: Pick<CareDeps, 'content'>, documentId: string, version: number): Promise<string> {
  const content = (await deps.content.versionContent(documentId, version))?.content as { defaultLanguage?: unknown } | undefined;
  return typeof content?.defaultLanguage === 'string' ? content.defaultLanguage : 'en';
}
