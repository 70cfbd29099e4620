import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer.js';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function database() {
  const dir = mkdtempSync(join(tmpdir(), 'careloom-checkpoint-'));
  const file = join(dir, 'db.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // Checkpoints behave the same either way; NORMAL spares the test a thousand fsyncs.
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  // The table itself into the database file, so a copy of that file alone can be read.
  db.pragma('wal_checkpoint(TRUNCATE)');
  const insert = db.prepare('INSERT INTO rows (body) VALUES (?)');
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanup.push(() => {
    if (db.open) db.close();
  });
  /** Writes `count` rows of 4 KiB, each in its own commit, as the server does. */
  const write = (count: number) => {
    for (let i = 0; i < count; i += 1) insert.run('x'.repeat(4096));
  };
  /** Rows a copy of the database file alone holds (what a checkpoint has moved out of the log). */
  const rowsInDatabaseFile = () => {
    const copy = join(dir, `copy-${Date.now()}-${Math.random()}.sqlite`);
    copyFileSync(file, copy);
    const reader = new Database(copy, { readonly: true });
    try {
      return (reader.prepare('SELECT count(*) AS n FROM rows').get() as { n: number }).n;
    } finally {
      reader.close();
    }
  };
  return { dir, file, db, write, rowsInDatabaseFile, walBytes: () => statSync(`${file}-wal`).size };
}

function track(checkpointer: WalCheckpointer): WalCheckpointer {
  cleanup.push(() => checkpointer.close());
  return checkpointer;
}

const until = async (condition: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('startWalCheckpointer', () => {
  it('stops the connection checkpointing inside its commits and copies the log from a thread instead', async () => {
    const { db, write, rowsInDatabaseFile } = database();
    const checkpointer = track(startWalCheckpointer(db, db.name, { intervalMs: 60_000 }));
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    // Past SQLite's own 1000-page threshold: nothing was copied inside a commit.
    write(1500);
    expect(rowsInDatabaseFile()).toBe(0);

    const result = await checkpointer.checkpoint();
    expect(result.log).toBeGreaterThan(1500);
    expect(result.checkpointed).toBe(result.log);
    expect(rowsInDatabaseFile()).toBe(1500);
  });

  it('checks the log on its own and starts copying once it is big enough', async () => {
    const { db, write, rowsInDatabaseFile } = database();
    track(startWalCheckpointer(db, db.name, { intervalMs: 10, startAtBytes: 256 * 1024 }));
    write(20);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Under the threshold the thread was not even started.
    expect(rowsInDatabaseFile()).toBe(0);
    write(100);
    // A copy taken while the thread is writing the file can be torn; that only means "not yet".
    await until(() => {
      try {
        return rowsInDatabaseFile() === 120;
      } catch {
        return false;
      }
    });
  });

  it('lets the writer finish the copy past the limit, so the log starts over instead of growing', async () => {
    const { db, write, walBytes } = database();
    // The thread never gets a turn (its threshold is out of reach); only the limit acts.
    track(startWalCheckpointer(db, db.name, { intervalMs: 10, startAtBytes: Number.MAX_SAFE_INTEGER, limitBytes: 512 * 1024 }));
    write(200);
    const grown = walBytes();
    expect(grown).toBeGreaterThan(512 * 1024);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // After the catch-up the next commits write from the start of the log again: it does not grow.
    write(50);
    expect(walBytes()).toBe(grown);
  });

  it('goes back to checkpointing inside commits when the thread fails, and says so', async () => {
    const { db } = database();
    const problems: string[] = [];
    const checkpointer = track(startWalCheckpointer(db, db.name, { intervalMs: 60_000, driver: '/nonexistent/sqlite-driver.js', onProblem: (message) => problems.push(message) }));
    await expect(checkpointer.checkpoint()).rejects.toThrow();
    await until(() => problems.length > 0);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('closes its thread and leaves the connection working', async () => {
    const { db, write, rowsInDatabaseFile } = database();
    const checkpointer = startWalCheckpointer(db, db.name, { intervalMs: 60_000 });
    write(10);
    await checkpointer.checkpoint();
    await checkpointer.close();
    await expect(checkpointer.checkpoint()).rejects.toThrow();
    write(10);
    expect(rowsInDatabaseFile()).toBe(10);
    db.close();
    expect(rowsInDatabaseFile()).toBe(20);
  });
});
