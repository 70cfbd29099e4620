import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { HttpSession } from '../integration/http-client.js';
import { startServer } from '../server.js';
import { tempServers } from '../testing/temp-servers.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { EXAMPLES_AUTHOR } from './examples-author.js';

const temp = tempServers('careloom-examples-author-');
const PHQ9 = fileURLToPath(new URL('../../../examples/modules/phq-9.json', import.meta.url));
const account = (key: string) => DEMO_ACCOUNTS.find((candidate) => candidate.email === `${key}@demo.careloom.test`)!;

/** A demo start (one example, to keep it short) on a database file the test can read afterwards. */
async function demoServer() {
  const examples = temp.folder();
  mkdirSync(join(examples, 'modules'));
  copyFileSync(PHQ9, join(examples, 'modules', 'phq-9.json'));
  const file = temp.databaseFile();
  const server = temp.keep(await startServer({ config: loadConfig({ CARELOOM_DB: file, CARELOOM_PORT: '0', CARELOOM_EXAMPLES_DIR: examples }), seedDemoAccounts: true, shutdownGraceMs: 100 }));
  return { server, file };
}

// Issue 16: the demo designer's library said "Last edited: you" of examples they never edited,
// because the seed wrote the examples as them. The seed now writes them as "Careloom examples".
describe('the examples’ author', () => {
  it('wrote, submitted and is named for the seeded examples, so the demo designer is not', { timeout: 120_000 }, async () => {
    const { server, file } = await demoServer();
    const designer = await HttpSession.login(server.url, account('designer').email, account('designer').password);
    const { body } = await designer.call('GET', '/api/modules');
    const phq9 = (body as { modules: Array<{ id: string; createdBy: string; lastEditedBy: string; lastEditedByName: string; releasedVersion: number | null }> }).modules.find((document) => document.id === 'phq-9')!;
    expect(phq9).toMatchObject({ createdBy: EXAMPLES_AUTHOR.id, lastEditedBy: EXAMPLES_AUTHOR.id, lastEditedByName: 'Careloom examples', releasedVersion: 1 });
    const versions = (await designer.call('GET', '/api/modules/phq-9/versions')).body as { versions: Array<{ authoredBy: string; authoredByName: string }> };
    expect(versions.versions[0]).toMatchObject({ authoredBy: EXAMPLES_AUTHOR.id, authoredByName: 'Careloom examples' });
    await server.close();
    // The audit log names it as the actor of what it did, and names the publisher for the release.
    const db = new Database(file, { readonly: true });
    try {
      const actors = db.prepare("SELECT DISTINCT action, actor_id AS actor FROM audit_log WHERE object_id = 'phq-9' OR object_id LIKE 'phq-9%' ORDER BY action").all() as Array<{ action: string; actor: string }>;
      expect(actors.filter((row) => row.actor === EXAMPLES_AUTHOR.id).map((row) => row.action)).toEqual(expect.arrayContaining(['module.create', 'version.submit']));
      expect(actors.some((row) => row.actor === EXAMPLES_AUTHOR.id && row.action.includes('release'))).toBe(false);
    } finally {
      db.close();
    }
  });

  it('cannot sign in, get a reset link or appear among the organisation’s members', { timeout: 120_000 }, async () => {
    const { server, file } = await demoServer();
    // Its stored hash is "!" and it is disabled: no password, that one included, lets anyone in.
    for (const password of ['!', 'careloom-demo-examples', 'Careloom examples']) {
      const response = await new HttpSession(server.url).call('POST', '/api/auth/login', { email: EXAMPLES_AUTHOR.email, password });
      expect(response.status).toBe(401);
    }
    const reset = await new HttpSession(server.url).call('POST', '/api/public/password-reset', { email: EXAMPLES_AUTHOR.email });
    const admin = await HttpSession.login(server.url, account('permissions-admin').email, account('permissions-admin').password);
    const me = (await admin.call('GET', '/api/auth/me')).body as { memberships: Array<{ organisationId: string }> };
    const members = (await admin.call('GET', `/api/organisations/${me.memberships[0]!.organisationId}/members`)).body as { members: Array<{ person: { id: string; name: string } }> };
    expect(members.members.map((member) => member.person.name)).not.toContain('Careloom examples');
    expect(members.members.map((member) => member.person.id)).not.toContain(EXAMPLES_AUTHOR.id);
    await server.close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) AS n FROM sessions WHERE person_id = ?').get(EXAMPLES_AUTHOR.id)).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM memberships WHERE person_id = ?').get(EXAMPLES_AUTHOR.id)).toEqual({ n: 0 });
      // Whatever the reset route answers (it never says whether an address has an account), no link was made.
      expect(reset.status).toBeLessThan(500);
      expect(db.prepare("SELECT count(*) AS n FROM mail_outbox WHERE to_address LIKE '%careloom.invalid%'").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
