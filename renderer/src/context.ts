import type { AnswerValue, Answers } from '@careloom/format/engine';
import type { LocalizedRichText, LocalizedText, RichTextDoc } from '@careloom/format';
import { localize, pickTranslation } from '@careloom/format/engine';
import { message } from './messages.js';
import type { MessageKey } from './messages.js';

export type { AnswerValue, Answers };

/** The care unit's contact details, filled in by the runtime from the unit's settings. */
export interface UnitContact {
  name?: string;
  phone?: string;
  crisisPhone?: string;
  openingHours?: string;
  address?: string;
  email?: string;
}

/** Everything a block component needs besides its block: passed down by `<cl-module-page>`. */
export interface RenderContext {
  /** Language the content is shown in: the requested one when the module has it, else the module's default. */
  language: string;
  /**
   * Language of the renderer's own words (buttons, "required", validation messages): the person's
   * interface language, which may differ from the content's (a Norwegian interface on English
   * content). The content language when absent.
   */
  interfaceLanguage?: string;
  /** The module's default language, the fallback for a missing translation. */
  fallbackLanguage: string;
  answers: Answers;
  /** Problems to show inline, by item id (a sentence in the UI language). */
  errors: Readonly<Record<string, string>>;
  readOnly: boolean;
  showScores: boolean;
  unitContact?: UnitContact;
}

/** A context for a block rendered on its own (tests, a designer's single-block preview). */
export function defaultContext(partial: Partial<RenderContext> = {}): RenderContext {
  return { language: 'en', fallbackLanguage: 'en', answers: {}, errors: {}, readOnly: false, showScores: false, ...partial };
}

/** Plain localized text for a context ('' when absent). */
export function tx(ctx: RenderContext, text: LocalizedText | undefined): string {
  return localize(text, ctx.language, ctx.fallbackLanguage);
}

/** Localized rich text for a context. */
export function richTx(ctx: RenderContext, text: LocalizedRichText | undefined): RichTextDoc | undefined {
  return pickTranslation(text, ctx.language, ctx.fallbackLanguage);
}

/** A UI string in the context's interface language. */
export function ui(ctx: RenderContext, key: MessageKey, params?: Record<string, string | number>): string {
  return message(ctx.interfaceLanguage ?? ctx.language, key, params);
}

/** DOM ids of an item's parts. Item ids are unique within a module, so these are unique on a page. */
export const domId = {
  input: (itemId: string) => `cl-input-${itemId}`,
  group: (itemId: string) => `cl-group-${itemId}`,
  label: (itemId: string) => `cl-label-${itemId}`,
  help: (itemId: string) => `cl-help-${itemId}`,
  hint: (itemId: string) => `cl-hint-${itemId}`,
  error: (itemId: string) => `cl-error-${itemId}`,
};

/** The `answer-change` event's detail. */
export interface AnswerChangeDetail {
  itemId: string;
  value: AnswerValue;
}

/** The `navigate` event's detail: the page to show, or null when the module is finished. */
export interface NavigateDetail {
  to: string | null;
}

/** Fires `answer-change` (bubbles, composed) from an element. */
export function emitAnswer(from: EventTarget, itemId: string, value: AnswerValue): void {
  from.dispatchEvent(new CustomEvent<AnswerChangeDetail>('answer-change', { detail: { itemId, value }, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'answer-change': CustomEvent<AnswerChangeDetail>;
    navigate: CustomEvent<NavigateDetail>;
  }
}
