import { en } from './messages-en.js';
import { nb } from './messages-nb.js';
import { sv } from './messages-sv.js';

export type MessageKey = keyof typeof en;
/** A catalog has every key of the English one: a missing translation is a type error. */
export type Catalog = Record<MessageKey, string>;

export const catalogs: Readonly<Record<string, Catalog>> = { en, sv, nb };

/** The catalog language for a tag: 'sv-FI' → 'sv', 'no'/'nn' → 'nb', unknown → 'en'. */
export function catalogLanguage(tag: string | null | undefined): string {
  const base = (tag ?? '').toLowerCase().split('-')[0] ?? '';
  if (base === 'no' || base === 'nn') return 'nb';
  return Object.hasOwn(catalogs, base) ? base : 'en';
}

/**
 * The interface language: an explicit choice (saved by the language picker) first, then the page's
 * `<html lang>`, then the browser's languages; English when none has a catalog.
 */
export function pickLanguage(options: { saved?: string | null; documentLanguage?: string | null; browserLanguages?: readonly string[] } = {}): string {
  const candidates = [options.saved, options.documentLanguage, ...(options.browserLanguages ?? [])];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const language = catalogLanguage(candidate);
    if (language !== 'en' || candidate.toLowerCase().startsWith('en')) return language;
  }
  return 'en';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * A translator for one language, filling `{name}` placeholders.
 *
 * @example
 * translator('sv')('unreadCount', { n: 2 }); // '2 olästa'
 */
export function translator(language: string): Translate {
  const catalog = catalogs[catalogLanguage(language)] ?? en;
  return (key, params = {}) =>
    (catalog[key] ?? en[key]).replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
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
