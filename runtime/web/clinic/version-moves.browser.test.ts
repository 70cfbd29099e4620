import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ApiClient } from '@careloom/client/api';
import type { DeploymentMoveResult, EnrollmentVersions, VersionUpdate } from '@careloom/format/api';
import { deep, deepAll, overflowing, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClVersionUpdates } from './version-updates.js';
import type { ClPatientVersion } from './patient-version.js';
import './version-updates.js';
import './patient-version.js';

const CHANGES = {
  items: [
    { moduleId: 'panic-week-1', moduleTitle: 'Week 1', itemId: 'mainFear', item: 'What do you fear most?', reason: 'options_removed' as const },
    { moduleId: 'panic-week-1', moduleTitle: 'Week 1', itemId: 'treatmentGoal', item: 'Your goal', reason: 'item_removed' as const },
  ],
  modulesRemoved: [],
  modulesAdded: [],
};
const RELEASES = [{ number: 2, releaseClass: 'minor' as const, releaseNotes: 'Shorter quiz.', releasedAt: '2026-03-01T08:00:00Z' }];

/** A tiny server for the two elements: the unit's updates, one patient's versions, the moves; every request recorded. */
function fakeServer(options: { moveConflict?: boolean } = {}) {
  const requests: Array<{ method: string; path: string; body: unknown }> = [];
  let updates: VersionUpdate[] = [
    { deploymentId: 'd1', documentId: 'panic', kind: 'program', title: 'Panic program', fromVersion: 1, toVersion: 2, changeClass: 'minor', releases: RELEASES, enrolled: 3, targetDeploymentId: null, changes: CHANGES },
    { deploymentId: 'd9', documentId: 'copd', kind: 'program', title: 'COPD follow-up', fromVersion: 1, toVersion: 2, changeClass: 'major', releases: [{ ...RELEASES[0]!, releaseClass: 'major', releaseNotes: 'New daily report.' }], enrolled: 1, targetDeploymentId: null, changes: { items: [], modulesRemoved: [{ moduleId: 'copd-old', title: 'Old report' }], modulesAdded: [] } },
  ];
  const versions: EnrollmentVersions = {
    deploymentId: 'd1', title: 'Panic program', version: 1,
    available: [{ deploymentId: 'd2', version: 2, changeClass: 'minor', releases: RELEASES, changes: CHANGES, notCarried: { answers: [{ moduleId: 'panic-week-1', moduleTitle: 'Week 1', itemId: 'treatmentGoal', item: 'Your goal', reason: 'item_removed' }], adjustments: [{ kind: 'hidden_module', key: 'week8', title: 'Week 8' }], modulesRemoved: [] } }],
    moves: [],
  };
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), location.href);
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    requests.push({ method, path: url.pathname, body });
    if (url.pathname === '/api/care/units/u1/version-updates') return json(200, { updates });
    if (url.pathname === '/api/care/deployments/d1/version-move') {
      updates = updates.filter((update) => update.deploymentId !== 'd1');
      const result: DeploymentMoveResult = { deployment: { id: 'd2', unitId: 'u1', kind: 'program', documentId: 'panic', version: 2, title: 'Panic program', contentHash: 'x', status: 'active', deployedAt: '2026-03-02T08:00:00Z', modules: [] }, moved: 2, skipped: 1, answers: [{ moduleTitle: 'Week 1', item: 'Your goal', patients: 2 }], adjustments: [] };
      return json(200, result);
    }
    if (url.pathname === '/api/care/enrollments/e1/versions') return json(200, versions);
    if (url.pathname === '/api/care/enrollments/e1/version-move') {
      if (options.moveConflict) return json(409, { type: 'about:blank', title: 'Conflict', status: 409, detail: 'The patient was moved to another version meanwhile; reload and look again.' });
      versions.available = [];
      versions.version = 2;
      versions.moves = [{ id: 'm1', fromVersion: 1, toVersion: 2, changeClass: 'minor', movedAt: '2026-03-02T08:00:00Z', movedBy: 'Theo Therapist', notCarried: { answers: [{ moduleId: 'panic-week-1', moduleTitle: 'Week 1', itemId: 'treatmentGoal', item: 'Your goal', reason: 'item_removed' }], adjustments: [], modulesRemoved: [] } }];
      return json(200, versions.moves[0]);
    }
    return json(404, { type: 'about:blank', title: 'Not found', status: 404 });
  };
  const api = new ApiClient({ fetch: fetch as typeof globalThis.fetch });
  api.csrfToken = 'csrf';
  return { api, requests };
}

describe('<cl-version-updates>', () => {
  it('shows each newer version with its notes, class and changes in words, and moves everyone to a minor one after confirming', async () => {
    await setViewport({ width: 360, height: 740 });
    const server = fakeServer();
    const element = await fixture<ClVersionUpdates>(html`<cl-version-updates .api=${server.api} language="en" unit-id="u1" unit-name="Demo clinic"></cl-version-updates>`);
    await until(() => deepAll(element, 'li.update').length === 2);
    await settleAll(element);
    const minor = deep(element, 'li.update[data-update="d1"]');
    expect(minor.textContent).to.contain('Panic program: version 2 is released');
    expect(minor.textContent).to.contain('This unit has version 1, with 3 patients on it.');
    expect(minor.textContent).to.contain('Shorter quiz.');
    expect(minor.textContent).to.contain('“What do you fear most?” in Week 1: some answer choices are gone');
    const major = deep(element, 'li.update[data-update="d9"]');
    expect(major.textContent).to.contain('Major change');
    expect(major.textContent).to.contain('No longer in the program: Old report');
    expect(major.querySelector('[data-action="move"]')).to.equal(null);
    expect(major.querySelector('[data-action="deploy"]')?.textContent).to.equal('Deploy version 2');
    expect(overflowing(element, 360)).to.deep.equal([]);
    expect(await seriousViolations(element)).to.deep.equal([]);

    (minor.querySelector('[data-action="move"]') as HTMLButtonElement).click();
    await until(() => minor.querySelector('[data-action="confirm-move"]'));
    expect(minor.textContent).to.contain('Move every patient of Demo clinic on version 1 to version 2?');
    (minor.querySelector('[data-action="confirm-move"]') as HTMLButtonElement).click();
    await until(() => element.shadowRoot?.textContent?.includes('2 patients moved to version 2.'));
    expect(element.shadowRoot?.textContent).to.contain('1 patient had already been moved or had ended.');
    expect(element.shadowRoot?.textContent).to.contain('“Your goal” in Week 1: not carried over for 2 patients');
    expect(server.requests.filter((request) => request.method === 'POST')).to.deep.equal([{ method: 'POST', path: '/api/care/deployments/d1/version-move', body: { version: 2 } }]);
  });

  it('speaks Swedish and Norwegian', async () => {
    for (const [language, text] of [['sv', 'Flytta alla 3 patienter till version 2'], ['nb', 'Flytt alle 3 pasienter til versjon 2']] as const) {
      const element = await fixture<ClVersionUpdates>(html`<cl-version-updates .api=${fakeServer().api} language=${language} unit-id="u1" unit-name="Demo clinic"></cl-version-updates>`);
      await until(() => deepAll(element, 'li.update').length === 2);
      expect(deep(element, '[data-action="move"]').textContent).to.equal(text);
    }
  });
});

describe('<cl-patient-version>', () => {
  it('shows what would not carry over for the patient, moves them naming the version seen, and lists the move afterwards', async () => {
    const server = fakeServer();
    const element = await fixture<ClPatientVersion>(html`<cl-patient-version .api=${server.api} language="en" enrollment-id="e1"></cl-patient-version>`);
    await until(() => deepAll(element, 'li.available').length === 1);
    await settleAll(element);
    const available = deep(element, 'li.available');
    expect(available.textContent).to.contain('Answer to “Your goal” in Week 1: the question is gone');
    expect(available.textContent).to.contain('Hidden from the patient: Week 8');
    expect(await seriousViolations(element)).to.deep.equal([]);
    (available.querySelector('[data-action="move"]') as HTMLButtonElement).click();
    await until(() => available.querySelector('[data-action="confirm-move"]'));
    (available.querySelector('[data-action="confirm-move"]') as HTMLButtonElement).click();
    await until(() => element.shadowRoot?.textContent?.includes('Moved from version 1 to version 2'));
    expect(element.shadowRoot?.textContent).to.contain('Moved to version 2.');
    expect(server.requests.find((request) => request.method === 'POST')?.body).to.deep.equal({ deploymentId: 'd2', fromDeploymentId: 'd1' });
  });

  it('shows a colleague\'s move at the same time as a refusal in words', async () => {
    const element = await fixture<ClPatientVersion>(html`<cl-patient-version .api=${fakeServer({ moveConflict: true }).api} language="nb" enrollment-id="e1"></cl-patient-version>`);
    await until(() => deepAll(element, 'li.available').length === 1);
    expect(deep(element, '[data-action="move"]').textContent).to.equal('Flytt til versjon 2');
    (deep(element, '[data-action="move"]') as HTMLButtonElement).click();
    await until(() => deepAll(element, '[data-action="confirm-move"]').length === 1);
    (deep(element, '[data-action="confirm-move"]') as HTMLButtonElement).click();
    await until(() => deepAll(element, '.form-error').length === 1);
    expect(deep(element, '.form-error').textContent).to.contain('moved to another version meanwhile');
  });
});
