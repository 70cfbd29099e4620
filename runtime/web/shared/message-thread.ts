import { html } from 'lit';
import { css } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ApiError } from '@careloom/client/api';
import type { Message } from '@careloom/format/api';
import { formatDateTime } from './i18n.js';
import type { MessageQueue, QueuedMessage } from './message-queue.js';
import type { QueueStatus } from './outbox-queue.js';
import { QueueStatusController } from './queue-status-controller.js';
import { ScreenElement } from './screen-element.js';

/**
 * `<cl-message-thread>`: the conversation of one enrollment, for the patient (`side="patient"`,
 * `base="/api/me/enrollments/<id>"`) or the therapist (`side="therapist"`, `base="/api/care/enrollments/<id>"`).
 * Newest first; opening it marks the other side's messages read; the viewer's own messages show
 * whether they have been read. With a `queue` (the patient app's), a message is stored on the
 * device first and sent when there is a connection: written offline, it shows as waiting and goes
 * out when the connection returns, once, however often it is retried.
 *
 * @fires messages-read - after the other side's messages were marked read
 */
export class ClMessageThread extends ScreenElement {
  static override styles = [
    ScreenElement.styles,
    css`
      .message.mine { margin-left: 1.5rem; background: var(--cl-surface); }
      .message.theirs { margin-right: 1.5rem; }
      .message .meta { display: flex; flex-wrap: wrap; gap: 0 0.75rem; margin: 0; }
      .message .body { white-space: pre-wrap; margin: 0.25rem 0; }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    base: {},
    side: {},
    queue: { attribute: false },
    messages: { state: true },
    draft: { state: true },
    sendError: { state: true },
    sending: { state: true },
    announcement: { state: true },
  };

  declare base: string;
  declare side: 'patient' | 'therapist';
  declare queue: MessageQueue | undefined;
  declare messages: Message[] | null;
  declare draft: string;
  declare sendError: string | null;
  declare sending: boolean;
  declare announcement: string;

  readonly #outbox = new QueueStatusController(this, () => this.queue, (status, previous) => this.#onQueueStatus(status, previous));

  constructor() {
    super();
    this.queue = undefined;
    this.base = '';
    this.side = 'patient';
    this.messages = null;
    this.draft = '';
    this.sendError = null;
    this.sending = false;
    this.announcement = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('queue') && this.isConnected) this.#listen();
    if ((changed.has('base') || changed.has('api')) && this.base && this.api) void this.load();
  }

  async load(): Promise<void> {
    const result = await this.guard(() => this.api.get<{ messages: Message[] }>(`${this.base}/messages`));
    if (!result) return;
    this.messages = newestFirst(result.messages);
    const unreadFromOther = result.messages.some((message) => message.from !== this.side && message.readAt === null);
    if (unreadFromOther) {
      try {
        await this.api.post(`${this.base}/messages/read`);
        this.dispatchEvent(new CustomEvent('messages-read', { bubbles: true, composed: true }));
      } catch {
        // Not marking read is harmless: the badge stays until the next visit.
      }
    }
  }

  private async send(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const body = this.draft.trim();
    if (!body) {
      this.sendError = this.t('messageEmpty');
      this.focusInput();
      return;
    }
    this.sendError = null;
    if (this.queue) {
      this.draft = '';
      await this.queue.enqueue({ base: this.base, body: { body, clientId: crypto.randomUUID() }, writtenAt: new Date().toISOString() });
      this.announcement = this.t(this.queue.status.state === 'offline' ? 'messageQueued' : 'messageSent');
      return;
    }
    this.sending = true;
    try {
      const sent = await this.api.post<Message>(`${this.base}/messages`, { body, clientId: crypto.randomUUID() });
      this.messages = newestFirst([...(this.messages ?? []), sent]);
      this.draft = '';
      this.announcement = this.t('messageSent');
    } catch (error) {
      this.sendError = error instanceof ApiError ? (error.issueAt('/body') ?? this.describeError(error)) : this.describeError(error);
      this.focusInput();
    } finally {
      this.sending = false;
    }
  }

  /** Messages of this thread the queue still holds. */
  #waiting(): QueuedMessage[] {
    return (this.queue?.pending ?? []).filter((item) => item.base === this.base);
  }

  #stopListening: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopListening?.();
  }

  /** When the queue sent one of this thread's messages, the stored message (with its receipt) takes the waiting one's place. */
  #listen(): void {
    this.#stopListening?.();
    this.#stopListening = this.queue?.onAcknowledged((item, sent) => {
      if (item.base !== this.base) return;
      this.messages = newestFirst([...(this.messages ?? []).filter((message) => message.id !== sent.id), sent]);
      this.announcement = this.t('messageSent');
    });
  }

  #onQueueStatus(status: QueueStatus, previous: QueueStatus | undefined): void {
    if (status.rejected && status.rejected !== previous?.rejected) this.sendError = this.describeError(status.rejected.error);
  }

  private focusInput(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus());
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<form @submit=${this.send} novalidate>
        <label for="message-body">${t('messageWrite')}</label>
        <textarea id="message-body" name="body" .value=${this.draft} maxlength="10000"
          aria-invalid=${this.sendError ? 'true' : 'false'} aria-describedby=${ifDefined(this.sendError ? 'message-error' : undefined)}
          @input=${(event: Event) => (this.draft = (event.target as HTMLTextAreaElement).value)}></textarea>
        ${this.sendError ? html`<p class="field-error" id="message-error">${this.sendError}</p>` : null}
        ${this.#outbox.status?.state === 'offline' && this.#waiting().length > 0 ? html`<p class="hint" data-offline>${t('messagesWaitingOffline', { n: this.#waiting().length })}</p>` : null}
        <div class="actions"><button class="primary" type="submit" ?disabled=${this.sending}>${t('messageSend')}</button></div>
        <p class="visually-hidden" role="status">${this.announcement}</p>
      </form>
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      ${this.messages === null && !this.loadError ? html`<p class="muted">${t('common.loading')}</p>` : null}
      ${this.messages && this.messages.length === 0 && this.#waiting().length === 0 ? html`<p class="muted">${t('messagesNone')}</p>` : null}
      <ol class="plain thread" aria-label=${t('messagesTitle')}>
        ${[...this.#waiting()].reverse().map((item) => this.renderWaiting(item))}
        ${(this.messages ?? []).map((message) => this.renderMessage(message))}
      </ol>`;
  }

  private renderWaiting(item: QueuedMessage): TemplateResult {
    const t = this.t;
    return html`<li class="card message mine waiting" data-waiting=${item.body.clientId}>
      <p class="meta"><strong>${t('messageYou')}</strong>
        <time datetime=${item.writtenAt}>${formatDateTime(item.writtenAt, this.language)}</time></p>
      <p class="body">${item.body.body}</p>
      <p class="receipt hint">${t('messageWaiting')}</p>
    </li>`;
  }

  private renderMessage(message: Message): TemplateResult {
    const t = this.t;
    const mine = message.from === this.side;
    const receipt = mine
      ? message.readAt
        ? t('messageReadAt', { time: formatDateTime(message.readAt, this.language) })
        : t('messageNotRead')
      : message.readAt === null
        ? t('messageNew')
        : '';
    return html`<li class="card message ${mine ? 'mine' : 'theirs'}" data-message=${message.id}>
      <p class="meta"><strong>${mine ? t('messageYou') : message.authorName}</strong>
        <time datetime=${message.sentAt}>${formatDateTime(message.sentAt, this.language)}</time></p>
      <p class="body">${message.body}</p>
      ${receipt ? html`<p class="receipt hint">${receipt}</p>` : null}
    </li>`;
  }
}

/** Messages newest first (ties keep their order). */
export function newestFirst(messages: readonly Message[]): Message[] {
  return [...messages].sort((left, right) => right.sentAt.localeCompare(left.sentAt));
}

if (!customElements.get('cl-message-thread')) customElements.define('cl-message-thread', ClMessageThread);

declare global {
  interface HTMLElementTagNameMap {
    'cl-message-thread': ClMessageThread;
  }
}
