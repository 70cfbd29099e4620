import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { createScryptPasswordHasher } from '../auth/scrypt-password-hasher.js';
import { loadConfig, type Environment } from '../config.js';
import { createFirstAdministrator } from '../domain/accounts/first-administrator.js';
import type { OrganisationKind } from '../domain/accounts/accounts-store.js';
import { DomainError } from '../domain/errors.js';
import { uuidGenerator } from '../ids.js';
import { createSqliteAccountsStore } from '../storage/sqlite/accounts-store.js';
import { openDatabase } from '../storage/sqlite/open-database.js';
import { readPassword } from './read-password.js';

const USAGE = `Creates an organisation and its first administrator in the database CARELOOM_DB names.

  npm run admin:create -- --email ada@example.org --name "Ada Admin" --organisation "Region Norr" [--kind care_provider|publisher]

--kind care_provider (the default) makes a care-provider admin, who creates units and invites staff in the
clinic; --kind publisher makes a permissions admin, who invites designers and publishers in the designer.
The password is asked for in a terminal, or read as the first line of standard input; never give it as an argument.`;

export interface CommandIo {
  stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  stdout: Writable;
  stderr: Writable;
  env: Environment;
}

/**
 * `npm run admin:create`: the first administrator of a new server (demo mode off has no accounts at
 * all). Returns the exit code; messages name what to fix, never echo the password.
 */
export async function runAdminCreate(argv: readonly string[], io: CommandIo): Promise<number> {
  if (argv.some((arg) => /^--?password(=|$)/.test(arg) || /^--?p$/.test(arg))) {
    io.stderr.write('The password is never taken from the command line (shell history, `ps`): leave it out and type it when asked, or pipe it on standard input.\n');
    return 2;
  }
  let values: { email?: string; name?: string; organisation?: string; kind?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: [...argv], options: { email: { type: 'string' }, name: { type: 'string' }, organisation: { type: 'string' }, kind: { type: 'string' }, help: { type: 'boolean' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const missing = (['email', 'name', 'organisation'] as const).filter((key) => values[key] === undefined || values[key]?.trim() === '');
  if (missing.length > 0) {
    io.stderr.write(`Missing ${missing.map((key) => `--${key}`).join(', ')}.\n\n${USAGE}\n`);
    return 2;
  }
  let db: ReturnType<typeof openDatabase>['db'] | undefined;
  try {
    const config = loadConfig(io.env);
    const password = await readPassword(io.stdin, io.stderr);
    db = openDatabase({ file: config.databaseFile }).db;
    const created = await createFirstAdministrator(
      { store: createSqliteAccountsStore(db, { ids: uuidGenerator }), hasher: createScryptPasswordHasher(), now: () => new Date(), newId: () => uuidGenerator.newId() },
      { email: values.email!, name: values.name!, organisation: values.organisation!, kind: (values.kind ?? 'care_provider') as OrganisationKind, password },
    );
    io.stdout.write(`Created ${created.organisation.kind.replace('_', ' ')} "${created.organisation.name}" with ${created.person.email} as its ${created.role.replace(/_/g, ' ')} (database ${config.databaseFile}).\n`);
    return 0;
  } catch (error) {
    io.stderr.write(`${error instanceof DomainError || error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    db?.close();
  }
}
