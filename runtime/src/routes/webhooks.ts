import type { CreatedWebhook, RotatedWebhookSecret, WebhookDeliveryList, WebhookDeliveryResent, WebhookList, WebhookSubscription, WebhookTestQueued } from '@careloom/format/api';
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { CareContext } from '../domain/care/care-deps.js';
import { WEBHOOK_EVENT_TYPES } from '../domain/webhooks/webhook-events.js';
import type { WebhookService } from '../domain/webhooks/webhooks.js';
import type { AppEnv } from '../http/app-env.js';
import { apiValidator } from '../http/api-schemas.js';
import type { ApiOperation } from './api-operation.js';
import { READ, WRITE } from './api-operation.js';
import { readBody } from './authoring-request.js';

export interface WebhookRouteDeps {
  webhooks: WebhookService;
  clientIp?: (c: Context<AppEnv>) => string | null;
}

const createBody = apiValidator('CreateWebhookBody');
const updateBody = apiValidator('UpdateWebhookBody');
const BASE = '/api/care/providers/:organisationId/webhooks';

/**
 * A care-provider admin's webhook subscriptions: create (the signing secret is in this one answer),
 * list, change or turn off and on, rotate the secret, delete, send a test event, and the delivery
 * log, and send a failed delivery again by hand. Every answer is `no-store` (the /api/* default).
 */
export function webhookRoutes(deps: WebhookRouteDeps) {
  const app = new Hono<AppEnv>();
  const context = (c: Context<AppEnv>): CareContext => ({ principal: c.get('principal'), requestId: c.get('requestId') ?? null, ip: deps.clientIp?.(c) ?? null });
  const organisation = (c: Context<AppEnv>) => c.req.param('organisationId') ?? '';
  const webhook = (c: Context<AppEnv>) => c.req.param('webhookId') ?? '';

  app.get(BASE, async (c) => c.json({ subscriptions: await deps.webhooks.list(context(c), organisation(c)), eventTypes: [...WEBHOOK_EVENT_TYPES] } satisfies WebhookList));

  app.post(BASE, async (c) => {
    const created = await deps.webhooks.create(context(c), organisation(c), await readBody(c, createBody));
    // The secret is in this answer only: never in a cache.
    c.header('Cache-Control', 'no-store');
    return c.json(created satisfies CreatedWebhook, 201);
  });

  app.patch(`${BASE}/:webhookId`, async (c) => c.json((await deps.webhooks.update(context(c), organisation(c), webhook(c), await readBody(c, updateBody))) satisfies WebhookSubscription));

  app.delete(`${BASE}/:webhookId`, async (c) => {
    await deps.webhooks.remove(context(c), organisation(c), webhook(c));
    return c.body(null, 204);
  });

  app.post(`${BASE}/:webhookId/secret`, async (c) => {
    const rotated = await deps.webhooks.rotateSecret(context(c), organisation(c), webhook(c));
    c.header('Cache-Control', 'no-store');
    return c.json(rotated satisfies RotatedWebhookSecret);
  });

  app.post(`${BASE}/:webhookId/test`, async (c) => c.json((await deps.webhooks.sendTest(context(c), organisation(c), webhook(c))) satisfies WebhookTestQueued, 202));

  app.get(`${BASE}/:webhookId/deliveries`, async (c) => {
    const query = { ...(c.req.query('status') !== undefined ? { status: c.req.query('status')! } : {}), ...(c.req.query('limit') !== undefined ? { limit: c.req.query('limit')! } : {}) };
    return c.json({ deliveries: await deps.webhooks.deliveries(context(c), organisation(c), webhook(c), query) } satisfies WebhookDeliveryList);
  });
  app.post(`${BASE}/:webhookId/deliveries/:deliveryId/resend`, async (c) =>
    c.json((await deps.webhooks.resendDelivery(context(c), organisation(c), webhook(c), c.req.param('deliveryId') ?? '')) satisfies WebhookDeliveryResent, 202),
  );
  return app;
}

const PATH = '/api/care/providers/{organisationId}/webhooks';

/** The webhook routes in /api/openapi.json. */
export const WEBHOOK_OPERATIONS: ApiOperation[] = [
  { method: 'get', path: PATH, summary: "The care provider's webhook subscriptions (never their secrets) and the events one can receive", tag: 'care', auth: 'session', success: { status: 200, description: 'Subscriptions', response: 'WebhookList' }, problems: READ },
  { method: 'post', path: PATH, summary: 'Subscribe an https endpoint to events; the signing secret is in this answer only', tag: 'care', auth: 'session', request: 'CreateWebhookBody', success: { status: 201, description: 'The subscription and its secret (shown once)', response: 'CreatedWebhook' }, problems: [...WRITE, 409] },
  { method: 'patch', path: `${PATH}/{webhookId}`, summary: 'Change a subscription, or turn it off and on', tag: 'care', auth: 'session', request: 'UpdateWebhookBody', success: { status: 200, description: 'The subscription', response: 'WebhookSubscription' }, problems: WRITE },
  { method: 'delete', path: `${PATH}/{webhookId}`, summary: 'Delete a subscription; its pending deliveries are cancelled', tag: 'care', auth: 'session', success: { status: 204, description: 'Deleted' }, problems: READ },
  { method: 'post', path: `${PATH}/{webhookId}/secret`, summary: 'Rotate the signing secret; the previous one keeps signing beside it for 24 hours', tag: 'care', auth: 'session', success: { status: 200, description: 'The new secret (shown once)', response: 'RotatedWebhookSecret' }, problems: WRITE },
  { method: 'post', path: `${PATH}/{webhookId}/test`, summary: 'Queue a webhook.test event for this subscription only', tag: 'care', auth: 'session', success: { status: 202, description: 'Queued', response: 'WebhookTestQueued' }, problems: [...WRITE, 409] },
  { method: 'post', path: `${PATH}/{webhookId}/deliveries/{deliveryId}/resend`, summary: 'Send a failed delivery again: one more attempt now, with the same webhook-id', tag: 'care', auth: 'session', success: { status: 202, description: 'Queued again', response: 'WebhookDeliveryResent' }, problems: [...WRITE, 409] },
  { method: 'get', path: `${PATH}/{webhookId}/deliveries`, summary: 'The delivery log: each delivery with its attempts, status codes and errors (never the endpoint\'s answer)', tag: 'care', auth: 'session', success: { status: 200, description: 'Deliveries, newest first', response: 'WebhookDeliveryList' }, problems: [...READ, 422] },
];
