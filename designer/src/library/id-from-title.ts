import { freeId } from './free-id.js';

/** Letters that do not come apart into a base letter and a mark under NFD, written the way an id can. */
const SPELLED: Record<string, string> = { æ: 'ae', ø: 'o', ß: 'ss', đ: 'd', ł: 'l', þ: 'th' };

/**
 * A document id suggested from its title, in the form the server accepts (`[a-z0-9][a-z0-9-]{1,63}`)
 * and free among `taken`: lower case, Nordic and other accented letters spelled plainly
 * ('Sömn och återhämtning' → 'somn-och-aterhamtning'), anything else a single '-'. Empty when the
 * title has fewer than two letters or digits to build from.
 *
 * @example
 * idFromTitle('Week 1: Understanding panic', []); // 'week-1-understanding-panic'
 * idFromTitle('Søvn', ['sovn']); // 'sovn-copy'
 */
export function idFromTitle(title: string, taken: Iterable<string>): string {
  const plain = title
    .toLowerCase()
    .replace(/[æøßđłþ]/g, (letter) => SPELLED[letter] ?? letter)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return plain.length < 2 ? '' : freeId(plain, taken);
}
