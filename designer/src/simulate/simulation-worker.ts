import { runSimulationRequest, type SimulationMessage, type SimulationRequest } from './simulation-protocol.js';

/**
 * The simulator's dedicated worker: runs one simulation with the engine off the page's thread,
 * reporting each simulated day, then the result. The page starts a worker per run and ends it to
 * cancel (`simulation-runner.ts`), so a run is never left going in the background. Bundled on its
 * own (`runtime/src/web/web-apps.ts`) and served as a same-origin script, so the designer's
 * Content-Security-Policy stays `worker-src 'self'` without blob: or eval.
 */
const scope = self as unknown as { onmessage: ((event: MessageEvent<SimulationRequest>) => void) | null; postMessage(message: SimulationMessage): void };

// Progress at most once per percent: a two-year program has 728 days, a message each would only add work.
let lastPercent = -1;
scope.onmessage = (event) => {
  try {
    const result = runSimulationRequest(event.data, (daysDone, days) => {
      const percent = Math.floor((daysDone / days) * 100);
      if (percent === lastPercent) return;
      lastPercent = percent;
      scope.postMessage({ type: 'progress', daysDone, days });
    });
    scope.postMessage({ type: 'result', result });
  } catch (error) {
    scope.postMessage({ type: 'failed', reason: error instanceof Error ? error.message : String(error) });
  }
};
