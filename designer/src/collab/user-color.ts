/**
 * Colours for collaborators' avatars, carets and selections: each dark enough for white text on it
 * (WCAG AA, ≥ 4.5:1), and far enough apart to tell two editors apart.
 */
export const USER_COLORS: readonly string[] = ['#1f5fbf', '#a8321a', '#18753c', '#7b3fa8', '#8a5a00', '#0f6b78', '#b0245f', '#4d5a6b'];

/**
 * A stable colour for a person: the same id always gets the same colour, in every browser.
 *
 * @example
 * userColor('person-7'); // '#18753c'
 */
export function userColor(id: string): string {
  let hash = 0;
  for (let index = 0; index < id.length; index += 1) hash = (hash * 31 + id.charCodeAt(index)) >>> 0;
  return USER_COLORS[hash % USER_COLORS.length] ?? '#1f5fbf';
}

/** Up to two initials for an avatar ("Anna Lind" → "AL"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0]];
  return letters.map((word) => (word ? [...word][0]?.toUpperCase() ?? '' : '')).join('') || '?';
}
