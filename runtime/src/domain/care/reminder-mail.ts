import { languageOf } from '@careloom/client/messages';
import { mailText } from '../mail-messages/index.js';

interface ReminderMailInput {
  /** The program's language, as for the invitation (see invitation-mail.ts). */
  language: string;
  unitName: string;
  /** The module's title, already in `language`. */
  title: string;
  /** When the item is due (an ISO instant), or null when it has no deadline. */
  dueAt: string | null;
  /** The unit's time zone, in which the deadline is shown. */
  timeZone: string;
  url: string;
}

/**
 * A reminder e-mail in the same language an invitation to the program is written in (the
 * program's language), with the deadline as a date and time in the unit's time zone.
 *
 * @example
 * reminderMail({ language: 'sv', unitName: 'Lung', title: 'Dagsrapport', dueAt: '2026-03-03T11:00:00.000Z', timeZone: 'Europe/Stockholm', url });
 * // { subject: 'Påminnelse: Dagsrapport', text: 'Lung påminner dig: "Dagsrapport" ska fyllas i senast 3 mars 2026 12:00. …' }
 */
export function reminderMail(input: ReminderMailInput): { subject: string; text: string } {
  const language = languageOf(input.language);
  const { unitName, title, url } = input;
  const subject = mailText(language, 'mail.reminder.subject', { title });
  if (input.dueAt === null) return { subject, text: mailText(language, 'mail.reminder.text', { unitName, title, url }) };
  const due = new Intl.DateTimeFormat(language, { timeZone: input.timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(input.dueAt));
  return { subject, text: mailText(language, 'mail.reminder.textDue', { unitName, title, url, due }) };
}
