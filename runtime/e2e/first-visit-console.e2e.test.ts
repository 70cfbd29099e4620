// A stranger's first visit leaves the browser console clean (issue 16): the sign-in screens of the
// designer, the clinic and the patient app log no error and no warning (they logged a 401 for the
// session probe), and neither does a designer opening the panic programme's week 1, whose callouts
// made ProseMirror warn about a TextSelection outside text.
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogin, PHONE, startE2e, type E2eSystem } from '../src/e2e/e2e-harness.js';
import { HttpSession } from '../src/integration/http-client.js';
import { lazyBundles } from '../src/web/bundle.js';
import { repositoryRoot, WEB_APPS } from '../src/web/web-apps.js';

const bundleOf = lazyBundles(WEB_APPS, repositoryRoot);

/** Every console error and warning, every uncaught error, and every failed response (which Chromium logs as an error). */
function watchConsole(page: Page): string[] {
  const seen: string[] = [];
  page.on('pageerror', (error) => seen.push(`pageerror: ${error.message}`));
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') seen.push(`${message.type()}: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) seen.push(`response ${response.status()}: ${response.url()}`);
  });
  return seen;
}

describe('a first visit, end to end', () => {
  let system: E2eSystem;
  beforeAll(async () => {
    [system] = await Promise.all([startE2e({ bundleOf }), ...['patient', 'clinic', 'designer'].map((name) => bundleOf(name))]);
  });
  afterAll(async () => {
    await system?.close();
  });

  it.each([
    ['designer', '/designer', 'E-mail address'],
    ['clinic', '/clinic', 'E-mail'],
    ['patient app', '/', 'E-mail'],
  ])('the %s sign-in screen logs nothing to the console for a stranger', async (_name, path, emailLabel) => {
    const context = await system.newContext(PHONE);
    const page = await context.newPage();
    const seen = watchConsole(page);
    await page.goto(path);
    await page.getByLabel(emailLabel, { exact: true }).waitFor();
    // Late requests (the identity-provider probe, the service worker) have their moment.
    await page.waitForLoadState('networkidle');
    expect(seen).toEqual([]);
  });

  it('a designer opening panic week 1 gets no ProseMirror warning', async () => {
    const login = demoLogin('designer');
    const api = await HttpSession.login(system.server.url, login.email, login.password);
    const created = await api.call('POST', '/api/modules', { organisationId: api.organisationIds[0], kind: 'module', example: 'panic-week-1', id: 'panic-week-1-console' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    const context = await system.newContext();
    const page = await context.newPage();
    await page.goto('/designer#/modules/panic-week-1-console');
    await page.getByLabel('E-mail address', { exact: true }).fill(login.email);
    await page.getByLabel('Password').fill(login.password);
    const seen = watchConsole(page);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('cl-module-editor .ProseMirror').first().waitFor();
    // Every page of the module is opened, so each callout's rich text is mounted once.
    const pages = page.locator('cl-page-outline button.page');
    for (let index = 0; index < await pages.count(); index++) {
      await pages.nth(index).click();
      await page.locator('cl-module-editor .ProseMirror').first().waitFor();
    }
    await page.waitForLoadState('networkidle');
    expect(seen).toEqual([]);
  });
});
