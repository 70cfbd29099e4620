import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import * as Y from 'yjs';
import { toYValue } from '@careloom/format/ydoc';
import type { EditContext } from '../edit-context.js';
import { checkboxControl, numberControl, selectControl, stringControl } from '../fields/controls.js';
import { listEditor, pushPiece, pushPieceAt } from '../fields/list-editor.js';
import { localizedText } from '../fields/localized.js';
import { t } from '../messages.js';
import { emptyText } from '../y/new-pieces.js';
import { uniqueId } from '../y/ids.js';
import { arrayAt, localizedAt, mapAt, mapsOf, numberAt, stringAt } from '../y/read.js';
import { addScoredOption, itemOptionsSwitch } from './item-options.js';
import type { InstrumentBlock } from '@careloom/format';
import { answerNewItemInTests } from './scoring-test-defaults.js';

const NUMERIC_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'] as const;

/**
 * A rating scale: names, licence, the shared scored scale, items (reversed, scored), scoring
 * (sum/mean, missing-item rule, subscales, severity bands, alert rules). A locked instrument
 * (a validated scale) can only be translated: every structural control is read-only and the
 * default language's wording stays as it is.
 */
export function instrumentBlockEditor(context: EditContext, block: Y.Map<unknown>): TemplateResult {
  const locked = block.get('locked') === true;
  const structure: EditContext = locked ? { ...context, readOnly: true } : context;
  const text = { translateOnly: locked };
  const licence = mapAt(block, 'licence');
  const scoring = mapAt(block, 'scoring');
  const tests = arrayAt(block, 'tests');
  return html`
    ${locked ? html`<p class="notice" role="note">${t('instrument.locked')}</p>` : nothing}
    ${localizedText(context, block, 'name', t('common.name'), text)}
    <div class="inline">${stringControl(structure, block, 'abbreviation', t('instrument.abbreviation'))}</div>
    ${localizedText(context, block, 'instructions', t('instrument.instructions'), { ...text, multiline: true })}
    ${licence ? html`<div class="inline">
      ${stringControl(structure, licence, 'name', t('instrument.licenceName'))}
      ${stringControl(structure, licence, 'url', t('instrument.licenceUrl'), { optional: true })}
      ${stringControl(structure, licence, 'attribution', t('instrument.attribution'))}
    </div>` : html`<p class="hint">${t('instrument.ownScale')}</p>`}
    ${structure.readOnly ? nothing : licence
      ? html`<div><button type="button" class="small" data-action="remove-licence" @click=${() => context.session.transact(() => block.delete('licence'))}>${t('instrument.removeLicence')}</button></div>`
      : html`<div><button type="button" class="small" data-action="add-licence" @click=${() => context.session.transact(() => block.set('licence', toYValue({ name: '', attribution: '' }, 'Licence')))}>${t('instrument.addLicence')}</button></div>`}
    ${scoredOptions(context, structure, block, block, t('instrument.sharedScale'), locked)}
    ${itemsEditor(context, structure, block, locked)}
    ${scoring ? scoringEditor(context, structure, block, scoring, locked) : nothing}
    ${tests ? html`<cl-scoring-tests .context=${context} .block=${block}></cl-scoring-tests>` : nothing}`;
}

function scoredOptions(context: EditContext, structure: EditContext, block: Y.Map<unknown>, owner: Y.Map<unknown>, legend: string, locked: boolean): TemplateResult | typeof nothing {
  const options = arrayAt(owner, 'options');
  if (!options) return nothing;
  return listEditor(structure, options, {
    legend,
    itemLabel: (number) => t('field.option', { number }),
    minItems: 2,
    addLabel: t('field.addOption'),
    removeLabel: (number) => t('field.removeOption', { number }),
    moveUpLabel: (number) => t('field.moveOptionUp', { number }),
    onAdd: () => void addScoredOption(context, block, owner),
    render: (map, index) => html`
      ${localizedText(context, map, 'label', t('field.option', { number: index + 1 }), { translateOnly: locked })}
      <div class="inline">
        ${stringControl(structure, map, 'id', t('common.id'))}
        ${numberControl(structure, map, 'score', t('instrument.score', { number: index + 1 }))}
        ${stringControl(structure, map, 'code', 'Code', { optional: true })}
      </div>`,
  });
}

function itemsEditor(context: EditContext, structure: EditContext, block: Y.Map<unknown>, locked: boolean): TemplateResult {
  const items = arrayAt(block, 'items');
  return listEditor(structure, items, {
    legend: t('instrument.items'),
    itemLabel: (number) => t('instrument.item', { number }),
    minItems: 1,
    addLabel: t('instrument.addItem'),
    removeLabel: (number) => t('instrument.removeItem', { number }),
    moveUpLabel: (number) => t('instrument.item', { number }),
    onAdd: () => {
      if (!items) return;
      const before = block.toJSON() as InstrumentBlock;
      const id = uniqueId('item', context.takenIds());
      context.session.transact(() => {
        pushPiece(context, items, { id, text: emptyText(context.languages) }, 'InstrumentItem');
        answerNewItemInTests(block, before, id);
      });
    },
    render: (item, index) => html`
      ${localizedText(context, item, 'text', t('instrument.item', { number: index + 1 }), { translateOnly: locked, multiline: true })}
      <div class="inline">
        ${stringControl(structure, item, 'id', t('common.id'))}
        ${checkboxControl(structure, item, 'reversed', t('instrument.reversed'))}
        ${checkboxControl(structure, item, 'scored', t('instrument.scored'), { defaultValue: true })}
        ${checkboxControl(structure, item, 'required', t('field.required'), { defaultValue: true })}
      </div>
      ${scoredOptions(context, structure, block, item, t('instrument.itemOptions', { number: index + 1 }), locked)}
      ${itemOptionsSwitch(context, block, item, index)}`,
  });
}

function scoringEditor(context: EditContext, structure: EditContext, block: Y.Map<unknown>, scoring: Y.Map<unknown>, locked: boolean): TemplateResult {
  const total = mapAt(scoring, 'total');
  const missing = mapAt(scoring, 'missing');
  const methods = [
    { value: 'sum', label: t('instrument.sum') },
    { value: 'mean', label: t('instrument.mean') },
  ];
  return html`<fieldset class="scoring"><legend>${t('instrument.scoring')}</legend>
    <div class="inline">
      ${total ? selectControl(structure, total, 'method', t('instrument.totalMethod'), methods) : nothing}
      ${total ? numberControl(structure, total, 'decimals', t('field.decimals'), { optional: true, integer: true, min: 0 }) : nothing}
      ${missing ? numberControl(structure, missing, 'maxMissing', t('instrument.maxMissing'), { integer: true, min: 0 }) : nothing}
      ${missing ? selectControl(structure, missing, 'impute', t('instrument.impute'), [
        { value: 'mean', label: t('instrument.imputeMean') },
        { value: 'zero', label: t('instrument.imputeZero') },
      ]) : nothing}
    </div>
    ${subscalesEditor(context, structure, block, scoring, locked)}
    ${bandsEditor(context, structure, scoring, locked)}
    ${alertsEditor(context, structure, block, scoring, locked)}
  </fieldset>`;
}

function itemIds(block: Y.Map<unknown>): string[] {
  return mapsOf(arrayAt(block, 'items')).map(({ map }) => stringAt(map, 'id')).filter((id) => id !== '');
}

function subscalesEditor(context: EditContext, structure: EditContext, block: Y.Map<unknown>, scoring: Y.Map<unknown>, locked: boolean): TemplateResult {
  const subscales = arrayAt(scoring, 'subscales');
  const ids = itemIds(block);
  return listEditor(structure, subscales, {
    legend: t('instrument.subscales'),
    itemLabel: (number) => t('instrument.subscale', { number }),
    addLabel: t('instrument.addSubscale'),
    removeLabel: (number) => t('instrument.removeSubscale', { number }),
    onAdd: () => pushPieceAt(context, scoring, 'subscales', { id: uniqueId('subscale', context.takenIds()), name: emptyText(context.languages), method: 'sum', items: ids.slice(0, 1) }, 'Subscale'),
    render: (subscale, index) => {
      const members = new Set((arrayAt(subscale, 'items')?.toArray() ?? []) as string[]);
      const toggle = (id: string, on: boolean) => context.session.transact(() => {
        let array = arrayAt(subscale, 'items');
        if (!array) {
          array = new Y.Array<unknown>();
          subscale.set('items', array);
        }
        if (on && !members.has(id)) {
          // Keep the subscale's items in instrument order.
          const position = array.toArray().filter((member) => ids.indexOf(member as string) < ids.indexOf(id)).length;
          array.insert(position, [id]);
        }
        if (!on) for (let at = array.length - 1; at >= 0; at -= 1) if (array.get(at) === id) array.delete(at, 1);
      });
      return html`
        ${localizedText(context, subscale, 'name', t('instrument.subscale', { number: index + 1 }), { translateOnly: locked })}
        <div class="inline">
          ${stringControl(structure, subscale, 'id', t('common.id'))}
          ${selectControl(structure, subscale, 'method', t('instrument.totalMethod'), [
            { value: 'sum', label: t('instrument.sum') },
            { value: 'mean', label: t('instrument.mean') },
          ])}
          ${numberControl(structure, subscale, 'maxMissing', t('instrument.maxMissing'), { optional: true, integer: true, min: 0 })}
        </div>
        <fieldset class="checks"><legend>${t('instrument.subscaleItems', { number: index + 1 })}</legend>
          ${ids.map((id) => html`<label class="check"><input type="checkbox" .checked=${live(members.has(id))} ?disabled=${structure.readOnly}
            @change=${(event: Event) => toggle(id, (event.target as HTMLInputElement).checked)} /> ${id}</label>`)}
        </fieldset>`;
    },
  });
}

function bandsEditor(context: EditContext, structure: EditContext, scoring: Y.Map<unknown>, locked: boolean): TemplateResult {
  const bands = arrayAt(scoring, 'bands');
  return listEditor(structure, bands, {
    legend: t('instrument.bands'),
    itemLabel: (number) => t('instrument.band', { number }),
    minItems: 1,
    addLabel: t('instrument.addBand'),
    removeLabel: (number) => t('instrument.removeBand', { number }),
    onAdd: () => {
      if (!bands) return;
      const highest = Math.max(0, ...mapsOf(bands).map(({ map }) => numberAt(map, 'max') ?? 0));
      pushPiece(context, bands, { id: uniqueId('band', context.takenIds()), min: highest + 1, max: highest + 1, label: emptyText(context.languages) }, 'Band');
    },
    render: (band, index) => html`
      ${localizedText(context, band, 'label', t('instrument.band', { number: index + 1 }), { translateOnly: locked })}
      <div class="inline">
        ${stringControl(structure, band, 'id', t('common.id'))}
        ${numberControl(structure, band, 'min', t('instrument.bandMin'))}
        ${numberControl(structure, band, 'max', t('instrument.bandMax'))}
        ${numberControl(structure, band, 'level', t('instrument.bandLevel'), { optional: true, integer: true, min: 0 })}
      </div>`,
  });
}

function alertsEditor(context: EditContext, structure: EditContext, block: Y.Map<unknown>, scoring: Y.Map<unknown>, locked: boolean): TemplateResult {
  const alerts = arrayAt(scoring, 'alerts');
  return listEditor(structure, alerts, {
    legend: t('instrument.alerts'),
    itemLabel: (number) => t('instrument.alert', { number }),
    addLabel: t('instrument.addAlert'),
    removeLabel: (number) => t('instrument.removeAlert', { number }),
    onAdd: () => pushPieceAt(context, scoring, 'alerts', {
      id: uniqueId('alert', context.takenIds()), level: 'warning', message: emptyText(context.languages), when: { of: 'total', op: 'gte', value: 0 },
    }, 'AlertRule'),
    render: (alert, index) => html`
      <div class="inline">
        ${stringControl(structure, alert, 'id', t('common.id'))}
        ${selectControl(structure, alert, 'level', t('instrument.alertLevel'), [
          { value: 'info', label: t('common.levelInfo') },
          { value: 'warning', label: t('common.levelWarning') },
          { value: 'urgent', label: t('common.levelUrgent') },
        ])}
      </div>
      ${localizedText(context, alert, 'message', t('instrument.alertMessage'), { translateOnly: locked })}
      ${scoreTestEditor(structure, block, scoring, alert, index)}`,
  });
}

/** An alert's `when`: what is tested (total, subscale, item, band), picked from the instrument's own parts. */
function scoreTestEditor(context: EditContext, block: Y.Map<unknown>, scoring: Y.Map<unknown>, alert: Y.Map<unknown>, index: number): TemplateResult {
  const when = mapAt(alert, 'when');
  if (!when) return html``;
  const of = stringAt(when, 'of');
  const subscaleIds = mapsOf(arrayAt(scoring, 'subscales')).map(({ map }) => stringAt(map, 'id'));
  const bands = mapsOf(arrayAt(scoring, 'bands')).map(({ map }) => ({ id: stringAt(map, 'id'), label: localizedAt(map, 'label', context.language) }));
  const items = itemIds(block);
  const pickOf = (value: string) => {
    const json =
      value === 'band' ? { of: 'band', bands: bands.slice(0, 1).map((band) => band.id) }
      : value === 'subscale' ? { of: 'subscale', subscale: subscaleIds[0] ?? '', op: 'gte', value: 0 }
      : value === 'item' ? { of: 'item', item: items[items.length - 1] ?? '', op: 'gt', value: 0 }
      : { of: 'total', op: 'gte', value: 0 };
    context.session.transact(() => alert.set('when', toYValue(json, 'ScoreTest')));
  };
  const chosenBands = new Set((arrayAt(when, 'bands')?.toArray() ?? []) as string[]);
  const toggleBand = (id: string, on: boolean) => context.session.transact(() => {
    const array = arrayAt(when, 'bands');
    if (!array) return;
    if (on && !chosenBands.has(id)) array.push([id]);
    if (!on) for (let at = array.length - 1; at >= 0; at -= 1) if (array.get(at) === id) array.delete(at, 1);
  });
  return html`<fieldset class="score-test"><legend>${t('instrument.alertWhen')}</legend>
    <div class="inline">
      ${selectControl(context, when, 'of', t('instrument.alertOf'), [
        { value: 'total', label: t('instrument.ofTotal') },
        { value: 'subscale', label: t('instrument.ofSubscale') },
        { value: 'item', label: t('instrument.ofItem') },
        { value: 'band', label: t('instrument.ofBand') },
      ], { onPick: pickOf })}
      ${of === 'subscale' ? selectControl(context, when, 'subscale', t('instrument.ofSubscale'), subscaleIds.map((id) => ({ value: id, label: id }))) : nothing}
      ${of === 'item' ? selectControl(context, when, 'item', t('instrument.ofItem'), items.map((id) => ({ value: id, label: id }))) : nothing}
      ${of === 'band' ? nothing : selectControl(context, when, 'op', t('condition.op'), NUMERIC_OPS.map((op) => ({ value: op, label: t(`condition.${op}`) })))}
      ${of === 'band' ? nothing : numberControl(context, when, 'value', t('common.value'))}
    </div>
    ${of === 'band' ? html`<fieldset class="checks"><legend>${t('instrument.alert', { number: index + 1 })}: ${t('instrument.bands')}</legend>
      ${bands.map((band) => html`<label class="check"><input type="checkbox" .checked=${live(chosenBands.has(band.id))} ?disabled=${context.readOnly}
        @change=${(event: Event) => toggleBand(band.id, (event.target as HTMLInputElement).checked)} /> ${band.label || band.id}</label>`)}
    </fieldset>` : nothing}
  </fieldset>`;
}
