import { mailText } from '../mail-messages/index.js';

/**
 * The e-mails of the safety protocol. They travel outside the clinic, so they name no patient, no
 * answer, no module and no unit: only that an alert waits and a link to the clinic's alert list,
 * where signing in shows the rest. The texts are in the mail catalog (`mail.alert.*`).
 */
export type AlertMailKind = 'urgent' | 'escalation';

/**
 * @example
 * alertMail('escalation', 'sv', 'https://care.example'); // { subject: 'Försenat larm i Careloom', text: '… https://care.example/clinic#/alerts' }
 */
export function alertMail(kind: AlertMailKind, language: string, publicUrl: string): { subject: string; text: string } {
  const url = `${publicUrl.replace(/\/+$/, '')}/clinic#/alerts`;
  return { subject: mailText(language, `mail.alert.${kind}.subject`), text: mailText(language, `mail.alert.${kind}.text`, { url }) };
}
