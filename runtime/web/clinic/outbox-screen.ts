import { css, html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import type { OutboxMessage } from '@careloom/format/api';
import { formatDateTime } from '../shared/i18n.js';
import { ScreenElement } from '../shared/screen-element.js';

/**
 * `<cl-outbox-screen>`: in development (no SMTP relay configured) the e-mails the server would have
 * sent, newest first: invitations and reminders. Each text opens in a disclosure, so a developer or
 * tester can follow an invitation link without a mail server.
 */
export class ClOutboxScreen extends ScreenElement {
  static override styles = [
    ScreenElement.styles,
    css`
      .messages { list-style: none; padding: 0; margin: 0; }
      .message { margin: 0 0 0.75rem; }
      .message h2 { font-size: 1.05rem; margin: 0 0 0.25rem; overflow-wrap: anywhere; }
      .meta { margin: 0 0 0.5rem; color: #444; overflow-wrap: anywhere; }
      summary { cursor: pointer; }
      summary:focus-visible { outline: 3px solid var(--cl-focus, #0b57d0); outline-offset: 2px; }
      pre.text { white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; margin: 0.5rem 0 0; }
    `,
  ];

  static override properties: PropertyDeclarations = { ...ScreenElement.properties, messages: { state: true } };

  declare messages: OutboxMessage[] | null;

  constructor() {
    super();
    this.messages = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.api) void this.load();
  }

  async load(): Promise<void> {
    const result = await this.guard(() => this.api.get<{ messages: OutboxMessage[] }>('/api/dev/outbox'));
    if (result) this.messages = result.messages;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const messages = this.messages;
    return html`<h1 tabindex="-1">${t('outboxTitle')}</h1>
      <p>${t('outboxIntro')}</p>
      <div class="actions"><button type="button" @click=${() => this.load()}>${t('outboxRefresh')}</button></div>
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      ${!messages && !this.loadError ? html`<p role="status">${t('common.loading')}</p>` : null}
      ${messages && messages.length === 0 ? html`<p>${t('outboxEmpty')}</p>` : null}
      ${messages && messages.length > 0
        ? html`<ul class="messages">
            ${messages.map(
              (message) => html`<li class="card message" data-message=${message.id}>
                <h2>${message.subject}</h2>
                <p class="meta">${t('outboxTo', { to: message.to })} · <time datetime=${message.createdAt}>${formatDateTime(message.createdAt, this.language)}</time></p>
                <details>
                  <summary>${t('outboxShowText')}</summary>
                  <pre class="text">${message.text}</pre>
                </details>
              </li>`,
            )}
          </ul>`
        : null}`;
  }
}

if (!customElements.get('cl-outbox-screen')) customElements.define('cl-outbox-screen', ClOutboxScreen);

declare global {
  interface HTMLElementTagNameMap {
    'cl-outbox-screen': ClOutboxScreen;
  }
}
