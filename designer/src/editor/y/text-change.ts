import type * as Y from 'yjs';

/**
 * Turns an input's new value into the smallest delete + insert on the Y.Text (common prefix and
 * suffix kept), so that typing merges with another editor's typing in the same text instead of
 * replacing it.
 *
 * @example
 * input.addEventListener('input', () => session.transact(() => applyTextChange(text, input.value)));
 */
export function applyTextChange(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  let start = 0;
  const shortest = Math.min(current.length, next.length);
  while (start < shortest && current.charCodeAt(start) === next.charCodeAt(start)) start += 1;
  let endCurrent = current.length;
  let endNext = next.length;
  while (endCurrent > start && endNext > start && current.charCodeAt(endCurrent - 1) === next.charCodeAt(endNext - 1)) {
    endCurrent -= 1;
    endNext -= 1;
  }
  if (endCurrent > start) text.delete(start, endCurrent - start);
  if (endNext > start) text.insert(start, next.slice(start, endNext));
}

/**
 * Where a caret at `position` ends up after a remote change (a Y.Text delta): text inserted before
 * it pushes it on, text deleted before it pulls it back.
 */
export function shiftPosition(position: number, delta: ReadonlyArray<{ insert?: unknown; delete?: number; retain?: number }>): number {
  let index = 0;
  let result = position;
  for (const op of delta) {
    if (index > position) break;
    if (op.retain !== undefined) index += op.retain;
    else if (typeof op.insert === 'string') {
      if (index <= position) result += op.insert.length;
      index += op.insert.length;
    } else if (op.delete !== undefined) {
      result -= Math.min(op.delete, Math.max(0, position - index));
    }
  }
  return Math.max(0, result);
}
