/**
 * What one client update may cost before the server applies it. Yjs has shapes whose cost grows
 * with the square of their size (keys added under types nested thousands deep, deletions listed in
 * descending order, many writers' items at one position), and a few hundred kilobytes of them hold
 * the event loop for seconds. Real drafts are small and shallow (the largest example module is
 * 1,600 items, 15 levels deep, as one update), so the limits below leave them far room while bounding the work
 * of any one message to milliseconds. Nothing here applies the update.
 */
import * as Y from 'yjs';

export interface UpdateLimits {
  /** Items (structs) one update may carry. */
  maxStructs: number;
  /** Deleted ranges one update may carry. */
  maxDeleteRanges: number;
  /** Writers (Yjs client ids) one update may carry items or deletions of. */
  maxClients: number;
  /** How deep an item may sit in nested maps, arrays and texts (a root-level item is 1). */
  maxDepth: number;
  /** Items the draft may hold in memory once the update is applied. */
  maxDocumentStructs: number;
}

export const DEFAULT_UPDATE_LIMITS: UpdateLimits = {
  maxStructs: 5_000,
  maxDeleteRanges: 5_000,
  maxClients: 32,
  maxDepth: 48,
  maxDocumentStructs: 200_000,
};

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * - malformed: no Yjs client produces it (the sender is broken or hostile);
 * - too-large: beyond the limits;
 * - out-of-sync: it builds on items the server does not have (yet); a reconnect resynchronises.
 */
export type UpdateVerdict = { ok: true; cost: number } | { ok: false; kind: 'malformed' | 'too-large' | 'out-of-sync'; reason: string };

/**
 * Checks what can be judged from the update alone: counts, and that each writer's deleted ranges
 * are ascending and disjoint, as every Yjs encoder writes them. `cost` is what the update is
 * charged against the connection's budget.
 */
export function checkUpdateShape(decoded: DecodedUpdate, limits: UpdateLimits): UpdateVerdict {
  const structs = decoded.structs.length;
  if (structs > limits.maxStructs) return { ok: false, kind: 'too-large', reason: `update has more than ${limits.maxStructs} items` };
  const clients = new Set<number>();
  for (const struct of decoded.structs) clients.add(struct.id.client);
  let ranges = 0;
  for (const [client, items] of decoded.ds.clients) {
    clients.add(client);
    let end = -1;
    for (const item of items) {
      if (item.len <= 0 || item.clock < end) return { ok: false, kind: 'malformed', reason: 'deleted ranges out of order' };
      end = item.clock + item.len;
    }
    ranges += items.length;
    if (ranges > limits.maxDeleteRanges) return { ok: false, kind: 'too-large', reason: `update deletes more than ${limits.maxDeleteRanges} ranges` };
  }
  if (clients.size > limits.maxClients) return { ok: false, kind: 'too-large', reason: `update carries more than ${limits.maxClients} writers` };
  return { ok: true, cost: structs + ranges };
}

/**
 * Checks the update against the document it is about to be applied to: every item it builds on
 * (origin, right origin, parent) exists in the document or earlier in the update, no writer's
 * clock jumps ahead of what the server has, deletions only touch known items, no item ends up
 * deeper than `maxDepth`, and the document stays within `maxDocumentStructs`. An update that
 * passes integrates completely (Yjs keeps nothing pending) at a cost linear in its size.
 */
export function checkUpdateAgainstDoc(doc: Y.Doc, decoded: DecodedUpdate, limits: UpdateLimits): UpdateVerdict {
  let documentStructs = 0;
  for (const structs of doc.store.clients.values()) documentStructs += structs.length;
  if (documentStructs + decoded.structs.length > limits.maxDocumentStructs) {
    return { ok: false, kind: 'too-large', reason: `the draft would hold more than ${limits.maxDocumentStructs} items` };
  }

  // Where each writer's known clock ends: first the document, then the update's own items in order.
  const next = new Map<number, number>();
  const known = (client: number): number => next.get(client) ?? Y.getState(doc.store, client);
  const inUpdate = new Map<number, Array<{ clock: number; end: number; index: number }>>();
  for (const [index, struct] of decoded.structs.entries()) {
    const { client, clock } = struct.id;
    if (struct instanceof Y.Skip || clock > known(client)) return { ok: false, kind: 'out-of-sync', reason: 'update skips part of a writer\'s history' };
    next.set(client, Math.max(known(client), clock + struct.length));
    const list = inUpdate.get(client) ?? [];
    list.push({ clock, end: clock + struct.length, index });
    inUpdate.set(client, list);
  }
  for (const [client, items] of decoded.ds.clients) {
    const last = items[items.length - 1];
    if (last && last.clock + last.len > known(client)) return { ok: false, kind: 'out-of-sync', reason: 'update deletes items the server does not have' };
  }

  // Depth of each item of the update (0: not yet known). Resolved with an explicit stack, since an
  // update may chain thousands of items through each other's origins.
  const depths = new Array<number>(decoded.structs.length).fill(0);
  const visiting = new Uint8Array(decoded.structs.length);
  type Reference = { depth: number } | { index: number } | 'missing' | 'malformed';

  function inUpdateIndex(id: Y.ID): number | undefined {
    const list = inUpdate.get(id.client);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const entry = list[mid] as { clock: number; end: number; index: number };
      if (id.clock < entry.clock) high = mid - 1;
      else if (id.clock >= entry.end) low = mid + 1;
      else return entry.index;
    }
    return undefined;
  }

  /** The item `id` refers to: its depth when it is in the document, its index when in the update. */
  function lookup(id: Y.ID, from: Y.ID): Reference {
    // Every reference points at something that existed when the item was made: never the writer's own future.
    if (id.client === from.client && id.clock >= from.clock) return 'malformed';
    if (id.clock < Y.getState(doc.store, id.client)) {
      const structs = doc.store.clients.get(id.client) as Array<Y.Item | Y.GC>;
      const struct = structs[Y.findIndexSS(structs, id.clock)];
      if (!(struct instanceof Y.Item)) return { depth: 1 };
      let depth = 1;
      let type = struct.parent as Y.AbstractType<unknown> | null;
      while (type && type._item && depth <= limits.maxDepth) {
        depth++;
        type = type._item.parent as Y.AbstractType<unknown> | null;
      }
      return { depth };
    }
    const index = inUpdateIndex(id);
    return index === undefined ? 'missing' : { index };
  }

  /** Resolves the depth of item `start` and of every update item it builds on. */
  function resolve(start: number): number | 'missing' | 'malformed' {
    const stack = [start];
    while (stack.length > 0) {
      const index = stack[stack.length - 1] as number;
      const struct = decoded.structs[index];
      if (!(struct instanceof Y.Item)) {
        depths[index] = 1;
        stack.pop();
        continue;
      }
      visiting[index] = 1;
      const parentRef = struct.parent instanceof Y.ID ? lookup(struct.parent, struct.id) : undefined;
      const refs = [parentRef, struct.origin ? lookup(struct.origin, struct.id) : undefined, struct.rightOrigin ? lookup(struct.rightOrigin, struct.id) : undefined];
      let waiting = false;
      const resolved: Array<number | undefined> = [];
      for (const ref of refs) {
        if (ref === undefined) {
          resolved.push(undefined);
          continue;
        }
        if (ref === 'missing' || ref === 'malformed') return ref;
        if ('depth' in ref) {
          resolved.push(ref.depth);
          continue;
        }
        const known = depths[ref.index] as number;
        if (known > 0) {
          resolved.push(known);
          continue;
        }
        if (visiting[ref.index] === 1) return 'malformed';
        stack.push(ref.index);
        waiting = true;
        break;
      }
      if (waiting) continue;
      const [parent, origin, rightOrigin] = resolved;
      let depth: number | undefined;
      if (typeof struct.parent === 'string') depth = 1;
      else if (parent !== undefined) depth = parent + 1;
      else depth = origin ?? rightOrigin;
      if (depth === undefined) return 'malformed';
      depths[index] = depth;
      visiting[index] = 0;
      stack.pop();
    }
    return depths[start] as number;
  }

  for (let index = 0; index < decoded.structs.length; index++) {
    const depth = depths[index] || resolve(index);
    if (depth === 'malformed') return { ok: false, kind: 'malformed', reason: 'update refers to items in an impossible order' };
    if (depth === 'missing') return { ok: false, kind: 'out-of-sync', reason: 'update builds on items the server does not have' };
    if (depth > limits.maxDepth) return { ok: false, kind: 'too-large', reason: `update nests deeper than ${limits.maxDepth} levels` };
  }
  return { ok: true, cost: decoded.structs.length };
}
