import { insertIdentityLinkPg } from './postgres-external-identity-store.js';
import type pg from 'pg';
import type { AcceptInvitationResult, AlertRecord, CareAuditEntry, CareStore, CreateDeploymentResult, EnrollmentRecord, UnitRecord } from '../../domain/care/ports.js';
import { DomainError } from '../../domain/errors.js';
import { toAlert, toDeployment, toEnrollment, toInvitation, toMessage, toPlan, toReferral, toResponse, toUnit } from '../sqlite/care-rows.js';
import type { AlertRow, DeploymentRow, EnrollmentRow, InvitationRow, MessageRow, PlanRow, ReferralRow, ResponseRow, UnitRow } from '../sqlite/care-rows.js';
import { inTransaction } from './open-postgres.js';
import { alertAcknowledgedEvent, alertRaisedEvent, enrollmentEvent, responseRecordedEvent } from '../../domain/webhooks/webhook-events.js';
import { createPostgresWebhookEvents, type PostgresWebhookEvents } from './postgres-webhook-store.js';
import { writeAuditEntryPg } from './postgres-audit-log.js';
import type { PostgresMailOutbox } from './postgres-mail-outbox.js';

type Db = pg.ClientBase | pg.Pool;

const ALERT_INSERT = `INSERT INTO alerts (id, enrollment_id, unit_id, patient_id, kind, severity, message, details, module_id, response_id, dedupe_key, created_at, acknowledged_at, acknowledged_by)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, NULL, NULL) ON CONFLICT DO NOTHING`;
const MESSAGE_SELECT = 'SELECT m.*, p.name AS author_name FROM messages m JOIN people p ON p.id = m.author_id';

/**
 * The care store on PostgreSQL, with the behaviour of the SQLite store (the care contract suite runs
 * against both). Each write is one transaction with its audit_log row; a response is acknowledged
 * after its own COMMIT (PostgreSQL groups concurrent commits into one WAL flush by itself, which is
 * what the SQLite store's group commit does by hand). Responses stay idempotent through
 * UNIQUE (enrollment_id, client_id) and `ON CONFLICT DO NOTHING`, across processes too.
 */
export function createPostgresCareStore(pool: pg.Pool, options: { mail: Pick<PostgresMailOutbox, 'stage' | 'notify'>; webhooks?: PostgresWebhookEvents }): CareStore {
  const mailOutbox = options.mail;
  // Webhook events of responses, alerts and enrollments, staged in the transaction that causes them.
  const webhooks = options.webhooks ?? createPostgresWebhookEvents();
  const audit = (db: Db, entry: CareAuditEntry) => writeAuditEntryPg(db, entry);
  const first = async <T extends pg.QueryResultRow>(db: Db, text: string, values: unknown[]) => (await db.query<T>(text, values)).rows[0];
  const all = async <T extends pg.QueryResultRow>(db: Db, text: string, values: unknown[] = []) => (await db.query<T>(text, values)).rows;
  const unit = (db: Db, id: string) => first<UnitRow>(db, 'SELECT * FROM care_units WHERE id = $1', [id]);
  const deployment = (db: Db, id: string) => first<DeploymentRow>(db, 'SELECT * FROM deployments WHERE id = $1', [id]);
  const enrollment = (db: Db, id: string) => first<EnrollmentRow>(db, 'SELECT * FROM enrollments WHERE id = $1', [id]);
  const alert = (db: Db, id: string) => first<AlertRow>(db, 'SELECT * FROM alerts WHERE id = $1', [id]);
  const referral = (db: Db, id: string) => first<ReferralRow>(db, 'SELECT * FROM referrals WHERE id = $1', [id]);
  const insertAlert = async (db: Db, record: AlertRecord) =>
    ((await db.query(ALERT_INSERT, [record.id, record.enrollmentId, record.unitId, record.patientId, record.kind, record.severity, record.message, record.details === null ? null : JSON.stringify(record.details), record.moduleId, record.responseId, record.dedupeKey, record.createdAt])).rowCount ?? 0) > 0;
  const unitValues = (record: UnitRecord) => [record.id, record.organisationId, record.name, record.active ? 1 : 0, record.timeZone, JSON.stringify(record.settings), record.intakeDeploymentId, record.createdAt, record.updatedAt];
  const touchEnrollment = (db: Db, at: string, id: string) => db.query('UPDATE enrollments SET last_activity_at = $1 WHERE id = $2', [at, id]);

  return {
    createUnit: (input) =>
      inTransaction(pool, async (db) => {
        await db.query(
          `INSERT INTO care_units (id, organisation_id, name, active, time_zone, settings, intake_deployment_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          unitValues(input.unit),
        );
        await audit(db, input.audit);
        return toUnit((await unit(db, input.unit.id))!);
      }),
    updateUnit: (input) =>
      inTransaction(pool, async (db) => {
        const record = input.unit;
        await db.query('UPDATE care_units SET name = $2, active = $3, time_zone = $4, settings = $5, intake_deployment_id = $6, updated_at = $7 WHERE id = $1', [
          record.id, record.name, record.active ? 1 : 0, record.timeZone, JSON.stringify(record.settings), record.intakeDeploymentId, record.updatedAt,
        ]);
        await audit(db, input.audit);
        return toUnit((await unit(db, input.unit.id))!);
      }),
    getUnit: async (id) => {
      const row = await unit(pool, id);
      return row ? toUnit(row) : undefined;
    },
    listUnits: async ({ organisationIds, unitIds }) =>
      (await all<UnitRow>(pool, 'SELECT * FROM care_units WHERE organisation_id = ANY($1) OR id = ANY($2) ORDER BY name, id', [[...organisationIds], [...unitIds]])).map(toUnit),

    createDeployment: (input) =>
      inTransaction(pool, async (db): Promise<CreateDeploymentResult> => {
        const record = input.deployment;
        // The unit's row is locked first, so two Deploy presses (in two processes too) are decided
        // one after the other and the second finds the first.
        await db.query('SELECT 1 FROM care_units WHERE id = $1 FOR UPDATE', [record.unitId]);
        const existing = await first<DeploymentRow>(db, "SELECT * FROM deployments WHERE unit_id = $1 AND document_id = $2 AND version = $3 AND status = 'active' ORDER BY deployed_at, id LIMIT 1", [record.unitId, record.documentId, record.version]);
        if (existing) return { ok: false, reason: 'duplicate', existing: toDeployment(existing) };
        await db.query(
          `INSERT INTO deployments (id, unit_id, kind, document_id, version, title, content_hash, modules, status, deployed_at, deployed_by, withdrawn_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, NULL)`,
          [record.id, record.unitId, record.kind, record.documentId, record.version, record.title, record.contentHash, JSON.stringify(record.modules), record.status, record.deployedAt, record.deployedBy],
        );
        await audit(db, input.audit);
        return { ok: true, value: toDeployment((await deployment(db, record.id))!) };
      }),
    getDeployment: async (id) => {
      const row = await deployment(pool, id);
      return row ? toDeployment(row) : undefined;
    },
    listDeployments: async (unitId) => (await all<DeploymentRow>(pool, 'SELECT * FROM deployments WHERE unit_id = $1 ORDER BY deployed_at, id', [unitId])).map(toDeployment),
    withdrawDeployment: (input) =>
      inTransaction(pool, async (db) => {
        const result = await db.query("UPDATE deployments SET status = 'withdrawn', withdrawn_at = $1 WHERE id = $2 AND status = 'active'", [input.at, input.id]);
        if ((result.rowCount ?? 0) === 0) return { ok: false as const, reason: (await deployment(db, input.id)) ? ('stale' as const) : ('missing' as const) };
        await audit(db, input.audit);
        return { ok: true as const, value: toDeployment((await deployment(db, input.id))!) };
      }),

    createEnrollment: async (input) => {
      const created = await inTransaction(pool, async (db) => {
        const { enrollment: record, invitation, referral: decision } = input;
        if (decision) {
          const decided = await db.query("UPDATE referrals SET status = 'accepted', decided_at = $1, decided_by = $2, enrollment_id = NULL WHERE id = $3 AND status = 'new'", [decision.at, decision.by, decision.id]);
          if ((decided.rowCount ?? 0) === 0) throw new DomainError('conflict', 'The referral was decided meanwhile.');
        }
        await db.query(
          `INSERT INTO enrollments (id, unit_id, deployment_id, patient_id, status, started_on, started_at, modules, created_by, created_at, updated_at, last_activity_at, accepted_at, invited_name, language)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, NULL, NULL, $12, $13)`,
          [record.id, record.unitId, record.deploymentId, record.patientId, record.status, record.startedOn, record.startedAt, JSON.stringify(record.modules), record.createdBy, record.createdAt, record.updatedAt, record.invitedName, record.language ?? null],
        );
        await db.query('INSERT INTO invitations (code_hash, enrollment_id, person_id, created_at, expires_at, redeemed_at) VALUES ($1, $2, $3, $4, $5, NULL)', [
          invitation.codeHash, invitation.enrollmentId, invitation.personId, invitation.createdAt, invitation.expiresAt,
        ]);
        if (decision) await db.query('UPDATE referrals SET enrollment_id = $1 WHERE id = $2', [record.id, decision.id]);
        if (input.mail) await mailOutbox.stage(db, input.mail);
        await audit(db, input.audit);
        const stored = toEnrollment((await enrollment(db, record.id))!);
        const started = enrollmentEvent(stored, 'started', stored.createdAt);
        if (started) await webhooks.stage(db, started);
        return stored;
      });
      if (input.mail) mailOutbox.notify();
      webhooks.notify();
      return created;
    },
    getEnrollment: async (id) => {
      const row = await enrollment(pool, id);
      return row ? toEnrollment(row) : undefined;
    },
    listEnrollmentsOfUnit: async (unitId) => (await all<EnrollmentRow>(pool, 'SELECT * FROM enrollments WHERE unit_id = $1 ORDER BY created_at, id', [unitId])).map(toEnrollment),
    listEnrollmentsOfPatient: async (patientId) => (await all<EnrollmentRow>(pool, 'SELECT * FROM enrollments WHERE patient_id = $1 ORDER BY created_at, id', [patientId])).map(toEnrollment),
    listOpenEnrollments: async () => (await all<EnrollmentRow>(pool, "SELECT * FROM enrollments WHERE status <> 'ended' ORDER BY id")).map(toEnrollment),
    setEnrollmentStatus: async (input) => {
      const changed = await inTransaction(pool, async (db): Promise<EnrollmentRecord> => {
        const before = await first<EnrollmentRow>(db, 'SELECT * FROM enrollments WHERE id = $1 FOR UPDATE', [input.id]);
        await db.query('UPDATE enrollments SET status = $1, updated_at = $2 WHERE id = $3', [input.status, input.at, input.id]);
        await audit(db, input.audit);
        const after = toEnrollment((await enrollment(db, input.id))!);
        const event = before && before.status !== after.status ? enrollmentEvent(after, 'status', input.at) : undefined;
        if (event) await webhooks.stage(db, event);
        return after;
      });
      webhooks.notify();
      return changed;
    },
    enrollmentActivity: async (unitId) =>
      (await all<{ enrollment_id: string; patient_name: string; open_alerts: number; unread_messages: number }>(
        pool,
        // Until the patient accepts, the name the therapist typed: never the name of an account that had the address.
        `SELECT e.id AS enrollment_id, CASE WHEN e.accepted_at IS NULL AND e.invited_name IS NOT NULL THEN e.invited_name ELSE p.name END AS patient_name,
           (SELECT count(*)::int FROM alerts a WHERE a.enrollment_id = e.id AND a.acknowledged_at IS NULL) AS open_alerts,
           (SELECT count(*)::int FROM messages m WHERE m.enrollment_id = e.id AND m.sender = 'patient' AND m.read_at IS NULL) AS unread_messages
         FROM enrollments e JOIN people p ON p.id = e.patient_id WHERE e.unit_id = $1`,
        [unitId],
      )).map((row) => ({ enrollmentId: row.enrollment_id, patientName: row.patient_name, openAlerts: row.open_alerts, unreadMessages: row.unread_messages })),
    personName: async (personId) => (await first<{ name: string }>(pool, 'SELECT name FROM people WHERE id = $1', [personId]))?.name,

    findInvitation: async (codeHash) => {
      const row = await first<InvitationRow>(pool, 'SELECT * FROM invitations WHERE code_hash = $1', [codeHash]);
      return row ? toInvitation(row) : undefined;
    },
    // Every check is inside the transaction, and the invitation row is locked first, so two takers
    // of one code (in two processes too), or a password chosen meanwhile, cannot both get through.
    acceptInvitation: (input) =>
      inTransaction(pool, async (db): Promise<AcceptInvitationResult> => {
        const row = await first<InvitationRow>(db, 'SELECT * FROM invitations WHERE code_hash = $1 FOR UPDATE', [input.codeHash]);
        if (!row) return { ok: false, reason: 'missing' };
        if (row.redeemed_at !== null || row.expires_at <= input.at) return { ok: false, reason: 'stale' };
        if (row.person_id !== input.personId) return { ok: false, reason: 'not_yours' };
        // Ending an enrollment before the patient took it up withdraws its invitation.
        if ((await enrollment(db, row.enrollment_id))?.status === 'ended') return { ok: false, reason: 'stale' };
        if (input.firstPasswordHash !== undefined) {
          const set = await db.query('UPDATE people SET password_hash = $1, password_chosen_at = $2 WHERE id = $3 AND password_chosen_at IS NULL', [input.firstPasswordHash, input.at, input.personId]);
          if ((set.rowCount ?? 0) === 0) return { ok: false, reason: 'has_password' };
        }
        if (input.identity !== undefined) {
          // Only an account nobody has chosen a password for may be linked while taking an invitation up.
          const person = await first<{ password_chosen_at: string | null }>(db, 'SELECT password_chosen_at FROM people WHERE id = $1 FOR UPDATE', [input.personId]);
          if (!person || person.password_chosen_at !== null) return { ok: false, reason: 'has_password' };
          await insertIdentityLinkPg(db, { ...input.identity, personId: input.personId, at: input.at, audit: { at: input.at, actorId: input.personId, ...(input.audit.ip ? { ip: input.audit.ip } : {}), ...(input.audit.requestId ? { requestId: input.audit.requestId } : {}) } });
        }
        await db.query('UPDATE invitations SET redeemed_at = $1 WHERE code_hash = $2', [input.at, input.codeHash]);
        await db.query("UPDATE enrollments SET accepted_at = $1, status = CASE status WHEN 'invited' THEN 'active' ELSE status END, updated_at = $1 WHERE id = $2", [input.at, row.enrollment_id]);
        const accepted = toEnrollment((await enrollment(db, row.enrollment_id))!);
        const unitRow = (await unit(db, accepted.unitId))!;
        await db.query(
          "INSERT INTO memberships (person_id, organisation_id, role, unit_id, granted_by, granted_at) VALUES ($1, $2, 'patient', $3, $4, $5) ON CONFLICT DO NOTHING",
          [input.personId, unitRow.organisation_id, unitRow.id, accepted.createdBy, input.at],
        );
        await audit(db, input.audit);
        return { ok: true, value: { invitation: toInvitation({ ...row, redeemed_at: input.at }), enrollment: accepted } };
      }),

    replaceInvitation: async (input) => {
      const { invitation } = input;
      const result = await inTransaction(pool, async (db): Promise<Awaited<ReturnType<CareStore['replaceInvitation']>>> => {
        // The invitations first, then the enrollment: the order acceptInvitation takes them in, so a
        // resend and an acceptance of the old code wait for each other instead of deadlocking.
        await db.query('SELECT code_hash FROM invitations WHERE enrollment_id = $1 ORDER BY code_hash FOR UPDATE', [invitation.enrollmentId]);
        const row = await first<EnrollmentRow>(db, 'SELECT * FROM enrollments WHERE id = $1 FOR UPDATE', [invitation.enrollmentId]);
        if (!row) return { ok: false, reason: 'missing' };
        if (row.accepted_at !== null) return { ok: false, reason: 'accepted' };
        if (row.status === 'ended') return { ok: false, reason: 'ended' };
        await db.query('UPDATE invitations SET expires_at = $1 WHERE enrollment_id = $2 AND redeemed_at IS NULL AND expires_at > $1', [invitation.createdAt, invitation.enrollmentId]);
        await db.query('INSERT INTO invitations (code_hash, enrollment_id, person_id, created_at, expires_at, redeemed_at) VALUES ($1, $2, $3, $4, $5, NULL)', [
          invitation.codeHash, invitation.enrollmentId, invitation.personId, invitation.createdAt, invitation.expiresAt,
        ]);
        await mailOutbox.stage(db, input.mail);
        await audit(db, input.audit);
        return { ok: true };
      });
      if (result.ok) mailOutbox.notify();
      return result;
    },

    recordResponse: async (input) => {
      const recorded = await inTransaction(pool, async (db) => {
        const { response } = input;
        const inserted = await db.query(
          `INSERT INTO responses (id, enrollment_id, client_id, body_hash, module_id, module_version, page_id, registration_id, answers, completes, answered_at, received_at, local_date, scores, zones)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (enrollment_id, client_id) DO NOTHING`,
          [response.id, response.enrollmentId, response.clientId, response.bodyHash, response.moduleId, response.moduleVersion, response.pageId, response.registrationId, JSON.stringify(response.answers), response.completes ? 1 : 0, response.answeredAt, response.receivedAt, response.localDate, JSON.stringify(response.scores), JSON.stringify(response.zones)],
        );
        if ((inserted.rowCount ?? 0) === 0) {
          return { created: false, response: toResponse((await first<ResponseRow>(db, 'SELECT * FROM responses WHERE enrollment_id = $1 AND client_id = $2', [response.enrollmentId, response.clientId]))!) };
        }
        const raised: AlertRecord[] = [];
        for (const alertRecord of input.alerts) if (await insertAlert(db, alertRecord)) raised.push(alertRecord);
        await touchEnrollment(db, response.receivedAt, response.enrollmentId);
        await audit(db, input.audit);
        const stored = toResponse((await first<ResponseRow>(db, 'SELECT * FROM responses WHERE id = $1', [response.id]))!);
        const owner = (await enrollment(db, response.enrollmentId))!;
        await webhooks.stage(db, responseRecordedEvent(stored, { id: owner.id, unitId: owner.unit_id, patientId: owner.patient_id }));
        for (const alertRecord of raised) await webhooks.stage(db, alertRaisedEvent(alertRecord));
        return { created: true, response: stored };
      });
      if (recorded.created) webhooks.notify();
      return recorded;
    },
    listResponses: async (enrollmentId, filter = {}) =>
      (filter.moduleId !== undefined
        ? await all<ResponseRow>(pool, 'SELECT * FROM responses WHERE enrollment_id = $1 AND module_id = $2 ORDER BY seq', [enrollmentId, filter.moduleId])
        : await all<ResponseRow>(pool, 'SELECT * FROM responses WHERE enrollment_id = $1 ORDER BY seq', [enrollmentId])
      ).map(toResponse),
    openAttempt: async (enrollmentId, moduleId) =>
      (await all<ResponseRow>(
        pool,
        `SELECT * FROM responses WHERE enrollment_id = $1 AND module_id = $2 AND registration_id IS NULL
           AND seq > coalesce((SELECT seq FROM responses WHERE enrollment_id = $1 AND module_id = $2 AND registration_id IS NULL AND completes = 1 ORDER BY seq DESC LIMIT 1), 0)
         ORDER BY seq`,
        [enrollmentId, moduleId],
      )).map(toResponse),

    listAlerts: async (filter) => {
      const clauses: string[] = [];
      const values: string[] = [];
      if (filter.unitId !== undefined) {
        values.push(filter.unitId);
        clauses.push(`unit_id = $${values.length}`);
      }
      if (filter.enrollmentId !== undefined) {
        values.push(filter.enrollmentId);
        clauses.push(`enrollment_id = $${values.length}`);
      }
      if (filter.status === 'open') clauses.push('acknowledged_at IS NULL');
      if (filter.status === 'acknowledged') clauses.push('acknowledged_at IS NOT NULL');
      // SQLite breaks ties by rowid (insertion order); alert ids are time-ordered, so id does the same here.
      return (await all<AlertRow>(pool, `SELECT * FROM alerts ${clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY created_at, id`, values)).map(toAlert);
    },
    getAlert: async (id) => {
      const row = await alert(pool, id);
      return row ? toAlert(row) : undefined;
    },
    acknowledgeAlert: async (input) => {
      const result = await inTransaction(pool, async (db) => {
        const updated = await db.query('UPDATE alerts SET acknowledged_at = $1, acknowledged_by = $2 WHERE id = $3 AND acknowledged_at IS NULL', [input.at, input.by, input.id]);
        if ((updated.rowCount ?? 0) === 0) return { ok: false as const, reason: (await alert(db, input.id)) ? ('stale' as const) : ('missing' as const) };
        await audit(db, input.audit);
        const acknowledged = toAlert((await alert(db, input.id))!);
        await webhooks.stage(db, alertAcknowledgedEvent(acknowledged));
        return { ok: true as const, value: acknowledged };
      });
      if (result.ok) webhooks.notify();
      return result;
    },
    raiseAlerts: async (input) => {
      const raised = await inTransaction(pool, async (db) => {
        const stored: AlertRecord[] = [];
        for (const record of input.alerts) {
          if (!(await insertAlert(db, record))) continue;
          await audit(db, input.audit(record));
          const row = toAlert((await alert(db, record.id))!);
          await webhooks.stage(db, alertRaisedEvent(row));
          stored.push(row);
        }
        return stored;
      });
      if (raised.length > 0) webhooks.notify();
      return raised;
    },

    listPlans: async (enrollmentId) => (await all<PlanRow>(pool, 'SELECT * FROM patient_plans WHERE enrollment_id = $1 ORDER BY module_id, registration_id', [enrollmentId])).map(toPlan),
    putPlan: (input) =>
      inTransaction(pool, async (db) => {
        const { plan } = input;
        await db.query(
          `INSERT INTO patient_plans (enrollment_id, module_id, registration_id, overrides, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (enrollment_id, module_id, registration_id) DO UPDATE SET overrides = excluded.overrides, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
          [plan.enrollmentId, plan.moduleId, plan.registrationId, JSON.stringify(plan.overrides), plan.updatedAt, plan.updatedBy],
        );
        await audit(db, input.audit);
        return plan;
      }),

    listMessages: async (enrollmentId) => (await all<MessageRow>(pool, `${MESSAGE_SELECT} WHERE m.enrollment_id = $1 ORDER BY m.seq`, [enrollmentId])).map(toMessage),
    addMessage: (input) =>
      inTransaction(pool, async (db) => {
        const { message } = input;
        // Two retries of one message may arrive at two processes at once: the unique index decides,
        // and the one that lost finds the winner's row.
        const inserted = await db.query(
          `INSERT INTO messages (id, enrollment_id, sender, author_id, body, sent_at, read_at, client_id) VALUES ($1, $2, $3, $4, $5, $6, NULL, $7)
           ON CONFLICT (author_id, client_id) WHERE client_id IS NOT NULL DO NOTHING`,
          [message.id, message.enrollmentId, message.from, message.authorId, message.body, message.sentAt, message.clientId ?? null],
        );
        if (inserted.rowCount === 0) return { message: toMessage((await first<MessageRow>(db, `${MESSAGE_SELECT} WHERE m.author_id = $1 AND m.client_id = $2`, [message.authorId, message.clientId]))!), created: false };
        if (message.from === 'patient') await touchEnrollment(db, message.sentAt, message.enrollmentId);
        await audit(db, input.audit);
        return { message: toMessage((await first<MessageRow>(db, `${MESSAGE_SELECT} WHERE m.id = $1`, [message.id]))!), created: true };
      }),
    markMessagesRead: (input) =>
      inTransaction(pool, async (db) => {
        const count = (await db.query('UPDATE messages SET read_at = $1 WHERE enrollment_id = $2 AND sender = $3 AND read_at IS NULL', [input.at, input.enrollmentId, input.from])).rowCount ?? 0;
        if (count > 0) await audit(db, { ...input.audit, details: { ...input.audit.details, count } });
        return count;
      }),

    createReferral: (input) =>
      inTransaction(pool, async (db) => {
        const { referral: record } = input;
        await db.query(
          `INSERT INTO referrals (id, unit_id, contact, module_id, module_version, answers, scores, received_at, status, decided_at, decided_by, enrollment_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'new', NULL, NULL, NULL)`,
          [record.id, record.unitId, JSON.stringify(record.contact), record.moduleId, record.moduleVersion, JSON.stringify(record.answers), JSON.stringify(record.scores), record.receivedAt],
        );
        await audit(db, input.audit);
        return toReferral((await referral(db, record.id))!);
      }),
    getReferral: async (id) => {
      const row = await referral(pool, id);
      return row ? toReferral(row) : undefined;
    },
    listReferrals: async (unitId) => (await all<ReferralRow>(pool, 'SELECT * FROM referrals WHERE unit_id = $1 ORDER BY received_at DESC, id', [unitId])).map(toReferral),
    declineReferral: (input) =>
      inTransaction(pool, async (db) => {
        const result = await db.query("UPDATE referrals SET status = 'declined', decided_at = $1, decided_by = $2 WHERE id = $3 AND status = 'new'", [input.at, input.by, input.id]);
        if ((result.rowCount ?? 0) === 0) return { ok: false as const, reason: (await referral(db, input.id)) ? ('stale' as const) : ('missing' as const) };
        await audit(db, input.audit);
        return { ok: true as const, value: toReferral((await referral(db, input.id))!) };
      }),

    // The claim and its mail commit together: a claim without its mail would lose the day's
    // reminder. The primary key makes the claim exactly-once across every process's minute job.
    claimReminder: async (input) => {
      const claimed = await inTransaction(pool, async (db) => {
        const inserted = await db.query('INSERT INTO reminders_sent (enrollment_id, kind, item_id, local_date, sent_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [input.enrollmentId, input.kind, input.itemId, input.localDate, input.at]);
        if ((inserted.rowCount ?? 0) === 0) return false;
        await mailOutbox.stage(db, input.mail);
        return true;
      });
      if (claimed) mailOutbox.notify();
      return claimed;
    },
    jobMark: async (name) => (await first<{ last_at: string }>(pool, 'SELECT last_at FROM care_job_marks WHERE name = $1', [name]))?.last_at,
    setJobMark: async (name, at) => {
      // Every process runs the minute job: a run that finishes late must not move the mark back
      // (ISO times in UTC compare as text; "C" so no locale reorders them).
      await pool.query('INSERT INTO care_job_marks (name, last_at) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET last_at = excluded.last_at WHERE care_job_marks.last_at COLLATE "C" < excluded.last_at COLLATE "C"', [name, at]);
    },

    // One answer's read rows commit together: an audit trail naming half the patients a list showed would mislead.
    recordReads: (entries) =>
      inTransaction(pool, async (db) => {
        for (const entry of entries) await audit(db, entry);
      }),
  };
}
