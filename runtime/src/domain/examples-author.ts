/**
 * The author of the examples shipped with Careloom, a person nobody can sign in as (disabled, no
 * password, an address under .invalid, no organisation): SQLite migration 180-examples-author.sql
 * and its PostgreSQL twin 140 create it in every database. The demo seed writes, submits and
 * releases the examples as this person, so nobody's library says an example was last edited by
 * them when they never touched it. The designer shows it in the interface language
 * (`EXAMPLES_AUTHOR_ID` in designer/src/app/workspace.ts, the same id).
 */
export const EXAMPLES_AUTHOR = {
  id: 'careloom-examples',
  name: 'Careloom examples',
  email: 'examples@careloom.invalid',
} as const;
