import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type * as Y from 'yjs';
import type { EditContext } from '../edit-context.js';
import { numberAt, stringAt } from '../y/read.js';
import { t } from '../messages.js';

let nextControlId = 1;
const controlId = () => `cl-control-${nextControlId++}`;

/** Sets or (with undefined) removes one key of a map as a local, undoable edit. */
export function setKey(context: EditContext, map: Y.Map<unknown>, key: string, value: unknown): void {
  context.session.transact(() => {
    if (value === undefined) map.delete(key);
    else map.set(key, value);
  });
}

export interface NumberOptions {
  /** The key may be left out (an empty input removes it). */
  optional?: boolean;
  integer?: boolean;
  min?: number;
  disabled?: boolean;
}

/** A number input bound to `map.get(key)`; written on change, so a half-typed number is not sent. */
export function numberControl(context: EditContext, map: Y.Map<unknown>, key: string, label: string, options: NumberOptions = {}): TemplateResult {
  const id = controlId();
  const value = numberAt(map, key);
  const onChange = (event: Event) => {
    const input = event.target as HTMLInputElement;
    if (input.value.trim() === '') {
      if (options.optional) setKey(context, map, key, undefined);
      return;
    }
    const number = Number(input.value);
    if (!Number.isFinite(number)) return;
    setKey(context, map, key, options.integer ? Math.trunc(number) : number);
  };
  return html`<span class="control number">
    <label for=${id}>${label}</label>
    <input id=${id} type="number" inputmode="decimal" step=${options.integer ? '1' : 'any'} min=${options.min ?? ''}
      ?readonly=${context.readOnly || options.disabled === true} .value=${live(value === undefined ? '' : String(value))} @change=${onChange} />
  </span>`;
}

/** A checkbox for a boolean key; unchecked removes an optional key (the format's default is false). */
export function checkboxControl(context: EditContext, map: Y.Map<unknown>, key: string, label: string, options: { defaultValue?: boolean; disabled?: boolean } = {}): TemplateResult {
  const id = controlId();
  const stored = map.get(key);
  const checked = typeof stored === 'boolean' ? stored : (options.defaultValue ?? false);
  const onChange = (event: Event) => {
    const value = (event.target as HTMLInputElement).checked;
    setKey(context, map, key, value === (options.defaultValue ?? false) ? undefined : value);
  };
  return html`<span class="control checkbox">
    <input id=${id} type="checkbox" .checked=${live(checked)} ?disabled=${context.readOnly || options.disabled === true} @change=${onChange} />
    <label for=${id}>${label}</label>
  </span>`;
}

/** A drop-down for a key with a fixed set of values; `optional` adds "Not set", which removes the key. */
export function selectControl(
  context: EditContext,
  map: Y.Map<unknown>,
  key: string,
  label: string,
  choices: ReadonlyArray<{ value: string; label: string }>,
  options: { optional?: boolean; disabled?: boolean; onPick?: (value: string) => void } = {},
): TemplateResult {
  const id = controlId();
  const current = stringAt(map, key);
  const onChange = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    if (options.onPick) options.onPick(value);
    else setKey(context, map, key, value === '' ? undefined : value);
  };
  return html`<span class="control select">
    <label for=${id}>${label}</label>
    <select id=${id} ?disabled=${context.readOnly || options.disabled === true} @change=${onChange}>
      ${options.optional || current === '' ? html`<option value="" ?selected=${current === ''}>${t('field.unset')}</option>` : ''}
      ${choices.map((choice) => html`<option value=${choice.value} ?selected=${choice.value === current}>${choice.label}</option>`)}
    </select>
  </span>`;
}

/**
 * A plain string value (ids, addresses, codes): the last writer replaces it whole, as the layout
 * says, so it is written on change rather than per keystroke. Empty removes an optional key.
 */
export function stringControl(context: EditContext, map: Y.Map<unknown>, key: string, label: string, options: { optional?: boolean; disabled?: boolean; type?: string } = {}): TemplateResult {
  const id = controlId();
  const onChange = (event: Event) => {
    const value = (event.target as HTMLInputElement).value.trim();
    setKey(context, map, key, value === '' && options.optional ? undefined : value);
  };
  return html`<span class="control text">
    <label for=${id}>${label}</label>
    <input id=${id} type=${options.type ?? 'text'} ?readonly=${context.readOnly || options.disabled === true} .value=${live(stringAt(map, key))} @change=${onChange} />
  </span>`;
}
