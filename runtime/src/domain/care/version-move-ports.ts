import type { DroppedAdjustment, DroppedAnswer, ReleaseLevel } from '@careloom/format/engine';
import type { CareAuditEntry, ModulePin } from './ports.js';

/** What one patient's move left behind: answers of unfinished modules by item id, and the therapist's adjustments. */
export interface NotCarried {
  answers: Array<DroppedAnswer & { moduleId: string }>;
  adjustments: DroppedAdjustment[];
  /** Modules the newer version no longer schedules (the patient's answers to them stay, as history). */
  modulesRemoved: string[];
}

/** One enrollment moved from one deployment of its unit to a newer one (migration 110, PostgreSQL 070). */
export interface VersionMoveRecord {
  id: string;
  enrollmentId: string;
  unitId: string;
  documentId: string;
  fromDeploymentId: string;
  toDeploymentId: string;
  fromVersion: number;
  toVersion: number;
  changeClass: ReleaseLevel;
  notCarried: NotCarried;
  movedAt: string;
  movedBy: string;
}

/** One enrollment to move: its record, the pins of the target deployment, and its audit row. */
export interface PlannedMove {
  move: VersionMoveRecord;
  modules: ModulePin[];
  audit: CareAuditEntry;
}

/**
 * Moves between versions. `move` is one transaction: each planned enrollment moves only if it is
 * still on `move.fromDeploymentId` and not ended (compare and set: two admins moving at once, or an
 * admin and a therapist, move each patient once); the move row, the enrollment's new deployment and
 * pins, and the audit row are written together for each one that moves, and with `withdraw` the old
 * deployment is withdrawn (with its audit row) in the same transaction if it is still active.
 */
export interface VersionMoveStore {
  move(input: { moves: readonly PlannedMove[]; withdraw?: { deploymentId: string; at: string; audit: CareAuditEntry } }): Promise<{ moved: VersionMoveRecord[]; skipped: string[] }>;
  /** An enrollment's moves, oldest first. */
  listMoves(enrollmentId: string): Promise<VersionMoveRecord[]>;
}
