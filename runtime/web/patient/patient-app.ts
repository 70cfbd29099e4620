import { css, html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { ApiClient, ApiError } from '@careloom/client/api';
import { AnswerQueue, refusedAfterVersionMove } from '../shared/answer-queue.js';
import { MessageQueue } from '../shared/message-queue.js';
import type { MyEnrollment, Session, UnitSettings } from '@careloom/format/api';
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
import type { UnitContact } from '@careloom/renderer';
import './charts-screen.js';
import './intake-screen.js';
import './invite-screen.js';
import './messages-screen.js';
import './module-player.js';
import './plan-screen.js';
import './program-screen.js';
import './today-screen.js';
import './reads-screen.js';
import './settings-screen.js';
import '../shared/password-reset-screen.js';

const NAV: Array<{ path: string; key: MessageKey }> = [
  { path: 'today', key: 'navToday' },
  { path: 'program', key: 'common.program' },
  { path: 'charts', key: 'navCharts' },
  { path: 'plan', key: 'navPlan' },
  { path: 'messages', key: 'navMessages' },
  { path: 'reads', key: 'navReads' },
  { path: 'settings', key: 'navSettings' },
];

/** Routes open without signing in. */
const PUBLIC_ROUTES = new Set(['invite', 'intake', 'login', 'password-reset']);

/** A module's unit-contact block is filled from the unit's settings. */
export function unitContactOf(settings: UnitSettings | undefined, unitName: string | undefined): UnitContact | undefined {
  if (!settings && !unitName) return undefined;
  const contact: UnitContact = {};
  const name = settings?.contactName ?? unitName;
  if (name) contact.name = name;
  for (const key of ['phone', 'crisisPhone', 'openingHours', 'address', 'email'] as const) {
    const value = settings?.[key];
    if (value) contact[key] = value;
  }
  return contact;
}

/**
 * `<cl-patient-app>`: the patient app at `/`. Signs the patient in (or lets them redeem an
 * invitation), then routes between Today, the program, the module player, charts, the plan and
 * messages. Answers go through one {@link AnswerQueue} per signed-in patient, kept on the device.
 *
 * Everything it talks to comes in as properties so that tests can hand it a fake API, storage and
 * connectivity: `api`, `storage`, `isOnline`.
 */
export class ClPatientApp extends ScreenElement {
  static override styles = [appStyles, shellStyles, css`.version-moved { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-block-end: 1rem; padding: 0.75rem 1rem; border: 2px solid var(--cl-warn); border-radius: 0.5rem; background: var(--cl-warn-bg); }
    .version-moved p { margin: 0; flex: 1 1 16rem; }`];

  static override properties: PropertyDeclarations = {
    storage: { attribute: false },
    isOnline: { attribute: false },
    session: { state: true },
    enrollments: { state: true },
    startError: { state: true },
    unread: { state: true },
    versionMoved: { state: true },
  };

  declare storage: Storage;
  declare isOnline: () => boolean;
  /** undefined while checking, null when signed out. */
  declare session: Session | null | undefined;
  declare enrollments: MyEnrollment[];
  declare startError: string | null;
  /** Unread messages from the care unit, for the badge on Messages; null until known. */
  declare unread: number | null;
  /** An answer queued offline was refused because the patient was moved to a newer version meanwhile: said on every screen until dismissed. */
  declare versionMoved: boolean;
  /** The refused answer last told about, so a later status carrying the same refusal does not bring the notice back. */
  #toldRefusal: string | undefined;

  readonly router = new HashRouter(this);
  queue: AnswerQueue | undefined;
  messageQueue: MessageQueue | undefined;

  constructor() {
    super();
    this.api = new ApiClient();
    this.storage = localStorage;
    this.isOnline = () => navigator.onLine;
    this.session = undefined;
    this.enrollments = [];
    this.startError = null;
    this.unread = null;
    this.versionMoved = false;
    // Today tells the count whenever it loads; reading a thread changes it, so ask again.
    this.addEventListener('unread-changed', (event) => {
      this.unread = (event as CustomEvent<{ unread: number }>).detail.unread;
    });
    this.addEventListener('messages-read', () => void this.refreshUnread());
  }

  /** The unread count from Today's summary (all the patient's enrollments); unchanged when it cannot be read. */
  private async refreshUnread(): Promise<void> {
    try {
      const today = await this.api.get<{ messages: { unread: number } }>('/api/me/today');
      if (this.session) this.unread = today.messages.unread;
    } catch {
      // Offline or signed out: the badge keeps its last count until Today loads again.
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // An invitation link names the language the therapist enrolled the patient in: it opens in that.
    const invited = this.router.route.segments[0] === 'invite' ? this.router.route.query.get('lang') : null;
    this.language = pickLanguage([invited, this.storage.getItem(LANGUAGE_KEY), document.documentElement.lang, ...navigator.languages]);
    this.api.language = this.language;
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.queue?.dispose();
    this.messageQueue?.dispose();
  }

  private async start(): Promise<void> {
    try {
      // Already signed in and opening an invitation link: stay there to accept it.
      const session = await this.api.currentSession();
      if (session) await this.signedIn(session, { keepInvite: true });
      else this.session = null;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) this.session = null;
      else {
        this.session = null;
        this.startError = this.t(error instanceof ApiError && error.offline ? 'common.errorOffline' : 'common.errorUnexpected');
      }
    }
  }

  private async signedIn(session: Session, options: { keepInvite?: boolean } = {}): Promise<void> {
    this.queue?.dispose();
    this.queue = new AnswerQueue({
      api: this.api,
      storage: this.storage,
      key: `careloom.answers.${session.person.id}`,
      isOnline: () => this.isOnline(),
      target: window,
    });
    this.queue.subscribe((status) => {
      const refused = status.rejected;
      if (refused && refusedAfterVersionMove(refused.error) && refused.clientId !== this.#toldRefusal) {
        this.#toldRefusal = refused.clientId;
        this.versionMoved = true;
      }
    });
    this.messageQueue?.dispose();
    this.messageQueue = new MessageQueue({ api: this.api, storage: this.storage, key: `careloom.messages.${session.person.id}`, isOnline: () => this.isOnline(), target: window });
    try {
      const { enrollments } = await this.api.get<{ enrollments: MyEnrollment[] }>('/api/me/enrollments');
      this.enrollments = enrollments.filter((enrollment) => enrollment.status !== 'invited');
    } catch {
      this.enrollments = [];
    }
    this.session = session;
    this.startError = null;
    void this.queue.flush();
    void this.messageQueue.flush();
    const first = this.router.route.segments[0];
    if (first === undefined || (PUBLIC_ROUTES.has(first) && !(options.keepInvite && (first === 'invite' || first === 'password-reset')))) this.router.replace('#/today');
    // Today reports the count itself; on any other screen, ask for it.
    else if (first !== 'today') void this.refreshUnread();
  }

  private async signOut(): Promise<void> {
    let endSessionUrl: string | undefined;
    try {
      ({ endSessionUrl } = await this.api.signOut());
    } catch {
      // Signed out locally either way.
    }
    this.queue?.dispose();
    this.queue = undefined;
    this.versionMoved = false;
    this.messageQueue?.dispose();
    this.messageQueue = undefined;
    forgetOfflineData();
    this.session = null;
    this.enrollments = [];
    this.unread = null;
    this.router.replace('#/login');
    // Signed in at the identity provider: end that session too (the provider sends the browser back).
    if (endSessionUrl) window.location.assign(endSessionUrl);
  }

  private setLanguage(code: string): void {
    this.language = code;
    this.api.language = code;
    this.storage.setItem(LANGUAGE_KEY, code);
    document.documentElement.lang = code;
  }

  protected override updated(): void {
    // A new screen: put focus on its heading so that screen readers announce where the patient is.
    const route = this.router.route.segments.join('/');
    if (route !== this.#lastRoute) {
      this.#lastRoute = route;
      void this.#focusHeading();
    }
  }

  #lastRoute = '';

  async #focusHeading(): Promise<void> {
    const screen = this.renderRoot.querySelector('main')?.firstElementChild as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
    if (!screen || !this.#hadRoute) {
      this.#hadRoute = true;
      return;
    }
    await screen.updateComplete;
    screen.shadowRoot?.querySelector<HTMLElement>('h1')?.focus();
  }

  #hadRoute = false;

  protected override render(): TemplateResult {
    const t = this.t;
    const segments = this.router.route.segments;
    const first = segments[0] ?? 'today';
    const signedIn = Boolean(this.session);
    return html`<header class="top">
        <a class="brand" href="#/today">Careloom</a>
        <div class="tools">
          ${languagePicker(this.language, t, (code) => this.setLanguage(code))}
          ${signedIn ? html`<button type="button" @click=${() => this.signOut()}>${t('common.signOut')}</button>` : null}
        </div>
      </header>
      ${signedIn
        ? html`<cl-main-nav label=${t('navLabel')} more-label=${t('navMore')} .entries=${NAV.map((item): NavEntry => ({
            href: `#/${item.path}`,
            label: t(item.key),
            current: item.path === first,
            ...(item.path === 'messages' && this.unread ? { badge: { count: this.unread, spoken: t('unreadCount', { n: this.unread }) } } : {}),
          }))}></cl-main-nav>`
        : null}
      <main class=${first === 'modules' && signedIn ? 'flush' : ''}>${signedIn && this.versionMoved ? this.renderVersionMoved(t) : null}${this.renderScreen(first, segments)}</main>`;
  }

  private renderVersionMoved(t: ScreenElement['t']): TemplateResult {
    return html`<div class="version-moved" role="alert"><p>${t('versionMovedNotice')}</p>
      <button type="button" @click=${() => (this.versionMoved = false)}>${t('versionMovedDismiss')}</button></div>`;
  }

  private renderScreen(first: string, segments: string[]): TemplateResult {
    const t = this.t;
    const common = { api: this.api, language: this.language };
    if (first === 'invite') return html`<cl-invite-screen .api=${common.api} .language=${common.language} .session=${this.session} code=${segments[1] ?? ''} @signed-in=${(event: CustomEvent<Session>) => this.signedIn(event.detail)}></cl-invite-screen>`;
    if (first === 'intake') return html`<cl-intake-screen .api=${common.api} .language=${common.language} unit-id=${segments[1] ?? ''}></cl-intake-screen>`;
    if (first === 'password-reset') return html`<cl-password-reset-screen .api=${common.api} .language=${common.language} token=${segments[1] ?? ''}></cl-password-reset-screen>`;
    if (this.session === undefined) return html`<p role="status">${t('common.loading')}</p>`;
    if (this.session === null) {
      return html`${this.startError ? html`<p class="form-error" role="alert">${this.startError}</p>` : null}
        <cl-login-form .api=${common.api} .language=${common.language} heading=${t('common.signIn')} @signed-in=${(event: CustomEvent<Session>) => this.signedIn(event.detail)}></cl-login-form>
        <p class="hint">${t('loginInviteHint')}</p>
        <p><a href="#/password-reset">${t('resetForgot')}</a></p>`;
    }
    switch (first) {
      case 'program':
        return html`<cl-program-screen .api=${common.api} .language=${common.language} .enrollments=${this.enrollments}></cl-program-screen>`;
      case 'charts':
        return html`<cl-charts-screen .api=${common.api} .language=${common.language} .enrollments=${this.enrollments}></cl-charts-screen>`;
      case 'plan':
        return html`<cl-plan-screen .api=${common.api} .language=${common.language} .enrollments=${this.enrollments}></cl-plan-screen>`;
      case 'reads':
        return html`<cl-reads-screen .api=${common.api} .language=${common.language}></cl-reads-screen>`;
      case 'settings':
        return html`<cl-settings-screen .api=${common.api} .language=${common.language}></cl-settings-screen>`;
      case 'messages':
        return html`<cl-messages-screen .api=${common.api} .language=${common.language} .enrollments=${this.enrollments} .queue=${this.messageQueue}></cl-messages-screen>`;
      case 'modules': {
        const enrollment = this.enrollments.find((candidate) => candidate.id === segments[1]);
        const version = Number(this.router.route.query.get('v'));
        return html`<cl-module-player .api=${common.api} .language=${common.language} .queue=${this.queue} .storage=${this.storage}
          enrollment-id=${segments[1] ?? ''} module-id=${segments[2] ?? ''} .version=${Number.isInteger(version) && version > 0 ? version : undefined}
          ?fresh=${this.router.route.query.get('fresh') === '1'} .unitContact=${unitContactOf(enrollment?.unit.settings, enrollment?.unit.name)}></cl-module-player>`;
      }
      default:
        return html`<cl-today-screen .api=${common.api} .language=${common.language} person-name=${this.session.person.name}></cl-today-screen>`;
    }
  }
}

/**
 * Deletes what the service worker kept of the patient's data for offline use (main.ts registers it):
 * on a shared phone, the next person must not find it.
 */
function forgetOfflineData(): void {
  navigator.serviceWorker?.controller?.postMessage('careloom:signed-out');
  if ('caches' in window) void caches.delete('careloom-patient-data').catch(() => undefined);
}

if (!customElements.get('cl-patient-app')) customElements.define('cl-patient-app', ClPatientApp);

declare global {
  interface HTMLElementTagNameMap {
    'cl-patient-app': ClPatientApp;
  }
}
