import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as Y from 'yjs';

/** A shared type that can be observed deeply (a Y.Map, Y.Array, Y.Text or Y.XmlFragment). */
export type DeepObservable = Pick<Y.AbstractType<unknown>, 'observeDeep' | 'unobserveDeep'>;

/** Which changes of the observed type matter to the element (the rest redraw themselves). */
export type YChangeFilter = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => boolean;

/**
 * Redraws its element when the shared type it shows changes, while the element is in the page. The
 * type is read afresh after every update, so the element may be handed another one (another page,
 * block or draft) and the controller follows; it lets go on disconnect, so an element removed from
 * the page does not keep listening to a document that outlives it. The editors' canvas, outline,
 * details and scoring tests each did this by hand.
 */
export class YDeepObserver implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #target: () => DeepObservable | undefined;
  readonly #relevant: YChangeFilter;
  #observed: DeepObservable | undefined;
  #connected = false;
  /** Observing starts after the first update, as the elements did by hand: what the first render sets up in the type is not a change to redraw for. */
  #updated = false;

  constructor(host: ReactiveControllerHost, target: () => DeepObservable | undefined, relevant: YChangeFilter) {
    this.#host = host;
    this.#target = target;
    this.#relevant = relevant;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#follow();
  }

  hostUpdated(): void {
    this.#updated = true;
    this.#follow();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#observed?.unobserveDeep(this.#onChange);
    this.#observed = undefined;
  }

  /** The type observed now (for tests). */
  get observed(): DeepObservable | undefined {
    return this.#observed;
  }

  #follow(): void {
    const target = this.#connected && this.#updated ? this.#target() : undefined;
    if (target === this.#observed) return;
    this.#observed?.unobserveDeep(this.#onChange);
    this.#observed = target;
    target?.observeDeep(this.#onChange);
  }

  readonly #onChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void => {
    if (this.#relevant(events)) this.#host.requestUpdate();
  };
}
