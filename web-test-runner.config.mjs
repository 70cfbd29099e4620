// @ts-check
// Component and browser tests in real headless Chromium (Debian's /usr/bin/chromium; no downloaded browsers).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { bundleCommonJs } from './tools/wtr-bundle-commonjs.mjs';
import { careloomServers } from './tools/wtr-careloom-servers.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const args = [
  '--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

// Browser tests talk to real Careloom servers (renderer/src/test-server.ts), never to a fake of the API.
const servers = careloomServers();

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['schemas/**/*.browser.test.ts', 'client/**/*.browser.test.ts', 'renderer/**/*.browser.test.ts', 'designer/**/*.browser.test.ts', 'runtime/**/*.browser.test.ts'],
  nodeResolve: true,
  middleware: [servers.middleware],
  plugins: [
    servers.plugin,
    bundleCommonJs(),
    esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: './tsconfig.json' }),
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args } })],
  concurrency: 1,
  // The page starts while the test servers' demo database is being seeded: on a busy 2-core machine
  // that outlasts the default 30 s.
  browserStartTimeout: 120_000,
  // A file whose tests each start a server and sign people in outlasts the default two minutes on a busy 2-core machine.
  testsFinishTimeout: 600_000,
  // Tests on a real server sign in (scrypt) and arrange through its API: more than the default 2 s.
  testFramework: { config: { timeout: 30000 } },
};
