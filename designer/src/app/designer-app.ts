import { css, html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { DesignerApi } from '../api/api-client.js';
import { isApiError, secondFactorOwed } from '@careloom/client/api';
import type { Session } from '@careloom/format/api';
import { t } from '../i18n/i18n.js';
import { uiStyles } from '../ui/ui-styles.js';
import './app-header.js';
import './designer-login.js';
import './second-factor.js';
import { HashRouter } from '@careloom/client/router';
import { parseRoute, type Route } from './router.js';
import { canAuthor, canManagePeople, designerOrganisations, type Workspace } from './workspace.js';
import { DesignerElement } from '../i18n/designer-element.js';

/** Where the chosen organisation is remembered, for people in several. */
export const ORGANISATION_STORAGE_KEY = 'careloom.designer.organisation';

type Phase = 'loading' | 'signed-out' | 'choose-organisation' | 'no-organisation' | 'ready';

/** Tag of the module editor, defined by designer/src/editor/ (another part of the designer). */
const MODULE_EDITOR_TAG = 'cl-module-editor';

/**
 * The designer web app: signs in, picks the organisation (when the person is in several), and
 * shows the screen the location hash names (see router.ts). Screens get the {@link Workspace} as
 * their `workspace` property. Screens ask for a new location with a `cl-navigate` event
 * (`detail: { hash }`).
 */
export class ClDesignerApp extends DesignerElement {
  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    phase: { state: true },
    session: { state: true },
    workspace: { state: true },
    route: { state: true },
    online: { state: true },
    problem: { state: true },
    secondFactorOwed: { state: true },
  };
  static override styles = [
    uiStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--cl-bg);
      }
      .skip {
        position: absolute;
        left: -999px;
      }
      .skip:focus {
        left: 0.5rem;
        top: 0.5rem;
        z-index: 10;
        background: var(--cl-bg);
        padding: 0.5rem;
      }
      main {
        padding: 0 1rem 2rem;
        max-width: 80rem;
        margin: 0 auto;
      }
      main:focus {
        outline: none;
      }
      .organisations {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 0.5rem;
        max-width: 30rem;
      }
      .organisations button {
        width: 100%;
        text-align: left;
      }
    `,
  ];

  /** The API client; a default one talks to the page's own origin. */
  declare api: DesignerApi;
  declare phase: Phase;
  declare session: Session | undefined;
  declare workspace: Workspace | undefined;
  declare route: Route;
  declare online: boolean;
  declare problem: string;
  /** The organisation began to require a second factor while this person was signed in: only enrolling is left. */
  declare secondFactorOwed: boolean;
  // The apps' one hash router; the designer reads its own routes from the hash (router.ts).
  private readonly router = new HashRouter(this, window, (_route, hash) => this.#onHashChange(hash));
  #moduleEditor: HTMLElement | undefined;
  #hash = '';

  constructor() {
    super();
    this.api = new DesignerApi();
    this.phase = 'loading';
    this.#hash = location.hash;
    this.route = parseRoute(this.#hash);
    this.online = navigator.onLine;
    this.problem = '';
    this.secondFactorOwed = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Any screen's request may be the first to hear it: the app, not the screen, shows the enrolment.
    this.api.onProblem = (error) => {
      if (secondFactorOwed(error)) this.secondFactorOwed = true;
    };
    window.addEventListener('online', this.#onConnection);
    window.addEventListener('offline', this.#onConnection);
    this.addEventListener('cl-navigate', this.#onNavigate as EventListener);
    void this.#restoreSession();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('online', this.#onConnection);
    window.removeEventListener('offline', this.#onConnection);
    this.removeEventListener('cl-navigate', this.#onNavigate as EventListener);
    super.disconnectedCallback();
  }

  override render() {
    const organisations = this.session ? designerOrganisations(this.session.memberships) : [];
    return html`
      <a class="skip" href="#main" @click=${this.#skipToMain}>${t('app.skipToContent')}</a>
      <cl-app-header
        .workspace=${this.phase === 'ready' ? this.workspace : undefined}
        ?online=${this.online}
        ?can-switch-organisation=${this.phase === 'ready' && organisations.length > 1}
        @sign-out=${this.#signOut}
        @switch-organisation=${this.#switchOrganisation}
      ></cl-app-header>
      <main id="main" tabindex="-1">${this.#body()}</main>
    `;
  }

  #body(): TemplateResult | HTMLElement {
    // An invitation's link works signed in or not, and for someone without any designer role yet.
    if (this.route.name === 'invitation' && this.phase !== 'loading') {
      return html`<cl-accept-invitation
        .api=${this.api}
        .session=${this.session}
        token=${this.route.token}
        @signed-in=${this.#onSignedInForInvitation}
        @sign-out=${this.#signOut}
        @invitation-accepted=${this.#onInvitationAccepted}
      ></cl-accept-invitation>`;
    }
    if (this.session && this.secondFactorOwed) {
      return html`<h1 tabindex="-1">${t('security.title')}</h1>
        <cl-designer-second-factor-setup .api=${this.api} required @second-factor-done=${this.#enrolled}></cl-designer-second-factor-setup>`;
    }
    switch (this.phase) {
      case 'loading':
        return html`<p role="status">${t('common.loading')}</p>`;
      case 'signed-out':
        return html`<cl-designer-login .api=${this.api} @signed-in=${this.#onSignedIn}></cl-designer-login>`;
      case 'no-organisation':
        return html`<h1>${t('app.noOrganisationTitle')}</h1><p>${t('app.noOrganisation')}</p>`;
      case 'choose-organisation':
        return this.#organisationPicker();
      case 'ready':
        return this.#screen();
    }
  }

  #organisationPicker(): TemplateResult {
    const organisations = this.session ? designerOrganisations(this.session.memberships) : [];
    return html`
      <h1>${t('app.chooseOrganisation')}</h1>
      <ul class="organisations">
        ${organisations.map((organisation) => html`<li><button type="button" @click=${() => this.#enter(organisation.id)}>${organisation.name}</button></li>`)}
      </ul>
    `;
  }

  #screen(): TemplateResult | HTMLElement {
    const workspace = this.workspace!;
    const route = this.route;
    if (this.problem) return html`<p class="error" role="alert">${this.problem}</p>`;
    switch (route.name) {
      case 'library':
        return html`<cl-library .workspace=${workspace}></cl-library>`;
      case 'security':
        return html`<cl-designer-security .workspace=${workspace}></cl-designer-security>`;
      case 'media':
        return html`<cl-media-library-screen .workspace=${workspace}></cl-media-library-screen>`;
      case 'people':
        // The screen itself tells anyone else that it is not for them.
        return html`<cl-people-screen .workspace=${workspace}></cl-people-screen>`;
      case 'review':
        return html`<cl-review-screen .workspace=${workspace} document-id=${route.id}></cl-review-screen>`;
      case 'try':
        return html`<cl-test-run .workspace=${workspace} document-id=${route.id} version=${route.version} enrollment-id=${route.enrollmentId}></cl-test-run>`;
      case 'simulate':
        return html`<cl-simulator .workspace=${workspace} document-id=${route.id} .version=${route.version}></cl-simulator>`;
      case 'program':
        return html`<cl-program-editor .workspace=${workspace} document-id=${route.id}></cl-program-editor>`;
      case 'module':
        return this.#moduleEditorFor(route.id, workspace);
      case 'invitation':
        // #body shows the invitation screen before any phase; nothing to add here.
        return html``;
      case 'not-found':
        return html`<h1>${t('app.notFoundTitle')}</h1>
          <p>${t('app.notFound')}</p>
          <p><a href="#/library">${t('app.backToLibrary')}</a></p>`;
    }
  }

  /** The module editor is built elsewhere and may be defined later (a separate bundle chunk): wait for it. */
  #moduleEditorFor(id: string, workspace: Workspace): TemplateResult | HTMLElement {
    if (!customElements.get(MODULE_EDITOR_TAG)) {
      void customElements.whenDefined(MODULE_EDITOR_TAG).then(() => this.requestUpdate());
      return html`<p role="status">${t('app.editorLoading')}</p>`;
    }
    if (!this.#moduleEditor || this.#moduleEditor.getAttribute('document-id') !== id) {
      this.#moduleEditor = document.createElement(MODULE_EDITOR_TAG);
      this.#moduleEditor.setAttribute('document-id', id);
    }
    Object.assign(this.#moduleEditor, { workspace, api: workspace.api });
    return this.#moduleEditor;
  }

  async #restoreSession(): Promise<void> {
    try {
      const session = await this.api.currentSession();
      if (session) this.#begin(session);
      else this.phase = 'signed-out';
    } catch (error) {
      // The server cannot be reached (or answers oddly): the way on is the login form, which reports failures.
      if (!isApiError(error)) throw error;
      this.phase = 'signed-out';
    }
  }

  /** The owed second factor is on: the session may do everything its roles allow again. */
  #enrolled = async (): Promise<void> => {
    this.secondFactorOwed = false;
    this.problem = '';
    this.#begin(await this.api.me());
  };

  #onSignedIn = (event: CustomEvent<Session>): void => {
    this.#begin(event.detail);
  };

  /** Signed in on the invitation screen: remember the session, stay on the invitation. */
  #onSignedInForInvitation = (event: CustomEvent<Session>): void => {
    event.stopPropagation();
    this.session = event.detail;
  };

  /** After accepting, into the designer with the memberships the acceptance gave. */
  #onInvitationAccepted = (event: CustomEvent<Session | undefined>): void => {
    this.route = { name: 'library' };
    this.router.go('#/library');
    if (event.detail) this.#begin(event.detail);
    else this.phase = 'signed-out';
  };

  #begin(session: Session): void {
    this.session = session;
    const organisations = designerOrganisations(session.memberships);
    const remembered = readStorage(ORGANISATION_STORAGE_KEY);
    if (organisations.length === 0) this.phase = 'no-organisation';
    else if (organisations.length === 1) this.#enter(organisations[0]!.id);
    else if (remembered && organisations.some((organisation) => organisation.id === remembered)) this.#enter(remembered);
    else this.phase = 'choose-organisation';
  }

  #enter(organisationId: string): void {
    const organisation = designerOrganisations(this.session!.memberships).find((candidate) => candidate.id === organisationId);
    if (!organisation) return;
    writeStorage(ORGANISATION_STORAGE_KEY, organisation.id);
    this.workspace = { api: this.api, session: this.session!, organisationId: organisation.id, organisationName: organisation.name, roles: organisation.roles };
    // A permissions admin with no authoring role has nothing in the library: start on the People screen.
    if (this.route.name === 'library' && !canAuthor(this.workspace) && canManagePeople(this.workspace)) this.router.go('#/people');
    this.phase = 'ready';
    void this.updateComplete.then(() => this.#focusMain());
  }

  #switchOrganisation = (): void => {
    this.phase = 'choose-organisation';
  };

  #signOut = async (): Promise<void> => {
    let endSessionUrl: string | undefined;
    try {
      ({ endSessionUrl } = await this.api.signOut());
    } catch (error) {
      // An expired session is signed out already; anything else is shown.
      if (!isApiError(error, 401)) {
        this.problem = isApiError(error) ? error.detail || error.title : String(error);
        return;
      }
    }
    this.session = undefined;
    this.secondFactorOwed = false;
    this.workspace = undefined;
    this.#moduleEditor = undefined;
    this.problem = '';
    this.phase = 'signed-out';
    // Signed in at the identity provider: end that session too (the provider sends the browser back).
    if (endSessionUrl) window.location.assign(endSessionUrl);
  };

  #onHashChange(hash: string): void {
    // The router also reports the hash when the app connects: only a real move clears the problem and moves focus.
    if (hash === this.#hash) return;
    this.#hash = hash;
    this.route = parseRoute(hash);
    this.problem = '';
    void this.updateComplete.then(() => this.#focusMain());
  }

  #onNavigate = (event: CustomEvent<{ hash: string }>): void => {
    this.router.go(event.detail.hash);
  };

  #onConnection = (): void => {
    this.online = navigator.onLine;
  };

  #skipToMain(event: Event): void {
    event.preventDefault();
    this.#focusMain();
  }

  /** After a screen change, focus goes to the screen's heading (or the main region) so screen readers announce it. */
  #focusMain(): void {
    const main = this.renderRoot.querySelector<HTMLElement>('main');
    main?.focus();
  }
}

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage may be refused (private browsing); the choice then lasts for this page.
  }
}

customElements.define('cl-designer-app', ClDesignerApp);

declare global {
  interface HTMLElementTagNameMap {
    'cl-designer-app': ClDesignerApp;
  }
}
