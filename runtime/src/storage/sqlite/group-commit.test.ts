import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A writer and a second connection that sees only committed rows (WAL, as in production). */
function databases() {
  const dir = mkdtempSync(join(tmpdir(), 'careloom-group-commit-'));
  dirs.push(dir);
  const writer = new Database(join(dir, 'db.sqlite'));
  writer.pragma('journal_mode = WAL');
  writer.pragma('synchronous = FULL');
  writer.pragma('foreign_keys = ON');
  writer.exec(`CREATE TABLE parents (id TEXT PRIMARY KEY);
    CREATE TABLE rows (id TEXT PRIMARY KEY, parent TEXT REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED);
    CREATE TABLE audit (row_id TEXT NOT NULL)`);
  const reader = new Database(join(dir, 'db.sqlite'), { readonly: true });
  const committed = () => (reader.prepare('SELECT id FROM rows ORDER BY id').all() as Array<{ id: string }>).map((row) => row.id);
  return { writer, committed };
}

/** A schedule the test runs by hand, so it decides what one event-loop turn holds. */
function manualSchedule() {
  const pending: Array<() => void> = [];
  return {
    schedule: (flush: () => void) => pending.push(flush),
    runAll: () => {
      while (pending.length > 0) pending.shift()!();
    },
    get scheduled() {
      return pending.length;
    },
  };
}

/** Writes through a group commit with a WAL flush the test settles and gathering timers it fires. */
function gatheringWrites() {
  const { writer, committed } = databases();
  const insert = writer.prepare('INSERT INTO rows (id) VALUES (?)');
  const flushes: Array<() => void> = [];
  const turn = manualSchedule();
  const timers: Array<{ callback: () => void; ms: number; cleared: boolean }> = [];
  const write = groupCommit(writer, (id: string) => insert.run(id).changes, {
    wal: { sync: () => new Promise<void>((resolve) => flushes.push(resolve)) },
    schedule: turn.schedule,
    gatherMs: 3,
    gatherAfter: 3,
    setTimer: (callback, ms) => {
      const timer = { callback, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => void ((timer as { cleared: boolean }).cleared = true),
  });
  return { write, committed, flushes, turn, timers };
}

describe('groupCommit', () => {
  it('runs the writes of one turn in one transaction and resolves each only once it is committed', async () => {
    const { writer, committed } = databases();
    const seenByOthers: string[][] = [];
    const insert = writer.prepare('INSERT INTO rows (id) VALUES (?)');
    const turn = manualSchedule();
    const write = groupCommit(writer, (id: string) => {
      seenByOthers.push(committed());
      insert.run(id);
      return `stored ${id}`;
    }, { schedule: turn.schedule });

    const results = ['a', 'b', 'c'].map((id) => write(id));
    expect(turn.scheduled).toBe(1);
    expect(committed()).toEqual([]);
    turn.runAll();
    expect(await Promise.all(results)).toEqual(['stored a', 'stored b', 'stored c']);
    // While the batch ran, no other connection saw any of it: the three shared one commit.
    expect(seenByOthers).toEqual([[], [], []]);
    expect(committed()).toEqual(['a', 'b', 'c']);
  });

  it('undoes and rejects only the write that threw, keeping the others of its batch', async () => {
    const { writer, committed } = databases();
    const insert = writer.prepare('INSERT INTO rows (id) VALUES (?)');
    const audit = writer.prepare('INSERT INTO audit (row_id) VALUES (?)');
    const turn = manualSchedule();
    const write = groupCommit(writer, (id: string) => {
      audit.run(id);
      insert.run(id);
      return id;
    }, { schedule: turn.schedule });

    const outcomes = Promise.allSettled([write('a'), write('a'), write('b')]);
    turn.runAll();
    expect((await outcomes).map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(committed()).toEqual(['a', 'b']);
    // The failed write's audit row went with it.
    expect(writer.prepare('SELECT row_id FROM audit ORDER BY rowid').all()).toEqual([{ row_id: 'a' }, { row_id: 'b' }]);
  });

  it('rejects every write of a batch whose commit fails, stores none of them, and goes on working', async () => {
    const { writer, committed } = databases();
    const insert = writer.prepare('INSERT INTO rows (id, parent) VALUES (?, ?)');
    const turn = manualSchedule();
    const write = groupCommit(writer, (row: { id: string; parent: string | null }) => insert.run(row.id, row.parent).changes, { schedule: turn.schedule });

    // A deferred foreign key is checked at COMMIT, not when its savepoint is released.
    const failed = Promise.allSettled([write({ id: 'a', parent: null }), write({ id: 'b', parent: 'missing' })]);
    turn.runAll();
    expect((await failed).map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(committed()).toEqual([]);
    expect(writer.inTransaction).toBe(false);

    const next = write({ id: 'c', parent: null });
    turn.runAll();
    expect(await next).toBe(1);
    expect(committed()).toEqual(['c']);
  });

  it('splits a long queue into batches of at most maxBatch, in order', async () => {
    const { writer, committed } = databases();
    const insert = writer.prepare('INSERT INTO rows (id) VALUES (?)');
    const batches: number[] = [];
    let inBatch = 0;
    const turn = manualSchedule();
    const write = groupCommit(writer, (id: string) => {
      inBatch += 1;
      insert.run(id);
    }, {
      maxBatch: 2,
      schedule: (flush) => turn.schedule(() => {
        inBatch = 0;
        flush();
        batches.push(inBatch);
      }),
    });

    const writes = ['a', 'b', 'c', 'd', 'e'].map((id) => write(id));
    turn.runAll();
    await Promise.all(writes);
    expect(batches).toEqual([2, 2, 1]);
    expect(committed()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('flushes on its own after the current turn by default', async () => {
    const { writer, committed } = databases();
    const insert = writer.prepare('INSERT INTO rows (id) VALUES (?)');
    const write = groupCommit(writer, (id: string) => insert.run(id).changes);
    expect(await Promise.all([write('a'), write('b')])).toEqual([1, 1]);
    expect(committed()).toEqual(['a', 'b']);
  });

  it('with a WAL flush, commits without an fsync inside COMMIT and settles each write only after the flush', async () => {
    const { writer, committed } = databases();
    const insert = writer.prepare('INSERT INTO rows (id) VALUES (?)');
    const levels: number[] = [];
    const flushes: Array<() => void> = [];
    const wal = { sync: () => new Promise<void>((resolve) => flushes.push(resolve)) };
    const turn = manualSchedule();
    const write = groupCommit(writer, (id: string) => {
      levels.push(Number(writer.pragma('synchronous', { simple: true })));
      insert.run(id);
      return id;
    }, { schedule: turn.schedule, wal });

    const settled: string[] = [];
    const writes = ['a', 'b'].map((id) => write(id).then((value) => settled.push(value)));
    turn.runAll();
    // Committed (another connection sees the rows), but nobody is told until the log is flushed.
    expect(committed()).toEqual(['a', 'b']);
    expect(levels).toEqual([1, 1]);
    expect(Number(writer.pragma('synchronous', { simple: true }))).toBe(2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toEqual([]);
    expect(flushes).toHaveLength(1);
    flushes[0]!();
    await Promise.all(writes);
    expect(settled).toEqual(['a', 'b']);
  });

  it('rejects every write of a batch whose WAL flush failed', async () => {
    const { writer } = databases();
    const insert = writer.prepare('INSERT INTO rows (id) VALUES (?)');
    const wal = { sync: () => Promise.reject(new Error('EIO: i/o error, fdatasync')) };
    const turn = manualSchedule();
    const write = groupCommit(writer, (id: string) => insert.run(id).changes, { schedule: turn.schedule, wal });
    const outcomes = Promise.allSettled([write('a'), write('b')]);
    turn.runAll();
    const settled = await outcomes;
    expect(settled.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(String((settled[0] as PromiseRejectedResult).reason)).toContain('EIO');
  });

  it('with a WAL flush running, holds new writes and commits them together once it returns', async () => {
    const { writer, committed } = databases();
    const insert = writer.prepare('INSERT INTO rows (id) VALUES (?)');
    const flushes: Array<() => void> = [];
    const wal = { sync: () => new Promise<void>((resolve) => flushes.push(resolve)) };
    const batches: string[][] = [];
    let current: string[] = [];
    const turn = manualSchedule();
    const write = groupCommit(writer, (id: string) => {
      current.push(id);
      insert.run(id);
      return id;
    }, {
      wal,
      schedule: (flush) => turn.schedule(() => {
        current = [];
        flush();
        if (current.length > 0) batches.push(current);
      }),
    });

    const first = write('a');
    turn.runAll();
    const later = [write('b'), write('c')];
    // They could not be acknowledged before the next flush anyway: no commit of their own now.
    expect(turn.scheduled).toBe(0);
    expect(committed()).toEqual(['a']);
    flushes[0]!();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    expect(turn.scheduled).toBe(1);
    turn.runAll();
    expect(committed()).toEqual(['a', 'b', 'c']);
    await new Promise((resolve) => setImmediate(resolve));
    flushes[1]!();
    expect(await Promise.all(later)).toEqual(['b', 'c']);
    expect(batches).toEqual([['a'], ['b', 'c']]);
  });

  it('after a busy batch, waits briefly for as many writers before the next commit, so they share one flush', async () => {
    const { write, committed, flushes, turn, timers } = gatheringWrites();
    const settleFlush = async (index: number) => {
      flushes[index]!();
      await new Promise((resolve) => setImmediate(resolve));
    };

    // A lone writer is served at once: no timer, committed in its own turn.
    const alone = write('a0');
    turn.runAll();
    await settleFlush(0);
    await alone;
    void write('a1');
    expect(timers).toHaveLength(0);
    expect(turn.scheduled).toBe(1);
    turn.runAll();
    await settleFlush(1);

    // Three writers at once: after their flush, the first one back waits for the other two.
    const busy = [write('b0'), write('b1'), write('b2')];
    turn.runAll();
    await settleFlush(2);
    await Promise.all(busy);
    const back = [write('c0'), write('c1')];
    expect(turn.scheduled).toBe(0);
    expect(timers).toHaveLength(1);
    expect(timers[0]!.ms).toBe(3);
    back.push(write('c2'));
    // The third arrival completes the group: the wait ends early and one commit takes all three.
    expect(timers[0]!.cleared).toBe(true);
    expect(turn.scheduled).toBe(1);
    turn.runAll();
    expect(committed()).toEqual(['a0', 'a1', 'b0', 'b1', 'b2', 'c0', 'c1', 'c2']);
    await settleFlush(3);
    await Promise.all(back);

    // When fewer come back, the wait ends at gatherMs and those that came are committed.
    const late = write('d0');
    expect(turn.scheduled).toBe(0);
    expect(timers).toHaveLength(2);
    timers[1]!.callback();
    expect(turn.scheduled).toBe(1);
    turn.runAll();
    await settleFlush(4);
    expect(await late).toBe(1);
    expect(flushes).toHaveLength(5);
  });
  it('after a busy flush, waits for the writers it answered and those who queued meanwhile, so all share the next commit', async () => {
    const { write, committed, flushes, turn, timers } = gatheringWrites();
    const batches: string[][] = [];
    const first = [write('a0'), write('a1'), write('a2')];
    turn.runAll();
    batches.push(committed());
    // Two more writers queue while the first batch's log flush runs.
    const queued = [write('q0'), write('q1')];
    expect(turn.scheduled).toBe(0);
    flushes[0]!();
    await Promise.all(first);
    // The three answered come back one by one: nothing commits until all five are there.
    const back = [write('b0'), write('b1')];
    expect(turn.scheduled).toBe(0);
    back.push(write('b2'));
    expect(timers.at(-1)!.cleared).toBe(true);
    expect(turn.scheduled).toBe(1);
    turn.runAll();
    expect(committed()).toEqual(['a0', 'a1', 'a2', 'b0', 'b1', 'b2', 'q0', 'q1']);
    await new Promise((resolve) => setImmediate(resolve));
    flushes[1]!();
    expect(await Promise.all([...queued, ...back])).toEqual([1, 1, 1, 1, 1]);
    expect(flushes).toHaveLength(2);
    expect(batches).toEqual([['a0', 'a1', 'a2']]);
  });
});
