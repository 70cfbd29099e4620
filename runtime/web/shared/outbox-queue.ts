import { ApiError } from '@careloom/client/api';

export type SaveState = 'saved' | 'saving' | 'offline' | 'error';

export interface QueueStatus {
  state: SaveState;
  /** Items not yet acknowledged by the server. */
  pending: number;
  /** The server refused an item for good (422/409): its message, for the patient. */
  rejected?: { clientId: string; error: ApiError };
}

export interface OutboxQueueOptions<Item, Result> {
  /** Sends one item; resolves when the server acknowledged it, rejects with ApiError otherwise. */
  send: (item: Item) => Promise<Result>;
  /** The item's own id, kept across retries so the server stores it once (its `clientId`). */
  idOf: (item: Item) => string;
  /** Whether something read back from storage is an item (storage outlives app versions). */
  isItem: (value: unknown) => value is Item;
  /** Where the queue survives a reload or a closed tab: `localStorage` in the app. */
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** Storage key; one per signed-in person so that a shared device never mixes patients. */
  key: string;
  /** Whether the device believes it is online (`navigator.onLine`). */
  isOnline?: () => boolean;
  /** Window whose `online` event triggers a flush. */
  target?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  /** How long to wait before retrying after a server error or a failed request while "online". */
  retryMs?: number;
  /** Called after each item the server acknowledged. */
  onRecorded?: (item: Item, result: Result) => void;
}

/**
 * What the patient's device sends while the connection comes and goes: answers and messages. Every
 * item is stored first and sent after, strictly in order, one at a time; it leaves the queue only
 * once the server has acknowledged it (201, or 200 for a retry it already had). An item keeps its
 * id across retries, so a send that reached the server but whose answer was lost is stored once.
 * A 4xx refusal cannot succeed on retry: that item is dropped and reported, and the rest go on.
 *
 * @example
 * const queue = new OutboxQueue({ send, idOf: (item) => item.body.clientId, isItem, storage: localStorage, key: `careloom.messages.${personId}` });
 * queue.subscribe((status) => render(status));
 * queue.enqueue(item);
 */
export class OutboxQueue<Item, Result> {
  readonly #options: OutboxQueueOptions<Item, Result>;
  readonly #listeners = new Set<(status: QueueStatus) => void>();
  readonly #acknowledged = new Set<(item: Item, result: Result) => void>();
  #items: Item[];
  #status: QueueStatus;
  #flushing: Promise<void> | null = null;
  #again = false;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #onOnline = () => void this.flush();

  constructor(options: OutboxQueueOptions<Item, Result>) {
    this.#options = options;
    this.#items = this.#load();
    this.#status = { state: this.#items.length > 0 ? 'offline' : 'saved', pending: this.#items.length };
    options.target?.addEventListener('online', this.#onOnline);
  }

  get status(): QueueStatus {
    return this.#status;
  }

  /** The items still to send, oldest first. */
  get pending(): readonly Item[] {
    return this.#items;
  }

  /** Listens to status changes; returns the unsubscribe function. The listener gets the current status at once. */
  subscribe(listener: (status: QueueStatus) => void): () => void {
    this.#listeners.add(listener);
    listener(this.#status);
    return () => this.#listeners.delete(listener);
  }

  /** Listens to each item the server acknowledged, with its answer; returns the unsubscribe function. */
  onAcknowledged(listener: (item: Item, result: Result) => void): () => void {
    this.#acknowledged.add(listener);
    return () => this.#acknowledged.delete(listener);
  }

  /** Stores an item and starts sending. Resolves once this flush attempt is over (sent or kept). */
  enqueue(item: Item): Promise<void> {
    this.#items = [...this.#items, item];
    this.#save();
    this.#set({ state: this.#online() ? 'saving' : 'offline', pending: this.#items.length });
    return this.flush();
  }

  /** Sends what is queued, in order. Concurrent calls share one run; a call during a run makes it go round again. */
  flush(): Promise<void> {
    if (this.#flushing) {
      this.#again = true;
      return this.#flushing;
    }
    this.#flushing = this.#run().finally(() => {
      this.#flushing = null;
    });
    return this.#flushing;
  }

  dispose(): void {
    this.#options.target?.removeEventListener('online', this.#onOnline);
    clearTimeout(this.#retryTimer);
    this.#listeners.clear();
    this.#acknowledged.clear();
  }

  async #run(): Promise<void> {
    do {
      this.#again = false;
      while (this.#items.length > 0) {
        // A refusal earlier in this run stays reported while the rest is sent: the person must still be told.
        if (!this.#online()) {
          this.#set({ state: 'offline', pending: this.#items.length, ...this.#refusal() });
          return;
        }
        const item = this.#items[0]!;
        this.#set({ state: 'saving', pending: this.#items.length, ...this.#refusal() });
        try {
          const result = await this.#options.send(item);
          this.#drop(item);
          this.#options.onRecorded?.(item, result);
          for (const listener of this.#acknowledged) listener(item, result);
        } catch (error) {
          const failure = error instanceof ApiError ? error : new ApiError({ status: 0, title: 'Offline', detail: String(error) });
          if (failure.offline || failure.status >= 500 || failure.status === 429 || failure.status === 401) {
            // Not the item's fault: keep it, and retry on reconnect or after a pause.
            this.#set({ state: failure.offline ? 'offline' : 'error', pending: this.#items.length, ...this.#refusal() });
            this.#scheduleRetry();
            return;
          }
          this.#drop(item);
          this.#set({ state: this.#items.length > 0 ? 'saving' : 'error', pending: this.#items.length, rejected: { clientId: this.#options.idOf(item), error: failure } });
          continue;
        }
      }
    } while (this.#again);
    this.#set({ state: 'saved', pending: 0, ...this.#refusal() });
  }

  #refusal(): Pick<QueueStatus, 'rejected'> {
    return this.#status.rejected ? { rejected: this.#status.rejected } : {};
  }

  #scheduleRetry(): void {
    clearTimeout(this.#retryTimer);
    const delay = this.#options.retryMs ?? 15_000;
    if (delay > 0) this.#retryTimer = setTimeout(() => void this.flush(), delay);
  }

  #drop(item: Item): void {
    this.#items = this.#items.filter((candidate) => candidate !== item);
    this.#save();
  }

  #online(): boolean {
    return this.#options.isOnline ? this.#options.isOnline() : true;
  }

  #set(status: QueueStatus): void {
    this.#status = status;
    for (const listener of this.#listeners) listener(status);
  }

  #load(): Item[] {
    try {
      const raw = this.#options.storage.getItem(this.#options.key);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? parsed.filter((value: unknown): value is Item => this.#options.isItem(value)) : [];
    } catch {
      return [];
    }
  }

  #save(): void {
    if (this.#items.length === 0) this.#options.storage.removeItem(this.#options.key);
    else this.#options.storage.setItem(this.#options.key, JSON.stringify(this.#items));
  }
}
