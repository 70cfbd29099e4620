import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseHash } from './hash-route.js';
import type { HashRoute } from './hash-route.js';

/**
 * Keeps a host element in step with `location.hash`: `route` is the parsed hash, and the host
 * re-renders on every `hashchange` (after `onChange`, where an app reads its own routes from the
 * hash or moves focus). The window is an argument so that tests can route an iframe. The one
 * router of the designer, the clinic and the patient app.
 */
export class HashRouter implements ReactiveController {
  route: HashRoute;
  readonly #host: ReactiveControllerHost;
  readonly #window: Window;
  readonly #listener: ((route: HashRoute, hash: string) => void) | undefined;
  readonly #onChange = () => {
    this.route = parseHash(this.#window.location.hash);
    this.#listener?.(this.route, this.#window.location.hash);
    this.#host.requestUpdate();
  };

  constructor(host: ReactiveControllerHost, target: Window = window, onChange?: (route: HashRoute, hash: string) => void) {
    this.#host = host;
    this.#window = target;
    this.#listener = onChange;
    this.route = parseHash(target.location.hash);
    host.addController(this);
  }

  hostConnected(): void {
    this.#window.addEventListener('hashchange', this.#onChange);
    this.#onChange();
  }

  hostDisconnected(): void {
    this.#window.removeEventListener('hashchange', this.#onChange);
  }

  /** Goes to a hash (adds a history entry); the hashchange event then re-renders the host. */
  go(hash: string): void {
    if (this.#window.location.hash === hash) return;
    this.#window.location.hash = hash;
  }

  /** Replaces the current entry (e.g. after login, so Back does not return to the login form). */
  replace(hash: string): void {
    const url = new URL(this.#window.location.href);
    url.hash = hash;
    this.#window.history.replaceState(null, '', url);
    this.#onChange();
  }
}
