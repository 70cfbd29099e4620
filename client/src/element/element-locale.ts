import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AppLocale } from '../locale/locale.js';

export interface ElementLocaleOptions {
  /** The app's shared language (the designer's); left out when the element is handed its language (the web apps' screens). */
  source?: AppLocale;
  /** Called after an update that showed a new language while the element is in the page (not on the first one). */
  changed?: () => void;
}

/**
 * The interface language of one element, and what happens when it changes: the element re-renders,
 * then `changed` runs (screens load again what the server translated). The language either follows
 * an app's {@link AppLocale} (subscribed only while the element is in the page) or is handed to the
 * element by its parent through {@link ElementLocale.give}.
 *
 * @example
 * readonly locale = new ElementLocale(this, { source: appLocale, changed: () => this.load() });
 */
export class ElementLocale implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #source: AppLocale | undefined;
  readonly #changed: (() => void) | undefined;
  #given = 'en';
  /** The language the last update showed; undefined before the first. */
  #shown: string | undefined;
  #connected = false;
  #unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, options: ElementLocaleOptions = {}) {
    this.#host = host;
    this.#source = options.source;
    this.#changed = options.changed;
    host.addController(this);
  }

  /** The language the element speaks now. */
  get language(): string {
    return this.#source ? this.#source.language : this.#given;
  }

  /** Sets the language of an element that is handed one (no effect on an element following an app's locale). */
  give(language: string): void {
    if (language === this.#given) return;
    this.#given = language;
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#unsubscribe = this.#source?.subscribe(() => this.#host.requestUpdate());
    // The language may have changed while the element was out of the page: it missed the news.
    if (this.#shown !== undefined && this.#shown !== this.language) this.#host.requestUpdate();
  }

  hostUpdated(): void {
    const before = this.#shown;
    this.#shown = this.language;
    if (before !== undefined && before !== this.#shown && this.#connected) this.#changed?.();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
