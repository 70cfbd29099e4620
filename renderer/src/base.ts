import { LitElement } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { AnswerValue, RenderContext } from './context.js';
import { defaultContext, emitAnswer } from './context.js';

/** Detail of the internal `cl-input-problem` event: an answer the block could not accept, or null when fixed. */
export interface InputProblemDetail {
  itemId: string;
  message: string | null;
}

/**
 * Base of the block components. Blocks render into their own light DOM, so that on a page every label,
 * input, help text and error message lives in one tree: `for`, `aria-describedby` and the error
 * summary's links work across blocks, and the page's stylesheet applies. Each block gets its data
 * through `block` and `ctx` and reports answers with `answer-change` events.
 */
export class BlockElement<B> extends LitElement {
  static override properties: PropertyDeclarations = {
    block: { attribute: false },
    ctx: { attribute: false },
    problems: { state: true },
  };

  declare block: B | undefined;
  declare ctx: RenderContext;
  /** Problems found by the block itself (a number it cannot accept), shown at once. */
  declare problems: Record<string, string>;

  constructor() {
    super();
    this.ctx = defaultContext();
    this.problems = {};
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** The answer to an item. */
  answer(itemId: string): AnswerValue | undefined {
    return this.ctx.answers[itemId];
  }

  /** The error to show for an item: the block's own first, then the page's. */
  errorFor(itemId: string): string | undefined {
    return this.problems[itemId] ?? this.ctx.errors[itemId];
  }

  /** Reports an answer. */
  emit(itemId: string, value: AnswerValue): void {
    emitAnswer(this, itemId, value);
  }

  /** Records (or clears, with null) a problem with an item's input and tells the page. */
  setProblem(itemId: string, message: string | null, showNow: boolean): void {
    const next = { ...this.problems };
    if (message !== null && showNow) next[itemId] = message;
    else delete next[itemId];
    this.problems = next;
    this.dispatchEvent(new CustomEvent<InputProblemDetail>('cl-input-problem', { detail: { itemId, message }, bubbles: true, composed: true }));
  }
}
