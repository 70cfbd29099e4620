// A module may use only its own organisation's media library: naming another organisation's file
// is refused when the draft is validated and submitted, and a version submitted before that rule
// cannot be released (deploying such a version is refused in media.test.ts). Two publishing
// organisations: org-a and org-b ("other-publisher" is org-b's designer and publisher).
import { beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from '@careloom/format/engine';
import { validModule } from '@careloom/format/testing';
import type { Module } from '@careloom/format';
import { createSqliteAuthoringStore } from '../storage/sqlite/authoring-store.js';
import { createAuthoringTestApp, type AuthoringTestApp } from '../testing/authoring-test-app.js';
import { mediaReferences } from '../domain/media/media-references.js';

const SHA = 'ab'.repeat(32);
const ORG_A_FILE = `/api/media/org-a/${SHA}.png`;
const ORG_B_FILE = `/api/media/org-b/${'cd'.repeat(32)}.png`;
let t: AuthoringTestApp;

/** The fixture module under a new id, with a picture on its first page pointing at `src`. */
function moduleWithPicture(id: string, src: string): Module {
  const module = validModule();
  module.id = id;
  module.pages[0]!.blocks.push({ type: 'image', id: 'calm-picture', src, alt: { sv: 'En lugn strand', en: 'A calm beach' } });
  return module;
}

interface Problem {
  status: number;
  body: Record<string, unknown>;
}
const issuesOf = (response: Problem) => (response.body['issues'] ?? []) as Array<{ code: string; path: string; message: string; params?: Record<string, unknown> }>;

beforeEach(() => {
  t = createAuthoringTestApp();
  t.db.prepare("INSERT OR IGNORE INTO organisations (id, slug, name, kind, created_at) VALUES ('org-b', 'org-b', 'Publisher B', 'publisher', 'x')").run();
});

describe('a module naming another organisation\'s media file', () => {
  it('is shown as a problem in the draft and refused on submit, naming the block; its own library\'s file is accepted', async () => {
    expect((await t.call('other-publisher', 'POST', '/api/modules', { organisationId: 'org-b', document: moduleWithPicture('b-sleep', ORG_A_FILE) })).status).toBe(201);
    const draft = await t.call('other-publisher', 'GET', '/api/modules/b-sleep/draft');
    expect(draft.status).toBe(200);
    const shown = issuesOf(draft).filter((issue) => issue.code === 'media.other_organisation');
    expect(shown).toEqual([expect.objectContaining({ path: '/pages/0/blocks/6/src', params: { library: 'org-a', blockId: 'calm-picture', blockType: 'image' } })]);
    expect(shown[0]!.message).toContain('Block "calm-picture" (image)');

    const submitted = await t.call('other-publisher', 'POST', '/api/modules/b-sleep/versions', { changeNote: 'First' });
    expect(submitted.status).toBe(422);
    expect(issuesOf(submitted).map((issue) => [issue.code, issue.path])).toEqual([['media.other_organisation', '/pages/0/blocks/6/src']]);
    expect(issuesOf(submitted)[0]!.message).toContain('Block "calm-picture" (image) points at a file in another organisation\'s media library ("org-a")');
    expect((await t.call('other-publisher', 'GET', '/api/modules/b-sleep/versions')).body['versions']).toEqual([]);

    // The same module pointing at org-b's own library is submitted.
    expect((await t.call('other-publisher', 'POST', '/api/modules', { organisationId: 'org-b', document: moduleWithPicture('b-sleep-own', ORG_B_FILE) })).status).toBe(201);
    expect((await t.call('other-publisher', 'POST', '/api/modules/b-sleep-own/versions', { changeNote: 'First' })).status).toBe(201);
  });

  it('is found in captions, absolute URLs and rich text too, under its URL-encoded library name', () => {
    const found = mediaReferences({
      pages: [{ id: 'p', blocks: [
        { type: 'audio', id: 'pacer', src: `https://care.example${ORG_A_FILE}`, captions: [{ language: 'en', src: `/api/media/org%2Da/${SHA}.vtt` }] },
        { type: 'text', id: 'note', content: { en: { type: 'doc', content: [{ type: 'text', text: 'see', marks: [{ type: 'link', attrs: { href: ORG_B_FILE } }] }] } } },
      ] }],
    });
    expect(found.map((reference) => [reference.organisationId, reference.extension, reference.block?.id, reference.path])).toEqual([
      ['org-a', 'png', 'pacer', '/pages/0/blocks/0/src'],
      ['org-a', 'vtt', 'pacer', '/pages/0/blocks/0/captions/0/src'],
      ['org-b', 'png', 'note', '/pages/0/blocks/1/content/en/content/0/marks/0/attrs/href'],
    ]);
  });

  it('submitted before the rule: cannot be released (422 naming the block), by anyone', async () => {
    // A version stored as one was before submitting checked media (written straight to the store).
    expect((await t.call('other-publisher', 'POST', '/api/modules', { organisationId: 'org-b', document: moduleWithPicture('b-old', ORG_B_FILE) })).status).toBe(201);
    const content = moduleWithPicture('b-old', ORG_A_FILE);
    const store = createSqliteAuthoringStore(t.db);
    const at = '2026-02-01T00:00:00.000Z';
    const entry = (action: string) => ({ id: `audit-${action}`, at, actorId: 'person-someone', actorRole: null, action, objectType: 'module', objectId: 'b-old', organisationId: 'org-b', unitId: null, patientId: null, requestId: null, ip: null, details: {} });
    t.db.prepare("INSERT OR IGNORE INTO people (id, email, name, password_hash, created_at) VALUES ('person-someone', 'someone@example.org', 'Someone', 'x', 'x')").run();
    await store.appendVersion({ version: { documentId: 'b-old', canonical: canonicalJson(content), contentHash: contentHash(content), changeNote: 'Old', authoredBy: 'person-someone', contributors: ['person-someone'], draftSeq: 0, title: 'Sömn', at }, audit: () => entry('version.submit') });
    const transition = (action: string, extra: Record<string, unknown> = {}) => t.call('other-publisher', 'POST', '/api/modules/b-old/versions/1/transitions', { action, ...extra });
    expect((await transition('start_review')).status).toBe(200);
    expect((await transition('approve_for_test')).status).toBe(200);
    const release = await transition('release', { releaseNotes: 'First release' });
    expect(release.status).toBe(422);
    expect(issuesOf(release)).toEqual([expect.objectContaining({ code: 'media.other_organisation', path: '/pages/0/blocks/6/src', message: expect.stringContaining('Block "calm-picture" (image)') as unknown })]);
    const version = await t.call('other-publisher', 'GET', '/api/modules/b-old/versions/1');
    expect(version.body['state']).toBe('approved_for_test');
    // Another organisation's publisher is not told anything about it.
    expect((await t.call('publisher', 'POST', '/api/modules/b-old/versions/1/transitions', { action: 'release', releaseNotes: 'x' })).status).toBe(404);
  });
});
