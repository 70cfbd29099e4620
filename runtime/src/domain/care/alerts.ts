import { DomainError } from '../errors.js';
import { actorOf, careAudit, requireAllowed, unitFor } from './care-access.js';
import type { CareContext, CareDeps } from './care-deps.js';
import { authorizeUnit } from './policy.js';
import type { AlertKind, AlertRecord, AlertSeverity } from './ports.js';

export interface AlertView {
  id: string;
  enrollmentId: string;
  patient: { id: string; name: string };
  kind: AlertKind;
  severity: AlertSeverity;
  message: string;
  moduleId: string | null;
  createdAt: string;
  acknowledgedAt?: string;
  acknowledgedBy?: string;
}

export function presentAlert(alert: AlertRecord, patientName: string): AlertView {
  return {
    id: alert.id,
    enrollmentId: alert.enrollmentId,
    patient: { id: alert.patientId, name: patientName },
    kind: alert.kind,
    severity: alert.severity,
    message: alert.message,
    moduleId: alert.moduleId,
    createdAt: alert.createdAt,
    ...(alert.acknowledgedAt !== null ? { acknowledgedAt: alert.acknowledgedAt } : {}),
    ...(alert.acknowledgedBy !== null ? { acknowledgedBy: alert.acknowledgedBy } : {}),
  };
}

const SEVERITY_ORDER: Record<AlertSeverity, number> = { urgent: 0, warning: 1, info: 2 };

export function createAlertCommands(deps: CareDeps) {
  const names = async (alerts: readonly AlertRecord[]) => {
    const byId = new Map<string, string>();
    for (const id of new Set(alerts.map((alert) => alert.patientId))) byId.set(id, (await deps.store.personName(id)) ?? '');
    return byId;
  };

  return {
    /** A unit's alerts: open ones most severe first, acknowledged ones newest first. */
    async listAlerts(context: CareContext, unitId: string, status: 'open' | 'acknowledged' = 'open'): Promise<AlertView[]> {
      const { unit, role } = await unitFor(deps, context, unitId, 'enrollment.read');
      const alerts = await deps.store.listAlerts({ unitId: unit.id, status });
      const byId = await names(alerts);
      await deps.store.recordRead(careAudit(deps, context, { at: deps.now().toISOString(), role, action: 'patient.read', objectType: 'unit', objectId: unit.id, unit, details: { read: 'alerts', status, count: alerts.length } }));
      const sorted = status === 'open'
        ? [...alerts].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.createdAt.localeCompare(b.createdAt))
        : [...alerts].sort((a, b) => (b.acknowledgedAt ?? '').localeCompare(a.acknowledgedAt ?? ''));
      return sorted.map((alert) => presentAlert(alert, byId.get(alert.patientId) ?? ''));
    },

    /** Acknowledges an alert (audited); acknowledging it again changes nothing. */
    async acknowledge(context: CareContext, alertId: string): Promise<AlertView> {
      const alert = await deps.store.getAlert(alertId);
      const unit = alert ? await deps.store.getUnit(alert.unitId) : undefined;
      const role = requireAllowed(authorizeUnit(context.principal, 'enrollment.write', unit ?? { id: '', organisationId: '' }));
      if (!alert || !unit) throw new DomainError('not_found', `There is no alert "${alertId}".`);
      const name = (await deps.store.personName(alert.patientId)) ?? '';
      if (alert.acknowledgedAt !== null) return presentAlert(alert, name);
      const at = deps.now().toISOString();
      const result = await deps.store.acknowledgeAlert({
        id: alert.id,
        at,
        by: actorOf(context),
        audit: careAudit(deps, context, { at, role, action: 'alert.acknowledge', objectType: 'alert', objectId: alert.id, unit, patientId: alert.patientId, details: { kind: alert.kind, enrollmentId: alert.enrollmentId } }),
      });
      if (!result.ok) {
        const current = await deps.store.getAlert(alert.id);
        if (current) return presentAlert(current, name);
        throw new DomainError('not_found', `There is no alert "${alertId}".`);
      }
      return presentAlert(result.value, name);
    },
  };
}
