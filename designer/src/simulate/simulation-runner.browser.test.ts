import { expect } from '@open-wc/testing';
import type { Module, Program } from '@careloom/format';
import panicJson from '@careloom/examples/programs/panic-icbt-8-weeks.json';
import copdJson from '@careloom/examples/programs/copd-home-follow-up.json';
import phq9Json from '@careloom/examples/modules/phq-9.json';
import gad7Json from '@careloom/examples/modules/gad-7.json';
import activityJson from '@careloom/examples/modules/activity-registration.json';
import copdReportJson from '@careloom/examples/modules/copd-daily-report.json';
import week1 from '@careloom/examples/modules/panic-week-1.json';
import week2 from '@careloom/examples/modules/panic-week-2.json';
import week3 from '@careloom/examples/modules/panic-week-3.json';
import week4 from '@careloom/examples/modules/panic-week-4.json';
import week5 from '@careloom/examples/modules/panic-week-5.json';
import week6 from '@careloom/examples/modules/panic-week-6.json';
import week7 from '@careloom/examples/modules/panic-week-7.json';
import week8 from '@careloom/examples/modules/panic-week-8.json';
import { runSimulationRequest, type SimulationRequest } from './simulation-protocol.js';
import { SimulationCancelled, simulationWorkerUrl, startSimulation } from './simulation-runner.js';

// The simulator's worker, as the designer starts it: the same run as the engine on the page's
// thread, progress as days pass, and a run that can be stopped.
const modules = Object.fromEntries(
  [phq9Json, gad7Json, activityJson, week1, week2, week3, week4, week5, week6, week7, week8].map((module) => [(module as unknown as Module).id, module as unknown as Module]),
);
const panic: SimulationRequest = { kind: 'program', program: panicJson as unknown as Program, modules, options: { persona: 'deteriorating', startDate: '2026-03-16', timeZone: 'Europe/Stockholm', seed: 7 } };

describe('startSimulation', () => {
  it('gives exactly the result of the engine on the page\'s thread, for a program and for a module alone, reporting progress up to the last day', async () => {
    const progress: Array<[number, number]> = [];
    const inWorker = await startSimulation(panic, (done, days) => progress.push([done, days])).result;
    expect(inWorker).to.deep.equal(runSimulationRequest(panic));
    expect(inWorker.events.some((event) => event.kind === 'alert')).to.equal(true);
    expect(progress.length).to.be.greaterThan(10);
    expect(progress.at(-1)).to.deep.equal([56, 56]);
    expect(progress.map(([done]) => done)).to.deep.equal([...progress.map(([done]) => done)].sort((a, b) => a - b));

    const alone: SimulationRequest = { kind: 'module', module: copdReportJson as unknown as Module, weeks: 3, options: { persona: 'stopsInWeek3', startDate: '2026-10-19', timeZone: 'America/New_York', seed: 2 } };
    expect(await startSimulation(alone, () => undefined).result).to.deep.equal(runSimulationRequest(alone));
  });

  it('stops when cancelled: the result is refused as cancelled and no progress comes after', async () => {
    // Half a year of daily reports: long enough to be cancelled part way.
    const copd: SimulationRequest = { kind: 'program', program: copdJson as unknown as Program, modules: { 'copd-daily-report': copdReportJson as unknown as Module }, options: { persona: 'unchanged', startDate: '2026-03-02', timeZone: 'Europe/Stockholm' } };
    let after = 0;
    let cancelled = false;
    const run = startSimulation(copd, () => {
      if (cancelled) after += 1;
      else {
        cancelled = true;
        run.cancel();
      }
    });
    const outcome = await run.result.then(() => 'finished', (error: unknown) => error);
    expect(outcome).to.be.instanceOf(SimulationCancelled);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(after).to.equal(0);
    run.cancel();
  });

  it('refuses with the engine\'s reason what the engine refuses, and says so when the worker cannot start', async () => {
    const outcome = await startSimulation({ ...panic, options: { ...panic.options, startDate: '9999-12-31' } }, () => undefined).result.then(() => 'finished', (error: unknown) => error);
    expect(String((outcome as Error).message)).to.contain('not a supported calendar date');
    const missing = await startSimulation(panic, () => undefined, () => new Worker(new URL('./no-such-worker.js', simulationWorkerUrl()), { type: 'module' })).result.then(() => 'finished', (error: unknown) => error);
    expect(missing).to.be.instanceOf(Error);
    expect(missing).not.to.be.instanceOf(SimulationCancelled);
  });
});
