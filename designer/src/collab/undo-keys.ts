import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the keys do: the person's own history in the draft (the session's undo manager). */
export interface UndoActions {
  undo(): void;
  redo(): void;
}

/**
 * Ctrl/Cmd+Z (undo), Shift+Ctrl/Cmd+Z and Ctrl/Cmd+Y (redo) anywhere inside an editor element, while
 * it is in the page. Rich text handles its own keys first and marks the event handled; a field's own
 * browser undo is replaced, so text and structure share one history. The module and program
 * editors each had a copy of this.
 */
export class UndoKeys implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #actions: UndoActions;

  constructor(host: ReactiveControllerHost & HTMLElement, actions: UndoActions) {
    this.#host = host;
    this.#actions = actions;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('keydown', this.#onKeydown);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKeydown);
  }

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || !(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key !== 'z' && key !== 'y') return;
    event.preventDefault();
    if (key === 'y' || event.shiftKey) this.#actions.redo();
    else this.#actions.undo();
  };
}
