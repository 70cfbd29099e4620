/**
 * How much one connection may ask of the server per second: messages, and items (Yjs structs and
 * deleted ranges) in its updates. Two token buckets; a connection that runs dry is made to wait
 * (its socket stops being read, so TCP pushes back on the sender) rather than closed, because a
 * burst can be honest (a slider dragged, a long paste) and waiting costs the server nothing.
 */
export interface BudgetLimits {
  messagesPerSecond: number;
  messageBurst: number;
  itemsPerSecond: number;
  /** At least the largest update accepted (UpdateLimits.maxStructs + maxDeleteRanges), or it could never pass. */
  itemBurst: number;
}

/** A designer types ~10 updates a second and sends as many awareness changes; dragging is ~60. */
export const DEFAULT_BUDGET: BudgetLimits = {
  messagesPerSecond: 100,
  messageBurst: 400,
  itemsPerSecond: 10_000,
  itemBurst: 20_000,
};

export class ConnectionBudget {
  #messages: number;
  #items: number;
  #at: number;

  constructor(
    private readonly limits: BudgetLimits,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.#messages = limits.messageBurst;
    this.#items = limits.itemBurst;
    this.#at = now();
  }

  /**
   * Takes one message with `items` items if the budget allows and returns 0; otherwise takes
   * nothing and returns how many milliseconds until it would.
   */
  take(items: number): number {
    this.#refill();
    const wanted = Math.min(items, this.limits.itemBurst);
    if (this.#messages >= 1 && this.#items >= wanted) {
      this.#messages -= 1;
      this.#items -= wanted;
      return 0;
    }
    const forMessage = this.#messages >= 1 ? 0 : ((1 - this.#messages) / this.limits.messagesPerSecond) * 1000;
    const forItems = this.#items >= wanted ? 0 : ((wanted - this.#items) / this.limits.itemsPerSecond) * 1000;
    return Math.max(1, Math.ceil(Math.max(forMessage, forItems)));
  }

  /**
   * Charges `items` for a message already handled (its cost is known only once its worker has
   * decoded it). The item budget may go below zero: the next `take` then waits until it refills.
   */
  charge(items: number): void {
    this.#refill();
    this.#items -= Math.min(items, this.limits.itemBurst);
  }

  #refill(): void {
    const now = this.now();
    const seconds = Math.max(0, now - this.#at) / 1000;
    this.#at = now;
    this.#messages = Math.min(this.limits.messageBurst, this.#messages + seconds * this.limits.messagesPerSecond);
    this.#items = Math.min(this.limits.itemBurst, this.#items + seconds * this.limits.itemsPerSecond);
  }
}
