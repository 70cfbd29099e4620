import type { Alert as WireAlert } from '@careloom/format/api';
import { DomainError } from '../errors.js';
import { actorOf, auditPatientReads, auditRefusal, careAudit, unitFor } from './care-access.js';
import type { CareContext, CareDeps } from './care-deps.js';
import { authorizeUnit } from './policy.js';
import { respondBy } from './alert-safety.js';
import type { AlertAction, AlertRecord, AlertSeverity } from './ports.js';

/**
 * An alert as the API shows it: the wire type (schemas/json/api/care.schema.json `Alert`). The English
 * `message` stays for the audit trail and older clients; `code` and `params` say it as data.
 */
export type AlertView = WireAlert;

/** The unit's time zone (for the deadline) and now (for "overdue"). */
export interface AlertClock {
  timeZone: string;
  now: string;
}

/** Names of the people alerts mention (their patients and who acknowledged them), by person id. */
export async function alertPeople(deps: CareDeps, alerts: readonly AlertRecord[]): Promise<Map<string, string>> {
  const byId = new Map<string, string>();
  const ids = new Set(alerts.flatMap((alert) => (alert.acknowledgedBy !== null ? [alert.patientId, alert.acknowledgedBy] : [alert.patientId])));
  for (const id of ids) byId.set(id, (await deps.store.personName(id)) ?? '');
  return byId;
}

export function presentAlert(alert: AlertRecord, people: ReadonlyMap<string, string>, clock?: AlertClock): AlertView {
  const deadline = clock ? respondBy(alert, clock) : null;
  return {
    id: alert.id,
    enrollmentId: alert.enrollmentId,
    patient: { id: alert.patientId, name: people.get(alert.patientId) ?? '' },
    kind: alert.kind,
    severity: alert.severity,
    message: alert.message,
    // The stored details are exactly `code` and `params`; spread whole, so the code stays tied to its params' shape.
    ...(alert.details ?? {}),
    moduleId: alert.moduleId,
    createdAt: alert.createdAt,
    ...(alert.acknowledgedAt !== null ? { acknowledgedAt: alert.acknowledgedAt } : {}),
    ...(alert.acknowledgedBy !== null ? { acknowledgedBy: people.get(alert.acknowledgedBy) ?? '' } : {}),
    ...(deadline !== null && clock ? { respondBy: deadline, overdue: alert.acknowledgedAt === null && deadline <= clock.now } : {}),
    ...(alert.escalatedAt ? { escalatedAt: alert.escalatedAt } : {}),
    ...(alert.actionTaken ? { actionTaken: alert.actionTaken } : {}),
  };
}

/** The alerts of one list, per enrollment: what the audit log records of each patient it showed. */
function alertsByEnrollment(alerts: readonly AlertRecord[]): Array<{ enrollmentId: string; patientId: string; alertIds: string[] }> {
  const groups = new Map<string, { enrollmentId: string; patientId: string; alertIds: string[] }>();
  for (const alert of alerts) {
    const group = groups.get(alert.enrollmentId) ?? { enrollmentId: alert.enrollmentId, patientId: alert.patientId, alertIds: [] };
    group.alertIds.push(alert.id);
    groups.set(alert.enrollmentId, group);
  }
  return [...groups.values()];
}

const SEVERITY_ORDER: Record<AlertSeverity, number> = { urgent: 0, warning: 1, info: 2 };

export function createAlertCommands(deps: CareDeps) {
  return {
    /** A unit's alerts: open ones most severe first, acknowledged ones newest first. */
    async listAlerts(context: CareContext, unitId: string, status: 'open' | 'acknowledged' = 'open'): Promise<AlertView[]> {
      const { unit, role } = await unitFor(deps, context, unitId, 'enrollment.read');
      const alerts = await deps.store.listAlerts({ unitId: unit.id, status });
      const people = await alertPeople(deps, alerts);
      await auditPatientReads(deps, context, role, unit, alertsByEnrollment(alerts).map(({ enrollmentId, patientId, alertIds }) => ({ enrollment: { id: enrollmentId, patientId }, details: { read: 'alerts', status, alertIds } })));
      const clock: AlertClock = { timeZone: unit.timeZone, now: deps.now().toISOString() };
      const deadlines = new Map(alerts.map((alert) => [alert.id, respondBy(alert, unit)]));
      // Open alerts: those with a deadline first, soonest (so overdue) first; then the others, most severe and oldest first.
      const byDeadline = (a: AlertRecord, b: AlertRecord) => {
        const [left, right] = [deadlines.get(a.id) ?? null, deadlines.get(b.id) ?? null];
        if (left !== null && right !== null) return left.localeCompare(right);
        return left !== null ? -1 : right !== null ? 1 : 0;
      };
      const sorted = status === 'open'
        ? [...alerts].sort((a, b) => byDeadline(a, b) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.createdAt.localeCompare(b.createdAt))
        : [...alerts].sort((a, b) => (b.acknowledgedAt ?? '').localeCompare(a.acknowledgedAt ?? ''));
      return sorted.map((alert) => presentAlert(alert, people, clock));
    },

    /**
     * Acknowledges an alert with the action taken (audited, the note kept in the alert, not in the
     * audit row); acknowledging it again changes nothing and keeps the first action. `readAction`
     * is called only once the caller may act on the alert, so a refusal never depends on the body.
     */
    async acknowledge(context: CareContext, alertId: string, readAction: () => Promise<AlertAction>): Promise<AlertView> {
      const alert = await deps.store.getAlert(alertId);
      const unit = alert ? await deps.store.getUnit(alert.unitId) : undefined;
      const decision = authorizeUnit(context.principal, 'enrollment.write', unit ?? { id: '', organisationId: '' });
      if (!decision.allowed || !alert || !unit) {
        const refusal = decision.allowed ? { code: 'not_found' as const, reason: `There is no alert "${alertId}".` } : decision;
        await auditRefusal(deps, context, refusal, { permission: 'enrollment.write', objectType: 'alert', objectId: alertId, unit, patientId: alert?.patientId });
        throw new DomainError(refusal.code, refusal.reason);
      }
      const role = decision.role;
      const clock: AlertClock = { timeZone: unit.timeZone, now: deps.now().toISOString() };
      const action = await readAction();
      if (alert.acknowledgedAt !== null) return presentAlert(alert, await alertPeople(deps, [alert]), clock);
      const note = action.note?.trim() ?? '';
      if (action.kind === 'other' && note === '') {
        const message = 'Say what was done: "other" needs a note.';
        throw new DomainError('invalid', message, { issues: [{ code: 'alert.action_note_missing', path: '/action/note', message }] });
      }
      const at = clock.now;
      const result = await deps.alertSafety.acknowledgeWithAction({
        id: alert.id,
        at,
        by: actorOf(context),
        action: { kind: action.kind, ...(note !== '' ? { note } : {}) },
        audit: careAudit(deps, context, { at, role, action: 'alert.acknowledge', objectType: 'alert', objectId: alert.id, unit, patientId: alert.patientId, details: { kind: alert.kind, enrollmentId: alert.enrollmentId, actionTaken: action.kind } }),
      });
      if (!result.ok) {
        const current = await deps.store.getAlert(alert.id);
        if (current) return presentAlert(current, await alertPeople(deps, [current]), clock);
        throw new DomainError('not_found', `There is no alert "${alertId}".`);
      }
      return presentAlert(result.value, await alertPeople(deps, [result.value]), clock);
    },
  };
}
