import { Hono } from 'hono';
import { Webhook } from 'standardwebhooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../domain/errors.js';
import { createWebhookService } from '../domain/webhooks/webhooks.js';
import type { AppEnv } from '../http/app-env.js';
import { problemResponse } from '../http/problem.js';
import { CARE_ROLES, carePrincipal, createCareTestApp } from '../testing/care-test-app.js';
import type { CareTestApp } from '../testing/care-test-app.js';
import { expectStatus, phq9Answers, responseBody, seedCareScenario } from '../testing/care-scenario.js';
import { checkResponseContract } from '../testing/response-contract.js';
import { webhookRoutes } from './webhooks.js';

const ALL_ROLES = ['anonymous', ...CARE_ROLES];
const BASE = '/api/care/providers/care-1/webhooks';
let t: CareTestApp;
let app: Hono<AppEnv>;
let enrollmentId = '';

async function call(who: string | undefined, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { ...(who ? { 'x-test-principal': who } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) };
  const response = await app.request(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await response.text();
  const parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
  checkResponseContract(method, path, response.status, response.headers.get('content-type'), parsed);
  return { status: response.status, body: (parsed ?? {}) as Record<string, unknown>, headers: response.headers };
}

async function subscribe(input: Record<string, unknown> = {}): Promise<{ id: string; secret: string }> {
  const created = await call('care-admin', 'POST', BASE, { url: 'https://records.example.org/careloom', description: 'Journal', eventTypes: ['response.recorded', 'alert.raised'], ...input });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: (created.body.subscription as { id: string }).id, secret: created.body.secret as string };
}

/** A subscription with one delivery (a test event) that was given up after its last attempt. */
async function failedDelivery(): Promise<{ subscriptionId: string; deliveryId: string; eventId: string }> {
  const { id } = await subscribe({ url: `https://records.example.org/failing-${crypto.randomUUID()}` });
  const eventId = (await call('care-admin', 'POST', `${BASE}/${id}/test`)).body.eventId as string;
  const due = (await t.stores.webhookQueue.due(t.clock.now().toISOString(), 500)).find((delivery) => delivery.eventId === eventId)!;
  await t.stores.webhookQueue.recordAttempt({ deliveryId: due.deliveryId, attempt: 12, at: t.clock.now().toISOString(), outcome: 'failed', statusCode: 500, error: 'The endpoint answered 500.', durationMs: 3, nextAttemptAt: null });
  return { subscriptionId: id, deliveryId: due.deliveryId, eventId };
}

let sharedFailure: ReturnType<typeof failedDelivery> | undefined;

const count = (sql: string, ...values: unknown[]) => (t.db.prepare(sql).get(...values) as { n: number }).n;

beforeAll(async () => {
  t = await createCareTestApp();
  const scenario = await seedCareScenario(t);
  enrollmentId = scenario.panicEnrollmentId;
  const webhooks = createWebhookService({ store: t.stores.webhooks, policy: { private: false, loopback: false }, now: () => t.clock.now(), newId: () => crypto.randomUUID() });
  app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('requestId', 'req-hooks');
    const who = c.req.header('x-test-principal');
    if (who) c.set('principal', carePrincipal(who));
    await next();
  });
  app.route('/', webhookRoutes({ webhooks, clientIp: () => '192.0.2.9' }));
  app.onError((error, c) => {
    if (error instanceof DomainError) return problemResponse(c, error);
    throw error;
  });
});

describe('webhook routes: every route × every role', () => {
  const adminOnly = (success: number) => ({ ...Object.fromEntries(ALL_ROLES.map((role) => [role, 403])), anonymous: 401, 'other-admin': 404, 'care-admin': success });
  const existing = async () => `${BASE}/${(await subscribe()).id}`;
  const cases: Array<{ name: string; method: string; path: () => Promise<string>; body?: unknown; expect: Record<string, number> }> = [
    { name: 'list', method: 'GET', path: async () => BASE, expect: adminOnly(200) },
    { name: 'create', method: 'POST', path: async () => BASE, body: { url: 'https://records.example.org/a', eventTypes: ['alert.raised'] }, expect: adminOnly(201) },
    { name: 'update', method: 'PATCH', path: existing, body: { enabled: false }, expect: adminOnly(200) },
    { name: 'rotate secret', method: 'POST', path: async () => `${await existing()}/secret`, expect: adminOnly(200) },
    { name: 'send test', method: 'POST', path: async () => `${await existing()}/test`, expect: adminOnly(202) },
    { name: 'delivery log', method: 'GET', path: async () => `${await existing()}/deliveries`, expect: adminOnly(200) },
    { name: 'delete', method: 'DELETE', path: existing, expect: adminOnly(204) },
    {
      name: 'resend a failed delivery',
      method: 'POST',
      // One failed delivery for every role (the others are refused before it is looked at): the provider's subscriptions are limited.
      path: async () => {
        const failed = await (sharedFailure ??= failedDelivery());
        return `${BASE}/${failed.subscriptionId}/deliveries/${failed.deliveryId}/resend`;
      },
      expect: adminOnly(202),
    },
  ];
  for (const endpoint of cases) {
    it(`${endpoint.name}: covers every role`, () => expect(Object.keys(endpoint.expect).sort()).toEqual([...ALL_ROLES].sort()));
    for (const [role, status] of Object.entries(endpoint.expect)) {
      it(`${endpoint.name}: ${role} → ${status}`, async () => {
        const response = await call(role === 'anonymous' ? undefined : role, endpoint.method, await endpoint.path(), endpoint.body);
        expect(response.status, JSON.stringify(response.body)).toBe(status);
        if (status >= 400) expect(response.body).toMatchObject({ status });
      });
    }
  }

  it('another provider\'s admin cannot reach a subscription through their own provider either, and it keeps working', async () => {
    const { id } = await subscribe();
    for (const [method, suffix, body] of [['PATCH', '', { enabled: false }], ['DELETE', '', undefined], ['POST', '/secret', undefined], ['POST', '/test', undefined], ['GET', '/deliveries', undefined]] as const) {
      expect((await call('other-admin', method, `/api/care/providers/care-2/webhooks/${id}${suffix}`, body)).status, `${method} ${suffix}`).toBe(404);
    }
    expect((await call('care-admin', 'GET', BASE)).body.subscriptions).toEqual(expect.arrayContaining([expect.objectContaining({ id, enabled: true })]));
  });
});

describe('subscribing', () => {
  it('shows the secret once, stores it sealed, and audits without it', async () => {
    const created = await call('care-admin', 'POST', BASE, { url: 'https://records.example.org/once', eventTypes: ['alert.raised', 'response.recorded', 'alert.raised'] });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const secret = created.body.secret as string;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const id = (created.body.subscription as { id: string; eventTypes: string[] }).id;
    expect((created.body.subscription as { eventTypes: string[] }).eventTypes).toEqual(['response.recorded', 'alert.raised']);
    const stored = t.db.prepare('SELECT * FROM webhook_subscriptions WHERE id = ?').get(id) as Record<string, unknown>;
    expect(JSON.stringify(stored)).not.toContain(secret.slice(6));
    expect(String(stored.secret_sealed)).toMatch(/^v1\./);
    expect(JSON.stringify((await call('care-admin', 'GET', BASE)).body)).not.toContain(secret.slice(6));
    const audit = t.db.prepare("SELECT * FROM audit_log WHERE action = 'webhook.create' AND object_id = ?").get(id) as Record<string, unknown>;
    expect(audit).toMatchObject({ actor_id: 'person-care-admin', organisation_id: 'care-1', ip: '192.0.2.9', request_id: 'req-hooks' });
    expect(JSON.stringify(audit)).not.toContain(secret.slice(6));
  });

  it('refuses plain http, this machine, private networks, the metadata address, unknown events and stray fields, storing nothing', async () => {
    const before = count('SELECT count(*) AS n FROM webhook_subscriptions');
    const refusals: Array<[unknown, string]> = [
      [{ url: 'http://records.example.org/hook', eventTypes: ['alert.raised'] }, '/url'],
      [{ url: 'https://127.0.0.1/hook', eventTypes: ['alert.raised'] }, '/url'],
      [{ url: 'https://localhost:8443/hook', eventTypes: ['alert.raised'] }, '/url'],
      [{ url: 'https://10.20.30.40/hook', eventTypes: ['alert.raised'] }, '/url'],
      [{ url: 'https://169.254.169.254/latest/meta-data', eventTypes: ['alert.raised'] }, '/url'],
      [{ url: 'https://[::ffff:127.0.0.1]/hook', eventTypes: ['alert.raised'] }, '/url'],
      [{ url: 'javascript:alert(1)', eventTypes: ['alert.raised'] }, '/url'],
      [{ url: 'https://records.example.org/hook', eventTypes: ['patient.answers'] }, '/eventTypes/0'],
      [{ url: 'https://records.example.org/hook', eventTypes: [] }, '/eventTypes'],
      [{ url: 'https://records.example.org/hook', eventTypes: ['alert.raised'], secret: 'whsec_mine' }, ''],
      [{ url: 'https://records.example.org/hook', eventTypes: ['alert.raised'], description: 'x'.repeat(201) }, '/description'],
    ];
    for (const [body, path] of refusals) {
      const response = await call('care-admin', 'POST', BASE, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      if (path) expect(JSON.stringify(response.body.issues), JSON.stringify(body)).toContain(path);
    }
    expect(count('SELECT count(*) AS n FROM webhook_subscriptions')).toBe(before);
  });

  it('changes, turns off and on, rotates (old and new secret both sign for a day) and deletes', async () => {
    const { id, secret } = await subscribe();
    expect((await call('care-admin', 'PATCH', `${BASE}/${id}`, {})).status).toBe(422);
    expect((await call('care-admin', 'PATCH', `${BASE}/${id}`, { url: 'http://records.example.org/x' })).status).toBe(422);
    const changed = await call('care-admin', 'PATCH', `${BASE}/${id}`, { description: 'Record system', eventTypes: ['alert.acknowledged'], enabled: false });
    expect(changed.body).toMatchObject({ description: 'Record system', eventTypes: ['alert.acknowledged'], enabled: false });
    expect((await call('care-admin', 'POST', `${BASE}/${id}/test`)).status).toBe(409);
    expect((await call('care-admin', 'PATCH', `${BASE}/${id}`, { enabled: true })).body).toMatchObject({ enabled: true });
    const rotated = await call('care-admin', 'POST', `${BASE}/${id}/secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(secret);
    expect(rotated.body.previousSecretValidUntil).toBe(new Date(t.clock.now().getTime() + 24 * 3600_000).toISOString());
    const queued = await call('care-admin', 'POST', `${BASE}/${id}/test`);
    const due = (await t.stores.webhookQueue.due(t.clock.now().toISOString(), 500)).find((delivery) => delivery.eventId === queued.body.eventId);
    expect(due!.secrets).toEqual([rotated.body.secret, secret]);
    expect((await call('care-admin', 'DELETE', `${BASE}/${id}`)).status).toBe(204);
    expect((await call('care-admin', 'DELETE', `${BASE}/${id}`)).status).toBe(404);
    expect((await call('care-admin', 'GET', `${BASE}/${id}/deliveries`)).status).toBe(404);
    expect(t.db.prepare('SELECT secret_sealed, previous_secret_sealed FROM webhook_subscriptions WHERE id = ?').get(id)).toEqual({ secret_sealed: null, previous_secret_sealed: null });
  });
});

describe('events and the delivery log', () => {
  it('queues a signed event for a recorded response and its alert, with FHIR references and no answers, and lists it in the log', async () => {
    const { id, secret } = await subscribe({ url: 'https://records.example.org/log-test', eventTypes: ['response.recorded', 'alert.raised'] });
    t.clock.set('2026-03-03T08:31:00.000Z');
    const recorded = expectStatus(await t.call('patient', 'POST', `/api/me/enrollments/${enrollmentId}/responses`, responseBody('phq-9', phq9Answers('nearlyEveryDay'), { completes: true, answeredAt: '2026-03-03T08:30:00.000Z' })), 201);
    const responseId = recorded['id'] as string;
    const log = await call('care-admin', 'GET', `${BASE}/${id}/deliveries`);
    const deliveries = log.body.deliveries as Array<{ eventType: string; status: string; eventId: string; attempts: number; log: unknown[] }>;
    expect(deliveries.map((delivery) => [delivery.eventType, delivery.status, delivery.attempts])).toEqual([['alert.raised', 'pending', 0], ['response.recorded', 'pending', 0]]);
    const due = (await t.stores.webhookQueue.due('2026-03-03T09:00:00.000Z', 100)).filter((delivery) => delivery.url === 'https://records.example.org/log-test');
    const recordedEvent = JSON.parse(due.find((delivery) => delivery.eventType === 'response.recorded')!.payload) as { data: Record<string, unknown> };
    expect(recordedEvent.data).toMatchObject({ responseId, questionnaireResponse: `QuestionnaireResponse/${responseId}`, observations: [`Observation/${responseId}-1`], patient: 'Patient/person-patient' });
    const alertEvent = due.find((delivery) => delivery.eventType === 'alert.raised')!;
    expect(JSON.parse(alertEvent.payload).data).toMatchObject({ kind: 'item', questionnaireResponse: `QuestionnaireResponse/${responseId}` });
    for (const delivery of due) {
      expect(delivery.payload).not.toMatch(/nearlyEveryDay|Pat Patient|patient@example/);
      expect(delivery.secrets).toEqual([secret]);
    }
    expect((await call('care-admin', 'GET', `${BASE}/${id}/deliveries?status=delivered`)).body.deliveries).toEqual([]);
    expect((await call('care-admin', 'GET', `${BASE}/${id}/deliveries?status=lost`)).status).toBe(422);
    expect((await call('care-admin', 'GET', `${BASE}/${id}/deliveries?limit=9999`)).status).toBe(422);
    expect((await call('care-admin', 'GET', `${BASE}/${id}/deliveries?limit=1`)).body.deliveries).toHaveLength(1);
    // The signature the dispatcher would send verifies with the specification's library.
    const { webhookHeaders } = await import('../domain/webhooks/webhook-signature.js');
    const headers = webhookHeaders(alertEvent.secrets, alertEvent.eventId, new Date(), alertEvent.payload);
    expect(new Webhook(secret).verify(alertEvent.payload, headers)).toMatchObject({ type: 'alert.raised' });
  });
  it('queues enrollment.paused and enrollment.resumed when a therapist pauses and resumes a patient (the pause moves the schedule in the same write)', async () => {
    const { id } = await subscribe({ url: 'https://records.example.org/pauses', eventTypes: ['enrollment.paused', 'enrollment.resumed'] });
    expectStatus(await t.call('therapist', 'PATCH', `/api/care/enrollments/${enrollmentId}`, { status: 'paused' }), 200);
    t.clock.advance(3 * 86_400_000);
    expectStatus(await t.call('therapist', 'PATCH', `/api/care/enrollments/${enrollmentId}`, { status: 'active' }), 200);
    const deliveries = (await call('care-admin', 'GET', `${BASE}/${id}/deliveries`)).body.deliveries as Array<{ eventType: string }>;
    expect(deliveries.map((delivery) => delivery.eventType).sort()).toEqual(['enrollment.paused', 'enrollment.resumed']);
  });
});

describe('sending a failed delivery again', () => {
  it('queues it again with the same webhook-id for one more attempt, audited, and refuses what did not fail', async () => {
    const failed = await failedDelivery();
    const path = `${BASE}/${failed.subscriptionId}/deliveries/${failed.deliveryId}/resend`;
    const resent = await call('care-admin', 'POST', path);
    expect(resent.status, JSON.stringify(resent.body)).toBe(202);
    expect(resent.body).toEqual({ deliveryId: failed.deliveryId, status: 'pending' });
    const [logged] = (await call('care-admin', 'GET', `${BASE}/${failed.subscriptionId}/deliveries`)).body.deliveries as Array<{ id: string; status: string; eventId: string; finishedAt: string | null; attempts: number }>;
    expect(logged).toMatchObject({ id: failed.deliveryId, status: 'pending', eventId: failed.eventId, finishedAt: null, attempts: 12 });
    const due = (await t.stores.webhookQueue.due(t.clock.now().toISOString(), 500)).find((delivery) => delivery.deliveryId === failed.deliveryId);
    expect(due).toMatchObject({ eventId: failed.eventId, attempts: 12 });
    const audit = t.db.prepare("SELECT actor_id, ip, request_id, details FROM audit_log WHERE action = 'webhook.resend' AND object_id = ?").all(failed.subscriptionId) as Array<{ actor_id: string; ip: string; request_id: string; details: string }>;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: 'person-care-admin', ip: '192.0.2.9', request_id: 'req-hooks' });
    expect(JSON.parse(audit[0]!.details)).toEqual({ deliveryId: failed.deliveryId, eventId: failed.eventId, attemptsBefore: 12 });
    // Waiting again: a second click is refused rather than queueing it twice.
    const twice = await call('care-admin', 'POST', path);
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toMatch(/Only a failed delivery/);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'webhook.resend' AND object_id = ?", failed.subscriptionId)).toBe(1);
  });

  it('refuses while the subscription is off, for another subscription\'s or provider\'s delivery, and for made-up ids', async () => {
    const failed = await failedDelivery();
    const other = await subscribe({ url: 'https://records.example.org/other' });
    expect((await call('care-admin', 'POST', `${BASE}/${other.id}/deliveries/${failed.deliveryId}/resend`)).status).toBe(404);
    expect((await call('care-admin', 'POST', `${BASE}/${failed.subscriptionId}/deliveries/${'x'.repeat(10_000)}/resend`)).status).toBe(404);
    expect((await call('other-admin', 'POST', `/api/care/providers/care-2/webhooks/${failed.subscriptionId}/deliveries/${failed.deliveryId}/resend`)).status).toBe(404);
    expect((await call('care-admin', 'PATCH', `${BASE}/${failed.subscriptionId}`, { enabled: false })).status).toBe(200);
    const off = await call('care-admin', 'POST', `${BASE}/${failed.subscriptionId}/deliveries/${failed.deliveryId}/resend`);
    expect(off.status).toBe(409);
    expect(off.body.detail).toMatch(/turned off/);
    const [logged] = (await call('care-admin', 'GET', `${BASE}/${failed.subscriptionId}/deliveries`)).body.deliveries as Array<{ status: string }>;
    expect(logged!.status).toBe('failed');
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'webhook.resend' AND object_id = ?", failed.subscriptionId)).toBe(0);
  });
});
