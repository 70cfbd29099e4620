// End-to-end harness: the real server (startServer, the same composition root as `npm start`) on a
// temporary database with the demo accounts, and Debian's Chromium driven by playwright-core.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Clock } from '../clock.js';
import { loadConfig } from '../config.js';
import { startServer, type RunningServer, type StartServerOptions } from '../server.js';
import { testPasswordHasher } from '../testing/test-password-hasher.js';
import { testDatabaseEnv } from '../testing/test-database-env.js';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export const PHONE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 860 } as const;

export interface E2eSystem {
  server: RunningServer;
  browser: Browser;
  dir: string;
  /** A fresh browser context (its own cookies, like another person on another device). */
  newContext(viewport?: { width: number; height: number }): Promise<BrowserContext>;
  /** Closes the browser, the server and removes the temporary database. */
  close(): Promise<void>;
}

/**
 * Starts the whole system; call `close()` in afterAll. With a test `clock`, pass a short
 * `dueWorkEveryMs` so that the care job (missing reports, reminders) notices a moved clock at once.
 */
export async function startE2e(options: { clock?: Clock; dueWorkEveryMs?: number; bundleOf?: StartServerOptions['bundleOf']; env?: Record<string, string> } = {}): Promise<E2eSystem> {
  const dir = mkdtempSync(join(tmpdir(), 'careloom-e2e-'));
  const server = await startServer({
    // SQLite in the temporary folder, or with CARELOOM_TEST_STORE=postgresql (npm run test:e2e:pg)
    // a schema of its own on the PostgreSQL server the pg suites use (a throwaway one by default).
    // `env` adds settings such as CARELOOM_SMTP_URL (a test's SMTP server).
    config: loadConfig({ ...options.env, ...(await testDatabaseEnv(join(dir, 'e2e.sqlite'))), CARELOOM_PORT: '0' }),
    seedDemoAccounts: true,
    passwordHasher: testPasswordHasher,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.dueWorkEveryMs ? { dueWorkEveryMs: options.dueWorkEveryMs } : {}),
    // Systems started by one test file may share one build of the web apps.
    ...(options.bundleOf ? { bundleOf: options.bundleOf } : {}),
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    dir,
    async newContext(viewport = DESKTOP) {
      const context = await browser.newContext({ viewport, baseURL: server.url, locale: 'en-GB' });
      context.setDefaultTimeout(15000);
      contexts.push(context);
      return context;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Demo account credentials, as printed by `npm start`. */
export function demoLogin(key: 'designer' | 'publisher' | 'tester' | 'permissions-admin' | 'care-admin' | 'therapist') {
  return { email: `${key}@demo.careloom.test`, password: `careloom-demo-${key}` };
}

/** Collects uncaught page errors and console errors so a test can assert the app ran cleanly. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** A browser context with one page, watched: its errors (watchErrors) and every failed answer. */
export interface WatchedPerson {
  context: BrowserContext;
  page: Page;
  /** Page errors and console errors (watchErrors). */
  errors: string[];
  /** Every answer of 400 or more, as "<status> <path>". */
  failed: string[];
}

/** Opens `path` in a new context of the system's browser, watching its errors and failed answers. */
export async function openWatched(system: E2eSystem, path: string, viewport?: { width: number; height: number }): Promise<WatchedPerson> {
  const context = await system.newContext(viewport);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  await page.goto(path);
  return { context, page, errors, failed };
}

/** Follows an entry of an app's main menu; on a phone, the entries that do not fit in the row are behind "More" ("Mer"). */
export async function followMenu(page: Page, name: string, exact = true): Promise<void> {
  const menu = page.getByRole('navigation', { name: /^(Main menu|Huvudmeny|Hovedmeny)$/ });
  const link = menu.getByRole('link', { name, exact });
  await menu.getByRole('link').first().waitFor();
  if (!(await link.isVisible())) await menu.getByRole('button', { name: /^(More|Mer)$/ }).click();
  await link.click();
}
