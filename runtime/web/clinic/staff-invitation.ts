import { html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { ApiError } from '@careloom/client/api';
import type { AcceptedInvitation, InvitationPreview, JoinedInvitation, Session } from '@careloom/format/api';
import type { MessageKey } from '../shared/i18n.js';
import { field } from '../shared/login-form.js';
import '../shared/login-form.js';
import { ScreenElement } from '../shared/screen-element.js';

const MIN_PASSWORD = 10;

const ROLE_KEYS: Record<string, MessageKey> = {
  therapist: 'staffRoleTherapist',
  care_provider_admin: 'staffRoleCareAdmin',
  permissions_admin: 'staffRolePermissionsAdmin',
  data_admin: 'staffRoleDataAdmin',
};

type Phase = 'loading' | 'unusable' | 'ready' | 'sign-in' | 'done';

/**
 * `<cl-staff-invitation>` (`#/invitation/<token>`): the clinic's screen behind the link a care
 * provider's permissions admin e-mails to new staff. It says who invites which address into which
 * care provider with which roles, then:
 * - signed in as the addressee: one button accepts;
 * - signed in as someone else: says so and offers to sign out (the link is for that address only);
 * - not signed in: a new person chooses a name and a password; someone who already uses Careloom
 *   signs in (the clinic's login form, with its second factor) and accepts; with an identity
 *   provider, accepting by signing in there (the server links the identity to the new account).
 * The token travels only in request bodies, never in a URL the server sees. Fires `signed-in`
 * (`detail`: session) when the person ends up signed in here, `sign-out` when asked to, and
 * `invitation-done` when they go on into the clinic.
 */
export class ClStaffInvitation extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    token: {},
    session: { attribute: false },
    phase: { state: true },
    preview: { state: true },
    accepted: { state: true },
    provider: { state: true },
    busy: { state: true },
    error: { state: true },
    fieldErrors: { state: true },
  };

  declare token: string;
  /** The app's session, if someone is signed in. */
  declare session: Session | null;
  declare phase: Phase;
  declare preview: InvitationPreview | null;
  declare accepted: AcceptedInvitation | null;
  declare provider: string | null;
  declare busy: boolean;
  declare error: string | null;
  declare fieldErrors: Record<string, string>;

  constructor() {
    super();
    this.token = '';
    this.session = null;
    this.phase = 'loading';
    this.preview = null;
    this.accepted = null;
    this.provider = null;
    this.busy = false;
    this.error = null;
    this.fieldErrors = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    void this.api.oidcStatus().then((status) => (this.provider = status.enabled ? (status.displayName ?? null) : null));
  }

  private async load(): Promise<void> {
    try {
      this.preview = await this.api.post<InvitationPreview>('/api/public/member-invitations/preview', { token: this.token });
      this.phase = 'ready';
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 422)) this.phase = 'unusable';
      else {
        this.phase = 'ready';
        this.error = this.describeError(error);
      }
    }
  }

  private roles(roles: readonly string[]): string {
    return roles.map((role) => (ROLE_KEYS[role] ? this.t(ROLE_KEYS[role]) : role)).join(', ');
  }

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private async join(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const name = String(data.get('name') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const errors: Record<string, string> = {};
    if (!name) errors.name = this.t('fieldRequired');
    if ([...password].length < MIN_PASSWORD) errors.password = this.t('passwordTooShort', { n: MIN_PASSWORD });
    this.fieldErrors = errors;
    this.error = null;
    if (Object.keys(errors).length > 0) return this.focusOn('[aria-invalid="true"]');
    this.busy = true;
    try {
      const joined = await this.api.post<JoinedInvitation>('/api/public/member-invitations/join', { token: this.token, name, password });
      this.accepted = joined.accepted;
      // The join set the session cookie; me() learns the CSRF token the next requests need.
      if (joined.session) this.signedIn(await this.api.me());
      await this.finish();
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) this.phase = 'unusable';
      else if (error instanceof ApiError && error.status === 409) {
        this.phase = 'sign-in';
        this.error = this.t('staffJoinAccountExists', { email: this.preview?.email ?? '' });
      } else if (error instanceof ApiError && (error.issueAt('/name') !== undefined || error.issueAt('/password') !== undefined)) {
        this.fieldErrors = { ...(error.issueAt('/name') ? { name: error.issueAt('/name')! } : {}), ...(error.issueAt('/password') ? { password: this.t('passwordTooShort', { n: MIN_PASSWORD }) } : {}) };
        void this.focusOn('[aria-invalid="true"]');
      } else this.error = this.describeError(error);
    } finally {
      this.busy = false;
    }
  }

  private async accept(): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      this.accepted = await this.api.post<AcceptedInvitation>('/api/member-invitations/accept', { token: this.token });
      // The new roles are the session's from the next request on: the app reads them again.
      this.signedIn(await this.api.me());
      await this.finish();
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) this.phase = 'unusable';
      else this.error = error instanceof ApiError && error.status === 403 ? error.detail || this.t('common.errorForbidden') : this.describeError(error);
    } finally {
      this.busy = false;
    }
  }

  /** Accepting by signing in at the identity provider: the server links the identity to the new account. */
  private async withProvider(): Promise<void> {
    this.busy = true;
    try {
      const { authorizationUrl } = await this.api.startOidc({ app: 'clinic', invitation: { kind: 'member', token: this.token } });
      window.location.assign(authorizationUrl);
    } catch (error) {
      this.error = this.describeError(error);
      this.busy = false;
    }
  }

  private signedIn(session: Session): void {
    this.session = session;
    this.dispatchEvent(new CustomEvent<Session>('signed-in', { detail: session, bubbles: true, composed: true }));
  }

  private async finish(): Promise<void> {
    this.phase = 'done';
    this.fieldErrors = {};
    await this.focusOn('h1');
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const preview = this.preview;
    if (this.phase === 'sign-in') {
      return html`${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : null}
        <cl-login-form .api=${this.api} .language=${this.language} app="clinic" heading=${t('staffJoinSignInTitle')}
          @signed-in=${(event: CustomEvent<Session>) => {
            event.stopPropagation();
            this.error = null;
            this.signedIn(event.detail);
            this.phase = 'ready';
            void this.focusOn('button.accept, button.sign-out');
          }}></cl-login-form>
        <div class="actions"><button type="button" @click=${() => {
          this.phase = 'ready';
          this.error = null;
        }}>${t('common.back')}</button></div>`;
    }
    return html`<h1 tabindex="-1">${preview ? t('staffJoinTitle', { organisation: preview.organisation.name }) : t('invitationTitle')}</h1>
      ${this.phase === 'loading' ? html`<p role="status">${t('common.loading')}</p>` : null}
      ${this.phase === 'unusable' ? html`<p class="form-error" role="alert">${t('staffJoinUnusable')}</p>` : null}
      ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : null}
      ${this.phase === 'ready' && preview ? this.renderOffer(preview) : null}
      ${this.phase === 'done' && this.accepted ? this.renderDone(this.accepted) : null}`;
  }

  private renderOffer(preview: InvitationPreview): TemplateResult {
    const t = this.t;
    const when = new Intl.DateTimeFormat(this.language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(preview.expiresAt));
    return html`<p class="offer">${t('staffJoinOffer', { inviter: preview.invitedByName, email: preview.email, organisation: preview.organisation.name, roles: this.roles(preview.roles) })}</p>
      <p class="hint">${t('staffJoinExpires', { date: when })}</p>
      ${this.session ? this.renderSignedIn(this.session, preview) : this.renderSignedOut(preview)}`;
  }

  private renderSignedIn(session: Session, preview: InvitationPreview): TemplateResult {
    const t = this.t;
    if (session.person.email.toLowerCase() !== preview.email.toLowerCase()) {
      return html`<p class="form-error" id="not-yours">${t('staffJoinNotYours', { email: preview.email, you: `${session.person.name} (${session.person.email})` })}</p>
        <div class="actions"><button type="button" class="sign-out" aria-describedby="not-yours" @click=${() => this.dispatchEvent(new CustomEvent('sign-out', { bubbles: true, composed: true }))}>${t('common.signOut')}</button></div>`;
    }
    return html`<p>${t('staffJoinSignedInAs', { name: session.person.name, email: session.person.email })}</p>
      <div class="actions"><button type="button" class="primary accept" ?disabled=${this.busy} @click=${() => this.accept()}>${t('staffJoinAccept', { organisation: preview.organisation.name })}</button></div>`;
  }

  private renderSignedOut(preview: InvitationPreview): TemplateResult {
    const t = this.t;
    return html`<section aria-labelledby="new-title">
        <h2 id="new-title">${t('staffJoinNewTitle')}</h2>
        <p class="hint">${t('staffJoinNewHint', { email: preview.email })}</p>
        <form class="join" @submit=${this.join} novalidate>
          ${field('name', t('staffJoinName'), 'text', 'name', this.fieldErrors.name)}
          ${field('password', t('newPassword'), 'password', 'new-password', this.fieldErrors.password, { hint: t('passwordHint', { n: MIN_PASSWORD }) })}
          <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>${t('staffJoinSubmit', { organisation: preview.organisation.name })}</button></div>
        </form>
      </section>
      ${this.provider
        ? html`<section aria-labelledby="provider-title">
            <h2 id="provider-title">${t('staffJoinProviderTitle')}</h2>
            <p class="hint">${t('staffJoinProviderHint', { provider: this.provider })}</p>
            <div class="actions"><button type="button" class="with-provider" ?disabled=${this.busy} @click=${() => this.withProvider()}>${t('common.joinWith', { provider: this.provider })}</button></div>
          </section>`
        : null}
      <section aria-labelledby="existing-title">
        <h2 id="existing-title">${t('staffJoinHaveAccount')}</h2>
        <p class="hint">${t('staffJoinHaveAccountHint')}</p>
        <div class="actions"><button type="button" class="sign-in" @click=${() => {
          this.phase = 'sign-in';
          this.error = null;
          void this.focusOn('cl-login-form');
        }}>${t('staffJoinSignIn')}</button></div>
      </section>`;
  }

  private renderDone(accepted: AcceptedInvitation): TemplateResult {
    const t = this.t;
    return html`<p class="notice" role="status">${t('staffJoinDone', { organisation: accepted.organisation.name, roles: this.roles(accepted.roles) })}</p>
      ${this.session
        ? html`<div class="actions"><button type="button" class="primary continue" @click=${() => this.dispatchEvent(new CustomEvent('invitation-done', { bubbles: true, composed: true }))}>${t('staffJoinContinue')}</button></div>`
        : html`<p>${t('staffJoinSignInNow')}</p>
            <div class="actions"><button type="button" class="primary continue" @click=${() => this.dispatchEvent(new CustomEvent('invitation-done', { bubbles: true, composed: true }))}>${t('common.signIn')}</button></div>`}`;
  }
}

if (!customElements.get('cl-staff-invitation')) customElements.define('cl-staff-invitation', ClStaffInvitation);

declare global {
  interface HTMLElementTagNameMap {
    'cl-staff-invitation': ClStaffInvitation;
  }
}
