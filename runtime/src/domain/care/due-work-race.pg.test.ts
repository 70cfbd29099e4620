// The minute job runs in every process at once (issue 15): two job runners, each with its own
// connection pool on one PostgreSQL database, race through the same minutes, and every
// missing-report alert is raised once (with one audit row) and every reminder e-mailed once.
import { describe, expect, it } from 'vitest';
import { createTestClock } from '../../clock.js';
import { createSequentialIds } from '../../ids.js';
import { openPostgres } from '../../storage/postgres/open-postgres.js';
import { createPostgresStores } from '../../storage/postgres/postgres-stores.js';
import { freshPostgresSchemas } from '../../storage/postgres/test-postgres.js';
import { createCareTestAppOn, START } from '../../testing/care-test-app.js';
import { seedCareScenario } from '../../testing/care-scenario.js';

const fresh = freshPostgresSchemas();

describe('the minute job in two processes on one PostgreSQL database', () => {
  it('raises each missing-report alert and sends each reminder once, however the runs interleave', async () => {
    const { pool, url } = await fresh.open();
    const second = await openPostgres({ url, maxConnections: 4 });
    try {
      const clock = createTestClock(START);
      const one = await createCareTestAppOn(createPostgresStores(pool, { ids: createSequentialIds('one'), now: () => clock.now() }), {
        clock,
        ids: createSequentialIds('one-app'),
        fixtures: (sql, values) => {
          let index = 0;
          return pool.query(sql.replace(/\?/g, () => `$${++index}`), values);
        },
      });
      const ids = await seedCareScenario(one);
      const two = await createCareTestAppOn(createPostgresStores(second.pool, { ids: createSequentialIds('two'), now: () => clock.now() }), { clock, ids: createSequentialIds('two-app') });

      // Two days of minutes around the COPD deadline (noon in Stockholm) and its reminder (an hour
      // before), every minute run by both processes at once, some minutes twice.
      const results = [];
      for (const at of ['2026-03-02T09:30:00.000Z', '2026-03-02T10:05:00.000Z', '2026-03-02T11:01:00.000Z', '2026-03-02T11:01:00.000Z', '2026-03-03T10:05:00.000Z', '2026-03-03T11:02:00.000Z', '2026-03-04T11:03:00.000Z']) {
        clock.set(at);
        results.push(...(await Promise.all([one.care.runDueWork(clock.now()), two.care.runDueWork(clock.now()), one.care.runDueWork(clock.now())])));
      }
      expect(results.every((result) => result.failed === 0)).toBe(true);

      const alerts = (await pool.query<{ dedupe_key: string; n: number }>("SELECT dedupe_key, count(*)::int AS n FROM alerts WHERE kind = 'missing_report' GROUP BY dedupe_key ORDER BY dedupe_key")).rows;
      expect(alerts.map((alert) => alert.dedupe_key.replace(/^missing:[^:]+:/, ''))).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
      expect(alerts.every((alert) => alert.n === 1)).toBe(true);
      expect(results.reduce((sum, result) => sum + result.missingReportAlerts, 0)).toBe(alerts.length);
      const raisedAudits = (await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'alert.raise'")).rows[0]!.n;
      expect(raisedAudits).toBe(alerts.length);

      const reminders = (await pool.query<{ enrollment_id: string }>('SELECT enrollment_id FROM reminders_sent')).rows;
      expect(reminders.filter((reminder) => reminder.enrollment_id === ids.copdEnrollmentId).length).toBeGreaterThanOrEqual(2);
      const reminderMails = (await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM mail_outbox WHERE subject LIKE 'Reminder:%'")).rows[0]!.n;
      expect(reminders.length).toBeGreaterThanOrEqual(2);
      expect(reminderMails).toBe(reminders.length);
      expect(results.reduce((sum, result) => sum + result.remindersSent, 0)).toBe(reminders.length);
    } finally {
      await second.pool.end();
    }
  }, 120_000);
});
