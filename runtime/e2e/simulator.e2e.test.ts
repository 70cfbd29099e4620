// End to end: a tester opens the released 8-week panic program in the designer on a phone, runs the
// time-travel simulator with a patient who gets worse, and sees the PHQ-9 item-9 alert in week 3;
// the screen is then shown in Swedish and Norwegian. Screenshots of each language go to the temporary
// folder (their paths are logged), and with CARELOOM_UPDATE_SCREENSHOTS=1 the English one to docs/images.
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogin, PHONE, startE2e, watchErrors, type E2eSystem } from '../src/e2e/e2e-harness.js';

const README_SCREENSHOT = join(dirname(fileURLToPath(import.meta.url)), '../../docs/images/designer-simulator.png');
const screenshot = (language: string) =>
  process.env['CARELOOM_UPDATE_SCREENSHOTS'] === '1' && language === 'en' ? README_SCREENSHOT : join(tmpdir(), `careloom-simulator-${language}-${process.pid}.png`);

let system: E2eSystem;

beforeAll(async () => {
  system = await startE2e();
  const shell = await fetch(`${system.server.url}/designer`);
  expect(shell.status, await shell.clone().text()).toBe(200);
});
afterAll(async () => {
  await system?.close();
});

async function signIn(page: Page, login: { email: string; password: string }): Promise<void> {
  await page.goto('/designer#/library');
  await page.getByLabel('E-mail address').fill(login.email);
  await page.getByLabel('Password').fill(login.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
}

const week = (page: Page, n: number) => page.locator(`cl-simulator section.week[data-week="${n}"]`);

describe('the time-travel simulator', () => {
  it('shows a tester the item-9 alert in week 3 for a patient who gets worse on the 8-week panic program', async () => {
    const context = await system.newContext(PHONE);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, demoLogin('tester'));
    await page.goto('/designer#/programs/panic-icbt-8-weeks/review');
    const link = page.locator('a[data-action="simulate"][href*="/versions/"]');
    await link.click();
    await page.getByRole('heading', { name: 'Simulate: Internet CBT for panic disorder (8 weeks)', level: 1 }).waitFor();
    await page.getByLabel('Gets worse').check();
    await page.getByLabel('Start date').fill('2026-03-02');
    await page.screenshot({ path: screenshot('form-en') });
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await page.getByRole('heading', { name: 'Summary', level: 2 }).waitFor({ timeout: 30000 });

    expect(await week(page, 1).locator('li.alert').count()).toBe(0);
    expect(await week(page, 2).locator('li.alert').count()).toBe(0);
    const alert = await week(page, 3).locator('li.alert').first().innerText();
    expect(alert).toContain('Alert (Urgent): PHQ-9');
    expect(alert).toContain('Item 9');
    expect(alert).toContain('Respond by');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await page.locator('cl-simulation-charts figure').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshot('charts-en') });
    await week(page, 3).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshot('en') });
    for (const [language, heading, alertText] of [
      ['sv', 'Simulera: Internetbaserad KBT vid paniksyndrom (8 veckor)', 'Larm (Brådskande): PHQ-9'],
      ['nb', 'Simuler: Internet CBT for panic disorder (8 weeks)', 'Varsel (Haster): PHQ-9'],
    ] as const) {
      await page.locator('cl-app-header select#language').selectOption(language);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      expect(await week(page, 3).locator('li.alert').first().innerText()).toContain(alertText);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await week(page, 3).scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshot(language) });
    }
    console.log(`Screenshots: ${['form-en', 'charts-en', 'en', 'sv', 'nb'].map(screenshot).join(', ')}`);
    // The app asks who is signed in before signing in, and gets 401: expected.
    expect(errors.filter((error) => !/status of 401/.test(error))).toEqual([]);
  });
});
