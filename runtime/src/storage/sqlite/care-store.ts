import { insertIdentityLink } from './external-identity-store.js';
import type Database from 'better-sqlite3';
import type {
  AcceptInvitationResult,
  AlertRecord,
  CareAuditEntry,
  CareStore,
  CreateDeploymentResult,
  DeploymentRecord,
  EnrollmentRecord,
  PlanRecord,
  ReferralRecord,
  UnitRecord,
} from '../../domain/care/ports.js';
import { DomainError } from '../../domain/errors.js';
import { alertAcknowledgedEvent, alertRaisedEvent, enrollmentEvent, responseRecordedEvent } from '../../domain/webhooks/webhook-events.js';
import { groupCommit } from './group-commit.js';
import { createSqliteWebhookEvents, type SqliteWebhookEvents } from './sqlite-webhook-store.js';
import { writeAuditEntry } from './sqlite-audit-log.js';
import { outboxWriter } from './sqlite-mail-outbox.js';
import type { SqliteMailOutbox } from './sqlite-mail-outbox.js';
import type { GroupCommitOptions } from './group-commit.js';
import { alertParameters, toAlert, toDeployment, toEnrollment, toInvitation, toMessage, toPlan, toReferral, toResponse, toUnit } from './care-rows.js';
import type { AlertRow, DeploymentRow, EnrollmentRow, InvitationRow, MessageRow, PlanRow, ReferralRow, ResponseRow, UnitRow } from './care-rows.js';

/**
 * The care store on SQLite. Each write is one synchronous better-sqlite3 transaction with its
 * audit_log row; a response is one savepoint of a group commit, durable when its promise resolves.
 * Responses are idempotent through UNIQUE (enrollment_id, client_id): the insert is
 * `ON CONFLICT DO NOTHING`, and a conflict returns the row already there, so two concurrent
 * submissions of one client id store one row without any read-then-write race.
 *
 * @example
 * const store = createSqliteCareStore(db);
 * const { created, response } = await store.recordResponse({ response, alerts, audit });
 */
export function createSqliteCareStore(
  db: Database.Database,
  options: {
    groupCommit?: GroupCommitOptions;
    /** Where an enrollment's invitation and a claimed reminder's e-mail go, inside their transaction; the development outbox (held) by default. */
    mail?: Pick<SqliteMailOutbox, 'stage' | 'notify'>;
    /** Where the webhook events of responses, alerts and enrollments go, inside the transaction that causes them. */
    webhooks?: SqliteWebhookEvents;
  } = {},
): CareStore {
  const mailOutbox = options.mail ?? { stage: outboxWriter(db, 'held'), notify: () => undefined };
  const webhooks = options.webhooks ?? createSqliteWebhookEvents(db);
  const audit = (entry: CareAuditEntry) => writeAuditEntry(db, entry);

  const selectUnit = db.prepare('SELECT * FROM care_units WHERE id = ?');
  const selectDeployment = db.prepare('SELECT * FROM deployments WHERE id = ?');
  const selectEnrollment = db.prepare('SELECT * FROM enrollments WHERE id = ?');
  const selectResponseByClient = db.prepare('SELECT * FROM responses WHERE enrollment_id = ? AND client_id = ?');
  const selectAlert = db.prepare('SELECT * FROM alerts WHERE id = ?');
  const selectMessage = db.prepare('SELECT m.*, p.name AS author_name FROM messages m JOIN people p ON p.id = m.author_id WHERE m.id = ?');
  const selectReferral = db.prepare('SELECT * FROM referrals WHERE id = ?');
  const insertAlert = db.prepare(
    `INSERT INTO alerts (id, enrollment_id, unit_id, patient_id, kind, severity, message, details, module_id, response_id, dedupe_key, created_at, acknowledged_at, acknowledged_by)
     VALUES (@id, @enrollmentId, @unitId, @patientId, @kind, @severity, @message, @details, @moduleId, @responseId, @dedupeKey, @createdAt, NULL, NULL)
     ON CONFLICT DO NOTHING`,
  );
  const insertResponse = db.prepare(
    `INSERT INTO responses (id, enrollment_id, client_id, body_hash, module_id, module_version, page_id, registration_id, answers, completes, answered_at, received_at, local_date, scores, zones)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (enrollment_id, client_id) DO NOTHING`,
  );
  // The statements of the patient's answer path are prepared once: compiling the SQL again on
  // every request cost more than running it.
  const touchEnrollment = db.prepare('UPDATE enrollments SET last_activity_at = ? WHERE id = ?');
  const selectResponses = db.prepare('SELECT * FROM responses WHERE enrollment_id = ? ORDER BY seq');
  const selectModuleResponses = db.prepare('SELECT * FROM responses WHERE enrollment_id = ? AND module_id = ? ORDER BY seq');
  // The last completion is found by walking responses_by_enrollment backwards from the newest row,
  // so the cost stays with the attempt in progress however many attempts came before.
  const selectOpenAttempt = db.prepare(
    `SELECT * FROM responses WHERE enrollment_id = @enrollmentId AND module_id = @moduleId AND registration_id IS NULL
       AND seq > ifnull((SELECT seq FROM responses WHERE enrollment_id = @enrollmentId AND module_id = @moduleId AND registration_id IS NULL AND completes = 1 ORDER BY seq DESC LIMIT 1), 0)
     ORDER BY seq`,
  );
  const selectPlans = db.prepare('SELECT * FROM patient_plans WHERE enrollment_id = ? ORDER BY module_id, registration_id');
  // Every request of the patient app lists the patient's enrollments (authorisation, module access).
  const selectEnrollmentsOfPatient = db.prepare('SELECT * FROM enrollments WHERE patient_id = ? ORDER BY created_at, id');
  const unitParams = (unit: UnitRecord) => ({ ...unit, active: unit.active ? 1 : 0, settings: JSON.stringify(unit.settings) });

  const createUnit = db.transaction((input: { unit: UnitRecord; audit: CareAuditEntry }) => {
    db.prepare(
      `INSERT INTO care_units (id, organisation_id, name, active, time_zone, settings, intake_deployment_id, created_at, updated_at)
       VALUES (@id, @organisationId, @name, @active, @timeZone, @settings, @intakeDeploymentId, @createdAt, @updatedAt)`,
    ).run(unitParams(input.unit));
    audit(input.audit);
    return toUnit(selectUnit.get(input.unit.id) as UnitRow);
  });

  const updateUnit = db.transaction((input: { unit: UnitRecord; audit: CareAuditEntry }) => {
    db.prepare('UPDATE care_units SET name = @name, active = @active, time_zone = @timeZone, settings = @settings, intake_deployment_id = @intakeDeploymentId, updated_at = @updatedAt WHERE id = @id').run(unitParams(input.unit));
    audit(input.audit);
    return toUnit(selectUnit.get(input.unit.id) as UnitRow);
  });

  const selectActiveDeploymentOf = db.prepare("SELECT * FROM deployments WHERE unit_id = ? AND document_id = ? AND version = ? AND status = 'active' ORDER BY deployed_at, id LIMIT 1");
  // Check and insert in one transaction on the one connection: two presses of Deploy cannot both pass.
  const createDeployment = db.transaction((input: { deployment: DeploymentRecord; audit: CareAuditEntry }): CreateDeploymentResult => {
    const { deployment } = input;
    const existing = selectActiveDeploymentOf.get(deployment.unitId, deployment.documentId, deployment.version) as DeploymentRow | undefined;
    if (existing) return { ok: false, reason: 'duplicate', existing: toDeployment(existing) };
    db.prepare(
      `INSERT INTO deployments (id, unit_id, kind, document_id, version, title, content_hash, modules, status, deployed_at, deployed_by, withdrawn_at)
       VALUES (@id, @unitId, @kind, @documentId, @version, @title, @contentHash, @modules, @status, @deployedAt, @deployedBy, NULL)`,
    ).run({ ...deployment, modules: JSON.stringify(deployment.modules) });
    audit(input.audit);
    return { ok: true, value: toDeployment(selectDeployment.get(deployment.id) as DeploymentRow) };
  });

  const withdrawDeployment = db.transaction((input: { id: string; at: string; audit: CareAuditEntry }) => {
    const result = db.prepare("UPDATE deployments SET status = 'withdrawn', withdrawn_at = ? WHERE id = ? AND status = 'active'").run(input.at, input.id);
    if (result.changes === 0) return { ok: false as const, reason: selectDeployment.get(input.id) ? ('stale' as const) : ('missing' as const) };
    audit(input.audit);
    return { ok: true as const, value: toDeployment(selectDeployment.get(input.id) as DeploymentRow) };
  });

  const createEnrollment = db.transaction((input: Parameters<CareStore['createEnrollment']>[0]) => {
    const { enrollment, invitation, referral } = input;
    if (referral) {
      const decided = db.prepare("UPDATE referrals SET status = 'accepted', decided_at = ?, decided_by = ?, enrollment_id = NULL WHERE id = ? AND status = 'new'").run(referral.at, referral.by, referral.id);
      if (decided.changes === 0) throw new DomainError('conflict', 'The referral was decided meanwhile.');
    }
    db.prepare(
      `INSERT INTO enrollments (id, unit_id, deployment_id, patient_id, status, started_on, started_at, modules, created_by, created_at, updated_at, last_activity_at, accepted_at, invited_name, language)
       VALUES (@id, @unitId, @deploymentId, @patientId, @status, @startedOn, @startedAt, @modules, @createdBy, @createdAt, @updatedAt, NULL, NULL, @invitedName, @language)`,
    ).run({ ...enrollment, modules: JSON.stringify(enrollment.modules), language: enrollment.language ?? null });
    db.prepare('INSERT INTO invitations (code_hash, enrollment_id, person_id, created_at, expires_at, redeemed_at) VALUES (@codeHash, @enrollmentId, @personId, @createdAt, @expiresAt, NULL)').run(invitation);
    if (referral) db.prepare('UPDATE referrals SET enrollment_id = ? WHERE id = ?').run(enrollment.id, referral.id);
    if (input.mail) mailOutbox.stage(input.mail);
    audit(input.audit);
    const created = toEnrollment(selectEnrollment.get(enrollment.id) as EnrollmentRow);
    const started = enrollmentEvent(created, 'started', created.createdAt);
    if (started) webhooks.stage(started);
    return created;
  });

  // Checked and written on the one connection: an acceptance cannot slip between the check and the new code.
  const replaceInvitation = db.transaction((input: Parameters<CareStore['replaceInvitation']>[0]): Awaited<ReturnType<CareStore['replaceInvitation']>> => {
    const { invitation } = input;
    const row = selectEnrollment.get(invitation.enrollmentId) as EnrollmentRow | undefined;
    if (!row) return { ok: false, reason: 'missing' };
    if (row.accepted_at !== null) return { ok: false, reason: 'accepted' };
    if (row.status === 'ended') return { ok: false, reason: 'ended' };
    db.prepare('UPDATE invitations SET expires_at = @at WHERE enrollment_id = @enrollmentId AND redeemed_at IS NULL AND expires_at > @at').run({ at: invitation.createdAt, enrollmentId: invitation.enrollmentId });
    db.prepare('INSERT INTO invitations (code_hash, enrollment_id, person_id, created_at, expires_at, redeemed_at) VALUES (@codeHash, @enrollmentId, @personId, @createdAt, @expiresAt, NULL)').run(invitation);
    mailOutbox.stage(input.mail);
    audit(input.audit);
    return { ok: true };
  });

  const setEnrollmentStatus = db.transaction((input: { id: string; status: EnrollmentRecord['status']; at: string; audit: CareAuditEntry }) => {
    const before = selectEnrollment.get(input.id) as EnrollmentRow | undefined;
    db.prepare('UPDATE enrollments SET status = ?, updated_at = ? WHERE id = ?').run(input.status, input.at, input.id);
    audit(input.audit);
    const changed = toEnrollment(selectEnrollment.get(input.id) as EnrollmentRow);
    const event = before && before.status !== changed.status ? enrollmentEvent(changed, 'status', input.at) : undefined;
    if (event) webhooks.stage(event);
    return changed;
  });

  // Every check is inside the transaction, so two takers of one code, or a password chosen
  // meanwhile through another invitation, cannot both get through.
  const acceptInvitation = db.transaction((input: Parameters<CareStore['acceptInvitation']>[0]): AcceptInvitationResult => {
    const row = db.prepare('SELECT * FROM invitations WHERE code_hash = ?').get(input.codeHash) as InvitationRow | undefined;
    if (!row) return { ok: false, reason: 'missing' };
    if (row.redeemed_at !== null || row.expires_at <= input.at) return { ok: false, reason: 'stale' };
    if (row.person_id !== input.personId) return { ok: false, reason: 'not_yours' };
    // Ending an enrollment before the patient took it up withdraws its invitation.
    if ((selectEnrollment.get(row.enrollment_id) as EnrollmentRow | undefined)?.status === 'ended') return { ok: false, reason: 'stale' };
    if (input.firstPasswordHash !== undefined) {
      const set = db.prepare('UPDATE people SET password_hash = ?, password_chosen_at = ? WHERE id = ? AND password_chosen_at IS NULL').run(input.firstPasswordHash, input.at, input.personId);
      if (set.changes === 0) return { ok: false, reason: 'has_password' };
    }
    if (input.identity !== undefined) {
      // Signing in at a provider proves who the person is to the provider, not that they own an
      // account with a password: only an account nobody has chosen a password for may be linked here.
      const person = db.prepare('SELECT password_chosen_at FROM people WHERE id = ?').get(input.personId) as { password_chosen_at: string | null } | undefined;
      if (!person || person.password_chosen_at !== null) return { ok: false, reason: 'has_password' };
      insertIdentityLink(db, { ...input.identity, personId: input.personId, at: input.at, audit: { at: input.at, actorId: input.personId, ...(input.audit.ip ? { ip: input.audit.ip } : {}), ...(input.audit.requestId ? { requestId: input.audit.requestId } : {}) } });
    }
    db.prepare('UPDATE invitations SET redeemed_at = ? WHERE code_hash = ?').run(input.at, input.codeHash);
    db.prepare("UPDATE enrollments SET accepted_at = ?, status = CASE status WHEN 'invited' THEN 'active' ELSE status END, updated_at = ? WHERE id = ?").run(input.at, input.at, row.enrollment_id);
    const enrollment = toEnrollment(selectEnrollment.get(row.enrollment_id) as EnrollmentRow);
    const unit = selectUnit.get(enrollment.unitId) as UnitRow;
    db.prepare(
      "INSERT OR IGNORE INTO memberships (person_id, organisation_id, role, unit_id, granted_by, granted_at) VALUES (?, ?, 'patient', ?, ?, ?)",
    ).run(input.personId, unit.organisation_id, unit.id, enrollment.createdBy, input.at);
    audit(input.audit);
    return { ok: true, value: { invitation: toInvitation({ ...row, redeemed_at: input.at }), enrollment } };
  });

  // Answers arrive in bursts from many patients; sharing the commit's fsync between the answers of
  // one event-loop turn is what lets the runtime keep up (see group-commit.ts for the guarantees).
  const recordResponse = groupCommit(db, (input: Parameters<CareStore['recordResponse']>[0]) => {
    const { response } = input;
    // Positional, in the column order above: binding by name (and copying the record to add the
    // JSON) costs about a fifth of an insert, as for the audit row (sqlite-audit-log.ts).
    const inserted = insertResponse.run(
      response.id, response.enrollmentId, response.clientId, response.bodyHash, response.moduleId, response.moduleVersion, response.pageId, response.registrationId,
      JSON.stringify(response.answers), response.completes ? 1 : 0, response.answeredAt, response.receivedAt, response.localDate, JSON.stringify(response.scores), JSON.stringify(response.zones),
    );
    if (inserted.changes === 0) {
      return { created: false, response: toResponse(selectResponseByClient.get(response.enrollmentId, response.clientId) as ResponseRow) };
    }
    const raised = input.alerts.filter((alert) => insertAlert.run(alertParameters(alert)).changes > 0);
    touchEnrollment.run(response.receivedAt, response.enrollmentId);
    audit(input.audit);
    // The row holds exactly `response` (no defaults, no triggers that rewrite it): no read-back.
    if (webhooks.wantedForEnrollment('response.recorded', response.enrollmentId)) {
      const enrollment = selectEnrollment.get(response.enrollmentId) as EnrollmentRow;
      webhooks.stage(responseRecordedEvent(response, { id: enrollment.id, unitId: enrollment.unit_id, patientId: enrollment.patient_id }));
    }
    for (const alert of raised) webhooks.stage(alertRaisedEvent(alert));
    return { created: true, response };
  }, options.groupCommit);

  const acknowledgeAlert = db.transaction((input: { id: string; at: string; by: string; audit: CareAuditEntry }) => {
    const result = db.prepare('UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND acknowledged_at IS NULL').run(input.at, input.by, input.id);
    if (result.changes === 0) return { ok: false as const, reason: selectAlert.get(input.id) ? ('stale' as const) : ('missing' as const) };
    audit(input.audit);
    const acknowledged = toAlert(selectAlert.get(input.id) as AlertRow);
    webhooks.stage(alertAcknowledgedEvent(acknowledged));
    return { ok: true as const, value: acknowledged };
  });

  const raiseAlerts = db.transaction((input: Parameters<CareStore['raiseAlerts']>[0]) => {
    const raised: AlertRecord[] = [];
    for (const alert of input.alerts) {
      if (insertAlert.run(alertParameters(alert)).changes === 0) continue;
      audit(input.audit(alert));
      const stored = toAlert(selectAlert.get(alert.id) as AlertRow);
      webhooks.stage(alertRaisedEvent(stored));
      raised.push(stored);
    }
    return raised;
  });

  // One answer's read rows commit together: an audit trail naming half the patients a list showed would mislead.
  const recordReads = db.transaction((entries: readonly CareAuditEntry[]) => {
    for (const entry of entries) audit(entry);
  });

  const insertReminder = db.prepare('INSERT INTO reminders_sent (enrollment_id, kind, item_id, local_date, sent_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING');
  // The claim and its mail commit together: a claim without its mail would lose the day's reminder.
  const claimReminder = db.transaction((input: Parameters<CareStore['claimReminder']>[0]) => {
    if (insertReminder.run(input.enrollmentId, input.kind, input.itemId, input.localDate, input.at).changes === 0) return false;
    mailOutbox.stage(input.mail);
    return true;
  });

  const putPlan = db.transaction((input: { plan: PlanRecord; audit: CareAuditEntry }) => {
    const { plan } = input;
    db.prepare(
      `INSERT INTO patient_plans (enrollment_id, module_id, registration_id, overrides, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (enrollment_id, module_id, registration_id) DO UPDATE SET overrides = excluded.overrides, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ).run(plan.enrollmentId, plan.moduleId, plan.registrationId, JSON.stringify(plan.overrides), plan.updatedAt, plan.updatedBy);
    audit(input.audit);
    return plan;
  });

  const selectMessageByClientId = db.prepare('SELECT m.*, p.name AS author_name FROM messages m JOIN people p ON p.id = m.author_id WHERE m.author_id = ? AND m.client_id = ?');
  const addMessage = db.transaction((input: Parameters<CareStore['addMessage']>[0]) => {
    const { message } = input;
    if (message.clientId !== undefined) {
      const existing = selectMessageByClientId.get(message.authorId, message.clientId) as MessageRow | undefined;
      if (existing) return { message: toMessage(existing), created: false };
    }
    db.prepare('INSERT INTO messages (id, enrollment_id, sender, author_id, body, sent_at, read_at, client_id) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)').run(message.id, message.enrollmentId, message.from, message.authorId, message.body, message.sentAt, message.clientId ?? null);
    if (message.from === 'patient') touchEnrollment.run(message.sentAt, message.enrollmentId);
    audit(input.audit);
    return { message: toMessage(selectMessage.get(message.id) as MessageRow), created: true };
  });

  const markMessagesRead = db.transaction((input: Parameters<CareStore['markMessagesRead']>[0]) => {
    const result = db.prepare('UPDATE messages SET read_at = ? WHERE enrollment_id = ? AND sender = ? AND read_at IS NULL').run(input.at, input.enrollmentId, input.from);
    if (result.changes > 0) audit({ ...input.audit, details: { ...input.audit.details, count: result.changes } });
    return result.changes;
  });

  const createReferral = db.transaction((input: { referral: ReferralRecord; audit: CareAuditEntry }) => {
    const { referral } = input;
    db.prepare(
      `INSERT INTO referrals (id, unit_id, contact, module_id, module_version, answers, scores, received_at, status, decided_at, decided_by, enrollment_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'new', NULL, NULL, NULL)`,
    ).run(referral.id, referral.unitId, JSON.stringify(referral.contact), referral.moduleId, referral.moduleVersion, JSON.stringify(referral.answers), JSON.stringify(referral.scores), referral.receivedAt);
    audit(input.audit);
    return toReferral(selectReferral.get(referral.id) as ReferralRow);
  });

  const declineReferral = db.transaction((input: { id: string; at: string; by: string; audit: CareAuditEntry }) => {
    const result = db.prepare("UPDATE referrals SET status = 'declined', decided_at = ?, decided_by = ? WHERE id = ? AND status = 'new'").run(input.at, input.by, input.id);
    if (result.changes === 0) return { ok: false as const, reason: selectReferral.get(input.id) ? ('stale' as const) : ('missing' as const) };
    audit(input.audit);
    return { ok: true as const, value: toReferral(selectReferral.get(input.id) as ReferralRow) };
  });

  return {
    createUnit: async (input) => createUnit(input),
    updateUnit: async (input) => updateUnit(input),
    getUnit: async (id) => {
      const row = selectUnit.get(id) as UnitRow | undefined;
      return row ? toUnit(row) : undefined;
    },
    listUnits: async ({ organisationIds, unitIds }) =>
      (db.prepare('SELECT * FROM care_units WHERE organisation_id IN (SELECT value FROM json_each(?)) OR id IN (SELECT value FROM json_each(?)) ORDER BY name, id').all(JSON.stringify(organisationIds), JSON.stringify(unitIds)) as UnitRow[]).map(toUnit),

    createDeployment: async (input) => createDeployment(input),
    getDeployment: async (id) => {
      const row = selectDeployment.get(id) as DeploymentRow | undefined;
      return row ? toDeployment(row) : undefined;
    },
    listDeployments: async (unitId) => (db.prepare('SELECT * FROM deployments WHERE unit_id = ? ORDER BY deployed_at, id').all(unitId) as DeploymentRow[]).map(toDeployment),
    withdrawDeployment: async (input) => withdrawDeployment(input),

    createEnrollment: async (input) => {
      const enrollment = createEnrollment(input);
      if (input.mail) mailOutbox.notify();
      webhooks.notify();
      return enrollment;
    },
    getEnrollment: async (id) => {
      const row = selectEnrollment.get(id) as EnrollmentRow | undefined;
      return row ? toEnrollment(row) : undefined;
    },
    listEnrollmentsOfUnit: async (unitId) => (db.prepare('SELECT * FROM enrollments WHERE unit_id = ? ORDER BY created_at, id').all(unitId) as EnrollmentRow[]).map(toEnrollment),
    listEnrollmentsOfPatient: async (patientId) => (selectEnrollmentsOfPatient.all(patientId) as EnrollmentRow[]).map(toEnrollment),
    listOpenEnrollments: async () => (db.prepare("SELECT * FROM enrollments WHERE status <> 'ended' ORDER BY id").all() as EnrollmentRow[]).map(toEnrollment),
    setEnrollmentStatus: async (input) => {
      const enrollment = setEnrollmentStatus(input);
      webhooks.notify();
      return enrollment;
    },
    enrollmentActivity: async (unitId) =>
      (db.prepare(
        // Until the patient accepts, the name the therapist typed: never the name of an account that had the address.
        `SELECT e.id AS enrollment_id, CASE WHEN e.accepted_at IS NULL AND e.invited_name IS NOT NULL THEN e.invited_name ELSE p.name END AS patient_name,
           (SELECT count(*) FROM alerts a WHERE a.enrollment_id = e.id AND a.acknowledged_at IS NULL) AS open_alerts,
           (SELECT count(*) FROM messages m WHERE m.enrollment_id = e.id AND m.sender = 'patient' AND m.read_at IS NULL) AS unread_messages
         FROM enrollments e JOIN people p ON p.id = e.patient_id WHERE e.unit_id = ?`,
      ).all(unitId) as Array<{ enrollment_id: string; patient_name: string; open_alerts: number; unread_messages: number }>).map((row) => ({
        enrollmentId: row.enrollment_id,
        patientName: row.patient_name,
        openAlerts: row.open_alerts,
        unreadMessages: row.unread_messages,
      })),
    personName: async (personId) => (db.prepare('SELECT name FROM people WHERE id = ?').get(personId) as { name: string } | undefined)?.name,

    findInvitation: async (codeHash) => {
      const row = db.prepare('SELECT * FROM invitations WHERE code_hash = ?').get(codeHash) as InvitationRow | undefined;
      return row ? toInvitation(row) : undefined;
    },
    acceptInvitation: async (input) => acceptInvitation(input),
    replaceInvitation: async (input) => {
      const result = replaceInvitation(input);
      if (result.ok) mailOutbox.notify();
      return result;
    },

    // Notified once the group commit made the response durable, not before.
    recordResponse: async (input) => {
      const recorded = await recordResponse(input);
      if (recorded.created) webhooks.notify();
      return recorded;
    },
    listResponses: async (enrollmentId, filter = {}) =>
      ((filter.moduleId !== undefined ? selectModuleResponses.all(enrollmentId, filter.moduleId) : selectResponses.all(enrollmentId)) as ResponseRow[]).map(toResponse),

    openAttempt: async (enrollmentId, moduleId) => (selectOpenAttempt.all({ enrollmentId, moduleId }) as ResponseRow[]).map(toResponse),

    listAlerts: async (filter) => {
      const clauses: string[] = [];
      const parameters: string[] = [];
      if (filter.unitId !== undefined) {
        clauses.push('unit_id = ?');
        parameters.push(filter.unitId);
      }
      if (filter.enrollmentId !== undefined) {
        clauses.push('enrollment_id = ?');
        parameters.push(filter.enrollmentId);
      }
      if (filter.status === 'open') clauses.push('acknowledged_at IS NULL');
      if (filter.status === 'acknowledged') clauses.push('acknowledged_at IS NOT NULL');
      const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
      return (db.prepare(`SELECT * FROM alerts ${where} ORDER BY created_at, rowid`).all(...parameters) as AlertRow[]).map(toAlert);
    },
    getAlert: async (id) => {
      const row = selectAlert.get(id) as AlertRow | undefined;
      return row ? toAlert(row) : undefined;
    },
    acknowledgeAlert: async (input) => {
      const result = acknowledgeAlert(input);
      if (result.ok) webhooks.notify();
      return result;
    },
    raiseAlerts: async (input) => {
      const raised = raiseAlerts(input);
      if (raised.length > 0) webhooks.notify();
      return raised;
    },

    listPlans: async (enrollmentId) => (selectPlans.all(enrollmentId) as PlanRow[]).map(toPlan),
    putPlan: async (input) => putPlan(input),

    listMessages: async (enrollmentId) =>
      (db.prepare('SELECT m.*, p.name AS author_name FROM messages m JOIN people p ON p.id = m.author_id WHERE m.enrollment_id = ? ORDER BY m.seq').all(enrollmentId) as MessageRow[]).map(toMessage),
    addMessage: async (input) => addMessage(input),
    markMessagesRead: async (input) => markMessagesRead(input),

    createReferral: async (input) => createReferral(input),
    getReferral: async (id) => {
      const row = selectReferral.get(id) as ReferralRow | undefined;
      return row ? toReferral(row) : undefined;
    },
    listReferrals: async (unitId) => (db.prepare('SELECT * FROM referrals WHERE unit_id = ? ORDER BY received_at DESC, id').all(unitId) as ReferralRow[]).map(toReferral),
    declineReferral: async (input) => declineReferral(input),

    claimReminder: async (input) => {
      const claimed = claimReminder(input);
      if (claimed) mailOutbox.notify();
      return claimed;
    },
    jobMark: async (name) => (db.prepare('SELECT last_at FROM care_job_marks WHERE name = ?').get(name) as { last_at: string } | undefined)?.last_at,
    setJobMark: async (name, at) => {
      // Never moved back, as on PostgreSQL where several processes run the job (ISO times in UTC compare as text).
      db.prepare('INSERT INTO care_job_marks (name, last_at) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET last_at = excluded.last_at WHERE care_job_marks.last_at < excluded.last_at').run(name, at);
    },

    recordReads: async (entries) => recordReads(entries),
  };
}

