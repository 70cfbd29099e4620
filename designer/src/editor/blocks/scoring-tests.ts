import { css, html, nothing } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import * as Y from 'yjs';

import type { EditContext } from '../edit-context.js';
import { editorStyles } from '../editor-styles.js';
import { stringControl } from '../fields/controls.js';
import { listEditor, pushPiece } from '../fields/list-editor.js';
import type { InstrumentBlock } from '@careloom/format';
import { lowestCase } from './scoring-test-defaults.js';
import { t } from '../messages.js';
import { arrayAt, keyOf, localizedAt, mapAt, mapsOf, numberAt, stringAt } from '../y/read.js';
import { YDeepObserver } from '../y-deep-observer.js';
import { DesignerElement } from '../../i18n/designer-element.js';

let nextInstance = 1;

/** What a scoring test can be answered with and compared to, read from the instrument now. */
interface Parts {
  items: Array<{ id: string; text: string; options: Array<{ id: string; label: string; score: number | undefined }> }>;
  subscales: Array<{ id: string; name: string }>;
  bands: Array<{ id: string; label: string }>;
  alerts: Array<{ id: string; message: string }>;
}

/**
 * `<cl-scoring-tests>`: an instrument's scoring test cases: list, add, rename, delete, and for each
 * case the answers (per item, picked from that item's own options or the shared scale) and the
 * expected total, subscales, band and alerts. Validation runs every case, so one that disagrees
 * with the scoring shows in the problems list. Test cases check the scoring rather than change it,
 * so they stay editable on a locked instrument.
 */
export class ClScoringTests extends DesignerElement {
  static override properties: PropertyDeclarations = {
    context: { attribute: false },
    block: { attribute: false },
    expanded: { state: true },
  };
  static override styles = [
    ...editorStyles,
    css`
      :host { display: block; margin-top: 0.5rem; }
      .answers { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 0.375rem 0.75rem; }
      .answers .control select { width: 100%; }
      .case-summary { margin: 0.25rem 0; }
    `,
  ];

  declare context: EditContext | undefined;
  declare block: Y.Map<unknown> | undefined;
  /** Keys (keyOf) of the cases whose answers and expectations are open. */
  declare expanded: ReadonlySet<number>;
  readonly #prefix = `cl-tests-${nextInstance++}`;

  constructor() {
    super();
    this.expanded = new Set();
  }

  /** Redraws while connected. Items, options, bands, alerts and the cases themselves all shape this list; typing in a label does not. */
  protected readonly yObserver = new YDeepObserver(this, () => this.block, (events) => events.some((event) => !(event.target instanceof Y.Text)));

  protected override render() {
    const context = this.context;
    const block = this.block;
    const tests = arrayAt(block, 'tests');
    if (!context || !block || !tests) return nothing;
    const parts = this.#parts(context, block);
    return html`${listEditor(context, tests, {
      legend: t('tests.legend'),
      itemLabel: (number) => t('tests.case', { number }),
      minItems: 1,
      addLabel: t('tests.addCase'),
      removeLabel: (number) => t('tests.removeCase', { number }),
      onAdd: () => this.#add(context, tests),
      render: (test, index) => this.#case(context, parts, test, index),
    })}
    <p class="hint">${t('tests.hint')}</p>`;
  }

  #parts(context: EditContext, block: Y.Map<unknown>): Parts {
    const language = context.language;
    const scaleOf = (owner: Y.Map<unknown>) => mapsOf(arrayAt(owner, 'options')).map(({ map }) => ({
      id: stringAt(map, 'id'), label: localizedAt(map, 'label', language) || stringAt(map, 'id'), score: numberAt(map, 'score'),
    }));
    const shared = scaleOf(block);
    const scoring = mapAt(block, 'scoring');
    return {
      items: mapsOf(arrayAt(block, 'items')).map(({ map }) => ({
        id: stringAt(map, 'id'),
        text: localizedAt(map, 'text', language),
        options: arrayAt(map, 'options') ? scaleOf(map) : shared,
      })),
      subscales: mapsOf(arrayAt(scoring, 'subscales')).map(({ map }) => ({ id: stringAt(map, 'id'), name: localizedAt(map, 'name', language) || stringAt(map, 'id') })),
      bands: mapsOf(arrayAt(scoring, 'bands')).map(({ map }) => ({ id: stringAt(map, 'id'), label: localizedAt(map, 'label', language) || stringAt(map, 'id') })),
      alerts: mapsOf(arrayAt(scoring, 'alerts')).map(({ map }) => ({ id: stringAt(map, 'id'), message: localizedAt(map, 'message', language) || stringAt(map, 'id') })),
    };
  }

  #add(context: EditContext, tests: Y.Array<unknown>): void {
    const instrument = this.block!.toJSON() as InstrumentBlock;
    pushPiece(context, tests, lowestCase(instrument, t('tests.newName', { number: tests.length + 1 })), 'ScoringTest');
    const added = tests.get(tests.length - 1);
    this.expanded = new Set([...this.expanded, keyOf(added)]);
    void this.updateComplete.then(() => {
      const names = this.renderRoot.querySelectorAll<HTMLInputElement>('[data-role="case-name"] input');
      names[names.length - 1]?.focus();
    });
  }

  #toggle(test: Y.Map<unknown>): void {
    const key = keyOf(test);
    const next = new Set(this.expanded);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.expanded = next;
  }

  #case(context: EditContext, parts: Parts, test: Y.Map<unknown>, index: number): TemplateResult {
    const number = index + 1;
    const open = this.expanded.has(keyOf(test));
    const answers = mapAt(test, 'answers');
    const expect = mapAt(test, 'expect');
    const answered = parts.items.filter((item) => typeof answers?.get(item.id) === 'string').length;
    const total = expect?.get('total');
    const bodyId = `${this.#prefix}-case-${keyOf(test)}`;
    return html`
      <div class="inline" data-role="case-name">${stringControl(context, test, 'name', t('tests.name', { number }))}</div>
      <p class="hint case-summary">${t('tests.summary', { answered, count: parts.items.length, total: typeof total === 'number' ? String(total) : '—' })}</p>
      <button type="button" class="small" data-action="toggle-case" aria-expanded=${open ? 'true' : 'false'} aria-controls=${bodyId} @click=${() => this.#toggle(test)}>
        ${t('tests.showCase', { number })}
      </button>
      ${open
        ? html`<div id=${bodyId}>
            ${this.#answers(context, parts, test, number)}
            ${expect ? this.#expectations(context, parts, expect, number) : nothing}
          </div>`
        : nothing}`;
  }

  #answers(context: EditContext, parts: Parts, test: Y.Map<unknown>, number: number): TemplateResult {
    const answers = mapAt(test, 'answers');
    const pick = (itemId: string, optionId: string) => context.session.transact(() => {
      let map = mapAt(test, 'answers');
      if (!map) {
        map = new Y.Map<unknown>();
        test.set('answers', map);
      }
      // Left out means unanswered, like null; leaving it out keeps the case short.
      if (optionId === '') map.delete(itemId);
      else map.set(itemId, optionId);
    });
    return html`<fieldset data-role="answers"><legend>${t('common.answers')} (${t('tests.case', { number })})</legend>
      <div class="answers">
        ${parts.items.map((item, itemIndex) => {
          const id = `${this.#prefix}-${number}-answer-${itemIndex}`;
          const chosen = answers?.get(item.id);
          const current = typeof chosen === 'string' ? chosen : '';
          const known = current === '' || item.options.some((option) => option.id === current);
          return html`<span class="control select">
            <label for=${id}>${itemIndex + 1}. ${item.text || item.id}</label>
            <select id=${id} data-item=${item.id} ?disabled=${context.readOnly} @change=${(event: Event) => pick(item.id, (event.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${current === ''}>${t('tests.unanswered')}</option>
              ${item.options.map((option) => html`<option value=${option.id} ?selected=${option.id === current}>${t('tests.option', { label: option.label, score: option.score ?? '?' })}</option>`)}
              ${known ? nothing : html`<option value=${current} selected>${current}</option>`}
            </select>
          </span>`;
        })}
      </div>
    </fieldset>`;
  }

  #expectations(context: EditContext, parts: Parts, expect: Y.Map<unknown>, number: number): TemplateResult {
    const id = (part: string) => `${this.#prefix}-${number}-${part}`;
    const total = expect.get('total');
    const band = expect.get('band');
    const set = (key: string, value: unknown) => context.session.transact(() => {
      if (value === undefined) expect.delete(key);
      else expect.set(key, value);
    });
    const onTotal = (event: Event) => {
      const input = event.target as HTMLInputElement;
      const value = Number(input.value);
      if (input.value.trim() !== '' && Number.isFinite(value)) set('total', value);
    };
    const bandValue = band === null ? '#none' : typeof band === 'string' ? band : '';
    return html`<fieldset data-role="expect"><legend>${t('tests.expect')} (${t('tests.case', { number })})</legend>
      <div class="inline">
        <span class="control number">
          <label for=${id('total')}>${t('tests.total')}</label>
          <input id=${id('total')} type="number" step="any" data-role="expect-total" ?readonly=${context.readOnly} ?disabled=${total === null}
            .value=${live(typeof total === 'number' ? String(total) : '')} @change=${onTotal} />
        </span>
        <span class="control checkbox">
          <input id=${id('no-total')} type="checkbox" data-role="expect-no-total" .checked=${live(total === null)} ?disabled=${context.readOnly}
            @change=${(event: Event) => set('total', (event.target as HTMLInputElement).checked ? null : 0)} />
          <label for=${id('no-total')}>${t('tests.noTotal')}</label>
        </span>
        <span class="control select">
          <label for=${id('band')}>${t('tests.band')}</label>
          <select id=${id('band')} data-role="expect-band" ?disabled=${context.readOnly}
            @change=${(event: Event) => {
              const value = (event.target as HTMLSelectElement).value;
              set('band', value === '' ? undefined : value === '#none' ? null : value);
            }}>
            <option value="" ?selected=${bandValue === ''}>${t('tests.notChecked')}</option>
            <option value="#none" ?selected=${bandValue === '#none'}>${t('tests.noBand')}</option>
            ${parts.bands.map((candidate) => html`<option value=${candidate.id} ?selected=${candidate.id === bandValue}>${candidate.label}</option>`)}
          </select>
        </span>
        ${parts.subscales.map((subscale) => this.#subscale(context, expect, subscale, id(`subscale-${subscale.id}`)))}
      </div>
      ${parts.alerts.length > 0 ? this.#alerts(context, expect, parts, id) : nothing}
    </fieldset>`;
  }

  #subscale(context: EditContext, expect: Y.Map<unknown>, subscale: Parts['subscales'][number], id: string): TemplateResult {
    const expected = mapAt(expect, 'subscales')?.get(subscale.id);
    const onChange = (event: Event) => {
      const input = event.target as HTMLInputElement;
      const value = Number(input.value);
      if (input.value.trim() !== '' && !Number.isFinite(value)) return;
      context.session.transact(() => {
        let map = mapAt(expect, 'subscales');
        if (input.value.trim() === '') {
          map?.delete(subscale.id);
          return;
        }
        if (!map) {
          map = new Y.Map<unknown>();
          expect.set('subscales', map);
        }
        map.set(subscale.id, value);
      });
    };
    return html`<span class="control number">
      <label for=${id}>${t('tests.subscale', { name: subscale.name })}</label>
      <input id=${id} type="number" step="any" ?readonly=${context.readOnly} .value=${live(typeof expected === 'number' ? String(expected) : '')} @change=${onChange} />
    </span>`;
  }

  #alerts(context: EditContext, expect: Y.Map<unknown>, parts: Parts, id: (part: string) => string): TemplateResult {
    const alerts = arrayAt(expect, 'alerts');
    const expected = new Set((alerts?.toArray() ?? []) as string[]);
    const checkAlerts = (on: boolean) => context.session.transact(() => {
      if (on) expect.set('alerts', new Y.Array<unknown>());
      else expect.delete('alerts');
    });
    const toggle = (alertId: string, on: boolean) => context.session.transact(() => {
      const array = arrayAt(expect, 'alerts');
      if (!array) return;
      if (on && !expected.has(alertId)) {
        // In the rules' order, so that the case reads like the scoring.
        const order = parts.alerts.map((alert) => alert.id);
        const position = array.toArray().filter((member) => order.indexOf(member as string) < order.indexOf(alertId)).length;
        array.insert(position, [alertId]);
      }
      if (!on) for (let at = array.length - 1; at >= 0; at -= 1) if (array.get(at) === alertId) array.delete(at, 1);
    });
    return html`
      <span class="control checkbox">
        <input id=${id('check-alerts')} type="checkbox" data-role="expect-check-alerts" .checked=${live(alerts !== undefined)} ?disabled=${context.readOnly}
          @change=${(event: Event) => checkAlerts((event.target as HTMLInputElement).checked)} />
        <label for=${id('check-alerts')}>${t('tests.checkAlerts')}</label>
      </span>
      ${alerts
        ? html`<fieldset class="checks" data-role="expect-alerts"><legend>${t('tests.alertsFire')}</legend>
            ${parts.alerts.map((alert) => html`<label class="check"><input type="checkbox" data-alert=${alert.id} .checked=${live(expected.has(alert.id))} ?disabled=${context.readOnly}
              @change=${(event: Event) => toggle(alert.id, (event.target as HTMLInputElement).checked)} /> ${alert.id}: ${alert.message}</label>`)}
          </fieldset>`
        : nothing}`;
  }
}
