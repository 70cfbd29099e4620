// Blocks that ask: a single question, a grid of questions on one scale, and a scored instrument.
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { AlertRule, GridBlock, InstrumentBlock, QuestionBlock, SingleChoiceInput } from '@careloom/format';
import { instrumentOptions } from '@careloom/format/engine';
import { scoreInstrument, scoreRange } from '@careloom/format/engine';
import type { InstrumentScore } from '@careloom/format/engine';
import { BlockElement } from './base.js';
import { domId, tx, ui } from './context.js';
import { labelText, renderInputItem } from './inputs.js';

/** `<cl-question-block>`: one question of any input kind; the answer is stored under the block's id. */
export class ClQuestionBlock extends BlockElement<QuestionBlock> {
  protected override render(): TemplateResult | typeof nothing {
    const block = this.block;
    if (!block) return nothing;
    return renderInputItem(this, {
      id: block.id,
      label: block.prompt,
      ...(block.help ? { help: block.help } : {}),
      required: block.required ?? false,
      input: block.input,
      variant: 'question',
    });
  }
}

/**
 * `<cl-grid-block>`: rows of questions on one shared scale, as a table of radio rows. Every radio is
 * named by its row header and column header; on narrow screens the rows stack and each radio shows
 * its option text.
 */
export class ClGridBlock extends BlockElement<GridBlock> {
  protected override render(): TemplateResult | typeof nothing {
    const block = this.block;
    if (!block) return nothing;
    const required = block.required ?? false;
    const columnId = (optionId: string) => `cl-col-${block.id}-${optionId}`;
    return html`<fieldset class="item question grid" id=${domId.group(block.id)}>
      <legend id=${domId.label(block.id)}>${labelText(this, tx(this.ctx, block.prompt), required)}</legend>
      <div class="grid-container">
        <table>
          <thead>
            <tr>
              <td></td>
              ${block.options.map((option) => html`<th scope="col" id=${columnId(option.id)}>${tx(this.ctx, option.label)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${block.rows.map((row) => {
              const value = this.answer(row.id);
              const error = this.errorFor(row.id);
              return html`<tr id=${domId.group(row.id)} class=${error ? 'has-error' : ''}>
                <th scope="row">
                  <span id=${domId.label(row.id)}>${tx(this.ctx, row.prompt)}</span>
                  ${error ? html`<span class="error" id=${domId.error(row.id)}><span aria-hidden="true">⚠ </span>${error}</span>` : nothing}
                </th>
                ${block.options.map(
                  (option, index) => html`<td>
                    <label class="grid-cell">
                      <input
                        type="radio"
                        name=${row.id}
                        id=${index === 0 ? domId.input(row.id) : `${domId.input(row.id)}--${option.id}`}
                        .value=${option.id}
                        .checked=${live(value === option.id)}
                        aria-labelledby=${`${domId.label(row.id)} ${columnId(option.id)}`}
                        aria-describedby=${error ? domId.error(row.id) : nothing}
                        aria-invalid=${error ? 'true' : nothing}
                        ?disabled=${this.ctx.readOnly}
                        @change=${(event: Event) => (event.target as HTMLInputElement).checked && this.emit(row.id, option.id)}
                      /><span class="cell-label" aria-hidden="true">${tx(this.ctx, option.label)}</span>
                    </label>
                  </td>`,
                )}
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </fieldset>`;
  }
}

/**
 * `<cl-instrument-block>`: a rating scale. Items use their own options or the shared scale. With
 * `ctx.showScores` (the designer's preview), the engine's total, band, subscales and alerts are shown.
 */
export class ClInstrumentBlock extends BlockElement<InstrumentBlock> {
  protected override render(): TemplateResult | typeof nothing {
    const block = this.block;
    if (!block) return nothing;
    const headingId = `cl-instrument-${block.id}`;
    const instructions = tx(this.ctx, block.instructions);
    return html`<section class="instrument" aria-labelledby=${headingId}>
      <h2 id=${headingId}>${tx(this.ctx, block.name)}</h2>
      ${instructions ? html`<p class="instructions">${instructions}</p>` : nothing}
      ${block.items.map((item, index) =>
        renderInputItem(this, {
          id: item.id,
          label: item.text,
          labelPrefix: `${index + 1}. `,
          required: item.required ?? true,
          input: { kind: 'singleChoice', options: instrumentOptions(block, index).map((option) => ({ id: option.id, label: option.label })) as SingleChoiceInput['options'] },
          variant: 'field',
        }),
      )}
      ${block.licence ? html`<p class="licence"><small>${block.licence.attribution}</small></p>` : nothing}
      ${this.ctx.showScores ? this.renderScores(block) : nothing}
    </section>`;
  }

  private renderScores(block: InstrumentBlock): TemplateResult {
    let score: InstrumentScore;
    let range: { min: number; max: number } | undefined;
    try {
      score = scoreInstrument(block, this.ctx.answers);
      range = scoreRange(block, block.scoring.total);
    } catch (error) {
      return html`<section class="scores" aria-label=${ui(this.ctx, 'scores')}><p class="error">${(error as Error).message}</p></section>`;
    }
    const band = block.scoring.bands.find((candidate) => candidate.id === score.band);
    const alerts = (block.scoring.alerts ?? []).filter((rule) => score.alerts.includes(rule.id));
    return html`<section class="scores" aria-labelledby=${`cl-scores-${block.id}`}>
      <h3 id=${`cl-scores-${block.id}`}>${ui(this.ctx, 'scores')}</h3>
      <dl>
        <div class="score-row">
          <dt>${ui(this.ctx, 'totalScore')} (${block.abbreviation})</dt>
          <dd class="score-total">${score.total === null ? ui(this.ctx, 'noScore') : html`${score.total}${range ? ` (${range.min}–${range.max})` : ''}`}</dd>
        </div>
        <div class="score-row">
          <dt>${ui(this.ctx, 'severity')}</dt>
          <dd class="score-band" data-level=${band?.level ?? nothing}>${band ? tx(this.ctx, band.label) : '–'}</dd>
        </div>
        ${(block.scoring.subscales ?? []).map(
          (subscale) => html`<div class="score-row">
            <dt>${tx(this.ctx, subscale.name)}</dt>
            <dd>${score.subscales[subscale.id] ?? ui(this.ctx, 'noScore')}</dd>
          </div>`,
        )}
      </dl>
      <h4>${ui(this.ctx, 'alerts')}</h4>
      ${alerts.length === 0
        ? html`<p class="no-alerts">${ui(this.ctx, 'noAlerts')}</p>`
        : html`<ul class="alerts">
            ${alerts.map((rule) => html`<li class="alert alert-${rule.level}" data-alert=${rule.id}>
              <strong><span aria-hidden="true">${rule.level === 'info' ? 'ℹ' : '⚠'} </span>${alertLevel(this, rule)}:</strong>
              ${tx(this.ctx, rule.message)}
            </li>`)}
          </ul>`}
    </section>`;
  }
}

function alertLevel(host: ClInstrumentBlock, rule: AlertRule): string {
  return ui(host.ctx, rule.level === 'urgent' ? 'common.levelUrgent' : rule.level === 'warning' ? 'common.levelWarning' : 'alertLevelInfo');
}
