import { css, html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { ConnectionState, StopReason } from '../collab/collab-session.js';
import type { Peer } from '../collab/presence.js';
import { initials } from '../collab/user-color.js';

import { editorStyles } from './editor-styles.js';
import { t, type EditorMessageKey } from './messages.js';
import { DesignerElement } from '../i18n/designer-element.js';

/** What the editor says when the server stopped the connection, in the person's words (the program editor says the same). */
export function stoppedMessage(reason: StopReason): string {
  return t(STOPPED[reason]);
}

const STOPPED: Readonly<Record<StopReason, EditorMessageKey>> = {
  'read-only': 'editor.stopped.readOnly',
  'too-large': 'editor.stopped.tooLarge',
  refused: 'editor.stopped.refused',
  'too-many-refusals': 'editor.stopped.tooManyRefusals',
  'no-access': 'editor.stopped.noAccess',
};

/**
 * `<cl-editor-header>`, the module and program editors' header: the draft's title, the connection
 * state (offline is spelled out), the other editors' avatars with the place each is on, and
 * undo/redo. When the server has stopped the connection (`stopped`), says why and offers to reload
 * the draft (unless `reloadable` is false: the draft is not the editor's to reopen).
 *
 * @fires undo
 * @fires redo
 * @fires reload-draft - the person asked to open the draft again
 * @slot actions - extra buttons at the end (the editor puts `<cl-submit-version>` there)
 */
export class ClEditorHeader extends DesignerElement {
  static override properties: PropertyDeclarations = {
    heading: { type: String },
    connection: { type: String },
    synced: { type: Boolean },
    readOnly: { type: Boolean, attribute: 'read-only' },
    stopped: { type: String },
    peers: { attribute: false },
    canUndo: { type: Boolean, attribute: 'can-undo' },
    canRedo: { type: Boolean, attribute: 'can-redo' },
    describePlace: { attribute: false },
    reloadable: { attribute: false },
    readOnlyNotice: { attribute: false },
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
      .state.stopped { color: var(--cl-warn); background: var(--cl-warn-bg); }
      .stopped-notice { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; margin: 0.5rem 0 0; padding: 0.5rem 0.75rem; border-radius: 0.25rem; color: var(--cl-warn); background: var(--cl-warn-bg); }
      .stopped-notice p { margin: 0; }
      ul.peers { display: flex; gap: 0.25rem; list-style: none; margin: 0; padding: 0; }
      .avatar { display: inline-flex; align-items: center; justify-content: center; width: 2rem; height: 2rem; border-radius: 50%; color: #fff; font-weight: 700; font-size: 0.8125rem; }
    `,
  ];

  declare heading: string;
  declare connection: ConnectionState;
  declare synced: boolean;
  declare readOnly: boolean;
  /** Why the server stopped the connection for good, if it did. */
  declare stopped: StopReason | undefined;
  declare peers: readonly Peer[];
  declare canUndo: boolean;
  declare canRedo: boolean;
  /** Names a peer's place ("page 2, Question “mood”"); given by the editor, which knows the draft. */
  declare describePlace: (peer: Peer) => string;
  declare reloadable: boolean;
  /** What a reader is told instead of the editor's default sentence; empty: nothing (the program editor says it beside its review link). */
  declare readOnlyNotice: string | undefined;

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
    this.reloadable = true;
  }

  protected override render() {
    const stopped = this.stopped;
    const state = stopped ? t('editor.stopped') : this.connection === 'offline' ? t('editor.offline') : this.connection === 'connecting' ? t('editor.connecting') : this.synced ? t('editor.connected') : t('editor.syncing');
    return html`<div class="bar">
        <h1>${this.heading}</h1>
        <span class="state ${stopped ? 'stopped' : this.connection}" role="status" data-connection=${stopped ? 'stopped' : this.connection}>${state}</span>
        ${this.peers.length > 0
          ? html`<span class="hint">${t('common.alsoEditing')}:</span>
              <ul class="peers">
                ${this.peers.map((peer) => {
                  const place = this.describePlace(peer);
                  return html`<li><span class="avatar" role="img" style="background:${peer.color}" aria-label=${place} title=${place} data-peer=${peer.clientId}>${initials(peer.name)}</span></li>`;
                })}
              </ul>`
          : nothing}
        ${this.readOnly
          ? nothing
          : html`<button type="button" class="small" data-action="undo" ?disabled=${!this.canUndo} aria-keyshortcuts="Control+Z Meta+Z" @click=${() => this.dispatchEvent(new CustomEvent('undo'))}>${t('common.undo')}</button>
              <button type="button" class="small" data-action="redo" ?disabled=${!this.canRedo} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y" @click=${() => this.dispatchEvent(new CustomEvent('redo'))}>${t('common.redo')}</button>`}
        <slot name="actions"></slot>
      </div>
      ${stopped
        ? html`<div class="stopped-notice" role="alert" data-stopped=${stopped}>
            <p>${stoppedMessage(stopped)}</p>
            ${stopped === 'no-access' || !this.reloadable ? nothing : html`<button type="button" class="small" data-action="reload-draft" @click=${() => this.dispatchEvent(new CustomEvent('reload-draft'))}>${t('editor.reload')}</button>`}
          </div>`
        : this.readOnly
          ? this.readOnlyNotice === '' ? nothing : html`<p class="notice">${this.readOnlyNotice ?? t('editor.readOnly')}</p>`
          : nothing}`;
  }
}
