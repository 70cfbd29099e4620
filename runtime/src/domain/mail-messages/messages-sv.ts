import type { MailMessageKey } from './messages-en.js';

// Serverns e-postmeddelanden på svenska.
export const sv: Record<MailMessageKey, string> = {
  'mail.invitation.subject': 'Din inbjudan från {unitName}',
  'mail.invitation.text':
    'Hej {patientName},\n\n{unitName} har bjudit in dig till "{title}".\n\nÖppna länken för att börja:\n{url}\n\nEller öppna Careloom och skriv in inbjudningskoden: {code}\n\nNy i Careloom? Välj ditt lösenord där. Har du redan ett konto? Logga in med det och tacka ja till inbjudan.\n\nKoden fungerar en gång, till och med {expiresOn}. Om du inte väntade dig det här mejlet kan du bortse från det.',
  'mail.reminder.subject': 'Påminnelse: {title}',
  'mail.reminder.textDue': '{unitName} påminner dig: "{title}" ska fyllas i senast {due}. Öppna Careloom för att fylla i: {url}',
  'mail.reminder.text': '{unitName} påminner dig: "{title}" ska fyllas i. Öppna Careloom för att fylla i: {url}',
  'mail.memberInvitation.subject': 'Inbjudan till {organisationName} i Careloom',
  'mail.memberInvitation.text':
    'Hej,\n\n{inviterName} har bjudit in dig till {organisationName} i Careloom som {roles}.\n\nÖppna länken för att tacka ja:\n{url}\n\nOm du redan använder Careloom loggar du in där med din egen e-postadress och ditt lösenord och tackar ja. Om du är ny väljer du ditt namn och ett lösenord.\n\nLänken fungerar en gång, till {until} (UTC). Om du inte väntade dig det här mejlet kan du bortse från det: ingenting ändras om du inte tackar ja.',
  'mail.alert.urgent.subject': 'Brådskande larm i Careloom',
  'mail.alert.urgent.text': 'Ett brådskande larm väntar på din enhet i Careloom. Logga in för att se det och agera: {url}',
  'mail.alert.escalation.subject': 'Försenat larm i Careloom',
  'mail.alert.escalation.text': 'Ett larm i en av dina enheter har inte kvitterats före sin svarstid. Logga in för att se det och se till att någon agerar: {url}',
  'mail.notice.message.subject': 'Du har ett nytt meddelande i Careloom',
  'mail.notice.message.text': 'Hej,\n\nDu har fått ett nytt meddelande från din vårdenhet i Careloom. Logga in för att läsa det:\n{url}\n\nDu kan stänga av de här e-postmeddelandena i Careloom under Inställningar.',
  'mail.notice.material.subject': 'Nytt material finns i Careloom',
  'mail.notice.material.text': 'Hej,\n\nNytt material finns nu för dig i Careloom. Logga in för att se det:\n{url}\n\nDu kan stänga av de här e-postmeddelandena i Careloom under Inställningar.',
  'mail.notice.reminder.subject': 'En påminnelse från din vårdenhet',
  'mail.notice.reminder.text': 'Hej,\n\nDin vårdenhet påminner dig om att logga in i Careloom och se vad som väntar på dig:\n{url}\n\nDu kan stänga av de här e-postmeddelandena i Careloom under Inställningar.',
  'mail.staffNotice.subject': 'Ny information från {organisationName}',
  'mail.staffNotice.text': 'Hej,\n\n{organisationName} har lagt ut information till din enhet i Careloom. Logga in för att läsa den:\n{url}',
  'mail.role.designer': 'designer',
  'mail.role.publisher': 'publicist',
  'mail.role.tester': 'testare',
  'mail.role.permissions_admin': 'behörighetsadministratör',
  'mail.role.care_provider_admin': 'vårdgivaradministratör',
  'mail.role.therapist': 'behandlare',
  'mail.role.data_admin': 'dataadministratör',
  'mail.role.patient': 'patient',
};
