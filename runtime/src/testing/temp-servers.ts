import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { RunningServer } from '../server.js';

/**
 * Fresh database folders and real servers for one test file, all closed and removed after the file
 * (a test that fails half-way still leaves no server or folder behind). Call at module level.
 *
 * @example
 * const temp = tempServers('careloom-headers-');
 * const server = temp.keep(await startServer({ config: loadConfig({ CARELOOM_DB: temp.databaseFile(), CARELOOM_PORT: '0' }) }));
 */
export function tempServers(prefix: string): { folder(): string; databaseFile(): string; keep(server: RunningServer): RunningServer } {
  const folders: string[] = [];
  const servers: RunningServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.close().catch(() => undefined);
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });
  const folder = () => {
    const created = mkdtempSync(join(tmpdir(), prefix));
    folders.push(created);
    return created;
  };
  return {
    folder,
    databaseFile: () => join(folder(), 'careloom.sqlite'),
    keep(server) {
      servers.push(server);
      return server;
    },
  };
}
