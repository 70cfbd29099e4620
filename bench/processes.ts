import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..');

/** Starts a TypeScript entry point in its own Node process and resolves with the URL it prints. */
export function startProcess(entry: string, pattern: RegExp, env: Record<string, string> = {}, options: { wrapper?: string[]; nodeArgs?: string[] } = {}): Promise<{ child: ChildProcess; url: string }> {
  const nodeArgs = [...(options.nodeArgs ?? []), ...(entry.endsWith('.ts') ? ['--import', 'tsx'] : []), entry];
  const [command, ...args] = [...(options.wrapper ?? []), process.execPath, ...nodeArgs];
  const child = spawn(command!, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start:\n${output}`)), 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveStart({ child, url: match[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}:\n${output}`)));
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
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error('The server did not report its memory.')), 30_000);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /BENCH-MEMORY (\{[^\n]*\})/.exec(seen);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      const usage = JSON.parse(match[1]!) as { rss: number; heapUsed: number; external: number };
      resolve({ rss: usage.rss, heapUsed: usage.heapUsed, external: usage.external });
    };
    child.stdout!.on('data', onData);
    child.kill('SIGUSR2');
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
