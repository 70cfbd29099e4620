import { describe, expect, it } from 'vitest';
import type { WorkflowAction } from '@careloom/format/api';
import { VERSION_STATES } from '@careloom/format/workflow';
import { canSimulate, canTryAsPatient, offeredActions } from './workflow-permissions.js';

const version = (allowedActions: WorkflowAction[], authoredBy = 'dana') => ({ allowedActions, authoredBy, contributors: [authoredBy] });

describe('offeredActions', () => {
  it('gives publishers the review actions the state allows, designers only withdraw', () => {
    expect(offeredActions(version(['start_review', 'withdraw']), ['publisher'], 'paul')).toEqual([{ action: 'start_review' }]);
    expect(offeredActions(version(['start_review', 'withdraw']), ['designer'], 'dana')).toEqual([{ action: 'withdraw' }]);
    expect(offeredActions(version(['start_review', 'withdraw']), ['tester'], 'tess')).toEqual([]);
    expect(offeredActions(version(['retire']), ['publisher'], 'paul')).toEqual([{ action: 'retire' }]);
  });

  it('blocks approving and releasing one\'s own version, and withdrawing someone else\'s', () => {
    expect(offeredActions(version(['request_changes', 'approve_for_test']), ['publisher', 'designer'], 'dana')).toEqual([
      { action: 'request_changes' },
      { action: 'approve_for_test', blockedBy: 'four-eyes' },
    ]);
    expect(offeredActions(version(['withdraw']), ['designer'], 'other')).toEqual([{ action: 'withdraw', blockedBy: 'not-involved' }]);
  });
});

describe('canTryAsPatient', () => {
  it('only for module versions approved for test or released', () => {
    const testable = VERSION_STATES.filter((state) => canTryAsPatient({ kind: 'module' }, { state }, ['tester']));
    expect(testable).toEqual(['approved_for_test', 'released']);
    expect(canTryAsPatient({ kind: 'program' }, { state: 'released' }, ['publisher'])).toBe(false);
  });
});

describe('canSimulate', () => {
  it('for the roles offered the test run, whatever else the person holds', () => {
    expect(canSimulate(['tester'])).toBe(true);
    expect(canSimulate(['publisher'])).toBe(true);
    expect(canSimulate(['designer', 'tester'])).toBe(true);
    expect(canSimulate(['designer'])).toBe(false);
    expect(canSimulate(['permissions_admin'])).toBe(false);
    expect(canSimulate([])).toBe(false);
  });
});
