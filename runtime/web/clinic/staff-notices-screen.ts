import { css, html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { seg } from '@careloom/client/api';
import type { StaffNotice, StaffNoticeBody, StaffNoticeList, Unit } from '@careloom/format/api';
import { checkStyles } from '../shared/check-styles.js';
import { formatDateTime } from '../shared/i18n.js';
import { ScreenElement } from '../shared/screen-element.js';

/**
 * `<cl-staff-notices-screen>`: information for the staff of the units the person works in, newest
 * first, each unread one marked New until they mark it read; and, for a care-provider admin
 * (`organisation-id`), a form to post information to chosen units (optionally e-mailing their
 * staff that it waits) and the provider's posted notices. Fires `notices-changed` with the unread
 * count whenever it changes, for the menu's badge.
 */
export class ClStaffNoticesScreen extends ScreenElement {
  static override styles = [
    ScreenElement.styles,
    checkStyles,
    css`
      .notice-head { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: baseline; }
      .notice-head h3 { margin: 0; }
      .notice-body { white-space: pre-wrap; margin: 0.5rem 0; }
      li.unread { border-left: 4px solid var(--cl-accent); }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    organisationId: { attribute: 'organisation-id' },
    units: { attribute: false },
    mine: { state: true },
    posted: { state: true },
    busy: { state: true },
    formError: { state: true },
    unitError: { state: true },
    postedNote: { state: true },
  };

  /** The care provider the person administers, or '' for a reader only. */
  declare organisationId: string;
  /** The units an admin may post to. */
  declare units: Unit[];
  declare mine: StaffNoticeList | null;
  declare posted: StaffNotice[] | null;
  declare busy: boolean;
  declare formError: string | null;
  declare unitError: string | null;
  declare postedNote: boolean;

  constructor() {
    super();
    this.organisationId = '';
    this.units = [];
    this.mine = null;
    this.posted = null;
    this.busy = false;
    this.formError = null;
    this.unitError = null;
    this.postedNote = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    const loaded = await this.guard(() =>
      Promise.all([
        this.api.get<StaffNoticeList>('/api/care/staff-notices'),
        this.organisationId ? this.api.get<StaffNoticeList>(`/api/care/providers/${seg(this.organisationId)}/staff-notices`) : Promise.resolve(null),
      ]),
    );
    if (!loaded) return;
    this.setMine(loaded[0]);
    this.posted = loaded[1]?.notices ?? null;
  }

  private setMine(list: StaffNoticeList): void {
    this.mine = list;
    this.dispatchEvent(new CustomEvent('notices-changed', { detail: list.unread, bubbles: true, composed: true }));
  }

  private async markRead(notice: StaffNotice): Promise<void> {
    try {
      await this.api.post<void>(`/api/care/staff-notices/${seg(notice.id)}/read`, {});
      this.setMine(await this.api.get<StaffNoticeList>('/api/care/staff-notices'));
    } catch (error) {
      this.loadError = this.describeError(error);
    }
  }

  private async post(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const unitIds = data.getAll('unit').map(String);
    this.formError = null;
    this.postedNote = false;
    this.unitError = unitIds.length === 0 ? this.t('noticesChooseUnit') : null;
    if (this.unitError) return;
    const body: StaffNoticeBody = { title: String(data.get('title') ?? ''), body: String(data.get('body') ?? ''), unitIds, email: data.get('email') === 'on' };
    this.busy = true;
    try {
      await this.api.post<StaffNotice>(`/api/care/providers/${seg(this.organisationId)}/staff-notices`, body);
      form.reset();
      this.postedNote = true;
      await this.load();
    } catch (error) {
      this.formError = this.describeError(error);
    } finally {
      this.busy = false;
    }
  }

  private renderNotice(notice: StaffNotice, reader: boolean): TemplateResult {
    const t = this.t;
    const unread = reader && notice.readAt === null;
    return html`<li class="card ${unread ? 'unread' : ''}" data-notice=${notice.id}>
      <div class="notice-head">
        <h3>${notice.title}</h3>
        ${unread ? html`<span class="badge">${t('noticesNew')}</span>` : null}
        ${!reader && notice.emailed ? html`<span class="badge neutral">${t('noticesEmailed')}</span>` : null}
      </div>
      <p class="hint">${t('noticesPostedBy', { name: notice.postedByName, time: formatDateTime(notice.postedAt, this.language) })}</p>
      <p class="hint">${t('noticesTo', { units: notice.units.map((unit) => unit.name).join(', ') })}</p>
      <p class="notice-body">${notice.body}</p>
      ${unread ? html`<button type="button" data-action="read" @click=${() => this.markRead(notice)}>${t('noticesMarkRead')}</button>` : null}
    </li>`;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<h1 tabindex="-1">${t('noticesTitle')}</h1>
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      ${this.mine === null && !this.loadError ? html`<p role="status">${t('common.loading')}</p>` : null}
      ${this.mine
        ? html`${this.mine.unread > 0 ? html`<p><span class="badge">${t('noticesUnread', { n: this.mine.unread })}</span></p>` : null}
            ${this.mine.notices.length === 0 && !this.organisationId ? html`<p class="muted">${t('noticesNone')}</p>` : null}
            <ul class="plain mine">${this.mine.notices.map((notice) => this.renderNotice(notice, true))}</ul>`
        : null}
      ${this.organisationId ? this.renderAdmin() : null}`;
  }

  private renderAdmin(): TemplateResult {
    const t = this.t;
    return html`<section aria-labelledby="post-heading">
        <h2 id="post-heading">${t('noticesPostTitle')}</h2>
        <p class="hint">${t('noticesPostIntro')}</p>
        <form @submit=${(event: SubmitEvent) => this.post(event)}>
          <label for="notice-title">${t('noticesFieldTitle')}</label>
          <input id="notice-title" name="title" required maxlength="200" autocomplete="off" />
          <label for="notice-body">${t('noticesFieldBody')}</label>
          <textarea id="notice-body" name="body" required maxlength="5000"></textarea>
          <fieldset aria-describedby=${this.unitError ? 'unit-error' : ''}>
            <legend>${t('noticesFieldUnits')}</legend>
            ${this.units.map((unit) => html`<label class="check"><input type="checkbox" name="unit" value=${unit.id} /><span>${unit.name}</span></label>`)}
            ${this.unitError ? html`<p id="unit-error" class="field-error" role="alert">${this.unitError}</p>` : null}
          </fieldset>
          <label class="check"><input type="checkbox" name="email" /><span>${t('noticesFieldEmail')}</span></label>
          <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t('noticesPost')}</button></div>
          <p class="status" role="status">${this.postedNote ? t('noticesPosted') : ''}</p>
          ${this.formError ? html`<p class="form-error" role="alert">${this.formError}</p>` : null}
        </form>
      </section>
      ${this.posted && this.posted.length > 0
        ? html`<section aria-labelledby="posted-heading">
            <h2 id="posted-heading">${t('noticesPostedList')}</h2>
            <ul class="plain posted">${this.posted.map((notice) => this.renderNotice(notice, false))}</ul>
          </section>`
        : null}`;
  }
}

if (!customElements.get('cl-staff-notices-screen')) customElements.define('cl-staff-notices-screen', ClStaffNoticesScreen);

declare global {
  interface HTMLElementTagNameMap {
    'cl-staff-notices-screen': ClStaffNoticesScreen;
  }
}
