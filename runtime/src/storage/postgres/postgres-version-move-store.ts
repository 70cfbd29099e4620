import type pg from 'pg';
import type { PlannedMove, VersionMoveRecord, VersionMoveStore } from '../../domain/care/version-move-ports.js';
import { toVersionMove, versionMoveValues, type VersionMoveRow } from '../sqlite/version-move-store.js';
import { inTransaction } from './open-postgres.js';
import { writeAuditEntryPg } from './postgres-audit-log.js';

/**
 * Version moves on PostgreSQL (migration 070), like the SQLite store. The enrollments of a call are
 * locked first, in id order (two admins moving overlapping sets never deadlock), so the check that
 * each is still on the old deployment reads the row a concurrent move committed: the second mover
 * finds the patient moved and skips them. The move row goes in before the enrollment changes, as
 * the database's trigger requires.
 */
export function createPostgresVersionMoveStore(pool: pg.Pool): VersionMoveStore {
  return {
    move: (input) =>
      inTransaction(pool, async (db) => {
        const ids = [...new Set(input.moves.map((planned) => planned.move.enrollmentId))].sort();
        const rows = ids.length === 0 ? [] : (await db.query<{ id: string; deployment_id: string; status: string }>('SELECT id, deployment_id, status FROM enrollments WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [ids])).rows;
        const state = new Map(rows.map((row) => [row.id, row]));
        const moved: VersionMoveRecord[] = [];
        const skipped: string[] = [];
        const moveOne = async ({ move, modules, audit }: PlannedMove): Promise<boolean> => {
          const row = state.get(move.enrollmentId);
          if (!row || row.deployment_id !== move.fromDeploymentId || row.status === 'ended') return false;
          await db.query('INSERT INTO enrollment_version_moves (id, enrollment_id, unit_id, document_id, from_deployment_id, to_deployment_id, from_version, to_version, change_class, not_carried, moved_at, moved_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)', versionMoveValues(move));
          await db.query('UPDATE enrollments SET deployment_id = $1, modules = $2, updated_at = $3 WHERE id = $4', [move.toDeploymentId, JSON.stringify(modules), move.movedAt, move.enrollmentId]);
          // A second planned move of the same enrollment in this call sees where the first put it.
          state.set(move.enrollmentId, { ...row, deployment_id: move.toDeploymentId });
          await writeAuditEntryPg(db, audit);
          return true;
        };
        for (const planned of input.moves) {
          if (await moveOne(planned)) moved.push(planned.move);
          else skipped.push(planned.move.enrollmentId);
        }
        if (input.withdraw) {
          const withdrawn = await db.query("UPDATE deployments SET status = 'withdrawn', withdrawn_at = $1 WHERE id = $2 AND status = 'active'", [input.withdraw.at, input.withdraw.deploymentId]);
          if ((withdrawn.rowCount ?? 0) > 0) await writeAuditEntryPg(db, input.withdraw.audit);
        }
        return { moved, skipped };
      }),
    listMoves: async (enrollmentId) =>
      (await pool.query<VersionMoveRow>('SELECT * FROM enrollment_version_moves WHERE enrollment_id = $1 ORDER BY moved_at, id', [enrollmentId])).rows.map(toVersionMove),
  };
}
