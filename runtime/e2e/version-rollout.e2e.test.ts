// Versions in use, end to end on a fresh database with the demo accounts and the released examples:
// a patient is half-way through "Panic week 1" (deployed as a module) when the publisher releases a
// minor version 2 and then a major version 3 (co-edited over the collaboration WebSocket, as the
// designer does). The care-provider admin sees version 2 in the clinic with its release notes and
// moves every patient to it; the patient's answers carry over. Version 3 is deployed by the admin
// and the therapist moves the patient on the patient page, seeing first what would not carry over.
// Every screen is read in English, Swedish and Norwegian at 360 px, with screenshots in the
// temporary folder (their paths are logged).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { getPagesArray } from '@careloom/format/ydoc';
import { demoLogin, PHONE, startE2e, watchErrors, type E2eSystem } from '../src/e2e/e2e-harness.js';
import { eventually, HttpSession } from '../src/integration/http-client.js';
import { lazyBundles } from '../src/web/bundle.js';
import { repositoryRoot, WEB_APPS } from '../src/web/web-apps.js';

const MODULE = { id: 'panic-week-1', title: 'Week 1: Understanding panic' };
const UNIT = 'Demo clinic';
const bundleOf = lazyBundles(WEB_APPS, repositoryRoot);
const shots: string[] = [];
/** A screenshot of the screen part under test (readable at full size), or of the whole page. */
const screenshot = async (target: Page | Locator, name: string) => {
  const path = join(tmpdir(), `careloom-versions-${name}-${process.pid}.png`);
  await ('goto' in target ? target.screenshot({ path, fullPage: true }) : target.screenshot({ path }));
  shots.push(path);
};
const narrow = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

let system: E2eSystem;
beforeAll(async () => {
  [system] = await Promise.all([startE2e({ bundleOf }), bundleOf('clinic')]);
});
afterAll(async () => {
  console.log(`Screenshots: ${shots.join(', ')}`);
  await system?.close();
});

/** The designer edits the draft's first page title over the collaboration socket; the publisher releases it as `releaseClass`. */
async function releaseNewVersion(edit: string, releaseClass: 'major' | 'minor', releaseNotes: string): Promise<number> {
  const designerLogin = demoLogin('designer');
  const designer = await HttpSession.login(system.server.url, designerLogin.email, designerLogin.password);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${system.server.url.replace('http', 'ws')}/collab`, MODULE.id, doc, { WebSocketPolyfill: designer.webSocketClass() as never, disableBc: true });
  try {
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
    const title = ((getPagesArray(doc).get(0) as Y.Map<unknown>).get('title') as Y.Map<Y.Text>).get('en') as Y.Text;
    title.insert(title.length, edit);
    await eventually(async () => JSON.stringify((await designer.call('GET', `/api/modules/${MODULE.id}/draft`)).body).includes(edit), 'the edit to reach the draft', 10000);
  } finally {
    provider.destroy();
  }
  const submitted = await designer.call('POST', `/api/modules/${MODULE.id}/versions`, { changeNote: releaseNotes });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  const number = (submitted.body as { number: number }).number;
  const publisherLogin = demoLogin('publisher');
  const publisher = await HttpSession.login(system.server.url, publisherLogin.email, publisherLogin.password);
  for (const [action, extra] of [['start_review', {}], ['approve_for_test', {}], ['release', { releaseNotes, releaseClass }]] as const) {
    const moved = await publisher.call('POST', `/api/modules/${MODULE.id}/versions/${number}/transitions`, { action, ...extra });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  }
  return number;
}

async function clinicSignIn(login: { email: string; password: string }): Promise<{ page: Page; errors: string[] }> {
  const context = await system.newContext(PHONE);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto('/clinic');
  await page.getByLabel('E-mail').fill(login.email);
  await page.getByLabel('Password').fill(login.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
  return { page, errors };
}

const language = (page: Page, code: string) => page.getByRole('combobox', { name: /^(Language|Språk)$/ }).selectOption(code);

describe('versions in use', () => {
  it('rolls a minor version out to the enrolled patients from the clinic, and moves one patient to a major version from the patient page', async () => {
    const adminLogin = demoLogin('care-admin');
    const admin = await HttpSession.login(system.server.url, adminLogin.email, adminLogin.password);
    const { units } = (await admin.call('GET', '/api/care/units')).body as { units: Array<{ id: string; name: string }> };
    const unitId = units.find((unit) => unit.name === UNIT)!.id;
    const deployed = await admin.call('POST', `/api/care/units/${unitId}/deployments`, { documentId: MODULE.id, version: 1 });
    expect(deployed.status, JSON.stringify(deployed.body)).toBe(201);
    const deploymentId = (deployed.body as { id: string }).id;

    // The therapist enrolls a patient, who takes the invitation up and answers the first page and the quiz.
    const therapistLogin = demoLogin('therapist');
    const therapistApi = await HttpSession.login(system.server.url, therapistLogin.email, therapistLogin.password);
    const enrolled = await therapistApi.call('POST', `/api/care/units/${unitId}/enrollments`, { deploymentId, patient: { name: 'Vera Version', email: 'vera@example.org' } });
    expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(201);
    const { enrollment, invitation } = enrolled.body as { enrollment: { id: string }; invitation: { code: string } };
    expect((await new HttpSession(system.server.url).call('POST', '/api/public/invitations/redeem', { code: invitation.code, password: 'vera-long-password' })).status).toBe(200);
    const patient = await HttpSession.login(system.server.url, 'vera@example.org', 'vera-long-password');
    const answer = async (answers: Record<string, unknown>, pageId: string | undefined, moduleVersion: number) =>
      patient.call('POST', `/api/me/enrollments/${enrollment.id}/responses`, { formatVersion: 1, clientId: crypto.randomUUID(), moduleId: MODULE.id, moduleVersion, answers, answeredAt: new Date().toISOString(), ...(pageId ? { pageId } : {}) });
    expect((await answer({ hadAttackLastWeek: true, mainFear: 'heart' }, 'welcome', 1)).status).toBe(201);
    expect((await answer({ quizFaint: 'rarely', quizMaintain: 'avoidance', quizPeak: 'passes' }, 'quiz', 1)).status).toBe(201);

    // 1. The publisher releases a minor version 2.
    expect(await releaseNewVersion(' (revised)', 'minor', 'Clearer title for week 1.')).toBe(2);

    // 2. The care-provider admin sees it on the unit's page with its notes and class, in three languages.
    const { page, errors } = await clinicSignIn(adminLogin);
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Units', exact: true }).click();
    await page.getByRole('link', { name: UNIT, exact: true }).click();
    const update = page.locator('cl-version-updates li.update');
    await update.getByRole('heading', { name: `${MODULE.title}: version 2 is released` }).waitFor();
    await update.getByText('Minor change').first().waitFor();
    await update.getByText('This unit has version 1, with 1 patient on it.').waitFor();
    await update.getByText('Clearer title for week 1.').waitFor();
    await update.getByText('Answers already given carry over unchanged.').waitFor();
    await narrow(page);
    await update.scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-page-en');
    await screenshot(page.locator('cl-version-updates'), 'admin-en');
    for (const [code, heading, button] of [['sv', 'Nyare versioner', 'Flytta 1 patient till version 2'], ['nb', 'Nyere versjoner', 'Flytt 1 pasient til versjon 2']] as const) {
      await language(page, code);
      await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
      await update.getByRole('button', { name: button }).waitFor();
      // The module's own title in the reader's language where it has one.
      if (code === 'sv') await update.getByRole('heading', { name: 'Vecka 1: Att förstå panik: version 2 är släppt' }).waitFor();
      await narrow(page);
      await update.scrollIntoViewIfNeeded();
      await screenshot(page.locator('cl-version-updates'), `admin-${code}`);
    }
    await language(page, 'en');

    // 3. Moving asks first, then moves the patient and withdraws version 1.
    await update.getByRole('button', { name: 'Move 1 patient to version 2' }).click();
    await update.getByText(`Move every patient of ${UNIT} on version 1 to version 2?`, { exact: false }).waitFor();
    await screenshot(page.locator('cl-version-updates'), 'admin-confirm-en');
    await update.getByRole('button', { name: 'Move the patients' }).click();
    await page.locator('cl-version-updates').getByText('1 patient moved to version 2.').waitFor();
    await page.locator('cl-version-updates').getByText('Everything deployed to this unit is on its newest released version.').waitFor();
    await narrow(page);
    await screenshot(page.locator('cl-version-updates'), 'admin-moved-en');
    const detail = (await therapistApi.call('GET', `/api/care/enrollments/${enrollment.id}`)).body as { enrollment: { modules: Array<{ moduleId: string; version: number }>; startedOn: string } };
    expect(detail.enrollment.modules).toEqual([{ moduleId: MODULE.id, version: 2 }]);
    const deployments = ((await admin.call('GET', `/api/care/units/${unitId}/deployments`)).body as { deployments: Array<{ id: string; status: string; version: number; documentId: string }> }).deployments.filter((candidate) => candidate.documentId === MODULE.id);
    expect(deployments.map((candidate) => [candidate.version, candidate.status]).sort()).toEqual([[1, 'withdrawn'], [2, 'active']]);

    // The patient goes on where they were: every answer carried over, and version 1 is no longer taken.
    const progress = (await patient.call('GET', `/api/me/enrollments/${enrollment.id}/modules/${MODULE.id}/progress`)).body as { answers: Record<string, unknown>; pageId: string };
    expect(progress).toMatchObject({ pageId: 'quiz', answers: { hadAttackLastWeek: true, mainFear: 'heart', quizFaint: 'rarely', quizMaintain: 'avoidance', quizPeak: 'passes' } });
    // An answer on the old version (one queued offline before the move) is refused as such.
    const stale = await answer({ mainFear: 'faint' }, 'welcome', 1);
    expect(stale.status).toBe(409);
    expect((stale.body as { issues: Array<{ code: string }> }).issues.map((issue) => issue.code)).toContain('response.version_moved');
    expect((await answer({ mainFear: 'faint' }, 'welcome', 2)).status).toBe(201);

    // 4. A major version 3: the admin cannot move everyone, deploys it, and the therapist moves the patient.
    expect(await releaseNewVersion(' (new edition)', 'major', 'New edition of week 1.')).toBe(3);
    await page.reload();
    await update.getByRole('heading', { name: `${MODULE.title}: version 3 is released` }).waitFor();
    await update.getByText('Major change').first().waitFor();
    expect(await update.getByRole('button', { name: /Move .* to version 3/ }).count()).toBe(0);
    await update.getByRole('button', { name: 'Deploy version 3' }).click();
    await update.getByText('Version 3 is deployed to this unit: therapists can move their patients to it.').first().waitFor();
    await screenshot(page.locator('cl-version-updates'), 'admin-major-en');
    expect(errors.filter((error) => !/status of 401/.test(error))).toEqual([]);

    const therapist = await clinicSignIn(therapistLogin);
    await therapist.page.getByRole('link', { name: /Vera Version/ }).first().click();
    const versions = therapist.page.locator('cl-patient-version');
    await versions.getByText(`${MODULE.title}, version 2.`, { exact: false }).waitFor();
    const available = versions.locator('li.available[data-version="3"]');
    await available.getByRole('heading', { name: /Version 3 is available/ }).waitFor();
    await available.getByText('New edition of week 1.').waitFor();
    await available.getByText('Everything this patient has done carries over.').waitFor();
    // Afterwards: the earlier move, by the admin.
    await versions.getByText(/Moved from version 1 to version 2 on .* \(Minor change\)\./).waitFor();
    await narrow(therapist.page);
    await versions.scrollIntoViewIfNeeded();
    await screenshot(therapist.page.locator('section[aria-labelledby="version-heading"]'), 'therapist-en');
    for (const [code, line] of [['sv', 'Version 3 finns'], ['nb', 'Versjon 3 er tilgjengelig']] as const) {
      await language(therapist.page, code);
      await available.getByRole('heading', { name: new RegExp(line) }).waitFor();
      await narrow(therapist.page);
      await versions.scrollIntoViewIfNeeded();
      await screenshot(therapist.page.locator('section[aria-labelledby="version-heading"]'), `therapist-${code}`);
    }
    await language(therapist.page, 'en');
    await available.getByRole('button', { name: 'Move to version 3' }).click();
    await available.getByText('Move this patient to version 3?', { exact: false }).waitFor();
    await available.getByRole('button', { name: 'Move the patient' }).click();
    await versions.getByRole('status').filter({ hasText: 'Moved to version 3.' }).waitFor();
    await versions.getByText(/Moved from version 2 to version 3 on .* \(Major change\)\./).waitFor();
    await narrow(therapist.page);
    await screenshot(therapist.page.locator('section[aria-labelledby="version-heading"]'), 'therapist-moved-en');
    await screenshot(therapist.page, 'therapist-page-en');
    const after = (await therapistApi.call('GET', `/api/care/enrollments/${enrollment.id}`)).body as { enrollment: { modules: Array<{ version: number }>; startedOn: string } };
    expect(after.enrollment.modules).toEqual([{ moduleId: MODULE.id, version: 3 }]);
    expect(after.enrollment.startedOn).toBe(detail.enrollment.startedOn);
    expect(therapist.errors.filter((error) => !/status of 401/.test(error))).toEqual([]);
  });
});
