/**
 * Counts, per person, the connections closed because they sent what no honest client sends (a
 * malformed or over-size message, an update that does not apply). Each such message costs the
 * server work before it is refused, and a client can reconnect and send it again at once; after
 * `maxRefusals` within `windowMs` the person's new connections are closed at once (4429) until
 * `barMs` after the last refusal. Honest clients stay far below: the designer never sends these,
 * and an over-size paste is refused once, then the designer stops and says so.
 */
export interface RefusalLimits {
  maxRefusals: number;
  windowMs: number;
  barMs: number;
}

export const DEFAULT_REFUSAL_LIMITS: RefusalLimits = {
  maxRefusals: 5,
  windowMs: 10 * 60_000,
  barMs: 15 * 60_000,
};

export class RefusalLimiter {
  /** Person → times of recent refusals (at most maxRefusals kept), oldest first. */
  readonly #refusals = new Map<string, number[]>();

  constructor(
    private readonly limits: RefusalLimits,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Records one refusal of `personId`; true when it bars the person (from now on). */
  record(personId: string): boolean {
    const now = this.now();
    this.#prune(now);
    const times = (this.#refusals.get(personId) ?? []).filter((at) => now - at < this.limits.windowMs);
    times.push(now);
    if (times.length > this.limits.maxRefusals) times.shift();
    this.#refusals.set(personId, times);
    return times.length >= this.limits.maxRefusals;
  }

  /** People with refusals on record. */
  get size(): number {
    return this.#refusals.size;
  }

  /** How many milliseconds `personId` stays barred (0: not barred). */
  barredFor(personId: string): number {
    const times = this.#refusals.get(personId);
    if (!times || times.length < this.limits.maxRefusals) return 0;
    const first = times[0] as number;
    const last = times[times.length - 1] as number;
    if (last - first >= this.limits.windowMs) return 0;
    return Math.max(0, last + this.limits.barMs - this.now());
  }

  /** Forgets people whose refusals no longer count (keeps the map as small as the trouble). */
  #prune(now: number): void {
    if (this.#refusals.size < 1000) return;
    const horizon = Math.max(this.limits.windowMs, this.limits.barMs);
    for (const [personId, times] of this.#refusals) {
      if (now - (times[times.length - 1] as number) >= horizon) this.#refusals.delete(personId);
    }
  }
}

/**
 * The refusal count as the collaboration server uses it: asynchronous, because where several
 * processes serve one database the count lives there (a person barred on one process is barred on
 * every other, and a restart forgets nothing).
 */
export interface RefusalCounter {
  /** Records one refusal of `personId`; true when it bars the person (from now on). */
  record(personId: string): Promise<boolean>;
  /** How many milliseconds `personId` stays barred (0: not barred). */
  barredFor(personId: string): Promise<number>;
}

/** Counts in this process only: a process alone, and tests. */
export function memoryRefusalCounter(limits: RefusalLimits, now: () => number = () => Date.now()): RefusalCounter {
  const limiter = new RefusalLimiter(limits, now);
  return {
    record: async (personId) => limiter.record(personId),
    barredFor: async (personId) => limiter.barredFor(personId),
  };
}

/** The database's fixed-window counters (`Stores.rateLimits`, the `attempt_windows` table), by scope. */
export interface SharedAttemptCounters {
  attemptLimiter(now: () => number, scope: string, limits: { limit: number; windowMs: number }): {
    retryAfterSeconds(key: string): Promise<number | undefined>;
    admit(key: string): Promise<number | undefined>;
  };
}

/**
 * Counts refusals in the database, in two fixed windows per person: `collab-refusal` (at most
 * `maxRefusals` per `windowMs`) and, once that is full, `collab-bar` (one window of `barMs` from the
 * moment of barring). A window is fixed rather than sliding, so a person can be refused up to twice
 * `maxRefusals - 1` times around a window's edge before the bar: still a handful, each costing the
 * server one message. This process's own count answers first, so a person it just barred is
 * refused without asking the database.
 */
export function sharedRefusalCounter(counters: SharedAttemptCounters, limits: RefusalLimits, now: () => number = () => Date.now()): RefusalCounter {
  const local = new RefusalLimiter(limits, now);
  const refusals = counters.attemptLimiter(now, 'collab-refusal', { limit: limits.maxRefusals, windowMs: limits.windowMs });
  const bars = counters.attemptLimiter(now, 'collab-bar', { limit: 1, windowMs: limits.barMs });
  return {
    async record(personId) {
      local.record(personId);
      const full = (await refusals.admit(personId)) !== undefined || (await refusals.retryAfterSeconds(personId)) !== undefined;
      if (!full) return false;
      await bars.admit(personId);
      return true;
    },
    async barredFor(personId) {
      const here = local.barredFor(personId);
      if (here > 0) return here;
      const seconds = await bars.retryAfterSeconds(personId);
      return seconds === undefined ? 0 : seconds * 1000;
    },
  };
}
