import { beforeAll, describe, expect, it } from 'vitest';
import { createCareTestApp } from '../../testing/care-test-app.js';
import type { CareTestApp } from '../../testing/care-test-app.js';
import { expectStatus, phq9Answers, responseBody, seedCareScenario } from '../../testing/care-scenario.js';
import type { CareScenario } from '../../testing/care-scenario.js';

// START is Monday 2 March 2026, 09:00 in Stockholm: an item-9 alert raised then must be answered
// the same working day, by 17:00 CET (16:00 UTC).
let seeded: Buffer;
let ids: CareScenario;

beforeAll(async () => {
  const t = await createCareTestApp();
  ids = await seedCareScenario(t);
  seeded = t.snapshot();
});

interface AlertBody { id: string; kind: string; severity: string; respondBy?: string; overdue?: boolean; escalatedAt?: string; actionTaken?: { kind: string; note?: string } }

async function openAlerts(t: CareTestApp): Promise<AlertBody[]> {
  return (expectStatus(await t.call('therapist', 'GET', '/api/care/units/unit-1/alerts'), 200) as { alerts: AlertBody[] }).alerts;
}

function mails(t: CareTestApp): Array<{ to_address: string; subject: string; text: string }> {
  return t.db.prepare("SELECT to_address, subject, text FROM mail_outbox WHERE subject LIKE '%Careloom%' AND subject NOT LIKE '%invit%' ORDER BY seq").all() as never;
}

async function item9Alert(t: CareTestApp): Promise<AlertBody> {
  expectStatus(await t.call('patient', 'POST', `/api/me/enrollments/${ids.panicEnrollmentId}/responses`, responseBody('phq-9', phq9Answers('severalDays'), { completes: true })), 201);
  const alert = (await openAlerts(t)).find((candidate) => candidate.kind === 'item');
  if (!alert) throw new Error('no item-9 alert');
  return alert;
}

describe('the safety protocol of an item-9 alert', () => {
  it('has a same-working-day deadline, e-mails the unit\'s therapists at once without patient data, and escalates to the others and the lead when the deadline passes unacknowledged', async () => {
    const t = await createCareTestApp({ from: seeded });
    const alert = await item9Alert(t);
    expect(alert).toMatchObject({ severity: 'urgent', respondBy: '2026-03-02T16:00:00.000Z', overdue: false });

    expect((await t.care.runDueWork(t.clock.now())).alertProtocol).toEqual({ notified: 1, escalated: 0 });
    const urgent = mails(t);
    expect(urgent.map((mail) => mail.to_address)).toEqual(['therapist@example.org']);
    expect(urgent[0]!.subject).toBe('Urgent alert in Careloom');
    expect(urgent[0]!.text).toContain('http://careloom.test/clinic#/alerts');
    for (const secret of ['Pat', 'patient', 'PHQ', 'item 9', 'Unit one', alert.id]) expect(`${urgent[0]!.subject} ${urgent[0]!.text}`).not.toContain(secret);

    t.clock.set('2026-03-02T15:59:00.000Z');
    expect((await t.care.runDueWork(t.clock.now())).alertProtocol).toEqual({ notified: 0, escalated: 0 });
    t.clock.set('2026-03-02T16:00:30.000Z');
    expect((await t.care.runDueWork(t.clock.now())).alertProtocol).toEqual({ notified: 0, escalated: 1 });
    // The enrolling therapist had it already; the care provider's admin (the unit's lead) gets it now. Unit two's therapist does not.
    expect(mails(t).slice(1)).toEqual([expect.objectContaining({ to_address: 'care-admin@example.org', subject: 'Overdue alert in Careloom' })]);
    expect(t.db.prepare("SELECT actor_id, object_id, patient_id FROM audit_log WHERE action = 'alert.escalate'").all()).toEqual([{ actor_id: null, object_id: alert.id, patient_id: 'person-patient' }]);
    expect((await t.care.runDueWork(t.clock.now())).alertProtocol).toEqual({ notified: 0, escalated: 0 });
    expect(mails(t)).toHaveLength(2);
    expect((await openAlerts(t))[0]).toMatchObject({ id: alert.id, overdue: true, escalatedAt: '2026-03-02T16:00:30.000Z' });
  });

  it('is acknowledged only with the action taken, which is kept; "other" needs a note', async () => {
    const t = await createCareTestApp({ from: seeded });
    const alert = await item9Alert(t);
    const path = `/api/care/alerts/${alert.id}/acknowledge`;
    expect((await t.call('therapist', 'POST', path)).status).toBe(415);
    expect((await t.call('therapist', 'POST', path, {})).status).toBe(422);
    expect((await t.call('therapist', 'POST', path, { action: { kind: 'shrugged' } })).status).toBe(422);
    const noNote = await t.call('therapist', 'POST', path, { action: { kind: 'other', note: '   ' } });
    expect(noNote.status).toBe(422);
    expect(noNote.body['issues']).toEqual([expect.objectContaining({ path: '/action/note' })]);
    expect((await openAlerts(t)).map((open) => open.id)).toContain(alert.id);

    const acknowledged = expectStatus(await t.call('therapist', 'POST', path, { action: { kind: 'other', note: 'Spoke with her GP' } }), 200);
    expect(acknowledged).toMatchObject({ actionTaken: { kind: 'other', note: 'Spoke with her GP' }, overdue: false });
    // Again: nothing changes, the first action stays.
    expect(expectStatus(await t.call('therapist', 'POST', path, { action: { kind: 'referred' } }), 200)).toMatchObject({ actionTaken: { kind: 'other' } });
    const details = t.db.prepare("SELECT details FROM audit_log WHERE action = 'alert.acknowledge'").all() as Array<{ details: string }>;
    expect(details.map((row) => JSON.parse(row.details) as Record<string, unknown>)).toEqual([expect.objectContaining({ actionTaken: 'other' })]);
    expect(details[0]!.details).not.toContain('GP');

    // Acknowledged before its deadline: never escalated.
    t.clock.set('2026-03-03T09:00:00.000Z');
    expect((await t.care.runDueWork(t.clock.now())).alertProtocol.escalated).toBe(0);
  });

  it('sorts the inbox by deadline, overdue first, before alerts without one', async () => {
    const t = await createCareTestApp({ from: seeded });
    // A red COPD entry first: its alert has no deadline.
    const red = { spo2: 86, breathlessness: 'usual', cough: 'usual', sputumColour: 'clear', temperature: 36.8, extraReliever: false };
    expectStatus(await t.call('patient', 'POST', `/api/me/enrollments/${ids.copdEnrollmentId}/responses`, responseBody('copd-daily-report', red, { registrationId: 'copdDaily' })), 201);
    t.clock.set('2026-03-02T10:00:00.000Z');
    const later = await item9Alert(t);
    const list = await openAlerts(t);
    expect(list[0]).toMatchObject({ id: later.id, respondBy: '2026-03-02T16:00:00.000Z' });
    expect(list.slice(1).every((open) => open.respondBy === undefined)).toBe(true);
    expect(list.length).toBeGreaterThan(1);
  });
});
