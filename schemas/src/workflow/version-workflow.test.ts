import { describe, expect, it } from 'vitest';
import { ACTION_ROLE, allowedActions, nextState, TRANSITIONS, VERSION_STATES, WORKFLOW_ACTIONS } from './version-workflow.js';
import type { VersionState, WorkflowAction } from './version-workflow.js';

/** The expected table, written out independently of TRANSITIONS so a slip in either shows. */
const EXPECTED: Record<VersionState, Partial<Record<WorkflowAction, VersionState>>> = {
  submitted: { start_review: 'in_review', withdraw: 'withdrawn' },
  in_review: { request_changes: 'changes_requested', approve_for_test: 'approved_for_test', withdraw: 'withdrawn' },
  approved_for_test: { release: 'released', request_changes: 'changes_requested' },
  released: { retire: 'retired' },
  changes_requested: {},
  retired: {},
  withdrawn: {},
};

describe('workflow transition table', () => {
  for (const state of VERSION_STATES) {
    for (const action of WORKFLOW_ACTIONS) {
      const expected = EXPECTED[state][action];
      if (expected === undefined) {
        it(`refuses ${action} from ${state}, naming the state and the allowed actions`, () => {
          const result = nextState(state, action);
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.from).toBe(state);
          expect(result.allowed).toEqual(Object.keys(EXPECTED[state]));
          expect(result.reason).toContain(`"${state}"`);
          expect(result.reason).toContain(`"${action}"`);
          for (const allowed of result.allowed) expect(result.reason).toContain(`"${allowed}"`);
        });
      } else {
        it(`${state} --${action}--> ${expected}`, () => {
          expect(nextState(state, action)).toEqual({ ok: true, from: state, to: expected });
        });
      }
    }
  }

  it('lists every state in the table and no other', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...VERSION_STATES].sort());
    expect(TRANSITIONS).toEqual(EXPECTED);
  });

  it('makes changes_requested, retired and withdrawn final', () => {
    for (const state of ['changes_requested', 'retired', 'withdrawn'] as const) {
      expect(allowedActions(state)).toEqual([]);
      const result = nextState(state, 'start_review');
      expect(!result.ok && result.reason).toContain('final');
    }
  });

  it('leaves only withdraw to designers', () => {
    expect(WORKFLOW_ACTIONS.filter((action) => ACTION_ROLE[action] === 'designer')).toEqual(['withdraw']);
  });

  it('reaches every state from submitted', () => {
    const seen = new Set<VersionState>(['submitted']);
    const queue: VersionState[] = ['submitted'];
    while (queue.length > 0) {
      const state = queue.shift() as VersionState;
      for (const to of Object.values(TRANSITIONS[state])) {
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...VERSION_STATES].sort());
  });
});
