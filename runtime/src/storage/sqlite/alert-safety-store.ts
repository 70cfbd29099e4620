import type Database from 'better-sqlite3';
import type { AlertSafetyStore, StaffContact } from '../../domain/care/alert-safety-ports.js';
import { toAlert } from './care-rows.js';
import type { AlertRow } from './care-rows.js';
import { writeAuditEntry } from './sqlite-audit-log.js';
import type { SqliteMailOutbox } from './sqlite-mail-outbox.js';
import { alertAcknowledgedEvent } from '../../domain/webhooks/webhook-events.js';
import { createSqliteWebhookEvents, type SqliteWebhookEvents } from './sqlite-webhook-store.js';

/**
 * The safety protocol's store on the alerts table (migration 030). Each write is one transaction:
 * the alert's row, its audit row and its e-mails (staged in the outbox) commit together, so a crash
 * never leaves an escalation marked without its mail, nor mail without the mark.
 */
export function createSqliteAlertSafetyStore(db: Database.Database, deps: { mail: SqliteMailOutbox; webhooks?: SqliteWebhookEvents }): AlertSafetyStore {
  const webhooks = deps.webhooks ?? createSqliteWebhookEvents(db);
  const selectAlert = db.prepare('SELECT * FROM alerts WHERE id = ?');
  const openForProtocol = db.prepare('SELECT * FROM alerts WHERE acknowledged_at IS NULL AND (escalated_at IS NULL OR notified_at IS NULL) ORDER BY created_at, rowid');
  const staff = db.prepare<[string, string], { person_id: string; email: string; role: StaffContact['role'] }>(
    `SELECT DISTINCT m.person_id, p.email, m.role FROM memberships m JOIN people p ON p.id = m.person_id
     WHERE ((m.role = 'therapist' AND m.unit_id = ?) OR (m.role = 'care_provider_admin' AND m.organisation_id = (SELECT organisation_id FROM care_units WHERE id = ?)))
       AND p.disabled_at IS NULL
     ORDER BY m.role DESC, p.email`,
  );
  const acknowledge = db.prepare('UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ?, action_taken = ? WHERE id = ? AND acknowledged_at IS NULL');
  const markEscalated = db.prepare('UPDATE alerts SET escalated_at = ? WHERE id = ? AND acknowledged_at IS NULL AND escalated_at IS NULL');
  const markNotified = db.prepare('UPDATE alerts SET notified_at = ? WHERE id = ? AND notified_at IS NULL');

  const acknowledgeWithAction = db.transaction((input: Parameters<AlertSafetyStore['acknowledgeWithAction']>[0]) => {
    if (acknowledge.run(input.at, input.by, JSON.stringify(input.action), input.id).changes === 0) {
      return { ok: false as const, reason: selectAlert.get(input.id) ? ('stale' as const) : ('missing' as const) };
    }
    writeAuditEntry(db, input.audit);
    const acknowledged = toAlert(selectAlert.get(input.id) as AlertRow);
    webhooks.stage(alertAcknowledgedEvent(acknowledged));
    return { ok: true as const, value: acknowledged };
  });
  const escalate = db.transaction((input: Parameters<AlertSafetyStore['escalate']>[0]) => {
    if (markEscalated.run(input.at, input.id).changes === 0) return false;
    for (const mail of input.mails) deps.mail.stage(mail);
    writeAuditEntry(db, input.audit);
    return true;
  });
  const notify = db.transaction((input: Parameters<AlertSafetyStore['markNotified']>[0]) => {
    if (markNotified.run(input.at, input.id).changes === 0) return false;
    for (const mail of input.mails) deps.mail.stage(mail);
    return true;
  });

  return {
    listOpenForProtocol: async () => (openForProtocol.all() as AlertRow[]).map(toAlert),
    unitStaff: async (unitId) => staff.all(unitId, unitId).map((row) => ({ personId: row.person_id, email: row.email, role: row.role })),
    acknowledgeWithAction: async (input) => {
      const result = acknowledgeWithAction(input);
      if (result.ok) webhooks.notify();
      return result;
    },
    escalate: async (input) => {
      const done = escalate(input);
      if (done && input.mails.length > 0) deps.mail.notify();
      return done;
    },
    markNotified: async (input) => {
      const done = notify(input);
      if (done && input.mails.length > 0) deps.mail.notify();
      return done;
    },
  };
}
