import { Editor, Extension, getSchema } from '@tiptap/core';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { css, html } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import type * as Y from 'yjs';
import { richTextExtensions } from '@careloom/format/rich-text-extensions';
import type { CollabSession } from '../../collab/collab-session.js';
import { uiStyles } from '../../ui/ui-styles.js';

import { t } from '../messages.js';
import type { LinkApplyDetail } from './link-dialog.js';
import type { EditorMessageKey } from '../messages.js';
import { DesignerElement } from '../../i18n/designer-element.js';

let nextEditorId = 1;

interface ToolbarButton {
  key: EditorMessageKey;
  name: string;
  attributes?: Record<string, unknown>;
  run: (editor: Editor) => void;
}

const TOOLBAR: ToolbarButton[] = [
  { key: 'rich.bold', name: 'bold', run: (editor) => editor.chain().focus().toggleBold().run() },
  { key: 'rich.italic', name: 'italic', run: (editor) => editor.chain().focus().toggleItalic().run() },
  { key: 'rich.heading2', name: 'heading', attributes: { level: 2 }, run: (editor) => editor.chain().focus().toggleHeading({ level: 2 }).run() },
  { key: 'rich.heading3', name: 'heading', attributes: { level: 3 }, run: (editor) => editor.chain().focus().toggleHeading({ level: 3 }).run() },
  { key: 'rich.bulletList', name: 'bulletList', run: (editor) => editor.chain().focus().toggleBulletList().run() },
  { key: 'rich.orderedList', name: 'orderedList', run: (editor) => editor.chain().focus().toggleOrderedList().run() },
  { key: 'rich.callout', name: 'callout', run: (editor) => toggleCallout(editor) },
];

function toggleCallout(editor: Editor): void {
  if (editor.isActive('callout')) editor.chain().focus().lift('callout').run();
  else editor.chain().focus().wrapIn('callout', { tone: 'note' }).run();
}

/**
 * `<cl-rich-text>`: a Tiptap editor bound to one language's Y.XmlFragment with the mapping's
 * extension set (`richTextExtensions()`), Collaboration and CollaborationCaret (others' carets and
 * selections), and a toolbar of labelled toggle buttons. Ctrl/Cmd+Z undoes through the session's
 * per-user undo manager, so rich text and structured edits share one history.
 */
export class ClRichText extends DesignerElement {
  static override properties: PropertyDeclarations = {
    session: { attribute: false },
    fragment: { attribute: false },
    label: { type: String },
    lang: { type: String },
    active: { state: true },
    linkOpen: { state: true },
  };
  static override styles = [
    uiStyles,
    css`
      :host { display: block; }
      .label { font-size: 0.875rem; color: var(--cl-muted); }
      .toolbar { display: flex; flex-wrap: wrap; gap: 0.25rem; margin: 0.25rem 0; }
      .toolbar button { min-height: 2rem; padding: 0.125rem 0.5rem; font-size: 0.875rem; }
      .toolbar button[aria-pressed='true'] { background: var(--cl-accent); color: var(--cl-accent-text); }
      .surface { border: 1px solid var(--cl-border); border-radius: 0.375rem; padding: 0.25rem 0.75rem; min-height: 3.5rem; background: #fff; }
      .surface:focus-within { outline: 3px solid var(--cl-focus); outline-offset: 2px; }
      .ProseMirror { outline: none; min-height: 2.5rem; white-space: pre-wrap; word-wrap: break-word; }
      .ProseMirror p { margin: 0.375rem 0; }
      aside[data-callout] { border-left: 4px solid var(--cl-accent); background: var(--cl-surface); padding: 0.25rem 0.75rem; margin: 0.5rem 0; }
      .collaboration-carets__caret { border-left: 2px solid; border-right: 0; margin-left: -1px; margin-right: -1px; position: relative; word-break: normal; pointer-events: none; }
      .collaboration-carets__label { position: absolute; top: -1.4em; left: -1px; font-size: 0.75rem; font-weight: 600; line-height: normal; color: #fff; padding: 0.05rem 0.3rem; border-radius: 3px 3px 3px 0; white-space: nowrap; user-select: none; }
    `,
  ];

  declare session: CollabSession | undefined;
  declare fragment: Y.XmlFragment | undefined;
  declare label: string;
  declare active: Record<string, boolean>;
  /** The link dialog is open (with the link's current address, if the text is one). */
  declare linkOpen: { href: string; hasLink: boolean } | undefined;
  readonly #labelId = `cl-rich-label-${nextEditorId++}`;
  #editor: Editor | undefined;

  constructor() {
    super();
    this.label = '';
    this.active = {};
  }

  /** The Tiptap editor (for tests and for focusing). */
  get editor(): Editor | undefined {
    return this.#editor;
  }

  override focus(): void {
    this.#editor?.commands.focus();
  }

  protected override render() {
    const readOnly = this.session?.readOnly ?? true;
    return html`
      <div class="label" id=${this.#labelId}>${this.label}</div>
      ${readOnly
        ? ''
        : html`<div class="toolbar" role="toolbar" aria-label=${t('rich.toolbar', { field: this.label })}>
            ${TOOLBAR.map((button) => html`<button type="button" aria-pressed=${this.active[button.key] ? 'true' : 'false'} @mousedown=${(event: Event) => event.preventDefault()} @click=${() => this.#run(button)}>${t(button.key)}</button>`)}
            <button type="button" data-action="link" aria-pressed=${this.active['rich.link'] ? 'true' : 'false'} aria-expanded=${this.linkOpen ? 'true' : 'false'} @mousedown=${(event: Event) => event.preventDefault()} @click=${this.#link}>${t('common.link')}</button>
          </div>
          <cl-link-dialog ?open=${this.linkOpen !== undefined} .href=${this.linkOpen?.href ?? ''} ?has-link=${this.linkOpen?.hasLink ?? false}
            @link-apply=${this.#applyLink} @link-remove=${this.#removeLink} @link-cancel=${this.#closeLink}></cl-link-dialog>`}
      <div class="surface"></div>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('fragment') || changed.has('session')) this.#mount();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.#editor) this.#mount();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#editor?.destroy();
    this.#editor = undefined;
  }

  /** Stops following the session's read-only state (set while mounted). */
  #unsubscribe: (() => void) | undefined;

  #mount(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#editor?.destroy();
    this.#editor = undefined;
    const surface = this.renderRoot.querySelector<HTMLElement>('.surface');
    const session = this.session;
    const fragment = this.fragment;
    if (!surface || !session || !fragment) return;
    surface.replaceChildren();
    const undoKeys = Extension.create({
      name: 'careloomSessionUndo',
      priority: 1000,
      addKeyboardShortcuts: () => ({
        'Mod-z': () => (session.undoManager.undo(), true),
        'Shift-Mod-z': () => (session.undoManager.redo(), true),
        'Mod-y': () => (session.undoManager.redo(), true),
      }),
    });
    const extensions = [
      ...richTextExtensions(),
      Collaboration.configure({ fragment }),
      CollaborationCaret.configure({ provider: { awareness: session.awareness }, user: { ...session.user } }),
      undoKeys,
    ];
    this.#editor = new Editor({
      element: surface,
      editable: !session.readOnly,
      injectCSS: false,
      extensions,
      // The editor starts with the fragment's own content, so that its first caret lies in text: the
      // collaboration binding's first render keeps the starting caret's position, which in an empty
      // paragraph is inside a leading callout of the real content (ProseMirror warns about it).
      ...(fragment.length > 0 ? { content: yXmlFragmentToProseMirrorRootNode(fragment, getSchema(extensions)).toJSON() as Record<string, unknown> } : {}),
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': this.#labelId,
          ...(this.lang ? { lang: this.lang } : {}),
        },
      },
      onSelectionUpdate: () => this.#refreshActive(),
      onTransaction: () => this.#refreshActive(),
    });
    // A session can turn read-only while open (the server stopped it): typing must stop at once.
    const editor = this.#editor;
    this.#unsubscribe = session.subscribe(() => {
      if (editor.isEditable === session.readOnly) {
        editor.setEditable(!session.readOnly);
        this.requestUpdate();
      }
    });
  }

  #refreshActive(): void {
    const editor = this.#editor;
    if (!editor) return;
    const active: Record<string, boolean> = {};
    for (const button of TOOLBAR) active[button.key] = editor.isActive(button.name, button.attributes ?? {});
    active['rich.link'] = editor.isActive('link');
    if (Object.keys(active).some((key) => active[key] !== this.active[key])) this.active = active;
  }

  #run(button: ToolbarButton): void {
    if (this.#editor) button.run(this.#editor);
  }

  /** Opens the link dialog, with the address of the link the selection is in. */
  readonly #link = (): void => {
    const editor = this.#editor;
    if (!editor) return;
    if (this.linkOpen) {
      this.#closeLink();
      return;
    }
    const hasLink = editor.isActive('link');
    const href = hasLink ? String(editor.getAttributes('link')['href'] ?? '') : '';
    this.linkOpen = { href, hasLink };
  };

  readonly #applyLink = (event: CustomEvent<LinkApplyDetail>): void => {
    const editor = this.#editor;
    const { href } = event.detail;
    this.linkOpen = undefined;
    if (!editor) return;
    if (editor.state.selection.empty && !editor.isActive('link')) {
      // Nothing selected: the address itself becomes the linked text.
      editor.chain().focus().insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    }
  };

  readonly #removeLink = (): void => {
    this.linkOpen = undefined;
    this.#editor?.chain().focus().extendMarkRange('link').unsetLink().run();
  };

  readonly #closeLink = (): void => {
    this.linkOpen = undefined;
    this.#editor?.commands.focus();
  };
}
