import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
let child: ChildProcess | undefined;
let folder: string | undefined;

afterEach(() => {
  // The child leads its own process group (detached), so this reaches npx, tsx and node alike,
  // even after npx itself has exited.
  if (child?.pid !== undefined) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // the group is gone already
    }
  }
  child = undefined;
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Resolves with the first match of `pattern` in the child's stdout, collecting everything it prints. */
function waitFor(process: ChildProcess, pattern: RegExp, output: { text: string }): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(output.text);
      if (match) resolve(match);
    };
    process.stdout?.on('data', (chunk: Buffer) => ((output.text += chunk.toString()), check()));
    process.stderr?.on('data', (chunk: Buffer) => ((output.text += chunk.toString()), check()));
    process.once('exit', (code) => reject(new Error(`exited with ${code} before printing ${pattern}:\n${output.text}`)));
  });
}

describe('npx tsx runtime/src/main.ts', () => {
  it('starts on a temp database, prints its URL, answers /health and stops on SIGTERM', async () => {
    folder = mkdtempSync(join(tmpdir(), 'careloom-main-'));
    const database = join(folder, 'db', 'careloom.sqlite');
    child = spawn('npx', ['tsx', 'runtime/src/main.ts'], {
      cwd: repoRoot,
      detached: true,
      env: { ...process.env, CARELOOM_DB: database, CARELOOM_PORT: '0', CARELOOM_EXAMPLES_DIR: join(folder, 'no-examples') },
    });
    const output = { text: '' };
    const [, url] = await waitFor(child, /Careloom is running at (http:\/\/\S+)/, output);
    expect(output.text).toContain(`database=${database}`);

    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'ok' });
    // The examples are read on first use, not at start (the production start answers sooner).
    expect(output.text).not.toMatch(/Examples loaded/);
    expect((await fetch(`${url}/api/examples`)).status).toBe(200);
    for (let wait = 0; wait < 100 && !/Examples loaded examples=0/.test(output.text); wait += 1) await new Promise((done) => setTimeout(done, 20));
    expect(output.text).toMatch(/Examples loaded examples=0/);

    // npx does not forward signals, so signal the whole group as a terminal's Ctrl-C would; 'close'
    // fires once every process holding the output pipes (tsx, the server) has exited.
    const closed = new Promise<void>((resolve) => child?.once('close', () => resolve()));
    process.kill(-child.pid!, 'SIGTERM');
    await closed;
    expect(output.text).toMatch(/Stopping signal=SIGTERM[\s\S]*Stopped/);
  }, 90_000);

  it('exits with a clear message on a bad port', async () => {
    child = spawn('npx', ['tsx', 'runtime/src/main.ts'], { cwd: repoRoot, detached: true, env: { ...process.env, CARELOOM_PORT: 'eighty' } });
    const output = { text: '' };
    child.stderr?.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child?.once('exit', (exitCode) => resolve(exitCode)));
    expect(code).toBe(1);
    expect(output.text).toContain('Careloom could not start: CARELOOM_PORT must be a whole number from 1 to 65535');
  }, 30_000);
});
