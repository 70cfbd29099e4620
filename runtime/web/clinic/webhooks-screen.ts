import { css, html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import type { CreatedWebhook, RotatedWebhookSecret, WebhookDelivery, WebhookDeliveryList, WebhookEventType, WebhookList, WebhookSubscription } from '@careloom/format/api';
import { seg } from '@careloom/client/api';
import { formatDateTime, type MessageKey } from '../shared/i18n.js';
import { ScreenElement } from '../shared/screen-element.js';

/** Each event in the admin's words. */
export const EVENT_KEYS: Record<string, MessageKey> = {
  'response.recorded': 'webhookEventResponseRecorded',
  'alert.raised': 'webhookEventAlertRaised',
  'alert.acknowledged': 'webhookEventAlertAcknowledged',
  'enrollment.started': 'webhookEventEnrollmentStarted',
  'enrollment.paused': 'webhookEventEnrollmentPaused',
  'enrollment.resumed': 'webhookEventEnrollmentResumed',
  'enrollment.ended': 'webhookEventEnrollmentEnded',
  'webhook.test': 'webhookEventTest',
};

const STATUS_KEYS: Record<WebhookDelivery['status'], MessageKey> = {
  pending: 'webhookDeliveryPending',
  delivered: 'webhookDeliveryDelivered',
  failed: 'webhookDeliveryFailed',
  cancelled: 'webhookDeliveryCancelled',
};

/**
 * `<cl-webhooks-screen>`: a care-provider admin's webhooks. Subscribe a record system's https
 * address to events (the signing secret is shown once, to be copied into the receiving system),
 * turn a subscription off and on, send a test event, make a new secret, delete, and read each
 * subscription's delivery log: every attempt with the receiver's status code or the error; a
 * delivery given up on can be sent again once the receiving system is mended.
 */
export class ClWebhooksScreen extends ScreenElement {
  static override styles = [
    ScreenElement.styles,
    css`
      .subscriptions { list-style: none; padding: 0; margin: 0; }
      .subscription h2 { font-size: 1.05rem; margin: 0 0 0.25rem; overflow-wrap: anywhere; }
      .secret { border: 2px solid #b26a00; padding: 0.75rem; margin: 0 0 1rem; }
      .secret code { display: block; overflow-wrap: anywhere; font-size: 1rem; margin: 0.5rem 0; user-select: all; }
      fieldset { border: 0; padding: 0; margin: 0.5rem 0; }
      fieldset label { display: block; }
      table { border-collapse: collapse; width: 100%; }
      th, td { text-align: left; padding: 0.25rem 0.5rem 0.25rem 0; vertical-align: top; overflow-wrap: anywhere; }
      .log { overflow-x: auto; }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    organisationId: { attribute: 'organisation-id' },
    list: { state: true },
    secret: { state: true },
    errors: { state: true },
    notice: { state: true },
    logs: { state: true },
  };

  declare organisationId: string;
  declare list: WebhookList | null;
  /** The secret just made, shown until the admin leaves or makes another. */
  declare secret: { url: string; value: string } | null;
  declare errors: Record<string, string>;
  declare notice: string;
  declare logs: Record<string, WebhookDelivery[]>;

  constructor() {
    super();
    this.organisationId = '';
    this.list = null;
    this.secret = null;
    this.errors = {};
    this.notice = '';
    this.logs = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private get base(): string {
    return `/api/care/providers/${seg(this.organisationId)}/webhooks`;
  }

  async load(): Promise<void> {
    const result = await this.guard(() => this.api.get<WebhookList>(this.base));
    if (result) this.list = result;
  }

  private async change(key: string, work: () => Promise<unknown>, notice = ''): Promise<boolean> {
    try {
      await work();
      this.errors = { ...this.errors, [key]: '' };
      this.notice = notice;
      await this.load();
      return true;
    } catch (error) {
      this.errors = { ...this.errors, [key]: this.describeError(error) };
      return false;
    }
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const url = String(data.get('url') ?? '').trim();
    const eventTypes = data.getAll('event').map(String);
    if (eventTypes.length === 0) {
      this.errors = { ...this.errors, create: this.t('webhookEventsRequired') };
      return;
    }
    let created: CreatedWebhook | undefined;
    const done = await this.change('create', async () => {
      created = await this.api.post<CreatedWebhook>(this.base, { url, description: String(data.get('description') ?? '').trim(), eventTypes });
    });
    if (done && created) {
      this.secret = { url: created.subscription.url, value: created.secret };
      form.reset();
    }
  }

  private async rotate(subscription: WebhookSubscription): Promise<void> {
    if (!confirm(this.t('webhookRotateConfirm'))) return;
    let rotated: RotatedWebhookSecret | undefined;
    await this.change(subscription.id, async () => {
      rotated = await this.api.post<RotatedWebhookSecret>(`${this.base}/${seg(subscription.id)}/secret`);
    });
    if (rotated) this.secret = { url: subscription.url, value: rotated.secret };
  }

  private deleteSubscription(subscription: WebhookSubscription): Promise<boolean> | undefined {
    if (!confirm(this.t('webhookDeleteConfirm', { url: subscription.url }))) return undefined;
    return this.change(subscription.id, () => this.api.request('DELETE', `${this.base}/${seg(subscription.id)}`), this.t('webhookDeleted'));
  }

  private async showLog(subscription: WebhookSubscription): Promise<void> {
    try {
      const result = await this.api.get<WebhookDeliveryList>(`${this.base}/${seg(subscription.id)}/deliveries?limit=50`);
      this.logs = { ...this.logs, [subscription.id]: result.deliveries };
      this.errors = { ...this.errors, [subscription.id]: '' };
    } catch (error) {
      this.errors = { ...this.errors, [subscription.id]: this.describeError(error) };
    }
  }

  /** Sends a failed delivery once more (the admin mended the receiving system), then shows the log again. */
  private async resend(subscription: WebhookSubscription, delivery: WebhookDelivery): Promise<void> {
    try {
      await this.api.post(`${this.base}/${seg(subscription.id)}/deliveries/${seg(delivery.id)}/resend`);
      this.notice = this.t('webhookResent');
      await this.showLog(subscription);
    } catch (error) {
      this.errors = { ...this.errors, [subscription.id]: this.describeError(error) };
    }
  }

  private eventLabel(type: string): string {
    const key = EVENT_KEYS[type];
    return key ? this.t(key) : type;
  }

  private renderLog(subscription: WebhookSubscription, deliveries: WebhookDelivery[]): TemplateResult {
    const t = this.t;
    if (deliveries.length === 0) return html`<p>${t('webhookLogEmpty')}</p>`;
    return html`<div class="log"><table>
      <caption>${t('webhookLogTitle')}</caption>
      <thead><tr><th scope="col">${t('webhookLogEvent')}</th><th scope="col">${t('webhookLogStatus')}</th><th scope="col">${t('webhookLogAttempts')}</th><th scope="col">${t('webhookLogLast')}</th></tr></thead>
      <tbody>
        ${deliveries.map((delivery) => html`<tr data-delivery=${delivery.id}>
          <td>${this.eventLabel(delivery.eventType)}<br /><time datetime=${delivery.createdAt}>${formatDateTime(delivery.createdAt, this.language)}</time></td>
          <td>${t(STATUS_KEYS[delivery.status])}${delivery.status === 'pending' && delivery.nextAttemptAt ? html`<br />${t('webhookLogNext', { at: formatDateTime(delivery.nextAttemptAt, this.language) })}` : null}${delivery.status === 'failed' && subscription.enabled
              ? html`<br /><button type="button" data-action="resend" @click=${() => this.resend(subscription, delivery)}>${t('webhookResend')}</button>`
              : null}</td>
          <td>${delivery.attempts}</td>
          <td>${delivery.lastStatusCode !== null ? t('webhookLogAnswered', { code: delivery.lastStatusCode }) : null}${delivery.lastError && delivery.status !== 'delivered' ? html`<br />${delivery.lastError}` : null}</td>
        </tr>`)}
      </tbody>
    </table></div>`;
  }

  private renderSubscription(subscription: WebhookSubscription): TemplateResult {
    const t = this.t;
    const log = this.logs[subscription.id];
    return html`<li class="card subscription" data-webhook=${subscription.id}>
      <h2>${subscription.description || subscription.url}${subscription.enabled ? null : html` <span class="badge warning">${t('webhookOff')}</span>`}</h2>
      ${subscription.description ? html`<p>${subscription.url}</p>` : null}
      <p>${t('webhookEventsOf')} ${subscription.eventTypes.map((type) => this.eventLabel(type)).join(', ')}</p>
      <div class="actions">
        <button type="button" data-action="toggle" @click=${() => this.change(subscription.id, () => this.api.patch(`${this.base}/${seg(subscription.id)}`, { enabled: !subscription.enabled }))}>${t(subscription.enabled ? 'webhookTurnOff' : 'webhookTurnOn')}</button>
        <button type="button" data-action="test" ?disabled=${!subscription.enabled} @click=${() => this.change(subscription.id, () => this.api.post(`${this.base}/${seg(subscription.id)}/test`), t('webhookTestQueued'))}>${t('webhookSendTest')}</button>
        <button type="button" data-action="log" @click=${() => this.showLog(subscription)}>${t(log ? 'webhookLogRefresh' : 'webhookShowLog')}</button>
        <button type="button" data-action="rotate" @click=${() => this.rotate(subscription)}>${t('webhookRotate')}</button>
        <button type="button" data-action="delete" class="danger" @click=${() => this.deleteSubscription(subscription)}>${t('webhookDelete')}</button>
      </div>
      ${this.errors[subscription.id] ? html`<p class="form-error" role="alert">${this.errors[subscription.id]}</p>` : null}
      ${log ? this.renderLog(subscription, log) : null}
    </li>`;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const list = this.list;
    const eventTypes: WebhookEventType[] = list?.eventTypes ?? [];
    return html`<h1 tabindex="-1">${t('webhooksTitle')}</h1>
      <p>${t('webhooksIntro')}</p>
      ${this.notice ? html`<p role="status">${this.notice}</p>` : null}
      ${this.secret
        ? html`<section class="secret card" role="status" aria-labelledby="secret-heading">
            <h2 id="secret-heading">${t('webhookSecretTitle')}</h2>
            <p>${t('webhookSecretOnce', { url: this.secret.url })}</p>
            <code>${this.secret.value}</code>
            <button type="button" @click=${() => (this.secret = null)}>${t('webhookSecretDone')}</button>
          </section>`
        : null}
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      ${!list && !this.loadError ? html`<p role="status">${t('common.loading')}</p>` : null}
      ${list && list.subscriptions.length === 0 ? html`<p>${t('webhooksNone')}</p>` : null}
      ${list && list.subscriptions.length > 0 ? html`<ul class="subscriptions">${list.subscriptions.map((subscription) => this.renderSubscription(subscription))}</ul>` : null}
      ${list
        ? html`<form class="card" @submit=${(event: SubmitEvent) => this.create(event)}>
            <h2>${t('webhookAdd')}</h2>
            <label>${t('webhookUrl')}<input name="url" type="url" required maxlength="2000" placeholder="https://" autocomplete="off" /></label>
            <p class="hint">${t('webhookUrlHint')}</p>
            <label>${t('webhookDescription')}<input name="description" maxlength="200" autocomplete="off" /></label>
            <fieldset><legend>${t('webhookEvents')}</legend>
              ${eventTypes.map((type) => html`<label><input type="checkbox" name="event" value=${type} />${this.eventLabel(type)}</label>`)}
            </fieldset>
            ${this.errors['create'] ? html`<p class="form-error" role="alert">${this.errors['create']}</p>` : null}
            <button type="submit">${t('webhookCreate')}</button>
          </form>`
        : null}`;
  }
}

if (!customElements.get('cl-webhooks-screen')) customElements.define('cl-webhooks-screen', ClWebhooksScreen);

declare global {
  interface HTMLElementTagNameMap {
    'cl-webhooks-screen': ClWebhooksScreen;
  }
}
