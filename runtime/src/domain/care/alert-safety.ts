import { parseInstant, responseDeadline } from '@careloom/format/engine';
import { alertMail } from './alert-mail.js';
import { careAudit } from './care-access.js';
import type { CareContext, CareDeps } from './care-deps.js';
import type { AlertRecord, QueuedMail, UnitRecord } from './ports.js';

/**
 * The safety protocol of alerts. A rule may set a response deadline (`scoring.alerts[].response`,
 * kept in the alert's details when it is raised); the deadline is worked out in the unit's time
 * zone by the engine. The minute job (`runAlertProtocol`) e-mails the unit's therapists about each
 * new urgent alert, and escalates an alert still unacknowledged at its deadline to the unit's
 * other therapists and the care provider's administrators (the unit's lead). The e-mails name no
 * patient (alert-mail.ts). Acknowledging records the action taken (alerts.ts).
 */

/** The alert's response deadline (an instant), or null when its rule sets none. */
export function respondBy(alert: AlertRecord, unit: Pick<UnitRecord, 'timeZone'>): string | null {
  const response = alert.details && alert.details.code !== 'missing_report' && alert.details.code !== 'zone' ? alert.details.params.response : undefined;
  return responseDeadline(alert.createdAt, unit.timeZone, response);
}

function escalates(alert: AlertRecord): boolean {
  const response = alert.details && (alert.details.code === 'score_band' || alert.details.code === 'item_threshold') ? alert.details.params.response : undefined;
  return response !== undefined && response.escalate !== false;
}

function languageOf(alert: AlertRecord): string {
  return alert.details?.params.defaultLanguage ?? 'en';
}

export interface AlertProtocolResult {
  /** Urgent alerts whose unit was e-mailed. */
  notified: number;
  escalated: number;
}

const SYSTEM: CareContext = { principal: undefined, requestId: null, ip: null };

export function createAlertProtocolCommands(deps: CareDeps) {
  return {
    /** Runs once a minute with the other due work, on the injected clock. Each write is idempotent (marked once). */
    async runAlertProtocol(at: Date): Promise<AlertProtocolResult> {
      const now = at.toISOString();
      const result: AlertProtocolResult = { notified: 0, escalated: 0 };
      const units = new Map<string, UnitRecord | undefined>();
      for (const alert of await deps.alertSafety.listOpenForProtocol()) {
        try {
          if (!units.has(alert.unitId)) units.set(alert.unitId, await deps.store.getUnit(alert.unitId));
          const unit = units.get(alert.unitId);
          if (!unit) continue;
          const staff = await deps.alertSafety.unitStaff(unit.id);
          const mails = (to: readonly string[], kind: 'urgent' | 'escalation'): QueuedMail[] =>
            to.map((email) => ({ id: deps.newId(), to: email, ...alertMail(kind, languageOf(alert), deps.publicUrl()), organisationId: unit.organisationId, createdAt: now }));
          if (!alert.notifiedAt) {
            const therapists = alert.severity === 'urgent' ? staff.filter((member) => member.role === 'therapist').map((member) => member.email) : [];
            if (await deps.alertSafety.markNotified({ id: alert.id, at: now, mails: mails(therapists, 'urgent') })) result.notified += therapists.length > 0 ? 1 : 0;
          }
          const deadline = respondBy(alert, unit);
          if (alert.escalatedAt || !escalates(alert) || deadline === null || parseInstant(deadline) > at.getTime()) continue;
          const enrollment = await deps.store.getEnrollment(alert.enrollmentId);
          // The therapist who enrolled the patient has had the alert all along; escalation widens the circle.
          const others = staff.filter((member) => member.personId !== enrollment?.createdBy);
          const recipients = [...new Set((others.length > 0 ? others : staff).map((member) => member.email))];
          const audit = careAudit(deps, SYSTEM, { at: now, role: null, action: 'alert.escalate', objectType: 'alert', objectId: alert.id, unit, patientId: alert.patientId, details: { deadline, recipients: recipients.length } });
          if (await deps.alertSafety.escalate({ id: alert.id, at: now, mails: mails(recipients, 'escalation'), audit })) result.escalated += 1;
        } catch (error) {
          deps.logger.error('The alert protocol failed for an alert; it is tried again next minute', { alertId: alert.id, cause: error instanceof Error ? error.message : String(error) });
        }
      }
      return result;
    },
  };
}
