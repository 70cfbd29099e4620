import type pg from 'pg';
import type { AlertSafetyStore, StaffContact } from '../../domain/care/alert-safety-ports.js';
import { toAlert, type AlertRow } from '../sqlite/care-rows.js';
import { inTransaction } from './open-postgres.js';
import { writeAuditEntryPg } from './postgres-audit-log.js';
import type { PostgresMailOutbox } from './postgres-mail-outbox.js';
import { alertAcknowledgedEvent } from '../../domain/webhooks/webhook-events.js';
import { createPostgresWebhookEvents, type PostgresWebhookEvents } from './postgres-webhook-store.js';

/**
 * The safety protocol's store on PostgreSQL (migration 002), like the SQLite one: the alert's row,
 * its audit row and its e-mails commit together. The compare-and-set updates make escalation and
 * notification happen once even when every process runs the minute job.
 */
export function createPostgresAlertSafetyStore(pool: pg.Pool, deps: { mail: Pick<PostgresMailOutbox, 'stage' | 'notify'>; webhooks?: PostgresWebhookEvents }): AlertSafetyStore {
  const webhooks = deps.webhooks ?? createPostgresWebhookEvents();
  const alert = async (db: pg.ClientBase | pg.Pool, id: string) => (await db.query<AlertRow>('SELECT * FROM alerts WHERE id = $1', [id])).rows[0];
  const markAndMail = async (sql: string, input: { id: string; at: string; mails: Parameters<AlertSafetyStore['escalate']>[0]['mails'] }, audit?: Parameters<AlertSafetyStore['escalate']>[0]['audit']) => {
    const done = await inTransaction(pool, async (db) => {
      if (((await db.query(sql, [input.at, input.id])).rowCount ?? 0) === 0) return false;
      for (const mail of input.mails) await deps.mail.stage(db, mail);
      if (audit) await writeAuditEntryPg(db, audit);
      return true;
    });
    if (done && input.mails.length > 0) deps.mail.notify();
    return done;
  };
  return {
    listOpenForProtocol: async () =>
      (await pool.query<AlertRow>('SELECT * FROM alerts WHERE acknowledged_at IS NULL AND (escalated_at IS NULL OR notified_at IS NULL) ORDER BY created_at, id')).rows.map(toAlert),
    unitStaff: async (unitId) =>
      (await pool.query<{ person_id: string; email: string; role: StaffContact['role'] }>(
        `SELECT DISTINCT m.person_id, p.email, m.role FROM memberships m JOIN people p ON p.id = m.person_id
          WHERE ((m.role = 'therapist' AND m.unit_id = $1) OR (m.role = 'care_provider_admin' AND m.organisation_id = (SELECT organisation_id FROM care_units WHERE id = $1)))
            AND p.disabled_at IS NULL
          ORDER BY m.role DESC, p.email`,
        [unitId],
      )).rows.map((row) => ({ personId: row.person_id, email: row.email, role: row.role })),
    acknowledgeWithAction: async (input) => {
      const result = await inTransaction(pool, async (db) => {
        const updated = await db.query('UPDATE alerts SET acknowledged_at = $1, acknowledged_by = $2, action_taken = $3 WHERE id = $4 AND acknowledged_at IS NULL', [input.at, input.by, JSON.stringify(input.action), input.id]);
        if ((updated.rowCount ?? 0) === 0) return { ok: false as const, reason: (await alert(db, input.id)) ? ('stale' as const) : ('missing' as const) };
        await writeAuditEntryPg(db, input.audit);
        const acknowledged = toAlert((await alert(db, input.id))!);
        await webhooks.stage(db, alertAcknowledgedEvent(acknowledged));
        return { ok: true as const, value: acknowledged };
      });
      if (result.ok) webhooks.notify();
      return result;
    },
    escalate: (input) => markAndMail('UPDATE alerts SET escalated_at = $1 WHERE id = $2 AND acknowledged_at IS NULL AND escalated_at IS NULL', input, input.audit),
    markNotified: (input) => markAndMail('UPDATE alerts SET notified_at = $1 WHERE id = $2 AND notified_at IS NULL', input),
  };
}
