// @ts-check
// Component and browser tests in real headless Chromium (Debian's /usr/bin/chromium; no downloaded browsers).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { bundleCommonJs } from './tools/wtr-bundle-commonjs.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const args = [
  '--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['schemas/**/*.browser.test.ts', 'client/**/*.browser.test.ts', 'renderer/**/*.browser.test.ts', 'designer/**/*.browser.test.ts', 'runtime/**/*.browser.test.ts'],
  nodeResolve: true,
  plugins: [
    bundleCommonJs(),
    esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: './tsconfig.json' }),
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args } })],
  concurrency: 1,
  testFramework: { config: { timeout: 15000 } },
};
