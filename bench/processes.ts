import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..');

const outputs = new WeakMap<ChildProcess, string>();

/**
 * Starts a TypeScript entry point in its own Node process and resolves with the URL it prints. Its
 * output goes to a file, as a deployed server's goes to a log file or the journal: not through a
 * pipe into this process, which would then spend CPU on every log line on the same two cores as the
 * server and wrk (Careloom logs a line per request; the bare baselines log nothing).
 */
export function startProcess(entry: string, pattern: RegExp, env: Record<string, string> = {}, options: { wrapper?: string[]; nodeArgs?: string[] } = {}): Promise<{ child: ChildProcess; url: string }> {
  const nodeArgs = [...(options.nodeArgs ?? []), ...(entry.endsWith('.ts') ? ['--import', 'tsx'] : []), entry];
  const [command, ...args] = [...(options.wrapper ?? []), process.execPath, ...nodeArgs];
  const folder = mkdtempSync(join(tmpdir(), 'careloom-bench-output-'));
  const outputFile = join(folder, 'output.log');
  const fd = openSync(outputFile, 'a');
  const child = spawn(command!, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  outputs.set(child, outputFile);
  child.once('exit', () => setTimeout(() => rmSync(folder, { recursive: true, force: true }), 1000));
  return new Promise((resolveStart, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const output = readFileSync(outputFile, 'utf8');
      const match = pattern.exec(output);
      if (match) {
        clearInterval(poll);
        resolveStart({ child, url: match[1]! });
      } else if (child.exitCode !== null || Date.now() - started > 180_000) {
        clearInterval(poll);
        reject(new Error(`${entry} ${child.exitCode !== null ? `exited with ${child.exitCode}` : 'did not start'}:\n${output}`));
      }
    }, 20);
  });
}

/** The Node process itself when it was started under a wrapper (strace): the first descendant running node. */
export function nodePidOf(pid: number): number {
  if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('node')) return pid;
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  for (const child of children) {
    const found = nodePidOf(child);
    if (found) return found;
  }
  return 0;
}

/** Resident memory of a process in bytes (Linux). */
export function residentBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((entry) => entry.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) * 1024;
}

export interface SettledMemory {
  rss: number;
  /** V8 heap in use plus memory outside it held by JS objects (buffers, native wrappers). */
  heapUsed: number;
  external: number;
}

/**
 * Memory of a server started with `settledMemoryArgs`, read after it collected its garbage (two
 * full collections), so two readings differ by what is still held, not by garbage not yet freed.
 */
export function settledMemory(child: ChildProcess): Promise<SettledMemory> {
  const outputFile = outputs.get(child);
  if (!outputFile) return Promise.reject(new Error('settledMemory needs a process started by startProcess.'));
  // Only what is written after the signal counts (an earlier report is another reading); the
  // offset is in bytes, and the log holds names in UTF-8.
  const from = statSync(outputFile).size;
  child.kill('SIGUSR2');
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const match = /BENCH-MEMORY (\{[^\n]*\})/.exec(readFileSync(outputFile).subarray(from).toString('utf8'));
      if (match) {
        clearInterval(poll);
        const usage = JSON.parse(match[1]!) as { rss: number; heapUsed: number; external: number };
        resolve({ rss: usage.rss, heapUsed: usage.heapUsed, external: usage.external });
      } else if (Date.now() - started > 30_000) {
        clearInterval(poll);
        reject(new Error('The server did not report its memory.'));
      }
    }, 20);
  });
}

/** Node arguments that let `settledMemory` ask the server to collect its garbage and report. */
export const settledMemoryArgs = ['--expose-gc', '--require', resolve(repoRoot, 'bench/settled-memory.cjs')];

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
