// API tokens through the clinic, end to end on a phone-sized screen: a care-provider admin makes a
// token for a record system, copies it from the one time it is shown, the system reads FHIR with
// it, and after the admin revokes it the same token is refused. Walked in English, Swedish and
// Norwegian at 360 px (screenshots in /tmp/api-tokens-<language>.png).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogin, followMenu, PHONE, startE2e, watchErrors, type E2eSystem } from '../src/e2e/e2e-harness.js';
import { lazyBundles } from '../src/web/bundle.js';
import { repositoryRoot, WEB_APPS } from '../src/web/web-apps.js';

const bundleOf = lazyBundles(WEB_APPS, repositoryRoot);

describe('API tokens in the clinic, end to end at 360 px', () => {
  let system: E2eSystem;
  beforeAll(async () => {
    [system] = await Promise.all([startE2e({ bundleOf }), bundleOf('clinic')]);
  });
  afterAll(async () => {
    await system?.close();
  });

  it('a care-provider admin makes a token, a system reads with it, and after revoking it the system is refused', async () => {
    const context = await system.newContext(PHONE);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const login = demoLogin('care-admin');
    await page.goto('/clinic');
    await page.getByLabel('E-mail').fill(login.email);
    await page.getByLabel('Password').fill(login.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await followMenu(page, 'API tokens');
    const screen = page.locator('cl-api-tokens-screen');
    await screen.getByText('No system has a token yet.').waitFor();

    await screen.getByLabel('Which system is it for?').fill('Journal system, Region North');
    await screen.getByLabel('the released questionnaires').check();
    await screen.getByLabel("patients' answers and scores").check();
    await screen.getByRole('button', { name: 'Make the token' }).click();
    const shown = screen.locator('.secret code');
    await shown.waitFor();
    const token = (await shown.textContent())!.trim();
    expect(token).toMatch(/^clk_[A-Za-z0-9_-]{43}$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: '/tmp/api-tokens-en.png', fullPage: true });
    await screen.getByRole('button', { name: 'I have copied it' }).click();
    await shown.waitFor({ state: 'detached' });
    const card = screen.locator('li.token').filter({ hasText: 'Journal system, Region North' });
    await card.getByText('Not used yet').waitFor();

    // The record system reads with it, and the use shows in the list.
    const read = (bearer: string) => fetch(`${system.server.url}/fhir/r4/Questionnaire?url=${encodeURIComponent('https://example.org/no-such-questionnaire')}`, { headers: { authorization: `Bearer ${bearer}` } });
    const allowed = await read(token);
    expect(allowed.status).toBe(200);
    expect(((await allowed.json()) as { resourceType: string }).resourceType).toBe('Bundle');
    // Reloaded, the admin stays on the screen and sees the use.
    await page.reload();
    await card.getByText('Last used').waitFor();
    expect(await card.getByText('Not used yet').count()).toBe(0);

    for (const [language, title, revoke] of [['sv', 'API-nycklar', 'Återkalla'], ['nb', 'API-nøkler', 'Trekk tilbake']] as const) {
      await page.getByRole('combobox', { name: /^(Language|Språk)$/ }).selectOption(language);
      await screen.getByRole('heading', { name: title, level: 1 }).waitFor();
      await card.getByRole('button', { name: revoke }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: `/tmp/api-tokens-${language}.png`, fullPage: true });
    }
    await page.getByRole('combobox', { name: 'Språk' }).selectOption('en');

    page.once('dialog', (dialog) => void dialog.accept());
    await card.getByRole('button', { name: 'Revoke' }).click();
    await screen.getByText('The token of Journal system, Region North is revoked.').waitFor();
    await card.locator('.badge').filter({ hasText: 'Revoked' }).waitFor();
    expect((await read(token)).status).toBe(401);
    // The app asks who is signed in before signing in, and gets 401 once: expected.
    expect(errors.filter((error) => !/status of 401/.test(error))).toEqual([]);
    expect(errors.length).toBeLessThanOrEqual(1);
  });
});
