// Runs the `wrk` load generator (C, its own process) against a server and samples the server
// process meanwhile: its CPU time (to show whether the server or the client was the limit) and the
// bytes it wrote to storage (/proc/<pid>/io write_bytes: WAL frames and checkpoints).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const TICKS_PER_SECOND = 100;

export interface WrkResult {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  /** The server's CPU time over the run divided by its wall time: 1.0 is one core fully busy. */
  serverCpu: number;
  /** Bytes the server process caused to be written to storage during the run. */
  writeBytes: number;
  /** Wall-clock start and end (ms since the epoch), to find the run in a syscall trace. */
  startedAt: number;
  endedAt: number;
}

/** User + system CPU ticks of a process and all its threads (Linux). */
export function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Bytes a process caused to be sent to the storage layer so far (Linux). */
export function writeBytes(pid: number): number {
  return Number(/write_bytes: (\d+)/.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? 0);
}

export interface WrkOptions {
  url: string;
  script: 'post-response.lua' | 'get.lua';
  args: string[];
  connections: number;
  seconds: number;
  /** The server's process id, for the CPU and write samples. */
  pid: number;
}

/**
 * One wrk run with a single thread (the second core is the server's): the given number of
 * keep-alive connections, each sending its next request as soon as the previous one is answered
 * (or after the script's pause).
 */
export async function wrk(options: WrkOptions): Promise<WrkResult> {
  const ticksBefore = cpuTicks(options.pid);
  const bytesBefore = writeBytes(options.pid);
  const startedAt = Date.now();
  const { stdout } = await run('wrk', ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--timeout', '10s', '-s', resolve(import.meta.dirname, 'wrk', options.script), options.url, '--', ...options.args], { maxBuffer: 1 << 20 });
  const endedAt = Date.now();
  const cpu = (cpuTicks(options.pid) - ticksBefore) / TICKS_PER_SECOND;
  const written = writeBytes(options.pid) - bytesBefore;
  const line = stdout.split('\n').find((candidate) => candidate.startsWith('WRK-JSON '));
  if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
  const raw = JSON.parse(line.slice('WRK-JSON '.length)) as { requests: number; durationUs: number; p50Us: number; p99Us: number; maxUs: number; connectErrors: number; readErrors: number; writeErrors: number; statusErrors: number; timeouts: number };
  const seconds = raw.durationUs / 1e6;
  return {
    requests: raw.requests,
    perSecond: raw.requests / seconds,
    p50Ms: raw.p50Us / 1000,
    p99Ms: raw.p99Us / 1000,
    maxMs: raw.maxUs / 1000,
    errors: raw.connectErrors + raw.readErrors + raw.writeErrors + raw.statusErrors + raw.timeouts,
    serverCpu: cpu / ((endedAt - startedAt) / 1000),
    writeBytes: written,
    startedAt,
    endedAt,
  };
}

/** Whether wrk is installed (`apt-get install wrk`). */
export async function haveWrk(): Promise<boolean> {
  try {
    await run('wrk', ['--version']);
    return true;
  } catch (error) {
    // wrk --version exits with 1 after printing its version.
    return typeof error === 'object' && error !== null && 'stdout' in error && String((error as { stdout: unknown }).stdout).includes('wrk');
  }
}
