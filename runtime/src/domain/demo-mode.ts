import { randomBytes } from 'node:crypto';
import type { AccountsStore } from './accounts/accounts-store.js';
import type { PasswordHasher } from './accounts/password-hasher.js';
import { DEMO_ACCOUNTS, type DemoAccount } from './demo-accounts.js';

/** How an operator gets rid of demo accounts; printed when a production start refuses. */
export const REMOVE_DEMO_ACCOUNTS_HINT =
  'Run `npm run demo:remove` with the same CARELOOM_DB (it gives each demo account a random password nobody knows and ends its sessions), or start with a new database file.';

export interface DemoAccountDeps {
  store: AccountsStore;
  hasher: PasswordHasher;
}

/**
 * The demo accounts that can still sign in with their published password: present, not disabled,
 * and their stored hash still matches `careloom-demo-<name>`. A demo account whose password was
 * changed is an ordinary account. Costs one password check per demo account found.
 *
 * @example
 * if ((await liveDemoAccounts({ store, hasher })).length > 0) throw new Error(REMOVE_DEMO_ACCOUNTS_HINT);
 */
export async function liveDemoAccounts(deps: DemoAccountDeps): Promise<DemoAccount[]> {
  const live: DemoAccount[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const person = await deps.store.findPersonByEmail(account.email);
    if (person && person.disabledAt === undefined && (await deps.hasher.verify(account.password, person.passwordHash))) live.push(account);
  }
  return live;
}

/**
 * Makes the published demo passwords useless: each live demo account gets a random password that is
 * thrown away (so nobody knows it) and loses its sessions; each change is audited. The accounts and
 * what they made (released examples, the demo clinic) stay, so nothing that refers to them breaks.
 *
 * @returns the e-mail addresses retired
 */
export async function retireDemoAccounts(deps: DemoAccountDeps & { now: () => Date }): Promise<string[]> {
  const retired: string[] = [];
  for (const account of await liveDemoAccounts(deps)) {
    const person = await deps.store.findPersonByEmail(account.email);
    if (!person) continue;
    const hash = await deps.hasher.hash(randomBytes(32).toString('base64url'));
    await deps.store.changePassword(person.id, hash, undefined, { at: deps.now().toISOString() });
    retired.push(account.email);
  }
  return retired;
}
