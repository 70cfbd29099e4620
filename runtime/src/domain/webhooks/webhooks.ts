import type { CareContext } from '../care/care-deps.js';
import { authorizeProvider } from '../care/policy.js';
import { DomainError } from '../errors.js';
import { testEvent, WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhook-events.js';
import { newWebhookSecret } from './webhook-signature.js';
import type { WebhookDeliveryRecord, WebhookDeliveryStatus, WebhookStore, WebhookSubscriptionRecord } from './webhook-store.js';
import { checkTargetUrl, type WebhookTargetPolicy } from './webhook-targets.js';

/** What an admin sees of a subscription: never its secret. */
export interface WebhookSubscriptionView {
  id: string;
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  enabled: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  secretRotatedAt: string | null;
}

export interface WebhookDeps {
  store: WebhookStore;
  policy: WebhookTargetPolicy;
  now: () => Date;
  newId: () => string;
}

/** After a rotation the previous secret keeps signing beside the new one this long. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 3600_000;
const MAX_SUBSCRIPTIONS = 50;
const DELIVERY_STATUSES: readonly WebhookDeliveryStatus[] = ['pending', 'delivered', 'failed', 'cancelled'];

const view = (subscription: WebhookSubscriptionRecord): WebhookSubscriptionView => ({
  id: subscription.id,
  url: subscription.url,
  description: subscription.description,
  eventTypes: subscription.eventTypes,
  enabled: subscription.status === 'enabled',
  createdBy: subscription.createdBy,
  createdAt: subscription.createdAt,
  updatedAt: subscription.updatedAt,
  secretRotatedAt: subscription.secretRotatedAt,
});

function invalid(path: string, message: string): DomainError {
  return new DomainError('invalid', message, { issues: [{ code: 'webhook.invalid', path, message }] });
}

const missing = () => new DomainError('not_found', 'There is no such webhook subscription at this care provider.');

/**
 * Webhooks of a care provider, managed by its care-provider admins: subscribe an endpoint to event
 * types (the secret is in the answer once, then only sealed in the database), list, change, turn
 * off and on, rotate the secret, delete, send a test event, and read the delivery log. Endpoints
 * must be https on the public internet unless the target policy (CARELOOM_WEBHOOK_ALLOW) allows
 * private networks or this machine. Every change is audited by the store in its transaction.
 */
export function createWebhookService(deps: WebhookDeps) {
  const admin = (context: CareContext, organisationId: string) => {
    const decision = authorizeProvider(context.principal, 'webhook.manage', organisationId);
    if (!decision.allowed) throw new DomainError(decision.code, decision.reason);
    return { personId: context.principal!.personId, role: decision.role };
  };
  const audit = (context: CareContext, who: ReturnType<typeof admin>, at: string) => ({
    at,
    actorId: who.personId,
    actorRole: who.role,
    ...(context.ip ? { ip: context.ip } : {}),
    ...(context.requestId ? { requestId: context.requestId } : {}),
  });
  const url = (value: string) => {
    const checked = checkTargetUrl(value.trim(), deps.policy);
    if (!checked.ok) throw invalid('/url', checked.reason);
    return checked.url;
  };
  const description = (value: string) => {
    const trimmed = value.trim();
    if (trimmed.length > 200) throw invalid('/description', 'The description is at most 200 characters.');
    return trimmed;
  };
  const eventTypes = (values: readonly string[]): WebhookEventType[] => {
    const unique = [...new Set(values)];
    if (unique.length === 0) throw invalid('/eventTypes', 'Choose at least one event.');
    unique.forEach((type, index) => {
      if (!(WEBHOOK_EVENT_TYPES as readonly string[]).includes(type)) throw invalid(`/eventTypes/${index}`, `"${type.slice(0, 100)}" is not an event (events: ${WEBHOOK_EVENT_TYPES.join(', ')}).`);
    });
    return WEBHOOK_EVENT_TYPES.filter((type) => unique.includes(type));
  };

  return {
    async create(context: CareContext, organisationId: string, input: { url: string; description?: string; eventTypes: string[] }): Promise<{ subscription: WebhookSubscriptionView; secret: string }> {
      const who = admin(context, organisationId);
      const at = deps.now().toISOString();
      const subscription: WebhookSubscriptionRecord = {
        id: deps.newId(),
        organisationId,
        url: url(input.url),
        description: description(input.description ?? ''),
        eventTypes: eventTypes(input.eventTypes),
        status: 'enabled',
        createdBy: who.personId,
        createdAt: at,
        updatedAt: at,
        secretRotatedAt: null,
      };
      if ((await deps.store.listSubscriptions(organisationId)).length >= MAX_SUBSCRIPTIONS) {
        throw new DomainError('conflict', `A care provider has at most ${MAX_SUBSCRIPTIONS} webhook subscriptions; delete one first.`);
      }
      const secret = newWebhookSecret();
      await deps.store.createSubscription({ subscription, secret, audit: audit(context, who, at) });
      return { subscription: view(subscription), secret };
    },

    async list(context: CareContext, organisationId: string): Promise<WebhookSubscriptionView[]> {
      admin(context, organisationId);
      return (await deps.store.listSubscriptions(organisationId)).map(view);
    },

    async update(context: CareContext, organisationId: string, id: string, input: { url?: string; description?: string; eventTypes?: string[]; enabled?: boolean }): Promise<WebhookSubscriptionView> {
      const who = admin(context, organisationId);
      const changes = {
        ...(input.url !== undefined ? { url: url(input.url) } : {}),
        ...(input.description !== undefined ? { description: description(input.description) } : {}),
        ...(input.eventTypes !== undefined ? { eventTypes: eventTypes(input.eventTypes) } : {}),
        ...(input.enabled !== undefined ? { status: input.enabled ? ('enabled' as const) : ('disabled' as const) } : {}),
      };
      if (Object.keys(changes).length === 0) throw invalid('', 'Say what to change: url, description, eventTypes or enabled.');
      const at = deps.now().toISOString();
      const updated = await deps.store.updateSubscription({ id: id.slice(0, 200), organisationId, changes, at, audit: audit(context, who, at) });
      if (!updated) throw missing();
      return view(updated);
    },

    async rotateSecret(context: CareContext, organisationId: string, id: string): Promise<{ subscription: WebhookSubscriptionView; secret: string; previousSecretValidUntil: string }> {
      const who = admin(context, organisationId);
      const now = deps.now();
      const previousValidUntil = new Date(now.getTime() + PREVIOUS_SECRET_GRACE_MS).toISOString();
      const secret = newWebhookSecret();
      const rotated = await deps.store.rotateSecret({ id: id.slice(0, 200), organisationId, secret, previousValidUntil, at: now.toISOString(), audit: audit(context, who, now.toISOString()) });
      if (!rotated) throw missing();
      return { subscription: view(rotated), secret, previousSecretValidUntil: previousValidUntil };
    },

    async remove(context: CareContext, organisationId: string, id: string): Promise<void> {
      const who = admin(context, organisationId);
      const at = deps.now().toISOString();
      if (!(await deps.store.deleteSubscription({ id: id.slice(0, 200), organisationId, at, audit: audit(context, who, at) }))) throw missing();
    },

    /** Queues a `webhook.test` event for this subscription only; refused while it is turned off. */
    async sendTest(context: CareContext, organisationId: string, id: string): Promise<{ eventId: string }> {
      const who = admin(context, organisationId);
      const at = deps.now().toISOString();
      const subscription = await deps.store.getSubscription(organisationId, id.slice(0, 200));
      if (!subscription) throw missing();
      if (subscription.status !== 'enabled') throw new DomainError('conflict', 'This subscription is turned off; turn it on to send a test event.');
      const event = testEvent(subscription.id, organisationId, at);
      if (!(await deps.store.queueTestEvent({ subscriptionId: subscription.id, organisationId, event, audit: audit(context, who, at) }))) throw missing();
      return { eventId: event.id };
    },

    /**
     * Sends a failed delivery again, by hand (the admin mended the endpoint): one more attempt with
     * the same webhook-id, so a receiver that did get it after all recognises it.
     */
    async resendDelivery(context: CareContext, organisationId: string, id: string, deliveryId: string): Promise<{ deliveryId: string; status: 'pending' }> {
      const who = admin(context, organisationId);
      const at = deps.now().toISOString();
      const outcome = await deps.store.resendDelivery({ organisationId, subscriptionId: id.slice(0, 200), deliveryId: deliveryId.slice(0, 200), at, audit: audit(context, who, at) });
      if (outcome === 'not-found') throw new DomainError('not_found', 'There is no such delivery of this webhook subscription at this care provider.');
      if (outcome === 'not-failed') throw new DomainError('conflict', 'Only a failed delivery can be sent again; this one is waiting, delivered or cancelled.');
      if (outcome === 'subscription-off') throw new DomainError('conflict', 'This subscription is turned off; turn it on to send the delivery again.');
      return { deliveryId, status: 'pending' };
    },

    async deliveries(context: CareContext, organisationId: string, id: string, query: { status?: string; limit?: string }): Promise<WebhookDeliveryRecord[]> {
      admin(context, organisationId);
      if (query.status !== undefined && !(DELIVERY_STATUSES as readonly string[]).includes(query.status)) throw invalid('/status', `"status" is one of ${DELIVERY_STATUSES.join(', ')}.`);
      const limit = query.limit === undefined ? 100 : /^\d{1,3}$/.test(query.limit) ? Number(query.limit) : Number.NaN;
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw invalid('/limit', '"limit" is a whole number from 1 to 500.');
      if (!(await deps.store.getSubscription(organisationId, id.slice(0, 200)))) throw missing();
      return deps.store.listDeliveries({ organisationId, subscriptionId: id.slice(0, 200), limit, ...(query.status ? { status: query.status as WebhookDeliveryStatus } : {}) });
    },
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
