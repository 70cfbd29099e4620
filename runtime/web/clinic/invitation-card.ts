import { css, html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { seg } from '@careloom/client/api';
import type { PatientInvitation } from '@careloom/format/api';
import { formatDate, formatDateTime, translator } from '../shared/i18n.js';
import { ScreenElement } from '../shared/screen-element.js';

/**
 * `<cl-invitation-card>`: a patient's invitation as the therapist hands it over: the code, the link
 * and the last day, a button that copies them as a short text in the patient's language (to paste
 * into an SMS or the journal's message), and, for an enrollment not yet taken up, sending a new
 * invitation after a confirmation (the old link and code stop working).
 */
export class ClInvitationCard extends ScreenElement {
  static override styles = [
    ScreenElement.styles,
    css`
      .url { overflow-wrap: anywhere; }
      .confirm { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    invitation: { attribute: false },
    enrollmentId: { attribute: 'enrollment-id' },
    canResend: { type: Boolean, attribute: 'can-resend' },
    patientLanguage: { attribute: 'patient-language' },
    unitName: { attribute: 'unit-name' },
    confirming: { state: true },
    busy: { state: true },
    notice: { state: true },
    error: { state: true },
  };

  declare invitation: PatientInvitation | null;
  declare enrollmentId: string;
  declare canResend: boolean;
  /** The language the patient was enrolled in: the copied text is written in it. */
  declare patientLanguage: string;
  declare unitName: string;
  declare confirming: boolean;
  declare busy: boolean;
  declare notice: string | null;
  declare error: string | null;

  constructor() {
    super();
    this.invitation = null;
    this.enrollmentId = '';
    this.canResend = false;
    this.patientLanguage = '';
    this.unitName = '';
    this.confirming = false;
    this.busy = false;
    this.notice = null;
    this.error = null;
  }

  /** The text the copy button puts on the clipboard, in the patient's language. */
  copyText(invitation: PatientInvitation): string {
    const language = this.patientLanguage || this.language;
    return translator(language)('invitationCopyText', { unit: this.unitName, url: invitation.url, code: invitation.code, date: formatDate(invitation.expiresAt, language) });
  }

  private async copy(invitation: PatientInvitation): Promise<void> {
    this.error = null;
    try {
      await navigator.clipboard.writeText(this.copyText(invitation));
      this.notice = this.t('invitationCopied');
    } catch {
      // No clipboard outside a secure context or without permission: the text is on screen to select.
      this.notice = null;
      this.error = this.t('invitationCopyFailed');
    }
  }

  private async resend(): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      this.invitation = await this.api.post<PatientInvitation>(`/api/care/enrollments/${seg(this.enrollmentId)}/invitation`, {});
      this.confirming = false;
      this.notice = this.t('invitationResent');
      this.dispatchEvent(new CustomEvent('invitation-sent', { detail: this.invitation, bubbles: true, composed: true }));
    } catch (error) {
      this.error = this.describeError(error);
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const invitation = this.invitation;
    return html`${invitation
        ? html`<dl class="facts">
              <dt>${t('inviteCode')}</dt><dd><code class="code">${invitation.code}</code></dd>
              <dt>${t('common.link')}</dt><dd><a class="url" href=${invitation.url}>${invitation.url}</a></dd>
              <dt>${t('enrollExpires')}</dt><dd>${formatDateTime(invitation.expiresAt, this.language)}</dd>
            </dl>
            <div class="actions"><button type="button" data-action="copy" @click=${() => this.copy(invitation)}>${t('invitationCopy')}</button></div>`
        : null}
      ${this.canResend
        ? this.confirming
          ? html`<div class="confirm" role="group" aria-labelledby="resend-confirm"><span id="resend-confirm">${t('invitationResendConfirm')}</span>
              <button type="button" class="primary" data-action="confirm-resend" ?disabled=${this.busy} @click=${() => this.resend()}>${t('invitationResendYes')}</button>
              <button type="button" @click=${() => (this.confirming = false)}>${t('common.cancel')}</button></div>`
          : html`<div class="actions"><button type="button" data-action="resend" @click=${() => { this.confirming = true; this.notice = null; }}>${t('invitationResend')}</button></div>`
        : null}
      <p class="status" role="status">${this.notice ?? ''}</p>
      ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : null}`;
  }
}

if (!customElements.get('cl-invitation-card')) customElements.define('cl-invitation-card', ClInvitationCard);

declare global {
  interface HTMLElementTagNameMap {
    'cl-invitation-card': ClInvitationCard;
  }
}
