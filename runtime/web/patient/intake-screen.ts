import { html } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { localize } from '@careloom/format/engine';
import type { AnswerChangeDetail, NavigateDetail } from '@careloom/renderer';
import '@careloom/renderer';
import { seg, ApiError } from '@careloom/client/api';
import type { Answers, IntakeForm } from '@careloom/format/api';
import { field } from '../shared/login-form.js';
import { ScreenElement } from '../shared/screen-element.js';

/**
 * `<cl-intake-screen>`: a unit's self-referral. Anyone can answer the unit's intake questionnaire
 * (page by page, answers kept in the page until sent) and leave contact details; it lands in the
 * unit's referral queue.
 */
export class ClIntakeScreen extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    unitId: { attribute: 'unit-id' },
    form: { state: true },
    answers: { state: true },
    pageId: { state: true },
    step: { state: true },
    fieldErrors: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  declare unitId: string;
  declare form: IntakeForm | null;
  declare answers: Answers;
  declare pageId: string | undefined;
  declare step: 'questions' | 'contact' | 'sent';
  declare fieldErrors: Record<string, string>;
  declare error: string | null;
  declare busy: boolean;

  readonly #clientId = crypto.randomUUID();

  constructor() {
    super();
    this.unitId = '';
    this.form = null;
    this.answers = {};
    this.step = 'questions';
    this.fieldErrors = {};
    this.error = null;
    this.busy = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('unitId') && this.unitId && this.api) void this.load();
  }

  async load(): Promise<void> {
    const form = await this.guard(() => this.api.get<IntakeForm>(`/api/public/units/${seg(this.unitId)}/intake`));
    if (form) this.form = form;
  }

  private onNavigate(event: CustomEvent<NavigateDetail>): void {
    if (event.detail.to === null) this.step = 'contact';
    else this.pageId = event.detail.to;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = this.form;
    if (!form) return;
    const data = new FormData(event.target as HTMLFormElement);
    const contact = { name: String(data.get('name') ?? '').trim(), email: String(data.get('email') ?? '').trim(), phone: String(data.get('phone') ?? '').trim() };
    const errors: Record<string, string> = {};
    if (!contact.name) errors.name = this.t('fieldRequired');
    if (!/^[^\s@]+@[^\s@]+$/.test(contact.email)) errors.email = this.t('emailInvalid');
    this.fieldErrors = errors;
    this.error = null;
    if (Object.keys(errors).length > 0) return;
    this.busy = true;
    try {
      await this.api.post(`/api/public/units/${seg(this.unitId)}/intake`, {
        contact: { name: contact.name, email: contact.email, ...(contact.phone ? { phone: contact.phone } : {}) },
        response: {
          formatVersion: 1, clientId: this.#clientId, moduleId: form.module.id, moduleVersion: form.version, contentHash: form.contentHash,
          answers: this.answers, completes: true, answeredAt: new Date().toISOString(),
        },
      });
      this.step = 'sent';
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) {
        this.fieldErrors = Object.fromEntries(['name', 'email', 'phone'].map((name) => [name, error.issueAt(`/contact/${name}`) ?? '']).filter(([, message]) => message));
      }
      this.error = this.describeError(error);
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    if (this.loadError) return html`<h1 tabindex="-1">${t('intakeTitle')}</h1><p class="form-error" role="alert">${this.loadError}</p>`;
    const form = this.form;
    if (!form) return html`<p role="status">${t('common.loading')}</p>`;
    if (this.step === 'sent') return html`<h1 tabindex="-1">${t('intakeSentTitle')}</h1><p>${t('intakeSent', { unit: form.unit.name })}</p>`;
    if (this.step === 'contact') {
      return html`<h1 tabindex="-1">${t('intakeContactTitle')}</h1>
        <p>${t('intakeContactIntro', { unit: form.unit.name })}</p>
        <form @submit=${this.submit} novalidate>
          ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : null}
          ${field('name', t('common.name'), 'text', 'name', this.fieldErrors.name)}
          ${field('email', t('email'), 'email', 'email', this.fieldErrors.email)}
          ${field('phone', t('contactPhoneOptional'), 'tel', 'tel', this.fieldErrors.phone)}
          <div class="actions">
            <button type="button" @click=${() => (this.step = 'questions')}>${t('common.back')}</button>
            <button class="primary" type="submit" ?disabled=${this.busy}>${t('intakeSend')}</button>
          </div>
        </form>`;
    }
    return html`<p class="hint">${t('intakeIntro', { unit: form.unit.name, title: localize(form.module.title, this.language, form.module.defaultLanguage) })}</p>
      <cl-module-page .module=${form.module} .pageId=${this.pageId} .answers=${this.answers} .language=${this.language}
        @answer-change=${(event: CustomEvent<AnswerChangeDetail>) => (this.answers = { ...this.answers, [event.detail.itemId]: event.detail.value })}
        @navigate=${this.onNavigate}></cl-module-page>`;
  }
}

if (!customElements.get('cl-intake-screen')) customElements.define('cl-intake-screen', ClIntakeScreen);

declare global {
  interface HTMLElementTagNameMap {
    'cl-intake-screen': ClIntakeScreen;
  }
}
