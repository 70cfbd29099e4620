// How soon a server answers /health after its process starts, on an existing database: the
// production start (`npm run serve`, the server compiled by `npm run build`) beside the start from
// the TypeScript sources through tsx, alternating.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, repoRoot } from './processes.js';

export interface StartupResult {
  compiledMs: number[];
  sourceMs: number[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/** Milliseconds from spawning the process to its first 200 from /health (polled every 2 ms). */
async function timeToHealth(args: string[], databaseFile: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, CARELOOM_DB: databaseFile, CARELOOM_PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`The server exited:\n${output}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/health`)).status === 200) return performance.now() - started;
      } catch {
        // Not listening yet.
      }
      await new Promise((done) => setTimeout(done, 2));
    }
  } finally {
    await new Promise((done) => {
      if (child.exitCode !== null) return done(undefined);
      child.once('exit', done);
      child.kill('SIGTERM');
    });
  }
}

/** The arguments after `node` in package.json's `serve` script. */
export function serveArguments(): string[] {
  const scripts = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const [command, ...args] = (scripts['serve'] ?? '').split(/\s+/);
  if (command !== 'node' || args.length === 0) throw new Error(`The serve script is not "node …": ${scripts['serve']}`);
  return args;
}

/**
 * Builds (`npm run build`), makes a database with a first start, then times `rounds` starts of
 * each kind.
 */
export async function startup(rounds = 5): Promise<StartupResult> {
  execFileSync(process.execPath, ['--import', 'tsx', 'runtime/scripts/build.ts'], { cwd: repoRoot, stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'careloom-bench-start-'));
  try {
    const databaseFile = join(dir, 'careloom.sqlite');
    // Exactly what `npm run serve` runs (its Node options included), so the bench cannot drift from it.
    const compiled = serveArguments();
    const source = ['--import', 'tsx', 'runtime/src/serve.ts'];
    await timeToHealth(compiled, databaseFile);
    const result: StartupResult = { compiledMs: [], sourceMs: [] };
    for (let round = 0; round < rounds; round += 1) {
      result.compiledMs.push(await timeToHealth(compiled, databaseFile));
      result.sourceMs.push(await timeToHealth(source, databaseFile));
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const median = (values: readonly number[]) => percentile(values, 50);
