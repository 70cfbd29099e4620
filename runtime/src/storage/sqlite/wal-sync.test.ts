import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWalSync } from './wal-sync.js';

/** A flush the test finishes by hand, recording when each one started. */
function manualFlush() {
  const runs: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  return {
    flush: () => new Promise<void>((resolve, reject) => runs.push({ resolve, reject })),
    runs,
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('createWalSync', () => {
  it('makes a caller who arrives during a flush wait for the next one, which all such callers share', async () => {
    const disk = manualFlush();
    const wal = createWalSync('db-wal', { flush: disk.flush });
    const settled: string[] = [];
    void wal.sync().then(() => settled.push('first'));
    expect(disk.runs).toHaveLength(1);
    // Their frames may have been written after the running flush began: it does not cover them.
    void wal.sync().then(() => settled.push('second'));
    void wal.sync().then(() => settled.push('third'));
    expect(disk.runs).toHaveLength(1);

    disk.runs[0]!.resolve();
    await tick();
    expect(settled).toEqual(['first']);
    expect(disk.runs).toHaveLength(2);
    disk.runs[1]!.resolve();
    await tick();
    expect(settled).toEqual(['first', 'second', 'third']);
    expect(disk.runs).toHaveLength(2);
  });

  it('starts a fresh flush for a caller who arrives when none runs', async () => {
    const disk = manualFlush();
    const wal = createWalSync('db-wal', { flush: disk.flush });
    const first = wal.sync();
    disk.runs[0]!.resolve();
    await first;
    const second = wal.sync();
    expect(disk.runs).toHaveLength(2);
    disk.runs[1]!.resolve();
    await second;
  });

  it('fails the waiting callers and every later one after a flush fails', async () => {
    const disk = manualFlush();
    const wal = createWalSync('db-wal', { flush: disk.flush });
    const running = wal.sync();
    const waiting = wal.sync();
    disk.runs[0]!.reject(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    await expect(running).rejects.toThrow('EIO');
    await expect(waiting).rejects.toThrow('EIO');
    // Linux may have dropped the dirty pages and report success next time: no later write may be acknowledged.
    await expect(wal.sync()).rejects.toThrow('EIO');
    expect(disk.runs).toHaveLength(1);
  });

  it('flushes a real log file, and counts a log SQLite removed at close as flushed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'careloom-wal-sync-'));
    dirs.push(dir);
    const file = join(dir, 'db.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (a)');
    const wal = createWalSync(`${file}-wal`);
    db.pragma('synchronous = NORMAL');
    db.prepare('INSERT INTO t VALUES (1)').run();
    await wal.sync();
    db.close();
    await wal.sync();
  });
});
