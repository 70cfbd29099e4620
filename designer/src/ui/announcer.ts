import { html } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';

/**
 * A polite live region for an element's announcements ("moved to position 2", "Svenska added"),
 * for what a screen reader user would otherwise not notice. The host renders `announcer.region()`
 * once (it needs the `visually-hidden` class of `uiStyles` or the editor styles) and calls
 * `announce(message)`. The module and program editors each kept this by hand.
 */
export class Announcer implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #message = '';

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** What the region says now (for tests). */
  get message(): string {
    return this.#message;
  }

  announce(message: string): void {
    // Clearing first, and writing after that render, makes a repeated message be read again.
    this.#message = '';
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      this.#message = message;
      this.#host.requestUpdate();
    });
  }

  /** An element put back in the page does not read out what it said before it left. */
  hostDisconnected(): void {
    if (this.#message === '') return;
    this.#message = '';
    this.#host.requestUpdate();
  }

  region(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" data-role="announcer">${this.#message}</div>`;
  }
}
