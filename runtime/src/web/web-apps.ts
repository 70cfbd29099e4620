import { resolve } from 'node:path';

/** One browser app the server bundles and serves: where it lives and what it may do. */
export interface WebApp {
  /** Short name, also the bundle's file name (`/assets/<name>-<hash>.js`). */
  name: string;
  /** Path the app's HTML shell is served at (`/`, `/designer`, `/clinic`). Apps route by URL hash below it. */
  mount: string;
  /** Entry module, relative to the repository root. */
  entry: string;
  /** Document title before the app sets its own. */
  title: string;
  /**
   * Dedicated workers the app starts, by name: each entry (relative to the repository root) is
   * bundled on its own as `/assets/<app>-<name>-worker-<hash>.js`, and the app finds the file's URL
   * under its name in `CARELOOM_WORKER_URLS` (defined into the app's bundle).
   */
  workers?: Readonly<Record<string, string>>;
}

export const repositoryRoot = resolve(import.meta.dirname, '../../..');

/** The three apps: the patient app at the root, the clinic and the designer beside it. */
export const WEB_APPS: readonly WebApp[] = [
  { name: 'patient', mount: '/', entry: 'runtime/web/patient/main.ts', title: 'Careloom' },
  { name: 'clinic', mount: '/clinic', entry: 'runtime/web/clinic/main.ts', title: 'Careloom clinic' },
  { name: 'designer', mount: '/designer', entry: 'designer/src/app/main.ts', title: 'Careloom designer', workers: { simulation: 'designer/src/simulate/simulation-worker.ts' } },
];
