// Webhooks end to end: a receiver started by the test subscribes through the API, gets signed events
// for a recorded response and its alert although it is down when they happen and the server is
// stopped and started again on the same database in between; none is lost, and the one delivered
// twice (its first acknowledgement lost) carries the same webhook-id both times.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { DEMO_ACCOUNTS } from '../domain/demo-accounts.js';
import { startServer, type RunningServer } from '../server.js';
import { testDatabaseEnv } from '../testing/test-database-env.js';
import { eventually, HttpSession } from './http-client.js';

const dir = mkdtempSync(join(tmpdir(), 'careloom-webhooks-'));
const file = join(dir, 'careloom.sqlite');
const servers: RunningServer[] = [];

/** What the receiver got: every request, verified or not, in arrival order. */
interface Received {
  id: string;
  type: string;
  verified: boolean;
  answered: number;
  data: Record<string, unknown>;
}

let receiver: Server;
let receiverUrl = '';
let secret = '';
/** `down`: answers 503 to everything; `up`: verifies and answers 204, except the first arrival of the response's event, which gets 500. */
let mode: 'down' | 'up' = 'down';
const received: Received[] = [];

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const headers = { 'webhook-id': String(request.headers['webhook-id']), 'webhook-timestamp': String(request.headers['webhook-timestamp']), 'webhook-signature': String(request.headers['webhook-signature']) };
      let verified = false;
      let event: { type: string; data: Record<string, unknown> } = { type: '?', data: {} };
      try {
        event = new Webhook(secret).verify(body, headers) as typeof event;
        verified = true;
      } catch {
        verified = false;
      }
      let answered = 204;
      if (mode === 'down') answered = 503;
      else if (!verified) answered = 401;
      else if (event.type === 'response.recorded' && !received.some((entry) => entry.id === headers['webhook-id'] && entry.answered === 500)) {
        // The first time the response's event gets through, pretend the acknowledgement was lost.
        answered = 500;
      }
      received.push({ id: headers['webhook-id'], type: event.type, verified, answered, data: event.data });
      response.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/careloom-events`;
});

afterAll(async () => {
  for (const server of servers) await server.close().catch(() => undefined);
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

async function start(attempts = 500): Promise<RunningServer> {
  const server = await startServer({
    config: loadConfig({ ...(await testDatabaseEnv(file)), CARELOOM_PORT: '0', CARELOOM_WEBHOOK_ALLOW: 'loopback' }),
    seedDemoAccounts: true,
    // Retries a few hundred milliseconds apart instead of minutes, so the test waits seconds.
    webhooks: { retry: { attempts, baseMs: 50, maxMs: 300 }, idleCheckMs: 200 },
  });
  servers.push(server);
  return server;
}

const login = (server: RunningServer, key: string) => {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.email === `${key}@demo.careloom.test`)!;
  return HttpSession.login(server.url, account.email, account.password);
};

function phq9(item9: string) {
  const answers: Record<string, string> = {};
  for (let item = 1; item <= 8; item += 1) answers[`phq9_${item}`] = 'severalDays';
  answers['phq9_9'] = item9;
  return answers;
}

describe('webhooks over HTTP, across a restart', () => {
  let organisationId = '';
  let subscriptionId = '';
  let responseId = '';
  let patientId = '';

  it('queues signed events while the receiver is down and keeps them when the server stops', { timeout: 60_000 }, async () => {
    const server = await start();
    const admin = await login(server, 'care-admin');
    const units = (await admin.call('GET', '/api/care/units')).body as { units: Array<{ id: string; name: string; organisationId: string }> };
    const clinic = units.units.find((unit) => unit.name === 'Demo clinic')!;
    organisationId = clinic.organisationId;
    const created = await admin.call('POST', `/api/care/providers/${organisationId}/webhooks`, { url: receiverUrl, description: 'Test receiver', eventTypes: ['response.recorded', 'alert.raised', 'alert.acknowledged', 'enrollment.started'] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    ({ secret } = created.body as { secret: string });
    subscriptionId = (created.body as { subscription: { id: string } }).subscription.id;

    const deployment = await admin.call('POST', `/api/care/units/${clinic.id}/deployments`, { documentId: 'panic-icbt-8-weeks', version: 1 });
    expect(deployment.status, JSON.stringify(deployment.body)).toBe(201);
    const therapist = await login(server, 'therapist');
    const enrolled = await therapist.call('POST', `/api/care/units/${clinic.id}/enrollments`, { deploymentId: (deployment.body as { id: string }).id, patient: { name: 'Wilma Webhook', email: 'wilma@example.org' } });
    expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(201);
    const { enrollment, invitation } = enrolled.body as { enrollment: { id: string; patientId: string }; invitation: { code: string } };
    patientId = enrollment.patientId;
    const patient = new HttpSession(server.url);
    const redeemed = await patient.call('POST', '/api/public/invitations/redeem', { code: invitation.code, password: 'wilma has a long password' });
    expect(redeemed.status, JSON.stringify(redeemed.body)).toBe(200);
    patient.csrfToken = (redeemed.body as { csrfToken: string }).csrfToken;
    const answered = await patient.call('POST', `/api/me/enrollments/${enrollment.id}/responses`, { formatVersion: 1, clientId: randomUUID(), moduleId: 'phq-9', moduleVersion: 1, answers: phq9('nearlyEveryDay'), completes: true, answeredAt: new Date().toISOString() });
    expect(answered.status, JSON.stringify(answered.body)).toBe(201);
    responseId = (answered.body as { id: string }).id;

    // The receiver is down: every event is tried and refused, and stays pending.
    const log = async () => ((await admin.call('GET', `/api/care/providers/${organisationId}/webhooks/${subscriptionId}/deliveries`)).body as { deliveries: Array<{ eventType: string; status: string; attempts: number; log: Array<{ statusCode: number | null }> }> }).deliveries;
    await eventually(async () => {
      const deliveries = await log();
      return deliveries.length === 3 && deliveries.every((delivery) => delivery.attempts >= 2);
    }, 'three deliveries refused at least twice', 15_000);
    const pending = await log();
    expect(pending.map((delivery) => delivery.eventType).sort()).toEqual(['alert.raised', 'enrollment.started', 'response.recorded']);
    expect(pending.every((delivery) => delivery.status === 'pending' && delivery.log.every((attempt) => attempt.statusCode === 503))).toBe(true);
    expect(received.every((entry) => entry.answered === 503 && entry.verified)).toBe(true);
    await server.close();
  });

  it('delivers every pending event after the restart, a lost acknowledgement again under the same webhook-id', { timeout: 60_000 }, async () => {
    mode = 'up';
    const before = received.length;
    const server = await start();
    const delivered = () => received.slice(before).filter((entry) => entry.answered === 204);
    await eventually(() => ['alert.raised', 'enrollment.started', 'response.recorded'].every((type) => delivered().some((entry) => entry.type === type)), 'every pending event delivered after the restart', 15_000);

    const after = received.slice(before);
    expect(after.every((entry) => entry.verified)).toBe(true);
    const responseEvents = after.filter((entry) => entry.type === 'response.recorded');
    expect(responseEvents.map((entry) => entry.answered)).toEqual([500, 204]);
    expect(new Set(responseEvents.map((entry) => entry.id)).size).toBe(1);
    // Every delivery of one event, before and after the restart, carries one id: a receiver that keeps ids drops the duplicates.
    const ids = new Map<string, Set<string>>();
    for (const entry of received) ids.set(entry.type, (ids.get(entry.type) ?? new Set()).add(entry.id));
    expect([...ids.values()].every((set) => set.size === 1)).toBe(true);

    const recorded = delivered().find((entry) => entry.type === 'response.recorded')!;
    expect(recorded.data).toMatchObject({ responseId, questionnaireResponse: `QuestionnaireResponse/${responseId}`, observations: [`Observation/${responseId}-1`], patient: `Patient/${patientId}` });
    const alert = delivered().find((entry) => entry.type === 'alert.raised')!;
    expect(alert.data).toMatchObject({ kind: 'item', severity: 'urgent', questionnaireResponse: `QuestionnaireResponse/${responseId}`, patient: `Patient/${patientId}` });
    expect(JSON.stringify(received)).not.toMatch(/nearlyEveryDay|Wilma|wilma@/);

    // Acknowledging the alert is an event too, delivered at once now that the receiver is up.
    const therapist = await login(server, 'therapist');
    expect((await therapist.call('POST', `/api/care/alerts/${alert.data['alertId'] as string}/acknowledge`, { action: { kind: 'contacted' } })).status).toBe(200);
    await eventually(() => delivered().some((entry) => entry.type === 'alert.acknowledged'), 'the acknowledgement delivered', 10_000);
    expect(delivered().find((entry) => entry.type === 'alert.acknowledged')!.data).toMatchObject({ alertId: alert.data['alertId'], action: 'contacted' });

    const admin = await login(server, 'care-admin');
    const log = ((await admin.call('GET', `/api/care/providers/${organisationId}/webhooks/${subscriptionId}/deliveries`)).body as { deliveries: Array<{ eventType: string; status: string; lastStatusCode: number; log: Array<{ statusCode: number | null; outcome: string }> }> }).deliveries;
    expect(log.every((delivery) => delivery.status === 'delivered' && delivery.lastStatusCode === 204)).toBe(true);
    const responseLog = log.find((delivery) => delivery.eventType === 'response.recorded')!.log;
    expect(responseLog.slice(-2).map((attempt) => [attempt.statusCode, attempt.outcome])).toEqual([[500, 'retry'], [204, 'delivered']]);
    expect(responseLog.filter((attempt) => attempt.statusCode === 503).length).toBeGreaterThanOrEqual(2);

    // A test event from the admin arrives too, and the delivery to the patient's receiver is in the audit trail.
    const test = await admin.call('POST', `/api/care/providers/${organisationId}/webhooks/${subscriptionId}/test`);
    expect(test.status).toBe(202);
    await eventually(() => delivered().some((entry) => entry.id === (test.body as { eventId: string }).eventId && entry.type === 'webhook.test'), 'the test event', 10_000);
    await server.close();
  });

  it('sends a delivery given up on again by hand, under the same webhook-id, once the receiver is mended', { timeout: 60_000 }, async () => {
    mode = 'down';
    // Two attempts in all: the test event is given up on within a second.
    const server = await start(2);
    const admin = await login(server, 'care-admin');
    const base = `/api/care/providers/${organisationId}/webhooks/${subscriptionId}`;
    const eventId = ((await admin.call('POST', `${base}/test`)).body as { eventId: string }).eventId;
    type Delivery = { id: string; eventId: string; status: string; attempts: number; log: Array<{ outcome: string; statusCode: number | null }> };
    const delivery = async () => ((await admin.call('GET', `${base}/deliveries`)).body as { deliveries: Delivery[] }).deliveries.find((entry) => entry.eventId === eventId);
    await eventually(async () => (await delivery())?.status === 'failed', 'the test event given up on', 15_000);
    mode = 'up';
    const failed = (await delivery())!;
    const resent = await admin.call('POST', `${base}/deliveries/${failed.id}/resend`);
    expect(resent.status, JSON.stringify(resent.body)).toBe(202);
    await eventually(async () => (await delivery())?.status === 'delivered', 'delivered after the resend', 15_000);
    const arrivals = received.filter((entry) => entry.id === eventId);
    expect(arrivals.map((entry) => entry.answered)).toEqual([503, 503, 204]);
    expect((await delivery())!.log.map((attempt) => [attempt.outcome, attempt.statusCode])).toEqual([['retry', 503], ['failed', 503], ['delivered', 204]]);
    // Delivered now: sending it again is refused.
    expect((await admin.call('POST', `${base}/deliveries/${failed.id}/resend`)).status).toBe(409);
    await server.close();
  });
});
