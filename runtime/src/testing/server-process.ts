// The server as its own process (`tsx runtime/src/main.ts`), for the tests that kill it with
// SIGKILL mid-work and start it again on the same database.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../../..');

export interface ServerProcesses {
  /** Starts a server with `env` (CARELOOM_DB and the like; the port is chosen by the system) and resolves once it listens. */
  start(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }>;
  /** Kills every server started here that still runs (SIGKILL): call it after each test. */
  killAll(): void;
}

/**
 * Server processes for one test file. A start waits up to two minutes: on a loaded machine the
 * demo content alone takes well over the twenty seconds one of these tests allowed.
 *
 * @example
 * const servers = serverProcesses();
 * afterEach(() => servers.killAll());
 * const { child, url } = await servers.start({ CARELOOM_DB: file });
 * child.kill('SIGKILL');
 */
export function serverProcesses(): ServerProcesses {
  const children: ChildProcess[] = [];
  return {
    start(env) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'runtime/src/main.ts'], {
        cwd: repoRoot,
        env: { ...process.env, ...env, CARELOOM_PORT: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let output = '';
      return new Promise((resolveStart, reject) => {
        const timer = setTimeout(() => reject(new Error(`The server did not start:\n${output}`)), 120_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Careloom is running at (http:\/\/\S+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolveStart({ child, url: match[1]! });
          }
        };
        child.stdout!.on('data', onData);
        child.stderr!.on('data', onData);
        child.once('exit', (code, signal) => {
          clearTimeout(timer);
          reject(new Error(`The server exited (${code ?? signal}):\n${output}`));
        });
      });
    },
    killAll() {
      for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
