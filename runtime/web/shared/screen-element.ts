import type { CSSResultGroup, PropertyDeclarations } from 'lit';
import type { ApiClient } from '@careloom/client/api';
import { CareloomElement } from '@careloom/client/element';
import { webMessages } from './i18n.js';
import type { MessageKey } from './i18n.js';
import { appStyles } from './app-styles.js';

/**
 * Base of the clinic's and the patient app's screens: the apps' one base element
 * (`@careloom/client/element`: `t`, `describeError`, `guard`, `languageChanged`) bound to the web
 * apps' catalogs, with the API client and the interface language handed down by the app as
 * properties. Screens load their own data in `load()`.
 */
export class ScreenElement extends CareloomElement<MessageKey> {
  static override styles: CSSResultGroup = appStyles;

  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    // The accessor below hands the language to the element's locale, whatever willUpdate a screen has.
    language: { noAccessor: true },
  };

  declare api: ApiClient;

  /** The interface language, handed down by the app (its language switch); English until then. */
  get language(): string {
    return this.locale.language;
  }

  set language(value: string) {
    const before = this.locale.language;
    this.locale.give(value);
    this.requestUpdate('language', before);
  }

  protected get catalogs() {
    return webMessages;
  }
}
