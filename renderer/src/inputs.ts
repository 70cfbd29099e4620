// One renderer per input kind, shared by question blocks and exercise/registration fields.
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type {
  DateTimeInput,
  Input,
  LocalizedText,
  MultipleChoiceInput,
  NumberInput,
  ScaleInput,
  SingleChoiceInput,
  SliderInput,
  TextInput,
  YesNoInput,
} from '@careloom/format';
import type { BlockElement } from './base.js';
import { domId, tx, ui } from './context.js';

/** What an input is asked about. */
export interface InputItem {
  id: string;
  label: LocalizedText;
  help?: LocalizedText;
  required: boolean;
  input: Input;
  /** 'question' prompts render bigger than field labels. */
  variant: 'question' | 'field';
  /** Shown before the label, e.g. the item number of an instrument. */
  labelPrefix?: string;
}

type Host = BlockElement<unknown>;

/** The template of one question or field. */
export function renderInputItem(host: Host, item: InputItem): TemplateResult {
  switch (item.input.kind) {
    case 'singleChoice':
      return item.input.display === 'dropdown' ? renderSelect(host, item, item.input) : renderRadios(host, item, item.input);
    case 'scale':
      return renderScale(host, item, item.input);
    case 'multipleChoice':
      return renderCheckboxes(host, item, item.input);
    case 'yesNo':
      return renderYesNo(host, item, item.input);
    case 'slider':
      return renderSlider(host, item, item.input);
    case 'number':
      return renderNumber(host, item, item.input);
    case 'text':
      return renderText(host, item, item.input);
    case 'dateTime':
      return renderDateTime(host, item, item.input);
  }
}

/** The label text with its required/optional marker, written out (not a colour or an asterisk alone). */
export function labelText(host: Host, text: string, required: boolean): TemplateResult {
  return html`${text} <span class=${required ? 'marker required' : 'marker'} lang=${host.ctx.interfaceLanguage ?? host.ctx.language}>(${ui(host.ctx, required ? 'required' : 'optional')})</span>`;
}

/** Help, hint and error paragraphs of an item, and the ids to put in aria-describedby. */
function descriptions(host: Host, item: { id: string; help?: LocalizedText }, hint?: string | TemplateResult): { parts: TemplateResult; describedBy: string | typeof nothing } {
  const ids: string[] = [];
  const help = tx(host.ctx, item.help);
  const error = host.errorFor(item.id);
  if (help) ids.push(domId.help(item.id));
  if (hint) ids.push(domId.hint(item.id));
  if (error) ids.push(domId.error(item.id));
  const parts = html`${help ? html`<p class="help" id=${domId.help(item.id)}>${help}</p>` : nothing}${hint
    ? html`<p class="hint" id=${domId.hint(item.id)}>${hint}</p>`
    : nothing}${error ? html`<p class="error" id=${domId.error(item.id)}><span aria-hidden="true">⚠ </span>${error}</p>` : nothing}`;
  return { parts, describedBy: ids.length > 0 ? ids.join(' ') : nothing };
}

interface ChoiceOption {
  id: string;
  label: TemplateResult | string;
  checked: boolean;
  disabled?: boolean;
}

/** A fieldset with a legend around a list of radio buttons or checkboxes. */
function choiceGroup(
  host: Host,
  item: InputItem,
  type: 'radio' | 'checkbox',
  options: ChoiceOption[],
  onChange: (optionId: string, checked: boolean) => void,
  extraClass = '',
  hint?: string,
): TemplateResult {
  const { parts, describedBy } = descriptions(host, item, hint);
  const invalid = host.errorFor(item.id) !== undefined;
  return html`<fieldset class="item ${item.variant} ${extraClass}" id=${domId.group(item.id)} aria-describedby=${describedBy}>
    <legend id=${domId.label(item.id)}>${labelText(host, (item.labelPrefix ?? '') + tx(host.ctx, item.label), item.required)}</legend>
    ${parts}
    <div class="choices">
      ${options.map(
        (option, index) => html`<label class="choice">
          <input
            type=${type}
            name=${item.id}
            id=${index === 0 ? domId.input(item.id) : `${domId.input(item.id)}--${option.id}`}
            .value=${option.id}
            .checked=${live(option.checked)}
            ?disabled=${host.ctx.readOnly || option.disabled === true}
            aria-invalid=${invalid && index === 0 ? 'true' : nothing}
            @change=${(event: Event) => onChange(option.id, (event.target as HTMLInputElement).checked)}
          /><span class="choice-label">${option.label}</span>
        </label>`,
      )}
    </div>
  </fieldset>`;
}

function renderRadios(host: Host, item: InputItem, input: SingleChoiceInput): TemplateResult {
  const value = host.answer(item.id);
  return choiceGroup(
    host,
    item,
    'radio',
    input.options.map((option) => ({ id: option.id, label: tx(host.ctx, option.label), checked: value === option.id })),
    (optionId, checked) => checked && host.emit(item.id, optionId),
  );
}

function renderScale(host: Host, item: InputItem, input: ScaleInput): TemplateResult {
  const value = host.answer(item.id);
  return choiceGroup(
    host,
    item,
    'radio',
    input.options.map((option) => ({ id: option.id, label: tx(host.ctx, option.label), checked: value === option.id })),
    (optionId, checked) => checked && host.emit(item.id, optionId),
    'scale',
  );
}

function renderYesNo(host: Host, item: InputItem, input: YesNoInput): TemplateResult {
  const value = host.answer(item.id);
  const yes = tx(host.ctx, input.yesLabel) || ui(host.ctx, 'common.yes');
  const no = tx(host.ctx, input.noLabel) || ui(host.ctx, 'common.no');
  return choiceGroup(
    host,
    item,
    'radio',
    [
      { id: 'yes', label: yes, checked: value === true },
      { id: 'no', label: no, checked: value === false },
    ],
    (optionId, checked) => checked && host.emit(item.id, optionId === 'yes'),
    'yes-no',
  );
}

function renderCheckboxes(host: Host, item: InputItem, input: MultipleChoiceInput): TemplateResult {
  const raw = host.answer(item.id);
  const selected = Array.isArray(raw) ? raw : [];
  const max = input.maxSelected;
  const min = input.minSelected;
  const full = max !== undefined && selected.length >= max;
  const hint =
    min !== undefined && min > 0 && max !== undefined
      ? ui(host.ctx, 'chooseBetween', { min, max })
      : max !== undefined
        ? ui(host.ctx, 'chooseAtMost', { n: max })
        : min !== undefined && min > 1
          ? ui(host.ctx, 'chooseAtLeast', { n: min })
          : undefined;
  return choiceGroup(
    host,
    item,
    'checkbox',
    input.options.map((option) => ({
      id: option.id,
      label: tx(host.ctx, option.label),
      checked: selected.includes(option.id),
      disabled: full && !selected.includes(option.id),
    })),
    (optionId, checked) => {
      const chosen = new Set(selected);
      if (checked) chosen.add(optionId);
      else chosen.delete(optionId);
      // Keep the options' order, whatever the clicking order.
      const next = input.options.map((option) => option.id).filter((id) => chosen.has(id));
      host.emit(item.id, next.length > 0 ? next : null);
      const tooFew = min !== undefined && next.length > 0 && next.length < min;
      host.setProblem(item.id, tooFew ? ui(host.ctx, 'chooseAtLeast', { n: min }) : null, false);
    },
    'multiple',
    hint,
  );
}

/** A single control (select, range, text, number, date) with a label above it. */
function singleControl(host: Host, item: InputItem, control: (describedBy: string | typeof nothing, invalid: boolean) => TemplateResult, hint?: string | TemplateResult, after?: TemplateResult): TemplateResult {
  const { parts, describedBy } = descriptions(host, item, hint);
  return html`<div class="item ${item.variant}" id=${domId.group(item.id)}>
    <label class="item-label" for=${domId.input(item.id)} id=${domId.label(item.id)}>${labelText(host, (item.labelPrefix ?? '') + tx(host.ctx, item.label), item.required)}</label>
    ${parts}
    ${control(describedBy, host.errorFor(item.id) !== undefined)}
    ${after ?? nothing}
  </div>`;
}

function renderSelect(host: Host, item: InputItem, input: SingleChoiceInput): TemplateResult {
  const value = host.answer(item.id);
  return singleControl(host, item, (describedBy, invalid) => html`<select
    id=${domId.input(item.id)}
    aria-describedby=${describedBy}
    aria-invalid=${invalid ? 'true' : nothing}
    aria-required=${item.required ? 'true' : nothing}
    ?disabled=${host.ctx.readOnly}
    @change=${(event: Event) => {
      const chosen = (event.target as HTMLSelectElement).value;
      host.emit(item.id, chosen === '' ? null : chosen);
    }}
  >
    <option value="" ?selected=${typeof value !== 'string'}>${ui(host.ctx, 'common.choose')}</option>
    ${input.options.map((option) => html`<option value=${option.id} ?selected=${value === option.id}>${tx(host.ctx, option.label)}</option>`)}
  </select>`);
}

function renderSlider(host: Host, item: InputItem, input: SliderInput): TemplateResult {
  const value = host.answer(item.id);
  const answered = typeof value === 'number';
  const step = input.step ?? 1;
  const middle = input.min + Math.round((input.max - input.min) / 2 / step) * step;
  const minLabel = tx(host.ctx, input.minLabel);
  const maxLabel = tx(host.ctx, input.maxLabel);
  const valueText = answered ? [String(value), value === input.min ? minLabel : value === input.max ? maxLabel : ''].filter(Boolean).join(', ') : ui(host.ctx, 'notAnswered');
  return singleControl(
    host,
    item,
    (describedBy, invalid) => html`<div class="slider">
      <input
        type="range"
        id=${domId.input(item.id)}
        min=${input.min}
        max=${input.max}
        step=${step}
        .value=${live(String(answered ? value : middle))}
        class=${answered ? 'answered' : 'unanswered'}
        aria-describedby=${describedBy}
        aria-invalid=${invalid ? 'true' : nothing}
        aria-valuetext=${valueText}
        ?disabled=${host.ctx.readOnly}
        @input=${(event: Event) => host.emit(item.id, Number((event.target as HTMLInputElement).value))}
        @change=${(event: Event) => host.emit(item.id, Number((event.target as HTMLInputElement).value))}
      />
      <div class="slider-ends" aria-hidden="true">
        <span>${input.min}${minLabel ? html`<br />${minLabel}` : nothing}</span>
        <span>${input.max}${maxLabel ? html`<br />${maxLabel}` : nothing}</span>
      </div>
      <output for=${domId.input(item.id)} class="slider-value">${answered ? ui(host.ctx, 'sliderValue', { v: value }) : ui(host.ctx, 'notAnswered')}</output>
    </div>`,
    `${input.min}${minLabel ? ` = ${minLabel}` : ''}, ${input.max}${maxLabel ? ` = ${maxLabel}` : ''}`,
  );
}

function renderNumber(host: Host, item: InputItem, input: NumberInput): TemplateResult {
  const value = host.answer(item.id);
  const decimals = input.decimals ?? 0;
  const unit = tx(host.ctx, input.unit?.label);
  const range =
    input.min !== undefined && input.max !== undefined
      ? ui(host.ctx, 'numberRange', { min: input.min, max: input.max })
      : input.min !== undefined
        ? ui(host.ctx, 'numberAtLeast', { min: input.min })
        : input.max !== undefined
          ? ui(host.ctx, 'numberAtMost', { max: input.max })
          : '';
  const precision = decimals === 0 ? ui(host.ctx, 'wholeNumber') : ui(host.ctx, 'decimalsAllowed', { n: decimals });
  const hint = [range, precision].filter(Boolean).join(', ') + (unit ? ` (${unit})` : '');
  const onChange = (event: Event) => {
    const text = (event.target as HTMLInputElement).value.trim();
    if (text === '') {
      host.emit(item.id, null);
      host.setProblem(item.id, null, true);
      return;
    }
    const problem = numberProblem(host, input, text);
    if (problem) {
      host.emit(item.id, null);
      host.setProblem(item.id, problem, true);
    } else {
      host.emit(item.id, Number(text.replace(',', '.')));
      host.setProblem(item.id, null, true);
    }
  };
  return singleControl(
    host,
    item,
    (describedBy, invalid) => html`<div class="number">
      <input
        type="text"
        inputmode=${decimals > 0 ? 'decimal' : 'numeric'}
        autocomplete="off"
        id=${domId.input(item.id)}
        .value=${live(typeof value === 'number' ? String(value) : typedText(host, item.id))}
        aria-describedby=${describedBy}
        aria-invalid=${invalid ? 'true' : nothing}
        aria-required=${item.required ? 'true' : nothing}
        ?disabled=${host.ctx.readOnly}
        @change=${onChange}
      />${unit ? html`<span class="unit" aria-hidden="true">${unit}</span>` : nothing}
    </div>`,
    hint,
  );
}

/**
 * What the patient typed into a number field and the app did not take (kept so they can correct
 * it). Only from a text field: when the designer turns a choice into a number, the element under
 * that id may still be the choice's first radio button, whose value is an option id.
 */
function typedText(host: Host, itemId: string): string {
  const existing = host.querySelector<HTMLInputElement>(`#${CSS.escape(domId.input(itemId))}`);
  return existing instanceof HTMLInputElement && existing.type === 'text' ? existing.value : '';
}

/** Why a typed number is not accepted, or null when it is. */
export function numberProblem(host: Host, input: NumberInput, text: string): string | null {
  const normalized = text.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalized)) return ui(host.ctx, 'invalidNumber');
  const decimals = input.decimals ?? 0;
  const typedDecimals = normalized.split('.')[1]?.length ?? 0;
  if (typedDecimals > decimals) return ui(host.ctx, 'tooManyDecimals', { n: decimals });
  const number = Number(normalized);
  if ((input.min !== undefined && number < input.min) || (input.max !== undefined && number > input.max)) {
    return ui(host.ctx, 'outOfRange', { min: input.min ?? '−∞', max: input.max ?? '∞' });
  }
  return null;
}

function renderText(host: Host, item: InputItem, input: TextInput): TemplateResult {
  const value = host.answer(item.id);
  const text = typeof value === 'string' ? value : '';
  const onInput = (event: Event) => {
    const typed = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    host.emit(item.id, typed === '' ? null : typed);
  };
  const counter = ui(host.ctx, 'characters', { n: text.length, max: input.maxLength });
  return singleControl(
    host,
    item,
    (describedBy, invalid) =>
      input.multiline || input.maxLength > 200
        ? html`<textarea
            id=${domId.input(item.id)}
            rows=${input.multiline ? 5 : 3}
            maxlength=${input.maxLength}
            .value=${live(text)}
            aria-describedby=${describedBy}
            aria-invalid=${invalid ? 'true' : nothing}
            aria-required=${item.required ? 'true' : nothing}
            ?readonly=${host.ctx.readOnly}
            @input=${onInput}
          ></textarea>`
        : html`<input
            type="text"
            id=${domId.input(item.id)}
            maxlength=${input.maxLength}
            .value=${live(text)}
            aria-describedby=${describedBy}
            aria-invalid=${invalid ? 'true' : nothing}
            aria-required=${item.required ? 'true' : nothing}
            ?readonly=${host.ctx.readOnly}
            @input=${onInput}
          />`,
    counter,
  );
}

function renderDateTime(host: Host, item: InputItem, input: DateTimeInput): TemplateResult {
  const value = host.answer(item.id);
  const type = input.mode === 'date' ? 'date' : input.mode === 'time' ? 'time' : 'datetime-local';
  return singleControl(host, item, (describedBy, invalid) => html`<input
    type=${type}
    id=${domId.input(item.id)}
    .value=${live(typeof value === 'string' ? value : '')}
    aria-describedby=${describedBy}
    aria-invalid=${invalid ? 'true' : nothing}
    aria-required=${item.required ? 'true' : nothing}
    ?readonly=${host.ctx.readOnly}
    @change=${(event: Event) => {
      const typed = (event.target as HTMLInputElement).value;
      host.emit(item.id, typed === '' ? null : typed);
    }}
  />`);
}
