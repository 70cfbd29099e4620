import { LitElement } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { ApiError } from '../api/api-error.js';
import type { AppLocale } from '../locale/locale.js';
import { translator, type Catalogs, type Translate } from '../messages/catalog.js';
import type { CommonMessageKey } from '../messages/common.js';
import { ElementLocale } from './element-locale.js';

/**
 * The base of every element that says something, in the designer, the clinic and the patient app.
 * It holds what the three share: the interface language through an {@link ElementLocale} (a change
 * re-renders, then {@link CareloomElement.languageChanged} runs), `t` bound to the app's catalogs,
 * a failed call described in plain words, and `guard` for loads whose failure is shown.
 *
 * Each app makes one subclass that names its catalogs (`catalogs`) and where its language comes
 * from (`localeSource`: the designer's one {@link AppLocale}; none for the web apps' screens, which
 * are handed theirs as a property, see `runtime/web/shared/screen-element.ts`). The language is not
 * a property here: the designer's editors use `language` for the module's content language.
 *
 * @example
 * export class DesignerElement extends CareloomElement<MessageKey> {
 *   protected get catalogs() { return designerMessages; }
 *   protected get localeSource() { return i18n; }
 * }
 */
export abstract class CareloomElement<K extends string = CommonMessageKey> extends LitElement {
  static override properties: PropertyDeclarations = {
    loadError: { state: true },
  };

  /** What the last guarded load failed with, in plain words; null when it succeeded. */
  declare loadError: string | null;
  protected readonly locale: ElementLocale;
  #translate: { language: string; t: Translate<K | CommonMessageKey> } | undefined;

  constructor() {
    super();
    this.loadError = null;
    this.locale = new ElementLocale(this, { source: this.localeSource, changed: () => void this.languageChanged() });
  }

  /** The app's catalogs: its own namespace with `common.*`. */
  protected abstract get catalogs(): Catalogs<K | CommonMessageKey>;

  /** The app's shared language, if it has one; undefined when the element is handed its language. */
  protected get localeSource(): AppLocale | undefined {
    return undefined;
  }

  /** The interface language now. */
  get interfaceLanguage(): string {
    return this.locale.language;
  }

  /** Translates into the interface language with the app's catalogs. */
  get t(): Translate<K | CommonMessageKey> {
    const language = this.locale.language;
    if (this.#translate?.language !== language) this.#translate = { language, t: translator(this.catalogs, language) };
    return this.#translate.t;
  }

  /**
   * Called after the element was shown in a new language while in the page. Elements whose data
   * holds texts the server translated load them again; the default keeps what is shown.
   */
  protected languageChanged(): void | Promise<void> {}

  /** A sentence for a failed call: what to do when offline or signed out, else the server's own detail. */
  describeError(error: unknown): string {
    if (error instanceof ApiError) {
      if (error.offline) return this.t('common.errorOffline');
      if (error.status === 401) return this.t('common.errorSignedOut');
      if (error.status === 403) return this.t('common.errorForbidden');
      if (error.status === 404) return this.t('common.errorNotFound');
      return error.detail || error.title;
    }
    return this.t('common.errorUnexpected');
  }

  /** Runs a load, keeping its failure in `loadError` for display; resolves with undefined on failure. */
  async guard<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await work();
      this.loadError = null;
      return result;
    } catch (error) {
      this.loadError = this.describeError(error);
      return undefined;
    }
  }
}
