// Test support for care: releases example modules and programs straight through the authoring
// store (no drafts, no review UI), so care tests start from a catalog in milliseconds. The real
// path through the authoring service is exercised by the demo seed and its test.
import { readFileSync } from 'node:fs';
import { canonicalJson } from '@careloom/format/engine';
import { contentHash } from '@careloom/format/engine';
import type { Module } from '@careloom/format';
import { validateModule, validateProgram } from '@careloom/format/validate';
import { moduleRefs } from '../domain/authoring/document-content.js';
import type { AuditEntry, AuthoringStore } from '../domain/authoring/ports.js';

const examplesRoot = new URL('../../../examples/', import.meta.url);

/** An example document by file, without its editor-only `$schema`. */
export function exampleDocument(kind: 'module' | 'program', name: string): Record<string, unknown> {
  const { $schema: _schema, ...document } = JSON.parse(readFileSync(new URL(`${kind}s/${name}.json`, examplesRoot), 'utf8')) as Record<string, unknown>;
  return document;
}

/**
 * Creates `document` in `organisationId` and releases version 1 (designer `authorId`, publisher
 * `publisherId`). A program pins the released versions of its modules, which must be released first.
 */
export async function releaseExample(store: AuthoringStore, input: { kind: 'module' | 'program'; document: Record<string, unknown>; organisationId: string; authorId: string; publisherId: string; at: string }): Promise<number> {
  const id = input.document['id'] as string;
  const modules = new Map<string, Module>();
  const pinned = new Map<string, number>();
  for (const ref of moduleRefs(input.document)) {
    const document = await store.getDocument(ref.moduleId);
    const version = document?.releasedVersion ? await store.getVersion(ref.moduleId, document.releasedVersion) : undefined;
    if (version) {
      modules.set(ref.moduleId, JSON.parse(version.canonical) as Module);
      pinned.set(ref.moduleId, version.number);
    }
  }
  const result = input.kind === 'module' ? validateModule(input.document) : validateProgram(input.document, { resolveModule: (ref) => modules.get(ref.moduleId) });
  if (!result.ok) throw new Error(`${id} is invalid: ${result.issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`);
  const audit = (action: string): AuditEntry => ({ id: `audit-${action}-${id}-${Math.random()}`, at: input.at, actorId: input.authorId, actorRole: null, action, objectType: input.kind, objectId: id, organisationId: input.organisationId, requestId: null, ip: null, details: {} });
  const title = (input.document['title'] as Record<string, string>)['en'] ?? id;
  const created = await store.createDocument({ document: { id, organisationId: input.organisationId, kind: input.kind, title, createdBy: input.authorId, createdAt: input.at, updatedAt: input.at, releasedVersion: null }, draftUpdate: new Uint8Array([0, 0]), audit: audit('document.create') });
  if (!created.ok) throw new Error(`${id}: ${created.reason}`);
  const version = await store.appendVersion({ version: { documentId: id, canonical: canonicalJson(result.value), contentHash: contentHash(result.value), changeNote: 'Example', authoredBy: input.authorId, contributors: [input.authorId], draftSeq: 0, title, at: input.at }, audit: () => audit('version.submit') });
  const change = (action: 'start_review' | 'approve_for_test' | 'release', expectedState: 'submitted' | 'in_review' | 'approved_for_test', to: 'in_review' | 'approved_for_test' | 'released') => ({
    documentId: id, number: version.number, expectedState, action, to, actorId: input.publisherId, at: input.at, note: null,
  });
  await store.transitionVersion({ change: change('start_review', 'submitted', 'in_review'), audit: audit('version.start_review') });
  await store.transitionVersion({ change: change('approve_for_test', 'in_review', 'approved_for_test'), audit: audit('version.approve_for_test') });
  const pins = [...pinned.entries()].map(([moduleId, number]) => ({ moduleId, version: number }));
  await store.releaseVersion({ change: change('release', 'approved_for_test', 'released'), release: { releasedAt: input.at, releasedBy: input.publisherId, releaseClass: 'major', suggestedClass: 'major', releaseNotes: 'Example', pins: input.kind === 'program' ? pins : [] }, audit: audit('version.release') });
  return version.number;
}

/**
 * Releases the next version of a document already in the catalog, with this release class and
 * notes: a program pins the modules' newest released versions, as a publisher's release would.
 */
export async function releaseNextVersion(store: AuthoringStore, input: { kind: 'module' | 'program'; document: Record<string, unknown>; releaseClass: 'major' | 'minor'; releaseNotes: string; authorId: string; publisherId: string; at: string }): Promise<number> {
  const id = input.document['id'] as string;
  const existing = await store.getDocument(id);
  if (!existing) throw new Error(`${id} is not in the catalog yet: release it with releaseExample`);
  const modules = new Map<string, Module>();
  const pinned = new Map<string, number>();
  for (const ref of moduleRefs(input.document)) {
    const document = await store.getDocument(ref.moduleId);
    const version = document?.releasedVersion ? await store.getVersion(ref.moduleId, document.releasedVersion) : undefined;
    if (version) {
      modules.set(ref.moduleId, JSON.parse(version.canonical) as Module);
      pinned.set(ref.moduleId, version.number);
    }
  }
  const result = input.kind === 'module' ? validateModule(input.document) : validateProgram(input.document, { resolveModule: (ref) => modules.get(ref.moduleId) });
  if (!result.ok) throw new Error(`${id} is invalid: ${result.issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`);
  const audit = (action: string): AuditEntry => ({ id: `audit-${action}-${id}-${Math.random()}`, at: input.at, actorId: input.authorId, actorRole: null, action, objectType: input.kind, objectId: id, organisationId: existing.organisationId, requestId: null, ip: null, details: {} });
  const version = await store.appendVersion({ version: { documentId: id, canonical: canonicalJson(result.value), contentHash: contentHash(result.value), changeNote: input.releaseNotes, authoredBy: input.authorId, contributors: [input.authorId], draftSeq: 0, title: existing.title, at: input.at }, audit: () => audit('version.submit') });
  const change = (action: 'start_review' | 'approve_for_test' | 'release', expectedState: 'submitted' | 'in_review' | 'approved_for_test', to: 'in_review' | 'approved_for_test' | 'released') => ({
    documentId: id, number: version.number, expectedState, action, to, actorId: input.publisherId, at: input.at, note: null,
  });
  await store.transitionVersion({ change: change('start_review', 'submitted', 'in_review'), audit: audit('version.start_review') });
  await store.transitionVersion({ change: change('approve_for_test', 'in_review', 'approved_for_test'), audit: audit('version.approve_for_test') });
  const pins = [...pinned.entries()].map(([moduleId, number]) => ({ moduleId, version: number }));
  await store.releaseVersion({ change: change('release', 'approved_for_test', 'released'), release: { releasedAt: input.at, releasedBy: input.publisherId, releaseClass: input.releaseClass, suggestedClass: input.releaseClass, releaseNotes: input.releaseNotes, pins: input.kind === 'program' ? pins : [] }, audit: audit('version.release') });
  return version.number;
}
