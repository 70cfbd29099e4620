import { describe, expect, it } from 'vitest';
import type { PatientRow } from '@careloom/format/api';
import { triage } from './triage.js';

const row = (name: string, fields: Partial<PatientRow>): PatientRow => ({
  enrollmentId: name, patient: { id: name, name }, deploymentId: 'd1', title: 'Program', status: 'active', startedOn: '2025-03-03',
  openAlerts: 0, unreadMessages: 0, overdueReports: 0, lastActivityAt: '2025-03-09T10:00:00Z', attention: 0, ...fields,
});

describe('triage', () => {
  it('puts the highest attention first, then alerts, unread, overdue, and the longest silent', () => {
    const order = triage([
      row('quiet', {}),
      row('silent', { lastActivityAt: '2025-03-01T10:00:00Z' }),
      row('never', { lastActivityAt: null }),
      row('overdue', { overdueReports: 2 }),
      row('unread', { unreadMessages: 1 }),
      row('alert', { openAlerts: 1 }),
      row('urgent', { attention: 50 }),
    ]).map((patient) => patient.patient.name);
    expect(order).toEqual(['urgent', 'alert', 'unread', 'overdue', 'never', 'silent', 'quiet']);
  });

  it('does not change its input', () => {
    const input = [row('b', {}), row('a', { openAlerts: 1 })];
    triage(input);
    expect(input.map((patient) => patient.patient.name)).toEqual(['b', 'a']);
  });
});
