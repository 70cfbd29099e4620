// Shared by the web apps' browser tests: finding elements through nested shadow roots, waiting for
// Lit elements to settle, and the axe check.
import type * as Axe from 'axe-core';

/** Every element matching a selector in a root and in every shadow root below it. */
export function deepAll(root: ParentNode, selector: string): HTMLElement[] {
  const found: HTMLElement[] = [...root.querySelectorAll<HTMLElement>(selector)];
  if (root instanceof Element && root.shadowRoot) found.push(...deepAll(root.shadowRoot, selector));
  for (const element of root.querySelectorAll<HTMLElement>('*')) {
    if (element.shadowRoot) found.push(...deepAll(element.shadowRoot, selector));
  }
  return found;
}

/**
 * Like `deepAll`, but each space-separated step may cross into shadow roots: `'cl-today-screen h1'`
 * finds the h1 inside the screen's shadow root.
 */
export function pierceAll(root: ParentNode, path: string): HTMLElement[] {
  let current: ParentNode[] = [root];
  for (const step of path.split(/\s+(?![^[]*\])/)) current = current.flatMap((node) => deepAll(node, step));
  return [...new Set(current as HTMLElement[])];
}

/** The first element along a piercing path; throws when none. */
export function pierce(root: ParentNode, path: string): HTMLElement {
  const found = pierceAll(root, path)[0];
  if (!found) throw new Error(`No element matches ${path}`);
  return found;
}

/** The first element matching a selector anywhere under a root (shadow roots included); throws when none. */
export function deep(root: ParentNode, selector: string): HTMLElement {
  const found = deepAll(root, selector)[0];
  if (!found) throw new Error(`No element matches ${selector}`);
  return found;
}

/** Waits until `check` passes (returns truthy without throwing), polling; fails with its last error. */
export async function until<T>(check: () => T | undefined | null | false, timeoutMs = 3000): Promise<T> {
  const started = Date.now();
  let lastError: unknown;
  for (;;) {
    try {
      const value = check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() - started > timeoutMs) throw lastError instanceof Error ? lastError : new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits for every Lit element under a root to finish its pending update. */
export async function settleAll(root: ParentNode): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    const pending = deepAll(root, '*')
      .map((element) => (element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete)
      .filter((promise): promise is Promise<unknown> => promise !== undefined);
    await Promise.all(pending);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

let axePromise: Promise<typeof Axe> | undefined;

/** The serious and critical axe violations in an element (its shadow DOM included), as readable lines. */
export async function seriousViolations(element: Element): Promise<string[]> {
  axePromise ??= import('axe-core').then(() => (window as unknown as { axe: typeof Axe }).axe);
  const axe = await axePromise;
  const results = await axe.run(element, { resultTypes: ['violations'] });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
}

/** Whether an element lies in a sideways-scrolling box that itself fits (a phone's menu row): reachable, not sticking out. */
function inScrollingBox(element: Element, width: number): boolean {
  for (let box = element.parentElement; box; box = box.parentElement) {
    const overflow = getComputedStyle(box).overflowX;
    if ((overflow === 'auto' || overflow === 'scroll') && box.getBoundingClientRect().right <= width + 1) return true;
  }
  return false;
}

/** Elements (shadow roots included) sticking out to the right of a width, ignoring visually hidden ones and those in a box that scrolls sideways. */
export function overflowing(root: ParentNode, width: number): string[] {
  return deepAll(root, '*')
    .filter((element) => !element.closest('.visually-hidden') && element.getBoundingClientRect().width > 0 && element.getBoundingClientRect().right > width + 1 && !inScrollingBox(element, width))
    .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
}

/** An in-memory Storage for the answer queue and language choice (a test's own, not the page's localStorage). */
export function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

/** Waits until the asynchronous `check` (e.g. a question to the test server) passes, polling; fails with its last error. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() - started > timeoutMs) throw lastError instanceof Error ? lastError : new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
