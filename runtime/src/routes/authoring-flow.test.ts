import { beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { canonicalJson } from '@careloom/format/engine';
import { contentHash } from '@careloom/format/engine';
import { statusOf } from '../http/problem.js';
import { TRANSITIONS, WORKFLOW_ACTIONS } from '../domain/authoring/workflow.js';
import type { VersionState } from '../domain/authoring/workflow.js';
import { createAuthoringTestApp } from '../testing/authoring-test-app.js';
import type { AuthoringTestApp } from '../testing/authoring-test-app.js';

const MODULE = '/api/modules/sleep-basics';
let t: AuthoringTestApp;

async function transition(who: string, number: number, body: Record<string, unknown>) {
  return t.call(who, 'POST', `${MODULE}/versions/${number}/transitions`, body);
}

/** Every action the table does not allow from `state` is refused with 409, naming the state. */
async function expectIllegalRefused(number: number, state: VersionState): Promise<void> {
  for (const action of WORKFLOW_ACTIONS) {
    if (TRANSITIONS[state][action] !== undefined) continue;
    const who = action === 'withdraw' ? 'designer' : 'publisher2';
    const response = await transition(who, number, { action, releaseNotes: 'x' });
    expect(response.status, `${action} from ${state}`).toBe(409);
    expect(response.body['detail']).toContain(`"${state}"`);
    expect(response.body['issues']).toEqual([expect.objectContaining({ code: 'workflow.illegal_transition', path: '/action' })]);
  }
}

function auditRows(): Array<{ action: string; actor_id: string; object_id: string; request_id: string; ip: string }> {
  return t.db.prepare("SELECT action, actor_id, object_id, request_id, ip FROM audit_log ORDER BY seq").all() as never;
}

function editTitle(text: string) {
  return (root: Y.Map<unknown>) => {
    const english = (root.get('title') as Y.Map<Y.Text>).get('en') as Y.Text;
    english.delete(0, english.length);
    english.insert(0, text);
  };
}

beforeEach(async () => {
  t = createAuthoringTestApp();
  const created = await t.call('designer', 'POST', '/api/modules', { organisationId: 'org-a', example: 'sleep-basics' });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect(created.body['issues']).toEqual([]);
});

describe('authoring: the full path of a module version', () => {
  it('submit → review → changes requested → resubmit → approve for test → release → retire, refusing every illegal step', async () => {
    const v1 = await t.call('designer', 'POST', `${MODULE}/versions`, { changeNote: 'First draft' });
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ number: 1, state: 'submitted', authoredBy: 'person-designer', contributors: ['person-designer'], allowedActions: ['start_review', 'withdraw'] });
    expect(v1.body['contentHash']).toMatch(/^[0-9a-f]{64}$/);
    await expectIllegalRefused(1, 'submitted');

    expect((await transition('publisher', 1, { action: 'start_review' })).body['state']).toBe('in_review');
    await expectIllegalRefused(1, 'in_review');
    const comment = await t.call('publisher', 'POST', `${MODULE}/comments`, { body: 'Warmer welcome, please', version: 1, anchor: 'welcome' });
    expect(comment.status).toBe(201);
    expect((await transition('publisher', 1, { action: 'request_changes', note: 'See comments' })).body['state']).toBe('changes_requested');
    await expectIllegalRefused(1, 'changes_requested');

    await t.editDraft('sleep-basics', 'designer2', editTitle('Better sleep'));
    const reply = await t.call('designer', 'POST', `${MODULE}/comments`, { body: 'Done', parentId: comment.body['id'] });
    expect(reply.body).toMatchObject({ versionNumber: 1, anchor: 'welcome' });
    expect((await t.call('designer', 'POST', `${MODULE}/comments/${comment.body['id'] as string}/resolve`)).body['resolvedBy']).toBe('person-designer');
    const threads = await t.call('tester', 'GET', `${MODULE}/comments?on=1`);
    expect(threads.body['threads']).toEqual([expect.objectContaining({ id: comment.body['id'], replies: [expect.objectContaining({ body: 'Done' })] })]);

    const diffToDraft = await t.call('publisher', 'GET', `${MODULE}/diff?from=1&to=draft`);
    expect(diffToDraft.body['suggestedClass']).toEqual({ level: 'minor', reasons: ['Document: en title reworded'] });
    expect(diffToDraft.body['changes']).toEqual([expect.objectContaining({ kind: 'changed', path: '/title/en', after: 'Better sleep' })]);

    const v2 = await t.call('designer', 'POST', `${MODULE}/versions`, { changeNote: 'Title reworded' });
    expect(v2.body).toMatchObject({ number: 2, state: 'submitted', contributors: ['person-designer2'] });
    expect(v2.body['contentHash']).not.toBe(v1.body['contentHash']);

    expect((await transition('publisher', 2, { action: 'start_review' })).status).toBe(200);
    expect((await transition('publisher', 2, { action: 'approve_for_test' })).body['state']).toBe('approved_for_test');
    await expectIllegalRefused(2, 'approved_for_test');
    const enrollment = await t.call('tester', 'POST', `${MODULE}/versions/2/test-enrollments`);
    expect(enrollment.body).toMatchObject({ versionNumber: 2, contentHash: v2.body['contentHash'], content: expect.objectContaining({ id: 'sleep-basics' }) });
    expect((await t.call('tester', 'GET', `/api/test-enrollments/${enrollment.body['id'] as string}`)).body['content']).toEqual(enrollment.body['content']);

    const missingNotes = await transition('publisher', 2, { action: 'release' });
    expect(missingNotes.status).toBe(statusOf('invalid'));
    expect(missingNotes.body['issues']).toEqual([expect.objectContaining({ path: '/releaseNotes' })]);
    const released = await transition('publisher', 2, { action: 'release', releaseNotes: 'Sleep basics, first release' });
    expect(released.body).toMatchObject({ state: 'released', release: { releaseClass: 'major', suggestedClass: 'major', releaseNotes: 'Sleep basics, first release', pins: [] } });
    await expectIllegalRefused(2, 'released');
    expect((await t.call('care-admin', 'GET', '/api/catalog')).body['entries']).toEqual([
      expect.objectContaining({ id: 'sleep-basics', currentVersion: 2, history: [expect.objectContaining({ number: 2, retired: false, contentHash: v2.body['contentHash'] })] }),
    ]);

    expect((await transition('publisher', 2, { action: 'retire', note: 'Superseded' })).body['state']).toBe('retired');
    await expectIllegalRefused(2, 'retired');
    const catalog = await t.call('care-admin', 'GET', '/api/catalog');
    expect(catalog.body['entries']).toEqual([expect.objectContaining({ currentVersion: null, history: [expect.objectContaining({ number: 2, retired: true })] })]);
    expect((await t.call('tester', 'POST', `${MODULE}/versions/2/test-enrollments`)).status).toBe(409);

    const history = await t.call('tester', 'GET', `${MODULE}/versions/2`);
    expect((history.body['history'] as Array<{ to: string }>).map((row) => row.to)).toEqual(['submitted', 'in_review', 'approved_for_test', 'released', 'retired']);

    expect(auditRows().map((row) => row.action)).toEqual([
      'module.create', 'version.submit', 'version.start_review', 'comment.add', 'version.request_changes', 'comment.add', 'comment.resolve',
      'version.submit', 'version.start_review', 'version.approve_for_test', 'test_enrollment.create', 'version.release', 'version.retire',
    ]);
    expect(auditRows()[1]).toEqual({ action: 'version.submit', actor_id: 'person-designer', object_id: 'sleep-basics@1', request_id: 'req-test', ip: '192.0.2.1' });
  });

  it('refuses a version identical to the last one while that is under way or released, and takes it back after changes were requested', async () => {
    expect((await t.call('designer', 'POST', `${MODULE}/versions`, { changeNote: 'First' })).status).toBe(201);
    const same = await t.call('designer', 'POST', `${MODULE}/versions`, { changeNote: 'Again' });
    expect(same.status).toBe(409);
    expect(same.body).toMatchObject({ detail: 'The draft is the same as version 1: change something before submitting a new version.', issues: [{ code: 'version.unchanged' }] });
    expect((await t.call('designer', 'GET', `${MODULE}/versions`)).body['versions']).toHaveLength(1);
    await transition('publisher', 1, { action: 'start_review' });
    await transition('publisher', 1, { action: 'request_changes', note: 'Shorter, please' });
    expect((await t.call('designer', 'POST', `${MODULE}/versions`, { changeNote: 'I think it is fine as it is' })).status).toBe(201);
    await t.editDraft('sleep-basics', 'designer', editTitle('Sleep, shorter'));
    expect((await t.call('designer', 'POST', `${MODULE}/versions`, { changeNote: 'Shorter title' })).status).toBe(201);
  });

  it('lets a designer withdraw a submitted version they authored, but not someone else\'s', async () => {
    await t.call('designer', 'POST', `${MODULE}/versions`, { changeNote: 'First' });
    const notTheirs = await transition('designer2', 1, { action: 'withdraw' });
    expect(notTheirs.status).toBe(403);
    expect((await transition('designer', 1, { action: 'withdraw' })).body['state']).toBe('withdrawn');
    await expectIllegalRefused(1, 'withdrawn');
  });
});

describe('authoring: the four-eyes rule', () => {
  it('refuses a publisher approving or releasing a version they authored', async () => {
    await t.editDraft('sleep-basics', 'designer2', editTitle('Mine'));
    await t.call('designer2', 'POST', `${MODULE}/versions`, { changeNote: 'By a designer who also publishes' });
    expect((await transition('designer2', 1, { action: 'start_review' })).status).toBe(200);
    const approve = await transition('designer2', 1, { action: 'approve_for_test' });
    expect(approve.status).toBe(403);
    expect(approve.body['detail']).toContain('authored');
    expect((await transition('publisher', 1, { action: 'approve_for_test' })).status).toBe(200);
    const release = await transition('designer2', 1, { action: 'release', releaseNotes: 'x' });
    expect(release.status).toBe(403);
    expect((await transition('publisher', 1, { action: 'release', releaseNotes: 'x' })).status).toBe(200);
  });

  it('refuses a publisher approving a version they contributed to', async () => {
    await t.editDraft('sleep-basics', 'designer2', editTitle('Co-edited'));
    await t.call('designer', 'POST', `${MODULE}/versions`, { changeNote: 'Co-edited' });
    await transition('publisher', 1, { action: 'start_review' });
    const approve = await transition('designer2', 1, { action: 'approve_for_test' });
    expect(approve.status).toBe(403);
    expect(approve.body['detail']).toContain('contributed');
  });
});

describe('authoring: invalid drafts and bodies', () => {
  it('refuses to submit an invalid draft, listing every issue with its path', async () => {
    await t.editDraft('sleep-basics', 'designer', (root) => {
      root.set('defaultLanguage', 'de');
      root.set('id', 'renamed');
    });
    const draft = await t.call('designer', 'GET', `${MODULE}/draft`);
    expect((draft.body['issues'] as unknown[]).length).toBeGreaterThan(0);
    const submitted = await t.call('designer', 'POST', `${MODULE}/versions`, { changeNote: 'Broken' });
    expect(submitted.status).toBe(statusOf('invalid'));
    expect(submitted.body).toMatchObject({ code: 'invalid' });
    const paths = (submitted.body['issues'] as Array<{ path: string }>).map((issue) => issue.path);
    expect(paths).toContain('/id');
    expect(paths).toEqual((draft.body['issues'] as Array<{ path: string }>).map((issue) => issue.path));
    expect((await t.call('designer', 'GET', `${MODULE}/versions`)).body).toEqual({ versions: [] });
    expect(auditRows().map((row) => row.action)).toEqual(['module.create']);
  });

  it('refuses bodies outside the schema with the field\'s path', async () => {
    const response = await t.call('designer', 'POST', `${MODULE}/versions`, { changeNote: '', extra: 1 });
    expect(response.status).toBe(statusOf('invalid'));
    expect((response.body['issues'] as Array<{ path: string }>).map((issue) => issue.path).sort()).toEqual(['/changeNote', '/extra']);
    const action = await transition('publisher', 1, { action: 'publish' });
    expect((action.body['issues'] as Array<{ path: string }>)[0]?.path).toBe('/action');
  });

  it('refuses a duplicate id and an upload that is not a module or program', async () => {
    expect((await t.call('designer', 'POST', '/api/modules', { organisationId: 'org-a', example: 'sleep-basics' })).status).toBe(409);
    const upload = await t.call('designer', 'POST', '/api/modules', { organisationId: 'org-a', document: { formatVersion: 1, id: 'x1' } });
    expect(upload.status).toBe(statusOf('invalid'));
    const tooNew = await t.call('designer', 'POST', '/api/modules', { organisationId: 'org-a', id: 'from-upload', document: { formatVersion: 99, id: 'x1', pages: [] } });
    expect(tooNew.body['issues']).toEqual([expect.objectContaining({ path: '/document/formatVersion' })]);
  });

  it('creates from an upload and from scratch, keeping draft issues', async () => {
    const scratch = await t.call('designer', 'POST', '/api/modules', { id: 'blank-page', title: 'Blank', language: 'en' });
    expect(scratch.status).toBe(201);
    expect(scratch.body['content']).toMatchObject({ id: 'blank-page', title: { en: 'Blank' } });
    const upload = await t.call('designer', 'POST', '/api/modules', { id: 'uploaded', document: { formatVersion: 1, id: 'ignored', title: { en: 'Up' }, languages: ['en'], defaultLanguage: 'en', pages: [{ id: 'p', title: { en: 'P' }, blocks: [] }] } });
    expect(upload.status).toBe(201);
    expect(upload.body['content']).toMatchObject({ id: 'uploaded' });
    const list = await t.call('tester', 'GET', '/api/modules');
    expect((list.body['modules'] as Array<{ id: string }>).map((entry) => entry.id)).toEqual(['blank-page', 'sleep-basics', 'uploaded']);
  });
});

describe('authoring: programs', () => {
  it('releases a program only when every module it schedules is released, and pins their versions', async () => {
    expect((await t.call('designer', 'POST', '/api/modules', { organisationId: 'org-a', kind: 'program', example: 'sleep-program' })).status).toBe(201);
    const program = '/api/modules/sleep-program';
    const unknownModule = await t.call('designer', 'POST', `${program}/versions`, { changeNote: 'Program' });
    expect(unknownModule.status).toBe(statusOf('invalid'));
    expect(unknownModule.body['issues']).toContainEqual(expect.objectContaining({ code: 'program.unknown_module', path: '/modules/0/module' }));

    await t.call('designer', 'POST', `${MODULE}/versions`, { changeNote: 'Module' });
    const submitted = await t.call('designer', 'POST', `${program}/versions`, { changeNote: 'Program' });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    await t.call('publisher', 'POST', `${program}/versions/1/transitions`, { action: 'start_review' });
    await t.call('publisher', 'POST', `${program}/versions/1/transitions`, { action: 'approve_for_test' });
    const early = await t.call('publisher', 'POST', `${program}/versions/1/transitions`, { action: 'release', releaseNotes: 'Program' });
    expect(early.status).toBe(statusOf('invalid'));
    expect(early.body['detail']).toContain('sleep-basics');
    expect(early.body['issues']).toContainEqual(expect.objectContaining({ code: 'release.module_not_released', path: '/modules/0/module/moduleId' }));
    expect(early.body['issues']).toContainEqual(expect.objectContaining({ code: 'release.module_not_released', path: '/modules/1/module/moduleId' }));

    for (const action of ['start_review', 'approve_for_test']) await transition('publisher', 1, { action });
    await transition('publisher', 1, { action: 'release', releaseNotes: 'Module' });
    const released = await t.call('publisher', 'POST', `${program}/versions/1/transitions`, { action: 'release', releaseNotes: 'Program', releaseClass: 'minor' });
    expect(released.status).toBe(200);
    expect(released.body['release']).toMatchObject({ pins: [{ moduleId: 'sleep-basics', version: 1 }], releaseClass: 'minor', suggestedClass: 'major' });
  });
});

describe('authoring: content hashes', () => {
  it('stores the canonical JSON whose SHA-256 is the version\'s hash', async () => {
    const v1 = await t.call('designer', 'POST', `${MODULE}/versions`, { changeNote: 'First' });
    const row = t.db.prepare("SELECT content, content_hash FROM versions WHERE module_id = 'sleep-basics'").get() as { content: string; content_hash: string };
    expect(row.content_hash).toBe(v1.body['contentHash']);
    expect(row.content).toBe(canonicalJson(JSON.parse(row.content)));
    expect(contentHash(JSON.parse(row.content))).toBe(row.content_hash);
  });
});
