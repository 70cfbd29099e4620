import type { MailMessageKey } from './messages-en.js';

// Serverens e-poster på norsk bokmål.
export const nb: Record<MailMessageKey, string> = {
  'mail.invitation.subject': 'Din invitasjon fra {unitName}',
  'mail.invitation.text':
    'Hei {patientName},\n\n{unitName} har invitert deg til "{title}".\n\nÅpne lenken for å komme i gang:\n{url}\n\nEller åpne Careloom og skriv inn invitasjonskoden: {code}\n\nNy i Careloom? Velg passord der. Har du allerede en konto? Logg inn med den og godta invitasjonen.\n\nKoden virker én gang, til og med {expiresOn}. Hvis du ikke ventet denne e-posten, kan du se bort fra den.',
  'mail.reminder.subject': 'Påminnelse: {title}',
  'mail.reminder.textDue': '{unitName} minner deg på: "{title}" skal fylles ut innen {due}. Åpne Careloom for å fylle ut: {url}',
  'mail.reminder.text': '{unitName} minner deg på: "{title}" skal fylles ut. Åpne Careloom for å fylle ut: {url}',
  'mail.memberInvitation.subject': 'Invitasjon til {organisationName} i Careloom',
  'mail.memberInvitation.text':
    'Hei,\n\n{inviterName} har invitert deg til {organisationName} i Careloom som {roles}.\n\nÅpne lenken for å takke ja:\n{url}\n\nHvis du allerede bruker Careloom, logger du inn der med din egen e-postadresse og ditt passord og takker ja. Hvis du er ny, velger du navnet ditt og et passord.\n\nLenken virker én gang, til {until} (UTC). Hvis du ikke ventet denne e-posten, kan du se bort fra den: ingenting endres med mindre du takker ja.',
  'mail.alert.urgent.subject': 'Hastevarsel i Careloom',
  'mail.alert.urgent.text': 'Et hastevarsel venter på enheten din i Careloom. Logg inn for å se det og handle: {url}',
  'mail.alert.escalation.subject': 'Forsinket varsel i Careloom',
  'mail.alert.escalation.text': 'Et varsel i en av enhetene dine er ikke kvittert innen svarfristen. Logg inn for å se det og sørg for at noen handler: {url}',
  'mail.notice.message.subject': 'Du har en ny melding i Careloom',
  'mail.notice.message.text': 'Hei,\n\nDu har fått en ny melding fra behandlingsenheten din i Careloom. Logg inn for å lese den:\n{url}\n\nDu kan slå av disse e-postene i Careloom under Innstillinger.',
  'mail.notice.material.subject': 'Nytt materiell er tilgjengelig i Careloom',
  'mail.notice.material.text': 'Hei,\n\nNytt materiell er nå tilgjengelig for deg i Careloom. Logg inn for å se det:\n{url}\n\nDu kan slå av disse e-postene i Careloom under Innstillinger.',
  'mail.notice.reminder.subject': 'En påminnelse fra behandlingsenheten din',
  'mail.notice.reminder.text': 'Hei,\n\nBehandlingsenheten din minner deg om å logge inn i Careloom og se hva som venter på deg:\n{url}\n\nDu kan slå av disse e-postene i Careloom under Innstillinger.',
  'mail.staffNotice.subject': 'Ny informasjon fra {organisationName}',
  'mail.staffNotice.text': 'Hei,\n\n{organisationName} har lagt ut informasjon til enheten din i Careloom. Logg inn for å lese den:\n{url}',
  'mail.role.designer': 'designer',
  'mail.role.publisher': 'publisist',
  'mail.role.tester': 'tester',
  'mail.role.permissions_admin': 'tilgangsadministrator',
  'mail.role.care_provider_admin': 'helseforetaksadministrator',
  'mail.role.therapist': 'behandler',
  'mail.role.data_admin': 'dataadministrator',
  'mail.role.patient': 'pasient',
};
