import { describe, expect, it } from 'vitest';
import type { CareAuditEntry } from '../../domain/care/ports.js';
import type { PlannedMove, VersionMoveRecord, VersionMoveStore } from '../../domain/care/version-move-ports.js';

/**
 * What an implementation's test provides: a store on a database holding unit `u` with deployments
 * `d1` (version 1, where enrollment `e` of a patient is, active) and `d2` (version 2) of the same
 * module, `d3` (version 2) in another unit, and person `therapistId`.
 */
export interface VersionMoveStoreFixture {
  moves: VersionMoveStore;
  therapistId: string;
  /** Where enrollment `e` is: its deployment and pins. */
  enrollment(): Promise<{ deploymentId: string; modules: unknown }>;
  /** The deployment's status. */
  deploymentStatus(id: string): Promise<string>;
  /** The audit rows written so far, by action. */
  auditActions(): Promise<string[]>;
  /** Moves enrollment `e` to a deployment by a raw UPDATE, bypassing the store. */
  rawMove(deploymentId: string): Promise<void>;
  /** Ends enrollment `e`. */
  endEnrollment(): Promise<void>;
  /** Deletes enrollment `e`, as the data administrator's purge does. */
  deleteEnrollment(): Promise<void>;
}

const AT = '2026-03-02T08:00:00.000Z';
let counter = 0;
const audit = (action: string): CareAuditEntry => ({ id: `move-audit-${++counter}`, at: AT, actorId: null, actorRole: null, action, objectType: 'enrollment', objectId: 'e', organisationId: null, unitId: null, patientId: null, requestId: null, ip: null, details: {} });

function planned(by: string, to = 'd2', extra: Partial<VersionMoveRecord> = {}): PlannedMove {
  const move: VersionMoveRecord = {
    id: `move-${++counter}`, enrollmentId: 'e', unitId: 'u', documentId: 'phq-9', fromDeploymentId: 'd1', toDeploymentId: to, fromVersion: 1, toVersion: 2, changeClass: 'minor',
    notCarried: { answers: [{ moduleId: 'phq-9', itemId: 'q9', reason: 'item_removed' }], adjustments: [], modulesRemoved: [] }, movedAt: AT, movedBy: by, ...extra,
  };
  return { move, modules: [{ moduleId: 'phq-9', version: 2 }], audit: audit('enrollment.version_move') };
}

/**
 * Behaviour every VersionMoveStore must have: a move writes its record, the enrollment's new
 * deployment and pins, and its audit row together; it is a compare-and-set on the deployment the
 * enrollment is on (two movers at once move a patient once); ended enrollments stay; a withdrawal
 * goes with the moves; the database refuses a move that is not recorded, or into another unit.
 */
export function runVersionMoveStoreContract(name: string, create: () => Promise<VersionMoveStoreFixture>): void {
  describe(`version move store contract (${name})`, () => {
    it('moves the enrollment with its record and audit row, and lists the move', async () => {
      const fixture = await create();
      const plan = planned(fixture.therapistId);
      expect(await fixture.moves.move({ moves: [plan] })).toEqual({ moved: [plan.move], skipped: [] });
      expect(await fixture.enrollment()).toEqual({ deploymentId: 'd2', modules: [{ moduleId: 'phq-9', version: 2 }] });
      expect(await fixture.moves.listMoves('e')).toEqual([plan.move]);
      expect(await fixture.auditActions()).toEqual(['enrollment.version_move']);
    });

    it('moves a patient once when two movers move at the same moment', async () => {
      const fixture = await create();
      const results = await Promise.all([planned(fixture.therapistId), planned(fixture.therapistId), planned(fixture.therapistId)].map((plan) => fixture.moves.move({ moves: [plan] })));
      expect(results.flatMap((result) => result.moved)).toHaveLength(1);
      expect(results.flatMap((result) => result.skipped)).toEqual(['e', 'e']);
      expect(await fixture.moves.listMoves('e')).toHaveLength(1);
      expect(await fixture.auditActions()).toEqual(['enrollment.version_move']);
    });

    it('skips an ended enrollment and one no longer on the old deployment, and withdraws the old deployment once with its audit row', async () => {
      const fixture = await create();
      await fixture.endEnrollment();
      const withdraw = { deploymentId: 'd1', at: AT, audit: audit('deployment.withdraw') };
      expect(await fixture.moves.move({ moves: [planned(fixture.therapistId)], withdraw })).toEqual({ moved: [], skipped: ['e'] });
      expect(await fixture.deploymentStatus('d1')).toBe('withdrawn');
      expect(await fixture.moves.move({ moves: [], withdraw: { ...withdraw, audit: audit('deployment.withdraw') } })).toEqual({ moved: [], skipped: [] });
      expect(await fixture.auditActions()).toEqual(['deployment.withdraw']);
      expect((await fixture.enrollment()).deploymentId).toBe('d1');
    });

    it('refuses, in the database, a move without its record and a move into another unit, writing nothing', async () => {
      const fixture = await create();
      await expect(fixture.rawMove('d2')).rejects.toThrow(/recorded version move/);
      await expect(fixture.moves.move({ moves: [planned(fixture.therapistId, 'd3')] })).rejects.toThrow(/recorded version move/);
      expect(await fixture.enrollment()).toEqual({ deploymentId: 'd1', modules: [] });
      expect(await fixture.moves.listMoves('e')).toEqual([]);
      expect(await fixture.auditActions()).toEqual([]);
    });

    it('forgets the moves of a purged enrollment', async () => {
      const fixture = await create();
      await fixture.moves.move({ moves: [planned(fixture.therapistId)] });
      await fixture.deleteEnrollment();
      expect(await fixture.moves.listMoves('e')).toEqual([]);
    });
  });
}
