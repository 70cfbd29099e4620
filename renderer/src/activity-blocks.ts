// Blocks the patient works with over time: exercises (homework) and registrations (diary, measurements
// with green/yellow/red zones and the self-treatment plan).
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { ExerciseBlock, Field, RegistrationBlock } from '@careloom/format';
import { isAnswered } from '@careloom/format/engine';
import { zoneFor } from '@careloom/format/engine';
import type { ZoneResult } from '@careloom/format/engine';
import { BlockElement } from './base.js';
import type { RenderContext } from './context.js';
import { richTx, tx, ui } from './context.js';
import { renderInputItem } from './inputs.js';
import { renderRichText } from './rich-text.js';

function renderFields(host: BlockElement<unknown>, fields: readonly Field[]): TemplateResult {
  return html`${fields.map((field) =>
    renderInputItem(host, {
      id: field.id,
      label: field.label,
      ...(field.help ? { help: field.help } : {}),
      required: field.required ?? false,
      input: field.input,
      variant: 'field',
    }),
  )}`;
}

/** `<cl-exercise-block>`: an exercise's title, instructions and the fields the patient fills in. */
export class ClExerciseBlock extends BlockElement<ExerciseBlock> {
  protected override render(): TemplateResult | typeof nothing {
    const block = this.block;
    if (!block) return nothing;
    const headingId = `cl-exercise-${block.id}`;
    return html`<section class="exercise" aria-labelledby=${headingId}>
      <h2 id=${headingId}>${tx(this.ctx, block.title)}</h2>
      ${block.practiceDays ? html`<p class="practice-days">${ui(this.ctx, 'practiceDays', { n: block.practiceDays })}</p>` : nothing}
      <div class="rich-text">${renderRichText(richTx(this.ctx, block.instructions), { headingOffset: 2 })}</div>
      ${renderFields(this, block.fields ?? [])}
    </section>`;
  }
}

const ZONE_LABEL = { green: 'zoneGreen', yellow: 'zoneYellow', red: 'zoneRed' } as const;
const ZONE_ICON = { green: '✓', yellow: '!', red: '✕' } as const;

/**
 * `<cl-registration-block>`: one entry of a repeated registration. Once a field is answered, the
 * entry's zone (engine `zoneFor`) is shown as an icon and a written label, with the reasons and the
 * self-treatment plan's action for that zone.
 */
export class ClRegistrationBlock extends BlockElement<RegistrationBlock> {
  protected override render(): TemplateResult | typeof nothing {
    const block = this.block;
    if (!block) return nothing;
    const headingId = `cl-registration-${block.id}`;
    const description = tx(this.ctx, block.description);
    const goal = tx(this.ctx, block.goal?.label);
    return html`<section class="registration" aria-labelledby=${headingId}>
      <h2 id=${headingId}>${tx(this.ctx, block.title)}</h2>
      ${description ? html`<p>${description}</p>` : nothing}
      ${goal ? html`<p class="goal"><strong>${ui(this.ctx, 'goal')}:</strong> ${goal}</p>` : nothing}
      ${renderFields(this, block.fields)}
      ${block.zones ? this.renderZone(block) : nothing}
    </section>`;
  }

  private renderZone(block: RegistrationBlock): TemplateResult {
    const plan = block.zones;
    const answered = block.fields.some((field) => isAnswered(this.ctx.answers[field.id]));
    let result: ZoneResult | undefined;
    if (plan && answered) result = zoneFor(plan, this.ctx.answers);
    const zone = result?.zone;
    const ctx: RenderContext = this.ctx;
    const reasons = plan && result ? plan.rules.filter((rule) => result.matchedRules.includes(rule.id) && rule.zone === zone && rule.explanation) : [];
    return html`<section class=${zone ? `zone zone-${zone}` : 'zone zone-none'} data-zone=${zone ?? nothing} aria-labelledby=${`cl-zone-${block.id}`}>
      <h3 id=${`cl-zone-${block.id}`}>${ui(ctx, 'zoneResult')}</h3>
      <p class="zone-label" role="status">${zone
        ? html`<span class="zone-icon" aria-hidden="true">${ZONE_ICON[zone]}</span><span>${ui(ctx, ZONE_LABEL[zone])}</span>`
        : html`<span>${ui(ctx, 'notAnswered')}</span>`}</p>
      ${reasons.length > 0
        ? html`<p class="zone-why"><strong>${ui(ctx, 'zoneWhy')}:</strong></p>
            <ul>${reasons.map((rule) => html`<li>${tx(ctx, rule.explanation)}</li>`)}</ul>`
        : nothing}
      ${zone && plan
        ? html`<h4>${ui(ctx, 'zoneWhatToDo')}</h4>
            <div class="rich-text zone-action">${renderRichText(richTx(ctx, plan.actions[zone]), { headingOffset: 3 })}</div>`
        : nothing}
    </section>`;
  }
}
