import { css, html, LitElement } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import * as Y from 'yjs';
import type { CollabSession } from '../../collab/collab-session.js';
import { uiStyles } from '../../ui/ui-styles.js';
import { applyTextChange, shiftPosition } from '../y/text-change.js';

let nextFieldId = 1;

/**
 * `<cl-text-field>`: a text input bound to the Y.Text at `map.get(key)`. Typing becomes the
 * smallest edit of the Y.Text, so two people typing in the same prompt merge; a remote edit
 * updates the input and keeps the caret where it was in the text. When `map` is absent (a
 * language not written yet) `create()` makes it on the first keystroke.
 */
export class ClTextField extends LitElement {
  static override properties: PropertyDeclarations = {
    session: { attribute: false },
    map: { attribute: false },
    key: { type: String },
    label: { type: String },
    lang: { type: String },
    multiline: { type: Boolean },
    disabled: { type: Boolean },
    create: { attribute: false },
  };
  static override styles = [
    uiStyles,
    css`
      :host { display: block; }
      label { display: block; font-size: 0.875rem; color: var(--cl-muted); }
      input, textarea { width: 100%; }
      textarea { min-height: 4rem; resize: vertical; }
    `,
  ];

  declare session: CollabSession | undefined;
  declare map: Y.Map<unknown> | undefined;
  declare key: string;
  declare label: string;
  declare multiline: boolean;
  declare disabled: boolean;
  declare create: (() => Y.Map<unknown>) | undefined;
  readonly #id = `cl-text-${nextFieldId++}`;
  #observedMap: Y.Map<unknown> | undefined;
  #observedText: Y.Text | undefined;

  constructor() {
    super();
    this.key = '';
    this.label = '';
    this.multiline = false;
    this.disabled = false;
  }

  /** The input element, for focus() from outside. */
  get control(): HTMLInputElement | HTMLTextAreaElement | null {
    return this.renderRoot.querySelector('input, textarea');
  }

  override focus(options?: FocusOptions): void {
    this.control?.focus(options);
  }

  get value(): string {
    const value = this.map?.get(this.key);
    if (value instanceof Y.Text) return value.toString();
    return typeof value === 'string' ? value : '';
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('map') || changed.has('key')) this.#observe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unobserve();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#observe();
  }

  protected override render() {
    const readOnly = this.disabled || (this.session?.readOnly ?? false);
    const control = this.multiline
      ? html`<textarea id=${this.#id} lang=${this.lang || ''} ?readonly=${readOnly} .value=${this.value} @input=${this.#onInput}></textarea>`
      : html`<input id=${this.#id} type="text" lang=${this.lang || ''} ?readonly=${readOnly} .value=${this.value} @input=${this.#onInput} />`;
    return html`<label for=${this.#id}>${this.label}</label>${control}`;
  }

  #onInput(event: Event): void {
    const next = (event.target as HTMLInputElement).value;
    const session = this.session;
    if (!session || session.readOnly) return;
    session.transact(() => {
      let map = this.map;
      if (!map) {
        if (!this.create) return;
        map = this.create();
        this.map = map;
      }
      const current = map.get(this.key);
      if (current instanceof Y.Text) applyTextChange(current, next);
      else map.set(this.key, new Y.Text(next));
    });
  }

  #observe(): void {
    this.#unobserve();
    const map = this.map;
    if (!map) return;
    this.#observedMap = map;
    map.observe(this.#onMapChange);
    const text = map.get(this.key);
    if (text instanceof Y.Text) {
      this.#observedText = text;
      text.observe(this.#onTextChange);
    }
  }

  #unobserve(): void {
    this.#observedMap?.unobserve(this.#onMapChange);
    this.#observedText?.unobserve(this.#onTextChange);
    this.#observedMap = undefined;
    this.#observedText = undefined;
  }

  readonly #onMapChange = (event: Y.YMapEvent<unknown>): void => {
    if (!event.keysChanged.has(this.key)) return;
    this.#observe();
    this.#syncControl([]);
  };

  readonly #onTextChange = (event: Y.YTextEvent): void => {
    this.#syncControl(event.transaction.origin === this.session?.origin ? [] : (event.delta as Array<{ insert?: unknown; delete?: number; retain?: number }>));
  };

  /** Shows the text's current value; a remote change moves the caret along with the text. */
  #syncControl(delta: ReadonlyArray<{ insert?: unknown; delete?: number; retain?: number }>): void {
    const control = this.control;
    const value = this.value;
    if (!control || control.value === value) return;
    const focused = this.shadowRoot?.activeElement === control;
    const start = control.selectionStart ?? 0;
    const end = control.selectionEnd ?? 0;
    control.value = value;
    if (focused) control.setSelectionRange(shiftPosition(start, delta), shiftPosition(end, delta));
  }
}

