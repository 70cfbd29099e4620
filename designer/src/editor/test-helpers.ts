// Shared by the editor's browser tests: two editors on two in-memory replicas, and shadow-DOM queries.
import { fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Module } from '@careloom/format';
import { moduleToYDoc } from '@careloom/format/ydoc';
import { CollabSession } from '../collab/collab-session.js';
import type { ClModuleEditor } from './module-editor.js';
import './define.js';

export { copdDaily, panicWeek1, phq9, seriousViolations } from '@careloom/renderer/testing';

const REMOTE = Symbol('test-remote');

/** Two sessions on two replicas of a module, synced in memory both ways until `pause()`. */
export interface SessionPair {
  anna: CollabSession;
  ben: CollabSession;
  /** Stops syncing (both go offline). */
  pause(): void;
  /** Exchanges what each missed, as y-websocket does on reconnect, and syncs live again. */
  resume(): void;
}

export function sessionPair(module: Module): SessionPair {
  const annaDoc = moduleToYDoc(module);
  const benDoc = new Y.Doc();
  Y.applyUpdate(benDoc, Y.encodeStateAsUpdate(annaDoc));
  const annaAwareness = new Awareness(annaDoc);
  const benAwareness = new Awareness(benDoc);
  let live = true;
  const relayDoc = (from: Y.Doc, to: Y.Doc) => from.on('update', (update: Uint8Array, origin: unknown) => {
    if (live && origin !== REMOTE) Y.applyUpdate(to, update, REMOTE);
  });
  relayDoc(annaDoc, benDoc);
  relayDoc(benDoc, annaDoc);
  const relayAwareness = (from: Awareness, to: Awareness) => from.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if (!live || origin === REMOTE) return;
    applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [...added, ...updated, ...removed]), REMOTE);
  });
  relayAwareness(annaAwareness, benAwareness);
  relayAwareness(benAwareness, annaAwareness);
  const anna = new CollabSession({ doc: annaDoc, awareness: annaAwareness, user: { id: 'anna', name: 'Anna Lind', color: '#1f5fbf' } });
  const ben = new CollabSession({ doc: benDoc, awareness: benAwareness, user: { id: 'ben', name: 'Ben Berg', color: '#a8321a' } });
  return {
    anna,
    ben,
    pause() {
      live = false;
      anna.setConnection('offline');
      ben.setConnection('offline');
    },
    resume() {
      live = true;
      Y.applyUpdate(benDoc, Y.encodeStateAsUpdate(annaDoc, Y.encodeStateVector(benDoc)), REMOTE);
      Y.applyUpdate(annaDoc, Y.encodeStateAsUpdate(benDoc, Y.encodeStateVector(annaDoc)), REMOTE);
      applyAwarenessUpdate(benAwareness, encodeAwarenessUpdate(annaAwareness, [annaAwareness.clientID]), REMOTE);
      applyAwarenessUpdate(annaAwareness, encodeAwarenessUpdate(benAwareness, [benAwareness.clientID]), REMOTE);
      anna.setConnection('connected');
      ben.setConnection('connected');
    },
  };
}

/** Renders `<cl-module-editor>` on a session and waits until everything in it has rendered. */
export async function mountEditor(session: CollabSession): Promise<ClModuleEditor> {
  const element = await fixture<ClModuleEditor>(html`<cl-module-editor document-id="test" .session=${session}></cl-module-editor>`);
  await settle(element);
  return element;
}

/** Every element matching a selector, inside all shadow roots below `root`. */
export function deepAll<T extends Element = HTMLElement>(root: Element | ShadowRoot | Document, selector: string): T[] {
  const found: T[] = [];
  const visit = (node: Element | ShadowRoot | Document) => {
    found.push(...node.querySelectorAll<T & Element>(selector));
    for (const element of node.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
  };
  visit(root instanceof Element && root.shadowRoot ? root.shadowRoot : root);
  return found;
}

/** The first deep match; throws when absent. */
export function deep<T extends Element = HTMLElement>(root: Element | ShadowRoot | Document, selector: string): T {
  const found = deepAll<T>(root, selector)[0];
  if (!found) throw new Error(`No element matches ${selector}`);
  return found;
}

/** Waits until every Lit element below `root` has finished updating (twice, for cascades). */
export async function settle(root: Element): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    const elements = [root, ...deepAll(root, '*')].filter((element): element is LitElement => element instanceof LitElement);
    await Promise.all(elements.map((element) => element.updateComplete));
  }
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  // y-tiptap batches awareness redraws (carets) into a timeout.
  await new Promise((resolve) => setTimeout(resolve, 5));
}

/** Types a whole new value into an input or textarea, as the browser reports typing. */
export function typeInto(control: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  control.focus();
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** The block section on the canvas with a given id. */
export function blockSection(editor: Element, blockId: string): HTMLElement {
  return deep(editor, `section.block[data-block-id="${blockId}"]`);
}

/** Selects a page in the outline by clicking its button. */
export async function openPage(editor: ClModuleEditor, index: number): Promise<void> {
  const button = deepAll<HTMLButtonElement>(editor, 'button.page')[index];
  if (!button) throw new Error(`No page ${index}`);
  button.click();
  await settle(editor);
}
