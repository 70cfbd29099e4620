import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertSafetyStore } from '../../domain/care/alert-safety-ports.js';
import type { AlertRecord, CareAuditEntry, CareStore, EnrollmentRecord, ResponseRecord } from '../../domain/care/ports.js';
import { testEvent } from '../../domain/webhooks/webhook-events.js';
import type { WebhookDispatchQueue, WebhookStore, WebhookSubscriptionRecord } from '../../domain/webhooks/webhook-store.js';
import type { AuditEntry } from '../types.js';

/**
 * An empty database with care providers `care-1` and `care-2`, the people `person-care-admin`,
 * `person-therapist` and `person-patient`, and module `phq-9` version 1 released; the stores all on it.
 */
export interface WebhookStoreHarness {
  webhooks: WebhookStore;
  queue: WebhookDispatchQueue;
  care: CareStore;
  alertSafety: AlertSafetyStore;
  readAudit(): Promise<AuditEntry[]>;
  /** How many times the webhook store told the dispatcher that something was queued. */
  woken(): number;
  /** While true, staging a webhook event fails (as a full disk or a lost connection would). */
  failEvents(failing: boolean): void;
  close(): Promise<void>;
}

const AT = '2026-03-02T08:00:00.000Z';
const LATER = '2026-03-02T09:00:00.000Z';
const admin = { at: AT, actorId: 'person-care-admin', actorRole: 'care_provider_admin' as const, requestId: 'req-1' };
let counter = 0;
const careAudit = (action: string): CareAuditEntry => ({ id: `audit-hook-${++counter}`, at: AT, actorId: null, actorRole: null, action, objectType: 'test', objectId: 'x', organisationId: null, unitId: null, patientId: null, requestId: null, ip: null, details: {} });

const subscription = (id: string, overrides: Partial<WebhookSubscriptionRecord> = {}): WebhookSubscriptionRecord => ({
  id,
  organisationId: 'care-1',
  url: `https://records.example.org/hooks/${id}`,
  description: `Endpoint ${id}`,
  eventTypes: ['response.recorded', 'alert.raised'],
  status: 'enabled',
  createdBy: 'person-care-admin',
  createdAt: AT,
  updatedAt: AT,
  secretRotatedAt: null,
  ...overrides,
});
const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const NEW_SECRET = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;

async function enrolled(h: WebhookStoreHarness, organisationId = 'care-1'): Promise<EnrollmentRecord> {
  const n = ++counter;
  const unit = await h.care.createUnit({ unit: { id: `hook-unit-${n}`, organisationId, name: 'Unit', active: true, timeZone: 'Europe/Stockholm', settings: {}, intakeDeploymentId: null, createdAt: AT, updatedAt: AT }, audit: careAudit('unit.create') });
  const deployed = await h.care.createDeployment({ deployment: { id: `hook-deployment-${n}`, unitId: unit.id, kind: 'module', documentId: 'phq-9', version: 1, title: 'PHQ-9', contentHash: 'a'.repeat(64), modules: [{ moduleId: 'phq-9', version: 1 }], status: 'active', deployedAt: AT, deployedBy: 'person-therapist', withdrawnAt: null }, audit: careAudit('deployment.create') });
  if (!deployed.ok) throw new Error('deployment refused');
  return h.care.createEnrollment({
    enrollment: { id: `hook-enrollment-${n}`, unitId: unit.id, deploymentId: deployed.value.id, patientId: 'person-patient', status: 'invited', startedOn: '2026-03-02', startedAt: '2026-03-01T23:00:00.000Z', modules: deployed.value.modules, createdBy: 'person-therapist', createdAt: AT, updatedAt: AT, lastActivityAt: null, acceptedAt: null, invitedName: 'Typed Name' },
    invitation: { codeHash: String(n).padStart(64, '0'), enrollmentId: `hook-enrollment-${n}`, personId: 'person-patient', createdAt: AT, expiresAt: '2026-03-16T08:00:00.000Z', redeemedAt: null },
    audit: careAudit('enrollment.create'),
  });
}

const response = (enrollment: EnrollmentRecord, clientId = `client-${++counter}`): ResponseRecord => ({
  id: `hook-response-${++counter}`, enrollmentId: enrollment.id, clientId, bodyHash: 'b'.repeat(64), moduleId: 'phq-9', moduleVersion: 1, pageId: null, registrationId: null,
  answers: { phq9_9: 'nearlyEveryDay' }, completes: true, answeredAt: AT, receivedAt: AT, localDate: '2026-03-02',
  scores: [{ instrumentId: 'phq9', title: 'PHQ-9', total: 21, band: 'severe', bandLabel: 'Severe', subscales: {}, alerts: [] }], zones: [],
});
const alert = (enrollment: EnrollmentRecord, responseId: string | null): AlertRecord => ({
  id: `hook-alert-${++counter}`, enrollmentId: enrollment.id, unitId: enrollment.unitId, patientId: enrollment.patientId, kind: 'item', severity: 'urgent', message: 'Item 9 answered', details: null,
  moduleId: 'phq-9', responseId, dedupeKey: null, createdAt: AT, acknowledgedAt: null, acknowledgedBy: null,
});

/** Behaviour every webhook store must have, with the care stores writing events in their own transactions. */
export function runWebhookStoreContract(name: string, open: () => Promise<WebhookStoreHarness>): void {
  describe(`WebhookStore contract: ${name}`, () => {
    let h: WebhookStoreHarness;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => h.close());

    it('stores a subscription with its audit row, lists the provider\'s own, and never hands out the secret', async () => {
      await h.webhooks.createSubscription({ subscription: subscription('w1'), secret: SECRET, audit: admin });
      await h.webhooks.createSubscription({ subscription: subscription('w2', { organisationId: 'care-2' }), secret: SECRET, audit: admin });
      expect(await h.webhooks.listSubscriptions('care-1')).toEqual([subscription('w1')]);
      expect(await h.webhooks.getSubscription('care-2', 'w1')).toBeUndefined();
      expect(JSON.stringify(await h.webhooks.listSubscriptions('care-1'))).not.toContain(SECRET.slice(6));
      const rows = (await h.readAudit()).filter((entry) => entry.action === 'webhook.create');
      expect(rows.map((entry) => [entry.objectId, entry.organisationId])).toEqual([['w1', 'care-1'], ['w2', 'care-2']]);
      expect(JSON.stringify(rows)).not.toContain(SECRET.slice(6));
    });

    it('writes an event and one delivery per enabled subscription that wants it, in the transaction of the response, and nothing for other providers', async () => {
      await h.webhooks.createSubscription({ subscription: subscription('w1'), secret: SECRET, audit: admin });
      await h.webhooks.createSubscription({ subscription: subscription('w2', { eventTypes: ['alert.raised'] }), secret: SECRET, audit: admin });
      await h.webhooks.createSubscription({ subscription: subscription('w3', { organisationId: 'care-2', eventTypes: ['response.recorded'] }), secret: SECRET, audit: admin });
      const enrollment = await enrolled(h);
      const recorded = response(enrollment);
      const raised = alert(enrollment, recorded.id);
      await h.care.recordResponse({ response: recorded, alerts: [raised], audit: careAudit('response.record') });
      const due = await h.queue.due(LATER, 50);
      expect(due.map((delivery) => [delivery.eventType, delivery.url.split('/').pop()]).sort()).toEqual([['alert.raised', 'w1'], ['alert.raised', 'w2'], ['response.recorded', 'w1']]);
      const recordedEvent = due.find((delivery) => delivery.eventType === 'response.recorded')!;
      expect(recordedEvent.secrets).toEqual([SECRET]);
      expect(JSON.parse(recordedEvent.payload)).toEqual({
        type: 'response.recorded',
        timestamp: AT,
        data: {
          responseId: recorded.id, enrollmentId: enrollment.id, unitId: enrollment.unitId, patient: 'Patient/person-patient',
          questionnaireResponse: `QuestionnaireResponse/${recorded.id}`, observations: [`Observation/${recorded.id}-1`],
          module: { id: 'phq-9', version: 1 }, completes: true, answeredAt: AT,
        },
      });
      expect(recordedEvent.payload).not.toContain('nearlyEveryDay');
      expect(recordedEvent.payload).not.toContain('Typed Name');
      // The same event goes to both subscriptions under one webhook-id.
      const alertIds = new Set(due.filter((delivery) => delivery.eventType === 'alert.raised').map((delivery) => delivery.eventId));
      expect(alertIds.size).toBe(1);
      // A repeated submission (same client id) is no new event.
      await h.care.recordResponse({ response: { ...response(enrollment, recorded.clientId) }, alerts: [], audit: careAudit('response.record') });
      expect(await h.webhooks.listDeliveries({ organisationId: 'care-1', subscriptionId: 'w1', limit: 10 })).toHaveLength(2);
      expect(await h.webhooks.listDeliveries({ organisationId: 'care-1', subscriptionId: 'w2', limit: 10 })).toHaveLength(1);
      expect(await h.webhooks.listDeliveries({ organisationId: 'care-2', subscriptionId: 'w3', limit: 10 })).toEqual([]);
    });

    it('rolls the response back when its event cannot be written, and writes no event when nobody subscribed', async () => {
      const enrollment = await enrolled(h);
      const quiet = response(enrollment);
      await h.care.recordResponse({ response: quiet, alerts: [], audit: careAudit('response.record') });
      expect(await h.queue.nextAttemptAt()).toBeUndefined();
      await h.webhooks.createSubscription({ subscription: subscription('w1'), secret: SECRET, audit: admin });
      h.failEvents(true);
      const lost = response(enrollment);
      await expect(h.care.recordResponse({ response: lost, alerts: [], audit: careAudit('response.record') })).rejects.toThrow();
      h.failEvents(false);
      expect((await h.care.listResponses(enrollment.id)).map((entry) => entry.id)).toEqual([quiet.id]);
      expect(await h.queue.due(LATER, 50)).toEqual([]);
    });

    it('writes events for acknowledged alerts, missing-report alerts and enrollment changes', async () => {
      await h.webhooks.createSubscription({ subscription: subscription('w1', { eventTypes: ['alert.raised', 'alert.acknowledged', 'enrollment.started', 'enrollment.paused', 'enrollment.resumed', 'enrollment.ended'] }), secret: SECRET, audit: admin });
      const enrollment = await enrolled(h);
      const missing = { ...alert(enrollment, null), kind: 'missing_report' as const, dedupeKey: 'missing:2026-03-02' };
      await h.care.raiseAlerts({ alerts: [missing], audit: () => careAudit('alert.raise') });
      await h.care.raiseAlerts({ alerts: [{ ...missing, id: 'again' }], audit: () => careAudit('alert.raise') });
      await h.care.acknowledgeAlert({ id: missing.id, at: LATER, by: 'person-therapist', audit: careAudit('alert.acknowledge') });
      const second = { ...alert(enrollment, null), createdAt: LATER };
      await h.care.raiseAlerts({ alerts: [second], audit: () => careAudit('alert.raise') });
      await h.alertSafety.acknowledgeWithAction({ id: second.id, at: LATER, by: 'person-therapist', action: { kind: 'contacted' }, audit: careAudit('alert.acknowledge') });
      for (const status of ['paused', 'paused', 'active', 'ended'] as const) await h.care.setEnrollmentStatus({ id: enrollment.id, status, at: LATER, audit: careAudit('enrollment.status') });
      const types = (await h.queue.due(LATER, 50)).map((delivery) => JSON.parse(delivery.payload) as { type: string; data: Record<string, unknown> });
      expect(types.map((event) => event.type)).toEqual(['enrollment.started', 'alert.raised', 'alert.acknowledged', 'alert.raised', 'alert.acknowledged', 'enrollment.paused', 'enrollment.resumed', 'enrollment.ended']);
      expect(types[4]!.data).toMatchObject({ alertId: second.id, action: 'contacted', patient: 'Patient/person-patient' });
    });

    it('records attempts in the delivery log, retries, delivers once and audits the disclosure per patient', async () => {
      await h.webhooks.createSubscription({ subscription: subscription('w1', { eventTypes: ['response.recorded'] }), secret: SECRET, audit: admin });
      const enrollment = await enrolled(h);
      await h.care.recordResponse({ response: response(enrollment), alerts: [], audit: careAudit('response.record') });
      const [first] = await h.queue.due(LATER, 50);
      await h.queue.recordAttempt({ deliveryId: first!.deliveryId, attempt: 1, at: LATER, outcome: 'retry', statusCode: 503, error: 'The endpoint answered 503.', durationMs: 12, nextAttemptAt: '2026-03-02T09:01:00.000Z' });
      expect(await h.queue.due(LATER, 50)).toEqual([]);
      expect(await h.queue.nextAttemptAt()).toBe('2026-03-02T09:01:00.000Z');
      const [again] = await h.queue.due('2026-03-02T09:01:00.000Z', 50);
      expect(again).toMatchObject({ deliveryId: first!.deliveryId, eventId: first!.eventId, attempts: 1 });
      await h.queue.recordAttempt({ deliveryId: first!.deliveryId, attempt: 2, at: '2026-03-02T09:01:01.000Z', outcome: 'delivered', statusCode: 204, error: null, durationMs: 8, nextAttemptAt: null });
      expect(await h.queue.nextAttemptAt()).toBeUndefined();
      // A delivery claimed and given back (a dispatcher stopping) is due again at once.
      await h.care.recordResponse({ response: response(enrollment), alerts: [], audit: careAudit('response.record') });
      const claimed = await h.queue.due(LATER, 50);
      await h.queue.release(claimed.map((delivery) => delivery.deliveryId), LATER);
      expect((await h.queue.due(LATER, 50)).map((delivery) => delivery.deliveryId)).toEqual(claimed.map((delivery) => delivery.deliveryId));
      const logged = (await h.webhooks.listDeliveries({ organisationId: 'care-1', subscriptionId: 'w1', limit: 10 })).find((delivery) => delivery.id === first!.deliveryId);
      expect(logged).toMatchObject({ eventId: first!.eventId, eventType: 'response.recorded', status: 'delivered', attempts: 2, lastStatusCode: 204, lastError: null, finishedAt: '2026-03-02T09:01:01.000Z', nextAttemptAt: null });
      expect(logged!.log).toEqual([
        { attempt: 1, at: LATER, outcome: 'retry', statusCode: 503, error: 'The endpoint answered 503.', durationMs: 12 },
        { attempt: 2, at: '2026-03-02T09:01:01.000Z', outcome: 'delivered', statusCode: 204, error: null, durationMs: 8 },
      ]);
      expect(await h.webhooks.listDeliveries({ organisationId: 'care-2', subscriptionId: 'w1', limit: 10 })).toEqual([]);
      expect(await h.webhooks.listDeliveries({ organisationId: 'care-1', subscriptionId: 'w1', status: 'failed', limit: 10 })).toEqual([]);
      const disclosures = (await h.readAudit()).filter((entry) => entry.action === 'webhook.delivered');
      expect(disclosures).toMatchObject([{ patientId: 'person-patient', organisationId: 'care-1', objectId: 'w1', details: { eventId: first!.eventId, eventType: 'response.recorded' } }]);
    });

    it('holds a turned-off subscription\'s deliveries, cancels them on delete, and changes only live subscriptions of the provider', async () => {
      await h.webhooks.createSubscription({ subscription: subscription('w1', { eventTypes: ['response.recorded'] }), secret: SECRET, audit: admin });
      const enrollment = await enrolled(h);
      await h.care.recordResponse({ response: response(enrollment), alerts: [], audit: careAudit('response.record') });
      expect(await h.webhooks.updateSubscription({ id: 'w1', organisationId: 'care-2', changes: { status: 'disabled' }, at: LATER, audit: admin })).toBeUndefined();
      const off = await h.webhooks.updateSubscription({ id: 'w1', organisationId: 'care-1', changes: { status: 'disabled', description: 'Paused for maintenance' }, at: LATER, audit: admin });
      expect(off).toMatchObject({ status: 'disabled', description: 'Paused for maintenance', updatedAt: LATER, eventTypes: ['response.recorded'] });
      expect(await h.queue.due(LATER, 50)).toEqual([]);
      expect(await h.queue.nextAttemptAt()).toBeUndefined();
      // Off: nothing new is queued for it.
      await h.care.recordResponse({ response: response(enrollment), alerts: [], audit: careAudit('response.record') });
      await h.webhooks.updateSubscription({ id: 'w1', organisationId: 'care-1', changes: { status: 'enabled' }, at: LATER, audit: admin });
      expect(await h.queue.due(LATER, 50)).toHaveLength(1);
      expect(await h.webhooks.deleteSubscription({ id: 'w1', organisationId: 'care-2', at: LATER, audit: admin })).toBe(false);
      expect(await h.webhooks.deleteSubscription({ id: 'w1', organisationId: 'care-1', at: LATER, audit: admin })).toBe(true);
      expect(await h.webhooks.deleteSubscription({ id: 'w1', organisationId: 'care-1', at: LATER, audit: admin })).toBe(false);
      expect(await h.queue.due(LATER, 50)).toEqual([]);
      expect((await h.webhooks.listDeliveries({ organisationId: 'care-1', subscriptionId: 'w1', limit: 10 })).map((delivery) => delivery.status)).toEqual(['cancelled']);
      expect(await h.webhooks.listSubscriptions('care-1')).toEqual([]);
      expect(await h.webhooks.updateSubscription({ id: 'w1', organisationId: 'care-1', changes: { status: 'enabled' }, at: LATER, audit: admin })).toBeUndefined();
      const actions = (await h.readAudit()).filter((entry) => entry.objectId === 'w1').map((entry) => entry.action);
      expect(actions).toEqual(['webhook.create', 'webhook.update', 'webhook.update', 'webhook.delete']);
    });

    it('signs with the previous secret beside the new one until it runs out, and queues a test event for one subscription only', async () => {
      await h.webhooks.createSubscription({ subscription: subscription('w1'), secret: SECRET, audit: admin });
      await h.webhooks.createSubscription({ subscription: subscription('w2'), secret: SECRET, audit: admin });
      const rotated = await h.webhooks.rotateSecret({ id: 'w1', organisationId: 'care-1', secret: NEW_SECRET, previousValidUntil: '2026-03-03T08:00:00.000Z', at: AT, audit: admin });
      expect(rotated).toMatchObject({ id: 'w1', secretRotatedAt: AT });
      expect(await h.webhooks.rotateSecret({ id: 'w1', organisationId: 'care-2', secret: NEW_SECRET, previousValidUntil: LATER, at: AT, audit: admin })).toBeUndefined();
      const event = testEvent('w1', 'care-1', AT);
      expect(await h.webhooks.queueTestEvent({ subscriptionId: 'w1', organisationId: 'care-1', event, audit: admin })).toBe(true);
      expect(await h.webhooks.queueTestEvent({ subscriptionId: 'w1', organisationId: 'care-2', event: testEvent('w1', 'care-2', AT), audit: admin })).toBe(false);
      const [due] = await h.queue.due(LATER, 50);
      expect(due).toMatchObject({ eventId: event.id, eventType: 'webhook.test', secrets: [NEW_SECRET, SECRET] });
      expect(await h.webhooks.listDeliveries({ organisationId: 'care-1', subscriptionId: 'w2', limit: 10 })).toEqual([]);
      await h.queue.recordAttempt({ deliveryId: due!.deliveryId, attempt: 1, at: LATER, outcome: 'retry', statusCode: null, error: 'The endpoint refused the connection.', durationMs: 1, nextAttemptAt: '2026-03-03T09:00:00.000Z' });
      const [later] = await h.queue.due('2026-03-03T09:00:00.000Z', 50);
      expect(later!.secrets).toEqual([NEW_SECRET]);
      expect((await h.readAudit()).filter((entry) => entry.action === 'webhook.delivered')).toEqual([]);
    });

    it('sends a failed delivery again with its event, once, only for a live subscription of the provider, and audits it', async () => {
      await h.webhooks.createSubscription({ subscription: subscription('w1'), secret: SECRET, audit: admin });
      await h.webhooks.createSubscription({ subscription: subscription('w2'), secret: SECRET, audit: admin });
      const event = testEvent('w1', 'care-1', AT);
      await h.webhooks.queueTestEvent({ subscriptionId: 'w1', organisationId: 'care-1', event, audit: admin });
      const [due] = await h.queue.due(LATER, 50);
      const resend = (overrides: Partial<Parameters<WebhookStore['resendDelivery']>[0]> = {}) =>
        h.webhooks.resendDelivery({ organisationId: 'care-1', subscriptionId: 'w1', deliveryId: due!.deliveryId, at: '2026-03-02T10:00:00.000Z', audit: { ...admin, at: '2026-03-02T10:00:00.000Z' }, ...overrides });
      expect(await resend()).toBe('not-failed');
      await h.queue.recordAttempt({ deliveryId: due!.deliveryId, attempt: 1, at: LATER, outcome: 'failed', statusCode: 410, error: 'The endpoint answered 410.', durationMs: 4, nextAttemptAt: null });
      expect(await h.queue.due('2026-03-02T10:00:00.000Z', 50)).toEqual([]);
      expect(await resend({ organisationId: 'care-2' })).toBe('not-found');
      expect(await resend({ subscriptionId: 'w2' })).toBe('not-found');
      expect(await resend({ deliveryId: 'dlv_nothing' })).toBe('not-found');
      await h.webhooks.updateSubscription({ id: 'w1', organisationId: 'care-1', changes: { status: 'disabled' }, at: LATER, audit: admin });
      expect(await resend()).toBe('subscription-off');
      await h.webhooks.updateSubscription({ id: 'w1', organisationId: 'care-1', changes: { status: 'enabled' }, at: LATER, audit: admin });
      const wokenBefore = h.woken();
      expect(await resend()).toBe('queued');
      expect(h.woken()).toBe(wokenBefore + 1);
      expect(await resend()).toBe('not-failed');
      const [again] = await h.queue.due('2026-03-02T10:00:00.000Z', 50);
      expect(again).toMatchObject({ deliveryId: due!.deliveryId, eventId: event.id, attempts: 1 });
      await h.queue.recordAttempt({ deliveryId: due!.deliveryId, attempt: 2, at: '2026-03-02T10:00:01.000Z', outcome: 'delivered', statusCode: 200, error: null, durationMs: 5, nextAttemptAt: null });
      const [logged] = await h.webhooks.listDeliveries({ organisationId: 'care-1', subscriptionId: 'w1', limit: 10 });
      expect(logged).toMatchObject({ status: 'delivered', attempts: 2, finishedAt: '2026-03-02T10:00:01.000Z' });
      expect(logged!.log.map((attempt) => attempt.outcome)).toEqual(['failed', 'delivered']);
      const resends = (await h.readAudit()).filter((entry) => entry.action === 'webhook.resend');
      expect(resends).toMatchObject([{ objectId: 'w1', organisationId: 'care-1', actorId: 'person-care-admin', details: { deliveryId: due!.deliveryId, eventId: event.id, attemptsBefore: 1 } }]);
      // Deleted: nothing to send again.
      await h.webhooks.deleteSubscription({ id: 'w1', organisationId: 'care-1', at: LATER, audit: admin });
      expect(await resend()).toBe('not-found');
    });
  });
}
