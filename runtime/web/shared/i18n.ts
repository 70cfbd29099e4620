import { combineCatalogs, commonMessages, translator as translatorOf, type Catalogs, type CommonMessageKey, type Translate as TranslateKey } from '@careloom/client/messages';
import { en, type WebMessageKey } from './messages-en.js';
import { nb } from './messages-nb.js';
import { sv } from './messages-sv.js';

/** The keys the patient app and the clinic translate: their own and the shared `common.*` ones. */
export type MessageKey = WebMessageKey | CommonMessageKey;

/** The web apps' namespace with the common one: the catalogs every screen of the two apps reads. */
export const webMessages: Catalogs<MessageKey> = combineCatalogs({ en, sv, nb }, commonMessages);

export type Translate = TranslateKey<MessageKey>;

/**
 * A translator for one language (the apps' one message system: placeholders, plurals, English for
 * an unknown language).
 *
 * @example
 * translator('sv')('unreadCount', { n: 2 }); // '2 olästa'
 */
export function translator(language: string): Translate {
  return translatorOf(webMessages, language);
}

/** Local date and time in the interface language, e.g. '3 Mar 2025, 14:05'. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A local date in the interface language; `YYYY-MM-DD` days are shown as that day. */
export function formatDate(value: string, language: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  if (Number.isNaN(day.getTime())) return value;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(day);
}

/** A number with at most one decimal in the interface language. */
export function formatNumber(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
}
