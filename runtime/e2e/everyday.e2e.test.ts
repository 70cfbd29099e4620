// Everyday use of the clinic, the patient app and the designer, end to end on a fresh database with
// the demo accounts and the released examples: the rough edges a first-time user meets on day one
// (duplicate deployments, untranslated catalog titles, …), each checked through the screens.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogin, startE2e, watchErrors, type E2eSystem } from '../src/e2e/e2e-harness.js';
import { HttpSession } from '../src/integration/http-client.js';
import { lazyBundles } from '../src/web/bundle.js';
import { repositoryRoot, WEB_APPS } from '../src/web/web-apps.js';

const PANIC = { id: 'panic-icbt-8-weeks', title: 'Internet CBT for panic disorder (8 weeks)', sv: 'Internetbaserad KBT vid paniksyndrom (8 veckor)' };
const UNIT = 'Demo clinic';

const bundleOf = lazyBundles(WEB_APPS, repositoryRoot);
const warmBundles = () => Promise.all(['patient', 'clinic', 'designer'].map((name) => bundleOf(name)));

interface Person {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

async function open(system: E2eSystem, path: string, viewport?: { width: number; height: number }): Promise<Person> {
  const context = await system.newContext(viewport);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(path);
  return { context, page, errors };
}

const nav = (page: Page, name: string | RegExp): Locator => page.getByRole('navigation').getByRole('link', { name, exact: typeof name === 'string' });

async function clinicSignIn(system: E2eSystem, login: { email: string; password: string }): Promise<Person> {
  const person = await open(system, '/clinic');
  await person.page.getByLabel('E-mail').fill(login.email);
  await person.page.getByLabel('Password').fill(login.password);
  await person.page.getByRole('button', { name: 'Sign in' }).click();
  await person.page.getByRole('navigation', { name: 'Main menu' }).waitFor();
  return person;
}

async function demoClinicId(api: HttpSession): Promise<string> {
  const { units } = (await api.call('GET', '/api/care/units')).body as { units: Array<{ id: string; name: string }> };
  return units.find((unit) => unit.name === UNIT)!.id;
}

describe('everyday use, end to end', () => {
  let system: E2eSystem;
  beforeAll(async () => {
    [system] = await Promise.all([startE2e({ bundleOf }), warmBundles()]);
  });
  afterAll(async () => {
    await system?.close();
  });

  it('the catalog shows release notes and translated titles, asks before deploying, deploys once on a double click, marks what the unit has and refuses the duplicate', async () => {
    const login = demoLogin('care-admin');
    const admin = await clinicSignIn(system, login);
    await nav(admin.page, 'Catalog').click();
    const catalog = admin.page.locator('cl-catalog-screen');
    await admin.page.getByLabel('Deploy to unit').selectOption({ label: UNIT });
    const entry = catalog.locator(`li.entry[data-entry="${PANIC.id}"]`);
    // The publisher's release notes, not the designer's change note.
    await entry.locator('.release-notes').filter({ hasText: 'First release of the example content.' }).waitFor();
    expect(await entry.getByText('Example content shipped with Careloom').count()).toBe(0);
    // Search narrows the list.
    await catalog.getByLabel('Search the catalog').fill('panic cbt');
    await entry.waitFor();
    expect(await catalog.locator('li.entry').count()).toBe(1);
    await catalog.getByLabel('Search the catalog').fill('');

    // Deploy asks first; a double click on the confirmation sends one deployment.
    await entry.getByRole('button', { name: `Deploy ${PANIC.title}` }).click();
    await entry.getByText(`Deploy ${PANIC.title} version 1 to ${UNIT}?`).waitFor();
    await entry.getByRole('button', { name: 'Yes, deploy' }).dblclick();
    await entry.getByRole('status').filter({ hasText: `${PANIC.title} version 1 is deployed to ${UNIT}.` }).waitFor();
    await entry.locator('[data-marker="deployed"]').filter({ hasText: `Deployed to ${UNIT}` }).waitFor();
    expect(await entry.getByRole('button', { name: `Deploy ${PANIC.title}` }).count()).toBe(0);

    const api = await HttpSession.login(system.server.url, login.email, login.password);
    const unitId = await demoClinicId(api);
    const active = async () => ((await api.call('GET', `/api/care/units/${unitId}/deployments`)).body as { deployments: Array<{ documentId: string; status: string }> }).deployments.filter((deployment) => deployment.documentId === PANIC.id && deployment.status === 'active');
    expect(await active()).toHaveLength(1);
    // The server refuses a second deployment of the same version, in words naming it.
    const again = await api.call('POST', `/api/care/units/${unitId}/deployments`, { documentId: PANIC.id, version: 1 });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ detail: `"${PANIC.title}" version 1 is already deployed to ${UNIT}.`, issues: [{ code: 'deployment.already_deployed', path: '/version' }] });
    expect(await active()).toHaveLength(1);

    // In Swedish the catalog shows the content's Swedish title and summary.
    await admin.page.getByRole('combobox', { name: 'Language' }).selectOption('sv');
    await entry.getByRole('heading', { name: PANIC.sv }).waitFor();
    await entry.getByText(/^Internetbaserad KBT med stöd vid paniksyndrom/).waitFor();
    await entry.locator('[data-marker="deployed"]').filter({ hasText: `Driftsatt på ${UNIT}` }).waitFor();
    expect(admin.errors).toEqual([]);
  });

  it('review: a first version shows its content, an unchanged draft cannot be submitted again, and releasing over open comments asks first', async () => {
    const designerLogin = demoLogin('designer');
    const designer = await HttpSession.login(system.server.url, designerLogin.email, designerLogin.password);
    const created = await designer.call('POST', '/api/modules', { organisationId: designer.organisationIds[0], kind: 'module', example: 'gad-7', id: 'gad-7-review' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await designer.call('POST', '/api/modules/gad-7-review/versions', { changeNote: 'First version' })).status).toBe(201);
    // The same content again: refused, in words.
    const again = await designer.call('POST', '/api/modules/gad-7-review/versions', { changeNote: 'Nothing new' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ detail: 'The draft is the same as version 1: change something before submitting a new version.', issues: [{ code: 'version.unchanged' }] });
    expect(((await designer.call('GET', '/api/modules/gad-7-review/versions')).body as { versions: unknown[] }).versions).toHaveLength(1);

    const publisherLogin = demoLogin('publisher');
    const publisher = await HttpSession.login(system.server.url, publisherLogin.email, publisherLogin.password);
    for (const action of ['start_review', 'approve_for_test'] as const) expect((await publisher.call('POST', '/api/modules/gad-7-review/versions/1/transitions', { action })).status).toBe(200);
    expect((await publisher.call('POST', '/api/modules/gad-7-review/comments', { body: 'Should item 3 say "worrying"?', version: 1 })).status).toBe(201);

    const person = await open(system, '/designer#/modules/gad-7-review/review');
    const { page } = person;
    await page.getByLabel('E-mail address').fill(publisherLogin.email);
    await page.getByLabel('Password').fill(publisherLogin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Version 1 is shown as patients will see it, not as "No changes" against the draft.
    const content = page.locator('cl-version-content');
    await content.getByRole('heading', { name: 'Content of version 1' }).waitFor();
    await content.getByText('Feeling nervous, anxious, or on edge').first().waitFor();
    expect(await page.getByText('No changes').count()).toBe(0);

    await page.getByRole('button', { name: 'Release', exact: true }).click();
    const warning = page.locator('[data-warning="open-comments"]');
    await warning.getByText('1 comment threads on this version are still open.', { exact: false }).waitFor();
    await page.getByLabel('Release notes').fill('First release.');
    await page.getByLabel('I have checked the changes and confirm this classification').check();
    await page.locator('cl-workflow-actions form.panel button[type=submit]').click();
    await page.getByText('1 comment threads are still open: tick that you release anyway, or resolve them first.').waitFor();
    expect(((await publisher.call('GET', '/api/modules/gad-7-review/versions/1')).body as { state: string }).state).toBe('approved_for_test');
    await warning.getByLabel('I have read the open comments and release anyway').check();
    await page.locator('cl-workflow-actions form.panel button[type=submit]').click();
    await expect.poll(async () => ((await publisher.call('GET', '/api/modules/gad-7-review/versions/1')).body as { state: string }).state).toBe('released');
  });
});
