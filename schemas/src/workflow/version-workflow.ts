/**
 * The review workflow of a submitted version, as one transition table (docs/product.md, "The life of a
 * module version"). The draft itself is not a state here: it is the live Y.Doc, and submitting
 * freezes it into a new version that starts in `submitted`.
 *
 * ```
 * submitted ──start_review──▶ in_review ──approve_for_test──▶ approved_for_test ──release──▶ released ──retire──▶ retired
 *     │                          │  └──request_changes──▶ changes_requested ◀──request_changes──┘
 *     └────────withdraw──────────┴──▶ withdrawn
 * ```
 *
 * `changes_requested`, `withdrawn` and `retired` are final: a fix is a new version, submitted from the draft.
 * `request_changes` is also allowed after approval for test, because testing is where problems surface.
 */
export const VERSION_STATES = ['submitted', 'in_review', 'changes_requested', 'approved_for_test', 'released', 'retired', 'withdrawn'] as const;
export type VersionState = (typeof VERSION_STATES)[number];

export const WORKFLOW_ACTIONS = ['start_review', 'request_changes', 'approve_for_test', 'release', 'retire', 'withdraw'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** Who may take an action: publishers run the review; designers can only withdraw their own submission. */
export const ACTION_ROLE: Readonly<Record<WorkflowAction, 'publisher' | 'designer'>> = {
  start_review: 'publisher',
  request_changes: 'publisher',
  approve_for_test: 'publisher',
  release: 'publisher',
  retire: 'publisher',
  withdraw: 'designer',
};

/** Actions a publisher may not take on a version they authored or contributed to (four-eyes rule). */
export const FOUR_EYES_ACTIONS: ReadonlySet<WorkflowAction> = new Set(['approve_for_test', 'release']);

/** The transition table: state → action → next state. Anything not listed is illegal. */
export const TRANSITIONS: Readonly<Record<VersionState, Partial<Record<WorkflowAction, VersionState>>>> = {
  submitted: { start_review: 'in_review', withdraw: 'withdrawn' },
  in_review: { request_changes: 'changes_requested', approve_for_test: 'approved_for_test', withdraw: 'withdrawn' },
  approved_for_test: { release: 'released', request_changes: 'changes_requested' },
  released: { retire: 'retired' },
  changes_requested: {},
  retired: {},
  withdrawn: {},
};

/** States a patient-facing enrollment (real or test) may start on. */
export const TESTABLE_STATES: ReadonlySet<VersionState> = new Set(['approved_for_test', 'released']);

export type TransitionResult =
  | { ok: true; from: VersionState; to: VersionState }
  | { ok: false; from: VersionState; allowed: WorkflowAction[]; reason: string };

/** The actions the table allows from `state`, in table order. */
export function allowedActions(state: VersionState): WorkflowAction[] {
  return Object.keys(TRANSITIONS[state]) as WorkflowAction[];
}

/**
 * Where `action` leads from `state`, or why it cannot be taken there (naming the state and the
 * actions that are allowed, for a 409 problem).
 *
 * @example
 * nextState('submitted', 'start_review'); // { ok: true, from: 'submitted', to: 'in_review' }
 * nextState('released', 'approve_for_test'); // { ok: false, allowed: ['retire'], reason: '…' }
 */
export function nextState(state: VersionState, action: WorkflowAction): TransitionResult {
  const to = TRANSITIONS[state][action];
  if (to !== undefined) return { ok: true, from: state, to };
  const allowed = allowedActions(state);
  const options = allowed.length > 0 ? `allowed actions are ${allowed.map((name) => `"${name}"`).join(', ')}` : 'no action is allowed, since this state is final';
  return { ok: false, from: state, allowed, reason: `A version in state "${state}" cannot take action "${action}"; ${options}.` };
}

export function isVersionState(value: unknown): value is VersionState {
  return typeof value === 'string' && (VERSION_STATES as readonly string[]).includes(value);
}

export function isWorkflowAction(value: unknown): value is WorkflowAction {
  return typeof value === 'string' && (WORKFLOW_ACTIONS as readonly string[]).includes(value);
}
