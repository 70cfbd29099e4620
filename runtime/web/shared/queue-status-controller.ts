import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { QueueStatus } from './outbox-queue.js';

/** What the controller needs of a queue: its status and a way to follow it. */
export interface StatusSource {
  readonly status: QueueStatus;
  subscribe(listener: (status: QueueStatus) => void): () => void;
}

/**
 * Keeps an element's view of an outbox queue (answers, messages) current: subscribes while the
 * element is connected, follows a replaced queue, and re-renders the host on every change. The
 * module player and the message thread both show "offline, 2 waiting", so the subscription lives
 * here once instead of in each element's lifecycle callbacks.
 *
 * @example
 * readonly #outbox = new QueueStatusController(this, () => this.queue, (status) => this.#onStatus(status));
 * render() { return this.#outbox.status?.state === 'offline' ? html`…` : null; }
 */
export class QueueStatusController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #source: () => StatusSource | undefined;
  readonly #onChange: ((status: QueueStatus, previous: QueueStatus | undefined) => void) | undefined;
  #following: StatusSource | undefined;
  #unsubscribe: (() => void) | undefined;
  status: QueueStatus | undefined;

  constructor(host: ReactiveControllerHost, source: () => StatusSource | undefined, onChange?: (status: QueueStatus, previous: QueueStatus | undefined) => void) {
    this.#host = host;
    this.#source = source;
    this.#onChange = onChange;
    host.addController(this);
  }

  hostConnected(): void {
    this.#follow();
  }

  /** A queue set after connecting (a property binding) is picked up before the next render. */
  hostUpdate(): void {
    if (this.#source() !== this.#following) this.#follow();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#following = undefined;
  }

  #follow(): void {
    this.#unsubscribe?.();
    this.#following = this.#source();
    this.status = undefined;
    this.#unsubscribe = this.#following?.subscribe((status) => {
      const previous = this.status;
      this.status = status;
      this.#onChange?.(status, previous);
      this.#host.requestUpdate();
    });
  }
}
