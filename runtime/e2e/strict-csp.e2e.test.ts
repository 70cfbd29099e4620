// The designer validates drafts live under the server's real Content-Security-Policy, which allows no
// eval: the validators are compiled by `npm run gen`, not in the browser. A designer breaks a field
// and reads the validator's sentence, and the page reports no CSP violation; a control proves the
// policy is in force and that a violation would have been seen.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogin, startE2e, watchErrors, type E2eSystem } from '../src/e2e/e2e-harness.js';

const MODULE_ID = 'panic-week-1-copy';

let system: E2eSystem;

beforeAll(async () => {
  system = await startE2e();
  // The server builds the designer's bundle on first request: a slow build gets the hook's time.
  const shell = await fetch(`${system.server.url}/designer`);
  expect(shell.status, await shell.clone().text()).toBe(200);
  expect(shell.headers.get('content-security-policy')).toContain("script-src 'self';");
});
afterAll(async () => {
  await system?.close();
});

/** Records every CSP violation the page reports, from before its first script runs. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => [...(window as unknown as { cspViolations: string[] }).cspViolations]);
}

describe('the designer under its Content-Security-Policy', () => {
  it('validates a draft live without eval', async () => {
    const context = await system.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const violations = await recordViolations(page);

    const login = demoLogin('designer');
    await page.goto('/designer#/library');
    await page.getByLabel('E-mail address').fill(login.email);
    await page.getByLabel('Password').fill(login.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'New module or program' }).click();
    await page.getByLabel('An example').check();
    await page.getByLabel('Example', { exact: true }).selectOption('panic-week-1');
    await expect.poll(() => page.getByLabel('Id', { exact: true }).inputValue()).toBe(MODULE_ID);
    await page.getByRole('button', { name: 'Create Module' }).click();
    await page.waitForURL(new RegExp(`#/modules/${MODULE_ID}$`));
    const panel = page.locator('cl-validation-panel');
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('No problems');

    // An option's English label emptied: the schema's minLength, reported with its place.
    const label = page.locator('cl-page-canvas section.block[data-block-id="mainFear"]').getByLabel('Option 6 (en)', { exact: true });
    await label.fill('');
    const problem = panel.locator('li button[data-path$="/label/en"]');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/option 6: fill in the label in English/);

    expect(await violations()).toEqual([]);
    expect(errors.filter((error) => !/status of 401/.test(error))).toEqual([]);

    // The control: the policy is in force (the page may not compile code from a string; a timer's
    // string is compiled by the page itself, unlike code the test evaluates, which DevTools lets
    // through) and its refusal is reported, so the empty list above means no violation happened.
    await page.evaluate(() => setTimeout("document.body.dataset['compiled'] = 'yes'", 0));
    await expect.poll(violations).toEqual(['script-src eval']);
    expect(await page.evaluate(() => document.body.dataset['compiled'])).toBeUndefined();
    await context.close();
  });
});
