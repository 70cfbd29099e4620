// The media library over HTTP: who may upload, list, delete and read (every route × every role,
// and reading through a module version a person may see), sizes and types decided by the server,
// byte ranges and caching, content addressing, and the audit trail.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canonicalJson, contentHash } from '@careloom/format/engine';
import { findBlockMap } from '@careloom/format/ydoc';
import { validateModule } from '@careloom/format/validate';
import { DomainError } from '../domain/errors.js';
import { yDocDraftCodec } from '../domain/authoring/ydoc-draft-codec.js';
import { createMediaService } from '../domain/media/media-service.js';
import type { MediaStore } from '../domain/media/media-store.js';
import type { Membership, Principal } from '../domain/principal.js';
import type { AppEnv } from '../http/app-env.js';
import { problemResponse } from '../http/problem.js';
import { openMediaFiles } from '../storage/media-files.js';
import { createCareTestApp, type CareTestApp } from '../testing/care-test-app.js';
import { expectStatus } from '../testing/care-scenario.js';
import { checkResponseContract } from '../testing/response-contract.js';
import { mediaRoutes } from './media.js';

const LIMIT = 64 * 1024;
const PEOPLE: Record<string, Membership[]> = {
  designer: [{ organisationId: 'org-a', role: 'designer' }],
  publisher: [{ organisationId: 'org-a', role: 'publisher' }],
  tester: [{ organisationId: 'org-a', role: 'tester' }],
  'designer-b': [{ organisationId: 'org-b', role: 'designer' }],
  'care-admin': [{ organisationId: 'care-1', role: 'care_provider_admin' }],
  therapist: [{ organisationId: 'care-1', role: 'therapist', unitId: 'unit-1' }],
  'other-therapist': [{ organisationId: 'care-1', role: 'therapist', unitId: 'unit-2' }],
  patient: [{ organisationId: 'care-1', role: 'patient', unitId: 'unit-1' }],
  'other-patient': [{ organisationId: 'care-1', role: 'patient', unitId: 'unit-1' }],
};
const ROLES = ['anonymous', ...Object.keys(PEOPLE)];

/** A few MPEG-1 layer III frames: what file-type reads as MP3. */
function mp3(seed = 0): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(417 * 8);
  for (let frame = 0; frame < 8; frame += 1) bytes.set([0xff, 0xfb, 0x90, 0xc4], frame * 417);
  bytes[100] = seed;
  return bytes;
}
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0]);
const VTT = new TextEncoder().encode('WEBVTT\n\n00:00.000 --> 00:04.000\nAndas in… två, tre, fyra\n');
const SVG = new TextEncoder().encode('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

let t: CareTestApp;
let app: Hono<AppEnv>;
let mediaDir: string;

function principal(name: string): Principal {
  return { personId: `person-${name}`, name, email: `${name}@example.org`, memberships: PEOPLE[name]!, sessionId: `session-${name}` };
}

async function call(who: string | undefined, method: string, path: string, options: { body?: BodyInit; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers, ...(who && who !== 'anonymous' ? { 'x-test-principal': who } : {}) };
  const init: RequestInit & { duplex?: 'half' } = { method, headers, ...(options.body ? { body: options.body, duplex: 'half' } : {}) };
  const response = await app.request(path, init);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const type = response.headers.get('content-type');
  const json = type !== null && /json/.test(type) && bytes.length > 0 ? (JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>) : {};
  checkResponseContract(method, path, response.status, type, json);
  return { status: response.status, body: json, bytes, headers: response.headers };
}

const upload = (who: string, bytes: Uint8Array<ArrayBuffer>, name = 'file.bin', organisation = 'org-a', headers: Record<string, string> = {}) =>
  call(who, 'POST', `/api/media/${organisation}?name=${encodeURIComponent(name)}`, { body: bytes, headers: { 'content-length': String(bytes.byteLength), ...headers } });

const urlOf = (response: { body: Record<string, unknown> }) => (response.body['media'] as { url: string }).url;

function audit(action: string): Array<{ actor_id: string; organisation_id: string; object_id: string; details: string }> {
  return t.db.prepare('SELECT actor_id, organisation_id, object_id, details FROM audit_log WHERE action = ? ORDER BY seq').all(action) as never;
}

/**
 * Submits (and optionally releases) a module of org-a (or another organisation) whose audio block
 * names these library files. Written straight to the store, as a version submitted before
 * submitting refused another library's files would be.
 */
function moduleDocument(id: string, audioUrl: string, captionsUrl: string, title = 'Breathing') {
  const paragraph = (words: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }] });
  return {
    formatVersion: 1, id, title: { en: title }, languages: ['en'], defaultLanguage: 'en',
    pages: [{ id: 'p1', title: { en: 'Listen' }, blocks: [{ type: 'audio', id: 'pacer', src: audioUrl, alt: { en: 'A breathing pacer' }, captions: [{ language: 'en', src: captionsUrl }], transcript: { en: paragraph('Breathe in, breathe out.') } }] }],
  };
}

/**
 * A module of org-a with no version, whose live draft (a real Yjs update, as the designer's editor
 * stores it) names these files. Answers a function that points the draft's audio block elsewhere.
 */
async function draftNaming(id: string, title: string, audioUrl: string, captionsUrl: string): Promise<(audio: string) => Promise<void>> {
  const at = '2026-02-01T00:00:00.000Z';
  const first = yDocDraftCodec.encode('module', moduleDocument(id, audioUrl, captionsUrl, title));
  const entry = { id: `audit-create-${id}`, at, actorId: 'person-designer', actorRole: null, action: 'document.create', objectType: 'module', objectId: id, organisationId: 'org-a', unitId: null, patientId: null, requestId: null, ip: null, details: {} };
  await t.stores.authoring.createDocument({ document: { id, organisationId: 'org-a', kind: 'module', title, createdBy: 'person-designer', createdAt: at, updatedAt: at, releasedVersion: null }, draftUpdate: first, audit: entry });
  return async (audio) => {
    const doc = new Y.Doc();
    for (const update of (await t.stores.drafts.loadUpdates(id)).updates) Y.applyUpdate(doc, update);
    const before = Y.encodeStateVector(doc);
    findBlockMap(doc, 'pacer')!.set('src', audio);
    await t.stores.drafts.appendUpdate(id, Y.encodeStateAsUpdate(doc, before), 'person-designer');
  };
}

async function moduleNaming(id: string, audioUrl: string, captionsUrl: string, release: boolean, organisationId = 'org-a'): Promise<void> {
  const document = moduleDocument(id, audioUrl, captionsUrl);
  const result = validateModule(document);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const at = '2026-02-01T00:00:00.000Z';
  const entry = (action: string) => ({ id: `audit-${action}-${id}`, at, actorId: 'person-designer', actorRole: null, action, objectType: 'module', objectId: id, organisationId, unitId: null, patientId: null, requestId: null, ip: null, details: {} });
  const store = t.stores.authoring;
  await store.createDocument({ document: { id, organisationId, kind: 'module', title: 'Breathing', createdBy: 'person-designer', createdAt: at, updatedAt: at, releasedVersion: null }, draftUpdate: new Uint8Array([0, 0]), audit: entry('document.create') });
  const version = await store.appendVersion({ version: { documentId: id, canonical: canonicalJson(result.value), contentHash: contentHash(result.value), changeNote: 'First', authoredBy: 'person-designer', contributors: ['person-designer'], draftSeq: 0, title: 'Breathing', at }, audit: () => entry('version.submit') });
  if (!release) return;
  const change = (action: 'start_review' | 'approve_for_test' | 'release', expectedState: 'submitted' | 'in_review' | 'approved_for_test', to: 'in_review' | 'approved_for_test' | 'released') => ({ documentId: id, number: version.number, expectedState, action, to, actorId: 'person-publisher', at, note: null });
  await store.transitionVersion({ change: change('start_review', 'submitted', 'in_review'), audit: entry('version.start_review') });
  await store.transitionVersion({ change: change('approve_for_test', 'in_review', 'approved_for_test'), audit: entry('version.approve_for_test') });
  await store.releaseVersion({ change: change('release', 'approved_for_test', 'released'), release: { releasedAt: at, releasedBy: 'person-publisher', releaseClass: 'major', suggestedClass: 'major', releaseNotes: 'First', pins: [] }, audit: entry('version.release') });
}

beforeAll(async () => {
  t = await createCareTestApp();
  t.db.prepare("INSERT INTO organisations (id, slug, name, kind, created_at) VALUES ('org-b', 'org-b', 'Publisher B', 'publisher', 'x')").run();
  for (const name of ['designer-b', 'tester']) t.db.prepare('INSERT INTO people (id, email, name, password_hash, created_at, password_chosen_at) VALUES (?, ?, ?, ?, ?, ?)').run(`person-${name}`, `${name}@example.org`, name, 'x', 'x', 'x');
  mediaDir = mkdtempSync(join(tmpdir(), 'careloom-media-test-'));
  const media = createMediaService({ store: t.stores.media, drafts: t.stores.drafts, codec: yDocDraftCodec, bodies: openMediaFiles(mediaDir), care: t.stores.care, maxBytes: LIMIT, now: () => t.clock.now() });
  app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('requestId', 'req-media');
    const who = c.req.header('x-test-principal');
    if (who) c.set('principal', principal(who));
    await next();
  });
  app.route('/', mediaRoutes({ media, clientIp: () => '192.0.2.9' }));
  app.onError((error, c) => {
    if (error instanceof DomainError) return problemResponse(c, error);
    throw error;
  });
});

afterAll(() => rmSync(mediaDir, { recursive: true, force: true }));

/** The bodies on disk (content-addressed), temporary files left out. */
const bodiesOnDisk = () => readdirSync(mediaDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && !entry.parentPath.endsWith('incoming')).map((entry) => entry.name);

describe('the media routes: every route × every role', () => {
  const statuses = (overrides: Record<string, number>, others: number) => Object.fromEntries(ROLES.map((role) => [role, overrides[role] ?? others]));
  it('list: the organisation\'s designers, publishers and testers; members of no part of it get 404', async () => {
    const expected = statuses({ anonymous: 401, designer: 200, publisher: 200, tester: 200 }, 404);
    for (const role of ROLES) expect((await call(role, 'GET', '/api/media/org-a')).status, role).toBe(expected[role]);
  });

  it('upload: the organisation\'s designers only (its publishers and testers 403, everyone else 404), before a byte is kept', async () => {
    const expected = statuses({ anonymous: 401, designer: 201, publisher: 403, tester: 403 }, 404);
    for (const role of ROLES) {
      const response = await upload(role, mp3(ROLES.indexOf(role) + 1), `${role}.mp3`);
      expect(response.status, role).toBe(expected[role]);
      if (response.status >= 400) expect(response.body).toMatchObject({ status: response.status });
    }
    expect(audit('media.upload').map((row) => row.actor_id)).toEqual(['person-designer']);
  });

  it('delete: the organisation\'s designers only', async () => {
    const expected = statuses({ anonymous: 401, designer: 204, publisher: 403, tester: 403 }, 404);
    for (const role of ROLES) {
      const url = urlOf({ body: expectStatus(await upload('designer', mp3(50 + ROLES.indexOf(role)), 'to-delete.mp3'), 201) });
      expect((await call(role, 'DELETE', url)).status, role).toBe(expected[role]);
    }
  });
});

describe('uploading', () => {
  it('stores a file once, answers the same file again with 200 and the stored entry, and names it by its hash', async () => {
    const first = await upload('designer', PNG, 'Lungs diagram.png');
    expect(first.status).toBe(201);
    const media = first.body['media'] as { sha256: string; url: string; kind: string; mediaType: string; name: string; sizeBytes: number };
    expect(media).toMatchObject({ kind: 'image', mediaType: 'image/png', name: 'Lungs diagram.png', sizeBytes: PNG.byteLength });
    expect(media.url).toBe(`/api/media/org-a/${media.sha256}.png`);
    expect(first.headers.get('location')).toBe(media.url);
    const again = await upload('designer', PNG, 'copy.png');
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ media: { ...media }, created: false });
    // Another library may hold the same file: one body on disk, two entries.
    expect((await upload('designer-b', PNG, 'b.png', 'org-b')).status).toBe(201);
    expect(bodiesOnDisk().filter((name) => name === media.sha256)).toHaveLength(1);
    const rows = audit('media.upload').filter((row) => row.object_id === media.sha256);
    expect(rows.map((row) => [row.organisation_id, JSON.parse(row.details).created])).toEqual([['org-a', true], ['org-a', false], ['org-b', true]]);
    expect(rows.map((row) => row.details).join()).not.toContain('Lungs');
  });

  it('reads the type from the bytes: a PNG called .mp3 and declared audio is an image, an SVG or a text called .mp3 is refused (415)', async () => {
    const png = await upload('designer', Uint8Array.from([...PNG, 1]), 'song.mp3', 'org-a', { 'content-type': 'audio/mpeg' });
    expect(png.body['media']).toMatchObject({ kind: 'image', mediaType: 'image/png' });
    const svg = await upload('designer', SVG, 'picture.png', 'org-a', { 'content-type': 'image/png' });
    expect(svg.status).toBe(415);
    expect(svg.body['detail']).toMatch(/SVG/);
    const text = await upload('designer', new TextEncoder().encode('not really a song'), 'song.mp3');
    expect(text.status).toBe(415);
    expect(text.body['detail']).toMatch(/WebVTT/);
    expect((await upload('designer', new Uint8Array(0), 'empty.mp3')).status).toBe(400);
  });

  it('takes WebVTT captions as text/vtt only when the whole file is UTF-8', async () => {
    const vtt = await upload('designer', VTT, 'breathing.en.vtt');
    expect(vtt.body['media']).toMatchObject({ kind: 'captions', mediaType: 'text/vtt; charset=utf-8' });
    expect(urlOf(vtt)).toMatch(/\.vtt$/);
    const latin1 = await upload('designer', Uint8Array.from([...new TextEncoder().encode('WEBVTT\n\n00:00.000 --> 00:01.000\nH'), 0xe4, 0x6c, 0x6c, 0x6f, 0x0a]), 'latin1.vtt');
    expect(latin1.status).toBe(415);
    expect(latin1.body['detail']).toMatch(/UTF-8/);
  });

  it('refuses a file over the limit with 413 naming the limit, whether its length is declared or only found while streaming, and keeps nothing', async () => {
    const before = bodiesOnDisk().length;
    const big = new Uint8Array(LIMIT + 1);
    big.set(PNG);
    const declared = await upload('designer', big, 'big.png');
    expect(declared.status).toBe(413);
    expect(declared.body).toMatchObject({ code: 'payload_too_large', limitBytes: LIMIT });
    expect(declared.body['detail']).toContain(String(LIMIT));
    const chunks = [PNG, new Uint8Array(LIMIT)];
    const streamed = await call('designer', 'POST', '/api/media/org-a?name=stream.png', {
      body: new ReadableStream<Uint8Array>({ pull(controller) { const next = chunks.shift(); if (next) controller.enqueue(next); else controller.close(); } }),
    });
    expect(streamed.status).toBe(413);
    expect(streamed.body).toMatchObject({ limitBytes: LIMIT });
    expect(bodiesOnDisk().length).toBe(before);
    expect(readdirSync(join(mediaDir, 'incoming'))).toEqual([]);
  });
});

describe('reading a file', () => {
  let url: string;
  let size: number;
  beforeAll(async () => {
    const response = await upload('designer', mp3(200), 'pacer.mp3');
    url = urlOf(response);
    size = (response.body['media'] as { sizeBytes: number }).sizeBytes;
  });

  it('serves the whole file with its type, a strong ETag and a year of private, immutable caching', async () => {
    const response = await call('designer', 'GET', url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    expect(response.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(response.headers.get('etag')).toBe(`"${url.split('/').pop()!.split('.')[0]}"`);
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.bytes).toEqual(mp3(200));
    const notModified = await call('designer', 'GET', url, { headers: { 'if-none-match': response.headers.get('etag')! } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe(response.headers.get('etag'));
    expect((await call('designer', 'GET', url, { headers: { 'if-none-match': `"other", W/${response.headers.get('etag')!}` } })).status).toBe(304);
    const head = await call('designer', 'HEAD', url);
    expect([head.status, head.headers.get('content-length'), head.bytes.length]).toEqual([200, String(size), 0]);
  });

  it('answers byte ranges with 206, a range past the end with 416, and the whole file when If-Range names another version', async () => {
    const part = await call('designer', 'GET', url, { headers: { range: 'bytes=417-833' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 417-833/${size}`);
    expect(part.bytes).toEqual(mp3(200).slice(417, 834));
    const tail = await call('designer', 'GET', url, { headers: { range: 'bytes=-10' } });
    expect([tail.status, tail.bytes.length]).toEqual([206, 10]);
    const beyond = await call('designer', 'GET', url, { headers: { range: `bytes=${size}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${size}`);
    expect(beyond.body).toMatchObject({ status: 416, code: 'range_not_satisfiable' });
    const etag = part.headers.get('etag')!;
    expect((await call('designer', 'GET', url, { headers: { range: 'bytes=0-9', 'if-range': etag } })).status).toBe(206);
    const stale = await call('designer', 'GET', url, { headers: { range: 'bytes=0-9', 'if-range': '"something-else"' } });
    expect([stale.status, stale.bytes.length]).toEqual([200, size]);
  });

  it('is not found under another extension, another organisation, or a made-up hash', async () => {
    expect((await call('designer', 'GET', url.replace(/\.mp3$/, '.png'))).status).toBe(404);
    expect((await call('designer-b', 'GET', url)).status).toBe(404);
    expect((await call('designer-b', 'GET', url.replace('/org-a/', '/org-b/'))).status).toBe(404);
    expect((await call('designer', 'GET', `/api/media/org-a/${'0'.repeat(64)}.mp3`)).status).toBe(404);
    expect((await call('designer', 'GET', '/api/media/org-a/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
  });
});

describe('reading through a module: whoever may see a module that names the file', () => {
  let audio: string;
  let captions: string;
  const readers = async () => Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, (await call(role, 'GET', audio)).status] as const)));

  beforeAll(async () => {
    audio = urlOf(await upload('designer', mp3(201), 'module-pacer.mp3'));
    captions = urlOf(await upload('designer', Uint8Array.from([...VTT, 0x0a]), 'module-pacer.en.vtt'));
  });

  it('before any version names it: the organisation\'s designers, publishers and testers only', async () => {
    expect(await readers()).toEqual({ anonymous: 401, designer: 200, publisher: 200, tester: 200, 'designer-b': 404, 'care-admin': 404, therapist: 404, 'other-therapist': 404, patient: 404, 'other-patient': 404 });
  });

  it('a submitted version naming it cannot lose it: deleting is refused while it stays in use', async () => {
    await moduleNaming('breathing-draft', audio, captions, false);
    const refused = await call('designer', 'DELETE', audio);
    expect(refused.status).toBe(409);
    expect(refused.body['detail']).toContain('version 1 of "Breathing" (block "pacer")');
    // The library list says where each file is used: module, version, state and the blocks.
    const listed = (await call('publisher', 'GET', '/api/media/org-a')).body['media'] as Array<{ url: string; uses: unknown[] }>;
    const uses = [{ moduleId: 'breathing-draft', title: 'Breathing', version: 1, state: 'submitted', blocks: ['pacer'] }];
    expect(listed.find((entry) => entry.url === audio)?.uses).toEqual(uses);
    expect(listed.find((entry) => entry.url === captions)?.uses).toEqual(uses);
    expect(listed.filter((entry) => entry.url !== audio && entry.url !== captions).every((entry) => entry.uses.length === 0)).toBe(true);
    expect((await call('designer', 'GET', audio)).status).toBe(200);
    // Submitted but not released: still no one outside the organisation.
    expect((await readers())['care-admin']).toBe(404);
  });

  it('released: care-provider admins (the catalog); deployed to a unit: its therapists; enrolled: that patient', async () => {
    const released = urlOf(await upload('designer', mp3(202), 'released.mp3'));
    audio = released;
    await moduleNaming('breathing', released, captions, true);
    expect(await readers()).toMatchObject({ 'care-admin': 200, therapist: 404, patient: 404 });
    const deployment = expectStatus(await t.call('care-admin', 'POST', '/api/care/units/unit-1/deployments', { documentId: 'breathing', version: 1 }), 201)['id'] as string;
    expect(await readers()).toMatchObject({ therapist: 200, 'other-therapist': 404, patient: 404, 'other-patient': 404 });
    const created = expectStatus(await t.call('therapist', 'POST', '/api/care/units/unit-1/enrollments', { deploymentId: deployment, patient: { name: 'patient', email: 'patient@example.org' } }), 201) as { invitation: { code: string } };
    // Invited but not yet accepted: not the patient's to see.
    expect((await readers())['patient']).toBe(404);
    expectStatus(await t.call('patient', 'POST', '/api/me/invitations/accept', { code: created.invitation.code }), 200);
    expect(await readers()).toEqual({ anonymous: 401, designer: 200, publisher: 200, tester: 200, 'designer-b': 404, 'care-admin': 200, therapist: 200, 'other-therapist': 404, patient: 200, 'other-patient': 404 });
    // The captions file is named by the same versions, so the same people read it.
    expect((await call('patient', 'GET', captions)).status).toBe(200);
    expect((await call('other-patient', 'GET', captions)).status).toBe(404);
  });
});

describe('another organisation\'s files and unrelated units', () => {
  const readers = async (url: string) => Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, (await call(role, 'GET', url)).status] as const)));

  it('a released module of org-b naming org-a\'s files is not deployed (409 naming the block), and gives no one outside org-a those files', async () => {
    const audio = urlOf(await upload('designer', mp3(210), 'org-a-only.mp3'));
    const captions = urlOf(await upload('designer', Uint8Array.from([...VTT, 0x0a, 0x0a]), 'org-a-only.vtt'));
    await moduleNaming('b-borrowed', audio, captions, true, 'org-b');
    const refused = await t.call('care-admin', 'POST', '/api/care/units/unit-1/deployments', { documentId: 'b-borrowed', version: 1 });
    expect(refused.status).toBe(409);
    const issues = refused.body['issues'] as Array<{ code: string; path: string; message: string }>;
    // The recording and its caption track, each named by its block and module.
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([['media.other_organisation', '/documentId'], ['media.other_organisation', '/documentId']]);
    for (const issue of issues) expect(issue.message).toContain('Block "pacer" (audio) of module "b-borrowed" points at a file in another organisation\'s media library ("org-a")');
    expect((await t.call('care-admin', 'GET', '/api/care/units/unit-1/deployments')).body['deployments']).not.toContainEqual(expect.objectContaining({ documentId: 'b-borrowed' }));
    // Released in org-b's catalog, but the file is org-a's: only org-a's authoring roles read it.
    const onlyOrgA = { anonymous: 401, designer: 200, publisher: 200, tester: 200, 'designer-b': 404, 'care-admin': 404, therapist: 404, 'other-therapist': 404, patient: 404, 'other-patient': 404 };
    expect(await readers(audio)).toEqual(onlyOrgA);
    expect(await readers(captions)).toEqual(onlyOrgA);
  });

  it('a patient reads the files of the versions they are enrolled on, not those deployed to another unit', async () => {
    const calm = urlOf(await upload('designer', mp3(211), 'calm.mp3'));
    const calmCaptions = urlOf(await upload('designer', Uint8Array.from([...VTT, 0x0a, 0x0a, 0x0a]), 'calm.vtt'));
    await moduleNaming('calm-unit-2', calm, calmCaptions, true);
    const deployment = expectStatus(await t.call('care-admin', 'POST', '/api/care/units/unit-2/deployments', { documentId: 'calm-unit-2', version: 1 }), 201)['id'] as string;
    const created = expectStatus(await t.call('other-therapist', 'POST', '/api/care/units/unit-2/enrollments', { deploymentId: deployment, patient: { name: 'other-patient', email: 'other-patient@example.org' } }), 201) as { invitation: { code: string } };
    expectStatus(await t.call('other-patient', 'POST', '/api/me/invitations/accept', { code: created.invitation.code }), 200);
    // Unit two's therapist and patient read it; unit one's therapist and patient (enrolled on another module) do not; org-b's designer never.
    expect(await readers(calm)).toEqual({ anonymous: 401, designer: 200, publisher: 200, tester: 200, 'designer-b': 404, 'care-admin': 200, therapist: 404, 'other-therapist': 200, patient: 404, 'other-patient': 200 });
  });
});

describe('a file only a draft names', () => {
  it('is listed with the draft that uses it, and removing it is refused (409 naming the draft) until the draft no longer names it', async () => {
    const audio = urlOf(await upload('designer', mp3(230), 'draft-pacer.mp3'));
    const captions = urlOf(await upload('designer', Uint8Array.from([...VTT, 0x0a, 0x0a]), 'draft-pacer.en.vtt'));
    const other = urlOf(await upload('designer', mp3(231), 'other-pacer.mp3'));
    const repoint = await draftNaming('calm-breathing', 'Calm breathing', audio, captions);

    const listed = (await call('tester', 'GET', '/api/media/org-a')).body['media'] as Array<{ url: string; uses: unknown[] }>;
    const draftUse = [{ moduleId: 'calm-breathing', title: 'Calm breathing', state: 'draft', blocks: ['pacer'] }];
    expect(listed.find((entry) => entry.url === audio)?.uses).toEqual(draftUse);
    expect(listed.find((entry) => entry.url === captions)?.uses).toEqual(draftUse);
    expect(listed.find((entry) => entry.url === other)?.uses).toEqual([]);

    // Every role: the designer is refused because of the draft, the others as for any removal.
    const expected = { anonymous: 401, designer: 409, publisher: 403, tester: 403, 'designer-b': 404, 'care-admin': 404, therapist: 404, 'other-therapist': 404, patient: 404, 'other-patient': 404 };
    const answers: Record<string, number> = {};
    for (const role of ROLES) answers[role] = (await call(role, 'DELETE', audio)).status;
    expect(answers).toEqual(expected);
    const refused = await call('designer', 'DELETE', audio);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 409, code: 'conflict' });
    expect(refused.body['detail']).toBe('The file is used by the draft of "Calm breathing" (block "pacer"). Choose another file in the draft, or remove the block, first; then the file can be removed.');
    expect(refused.body['issues']).toEqual([{ code: 'media.in_use_by_draft', path: '', message: 'Used by the draft of "Calm breathing" (block "pacer").' }]);
    expect((await call('designer', 'GET', audio)).status).toBe(200);
    expect(audit('media.delete').filter((row) => audio.includes(row.object_id))).toEqual([]);

    // The designer chooses another recording in the draft: the first one is free, the other in use.
    await repoint(other);
    const after = (await call('designer', 'GET', '/api/media/org-a')).body['media'] as Array<{ url: string; uses: unknown[] }>;
    expect(after.find((entry) => entry.url === audio)?.uses).toEqual([]);
    expect(after.find((entry) => entry.url === other)?.uses).toEqual(draftUse);
    expect((await call('designer', 'DELETE', other)).status).toBe(409);
    expect((await call('designer', 'DELETE', audio)).status).toBe(204);
    // The captions are still named by the draft.
    expect((await call('designer', 'DELETE', captions)).status).toBe(409);
  });

  it('a version and a draft naming the same file are both listed and both named in the refusal', async () => {
    const audio = urlOf(await upload('designer', mp3(232), 'both.mp3'));
    const captions = urlOf(await upload('designer', Uint8Array.from([...VTT, 0x0a, 0x0a, 0x0a]), 'both.en.vtt'));
    await moduleNaming('box-breathing', audio, captions, false);
    await draftNaming('box-breathing-2', 'Box breathing, longer', audio, captions);
    const listed = (await call('designer', 'GET', '/api/media/org-a')).body['media'] as Array<{ url: string; uses: Array<Record<string, unknown>> }>;
    expect(listed.find((entry) => entry.url === audio)?.uses).toEqual([
      { moduleId: 'box-breathing', title: 'Breathing', version: 1, state: 'submitted', blocks: ['pacer'] },
      { moduleId: 'box-breathing-2', title: 'Box breathing, longer', state: 'draft', blocks: ['pacer'] },
    ]);
    const refused = await call('designer', 'DELETE', audio);
    expect(refused.status).toBe(409);
    expect(refused.body['detail']).toBe('The file is used by version 1 of "Breathing" (block "pacer"), the draft of "Box breathing, longer" (block "pacer"). A submitted version never changes, so the file stays in the library.');
  });
});

describe('the library list: the same few store reads however many files it holds', () => {
  it('reads the files, the versions naming media and the drafts once each, never per file', async () => {
    const calls: string[] = [];
    const counting = new Proxy(t.stores.media, {
      get(target, key: string) {
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? (...args: unknown[]) => { calls.push(key); return (value as (...a: unknown[]) => unknown).apply(target, args); } : value;
      },
    }) as MediaStore;
    const media = createMediaService({ store: counting, drafts: t.stores.drafts, codec: yDocDraftCodec, bodies: openMediaFiles(mediaDir), care: t.stores.care, maxBytes: LIMIT, now: () => t.clock.now() });
    const context = { principal: principal('designer'), requestId: null, ip: null };
    const few = await media.list(context, 'org-a');
    const readsForFew = calls.splice(0);
    for (let seed = 1; seed <= 30; seed += 1) {
      const bytes = mp3(0);
      bytes[101] = seed;
      expectStatus(await upload('designer', bytes, `many-${seed}.mp3`), 201);
    }
    const many = await media.list(context, 'org-a');
    expect(many.length).toBe(few.length + 30);
    expect(many.some((file) => (file.uses ?? []).length > 0)).toBe(true);
    expect(calls).toEqual(readsForFew);
    expect([...calls].sort()).toEqual(['listDraftStates', 'listMedia', 'listVersionsNamingMedia']);
  });
});

describe('deleting', () => {
  it('removes the entry with an audit row, and the body once no library holds it', async () => {
    const bytes = mp3(222);
    const url = urlOf(await upload('designer', bytes, 'gone.mp3'));
    const sha = url.split('/').pop()!.split('.')[0]!;
    expect((await upload('designer-b', bytes, 'kept.mp3', 'org-b')).status).toBe(201);
    expect((await call('designer', 'DELETE', url)).status).toBe(204);
    expect((await call('designer', 'GET', url)).status).toBe(404);
    expect(bodiesOnDisk()).toContain(sha);
    expect((await call('designer-b', 'DELETE', url.replace('/org-a/', '/org-b/'))).status).toBe(204);
    expect(bodiesOnDisk()).not.toContain(sha);
    expect((await call('designer', 'DELETE', url)).status).toBe(404);
    expect(audit('media.delete').filter((row) => row.object_id === sha).map((row) => [row.actor_id, row.organisation_id])).toEqual([['person-designer', 'org-a'], ['person-designer-b', 'org-b']]);
  });
});
