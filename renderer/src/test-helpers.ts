// Shared by the renderer's browser tests: example modules, rendering a page, and an axe check.
import { fixture, html } from '@open-wc/testing';
import type * as Axe from 'axe-core';
import type { Module } from '@careloom/format';
import copdJson from '@careloom/examples/modules/copd-daily-report.json';
import panicJson from '@careloom/examples/modules/panic-week-1.json';
import phqJson from '@careloom/examples/modules/phq-9.json';
import type { Answers, UnitContact } from './context.js';
import type { ClModulePage } from './module-page.js';
import './module-page.js';

export const panicWeek1 = panicJson as unknown as Module;
export const phq9 = phqJson as unknown as Module;
export const copdDaily = copdJson as unknown as Module;

export const unitContact: UnitContact = {
  name: 'Psychiatry Outpatient Clinic North',
  phone: '+46 8 123 456 00',
  crisisPhone: '112',
  openingHours: 'Mon–Fri 8–16',
  email: 'north@example.org',
};

export interface PageOptions {
  pageId?: string;
  answers?: Answers;
  language?: string;
  showScores?: boolean;
  readOnly?: boolean;
  unitContact?: UnitContact;
}

/** Renders `<cl-module-page>` and waits until it and its blocks have rendered. */
export async function renderPage(module: Module, options: PageOptions = {}): Promise<ClModulePage> {
  const element = await fixture<ClModulePage>(html`<cl-module-page
    .module=${module}
    .pageId=${options.pageId}
    .answers=${options.answers ?? {}}
    .language=${options.language}
    .showScores=${options.showScores ?? false}
    .readOnly=${options.readOnly ?? false}
    .unitContact=${options.unitContact}
  ></cl-module-page>`);
  await settle(element);
  return element;
}

/** Waits for the page and every block element in it to finish rendering. */
export async function settle(element: ClModulePage): Promise<void> {
  await element.updateComplete;
  const blocks = [...(element.shadowRoot?.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('.block') ?? [])];
  await Promise.all(blocks.map((block) => block.updateComplete));
  await element.updateComplete;
}

/** One element in the page's shadow root; throws when absent. */
export function $(element: ClModulePage, selector: string): HTMLElement {
  const found = element.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`No element matches ${selector}`);
  return found;
}

/** Every element in the page's shadow root matching a selector. */
export function $$(element: ClModulePage, selector: string): HTMLElement[] {
  return [...(element.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? [])];
}

/** Checks a radio or checkbox the way a click does (fires change). */
export function choose(input: HTMLElement): void {
  (input as HTMLInputElement).click();
}

/** Types a value into a text-like input and fires input and change. */
export function typeInto(input: HTMLElement, value: string): void {
  const field = input as HTMLInputElement;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

let axePromise: Promise<typeof Axe> | undefined;

/** axe-core is a UMD script: importing it sets `window.axe`. */
async function loadAxe(): Promise<typeof Axe> {
  axePromise ??= import('axe-core').then(() => (window as unknown as { axe: typeof Axe }).axe);
  return axePromise;
}

/** The serious and critical axe violations in an element (its shadow DOM included), as readable lines. */
export async function seriousViolations(element: Element): Promise<string[]> {
  const axe = await loadAxe();
  const results = await axe.run(element, { resultTypes: ['violations'] });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
}
