import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type * as Y from 'yjs';
import { toYValue } from '@careloom/format/ydoc';
import { itemsOfBlock } from '../conditions/answerable-items.js';
import { defaultCondition } from '../conditions/condition-defaults.js';
import { conditionEditor } from '../conditions/condition-editor.js';
import type { EditContext } from '../edit-context.js';
import { checkboxControl, numberControl, selectControl, stringControl } from '../fields/controls.js';
import { listEditor, pushPiece } from '../fields/list-editor.js';
import { localizedRichText, localizedText } from '../fields/localized.js';
import { t } from '../messages.js';
import { emptyRichText } from '../y/new-pieces.js';
import { uniqueId } from '../y/ids.js';
import { arrayAt, mapAt, stringAt } from '../y/read.js';
import { fieldsEditor } from './question-editors.js';

/** A registration: title, description, fields, zone rules with the self-treatment plan, and a goal. */
export function registrationBlockEditor(context: EditContext, block: Y.Map<unknown>): TemplateResult {
  return html`
    ${localizedText(context, block, 'title', t('field.title'))}
    ${localizedText(context, block, 'description', t('field.description'), { multiline: true })}
    ${fieldsEditor(context, block, 1)}
    ${zonesEditor(context, block)}
    ${goalEditor(context, block)}`;
}

function zonesEditor(context: EditContext, block: Y.Map<unknown>): TemplateResult {
  const zones = mapAt(block, 'zones');
  const fields = itemsOfBlock(context.items, stringAt(block, 'id'));
  if (!zones) {
    const first = fields[0];
    return html`<fieldset class="zones"><legend>${t('registration.zones')}</legend>
      ${context.readOnly || !first ? nothing : html`<button type="button" class="add" @click=${() => context.session.transact(() => block.set('zones', toYValue({
        rules: [{ id: uniqueId('rule', context.takenIds()), zone: 'yellow', when: defaultCondition(first) }],
        actions: { green: emptyRichText(context.languages), yellow: emptyRichText(context.languages), red: emptyRichText(context.languages) },
      }, 'ZonePlan')))}>${t('registration.addZones')}</button>`}
    </fieldset>`;
  }
  const rules = arrayAt(zones, 'rules');
  const actions = mapAt(zones, 'actions');
  return html`<fieldset class="zones"><legend>${t('registration.zones')}</legend>
    ${listEditor(context, rules, {
      legend: t('registration.zones'),
      itemLabel: (number) => t('registration.rule', { number }),
      minItems: 1,
      addLabel: t('registration.addRule'),
      removeLabel: (number) => t('registration.removeRule', { number }),
      onAdd: () => {
        const first = fields[0];
        if (rules && first) pushPiece(context, rules, { id: uniqueId('rule', context.takenIds()), zone: 'yellow', when: defaultCondition(first) }, 'ZoneRule');
      },
      render: (rule) => html`
        <div class="inline">
          ${selectControl(context, rule, 'zone', t('registration.zone'), [
            { value: 'yellow', label: t('registration.yellow') },
            { value: 'red', label: t('registration.red') },
          ])}
          ${stringControl(context, rule, 'id', t('common.id'))}
          ${checkboxControl(context, rule, 'alert', t('registration.alert'))}
        </div>
        ${conditionEditor(context, rule, 'when', fields, t('common.when'), { required: true })}
        ${localizedText(context, rule, 'explanation', t('registration.explanation'))}`,
    })}
    ${actions
      ? (['green', 'yellow', 'red'] as const).map((zone) => html`<div class="zone-actions zone-${zone}">
          ${localizedRichText(context, actions, zone, t('registration.actions', { zone: t(`registration.${zone}`) }))}
        </div>`)
      : nothing}
  </fieldset>`;
}

function goalEditor(context: EditContext, block: Y.Map<unknown>): TemplateResult {
  const goal = mapAt(block, 'goal');
  const numeric = itemsOfBlock(context.items, stringAt(block, 'id')).filter((item) => item.shape === 'number');
  if (!goal) {
    const first = numeric[0];
    return html`<fieldset class="goal"><legend>${t('registration.goal')}</legend>
      ${context.readOnly || !first ? nothing : html`<button type="button" class="add" @click=${() => context.session.transact(() => block.set('goal', toYValue({
        field: first.id, aggregate: 'sum', period: 'week', comparison: 'atLeast', target: 0,
      }, 'Goal')))}>${t('registration.addGoal')}</button>`}
    </fieldset>`;
  }
  return html`<fieldset class="goal"><legend>${t('registration.goal')}</legend>
    <div class="inline">
      ${selectControl(context, goal, 'field', t('registration.goalField'), numeric.map((item) => ({ value: item.id, label: `${item.label} (${item.id})` })))}
      ${selectControl(context, goal, 'aggregate', t('registration.goalAggregate'), ['sum', 'mean', 'max', 'min', 'count'].map((value) => ({ value, label: value })))}
      ${selectControl(context, goal, 'period', t('registration.goalPeriod'), [
        { value: 'day', label: t('registration.day') },
        { value: 'week', label: t('registration.week') },
      ])}
      ${selectControl(context, goal, 'comparison', t('registration.goalComparison'), [
        { value: 'atLeast', label: t('registration.atLeast') },
        { value: 'atMost', label: t('registration.atMost') },
      ])}
      ${numberControl(context, goal, 'target', t('registration.goalTarget'))}
    </div>
    ${localizedText(context, goal, 'label', t('field.title'))}
    ${context.readOnly ? nothing : html`<button type="button" class="small danger" @click=${() => context.session.transact(() => block.delete('goal'))}>${t('registration.removeGoal')}</button>`}
  </fieldset>`;
}
