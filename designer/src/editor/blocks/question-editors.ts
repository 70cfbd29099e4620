import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type * as Y from 'yjs';
import type { EditContext } from '../edit-context.js';
import { checkboxControl, numberControl, stringControl } from '../fields/controls.js';
import { listEditor, pushPiece, pushPieceAt } from '../fields/list-editor.js';
import { localizedRichText, localizedText } from '../fields/localized.js';
import { t } from '../messages.js';
import { emptyText, newInput } from '../y/new-pieces.js';
import { arrayAt } from '../y/read.js';
import { uniqueId } from '../y/ids.js';
import { inputEditor } from './input-editor.js';
import { optionsEditor } from './options-editor.js';

/** A question: prompt and help in every language, required, and its answer format. */
export function questionBlockEditor(context: EditContext, block: Y.Map<unknown>): TemplateResult {
  return html`
    ${localizedText(context, block, 'prompt', t('common.question'), { multiline: true })}
    ${localizedText(context, block, 'help', t('field.help'))}
    ${checkboxControl(context, block, 'required', t('field.required'))}
    ${inputEditor(context, block)}`;
}

/** A grid: prompt, required, the shared scale (columns) and the rows. */
export function gridBlockEditor(context: EditContext, block: Y.Map<unknown>): TemplateResult {
  const rows = arrayAt(block, 'rows');
  return html`
    ${localizedText(context, block, 'prompt', t('common.question'), { multiline: true })}
    ${checkboxControl(context, block, 'required', t('field.required'))}
    ${optionsEditor(context, block, { minItems: 2 })}
    ${listEditor(context, rows, {
      legend: t('field.rows'),
      itemLabel: (number) => t('field.row', { number }),
      minItems: 1,
      addLabel: t('field.addRow'),
      removeLabel: (number) => t('field.removeRow', { number }),
      moveUpLabel: (number) => t('field.row', { number }),
      onAdd: () => rows && pushPiece(context, rows, { id: uniqueId('row', context.takenIds()), prompt: emptyText(context.languages) }, 'GridRow'),
      render: (map, index) => html`${localizedText(context, map, 'prompt', t('field.row', { number: index + 1 }))} ${stringControl(context, map, 'id', t('common.id'))}`,
    })}`;
}

/** The fields of an exercise or registration: label, help, required and the input of each. */
export function fieldsEditor(context: EditContext, block: Y.Map<unknown>, minItems: number): TemplateResult {
  const fields = arrayAt(block, 'fields');
  return listEditor(context, fields, {
    legend: t('field.fields'),
    itemLabel: (number) => t('field.field', { number }),
    minItems,
    addLabel: t('field.addField'),
    removeLabel: (number) => t('field.removeField', { number }),
    moveUpLabel: (number) => t('field.field', { number }),
    onAdd: () => {
      const taken = context.takenIds();
      pushPieceAt(context, block, 'fields', { id: uniqueId('field', taken), label: emptyText(context.languages), input: newInput('number', context.languages, taken) }, 'Field');
    },
    render: (map) => html`
      ${localizedText(context, map, 'label', t('field.fieldLabel'))}
      ${localizedText(context, map, 'help', t('field.help'))}
      <div class="inline">${stringControl(context, map, 'id', t('common.id'))} ${checkboxControl(context, map, 'required', t('field.required'))}</div>
      ${inputEditor(context, map)}`,
  });
}

/** An exercise: title, instructions (rich text), days of practice and the fields. */
export function exerciseBlockEditor(context: EditContext, block: Y.Map<unknown>): TemplateResult {
  return html`
    ${localizedText(context, block, 'title', t('field.title'))}
    ${localizedRichText(context, block, 'instructions', t('field.instructions'))}
    ${numberControl(context, block, 'practiceDays', t('field.practiceDays'), { optional: true, integer: true, min: 1 })}
    ${fieldsEditor(context, block, 0)}`;
}
