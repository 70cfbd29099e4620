import type { InvitationLanguage } from './member-invitation-store.js';

const LOCALES: Record<InvitationLanguage, string> = { en: 'en-GB', sv: 'sv-SE', nb: 'nb-NO' };

const TEXTS: Record<InvitationLanguage, { subject: string; text: (url: string, until: string) => string }> = {
  en: {
    subject: 'Choose a new password for Careloom',
    text: (url, until) =>
      `Hello,\n\nSomeone asked to choose a new password for the Careloom account of this e-mail address. If it was you, open this link and choose one:\n${url}\n\nThe link works once, until ${until} (UTC). Choosing a new password signs you out everywhere.\n\nIf you did not ask for this, ignore this e-mail: your password stays as it is.`,
  },
  sv: {
    subject: 'Välj ett nytt lösenord för Careloom',
    text: (url, until) =>
      `Hej,\n\nNågon har bett om att få välja ett nytt lösenord för Careloom-kontot med den här e-postadressen. Om det var du, öppna länken och välj ett:\n${url}\n\nLänken fungerar en gång, till ${until} (UTC). När du väljer ett nytt lösenord loggas du ut överallt.\n\nOm det inte var du kan du bortse från mejlet: ditt lösenord förblir som det är.`,
  },
  nb: {
    subject: 'Velg et nytt passord for Careloom',
    text: (url, until) =>
      `Hei,\n\nNoen har bedt om å velge et nytt passord for Careloom-kontoen med denne e-postadressen. Hvis det var deg, åpne lenken og velg et:\n${url}\n\nLenken virker én gang, til ${until} (UTC). Når du velger et nytt passord, logges du ut overalt.\n\nHvis det ikke var deg, kan du se bort fra e-posten: passordet ditt forblir som det er.`,
  },
};

/** The password-reset e-mail; `url` carries the secret only as the outbox placeholder. */
export function passwordResetMail(input: { language: InvitationLanguage; url: string; expiresAt: string }): { subject: string; text: string } {
  const until = new Intl.DateTimeFormat(LOCALES[input.language], { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(input.expiresAt));
  const texts = TEXTS[input.language];
  return { subject: texts.subject, text: texts.text(input.url, until) };
}
