// The server's e-mails in English, the reference for the other languages (a missing key is a type
// error). A namespace of the apps' one message system (@careloom/client/messages): the same
// placeholders, plurals and language matching as the screens.
export const en = {
  'mail.invitation.subject': 'Your invitation from {unitName}',
  'mail.invitation.text':
    'Hello {patientName},\n\n{unitName} has invited you to "{title}".\n\nOpen this link to start:\n{url}\n\nOr open Careloom and type the invitation code: {code}\n\nNew to Careloom? Choose your password there. Already have an account? Sign in with it and accept the invitation.\n\nThe code works once, until {expiresOn}. If you did not expect this e-mail, you can ignore it.',
  'mail.reminder.subject': 'Reminder: {title}',
  'mail.reminder.textDue': '{unitName} reminds you: "{title}" is due by {due}. Open Careloom to fill it in: {url}',
  'mail.reminder.text': '{unitName} reminds you: "{title}" is due. Open Careloom to fill it in: {url}',
  'mail.memberInvitation.subject': 'Invitation to {organisationName} in Careloom',
  'mail.memberInvitation.text':
    'Hello,\n\n{inviterName} has invited you to join {organisationName} in Careloom as {roles}.\n\nOpen this link to accept:\n{url}\n\nIf you already use Careloom, sign in there with your own e-mail address and password and accept. If you are new, choose your name and a password.\n\nThe link works once, until {until} (UTC). If you did not expect this e-mail, you can ignore it: nothing changes unless you accept.',
  'mail.alert.urgent.subject': 'Urgent alert in Careloom',
  'mail.alert.urgent.text': 'An urgent alert is waiting for your unit in Careloom. Sign in to see it and respond: {url}',
  'mail.alert.escalation.subject': 'Overdue alert in Careloom',
  'mail.alert.escalation.text': 'An alert in one of your units has not been acknowledged by its response deadline. Sign in to see it and make sure someone responds: {url}',
  'mail.notice.message.subject': 'You have a new message in Careloom',
  'mail.notice.message.text': 'Hello,\n\nYou have a new message from your care unit in Careloom. Sign in to read it:\n{url}\n\nYou can turn these e-mails off in Careloom under Settings.',
  'mail.notice.material.subject': 'New material is available in Careloom',
  'mail.notice.material.text': 'Hello,\n\nNew material is available to you in Careloom. Sign in to see it:\n{url}\n\nYou can turn these e-mails off in Careloom under Settings.',
  'mail.notice.reminder.subject': 'A reminder from your care unit',
  'mail.notice.reminder.text': 'Hello,\n\nYour care unit reminds you to sign in to Careloom and see what is waiting for you:\n{url}\n\nYou can turn these e-mails off in Careloom under Settings.',
  'mail.staffNotice.subject': 'New information from {organisationName}',
  'mail.staffNotice.text': 'Hello,\n\n{organisationName} has posted information for your unit in Careloom. Sign in to read it:\n{url}',
  'mail.role.designer': 'designer',
  'mail.role.publisher': 'publisher',
  'mail.role.tester': 'tester',
  'mail.role.permissions_admin': 'permissions admin',
  'mail.role.care_provider_admin': 'care-provider admin',
  'mail.role.therapist': 'therapist',
  'mail.role.data_admin': 'data admin',
  'mail.role.patient': 'patient',
} as const;

export type MailMessageKey = keyof typeof en;
