import { languageOf } from '@careloom/client/messages';

/**
 * The e-mails of the safety protocol. They travel outside the clinic, so they name no patient, no
 * answer, no module and no unit: only that an alert waits and a link to the clinic's alert list,
 * where signing in shows the rest.
 */
export type AlertMailKind = 'urgent' | 'escalation';

const TEXTS: Record<'en' | 'sv' | 'nb', Record<AlertMailKind, { subject: string; text: (url: string) => string }>> = {
  en: {
    urgent: { subject: 'Urgent alert in Careloom', text: (url) => `An urgent alert is waiting for your unit in Careloom. Sign in to see it and respond: ${url}` },
    escalation: { subject: 'Overdue alert in Careloom', text: (url) => `An alert in one of your units has not been acknowledged by its response deadline. Sign in to see it and make sure someone responds: ${url}` },
  },
  sv: {
    urgent: { subject: 'Brådskande larm i Careloom', text: (url) => `Ett brådskande larm väntar på din enhet i Careloom. Logga in för att se det och agera: ${url}` },
    escalation: { subject: 'Försenat larm i Careloom', text: (url) => `Ett larm i en av dina enheter har inte kvitterats före sin svarstid. Logga in för att se det och se till att någon agerar: ${url}` },
  },
  nb: {
    urgent: { subject: 'Hastevarsel i Careloom', text: (url) => `Et hastevarsel venter på enheten din i Careloom. Logg inn for å se det og handle: ${url}` },
    escalation: { subject: 'Forsinket varsel i Careloom', text: (url) => `Et varsel i en av enhetene dine er ikke kvittert innen svarfristen. Logg inn for å se det og sørg for at noen handler: ${url}` },
  },
};

/**
 * @example
 * alertMail('escalation', 'sv', 'https://care.example'); // { subject: 'Försenat larm i Careloom', text: '… https://care.example/clinic#/alerts' }
 */
export function alertMail(kind: AlertMailKind, language: string, publicUrl: string): { subject: string; text: string } {
  const texts = TEXTS[languageOf(language)][kind];
  return { subject: texts.subject, text: texts.text(`${publicUrl.replace(/\/+$/, '')}/clinic#/alerts`) };
}
