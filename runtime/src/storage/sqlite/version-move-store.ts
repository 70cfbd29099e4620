import type Database from 'better-sqlite3';
import type { NotCarried, PlannedMove, VersionMoveRecord, VersionMoveStore } from '../../domain/care/version-move-ports.js';
import { writeAuditEntry } from './sqlite-audit-log.js';

/** A stored row of `enrollment_version_moves` (migration 110), shared with the PostgreSQL store. */
export interface VersionMoveRow {
  id: string;
  enrollment_id: string;
  unit_id: string;
  document_id: string;
  from_deployment_id: string;
  to_deployment_id: string;
  from_version: number;
  to_version: number;
  change_class: 'major' | 'minor';
  not_carried: string;
  moved_at: string;
  moved_by: string;
}

export function toVersionMove(row: VersionMoveRow): VersionMoveRecord {
  return {
    id: row.id,
    enrollmentId: row.enrollment_id,
    unitId: row.unit_id,
    documentId: row.document_id,
    fromDeploymentId: row.from_deployment_id,
    toDeploymentId: row.to_deployment_id,
    fromVersion: Number(row.from_version),
    toVersion: Number(row.to_version),
    changeClass: row.change_class,
    notCarried: JSON.parse(row.not_carried) as NotCarried,
    movedAt: row.moved_at,
    movedBy: row.moved_by,
  };
}

/** The insert's parameters for a move, in column order (both stores). */
export function versionMoveValues(move: VersionMoveRecord): unknown[] {
  return [move.id, move.enrollmentId, move.unitId, move.documentId, move.fromDeploymentId, move.toDeploymentId, move.fromVersion, move.toVersion, move.changeClass, JSON.stringify(move.notCarried), move.movedAt, move.movedBy];
}

/**
 * Version moves on SQLite: one transaction per call (better-sqlite3 runs it without interleaving,
 * so the check that an enrollment is still on the old deployment and its update cannot be split by
 * another writer). The move row is inserted before the enrollment changes: the database's trigger
 * (migration 110) lets an enrollment move only with a move row for exactly that change.
 */
export function createSqliteVersionMoveStore(db: Database.Database): VersionMoveStore {
  const current = db.prepare<[string], { deployment_id: string; status: string }>('SELECT deployment_id, status FROM enrollments WHERE id = ?');
  const insert = db.prepare('INSERT INTO enrollment_version_moves (id, enrollment_id, unit_id, document_id, from_deployment_id, to_deployment_id, from_version, to_version, change_class, not_carried, moved_at, moved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const update = db.prepare("UPDATE enrollments SET deployment_id = ?, modules = ?, updated_at = ? WHERE id = ? AND deployment_id = ? AND status <> 'ended'");
  const withdraw = db.prepare("UPDATE deployments SET status = 'withdrawn', withdrawn_at = ? WHERE id = ? AND status = 'active'");
  const list = db.prepare<[string], VersionMoveRow>('SELECT * FROM enrollment_version_moves WHERE enrollment_id = ? ORDER BY moved_at, rowid');

  const move = db.transaction((input: Parameters<VersionMoveStore['move']>[0]) => {
    const moved: VersionMoveRecord[] = [];
    const skipped: string[] = [];
    for (const planned of input.moves) {
      if (!moveOne(planned)) skipped.push(planned.move.enrollmentId);
      else moved.push(planned.move);
    }
    if (input.withdraw && withdraw.run(input.withdraw.at, input.withdraw.deploymentId).changes > 0) writeAuditEntry(db, input.withdraw.audit);
    return { moved, skipped };
  });

  const moveOne = ({ move: record, modules, audit }: PlannedMove): boolean => {
    const row = current.get(record.enrollmentId);
    if (!row || row.deployment_id !== record.fromDeploymentId || row.status === 'ended') return false;
    insert.run(...versionMoveValues(record));
    update.run(record.toDeploymentId, JSON.stringify(modules), record.movedAt, record.enrollmentId, record.fromDeploymentId);
    writeAuditEntry(db, audit);
    return true;
  };

  return {
    move: async (input) => move(input),
    listMoves: async (enrollmentId) => list.all(enrollmentId).map(toVersionMove),
  };
}
