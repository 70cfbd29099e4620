import { LitElement } from 'lit';
import type { CSSResultGroup, PropertyDeclarations, PropertyValues } from 'lit';
import type { ApiClient } from '@careloom/client/api';
import { ApiError } from '@careloom/client/api';
import { translator } from './i18n.js';
import type { Translate } from './i18n.js';
import { appStyles } from './app-styles.js';

/**
 * Base of the app screens: each gets the API client and the interface language from its app, and
 * shows a failed load in plain words. Screens load their own data in `load()`.
 */
export class ScreenElement extends LitElement {
  static override styles: CSSResultGroup = appStyles;

  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    language: {},
    loadError: { state: true },
  };

  declare api: ApiClient;
  declare language: string;
  declare loadError: string | null;

  constructor() {
    super();
    this.language = 'en';
    this.loadError = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const before = changed.get('language');
    if (before !== undefined && before !== this.language && this.isConnected) void this.languageChanged();
  }

  /**
   * Called when the interface language changes on a shown screen. Screens whose data holds texts the
   * server translated (titles on Today, the program) load them again; the default keeps what is shown.
   */
  protected languageChanged(): void | Promise<void> {}

  get t(): Translate {
    return translator(this.language);
  }

  /** A sentence for a failed call: the server's detail, or what to do when offline. */
  describeError(error: unknown): string {
    if (error instanceof ApiError) {
      if (error.offline) return this.t('errorOffline');
      if (error.status === 401) return this.t('errorSignedOut');
      if (error.status === 403) return this.t('errorForbidden');
      if (error.status === 404) return this.t('errorNotFound');
      return error.detail || error.title;
    }
    return this.t('errorUnexpected');
  }

  /** Runs a load, keeping its error for display; resolves with undefined on failure. */
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
