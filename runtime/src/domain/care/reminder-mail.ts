import { mailLanguage } from './invitation-mail.js';

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

type Texts = { subject: (title: string) => string; text: (input: ReminderMailInput, due: string | null) => string };

const TEXTS: Record<'en' | 'sv' | 'nb', Texts> = {
  en: {
    subject: (title) => `Reminder: ${title}`,
    text: ({ unitName, title, url }, due) => `${unitName} reminds you: "${title}" is due${due ? ` by ${due}` : ''}. Open Careloom to fill it in: ${url}`,
  },
  sv: {
    subject: (title) => `Påminnelse: ${title}`,
    text: ({ unitName, title, url }, due) => `${unitName} påminner dig: "${title}" ska fyllas i${due ? ` senast ${due}` : ''}. Öppna Careloom för att fylla i: ${url}`,
  },
  nb: {
    subject: (title) => `Påminnelse: ${title}`,
    text: ({ unitName, title, url }, due) => `${unitName} minner deg på: "${title}" skal fylles ut${due ? ` innen ${due}` : ''}. Åpne Careloom for å fylle ut: ${url}`,
  },
};

/**
 * A reminder e-mail in the same language an invitation to the program is written in (the
 * program's language), with the deadline as a date and time in the unit's time zone.
 *
 * @example
 * reminderMail({ language: 'sv', unitName: 'Lung', title: 'Dagsrapport', dueAt: '2026-03-03T11:00:00.000Z', timeZone: 'Europe/Stockholm', url });
 * // { subject: 'Påminnelse: Dagsrapport', text: 'Lung påminner dig: "Dagsrapport" ska fyllas i senast 3 mars 2026 12:00. …' }
 */
export function reminderMail(input: ReminderMailInput): { subject: string; text: string } {
  const language = mailLanguage(input.language);
  const texts = TEXTS[language];
  const due = input.dueAt === null ? null : new Intl.DateTimeFormat(language, { timeZone: input.timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(input.dueAt));
  return { subject: texts.subject(input.title), text: texts.text(input, due) };
}
