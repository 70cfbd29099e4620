import { css, html, LitElement, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { ConnectionState } from '../collab/collab-session.js';
import type { Peer } from '../collab/presence.js';
import { initials } from '../collab/user-color.js';
import { LocaleController } from '../i18n/i18n.js';
import { editorStyles } from './editor-styles.js';
import { t } from './messages.js';

/**
 * `<cl-editor-header>`: the module's title, the connection state (offline is spelled out), the
 * other editors' avatars with the page and block each is on, and undo/redo.
 *
 * @fires undo
 * @fires redo
 * @slot actions - extra buttons at the end (the editor puts `<cl-submit-version>` there)
 */
export class ClEditorHeader extends LitElement {
  static override properties: PropertyDeclarations = {
    heading: { type: String },
    connection: { type: String },
    synced: { type: Boolean },
    readOnly: { type: Boolean, attribute: 'read-only' },
    peers: { attribute: false },
    canUndo: { type: Boolean, attribute: 'can-undo' },
    canRedo: { type: Boolean, attribute: 'can-redo' },
    describePlace: { attribute: false },
  };
  static override styles = [
    ...editorStyles,
    css`
      :host { display: block; border-bottom: 1px solid var(--cl-line); padding-bottom: 0.5rem; }
      .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; }
      h1 { flex: 1; margin: 0; }
      .state { font-weight: 600; padding: 0.125rem 0.5rem; border-radius: 0.25rem; }
      .state.connected { color: var(--cl-ok); background: var(--cl-ok-bg); }
      .state.offline { color: var(--cl-warn); background: var(--cl-warn-bg); }
      .state.connecting { color: var(--cl-muted); background: var(--cl-surface); }
      ul.peers { display: flex; gap: 0.25rem; list-style: none; margin: 0; padding: 0; }
      .avatar { display: inline-flex; align-items: center; justify-content: center; width: 2rem; height: 2rem; border-radius: 50%; color: #fff; font-weight: 700; font-size: 0.8125rem; }
    `,
  ];

  declare heading: string;
  declare connection: ConnectionState;
  declare synced: boolean;
  declare readOnly: boolean;
  declare peers: readonly Peer[];
  declare canUndo: boolean;
  declare canRedo: boolean;
  /** Names a peer's place ("page 2, Question “mood”"); given by the editor, which knows the draft. */
  declare describePlace: (peer: Peer) => string;
  protected readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.heading = '';
    this.connection = 'connecting';
    this.synced = false;
    this.readOnly = false;
    this.peers = [];
    this.canUndo = false;
    this.canRedo = false;
    this.describePlace = (peer) => peer.name;
  }

  protected override render() {
    const state = this.connection === 'offline' ? t('editor.offline') : this.connection === 'connecting' ? t('editor.connecting') : this.synced ? t('editor.connected') : t('editor.syncing');
    return html`<div class="bar">
        <h1>${this.heading}</h1>
        <span class="state ${this.connection}" role="status" data-connection=${this.connection}>${state}</span>
        ${this.peers.length > 0
          ? html`<span class="hint">${t('editor.othersHere')}:</span>
              <ul class="peers">
                ${this.peers.map((peer) => {
                  const place = this.describePlace(peer);
                  return html`<li><span class="avatar" role="img" style="background:${peer.color}" aria-label=${place} title=${place} data-peer=${peer.clientId}>${initials(peer.name)}</span></li>`;
                })}
              </ul>`
          : nothing}
        ${this.readOnly
          ? nothing
          : html`<button type="button" class="small" data-action="undo" ?disabled=${!this.canUndo} @click=${() => this.dispatchEvent(new CustomEvent('undo'))}>${t('editor.undo')}</button>
              <button type="button" class="small" data-action="redo" ?disabled=${!this.canRedo} @click=${() => this.dispatchEvent(new CustomEvent('redo'))}>${t('editor.redo')}</button>`}
        <slot name="actions"></slot>
      </div>
      ${this.readOnly ? html`<p class="notice">${t('editor.readOnly')}</p>` : nothing}`;
  }
}
