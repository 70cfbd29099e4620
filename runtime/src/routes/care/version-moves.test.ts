import { beforeAll, describe, expect, it } from 'vitest';
import { createCareTestApp } from '../../testing/care-test-app.js';
import type { CareTestApp } from '../../testing/care-test-app.js';
import { exampleDocument, releaseNextVersion } from '../../testing/care-fixtures.js';
import { expectStatus, responseBody, seedCareScenario } from '../../testing/care-scenario.js';
import type { CareScenario } from '../../testing/care-scenario.js';

// The panic program (v1) deployed to unit-1 with "patient" and "other-patient" enrolled. Then the
// publisher releases panic-week-1 v2 (the "other" fear is gone, and the treatment goal question) and
// the program v2, a minor release pinning it; and program v3, a major release that drops week 8.
let seeded: Buffer;
let ids: CareScenario;

const RELEASE_AT = '2026-03-01T00:00:00.000Z';

function weekOneV2(): Record<string, unknown> {
  const module = exampleDocument('module', 'panic-week-1') as { pages: Array<{ id: string; blocks: Array<Record<string, unknown>> }> };
  for (const page of module.pages) {
    page.blocks = page.blocks.filter((block) => block['id'] !== 'treatmentGoal');
    for (const block of page.blocks) {
      if (block['id'] === 'mainFear') {
        const input = block['input'] as { options: Array<{ id: string }> };
        input.options = input.options.filter((option) => option.id !== 'other');
      }
    }
  }
  return module as unknown as Record<string, unknown>;
}

function programV(version: number): Record<string, unknown> {
  const program = exampleDocument('program', 'panic-icbt-8-weeks') as { title: Record<string, string>; modules: Array<{ key: string }>; durationWeeks: number };
  program.title = { ...program.title, en: `${program.title['en']} (${version})` };
  if (version === 3) program.modules = program.modules.filter((module) => module.key !== 'week8');
  return program as unknown as Record<string, unknown>;
}

beforeAll(async () => {
  const t = await createCareTestApp();
  ids = await seedCareScenario(t);
  // The patient has started week 1 on version 1: the first page and the quiz.
  const post = async (answers: Record<string, unknown>, pageId?: string) => expectStatus(await t.call('patient', 'POST', `/api/me/enrollments/${ids.panicEnrollmentId}/responses`, responseBody('panic-week-1', answers, pageId ? { pageId } : {})), 201);
  await post({ hadAttackLastWeek: true, mainFear: 'other' }, 'welcome');
  await post({ quizFaint: 'rarely', quizMaintain: 'avoidance', quizPeak: 'passes' }, 'quiz');
  await post({ treatmentGoal: 'Take the bus again' });
  // The therapist opened week 3 early and hid week 8 for the patient; the other patient is paused.
  expectStatus(await t.call('therapist', 'POST', `/api/care/enrollments/${ids.panicEnrollmentId}/schedule/changes`, { kind: 'unlockEarly', moduleKey: 'week3' }), 200);
  expectStatus(await t.call('therapist', 'POST', `/api/care/enrollments/${ids.panicEnrollmentId}/schedule/changes`, { kind: 'hideModule', moduleKey: 'week8' }), 200);
  const release = (kind: 'module' | 'program', document: Record<string, unknown>, releaseClass: 'major' | 'minor', releaseNotes: string) =>
    releaseNextVersion(t.stores.authoring, { kind, document, releaseClass, releaseNotes, authorId: 'person-designer', publisherId: 'person-publisher', at: RELEASE_AT });
  await release('module', weekOneV2(), 'minor', 'Shorter quiz.');
  await release('program', programV(2), 'minor', 'Week 1 has a shorter quiz.');
  seeded = t.snapshot();
});

async function withMajor(t: CareTestApp): Promise<void> {
  await releaseNextVersion(t.stores.authoring, { kind: 'program', document: programV(3), releaseClass: 'major', releaseNotes: 'Seven weeks.', authorId: 'person-designer', publisherId: 'person-publisher', at: RELEASE_AT });
}

interface Update { deploymentId: string; fromVersion: number; toVersion: number; changeClass: string; enrolled: number; targetDeploymentId: string | null; releases: Array<{ number: number; releaseNotes: string }>; changes: { items: Array<{ itemId: string; item: string; reason: string; moduleTitle: string }>; modulesRemoved: unknown[] } }
const updates = async (t: CareTestApp, who = 'care-admin') => (expectStatus(await t.call(who, 'GET', '/api/care/units/unit-1/version-updates'), 200) as { updates: Update[] }).updates;
const auditRows = (t: CareTestApp, action: string) => t.db.prepare('SELECT actor_id, patient_id, object_id, details FROM audit_log WHERE action = ? ORDER BY seq').all(action) as Array<{ actor_id: string; patient_id: string | null; object_id: string; details: string }>;
const enrollment = (t: CareTestApp, id: string) => t.db.prepare('SELECT deployment_id, modules, started_on, status FROM enrollments WHERE id = ?').get(id) as { deployment_id: string; modules: string; started_on: string; status: string };

describe('newer versions for a unit', () => {
  it('shows the admin the newer minor version with its release notes, class, patients and what it changes for answers', async () => {
    const t = await createCareTestApp({ from: seeded });
    const [update, ...rest] = await updates(t);
    expect(rest).toEqual([]);
    expect(update).toMatchObject({ deploymentId: ids.panicDeploymentId, fromVersion: 1, toVersion: 2, changeClass: 'minor', enrolled: 2, targetDeploymentId: null, releases: [{ number: 2, releaseNotes: 'Week 1 has a shorter quiz.' }] });
    expect(update!.changes.items.map(({ itemId, reason }) => ({ itemId, reason }))).toEqual([{ itemId: 'mainFear', reason: 'options_removed' }, { itemId: 'treatmentGoal', reason: 'item_removed' }]);
    expect(update!.changes.items[0]!.item).not.toBe('mainFear');
    // In the admin's language.
    const swedish = (expectStatus(await t.call('care-admin', 'GET', '/api/care/units/unit-1/version-updates?lang=sv'), 200) as { updates: Update[] }).updates[0]!;
    expect(swedish.changes.items[0]!.moduleTitle).not.toBe(update!.changes.items[0]!.moduleTitle);
  });

  it('moves every patient to the minor version at once: answers by item id, place in the schedule kept, what did not carry over counted, audited per patient', async () => {
    const t = await createCareTestApp({ from: seeded });
    const before = enrollment(t, ids.panicEnrollmentId);
    const result = expectStatus(await t.call('care-admin', 'POST', `/api/care/deployments/${ids.panicDeploymentId}/version-move`, { version: 2 }), 200) as { deployment: { id: string; version: number }; moved: number; skipped: number; answers: Array<{ item: string; patients: number }>; adjustments: unknown[] };
    expect(result).toMatchObject({ moved: 2, skipped: 0, deployment: { version: 2 }, adjustments: [] });
    expect(result.answers.map((answer) => answer.patients)).toEqual([1, 1]);
    const after = enrollment(t, ids.panicEnrollmentId);
    expect(after.deployment_id).toBe(result.deployment.id);
    expect(JSON.parse(after.modules)).toContainEqual({ moduleId: 'panic-week-1', version: 2 });
    expect(after.started_on).toBe(before.started_on);
    expect(enrollment(t, ids.otherEnrollmentId).deployment_id).toBe(result.deployment.id);
    // The old deployment takes nobody new.
    const deployments = (expectStatus(await t.call('care-admin', 'GET', '/api/care/units/unit-1/deployments'), 200) as { deployments: Array<{ id: string; status: string }> }).deployments;
    expect(deployments.find((deployment) => deployment.id === ids.panicDeploymentId)?.status).toBe('withdrawn');

    // The patient continues where they were: answers that fit carried over, the rest asked again.
    const progress = expectStatus(await t.call('patient', 'GET', `/api/me/enrollments/${ids.panicEnrollmentId}/modules/panic-week-1/progress`), 200) as { answers: Record<string, unknown>; pageId: string };
    expect(progress.answers).toEqual({ hadAttackLastWeek: true, quizFaint: 'rarely', quizMaintain: 'avoidance', quizPeak: 'passes' });
    // The last page answered is still in version 2, so the patient goes on from there.
    expect(progress.pageId).toBe('quiz');
    expect((await t.call('patient', 'POST', `/api/me/enrollments/${ids.panicEnrollmentId}/responses`, responseBody('panic-week-1', { mainFear: 'heart' }, { pageId: 'welcome' }))).status).toBe(409);
    expectStatus(await t.call('patient', 'POST', `/api/me/enrollments/${ids.panicEnrollmentId}/responses`, responseBody('panic-week-1', { mainFear: 'heart' }, { pageId: 'welcome', moduleVersion: 2 })), 201);
    // The therapist's adjustments still hold.
    const schedule = expectStatus(await t.call('therapist', 'GET', `/api/care/enrollments/${ids.panicEnrollmentId}/schedule`), 200) as { modules: Array<{ key: string; state: string; hidden: boolean }> };
    expect(schedule.modules.find((module) => module.key === 'week3')?.state).toBe('unlocked');
    expect(schedule.modules.find((module) => module.key === 'week8')?.hidden).toBe(true);

    // One audit row per patient, naming the move; the withdrawal too.
    const moves = auditRows(t, 'enrollment.version_move');
    expect(moves.map((row) => row.patient_id).sort()).toEqual(['person-other-patient', 'person-patient']);
    expect(JSON.parse(moves.find((row) => row.patient_id === 'person-patient')!.details)).toMatchObject({ fromVersion: 1, toVersion: 2, changeClass: 'minor', answersNotCarried: 2, adjustmentsNotCarried: 0 });
    expect(auditRows(t, 'deployment.withdraw').map((row) => row.object_id)).toEqual([ids.panicDeploymentId]);

    // The therapist sees afterwards what did not carry over, in words.
    const versions = expectStatus(await t.call('therapist', 'GET', `/api/care/enrollments/${ids.panicEnrollmentId}/versions`), 200) as { version: number; available: unknown[]; moves: Array<{ fromVersion: number; toVersion: number; movedBy: string; notCarried: { answers: Array<{ itemId: string; item: string; reason: string }> } }> };
    expect(versions).toMatchObject({ version: 2, available: [] });
    expect(versions.moves).toHaveLength(1);
    expect(versions.moves[0]).toMatchObject({ fromVersion: 1, toVersion: 2, movedBy: 'care-admin' });
    expect(versions.moves[0]!.notCarried.answers.map(({ itemId, reason }) => ({ itemId, reason }))).toEqual([{ itemId: 'mainFear', reason: 'answer_no_longer_fits' }, { itemId: 'treatmentGoal', reason: 'item_removed' }]);
    expect(versions.moves[0]!.notCarried.answers.every((answer) => answer.item !== answer.itemId && answer.item.length > 0)).toBe(true);
    // The answers given on version 1 are still shown in words: the clinic may read that version.
    expect((await t.call('therapist', 'GET', `/api/care/enrollments/${ids.panicEnrollmentId}/module-versions/panic-week-1/1`)).status).toBe(200);
    expect((await t.call('therapist', 'GET', `/api/care/enrollments/${ids.otherEnrollmentId}/module-versions/panic-week-1/1`)).status).toBe(404);
    // Nothing left to do for the unit.
    expect(await updates(t)).toEqual([]);
  });

  it('refuses an answer given offline on the version before the move with a problem the patient app knows, and still acknowledges a retry of one recorded before it', async () => {
    const t = await createCareTestApp({ from: seeded });
    const path = `/api/me/enrollments/${ids.panicEnrollmentId}/responses`;
    // Recorded on version 1 before the move; the acknowledgement is lost, so the device sends it again after.
    const recordedBefore = responseBody('panic-week-1', { quizPeak: 'passes' }, { pageId: 'quiz' });
    const first = expectStatus(await t.call('patient', 'POST', path, recordedBefore), 201);
    expectStatus(await t.call('care-admin', 'POST', `/api/care/deployments/${ids.panicDeploymentId}/version-move`, { version: 2 }), 200);
    const count = () => (t.db.prepare('SELECT count(*) AS n FROM responses WHERE enrollment_id = ?').get(ids.panicEnrollmentId) as { n: number }).n;
    const stored = count();

    // Answered offline on version 1, sent after the move.
    const offline = await t.call('patient', 'POST', path, responseBody('panic-week-1', { hadAttackLastWeek: false }, { pageId: 'welcome', answeredAt: '2026-03-02T07:00:00.000Z' }));
    expect(offline.status).toBe(409);
    expect(offline.body['code']).toBe('conflict');
    expect(offline.body['issues']).toEqual([{ code: 'response.version_moved', path: '/moduleVersion', message: expect.stringContaining('updated to a new version after these answers were given') as unknown }]);
    expect(count()).toBe(stored);

    // The retry of the answer the server already had: acknowledged as recorded, not refused.
    const retried = expectStatus(await t.call('patient', 'POST', path, recordedBefore), 200);
    expect(retried['id']).toBe(first['id']);
    expect(count()).toBe(stored);
    // The same clientId with other answers is still a conflict of its own.
    const reused = await t.call('patient', 'POST', path, { ...recordedBefore, answers: { quizPeak: 'rises' } });
    expect(reused.status).toBe(409);
    expect((reused.body['issues'] as Array<{ code: string }>)[0]!.code).toBe('response.version_moved');

    // A version the patient was never on is still refused as before.
    const never = await t.call('patient', 'POST', path, responseBody('panic-week-1', { hadAttackLastWeek: false }, { pageId: 'welcome', moduleVersion: 7 }));
    expect(never.status).toBe(422);
    expect((never.body['issues'] as Array<{ code: string }>)[0]!.code).toBe('response.not_enrolled_version');
    // Another patient cannot use the route on this enrollment.
    expect((await t.call('other-patient', 'POST', path, responseBody('panic-week-1', { hadAttackLastWeek: false }, { pageId: 'welcome' }))).status).toBe(404);
  });

  it('moves each patient once when two admins move at the same moment', async () => {
    const t = await createCareTestApp({ from: seeded });
    const [first, second] = await Promise.all([1, 2].map(() => t.call('care-admin', 'POST', `/api/care/deployments/${ids.panicDeploymentId}/version-move`, { version: 2 })));
    const bodies = [first!, second!].filter((response) => response.status === 200).map((response) => response.body as { moved: number; skipped: number; deployment: { id: string } });
    // The later one finds the patients moved (or the old deployment withdrawn, 409); never moved twice.
    expect(bodies.reduce((sum, body) => sum + body.moved, 0)).toBe(2);
    expect([first!, second!].every((response) => response.status === 200 || response.status === 409)).toBe(true);
    expect(auditRows(t, 'enrollment.version_move')).toHaveLength(2);
    expect(new Set(bodies.map((body) => body.deployment.id)).size).toBe(1);
    expect((t.db.prepare("SELECT count(*) AS n FROM deployments WHERE document_id = 'panic-icbt-8-weeks' AND version = 2").get() as { n: number }).n).toBe(1);
  });

  it('refuses to move everyone to a major version, and lets the therapist move one patient to it, showing first what would not carry over', async () => {
    const t = await createCareTestApp({ from: seeded });
    await withMajor(t);
    const [update] = await updates(t);
    expect(update).toMatchObject({ toVersion: 3, changeClass: 'major', releases: [{ number: 3 }, { number: 2 }] });
    expect(update!.changes.modulesRemoved).toEqual([{ moduleId: 'panic-week-8', title: expect.any(String) }]);
    const refused = await t.call('care-admin', 'POST', `/api/care/deployments/${ids.panicDeploymentId}/version-move`, { version: 3 });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain('version_move.major');
    expect(enrollment(t, ids.panicEnrollmentId).deployment_id).toBe(ids.panicDeploymentId);

    // The admin deploys version 3; the therapist sees it on the patient page with what would be left behind.
    const v3 = expectStatus(await t.call('care-admin', 'POST', '/api/care/units/unit-1/deployments', { documentId: 'panic-icbt-8-weeks', version: 3 }), 201) as { id: string };
    const versions = expectStatus(await t.call('therapist', 'GET', `/api/care/enrollments/${ids.panicEnrollmentId}/versions`), 200) as { deploymentId: string; available: Array<{ deploymentId: string; changeClass: string; notCarried: { answers: Array<{ itemId: string }>; adjustments: Array<{ kind: string; key: string; title: string }>; modulesRemoved: Array<{ moduleId: string }> } }> };
    expect(versions.available).toHaveLength(1);
    expect(versions.available[0]).toMatchObject({ deploymentId: v3.id, changeClass: 'major' });
    expect(versions.available[0]!.notCarried.answers.map((answer) => answer.itemId)).toEqual(['mainFear', 'treatmentGoal']);
    expect(versions.available[0]!.notCarried.adjustments).toEqual([{ kind: 'hidden_module', key: 'week8', title: expect.stringMatching(/\S/) }]);
    expect(versions.available[0]!.notCarried.modulesRemoved.map((module) => module.moduleId)).toEqual(['panic-week-8']);

    const moved = expectStatus(await t.call('therapist', 'POST', `/api/care/enrollments/${ids.panicEnrollmentId}/version-move`, { deploymentId: v3.id, fromDeploymentId: ids.panicDeploymentId }), 200) as { toVersion: number; changeClass: string };
    expect(moved).toMatchObject({ toVersion: 3, changeClass: 'major' });
    expect(enrollment(t, ids.panicEnrollmentId).deployment_id).toBe(v3.id);
    // The other patient stays on version 1 until their therapist moves them.
    expect(enrollment(t, ids.otherEnrollmentId).deployment_id).toBe(ids.panicDeploymentId);
    // The same move again (a second click, a second therapist) is a conflict, not a second move.
    const again = await t.call('therapist', 'POST', `/api/care/enrollments/${ids.panicEnrollmentId}/version-move`, { deploymentId: v3.id, fromDeploymentId: ids.panicDeploymentId });
    expect(again.status).toBe(409);
    expect(auditRows(t, 'enrollment.version_move')).toHaveLength(1);
    // The patient's program no longer has week 8; week 1 keeps its place.
    const program = expectStatus(await t.call('patient', 'GET', `/api/me/enrollments/${ids.panicEnrollmentId}/program`), 200) as { modules: Array<{ key: string }> };
    expect(program.modules.map((module) => module.key)).not.toContain('week8');
    expect(program.modules.map((module) => module.key)).toContain('week1');
  });
});

describe('who may see and move versions', () => {
  it('refuses the unit\'s updates and the move to everyone but the unit\'s care-provider admin', async () => {
    const t = await createCareTestApp({ from: seeded });
    for (const [who, status] of [['therapist', 403], ['patient', 403], ['designer', 403], ['other-admin', 404], ['', 401]] as const) {
      expect((await t.call(who, 'GET', '/api/care/units/unit-1/version-updates')).status, who).toBe(status);
      expect((await t.call(who, 'POST', `/api/care/deployments/${ids.panicDeploymentId}/version-move`, { version: 2 })).status, who).toBe(status);
    }
    expect(enrollment(t, ids.panicEnrollmentId).deployment_id).toBe(ids.panicDeploymentId);
    expect((await t.call('care-admin', 'POST', '/api/care/deployments/no-such-deployment/version-move', { version: 2 })).status).toBe(404);
  });

  it('refuses a move to an older, unreleased or malformed version with its place', async () => {
    const t = await createCareTestApp({ from: seeded });
    const problem = async (body: unknown) => {
      const response = await t.call('care-admin', 'POST', `/api/care/deployments/${ids.panicDeploymentId}/version-move`, body);
      return { status: response.status, paths: ((response.body as { issues?: Array<{ path: string }> }).issues ?? []).map((issue) => issue.path) };
    };
    expect(await problem({ version: 1 })).toEqual({ status: 422, paths: ['/version'] });
    expect(await problem({ version: 9 })).toEqual({ status: 422, paths: ['/version'] });
    expect((await problem({ version: 'two' })).status).toBe(422);
    expect((await problem({ version: 1e12 })).status).toBe(422);
    expect((await problem({})).status).toBe(422);
  });

  it('refuses one patient\'s versions and move to everyone but the patient\'s therapist, and a target of another unit or organisation', async () => {
    const t = await createCareTestApp({ from: seeded });
    const v2 = expectStatus(await t.call('care-admin', 'POST', '/api/care/units/unit-1/deployments', { documentId: 'panic-icbt-8-weeks', version: 2 }), 201) as { id: string };
    const body = { deploymentId: v2.id, fromDeploymentId: ids.panicDeploymentId };
    for (const [who, status] of [['care-admin', 403], ['patient', 403], ['other-therapist', 404], ['other-admin', 403], ['', 401]] as const) {
      expect((await t.call(who, 'GET', `/api/care/enrollments/${ids.panicEnrollmentId}/versions`)).status, who).toBe(status);
      expect((await t.call(who, 'POST', `/api/care/enrollments/${ids.panicEnrollmentId}/version-move`, body)).status, who).toBe(status);
    }
    // Deployments of another unit of the same provider, and of another provider, are not targets.
    const unitTwo = expectStatus(await t.call('care-admin', 'POST', '/api/care/units/unit-2/deployments', { documentId: 'panic-icbt-8-weeks', version: 2 }), 201) as { id: string };
    const otherProvider = expectStatus(await t.call('other-admin', 'POST', '/api/care/units/unit-3/deployments', { documentId: 'panic-icbt-8-weeks', version: 2 }), 201) as { id: string };
    for (const deploymentId of [unitTwo.id, otherProvider.id, ids.copdDeploymentId, ids.panicDeploymentId, 'no-such-deployment']) {
      const response = await t.call('therapist', 'POST', `/api/care/enrollments/${ids.panicEnrollmentId}/version-move`, { deploymentId, fromDeploymentId: ids.panicDeploymentId });
      expect(response.status, deploymentId).toBe(422);
      expect(JSON.stringify(response.body)).toContain('/deploymentId');
    }
    // Another organisation's enrollment id is unknown to this therapist.
    expect((await t.call('other-therapist', 'POST', `/api/care/enrollments/${ids.otherEnrollmentId}/version-move`, body)).status).toBe(404);
    expect(auditRows(t, 'enrollment.version_move')).toEqual([]);
    // Refused attempts on a patient's data are audited with the patient.
    expect(auditRows(t, 'access.refused').some((row) => row.actor_id === 'person-other-therapist' && row.patient_id === 'person-other-patient')).toBe(true);
  });

  it('answers the therapist\'s views with no-store', async () => {
    const t = await createCareTestApp({ from: seeded });
    const response = await t.app.request(`/api/care/enrollments/${ids.panicEnrollmentId}/versions`, { headers: { 'x-test-principal': 'therapist' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
