import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type * as Y from 'yjs';
import { fromYValue, toYValue } from '@careloom/format/ydoc';
import type { EditContext } from '../edit-context.js';
import { t } from '../messages.js';
import type { EditorMessageKey } from '../messages.js';
import { arrayAt, mapAt, mapsOf, stringAt } from '../y/read.js';
import type { AnswerableItem } from './answerable-items.js';
import { defaultCondition, defaultValue, opsFor } from './condition-defaults.js';
import type { SimpleOp } from './condition-defaults.js';

let nextId = 1;
const controlId = () => `cl-condition-${nextId++}`;

/**
 * The condition at `parent.get(key)` (a block's or page's `visibleWhen`, a branch's or zone rule's
 * `when`), built by picking: an item from `scope` (only items the condition may use there), a test
 * that suits its answer, and a value from the item's own options. Groups (all / any) and negation
 * wrap the condition. `required` conditions (branches, zone rules) offer no "remove".
 */
export function conditionEditor(context: EditContext, parent: Y.Map<unknown>, key: string, scope: readonly AnswerableItem[], label: string, options: { required?: boolean } = {}): TemplateResult {
  const condition = mapAt(parent, key);
  if (!condition) {
    if (context.readOnly) return html`<p class="condition-none">${label}: ${t('condition.none')}</p>`;
    const first = scope[0];
    return html`<div class="condition-empty">
      <span>${label}</span>
      ${first
        ? html`<button type="button" class="small" @click=${() => replaceCondition(context, parent, key, defaultCondition(first))}>${t('condition.add')}</button>`
        : html`<span class="hint">${t('condition.noItems')}</span>`}
    </div>`;
  }
  return html`<fieldset class="condition">
    <legend>${label}</legend>
    ${nodeEditor(context, condition, scope, (json) => replaceCondition(context, parent, key, json))}
    ${context.readOnly || options.required ? nothing : html`<button type="button" class="small danger" @click=${() => context.session.transact(() => parent.delete(key))}>${t('condition.remove')}</button>`}
  </fieldset>`;
}

/** Replaces (or creates) a whole condition: used to create one, and to wrap it in a group. */
function replaceCondition(context: EditContext, parent: Y.Map<unknown>, key: string, json: unknown): void {
  context.session.transact(() => parent.set(key, toYValue(json, 'Condition')));
}

function nodeEditor(context: EditContext, node: Y.Map<unknown>, scope: readonly AnswerableItem[], replace: (json: unknown) => void): TemplateResult {
  const op = stringAt(node, 'op');
  if (op === 'all' || op === 'any') return groupEditor(context, node, scope, replace);
  if (op === 'not') {
    const inner = mapAt(node, 'condition');
    return html`<div class="condition-not" role="group" aria-label=${t('condition.not')}>
      <span>${t('condition.not')}:</span>
      ${inner ? nodeEditor(context, inner, scope, (json) => context.session.transact(() => node.set('condition', toYValue(json, 'Condition')))) : nothing}
      ${combineMenu(context, node, replace, true)}
    </div>`;
  }
  return html`<div class="condition-row">${simpleEditor(context, node, scope)} ${combineMenu(context, node, replace, false)}</div>`;
}

function groupEditor(context: EditContext, node: Y.Map<unknown>, scope: readonly AnswerableItem[], replace: (json: unknown) => void): TemplateResult {
  const children = arrayAt(node, 'conditions');
  const id = controlId();
  const first = scope[0];
  return html`<div class="condition-group" role="group" aria-label=${t('condition.group')}>
    <label for=${id}>${t('condition.combine')}</label>
    <select id=${id} ?disabled=${context.readOnly} @change=${(event: Event) => context.session.transact(() => node.set('op', (event.target as HTMLSelectElement).value))}>
      <option value="all" ?selected=${stringAt(node, 'op') === 'all'}>${t('condition.all')}</option>
      <option value="any" ?selected=${stringAt(node, 'op') === 'any'}>${t('condition.any')}</option>
    </select>
    <ul>
      ${mapsOf(children).map(({ map, index }) => html`<li>
        ${nodeEditor(context, map, scope, (json) => context.session.transact(() => {
          children?.delete(index, 1);
          children?.insert(index, [toYValue(json, 'Condition')]);
        }))}
        ${context.readOnly || (children?.length ?? 0) <= 1 ? nothing : html`<button type="button" class="small danger" @click=${() => context.session.transact(() => children?.delete(index, 1))}>${t('condition.remove')}</button>`}
      </li>`)}
    </ul>
    ${context.readOnly || !first || !children ? nothing : html`<button type="button" class="small" @click=${() => context.session.transact(() => children.push([toYValue(defaultCondition(first), 'Condition')]))}>${t('condition.addToGroup')}</button>`}
    ${combineMenu(context, node, replace, true)}
  </div>`;
}

/** "Combine": wraps this condition into all / any / not (or unwraps a negation). */
function combineMenu(context: EditContext, node: Y.Map<unknown>, replace: (json: unknown) => void, compound: boolean): TemplateResult | typeof nothing {
  if (context.readOnly) return nothing;
  const id = controlId();
  const wrap = (event: Event) => {
    const select = event.target as HTMLSelectElement;
    const how = select.value;
    select.value = '';
    const json = fromYValue(node, 'Condition');
    if (how === 'all' || how === 'any') replace({ op: how, conditions: [json] });
    else if (how === 'not') replace({ op: 'not', condition: json });
  };
  return html`<span class="control select combine">
    <label for=${id} class="visually-hidden">${t('condition.combine')}</label>
    <select id=${id} @change=${wrap}>
      <option value="" selected>${t('condition.combine')}…</option>
      <option value="all">${t('condition.all')}</option>
      <option value="any">${t('condition.any')}</option>
      ${compound ? nothing : html`<option value="not">${t('condition.not')}</option>`}
    </select>
  </span>`;
}

function simpleEditor(context: EditContext, node: Y.Map<unknown>, scope: readonly AnswerableItem[]): TemplateResult {
  const itemId = stringAt(node, 'item');
  const item = scope.find((candidate) => candidate.id === itemId);
  const op = stringAt(node, 'op') as SimpleOp;
  const itemSelect = controlId();
  const opSelect = controlId();
  const pickItem = (event: Event) => {
    const picked = scope.find((candidate) => candidate.id === (event.target as HTMLSelectElement).value);
    if (!picked) return;
    const json = defaultCondition(picked);
    context.session.transact(() => {
      node.set('item', picked.id);
      node.set('op', json['op']);
      if (json['value'] === undefined) node.delete('value');
      else node.set('value', json['value']);
    });
  };
  const pickOp = (event: Event) => {
    const next = (event.target as HTMLSelectElement).value as SimpleOp;
    context.session.transact(() => {
      node.set('op', next);
      const value = item ? defaultValue(item, next) : undefined;
      const current = node.get('value');
      if (value === undefined) node.delete('value');
      else if (current === undefined || typeof current !== typeof value || (next === 'includes') !== (op === 'includes')) node.set('value', value);
    });
  };
  return html`<span class="control select">
      <label for=${itemSelect}>${t('condition.item')}</label>
      <select id=${itemSelect} data-role="condition-item" ?disabled=${context.readOnly} @change=${pickItem}>
        ${item ? nothing : html`<option value="" selected>${itemId ? t('condition.unknownItem', { id: itemId }) : t('condition.pickItem')}</option>`}
        ${scope.map((candidate) => html`<option value=${candidate.id} ?selected=${candidate.id === itemId}>${itemLabel(context, candidate)}</option>`)}
      </select>
    </span>
    <span class="control select">
      <label for=${opSelect}>${t('condition.op')}</label>
      <select id=${opSelect} data-role="condition-op" ?disabled=${context.readOnly} @change=${pickOp}>
        ${(item ? opsFor(item.shape) : [op]).map((candidate) => html`<option value=${candidate} ?selected=${candidate === op}>${t(`condition.${candidate}` as EditorMessageKey)}</option>`)}
      </select>
    </span>
    ${op === 'answered' || !item ? nothing : valueEditor(context, node, item)}`;
}

function itemLabel(context: EditContext, item: AnswerableItem): string {
  const text = item.label.length > 60 ? `${item.label.slice(0, 57)}…` : item.label;
  const page = context.pages[item.pageIndex];
  return `${page ? `${page.index + 1}. ` : ''}${text} (${item.id})`;
}

function valueEditor(context: EditContext, node: Y.Map<unknown>, item: AnswerableItem): TemplateResult {
  const id = controlId();
  const value = node.get('value');
  const set = (next: unknown) => context.session.transact(() => node.set('value', next));
  if (item.shape === 'option' || item.shape === 'options') {
    return html`<span class="control select">
      <label for=${id}>${t('common.value')}</label>
      <select id=${id} data-role="condition-value" ?disabled=${context.readOnly} @change=${(event: Event) => set((event.target as HTMLSelectElement).value)}>
        ${item.options.some((option) => option.id === value) ? nothing : html`<option value="" selected>${t('condition.pickItem')}</option>`}
        ${item.options.map((option) => html`<option value=${option.id} ?selected=${option.id === value}>${option.label}</option>`)}
      </select>
    </span>`;
  }
  if (item.shape === 'boolean') {
    return html`<span class="control select">
      <label for=${id}>${t('common.value')}</label>
      <select id=${id} data-role="condition-value" ?disabled=${context.readOnly} @change=${(event: Event) => set((event.target as HTMLSelectElement).value === 'true')}>
        <option value="true" ?selected=${value === true}>${t('common.yes')}</option>
        <option value="false" ?selected=${value === false}>${t('common.no')}</option>
      </select>
    </span>`;
  }
  return html`<span class="control number">
    <label for=${id}>${t('common.value')}</label>
    <input id=${id} type="number" step="any" data-role="condition-value" ?readonly=${context.readOnly} .value=${live(typeof value === 'number' ? String(value) : '')}
      @change=${(event: Event) => {
        const number = Number((event.target as HTMLInputElement).value);
        if ((event.target as HTMLInputElement).value.trim() !== '' && Number.isFinite(number)) set(number);
      }} />
  </span>`;
}
