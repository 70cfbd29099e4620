import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, AuthoringStore, DraftUpdates, NewVersion, StateChange } from '../../domain/authoring/ports.js';
import type { DraftUpdateStore } from '../../collab/update-store.js';
import { isDomainError } from '../../domain/errors.js';
import type { AuditEntry as StoredAuditEntry } from '../types.js';

/** A fresh authoring store on an empty, migrated database, for one test. */
export interface AuthoringStoreHarness {
  store: AuthoringStore;
  /** The draft update store on the same database, with the given clock. */
  drafts(now: () => string): DraftUpdates & DraftUpdateStore;
  /** Runs one raw SQL statement (no parameters), as someone with SQL access would. */
  exec(sql: string): Promise<void>;
  /** Every audit row, oldest first. */
  readAudit(): Promise<StoredAuditEntry[]>;
}

/** People in the fixture, by the role they play in tests. */
export const FIXTURE_PEOPLE = ['designer', 'designer2', 'publisher', 'publisher2', 'tester', 'admin', 'other-publisher', 'care-admin', 'therapist'] as const;

/** The fixture organisations `org-a`, `org-b`, `care-1` and people `person-<name>`, in portable SQL. */
export const AUTHORING_FIXTURE_SQL = [
  "INSERT INTO organisations (id, slug, name, kind, created_at) VALUES ('org-a', 'org-a', 'Publisher A', 'publisher', '2026-01-01T00:00:00.000Z')",
  "INSERT INTO organisations (id, slug, name, kind, created_at) VALUES ('org-b', 'org-b', 'Publisher B', 'publisher', '2026-01-01T00:00:00.000Z')",
  "INSERT INTO organisations (id, slug, name, kind, created_at) VALUES ('care-1', 'care-1', 'Care provider', 'care_provider', '2026-01-01T00:00:00.000Z')",
  ...FIXTURE_PEOPLE.map((name) => `INSERT INTO people (id, email, name, password_hash, created_at) VALUES ('person-${name}', '${name}@example.org', '${name}', 'scrypt$x', '2026-01-01T00:00:00.000Z')`),
];

const AT = '2026-02-01T10:00:00.000Z';
let auditCounter = 0;

function audit(action: string, overrides: Partial<AuditEntry> = {}): AuditEntry {
  auditCounter += 1;
  return {
    id: `audit-${auditCounter}`, at: AT, actorId: 'person-designer', actorRole: 'designer', action, objectType: 'module', objectId: 'mood',
    organisationId: 'org-a', requestId: 'req-1', ip: null, details: {}, ...overrides,
  };
}

function newVersion(overrides: Partial<NewVersion> = {}): NewVersion {
  return {
    documentId: 'mood', canonical: '{"id":"mood"}', contentHash: 'a'.repeat(64), changeNote: 'first', authoredBy: 'person-designer',
    contributors: ['person-designer'], draftSeq: 1, title: 'Mood', at: AT, ...overrides,
  };
}

function change(overrides: Partial<StateChange> & Pick<StateChange, 'action' | 'to' | 'expectedState'>): StateChange {
  return { documentId: 'mood', number: 1, actorId: 'person-publisher', at: AT, note: null, ...overrides };
}

let harness: AuthoringStoreHarness;
let store: AuthoringStore;

async function createMood(): Promise<void> {
  const result = await store.createDocument({
    document: { id: 'mood', organisationId: 'org-a', kind: 'module', title: 'Mood', createdBy: 'person-designer', createdAt: AT, updatedAt: AT, releasedVersion: null },
    draftUpdate: new Uint8Array([1, 2, 3]),
    audit: audit('module.create'),
  });
  expect(result.ok).toBe(true);
}

async function approvedVersion(): Promise<void> {
  await store.appendVersion({ version: newVersion(), audit: () => audit('version.submit') });
  await store.transitionVersion({ change: change({ action: 'start_review', expectedState: 'submitted', to: 'in_review' }), audit: audit('version.start_review') });
  await store.transitionVersion({ change: change({ action: 'approve_for_test', expectedState: 'in_review', to: 'approved_for_test' }), audit: audit('version.approve_for_test') });
}

const release = { releasedAt: AT, releasedBy: 'person-publisher', releaseClass: 'major' as const, suggestedClass: 'major' as const, releaseNotes: 'First', pins: [] };

async function auditActions(): Promise<string[]> {
  return (await harness.readAudit()).map((entry) => entry.action);
}

/** Expects the raw statement to be refused with a message matching `pattern`. */
async function refusedSql(sql: string, pattern: RegExp): Promise<void> {
  await expect(harness.exec(sql)).rejects.toThrow(pattern);
}

/**
 * The behaviour every AuthoringStore must show, including the immutability the database itself
 * enforces (raw SQL is refused). `makeHarness` returns a store on an empty migrated database
 * holding the fixture (AUTHORING_FIXTURE_SQL).
 *
 * @example
 * runAuthoringStoreContract('sqlite', async () => sqliteAuthoringHarness());
 */
export function runAuthoringStoreContract(name: string, makeHarness: () => Promise<AuthoringStoreHarness>): void {
  beforeEach(async () => {
    harness = await makeHarness();
    store = harness.store;
    await createMood();
  });

  describe(`${name} authoring store: immutability in the database`, () => {
    it('refuses UPDATE of a version\'s content through raw SQL', async () => {
      await store.appendVersion({ version: newVersion(), audit: () => audit('version.submit') });
      await refusedSql(`UPDATE versions SET content = '{"id":"evil"}' WHERE module_id = 'mood'`, /immutable/);
      await refusedSql(`UPDATE versions SET content_hash = '${'b'.repeat(64)}' WHERE module_id = 'mood'`, /immutable/);
      expect((await store.getVersion('mood', 1))?.canonical).toBe('{"id":"mood"}');
    });

    it('refuses DELETE of versions, transitions and releases', async () => {
      await approvedVersion();
      await store.releaseVersion({ change: change({ action: 'release', expectedState: 'approved_for_test', to: 'released' }), release, audit: audit('version.release') });
      await refusedSql('DELETE FROM releases', /never deleted/);
      await refusedSql('DELETE FROM version_transitions', /append-only/);
      await refusedSql("UPDATE version_transitions SET note = 'x'", /append-only/);
      await refusedSql("UPDATE releases SET release_notes = 'x'", /immutable/);
      await refusedSql('DELETE FROM version_states', /never deleted/);
      await refusedSql('DELETE FROM versions', /never deleted/);
      await refusedSql('DELETE FROM modules', /never deleted/);
    });

    it('refuses a gap in version numbers and a pointer at an unreleased version', async () => {
      await store.appendVersion({ version: newVersion(), audit: () => audit('version.submit') });
      await refusedSql(`INSERT INTO versions (module_id, number, content, content_hash, change_note, authored_by, contributors, draft_seq, created_at)
        VALUES ('mood', 3, '{}', '${'c'.repeat(64)}', '', 'person-designer', '[]', 0, '${AT}')`, /without gaps/);
      await refusedSql('UPDATE modules SET released_version = 1', /released version/);
    });

    it('keeps final states final even through raw SQL', async () => {
      await store.appendVersion({ version: newVersion(), audit: () => audit('version.submit') });
      await refusedSql("UPDATE version_states SET state = 'released'", /illegal/);
      await store.transitionVersion({ change: change({ action: 'withdraw', expectedState: 'submitted', to: 'withdrawn' }), audit: audit('version.withdraw') });
      await refusedSql("UPDATE version_states SET state = 'submitted'", /illegal/);
    });
  });

  describe(`${name} authoring store: writes`, () => {
    it('numbers versions 1, 2, … and records the submission as the first transition', async () => {
      const first = await store.appendVersion({ version: newVersion(), audit: () => audit('version.submit') });
      const second = await store.appendVersion({ version: newVersion({ changeNote: 'second', contributors: ['person-designer', 'person-designer2'] }), audit: (number) => audit('version.submit', { objectId: `mood@${number}` }) });
      expect([first.number, second.number]).toEqual([1, 2]);
      expect(second).toMatchObject({ state: 'submitted', changeNote: 'second', authoredBy: 'person-designer', authoredByName: 'designer', contributors: ['person-designer', 'person-designer2'], release: null });
      expect((await store.listVersions('mood')).map((version) => version.authoredByName)).toEqual(['designer', 'designer']);
      expect(await store.listTransitions('mood', 2)).toEqual([
        { documentId: 'mood', number: 2, action: 'submit', from: null, to: 'submitted', actorId: 'person-designer', at: AT, note: 'second' },
      ]);
      expect((await harness.readAudit()).filter((entry) => entry.action === 'version.submit').at(-1)?.objectId).toBe('mood@2');
    });

    it('refuses a second document with the same id', async () => {
      const again = await store.createDocument({
        document: { id: 'mood', organisationId: 'org-b', kind: 'module', title: 'Mood', createdBy: 'person-other-publisher', createdAt: AT, updatedAt: AT, releasedVersion: null },
        draftUpdate: new Uint8Array([1]),
        audit: audit('module.create'),
      });
      expect(again).toEqual({ ok: false, reason: 'exists' });
      expect(await auditActions()).toEqual(['module.create']);
    });

    it('changes state by compare-and-set and reports a stale expectation', async () => {
      await store.appendVersion({ version: newVersion(), audit: () => audit('version.submit') });
      const stale = await store.transitionVersion({ change: change({ action: 'approve_for_test', expectedState: 'in_review', to: 'approved_for_test' }), audit: audit('version.approve_for_test') });
      expect(stale).toEqual({ ok: false, reason: 'stale' });
      const missing = await store.transitionVersion({ change: change({ number: 9, action: 'start_review', expectedState: 'submitted', to: 'in_review' }), audit: audit('version.start_review') });
      expect(missing).toEqual({ ok: false, reason: 'missing' });
      expect(await auditActions()).toEqual(['module.create', 'version.submit']);
    });

    it('releases: state, release record and catalog pointer in one step; retiring can move the pointer', async () => {
      await approvedVersion();
      const released = await store.releaseVersion({ change: change({ action: 'release', expectedState: 'approved_for_test', to: 'released' }), release, audit: audit('version.release') });
      expect(released.ok && released.value).toMatchObject({ state: 'released', release });
      expect((await store.getDocument('mood'))?.releasedVersion).toBe(1);
      const catalog = await store.listCatalog('all');
      expect(catalog.map((entry) => [entry.document.id, entry.versions.map((version) => version.number)])).toEqual([['mood', [1]]]);
      expect(await store.listCatalog(['org-b'])).toEqual([]);
      await store.transitionVersion({ change: change({ action: 'retire', expectedState: 'released', to: 'retired' }), releasedVersion: null, audit: audit('version.retire') });
      expect((await store.getDocument('mood'))?.releasedVersion).toBeNull();
      expect((await store.listCatalog('all'))[0]?.versions[0]?.state).toBe('retired');
      expect((await store.listTransitions('mood', 1)).map((row) => row.to)).toEqual(['submitted', 'in_review', 'approved_for_test', 'released', 'retired']);
    });

    it('summarises documents with the latest version and last editor, by id and name', async () => {
      expect((await store.listDocuments(['org-a']))[0]).toMatchObject({ lastEditedBy: 'person-designer', lastEditedByName: 'designer' });
      const drafts = harness.drafts(() => '2026-02-02T00:00:00.000Z');
      await drafts.appendUpdate('mood', new Uint8Array([4]), 'person-designer2');
      await store.appendVersion({ version: newVersion(), audit: () => audit('version.submit') });
      const [summary] = await store.listDocuments(['org-a']);
      expect(summary).toMatchObject({ id: 'mood', latestVersion: { number: 1, state: 'submitted' }, lastEditedBy: 'person-designer2', lastEditedByName: 'designer2', lastEditedAt: '2026-02-02T00:00:00.000Z' });
      expect(await store.listDocuments(['org-b'])).toEqual([]);
      // Compaction merges the rows into one without a person (the collab server compacts a draft
      // when its last editor leaves): the last editor is still who edited last, not the creator.
      await drafts.compact('mood', new Uint8Array([4, 5]), (await drafts.loadUpdates('mood')).lastSeq);
      expect((await store.listDocuments(['org-a']))[0]).toMatchObject({ lastEditedBy: 'person-designer2', lastEditedByName: 'designer2' });
    });

    it('adds comments with replies and resolves and reopens threads', async () => {
      const root = await store.addComment({ comment: { id: 'c1', documentId: 'mood', versionNumber: null, anchor: 'intro', parentId: null, authorId: 'person-publisher', body: 'Shorter?', createdAt: AT, resolvedAt: null, resolvedBy: null }, audit: audit('comment.add') });
      await store.addComment({ comment: { ...root, id: 'c2', parentId: 'c1', authorId: 'person-designer', body: 'Done' }, audit: audit('comment.add') });
      const resolved = await store.setCommentResolved({ id: 'c1', resolved: { at: AT, by: 'person-designer' }, audit: audit('comment.resolve') });
      expect(resolved).toMatchObject({ resolvedAt: AT, resolvedBy: 'person-designer', authorName: 'publisher' });
      const reopened = await store.setCommentResolved({ id: 'c1', resolved: null, audit: audit('comment.reopen') });
      expect(reopened.resolvedAt).toBeNull();
      expect((await store.listComments('mood')).map((comment) => [comment.id, comment.authorName])).toEqual([['c1', 'publisher'], ['c2', 'designer']]);
      await refusedSql("UPDATE comments SET body = 'changed'", /never change/);
    });
  });

  describe(`${name} authoring store: audit rows share the transaction`, () => {
    it('writes one audit row per change, with its fields', async () => {
      await store.appendVersion({ version: newVersion(), audit: () => audit('version.submit', { details: { contentHash: 'a'.repeat(64) } }) });
      const entry = (await harness.readAudit()).find((row) => row.action === 'version.submit');
      expect(entry).toMatchObject({ actorId: 'person-designer', actorRole: 'designer', objectType: 'module', organisationId: 'org-a', requestId: 'req-1' });
      expect(entry?.details).toEqual({ contentHash: 'a'.repeat(64) });
    });

    it('leaves no audit row when the change fails', async () => {
      await expect(store.appendVersion({ version: newVersion({ documentId: 'missing' }), audit: () => audit('version.submit') })).rejects.toThrow();
      await expect(store.createTestEnrollment({ enrollment: { id: 't1', documentId: 'mood', versionNumber: 7, organisationId: 'org-a', createdBy: 'person-tester', createdAt: AT }, audit: audit('test_enrollment.create') })).rejects.toThrow();
      expect(await auditActions()).toEqual(['module.create']);
    });

    it('leaves no change when the audit row fails', async () => {
      const duplicate = audit('version.submit', { id: 'audit-dup' });
      await store.addComment({ comment: { id: 'c1', documentId: 'mood', versionNumber: null, anchor: null, parentId: null, authorId: 'person-designer', body: 'x', createdAt: AT, resolvedAt: null, resolvedBy: null }, audit: duplicate });
      await expect(store.appendVersion({ version: newVersion(), audit: () => duplicate })).rejects.toThrow();
      expect(await store.listVersions('mood')).toEqual([]);
    });
  });

  describe(`${name} draft update store`, () => {
    it('appends, loads in order, records contributors and keeps them across compaction', async () => {
      const drafts = harness.drafts(() => AT);
      const created = await drafts.loadUpdates('mood');
      expect(created.updates).toEqual([new Uint8Array([1, 2, 3])]);
      const seq = await drafts.appendUpdate('mood', new Uint8Array([4]), 'person-designer2');
      await drafts.appendUpdate('other', new Uint8Array([9]));
      const last = await drafts.appendUpdate('mood', new Uint8Array([5]));
      expect(await drafts.contributorsSince('mood', created.lastSeq)).toEqual(['person-designer2']);
      expect(await drafts.contributorsSince('mood', 0)).toEqual(['person-designer', 'person-designer2']);
      await drafts.compact('mood', new Uint8Array([1, 2, 3, 4]), seq);
      const loaded = await drafts.loadUpdates('mood');
      expect(loaded).toEqual({ updates: [new Uint8Array([1, 2, 3, 4]), new Uint8Array([5])], seqs: [seq, last], lastSeq: last });
      expect(await drafts.contributorsSince('mood', created.lastSeq)).toEqual(['person-designer2']);
      expect((await drafts.loadUpdates('other')).updates).toEqual([new Uint8Array([9])]);
    });
  });

  describe(`${name} authoring store: the audit details guard`, () => {
    it('refuses a transition whose audit details hold a token or an e-mail address, and leaves the version where it was', async () => {
      await store.appendVersion({ version: newVersion(), audit: () => audit('version.submit') });
      for (const details of [{ reviewToken: 'x' }, { reviewer: 'publisher@example.org' }, { reviewerName: 'Pat Publisher' }]) {
        const error = await store.transitionVersion({ change: change({ action: 'start_review', expectedState: 'submitted', to: 'in_review' }), audit: audit('version.start_review', { details }) }).catch((caught: unknown) => caught);
        expect(isDomainError(error, 'invalid')).toBe(true);
      }
      expect((await store.getVersion('mood', 1))?.state).toBe('submitted');
      expect(await auditActions()).toEqual(['module.create', 'version.submit']);
    });
  });
}
