/**
 * "in 30 seconds" / "om 2 minuter" / "om 1 minutt": a wait the server asked for (Retry-After), in the
 * interface language with its plural rules (Intl does both). Under 90 s in seconds, else whole
 * minutes. It lives with the renderer because that is the code the designer and the patient and
 * clinic apps already share.
 *
 * @example
 * formatWait(30, 'sv'); // 'om 30 sekunder'
 */
export function formatWait(seconds: number, language: string): string {
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'always' });
  return seconds < 90 ? format.format(Math.ceil(seconds), 'second') : format.format(Math.ceil(seconds / 60), 'minute');
}
