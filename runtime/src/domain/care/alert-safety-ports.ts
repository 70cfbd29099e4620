import type { AlertAction, AlertRecord, CareAuditEntry, CareWriteResult, QueuedMail } from './ports.js';

/** A member of a unit's staff who can be e-mailed about its alerts. */
export interface StaffContact {
  personId: string;
  email: string;
  /** `therapist` of the unit, or `care_provider_admin` of its organisation (the unit's lead). */
  role: 'therapist' | 'care_provider_admin';
}

/**
 * The safety protocol's writes (migration 030), each one transaction with its audit rows and mail:
 * acknowledging with the action taken, escalating an overdue alert, telling the unit of an urgent one.
 */
export interface AlertSafetyStore {
  /** Unacknowledged alerts not yet escalated or not yet notified, oldest first. */
  listOpenForProtocol(): Promise<AlertRecord[]>;
  /** The unit's therapists and its organisation's care-provider admins with an e-mail address. */
  unitStaff(unitId: string): Promise<StaffContact[]>;
  /** Acknowledges an open alert and records what was done; `stale` when someone acknowledged it first. */
  acknowledgeWithAction(input: { id: string; at: string; by: string; action: AlertAction; audit: CareAuditEntry }): Promise<CareWriteResult<AlertRecord>>;
  /** Marks an open alert escalated and queues its e-mails; false (nothing written) when it was acknowledged or escalated meanwhile. */
  escalate(input: { id: string; at: string; mails: QueuedMail[]; audit: CareAuditEntry }): Promise<boolean>;
  /** Marks an alert's unit told and queues its e-mails; false when it was already. */
  markNotified(input: { id: string; at: string; mails: QueuedMail[] }): Promise<boolean>;
}
