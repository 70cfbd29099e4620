import { css, html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import type { DueItem, Today } from '@careloom/format/api';
import { hashOf } from '@careloom/client/router';
import { formatDateTime } from '../shared/i18n.js';
import { newestFirst } from '../shared/message-thread.js';
import { ScreenElement } from '../shared/screen-element.js';

/** Where a due item or new module opens: measurements and registrations start a new round. */
export function playerHash(item: { enrollmentId: string; moduleId: string; version: number; kind?: DueItem['kind'] }): string {
  const query: Record<string, string> = { v: String(item.version) };
  if (item.kind === 'measurement' || item.kind === 'registration') query.fresh = '1';
  return hashOf('modules', item.enrollmentId, item.moduleId, query);
}

/**
 * `<cl-today-screen>`: what the patient needs now. The newest message comes first, with the number
 * of unread ones, so that a therapist's answer is seen without opening anything; then what is due
 * (overdue first) and what is new.
 */
export class ClTodayScreen extends ScreenElement {
  static override styles = [
    ScreenElement.styles,
    css`
      .overdue { color: var(--cl-red); font-weight: 600; }
      .message-preview { white-space: pre-wrap; margin: 0.25rem 0; }
      .card a.title { font-weight: 600; display: inline-block; min-height: 44px; padding: 0.5rem 0; }
      h2 .badge { margin-left: 0.5rem; vertical-align: middle; }
    `,
  ];

  static override properties: PropertyDeclarations = { ...ScreenElement.properties, today: { state: true }, personName: { attribute: 'person-name' } };

  declare today: Today | null;
  declare personName: string;

  constructor() {
    super();
    this.today = null;
    this.personName = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  protected override languageChanged(): Promise<void> {
    return this.load();
  }

  async load(): Promise<void> {
    const today = await this.guard(() => this.api.get<Today>('/api/me/today'));
    if (!today) return;
    this.today = today;
    this.dispatchEvent(new CustomEvent<{ unread: number }>('unread-changed', { detail: { unread: today.messages.unread }, bubbles: true, composed: true }));
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const today = this.today;
    return html`<h1 tabindex="-1">${this.personName ? t('todayHello', { name: this.personName }) : t('todayTitle')}</h1>
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      ${today === null && !this.loadError ? html`<p role="status">${t('common.loading')}</p>` : null}
      ${today ? html`${this.renderPaused(today)}${this.renderMessages(today)}${this.renderDue(today)}${this.renderNew(today)}` : null}`;
  }

  /** Programs the therapist paused: said first, so that nothing due is not mistaken for a fault. */
  private renderPaused(today: Today): TemplateResult | null {
    if (today.paused.length === 0) return null;
    return html`${today.paused.map((program) => html`<p class="card paused" data-paused=${program.enrollmentId}>${this.t('todayPaused', { title: program.title })}</p>`)}`;
  }

  private renderMessages(today: Today): TemplateResult {
    const t = this.t;
    const latest = newestFirst(today.messages.latest);
    const newest = latest[0];
    return html`<section aria-labelledby="messages-heading" class="messages">
      <h2 id="messages-heading">${t('navMessages')}${today.messages.unread > 0 ? html`<span class="badge unread">${t('unreadCount', { n: today.messages.unread })}</span>` : null}</h2>
      ${newest
        ? html`<article class="card newest-message" data-message=${newest.id}>
            <p><strong>${newest.from === 'patient' ? t('messageYou') : newest.authorName}</strong>,
              <time datetime=${newest.sentAt}>${formatDateTime(newest.sentAt, this.language)}</time>
              ${newest.readAt === null && newest.from !== 'patient' ? html`<span class="badge">${t('messageNew')}</span>` : null}</p>
            <p class="message-preview">${newest.body}</p>
            <a href=${hashOf('messages')}>${t('messagesOpen')}</a>
          </article>`
        : html`<p class="muted">${t('messagesNone')} <a href=${hashOf('messages')}>${t('messageWriteLink')}</a></p>`}
    </section>`;
  }

  private renderDue(today: Today): TemplateResult {
    const t = this.t;
    const due = [...today.due].sort((left, right) => Number(right.overdue) - Number(left.overdue) || (left.dueAt ?? '').localeCompare(right.dueAt ?? ''));
    return html`<section aria-labelledby="due-heading">
      <h2 id="due-heading">${t('todayDue')}</h2>
      ${due.length === 0
        ? html`<p class="muted">${t('todayNothingDue')}</p>`
        : html`<ul class="plain">${due.map((item) => html`<li class="card due" data-module=${item.moduleId}>
            <a class="title" href=${playerHash(item)}>${item.title}</a>
            <p class="hint">${t(item.kind === 'measurement' ? 'kindMeasurement' : item.kind === 'registration' ? 'kindRegistration' : 'common.module')}${item.dueAt
              ? html` · ${item.overdue ? html`<span class="overdue">${t('overdueSince', { time: formatDateTime(item.dueAt, this.language) })}</span>` : t('dueBy', { time: formatDateTime(item.dueAt, this.language) })}`
              : item.overdue ? html` · <span class="overdue">${t('overdue')}</span>` : null}</p>
          </li>`)}</ul>`}
    </section>`;
  }

  private renderNew(today: Today): TemplateResult | null {
    const t = this.t;
    // A module unlocked and due (week 1 on the first day) is listed once, under what to do.
    const fresh = today.new.filter((item) => !today.due.some((due) => due.enrollmentId === item.enrollmentId && due.moduleId === item.moduleId));
    if (fresh.length === 0) return null;
    return html`<section aria-labelledby="new-heading">
      <h2 id="new-heading">${t('todayNew')}</h2>
      <ul class="plain">${fresh.map((item) => html`<li class="card new" data-module=${item.moduleId}>
        <a class="title" href=${playerHash(item)}>${item.title}</a>
        <p class="hint">${t('unlockedAt', { time: formatDateTime(item.unlockedAt, this.language) })}</p>
      </li>`)}</ul>
    </section>`;
  }
}

if (!customElements.get('cl-today-screen')) customElements.define('cl-today-screen', ClTodayScreen);

declare global {
  interface HTMLElementTagNameMap {
    'cl-today-screen': ClTodayScreen;
  }
}
