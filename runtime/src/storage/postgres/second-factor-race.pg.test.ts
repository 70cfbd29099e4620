import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { AuditContext } from '../../domain/accounts/accounts-store.js';
import { createSequentialIds } from '../../ids.js';
import { createPostgresAccountsStore } from './postgres-accounts-store.js';
import { createPostgresSecondFactorStore } from './postgres-second-factor-store.js';
import { freshPostgresSchemas } from './test-postgres.js';

const fresh = freshPostgresSchemas();
const at = '2026-03-01T08:00:00.000Z';
const context: AuditContext = { at, actorId: 'ann', ip: '192.0.2.7', requestId: 'req-1' };

/** Waits until `count` backends of this database wait for a lock (the interleaving's checkpoints). */
async function waitingForLocks(pool: pg.Pool, count: number): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const { rows } = await pool.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
    if (Number(rows[0]!.n) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`fewer than ${count} transactions came to wait for a lock`);
}

describe('PostgreSQL: the second-factor rule turned on while a person confirms their enrolment', () => {
  it('leaves the session usable without another prompt, whichever write commits last', async () => {
    const { pool } = await fresh.open();
    const accounts = createPostgresAccountsStore(pool, { ids: createSequentialIds('audit') });
    // The pool has four connections: the blocker, the two crossing writes, and the checks.
    const factors = createPostgresSecondFactorStore(pool, { ids: createSequentialIds('audit-factor') });
    await accounts.createOrganisation({ id: 'care-x', slug: 'care-x', name: 'Care X', kind: 'care_provider', createdAt: at }, context);
    await accounts.createPersonWithMemberships({ id: 'ann', email: 'ann@example.org', name: 'Ann', passwordHash: 'scrypt$1$1$1$s$h', createdAt: at }, 'care-x', [{ role: 'therapist' }], context);
    await accounts.createSession({ id: 's-ann', personId: 'ann', csrfToken: 'csrf', createdAt: at, expiresAt: '2026-03-08T08:00:00.000Z', lastSeenAt: at }, context);
    await factors.beginEnrolment({ personId: 'ann', secretSealed: 'sealed', at, audit: context });

    // Both writes end with their audit row: holding the audit table stops each of them just after its
    // sessions UPDATE, with nothing committed, so each decides without seeing the other.
    const blocker = await pool.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE');
      const turnOn = factors.setPolicy({ organisationId: 'care-x', required: true, at, audit: context });
      await waitingForLocks(pool, 1);
      const confirm = factors.confirmEnrolment({ personId: 'ann', step: 7, recoveryCodeHashes: ['h1'], at, audit: context });
      await waitingForLocks(pool, 2);
      await blocker.query('COMMIT');
      const [policy, confirmed] = await Promise.all([turnOn, confirm]);
      // The rule saw no confirmed factor and marked the session; the confirmation saw no mark to clear.
      expect(policy.peopleAffected).toEqual(['ann']);
      expect(confirmed).toBe(true);
    } finally {
      blocker.release();
    }

    const stored = await pool.query<{ second_factor_owed: number }>("SELECT second_factor_owed FROM sessions WHERE id = 's-ann'");
    expect(stored.rows[0]!.second_factor_owed).toBe(1);
    expect(await factors.find('ann')).toMatchObject({ confirmedAt: at });
    // The session check does not hold the session back: ann has a confirmed second factor.
    const session = await accounts.findSession('s-ann');
    expect(session).toMatchObject({ id: 's-ann', personId: 'ann' });
    expect(session?.secondFactorOwed).toBeUndefined();
  });
});
