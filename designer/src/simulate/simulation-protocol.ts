import type { Module, Program } from '@careloom/format';
import { simulateModule, simulateProgram } from '@careloom/format/engine';
import type { SimulationOptions, SimulationResult } from '@careloom/format/engine';

/**
 * What the simulator asks its worker to run (`simulation-worker.ts`): a program with the modules
 * it names, or a module alone for some weeks, with the run's options (without the progress
 * callback, which cannot cross to a worker; the worker reports progress as messages).
 */
export type SimulationRequest =
  | { kind: 'program'; program: Program; modules: Record<string, Module>; options: Omit<SimulationOptions, 'onProgress'> }
  | { kind: 'module'; module: Module; weeks: number; options: Omit<SimulationOptions, 'onProgress'> };

/** What the worker sends back: progress after each simulated day, then the result or why it failed. */
export type SimulationMessage =
  | { type: 'progress'; daysDone: number; days: number }
  | { type: 'result'; result: SimulationResult }
  | { type: 'failed'; reason: string };

/**
 * Runs a request with the engine. The worker calls this, and so can a test on the page's thread:
 * one function, so both runs are the same code.
 */
export function runSimulationRequest(request: SimulationRequest, onProgress?: (daysDone: number, days: number) => void): SimulationResult {
  const options: SimulationOptions = { ...request.options, ...(onProgress ? { onProgress } : {}) };
  return request.kind === 'program' ? simulateProgram(request.program, request.modules, options) : simulateModule(request.module, options, request.weeks);
}
