import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type * as Y from 'yjs';
import { toYValue } from '@careloom/format/ydoc';
import type { EditContext } from '../edit-context.js';
import { checkboxControl, numberControl, selectControl } from '../fields/controls.js';
import { localizedText } from '../fields/localized.js';
import { t } from '../messages.js';
import type { EditorMessageKey } from '../messages.js';
import { emptyText, INPUT_KINDS, newInput } from '../y/new-pieces.js';
import type { InputKind } from '../y/new-pieces.js';
import { mapAt, stringAt } from '../y/read.js';
import { optionsEditor } from './options-editor.js';

let nextUnitId = 1;

/**
 * The answer format of a question or field (`owner.get('input')`): its kind, picked from a menu
 * (a new kind starts afresh), and the settings of that kind.
 */
export function inputEditor(context: EditContext, owner: Y.Map<unknown>): TemplateResult {
  const input = mapAt(owner, 'input');
  const kind = stringAt(input, 'kind') as InputKind;
  const pickKind = (value: string) => {
    if (value === kind || !(INPUT_KINDS as readonly string[]).includes(value)) return;
    context.session.transact(() => owner.set('input', toYValue(newInput(value as InputKind, context.languages, context.takenIds()), 'Input')));
  };
  return html`<div class="input-editor">
    ${selectControl(context, input ?? owner, 'kind', t('field.inputKind'), INPUT_KINDS.map((value) => ({ value, label: t(`kind.${value}` as EditorMessageKey) })), { onPick: pickKind })}
    ${input ? kindSettings(context, input, kind) : nothing}
  </div>`;
}

function kindSettings(context: EditContext, input: Y.Map<unknown>, kind: InputKind): TemplateResult | typeof nothing {
  switch (kind) {
    case 'singleChoice':
      return html`${selectControl(context, input, 'display', t('field.display'), [
        { value: 'radio', label: t('field.displayRadio') },
        { value: 'dropdown', label: t('field.displayDropdown') },
      ], { optional: true })}
      ${optionsEditor(context, input, { minItems: 2 })}`;
    case 'multipleChoice':
      return html`<div class="inline">
          ${numberControl(context, input, 'minSelected', t('field.minSelected'), { optional: true, integer: true, min: 0 })}
          ${numberControl(context, input, 'maxSelected', t('field.maxSelected'), { optional: true, integer: true, min: 1 })}
        </div>
        ${optionsEditor(context, input, { minItems: 1 })}`;
    case 'scale':
      return optionsEditor(context, input, { minItems: 2, valueRequired: true });
    case 'slider':
      return html`<div class="inline">
          ${numberControl(context, input, 'min', t('field.min'))}
          ${numberControl(context, input, 'max', t('field.max'))}
          ${numberControl(context, input, 'step', t('field.step'), { optional: true })}
        </div>
        ${localizedText(context, input, 'minLabel', t('field.minLabel'))}
        ${localizedText(context, input, 'maxLabel', t('field.maxLabel'))}`;
    case 'number':
      return html`<div class="inline">
          ${numberControl(context, input, 'min', t('field.min'), { optional: true })}
          ${numberControl(context, input, 'max', t('field.max'), { optional: true })}
          ${numberControl(context, input, 'decimals', t('field.decimals'), { optional: true, integer: true, min: 0 })}
        </div>
        ${unitEditor(context, input)}`;
    case 'text':
      return html`<div class="inline">
        ${numberControl(context, input, 'maxLength', t('field.maxLength'), { integer: true, min: 1 })}
        ${checkboxControl(context, input, 'multiline', t('field.multiline'))}
      </div>`;
    case 'dateTime':
      return selectControl(context, input, 'mode', t('field.mode'), [
        { value: 'date', label: t('field.modeDate') },
        { value: 'time', label: t('field.modeTime') },
        { value: 'dateTime', label: t('field.modeDateTime') },
      ]);
    case 'yesNo':
      return html`${localizedText(context, input, 'yesLabel', t('field.yesLabel'))} ${localizedText(context, input, 'noLabel', t('field.noLabel'))}`;
    default:
      return nothing;
  }
}

/** A number's unit: a UCUM code and its label; clearing the code removes the unit. */
function unitEditor(context: EditContext, input: Y.Map<unknown>): TemplateResult {
  const unit = mapAt(input, 'unit');
  const id = `cl-unit-${nextUnitId++}`;
  if (!unit) {
    return html`<span class="control text">
      <label for=${id}>${t('field.unitCode')}</label>
      <input id=${id} type="text" ?readonly=${context.readOnly} @change=${(event: Event) => {
        const code = (event.target as HTMLInputElement).value.trim();
        if (code !== '') context.session.transact(() => input.set('unit', toYValue({ code, label: emptyText(context.languages) }, 'Unit')));
      }} />
    </span>`;
  }
  return html`<div class="unit">
    <span class="control text">
      <label for=${id}>${t('field.unitCode')}</label>
      <input id=${id} type="text" ?readonly=${context.readOnly} .value=${stringAt(unit, 'code')} @change=${(event: Event) => {
        const code = (event.target as HTMLInputElement).value.trim();
        context.session.transact(() => (code === '' ? input.delete('unit') : unit.set('code', code)));
      }} />
    </span>
    ${localizedText(context, unit, 'label', t('field.unitLabel'))}
  </div>`;
}

