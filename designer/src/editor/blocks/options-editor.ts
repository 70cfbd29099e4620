import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type * as Y from 'yjs';
import type { EditContext } from '../edit-context.js';
import { numberControl, stringControl } from '../fields/controls.js';
import { listEditor, pushPiece } from '../fields/list-editor.js';
import { localizedText } from '../fields/localized.js';
import { t } from '../messages.js';
import { newOption } from '../y/new-pieces.js';
import { arrayAt, mapsOf, numberAt } from '../y/read.js';

/**
 * The options of a choice or scale question or a grid's columns: label in every language, id and
 * numeric value. `valueRequired` for scales, whose every step carries a value.
 */
export function optionsEditor(context: EditContext, owner: Y.Map<unknown>, options: { valueRequired?: boolean; minItems: number; legend?: string }): TemplateResult {
  const array = arrayAt(owner, 'options');
  return listEditor(context, array, {
    legend: options.legend ?? t('field.options'),
    itemLabel: (number) => t('field.option', { number }),
    minItems: options.minItems,
    addLabel: t('field.addOption'),
    removeLabel: (number) => t('field.removeOption', { number }),
    moveUpLabel: (number) => t('field.moveOptionUp', { number }),
    onAdd: () => {
      if (!array) return;
      const values = mapsOf(array).map(({ map }) => numberAt(map, 'value')).filter((value): value is number => value !== undefined);
      const next = options.valueRequired || values.length > 0 ? (values.length > 0 ? Math.max(...values) + 1 : 0) : undefined;
      pushPiece(context, array, newOption(context.languages, context.takenIds(), next), 'Option');
    },
    render: (map, index) => html`
      ${localizedText(context, map, 'label', t('field.option', { number: index + 1 }))}
      <div class="inline">
        ${stringControl(context, map, 'id', t('common.id'))}
        ${numberControl(context, map, 'value', t('field.optionValue', { number: index + 1 }), { optional: !options.valueRequired })}
      </div>`,
  });
}
