import { translate, type Catalogs, type MessageParams } from '@careloom/client/messages';
import { en, type MailMessageKey } from './messages-en.js';
import { nb } from './messages-nb.js';
import { sv } from './messages-sv.js';

export type { MailMessageKey } from './messages-en.js';

/** The `mail.*` namespace: every e-mail the server writes, in English, Swedish and Norwegian. */
export const mailMessages: Catalogs<MailMessageKey> = { en, sv, nb };

/** An e-mail text in a language (any tag; an unknown one is written in English). */
export function mailText(language: string, key: MailMessageKey, params?: MessageParams): string {
  return translate(mailMessages, language, key, params);
}
