import type { PatientRow } from '@careloom/format/api';

/**
 * Patients in the order a therapist should look at them: the server's attention score first, then
 * open alerts, unread messages and overdue reports, then the longest silent (never active first).
 * The server already sorts; sorting again keeps the order right after a local change (an alert
 * acknowledged) and does not trust an older server to have done it.
 */
export function triage(patients: readonly PatientRow[]): PatientRow[] {
  return [...patients].sort(
    (left, right) =>
      right.attention - left.attention ||
      right.openAlerts - left.openAlerts ||
      right.unreadMessages - left.unreadMessages ||
      right.overdueReports - left.overdueReports ||
      (left.lastActivityAt ?? '').localeCompare(right.lastActivityAt ?? '') ||
      left.patient.name.localeCompare(right.patient.name),
  );
}
