import { CareloomElement } from '@careloom/client/element';
import { designerMessages, i18n, type MessageKey } from './i18n.js';

/**
 * Base of every designer element that says something: the apps' one base element
 * (`@careloom/client/element`) following the designer's one language (`i18n`), with `this.t` on
 * the designer's catalogs. A language switch re-renders every such element in the page.
 * Elements may still call the module-level `t()`: it reads the same language.
 */
export class DesignerElement extends CareloomElement<MessageKey> {
  protected get catalogs() {
    return designerMessages;
  }

  protected override get localeSource() {
    return i18n;
  }
}
