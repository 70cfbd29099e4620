// Issue 9, finding 4: a crafted Yjs update that Y.decodeUpdate accepts but Y.applyUpdate rejects
// was stored before it was applied, so GET /api/modules/{id}/draft answered 500 while others were
// connected, and after a restart every client got 1011 and the draft stayed broken. Now only what
// applied is stored: the update is refused (4400) and kept aside for inspection, the draft and the
// other clients carry on, and a draft that already holds such a row (written by an older server)
// loads without it after a restart, the row set aside and logged.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { closed, opened, waitFor } from '../collab/collab-test-harness.js';
import { createDraft, rawSocket, startStage, stockClient, titleText, type Stage } from './collab-attack-kit.js';

/** The frame from the issue: one item whose origin is its own writer's future (clock 5 of a 1-clock writer). */
const CRAFTED_FRAME = Uint8Array.from(Buffer.from('000210010181dafb02008481dafb0205017800', 'hex'));
const CRAFTED_UPDATE = (() => {
  const decoder = decoding.createDecoder(CRAFTED_FRAME);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
})();

let stage: Stage | undefined;
afterEach(async () => {
  await stage?.stop();
  stage = undefined;
});

function quarantine(file: string): Array<{ document: string; seq: number | null; update: Buffer; reason: string }> {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT document, seq, "update", reason FROM draft_update_quarantine ORDER BY id').all() as Array<{ document: string; seq: number | null; update: Buffer; reason: string }>;
  } finally {
    db.close();
  }
}

describe('a crafted update that does not apply (issue 9, finding 4)', () => {
  it('is refused and set aside over a live connection; the draft, the other clients and a restart are unharmed', async () => {
    stage = await startStage();
    await createDraft(stage, 'crafted-live');
    const alice = stockClient(stage, 'crafted-live');
    const bob = stockClient(stage, 'crafted-live');
    await Promise.all([alice.synced, bob.synced]);

    const attacker = rawSocket(stage, 'crafted-live');
    await opened(attacker);
    attacker.send(CRAFTED_FRAME);
    expect((await closed(attacker)).code).toBe(4400);

    const draft = await stage.designer.call('GET', '/api/modules/crafted-live/draft');
    expect(draft.status).toBe(200);
    titleText(alice.doc).insert(0, 'Still editable: ');
    await waitFor(() => titleText(bob.doc).toString().startsWith('Still editable: '), 'bob receives alice\'s edit');

    const aside = quarantine(stage.databaseFile);
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatchObject({ document: 'crafted-live', seq: null });
    expect(Array.from(aside[0]!.update)).toEqual(Array.from(CRAFTED_UPDATE));

    await stage.restart();
    const again = stockClient(stage, 'crafted-live');
    await again.synced;
    expect(titleText(again.doc).toString().startsWith('Still editable: ')).toBe(true);
    expect(again.closes).toEqual([]);
    expect((await stage.designer.call('GET', '/api/modules/crafted-live/draft')).status).toBe(200);
  });

  it('a stored row that does not apply (written before this fix) no longer breaks the draft: GET answers 200, a restart sets it aside, clients sync', async () => {
    stage = await startStage();
    await createDraft(stage, 'crafted-stored');
    const alice = stockClient(stage, 'crafted-stored');
    await alice.synced;
    titleText(alice.doc).insert(0, 'Kept: ');
    await waitFor(async () => JSON.stringify((await stage!.designer.call('GET', '/api/modules/crafted-stored/draft')).body).includes('Kept: '), 'edit stored');

    // What an older server did: append the crafted update to the draft's log.
    const db = new Database(stage.databaseFile);
    const badSeq = Number(db.prepare('INSERT INTO draft_updates (document, "update", person_id, at) VALUES (?, ?, NULL, ?)').run('crafted-stored', Buffer.from(CRAFTED_UPDATE), new Date().toISOString()).lastInsertRowid);
    db.close();

    const draft = await stage.designer.call('GET', '/api/modules/crafted-stored/draft');
    expect(draft.status).toBe(200);
    expect(JSON.stringify(draft.body)).toContain('Kept: ');

    await stage.restart();
    const bob = stockClient(stage, 'crafted-stored');
    const carol = stockClient(stage, 'crafted-stored');
    await Promise.all([bob.synced, carol.synced]);
    expect(titleText(bob.doc).toString().startsWith('Kept: ')).toBe(true);
    titleText(bob.doc).insert(0, 'After restart. ');
    await waitFor(() => titleText(carol.doc).toString().startsWith('After restart. '), 'carol receives bob\'s edit');
    expect([...bob.closes, ...carol.closes]).toEqual([]);

    const aside = quarantine(stage.databaseFile);
    expect(aside).toEqual([expect.objectContaining({ document: 'crafted-stored', seq: badSeq, reason: expect.stringContaining('does not apply') })]);
    const rows = new Database(stage.databaseFile, { readonly: true });
    try {
      expect(rows.prepare('SELECT count(*) AS n FROM draft_updates WHERE seq = ?').get(badSeq)).toEqual({ n: 0 });
    } finally {
      rows.close();
    }
    expect((await stage.designer.call('GET', '/api/modules/crafted-stored/draft')).status).toBe(200);
  });
});
