import { html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { ApiClient, ApiError, secondFactorOwed } from '@careloom/client/api';
import type { Session, Unit } from '@careloom/format/api';
import { appStyles } from '../shared/app-styles.js';
import { ScreenElement } from '../shared/screen-element.js';
import { HashRouter } from '@careloom/client/router';
import { pickLanguage } from '@careloom/client/messages';
import type { MessageKey } from '../shared/i18n.js';
import { LANGUAGE_KEY, languagePicker } from '../shared/language-picker.js';
import { shellStyles } from '../shared/shell-styles.js';
import '../shared/main-nav.js';
import type { NavEntry } from '../shared/main-nav.js';
import '../shared/login-form.js';
import './security-screen.js';
import '../shared/second-factor-setup.js';
import './staff-invitation.js';
import './catalog-screen.js';
import './enroll-form.js';
import './outbox-screen.js';
import './webhooks-screen.js';
import './api-tokens-screen.js';
import './research-export-screen.js';
import './staff-screen.js';
import './staff-notices-screen.js';
import './data-admin-screen.js';
import './patient-list.js';
import './patient-page.js';
import './referral-queue.js';
import './unit-alerts.js';
import './unit-report.js';
import './unit-settings.js';
import './units-admin.js';

const UNIT_KEY = 'careloom.clinic.unit';

/** What the signed-in person may do here, from their memberships. */
export interface ClinicRoles {
  admin: boolean;
  /** Units where the person is a therapist. */
  therapistUnits: string[];
  /** The care provider whose people the person manages (permissions admin or its admin), if any. */
  peopleOf?: string;
  /** The care provider whose audit log and patient data the person administers (data admin), if any. */
  dataOf?: string;
  /** The care provider the person is care-provider admin of (its webhooks and API tokens), if any. */
  adminOf?: string;
}

export function clinicRoles(session: Session): ClinicRoles {
  const peopleOf = session.memberships.find((membership) => membership.organisationKind === 'care_provider' && (membership.role === 'permissions_admin' || membership.role === 'care_provider_admin'))?.organisationId;
  const dataOf = session.memberships.find((membership) => membership.role === 'data_admin')?.organisationId;
  const adminOf = session.memberships.find((membership) => membership.role === 'care_provider_admin')?.organisationId;
  return {
    admin: session.memberships.some((membership) => membership.role === 'care_provider_admin'),
    therapistUnits: session.memberships.filter((membership) => membership.role === 'therapist' && membership.unitId).map((membership) => membership.unitId!),
    ...(peopleOf ? { peopleOf } : {}),
    ...(dataOf ? { dataOf } : {}),
    ...(adminOf ? { adminOf } : {}),
  };
}

/**
 * The menu for a set of roles: therapists follow patients; admins run units and deployments, and
 * see the development outbox when the server keeps e-mail there instead of sending it.
 */
export function clinicNav(roles: ClinicRoles, options: { outbox?: boolean } = {}): Array<{ path: string; key: MessageKey }> {
  const nav: Array<{ path: string; key: MessageKey }> = [];
  if (roles.therapistUnits.length > 0) nav.push({ path: 'patients', key: 'clinicPatients' }, { path: 'alerts', key: 'alertsTitle' }, { path: 'referrals', key: 'referralsTitle' });
  if (roles.therapistUnits.length > 0 || roles.admin) nav.push({ path: 'report', key: 'reportTitle' }, { path: 'notices', key: 'navNotices' });
  if (roles.admin) nav.push({ path: 'units', key: 'unitsTitle' }, { path: 'catalog', key: 'catalogTitle' });
  if (roles.adminOf) nav.push({ path: 'webhooks', key: 'webhooksTitle' }, { path: 'api-tokens', key: 'apiTokensTitle' });
  if (roles.peopleOf) nav.push({ path: 'people', key: 'staffTitle' });
  if (roles.dataOf) nav.push({ path: 'data', key: 'dataTitle' });
  if (roles.adminOf ?? roles.dataOf) nav.push({ path: 'research', key: 'researchTitle' });
  if (roles.admin && options.outbox) nav.push({ path: 'outbox', key: 'outboxTitle' });
  nav.push({ path: 'security', key: 'securityTitle' });
  return nav;
}

/** The name of the organisation whose people the person manages, for the security screen. */
function organisationNameOf(session: Session, organisationId: string | undefined): string {
  return session.memberships.find((membership) => membership.organisationId === organisationId)?.organisationName ?? '';
}

const THERAPIST_ROUTES = new Set(['patients', 'alerts', 'referrals', 'enroll']);
const ADMIN_ROUTES = new Set(['units', 'catalog', 'outbox']);

/**
 * `<cl-clinic-app>`: the therapist portal and care-admin screens at `/clinic`. Shows only what the
 * person's roles allow: therapists get their units' patients, alerts, referrals and report; a
 * care-provider admin gets units, settings, deployments, the catalog and the report.
 */
export class ClClinicApp extends ScreenElement {
  static override styles = [appStyles, shellStyles];

  static override properties: PropertyDeclarations = {
    storage: { attribute: false },
    session: { state: true },
    units: { state: true },
    unitId: { state: true },
    startError: { state: true },
    outbox: { state: true },
    secondFactorOwed: { state: true },
    noticesUnread: { state: true },
  };

  declare storage: Storage;
  declare session: Session | null | undefined;
  declare units: Unit[];
  declare unitId: string;
  declare startError: string | null;
  /** Whether the server keeps e-mail in the development outbox (GET /api/dev/outbox answers). */
  declare outbox: boolean;
  /** The organisation began to require a second factor while this person was signed in: only enrolling is left. */
  declare secondFactorOwed: boolean;
  /** Staff notices to the person's units they have not read (the menu's badge). */
  declare noticesUnread: number;

  readonly router = new HashRouter(this);

  constructor() {
    super();
    this.api = new ApiClient();
    this.storage = localStorage;
    this.session = undefined;
    this.units = [];
    this.unitId = '';
    this.startError = null;
    this.outbox = false;
    this.secondFactorOwed = false;
    this.noticesUnread = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.language = pickLanguage([this.storage.getItem(LANGUAGE_KEY), document.documentElement.lang, ...navigator.languages]);
    this.api.language = this.language;
    // Any screen's request may be the first to hear it: the app, not the screen, shows the enrolment.
    this.api.onProblem = (error) => {
      if (secondFactorOwed(error)) this.secondFactorOwed = true;
    };
    void this.start();
  }

  private async start(): Promise<void> {
    try {
      const session = await this.api.currentSession();
      if (session) await this.signedIn(session);
      else this.session = null;
    } catch (error) {
      this.session = null;
      if (!(error instanceof ApiError && error.status === 401)) this.startError = this.t(error instanceof ApiError && error.offline ? 'common.errorOffline' : 'common.errorUnexpected');
    }
  }

  /** A session began or changed; `stay` keeps the screen (the invitation screen goes on by itself). */
  private async signedIn(session: Session, stay = false): Promise<void> {
    await Promise.all([this.loadUnits(session), this.probeOutbox(session), this.countNotices(session)]);
    this.session = session;
    this.startError = null;
    const roles = clinicRoles(session);
    const first = this.router.route.segments[0];
    if (stay || (first === 'invitation' && this.router.route.segments[1])) return;
    // The provider admin's screens are kept too, so reloading the webhooks or API tokens stays there.
    const providerAdmin = first === 'webhooks' || first === 'api-tokens' ? roles.adminOf !== undefined : first === 'research' ? (roles.adminOf ?? roles.dataOf) !== undefined : false;
    const allowed = first !== undefined && first !== 'login' && (first === 'report' || first === 'security' || providerAdmin || (first === 'notices' && (roles.admin || roles.therapistUnits.length > 0)) || (first === 'people' ? roles.peopleOf !== undefined : first === 'data' ? roles.dataOf !== undefined : THERAPIST_ROUTES.has(first) ? roles.therapistUnits.length > 0 : ADMIN_ROUTES.has(first) ? roles.admin : false));
    if (!allowed) this.router.replace(roles.therapistUnits.length > 0 ? '#/patients' : roles.admin ? '#/units' : roles.peopleOf ? '#/people' : roles.dataOf ? '#/data' : '#/report');
  }

  private async loadUnits(session: Session): Promise<void> {
    const roles = clinicRoles(session);
    // Only admins and therapists have units; asking for anyone else's would be a 403 in the console.
    try {
      this.units = roles.admin || roles.therapistUnits.length > 0 ? (await this.api.get<{ units: Unit[] }>('/api/care/units')).units : [];
    } catch {
      this.units = [];
    }
    const pickable = this.pickableUnits(roles);
    const saved = this.storage.getItem(UNIT_KEY);
    this.unitId = pickable.find((unit) => unit.id === saved)?.id ?? pickable[0]?.id ?? '';
  }

  /** The outbox answers 404 when the server sends e-mail by SMTP; only admins may read it. */
  private async probeOutbox(session: Session): Promise<void> {
    if (!clinicRoles(session).admin) {
      this.outbox = false;
      return;
    }
    try {
      await this.api.get<unknown>('/api/dev/outbox');
      this.outbox = true;
    } catch {
      this.outbox = false;
    }
  }

  /** How many notices to the person's units are unread; nothing to count for a person in no unit and no admin. */
  private async countNotices(session: Session): Promise<void> {
    const roles = clinicRoles(session);
    if (!roles.admin && roles.therapistUnits.length === 0) return;
    try {
      this.noticesUnread = (await this.api.get<{ unread: number }>('/api/care/staff-notices')).unread;
    } catch {
      this.noticesUnread = 0;
    }
  }

  /** Units the picker offers: a therapist's own units; an admin's units when they are not a therapist. */
  private pickableUnits(roles: ClinicRoles): Unit[] {
    return roles.therapistUnits.length > 0 ? this.units.filter((unit) => roles.therapistUnits.includes(unit.id)) : this.units;
  }

  private chooseUnit(unitId: string): void {
    this.unitId = unitId;
    this.storage.setItem(UNIT_KEY, unitId);
    if (this.router.route.segments[0] === 'patients' && this.router.route.segments[1]) this.router.go('#/patients');
  }

  /** `stay` keeps the screen: someone signed in as another person signs out to accept an invitation. */
  private async signOut(stay = false): Promise<void> {
    let endSessionUrl: string | undefined;
    try {
      ({ endSessionUrl } = await this.api.signOut());
    } catch {
      // Signed out locally either way.
    }
    this.session = null;
    this.secondFactorOwed = false;
    if (!stay) this.router.replace('#/login');
    // Signed in at the identity provider: end that session too (the provider sends the browser back).
    if (endSessionUrl) window.location.assign(endSessionUrl);
  }

  /** The owed second factor is on: the session may do everything its roles allow again. */
  private async enrolled(): Promise<void> {
    this.secondFactorOwed = false;
    await this.signedIn(await this.api.me());
  }

  private setLanguage(code: string): void {
    this.language = code;
    this.api.language = code;
    this.storage.setItem(LANGUAGE_KEY, code);
    document.documentElement.lang = code;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const session = this.session;
    const roles: ClinicRoles = session ? clinicRoles(session) : { admin: false, therapistUnits: [] };
    const first = this.router.route.segments[0] ?? '';
    const pickable = this.pickableUnits(roles);
    return html`<header class="top">
        <a class="brand" href="#/">Careloom ${t('clinicName')}</a>
        <div class="tools">
          ${session && pickable.length > 1 && !ADMIN_ROUTES.has(first)
            ? html`<label><span class="visually-hidden">${t('unitPicker')}</span>
                <select name="unit" aria-label=${t('unitPicker')} @change=${(event: Event) => this.chooseUnit((event.target as HTMLSelectElement).value)}>
                  ${pickable.map((unit) => html`<option value=${unit.id} ?selected=${unit.id === this.unitId}>${unit.name}</option>`)}
                </select></label>`
            : null}
          ${languagePicker(this.language, t, (code) => this.setLanguage(code))}
          ${session ? html`<button type="button" @click=${() => this.signOut()}>${t('common.signOut')}</button>` : null}
        </div>
      </header>
      ${session && !this.secondFactorOwed
        ? html`<cl-main-nav label=${t('navLabel')} more-label=${t('navMore')} .entries=${clinicNav(roles, { outbox: this.outbox }).map((item): NavEntry => ({
            href: `#/${item.path}`,
            label: t(item.key),
            current: item.path === first || (item.path === 'patients' && first === 'enroll'),
            ...(item.path === 'notices' && this.noticesUnread > 0 ? { badge: { count: this.noticesUnread, spoken: t('noticesUnread', { n: this.noticesUnread }) } } : {}),
          }))}></cl-main-nav>`
        : null}
      <main class="wide">${this.renderScreen(first, roles)}</main>`;
  }

  private renderScreen(first: string, roles: ClinicRoles): TemplateResult {
    const t = this.t;
    if (this.session === undefined) return html`<p role="status">${t('common.loading')}</p>`;
    const segments = this.router.route.segments;
    if (first === 'invitation' && segments[1]) {
      // Signed in or not: the invitation screen offers what fits (accept, join, sign in first).
      return html`<cl-staff-invitation .api=${this.api} .language=${this.language} .session=${this.session} token=${segments[1]}
        @signed-in=${(event: CustomEvent<Session>) => this.signedIn(event.detail, true)}
        @sign-out=${() => this.signOut(true)}
        @invitation-done=${() => {
          this.router.replace(this.session ? '#/' : '#/login');
          if (this.session) void this.signedIn(this.session);
        }}></cl-staff-invitation>`;
    }
    if (this.session && this.secondFactorOwed) {
      return html`<h1 tabindex="-1">${t('securityTitle')}</h1>
        <cl-second-factor-setup .api=${this.api} .language=${this.language} required @second-factor-done=${() => this.enrolled()}></cl-second-factor-setup>`;
    }
    if (this.session === null) {
      return html`${this.startError ? html`<p class="form-error" role="alert">${this.startError}</p>` : null}
        <cl-login-form .api=${this.api} .language=${this.language} app="clinic" heading=${t('clinicLogin')} @signed-in=${(event: CustomEvent<Session>) => this.signedIn(event.detail)}></cl-login-form>
        <p><a href="/#/password-reset">${t('resetForgot')}</a></p>`;
    }
    const api = this.api;
    const language = this.language;
    const unitId = this.unitId;
    if (first === 'people') {
      return roles.peopleOf ? html`<cl-staff-screen .api=${api} .language=${language} organisation-id=${roles.peopleOf}></cl-staff-screen>` : html`<h1>${t('common.errorForbidden')}</h1>`;
    }
    if (first === 'api-tokens') {
      return roles.adminOf ? html`<cl-api-tokens-screen .api=${api} .language=${language} organisation-id=${roles.adminOf}></cl-api-tokens-screen>` : html`<h1>${t('common.errorForbidden')}</h1>`;
    }
    if (first === 'webhooks') {
      return roles.adminOf ? html`<cl-webhooks-screen .api=${api} .language=${language} organisation-id=${roles.adminOf}></cl-webhooks-screen>` : html`<h1>${t('common.errorForbidden')}</h1>`;
    }
    if (first === 'research') {
      const researchOf = roles.adminOf ?? roles.dataOf;
      return researchOf ? html`<cl-research-export-screen .api=${api} .language=${language} organisation-id=${researchOf}></cl-research-export-screen>` : html`<h1>${t('common.errorForbidden')}</h1>`;
    }
    if (first === 'notices') {
      if (!roles.admin && roles.therapistUnits.length === 0) return html`<h1>${t('common.errorForbidden')}</h1>`;
      return html`<cl-staff-notices-screen .api=${api} .language=${language} organisation-id=${roles.adminOf ?? ''} .units=${roles.adminOf ? this.units.filter((unit) => unit.organisationId === roles.adminOf) : []}
        @notices-changed=${(event: CustomEvent<number>) => (this.noticesUnread = event.detail)}></cl-staff-notices-screen>`;
    }
    if (first === 'security') {
      const organisation = organisationNameOf(this.session, roles.peopleOf);
      return html`<cl-security-screen .api=${api} .language=${language} organisation-id=${roles.peopleOf ?? ''} organisation-name=${organisation}></cl-security-screen>`;
    }
    if (first === 'data') {
      return roles.dataOf ? html`<cl-data-screen .api=${api} .language=${language} organisation-id=${roles.dataOf}></cl-data-screen>` : html`<h1>${t('common.errorForbidden')}</h1>`;
    }
    if (THERAPIST_ROUTES.has(first) && roles.therapistUnits.length === 0) return html`<h1>${t('common.errorForbidden')}</h1>`;
    if (ADMIN_ROUTES.has(first) && !roles.admin) return html`<h1>${t('common.errorForbidden')}</h1>`;
    if (!unitId && !ADMIN_ROUTES.has(first)) return html`<h1 tabindex="-1">${t('clinicName')}</h1><p>${t('unitsNone')}</p>`;
    switch (first) {
      case 'patients':
        return segments[1]
          ? html`<cl-patient-page .api=${api} .language=${language} enrollment-id=${segments[1]}></cl-patient-page>`
          : html`<cl-patient-list .api=${api} .language=${language} unit-id=${unitId}></cl-patient-list>`;
      case 'enroll':
        return html`<cl-enroll-form .api=${api} .language=${language} unit-id=${unitId} unit-name=${this.units.find((unit) => unit.id === unitId)?.name ?? ''}></cl-enroll-form>`;
      case 'alerts':
        return html`<cl-unit-alerts .api=${api} .language=${language} unit-id=${unitId}></cl-unit-alerts>`;
      case 'referrals':
        return html`<cl-referral-queue .api=${api} .language=${language} unit-id=${unitId}></cl-referral-queue>`;
      case 'units':
        return segments[1]
          ? html`<cl-unit-settings .api=${api} .language=${language} unit-id=${segments[1]}></cl-unit-settings>`
          : html`<cl-units-admin .api=${api} .language=${language} @units-changed=${() => this.session && this.loadUnits(this.session)}></cl-units-admin>`;
      case 'catalog':
        return html`<cl-catalog-screen .api=${api} .language=${language}></cl-catalog-screen>`;
      case 'outbox':
        return html`<cl-outbox-screen .api=${api} .language=${language}></cl-outbox-screen>`;
      default:
        return html`<cl-unit-report .api=${api} .language=${language} unit-id=${unitId}></cl-unit-report>`;
    }
  }
}

if (!customElements.get('cl-clinic-app')) customElements.define('cl-clinic-app', ClClinicApp);

declare global {
  interface HTMLElementTagNameMap {
    'cl-clinic-app': ClClinicApp;
  }
}
