import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { parseClusterEvent, type ClusterBus, type ClusterEvent, type ClusterMessage } from '../../cluster/cluster-bus.js';

export interface PostgresClusterBusOptions {
  /** The database URL (CARELOOM_DATABASE_URL): the listening connection is one of its own, outside the pool. */
  url: string;
  /** The stores' pool, which sends the notifications. */
  pool: pg.Pool;
  /** Where a lost listening connection and a failing listener are reported. */
  onProblem?: (message: string, fields: Readonly<Record<string, string | number | boolean | null | undefined>>) => void;
  /** Waits between reconnection attempts, the last one repeated (default 50 ms doubling to 2 s). */
  reconnectDelaysMs?: readonly number[];
  /**
   * How long the first LISTEN may take, retries included, before `ready` rejects (default 15 s):
   * a process that cannot hear the others must refuse to start rather than hang or serve stale edits.
   */
  firstListenTimeoutMs?: number;
  /** How long one attempt (connect, then LISTEN) may take before it is abandoned and retried (default 5 s). */
  attemptTimeoutMs?: number;
}

export interface PostgresClusterBus extends ClusterBus {
  /**
   * Resolves once the listening connection listens (the first time); rejects with a
   * ClusterBusStartError when it did not within `firstListenTimeoutMs` (the bus is then closed).
   */
  ready: Promise<void>;
}

/** The first LISTEN did not succeed in time: the process must not start. */
export class ClusterBusStartError extends Error {
  override readonly name = 'ClusterBusStartError';
}

const DEFAULT_DELAYS = [50, 100, 200, 400, 800, 1600, 2000];
/** A notice's payload stays under PostgreSQL's 8000 bytes: larger events travel in parts of this many base64 characters. */
const PART_CHARS = 7000;
/** The largest event sent in parts (its JSON, in bytes): a presence state is at most MAX_PRESENCE_CHARS of base64. */
const MAX_EVENT_BYTES = 256 * 1024;
const MAX_PARTS = Math.ceil(Math.ceil((MAX_EVENT_BYTES * 4) / 3) / PART_CHARS);
/** Parts of an event not complete after this long are dropped (a listening connection lost midway). */
const PARTS_KEPT_MS = 30_000;
/** At most this many events being put together at once; beyond it the oldest is dropped. */
const MAX_EVENTS_IN_PARTS = 256;
const DEFAULT_FIRST_LISTEN_TIMEOUT_MS = 15_000;
const DEFAULT_ATTEMPT_TIMEOUT_MS = 5_000;

/**
 * The cluster bus on PostgreSQL's LISTEN/NOTIFY: one channel per schema (the processes that share
 * a schema are one installation), a JSON payload of ids and a sequence number, never data (only
 * presence travels whole: an event over one notice's 8000 bytes is sent in parts, see PartAssembler).
 * NOTIFY is sent in its own statement after the write committed, so a listener that reads on at
 * once finds the row. A listening connection that drops is reopened with backoff; then `onResumed`
 * listeners re-read from their last seen seq, since notifications sent meanwhile are gone.
 *
 * @example
 * const bus = createPostgresClusterBus({ url: config.databaseUrl, pool });
 * await bus.ready;
 * bus.subscribe(({ event }) => …);
 */
export function createPostgresClusterBus(options: PostgresClusterBusOptions): PostgresClusterBus {
  const origin = randomUUID();
  const delays = options.reconnectDelaysMs ?? DEFAULT_DELAYS;
  const report = options.onProblem ?? (() => undefined);
  const listeners = new Set<(message: ClusterMessage) => void>();
  const resumedListeners = new Set<() => void>();
  let channel: string | undefined;
  let client: pg.Client | undefined;
  let closed = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;
  let listened = false;
  let lastProblem = 'no answer yet';
  let resolveReady: () => void = () => undefined;
  let rejectReady: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // Whoever awaits `ready` sees the refusal; nobody awaiting it must not crash the process.
  ready.catch(() => undefined);
  const firstListenTimeoutMs = options.firstListenTimeoutMs ?? DEFAULT_FIRST_LISTEN_TIMEOUT_MS;
  const attemptTimeoutMs = options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
  const startTimer = setTimeout(() => {
    if (listened || closed) return;
    rejectReady(
      new ClusterBusStartError(
        `PostgreSQL did not let this process LISTEN for the other Careloom processes within ${seconds(firstListenTimeoutMs)} (last problem: ${lastProblem}). ` +
          'Processes sharing a database hear each other\'s edits and revocations over LISTEN/NOTIFY on a direct connection: check that the database answers, ' +
          'and that CARELOOM_DATABASE_URL does not go through a pooler in transaction or statement mode (such as PgBouncer), which does not keep LISTEN.',
      ),
    );
    void shutDown();
  }, firstListenTimeoutMs);
  startTimer.unref();

  const deliver = (message: ClusterMessage) => {
    for (const listener of [...listeners]) {
      try {
        listener(message);
      } catch (error) {
        report('A cluster event listener failed', { error: describe(error) });
      }
    }
  };

  const parts = new PartAssembler();

  const onNotification = (notification: pg.Notification) => {
    if (notification.channel !== channel || notification.payload === undefined) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(notification.payload);
    } catch {
      return;
    }
    let wire = parsed as { o?: unknown; e?: unknown };
    const whole = parts.add(parsed, Date.now());
    if (whole === null) return; // a part of an event not complete yet (or not a part we take)
    if (whole !== undefined) wire = whole;
    const event = parseClusterEvent(wire.e);
    if (event) deliver({ event, local: wire.o === origin });
  };

  async function connect(): Promise<void> {
    // Both time-outs bound one attempt: a server (or a proxy) that takes the connection and never
    // answers must not hold the start forever. Notifications are not queries and are not limited.
    const next = new pg.Client({ connectionString: options.url, keepAlive: true, connectionTimeoutMillis: attemptTimeoutMs, query_timeout: attemptTimeoutMs });
    next.on('error', (error) => lost(next, error));
    next.on('end', () => lost(next, new Error('connection ended')));
    next.on('notification', onNotification);
    try {
      if (!listened) lastProblem = 'the connection was not accepted yet';
      await next.connect();
      if (!listened) lastProblem = 'LISTEN was sent and not answered';
      if (channel === undefined) {
        const { rows } = await next.query<{ schema: string }>('SELECT current_schema() AS schema');
        channel = channelFor(rows[0]?.schema ?? 'public');
      }
      await next.query(`LISTEN ${next.escapeIdentifier(channel)}`);
    } catch (error) {
      next.removeAllListeners();
      next.on('error', () => undefined);
      // Not awaited: ending a connection whose server does not answer may itself never finish.
      void next.end().catch(() => undefined);
      lastProblem = describe(error);
      throw error;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    const resumed = client === undefined && attempt > 0;
    client = next;
    attempt = 0;
    listened = true;
    clearTimeout(startTimer);
    resolveReady();
    if (resumed) {
      report('Cluster bus listening again', {});
      for (const listener of [...resumedListeners]) {
        try {
          listener();
        } catch (error) {
          report('A cluster resume listener failed', { error: describe(error) });
        }
      }
    }
  }

  function lost(which: pg.Client, error: Error): void {
    if (client !== which && client !== undefined) return;
    const wasListening = client === which;
    client = undefined;
    // Its later 'end' or 'error' must not schedule a second reconnection.
    which.removeAllListeners();
    which.on('error', () => undefined);
    void which.end().catch(() => undefined);
    if (closed) return;
    if (wasListening) report('Cluster bus lost its listening connection; reconnecting', { error: error.message });
    schedule();
  }

  function schedule(): void {
    if (closed || timer) return;
    const delay = delays[Math.min(attempt, delays.length - 1)] ?? 1000;
    attempt++;
    timer = setTimeout(() => {
      timer = undefined;
      connect().catch((error: unknown) => {
        if (closed) return;
        report('Cluster bus could not listen yet', { error: describe(error), attempt });
        schedule();
      });
    }, delay);
    timer.unref();
  }

  connect().catch((error: unknown) => {
    if (closed) return;
    report('Cluster bus could not listen yet', { error: describe(error) });
    attempt = 1;
    schedule();
  });

  return {
    shared: true,
    ready,
    async publish(event: ClusterEvent) {
      if (closed) return;
      await ready;
      const payload = JSON.stringify({ o: origin, e: event });
      if (Buffer.byteLength(payload) <= PART_CHARS) {
        await options.pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
        return;
      }
      // Over one notice: in parts, all in one statement, so one transaction (listeners get every
      // part or none; a lost listening connection loses them all, and the listeners read on).
      await options.pool.query('SELECT pg_notify($1, part) FROM unnest($2::text[]) AS part', [channel, splitIntoParts(payload, origin)]);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onResumed(listener) {
      resumedListeners.add(listener);
      return () => resumedListeners.delete(listener);
    },
    close: shutDown,
  };

  async function shutDown(): Promise<void> {
    closed = true;
    if (timer) clearTimeout(timer);
    clearTimeout(startTimer);
    resolveReady();
    const current = client;
    client = undefined;
    listeners.clear();
    resumedListeners.clear();
    if (current) await current.end().catch(() => undefined);
  }
}

/** The channel of one schema's installation; identifiers are cut at 63 bytes by PostgreSQL. */
export function channelFor(schema: string): string {
  const name = schema === 'public' ? 'careloom_cluster' : `careloom_cluster_${schema}`;
  return Buffer.from(name).subarray(0, 63).toString('utf8').replace(/\uFFFD+$/, '');
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `payload` (JSON) as notices of at most PART_CHARS base64 characters each, with what puts them together. */
export function splitIntoParts(payload: string, origin: string): string[] {
  const bytes = Buffer.from(payload);
  if (bytes.byteLength > MAX_EVENT_BYTES) throw new Error(`A cluster event of ${bytes.byteLength} bytes is larger than the ${MAX_EVENT_BYTES} bytes one may be.`);
  const encoded = bytes.toString('base64');
  const count = Math.ceil(encoded.length / PART_CHARS);
  const id = randomUUID();
  return Array.from({ length: count }, (_, index) => JSON.stringify({ o: origin, c: id, i: index, n: count, p: encoded.slice(index * PART_CHARS, (index + 1) * PART_CHARS) }));
}

/**
 * Puts events sent in parts together again: parts arrive in any order; an event that is not
 * complete within PARTS_KEPT_MS is dropped, and at most MAX_EVENTS_IN_PARTS are held at once, so
 * a sender that never finishes (or a flood of first parts) cannot make a listener hold memory.
 */
export class PartAssembler {
  readonly #pending = new Map<string, { count: number; received: number; parts: Array<string | undefined>; since: number }>();

  /**
   * Takes one notice's parsed payload. Returns undefined for a notice that is not a part (deliver it
   * as it is), null for a part that completed nothing, and the whole `{ o, e }` when this part completed it.
   */
  add(notice: unknown, now: number): { o?: unknown; e?: unknown } | null | undefined {
    if (typeof notice !== 'object' || notice === null || !('c' in notice)) return undefined;
    const part = notice as { o?: unknown; c?: unknown; i?: unknown; n?: unknown; p?: unknown };
    if (typeof part.c !== 'string' || part.c.length > 64 || typeof part.o !== 'string' || part.o.length > 64) return null;
    if (!Number.isSafeInteger(part.n) || (part.n as number) < 1 || (part.n as number) > MAX_PARTS) return null;
    if (!Number.isSafeInteger(part.i) || (part.i as number) < 0 || (part.i as number) >= (part.n as number)) return null;
    if (typeof part.p !== 'string' || part.p.length > PART_CHARS || !/^[A-Za-z0-9+/]*={0,2}$/.test(part.p)) return null;
    for (const [key, held] of this.#pending) {
      if (now - held.since > PARTS_KEPT_MS) this.#pending.delete(key);
    }
    const key = `${part.o} ${part.c}`;
    let held = this.#pending.get(key);
    if (!held) {
      if (this.#pending.size >= MAX_EVENTS_IN_PARTS) this.#pending.delete(this.#pending.keys().next().value as string);
      held = { count: part.n as number, received: 0, parts: new Array<string | undefined>(part.n as number), since: now };
      this.#pending.set(key, held);
    }
    if (held.count !== part.n || held.parts[part.i as number] !== undefined) return null;
    held.parts[part.i as number] = part.p;
    held.received++;
    if (held.received < held.count) return null;
    this.#pending.delete(key);
    try {
      const whole = JSON.parse(Buffer.from(held.parts.join(''), 'base64').toString('utf8')) as { o?: unknown; e?: unknown };
      // Parts say who sent them: the whole must say the same.
      return typeof whole === 'object' && whole !== null && whole.o === part.o ? whole : null;
    } catch {
      return null;
    }
  }

  /** Events being put together now (for tests). */
  get pending(): number {
    return this.#pending.size;
  }
}
