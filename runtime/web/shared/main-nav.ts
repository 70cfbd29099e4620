import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { appStyles } from './app-styles.js';

/** One entry of an app's main menu. */
export interface NavEntry {
  href: string;
  label: string;
  /** The page shown is this entry's (marked with `aria-current="page"`). */
  current: boolean;
  /** A count shown as a badge ("2"), with the phrase a screen reader says instead ("2 unread"). */
  badge?: { count: number; spoken: string };
}

/** Below this width the menu keeps to one row and puts what does not fit under "More". */
const NARROW = '(max-width: 40rem)';

/**
 * `<cl-main-nav>`: the main menu of the patient app and the clinic. On a wide screen every entry
 * shows, wrapping if need be. On a phone the menu is one row: the first entries that fit, then a
 * "More" button that discloses the rest, so no entry hides behind a sideways scroll that patients
 * miss. Which entries fit is measured, not guessed, since the labels' widths differ per language.
 */
export class ClMainNav extends LitElement {
  static override styles = [appStyles, css`
    :host { display: block; }
    nav { position: relative; background: var(--cl-surface); border-bottom: 1px solid var(--cl-line); }
    ul.bar { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; margin: 0; padding: 0.25rem 0.5rem; }
    a, button.more {
      display: inline-flex; align-items: center; gap: 0.375rem; min-height: 44px; padding: 0.375rem 0.75rem;
      border-radius: 0.375rem; color: var(--cl-text); text-decoration: none; font-weight: 600; font-size: 1rem;
    }
    a[aria-current='page'], button.more.holds-current { background: var(--cl-bg); color: var(--cl-accent); box-shadow: inset 0 -3px 0 var(--cl-accent); }
    .nav-unread { margin-inline-start: 0.375rem; }
    button.more { border: 0; background: transparent; cursor: pointer; white-space: nowrap; }
    button.more[aria-expanded='true'] { background: var(--cl-bg); }
    /* Placed against the nav (not the row), and aligned to its end, so it stays inside a phone's screen. */
    ul.more-list {
      position: absolute; inset-inline-end: 0.25rem; top: 100%; z-index: 10; list-style: none; margin: 0; padding: 0.25rem;
      min-width: 12rem; max-width: calc(100vw - 0.5rem); box-sizing: border-box;
      background: var(--cl-bg, #fff); border: 1px solid var(--cl-line); border-radius: 0.5rem; box-shadow: 0 4px 12px rgb(0 0 0 / 20%);
    }
    ul.more-list[hidden] { display: none; }
    ul.more-list a { display: flex; width: 100%; box-sizing: border-box; }
    @media ${unsafeCSS(NARROW)} {
      ul.bar { flex-wrap: nowrap; gap: 0; padding: 0 0.25rem; }
      ul.bar > li { flex: none; }
      ul.bar > li > a, button.more { padding: 0.25rem 0.625rem; white-space: nowrap; }
    }
  `];

  static override properties: PropertyDeclarations = {
    entries: { attribute: false },
    label: {},
    moreLabel: { attribute: 'more-label' },
    open: { state: true },
    fit: { state: true },
    measuring: { state: true },
  };

  declare entries: NavEntry[];
  declare label: string;
  declare moreLabel: string;
  /** The "More" list is open. */
  declare open: boolean;
  /** How many entries the row shows; undefined: all. */
  declare fit: number | undefined;
  /** Every entry and the "More" button are in the row, to be measured. */
  declare measuring: boolean;

  #resize = new ResizeObserver(() => this.#measureSoon());
  #measured = '';
  #outside = (event: Event): void => {
    if (this.open && !event.composedPath().includes(this)) this.open = false;
  };

  constructor() {
    super();
    this.entries = [];
    this.label = '';
    this.moreLabel = 'More';
    this.open = false;
    this.fit = undefined;
    this.measuring = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize.observe(this);
    document.addEventListener('click', this.#outside);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    document.removeEventListener('click', this.#outside);
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Labels (a new language, a new unread count) change the widths: measure again. The apps hand
    // a new array on every render, so compare what is shown, not the array.
    if (changed.has('entries') || changed.has('moreLabel')) {
      const shown = JSON.stringify([this.moreLabel, this.entries.map((entry) => [entry.href, entry.label, entry.badge?.count])]);
      if (shown !== this.#measured) {
        this.#measured = shown;
        this.#measureSoon();
      }
    }
  }

  #pending = false;

  #measureSoon(): void {
    if (this.#pending) return;
    this.#pending = true;
    void this.#measure();
  }

  /** Puts every entry in the row, measures, then keeps those that fit beside "More". All of it before the next paint. */
  async #measure(): Promise<void> {
    this.measuring = true;
    await this.updateComplete;
    this.#pending = false;
    this.fit = this.#fitting();
    this.measuring = false;
  }

  #fitting(): number | undefined {
    if (!window.matchMedia(NARROW).matches) return undefined;
    const bar = this.renderRoot.querySelector<HTMLElement>('ul.bar');
    if (!bar) return undefined;
    const style = getComputedStyle(bar);
    const room = bar.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const widths = [...bar.querySelectorAll<HTMLElement>(':scope > li.entry')].map((item) => item.getBoundingClientRect().width);
    const more = bar.querySelector<HTMLElement>(':scope > li.more-item')?.getBoundingClientRect().width ?? 0;
    const all = widths.reduce((sum, width) => sum + width, 0);
    if (all <= room + 0.5) return undefined;
    let used = more;
    let count = 0;
    while (count < widths.length && used + (widths[count] ?? 0) <= room + 0.5) used += widths[count++] ?? 0;
    return count;
  }

  protected override render(): TemplateResult {
    const shown = this.measuring || this.fit === undefined ? this.entries : this.entries.slice(0, this.fit);
    const rest = this.measuring || this.fit === undefined ? [] : this.entries.slice(this.fit);
    return html`<nav class="main" aria-label=${this.label}><ul class="bar">
      ${shown.map((entry) => html`<li class="entry">${this.renderLink(entry)}</li>`)}
      ${this.measuring || rest.length > 0 ? this.renderMore(rest) : nothing}
    </ul></nav>`;
  }

  private renderMore(rest: NavEntry[]): TemplateResult {
    const holdsCurrent = rest.some((entry) => entry.current);
    return html`<li class="more-item" @keydown=${(event: KeyboardEvent) => this.onKey(event)}>
      <button type="button" class=${holdsCurrent ? 'more holds-current' : 'more'} aria-expanded=${this.open ? 'true' : 'false'} aria-controls="more-list"
        @click=${() => (this.open = !this.open)}>${this.moreLabel} <span aria-hidden="true">▾</span></button>
      <ul id="more-list" class="more-list" ?hidden=${!this.open} @click=${(event: Event) => this.chosen(event)}>
        ${rest.map((entry) => html`<li>${this.renderLink(entry)}</li>`)}
      </ul>
    </li>`;
  }

  /**
   * The text and count as a badge for the eye, and one phrase for screen readers ("Messages, 2
   * unread"): one hidden span carries the whole phrase, because browsers put a space between a
   * visible word and a separate hidden part ("Messages , 2 unread").
   */
  private renderLink(entry: NavEntry): TemplateResult {
    const text = entry.badge && entry.badge.count > 0
      ? html`<span aria-hidden="true">${entry.label}</span><span class="badge nav-unread" aria-hidden="true">${entry.badge.count}</span><span class="visually-hidden">${entry.label}, ${entry.badge.spoken}</span>`
      : entry.label;
    return html`<a href=${entry.href} aria-current=${entry.current ? 'page' : 'false'}>${text}</a>`;
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.open) {
      event.preventDefault();
      this.open = false;
      this.renderRoot.querySelector<HTMLElement>('button.more')?.focus();
    } else if (event.key === 'ArrowDown' && event.target instanceof HTMLButtonElement) {
      // As in a menu button: the arrow opens the list and moves to its first entry.
      event.preventDefault();
      this.open = true;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#more-list a')?.focus());
    }
  }

  private chosen(event: Event): void {
    if (!(event.target as Element).closest('a')) return;
    this.open = false;
    // The list closes under the focused link: the focus goes back to the button, not to the page's start.
    this.renderRoot.querySelector<HTMLElement>('button.more')?.focus();
  }
}

customElements.define('cl-main-nav', ClMainNav);

declare global {
  interface HTMLElementTagNameMap {
    'cl-main-nav': ClMainNav;
  }
}
