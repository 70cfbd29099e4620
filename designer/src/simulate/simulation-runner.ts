import type { SimulationResult } from '@careloom/format/engine';
import type { SimulationMessage, SimulationRequest } from './simulation-protocol.js';

/**
 * The hashed worker files of a bundle, by name, put in by the server's bundler
 * (`runtime/src/web/bundle.ts`, esbuild `define`). Not defined when the sources are served as
 * they are (the browser tests' dev server), where the worker is its own module beside this one.
 */
declare const CARELOOM_WORKER_URLS: Readonly<Record<string, string>> | undefined;

/** Where the simulation worker's script is: the bundle's hashed file, or the source module. */
export function simulationWorkerUrl(): URL {
  const bundled = typeof CARELOOM_WORKER_URLS === 'undefined' ? undefined : CARELOOM_WORKER_URLS['simulation'];
  return bundled !== undefined ? new URL(bundled, location.href) : new URL('./simulation-worker.ts', import.meta.url);
}

/** A run going on in a worker. */
export interface SimulationRun {
  /** The engine's result; rejects with {@link SimulationCancelled} after `cancel`, or an Error saying why the run failed. */
  readonly result: Promise<SimulationResult>;
  /** Ends the worker at once; nothing more is reported. Harmless after the run ended. */
  cancel(): void;
}

/** The run was cancelled (the person stopped it, changed its settings or left the screen). */
export class SimulationCancelled extends Error {
  constructor() {
    super('The simulation was cancelled.');
    this.name = 'SimulationCancelled';
  }
}

/**
 * Starts a simulation in a dedicated worker of its own, so the page stays responsive while a long
 * program runs, with `onProgress` called as simulated days pass. Each run has its own worker,
 * ended when the run ends or is cancelled.
 *
 * @example
 * const run = startSimulation({ kind: 'program', program, modules, options }, (done, days) => show(done / days));
 * leave.then(() => run.cancel());
 * const result = await run.result;
 */
export function startSimulation(request: SimulationRequest, onProgress: (daysDone: number, days: number) => void, createWorker: () => Worker = () => new Worker(simulationWorkerUrl(), { type: 'module', name: 'careloom-simulation' })): SimulationRun {
  let worker: Worker | undefined;
  let finish: (outcome: { result: SimulationResult } | { error: Error }) => void = () => undefined;
  const result = new Promise<SimulationResult>((resolve, reject) => {
    let done = false;
    finish = (outcome) => {
      if (done) return;
      done = true;
      worker?.terminate();
      if ('result' in outcome) resolve(outcome.result);
      else reject(outcome.error);
    };
  });
  try {
    worker = createWorker();
  } catch (error) {
    finish({ error: error instanceof Error ? error : new Error(String(error)) });
    return { result, cancel: () => undefined };
  }
  worker.onmessage = (event: MessageEvent<SimulationMessage>) => {
    const message = event.data;
    if (message.type === 'progress') onProgress(message.daysDone, message.days);
    else if (message.type === 'result') finish({ result: message.result });
    else finish({ error: new Error(message.reason) });
  };
  worker.onerror = (event) => {
    // A worker that cannot load (a missing file, a refused script) or throws outside the run.
    event.preventDefault();
    finish({ error: new Error(event.message || 'The simulation could not be started in the background.') });
  };
  worker.onmessageerror = () => finish({ error: new Error('The simulation result could not be read.') });
  worker.postMessage(request);
  return { result, cancel: () => finish({ error: new SimulationCancelled() }) };
}
