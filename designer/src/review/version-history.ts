import { css, html } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { VersionView } from '@careloom/format/api';
import { personLabel, type Workspace } from '../app/workspace.js';
import { i18n, t } from '../i18n/i18n.js';
import '../ui/status-badge.js';
import { uiStyles } from '../ui/ui-styles.js';
import { DesignerElement } from '../i18n/designer-element.js';

/**
 * The versions of a document, newest first: number, state, author, change note, time, content
 * hash and, once released, the release class and notes. Choosing one fires `version-select`
 * (`detail: { number }`).
 */
export class ClVersionHistory extends DesignerElement {
  static override properties: PropertyDeclarations = {
    workspace: { attribute: false },
    versions: { attribute: false },
    selected: { type: Number },
  };
  static override styles = [
    uiStyles,
    css`
      .hash {
        word-break: break-all;
      }
      button[aria-pressed='true'] {
        background: var(--cl-accent);
        color: var(--cl-accent-text);
        border-color: var(--cl-accent);
      }
      .release {
        margin: 0.25rem 0 0;
      }
      .table-wrap {
        overflow-x: auto;
      }
    `,
  ];

  declare workspace: Workspace | undefined;
  declare versions: readonly VersionView[];
  declare selected: number | undefined;

  constructor() {
    super();
    this.versions = [];
  }

  override render() {
    const workspace = this.workspace;
    if (!workspace) return null;
    if (this.versions.length === 0) return html`<h2>${t('history.title')}</h2><p class="muted">${t('history.none')}</p>`;
    const dateFormat = new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'medium', timeStyle: 'short' });
    const newestFirst = [...this.versions].sort((a, b) => b.number - a.number);
    return html`
      <h2 id="history-title">${t('history.title')}</h2>
      <div class="table-wrap">
        <table class="cards" aria-labelledby="history-title">
          <thead>
            <tr>
              <th scope="col">${t('history.version')}</th>
              <th scope="col">${t('library.status')}</th>
              <th scope="col">${t('history.author')}</th>
              <th scope="col">${t('history.changeNote')}</th>
              <th scope="col">${t('history.hash')}</th>
            </tr>
          </thead>
          <tbody>
            ${newestFirst.map(
              (version) => html`<tr data-version=${version.number}>
                <th scope="row">
                  <button type="button" aria-pressed=${this.selected === version.number ? 'true' : 'false'} @click=${() => this.#select(version.number)}>
                    ${t('history.versionNumber', { n: version.number })}
                  </button>
                </th>
                <td data-label=${t('library.status')}>
                  <cl-status-badge status=${version.state}></cl-status-badge><br />
                  <time class="muted" datetime=${version.stateChangedAt}>${dateFormat.format(new Date(version.stateChangedAt))}</time>
                </td>
                <td data-label=${t('history.author')}>${personLabel(workspace, version.authoredBy, t('people.you'), version.authoredByName)}</td>
                <td data-label=${t('history.changeNote')}>
                  ${version.changeNote}
                  ${version.release
                    ? html`<p class="release"><strong>${t('history.released', { class: t(`releaseClass.${version.release.releaseClass}`) })}</strong> ${version.release.releaseNotes}</p>`
                    : null}
                </td>
                <td data-label=${t('history.hash')}><code class="hash" title=${version.contentHash}>${version.contentHash.slice(0, 12)}</code></td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  #select(number: number): void {
    this.dispatchEvent(new CustomEvent('version-select', { detail: { number }, bubbles: true, composed: true }));
  }
}

customElements.define('cl-version-history', ClVersionHistory);

declare global {
  interface HTMLElementTagNameMap {
    'cl-version-history': ClVersionHistory;
  }
}
