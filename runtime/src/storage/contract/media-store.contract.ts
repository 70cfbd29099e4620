import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditContext } from '../../domain/accounts/accounts-store.js';
import type { MediaRecord, MediaStore } from '../../domain/media/media-store.js';

export interface MediaStoreHarness {
  media: MediaStore;
  /** Runs fixture SQL on the same database (portable between SQLite and PostgreSQL). */
  exec(sql: string): Promise<void>;
  /** Stores a draft update (the collaboration server's update log on the same database). */
  appendDraftUpdate(document: string, update: Uint8Array): Promise<number>;
  auditRows(): Promise<Array<{ action: string; objectId: string | null; organisationId: string | null; details: Record<string, unknown> }>>;
  close(): Promise<void>;
}

const at = '2026-03-01T08:00:00.000Z';
const context: AuditContext = { at, actorId: 'person-designer', actorRole: 'designer', ip: '192.0.2.7', requestId: 'req-1' };
const hashA = 'a'.repeat(64);
const hashB = 'b'.repeat(64);

/** Two publishers, a designer, and module m1 of org-a whose version 1 names file A. */
export const MEDIA_FIXTURE_SQL = [
  "INSERT INTO organisations (id, slug, name, kind, created_at) VALUES ('org-a', 'org-a', 'Publisher A', 'publisher', 'x'), ('org-b', 'org-b', 'Publisher B', 'publisher', 'x')",
  "INSERT INTO people (id, email, name, password_hash, created_at, password_chosen_at) VALUES ('person-designer', 'd@example.org', 'Designer', 'h', 'x', 'x')",
  "INSERT INTO modules (id, organisation_id, kind, title, created_by, created_at, updated_at) VALUES ('m1', 'org-a', 'module', 'M1', 'person-designer', 'x', 'x')",
];

const useA = `INSERT INTO versions (module_id, number, content, content_hash, change_note, authored_by, contributors, draft_seq, created_at) VALUES ('m1', 1, '{"src":"/api/media/org-a/${hashA}.mp3"}', '${'f'.repeat(64)}', '', 'person-designer', '[]', 0, 'x')`;
const stateA = "INSERT INTO version_states (module_id, number, state, changed_at, changed_by) VALUES ('m1', 1, 'released', 'x', 'person-designer')";

const file = (organisationId: string, sha256: string, overrides: Partial<MediaRecord> = {}): MediaRecord => ({
  organisationId,
  sha256,
  mediaType: 'audio/mpeg',
  kind: 'audio',
  extension: 'mp3',
  sizeBytes: 1234,
  name: 'breathing.mp3',
  uploadedBy: 'person-designer',
  uploadedAt: at,
  ...overrides,
});

/** Behaviour every MediaStore implementation must have. */
export function runMediaStoreContract(name: string, open: () => Promise<MediaStoreHarness>): void {
  describe(`MediaStore contract: ${name}`, () => {
    let h: MediaStoreHarness;
    beforeEach(async () => {
      h = await open();
      for (const sql of MEDIA_FIXTURE_SQL) await h.exec(sql);
    });
    afterEach(async () => h.close());

    it('adds a file once per library, audits each upload without the file name, and lists newest first', async () => {
      expect(await h.media.addMedia({ media: file('org-a', hashA), audit: context })).toEqual({ media: file('org-a', hashA), created: true });
      const again = await h.media.addMedia({ media: file('org-a', hashA, { name: 'other.mp3', uploadedAt: '2026-03-02T08:00:00.000Z' }), audit: context });
      expect(again).toEqual({ media: file('org-a', hashA), created: false });
      await h.media.addMedia({ media: file('org-a', hashB, { uploadedAt: '2026-03-03T08:00:00.000Z', kind: 'captions', mediaType: 'text/vtt; charset=utf-8', extension: 'vtt' }), audit: context });
      await h.media.addMedia({ media: file('org-b', hashA), audit: context });
      expect((await h.media.listMedia('org-a')).map((media) => media.sha256)).toEqual([hashB, hashA]);
      expect(await h.media.listMedia('org-b')).toEqual([file('org-b', hashA)]);
      expect(await h.media.getMedia('org-b', hashB)).toBeUndefined();
      const rows = (await h.auditRows()).filter((row) => row.action === 'media.upload');
      expect(rows.map((row) => [row.organisationId, row.objectId, row.details.created])).toEqual([['org-a', hashA, true], ['org-a', hashA, false], ['org-a', hashB, true], ['org-b', hashA, true]]);
      expect(JSON.stringify(rows)).not.toContain('breathing');
    });

    it('finds the submitted versions of its own organisation that name a file', async () => {
      await h.exec(useA);
      await h.exec(stateA);
      expect(await h.media.usesOf('org-a', hashA)).toEqual([{ moduleId: 'm1', version: 1, state: 'released' }]);
      expect(await h.media.usesOf('org-a', hashB)).toEqual([]);
      expect(await h.media.usesOf('org-b', hashA)).toEqual([]);
    });

    it('refuses to delete a file a version names, deletes others with an audit row, and says whether another library holds the body', async () => {
      await h.media.addMedia({ media: file('org-a', hashA), audit: context });
      await h.media.addMedia({ media: file('org-a', hashB), audit: context });
      await h.media.addMedia({ media: file('org-b', hashB), audit: context });
      await h.exec(useA);
      expect(await h.media.deleteMedia({ organisationId: 'org-a', sha256: hashA, audit: context })).toEqual({ deleted: false, reason: 'in_use', uses: [{ moduleId: 'm1', version: 1, state: 'submitted' }] });
      expect(await h.media.getMedia('org-a', hashA)).toBeDefined();
      expect(await h.media.deleteMedia({ organisationId: 'org-a', sha256: hashB, audit: context })).toEqual({ deleted: true, remainingElsewhere: true });
      expect(await h.media.deleteMedia({ organisationId: 'org-a', sha256: hashB, audit: context })).toEqual({ deleted: false, reason: 'missing' });
      expect(await h.media.deleteMedia({ organisationId: 'org-b', sha256: hashB, audit: context })).toEqual({ deleted: true, remainingElsewhere: false });
      const deletions = (await h.auditRows()).filter((row) => row.action === 'media.delete');
      expect(deletions.map((row) => [row.organisationId, row.objectId])).toEqual([['org-a', hashB], ['org-b', hashB]]);
    });

    it('answers every version naming any library URL, with its content, in one call whatever the number of files', async () => {
      const hashes = Array.from({ length: 40 }, (_, index) => index.toString(16).padStart(64, 'c'));
      for (const [index, sha256] of hashes.entries()) await h.media.addMedia({ media: file('org-a', sha256, { uploadedAt: `2026-03-01T08:00:${String(index).padStart(2, '0')}.000Z` }), audit: context });
      await h.exec("INSERT INTO modules (id, organisation_id, kind, title, created_by, created_at, updated_at) VALUES ('m2', 'org-a', 'module', 'M2', 'person-designer', 'x', 'x'), ('mb', 'org-b', 'module', 'MB', 'person-designer', 'x', 'x')");
      const version = (moduleId: string, number: number, content: string) =>
        `INSERT INTO versions (module_id, number, content, content_hash, change_note, authored_by, contributors, draft_seq, created_at) VALUES ('${moduleId}', ${number}, '${content}', '${'f'.repeat(64)}', '', 'person-designer', '[]', 0, 'x')`;
      await h.exec(useA);
      await h.exec(stateA);
      await h.exec(version('m2', 1, `{"pages":[${hashes.map((sha256) => `{"src":"/api/media/org-a/${sha256}.mp3"}`).join(',')}]}`));
      await h.exec(version('m2', 2, '{"title":"no media"}'));
      await h.exec(version('mb', 1, `{"src":"/api/media/org-b/${hashA}.mp3"}`));
      const found = await h.media.listVersionsNamingMedia('org-a');
      expect(found.map(({ moduleId, version: number, state }) => [moduleId, number, state])).toEqual([['m1', 1, 'released'], ['m2', 1, 'submitted']]);
      expect(hashes.every((sha256) => found[1]!.content.includes(sha256))).toBe(true);
      expect(JSON.parse(found[0]!.content)).toEqual({ src: `/api/media/org-a/${hashA}.mp3` });
      expect((await h.media.listVersionsNamingMedia('org-b')).map((entry) => entry.moduleId)).toEqual(['mb']);
    });

    it('tells each draft of the organisation with its newest update, and refuses a removal when a draft changed after it was read', async () => {
      await h.exec("INSERT INTO modules (id, organisation_id, kind, title, created_by, created_at, updated_at) VALUES ('p1', 'org-a', 'program', 'P1', 'person-designer', 'x', 'x'), ('mb', 'org-b', 'module', 'MB', 'person-designer', 'x', 'x')");
      expect(await h.media.listDraftStates('org-a')).toEqual([{ document: 'm1', kind: 'module', lastSeq: 0 }, { document: 'p1', kind: 'program', lastSeq: 0 }]);
      const first = await h.appendDraftUpdate('m1', new Uint8Array([1, 2]));
      await h.appendDraftUpdate('mb', new Uint8Array([3]));
      const before = await h.media.listDraftStates('org-a');
      expect(before).toEqual([{ document: 'm1', kind: 'module', lastSeq: first }, { document: 'p1', kind: 'program', lastSeq: 0 }]);
      await h.media.addMedia({ media: file('org-a', hashA), audit: context });
      await h.media.addMedia({ media: file('org-a', hashB), audit: context });
      // Another organisation's draft changing does not matter; this organisation's does.
      await h.appendDraftUpdate('mb', new Uint8Array([4]));
      expect(await h.media.deleteMedia({ organisationId: 'org-a', sha256: hashA, audit: context, draftsAsOf: before })).toEqual({ deleted: true, remainingElsewhere: false });
      await h.appendDraftUpdate('p1', new Uint8Array([5]));
      expect(await h.media.deleteMedia({ organisationId: 'org-a', sha256: hashB, audit: context, draftsAsOf: before })).toEqual({ deleted: false, reason: 'drafts_changed' });
      expect(await h.media.getMedia('org-a', hashB)).toBeDefined();
      expect(await h.media.deleteMedia({ organisationId: 'org-a', sha256: hashB, audit: context, draftsAsOf: await h.media.listDraftStates('org-a') })).toEqual({ deleted: true, remainingElsewhere: false });
      expect((await h.auditRows()).filter((row) => row.action === 'media.delete').map((row) => row.objectId)).toEqual([hashA, hashB]);
    });

    it('refuses a malformed hash and a file of an unknown organisation, writing nothing', async () => {
      await expect(h.media.addMedia({ media: file('org-a', 'not-a-hash'), audit: context })).rejects.toThrow();
      await expect(h.media.addMedia({ media: file('org-x', hashA), audit: context })).rejects.toThrow();
      expect(await h.auditRows()).toEqual([]);
    });
  });
}
