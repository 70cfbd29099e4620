import { css, html } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { i18n, LOCALE_NAMES, LOCALES, t } from '../i18n/i18n.js';
import type { Locale, MessageKey } from '../i18n/i18n.js';
import { uiStyles } from '../ui/ui-styles.js';
import { canAuthor, canManagePeople, type Workspace } from './workspace.js';
import { DesignerElement } from '../i18n/designer-element.js';

/**
 * The top bar: the screens you may open (the People screen only for permissions admins), where you
 * are (organisation and your roles there), whether the browser is online,
 * the language switch, who is signed in, and sign-out. Fires `sign-out` and `switch-organisation`.
 */
export class ClAppHeader extends DesignerElement {
  static override properties: PropertyDeclarations = {
    workspace: { attribute: false },
    online: { type: Boolean },
    canSwitchOrganisation: { type: Boolean, attribute: 'can-switch-organisation' },
  };
  static override styles = [
    uiStyles,
    css`
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        padding: 0.5rem 1rem;
        border-bottom: 1px solid var(--cl-line);
        background: var(--cl-surface);
      }
      .brand {
        font-weight: 700;
        font-size: 1.125rem;
        color: var(--cl-text);
        text-decoration: none;
      }
      nav a {
        margin-right: 0.75rem;
      }
      .spacer {
        flex: 1;
      }
      .connection {
        font-size: 0.875rem;
        font-weight: 600;
      }
      .connection.offline {
        color: var(--cl-error);
      }
      .connection.online {
        color: var(--cl-ok);
      }
      select {
        min-height: 2.25rem;
      }
    `,
  ];

  declare workspace: Workspace | undefined;
  declare online: boolean;
  declare canSwitchOrganisation: boolean;

  constructor() {
    super();
    this.online = true;
    this.canSwitchOrganisation = false;
  }

  override render() {
    const workspace = this.workspace;
    return html`
      <header>
        <a class="brand" href="#/library">${t('app.name')}</a>
        ${workspace
          ? html`<nav aria-label=${t('app.navigation')}>
              <a href="#/library">${t('library.title')}</a>
              ${canAuthor(workspace) ? html`<a href="#/media">${t('mediaLibrary.title')}</a>` : null}
              ${canManagePeople(workspace) ? html`<a href="#/people">${t('members.title')}</a>` : null}
              <a href="#/security">${t('security.title')}</a>
            </nav>`
          : null}
        <span class="spacer"></span>
        ${workspace
          ? html`<span class="organisation">
              ${workspace.organisationName}
              <span class="muted">(${workspace.roles.map((role) => t(`role.${role}` as MessageKey)).join(', ')})</span>
            </span>`
          : null}
        ${this.canSwitchOrganisation ? html`<button type="button" @click=${() => this.#emit('switch-organisation')}>${t('app.switchOrganisation')}</button>` : null}
        <span class="connection ${this.online ? 'online' : 'offline'}" role="status">${this.online ? t('app.online') : t('app.offline')}</span>
        <label class="visually-hidden" for="language">${t('common.language')}</label>
        <select id="language" @change=${this.#changeLanguage}>
          ${LOCALES.map((locale) => html`<option value=${locale} lang=${locale} ?selected=${locale === i18n.locale}>${LOCALE_NAMES[locale]}</option>`)}
        </select>
        ${workspace
          ? html`<span class="person">${t('app.signedInAs', { name: workspace.session.person.name })}</span>
              <button type="button" @click=${() => this.#emit('sign-out')}>${t('common.signOut')}</button>`
          : null}
      </header>
    `;
  }

  #changeLanguage(event: Event): void {
    i18n.setLocale((event.target as HTMLSelectElement).value as Locale);
  }

  #emit(name: string): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }
}

customElements.define('cl-app-header', ClAppHeader);

declare global {
  interface HTMLElementTagNameMap {
    'cl-app-header': ClAppHeader;
  }
}
