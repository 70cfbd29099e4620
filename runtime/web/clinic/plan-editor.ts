import { html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { seg, ApiError } from '@careloom/client/api';
import type { Plan, PlanCondition, PlanRule } from '@careloom/format/api';
import { ScreenElement } from '../shared/screen-element.js';

const COMPARISONS = new Set(['lt', 'lte', 'gt', 'gte']);
const OPERATORS: Record<string, string> = { lt: '<', lte: '≤', gt: '>', gte: '≥' };

/** A rule whose condition compares one field with a number: the threshold a therapist may change. */
function threshold(rule: PlanRule): { item: string; op: string; value: number } | undefined {
  const when: PlanCondition = rule.when;
  if (COMPARISONS.has(when.op) && typeof when.item === 'string' && typeof when.value === 'number') return { item: when.item, op: when.op, value: when.value };
  return undefined;
}

/**
 * `<cl-plan-editor>`: a patient's own thresholds for one registration (their self-treatment plan).
 * Rules that compare a field with a number get a number input; other rules are shown as they are.
 * Saving sends every rule with its condition; the server keeps only those that differ.
 */
export class ClPlanEditor extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    enrollmentId: { attribute: 'enrollment-id' },
    plan: { attribute: false },
    values: { state: true },
    ruleErrors: { state: true },
    error: { state: true },
    announcement: { state: true },
    busy: { state: true },
  };

  declare enrollmentId: string;
  declare plan: Plan;
  declare values: Record<string, string>;
  declare ruleErrors: Record<string, string>;
  declare error: string | null;
  declare announcement: string;
  declare busy: boolean;

  constructor() {
    super();
    this.enrollmentId = '';
    this.values = {};
    this.ruleErrors = {};
    this.error = null;
    this.announcement = '';
    this.busy = false;
  }

  private rules(): PlanRule[] {
    return (this.plan?.zones ?? []).flatMap((zone) => zone.rules ?? []);
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const rules = this.rules();
    const errors: Record<string, string> = {};
    const zones = rules.map((rule) => {
      const limit = threshold(rule);
      const typed = this.values[rule.id];
      if (!limit || typed === undefined) return { id: rule.id, zone: rule.zone, when: rule.when };
      const value = Number(typed.replace(',', '.'));
      if (typed.trim() === '' || !Number.isFinite(value)) errors[rule.id] = this.t('invalidNumber');
      return { id: rule.id, zone: rule.zone, when: { ...rule.when, value } };
    });
    this.ruleErrors = errors;
    this.error = null;
    this.announcement = '';
    if (Object.keys(errors).length > 0) return;
    this.busy = true;
    try {
      const plan = this.plan;
      this.plan = await this.api.put<Plan>(`/api/care/enrollments/${seg(this.enrollmentId)}/plans/${seg(plan.moduleId)}/${seg(plan.registrationId)}`, { zones });
      this.values = {};
      this.announcement = this.t('planSaved');
    } catch (error) {
      if (error instanceof ApiError) {
        this.ruleErrors = Object.fromEntries(zones.map((rule, index) => [rule.id, this.ruleError(error, rule.id, index)]).filter(([, message]) => message));
      }
      this.error = this.describeError(error);
    } finally {
      this.busy = false;
    }
  }

  /**
   * The refusal of one rule: a threshold outside the field's range in the therapist's language with
   * the range the diary takes, anything else as the server said it.
   */
  private ruleError(error: ApiError, ruleId: string, index: number): string {
    const issue = error.issues.find((candidate) => candidate.path === `/zones/${index}` || candidate.path.startsWith(`/zones/${index}/`));
    if (!issue) return '';
    const rule = this.rules().find((candidate) => candidate.id === ruleId);
    const field = rule && threshold(rule) ? this.plan.fields.find((candidate) => candidate.id === threshold(rule)!.item) : undefined;
    if (issue.code === 'plan.threshold_out_of_range' && field?.min !== undefined && field.max !== undefined) {
      const language = this.language;
      return this.t('planThresholdRange', { min: field.min.toLocaleString(language), max: field.max.toLocaleString(language), unit: field.unit ? ` ${field.unit}` : '' });
    }
    return issue.message;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const plan = this.plan;
    if (!plan) return html``;
    const labels = new Map(plan.fields.map((field) => [field.id, `${field.label}${field.unit ? ` (${field.unit})` : ''}`]));
    return html`<form @submit=${this.save} novalidate aria-labelledby=${`plan-${plan.registrationId}`}>
      <h3 id=${`plan-${plan.registrationId}`}>${plan.title}</h3>
      ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : null}
      <ul class="plain">
        ${this.rules().map((rule) => {
          const limit = threshold(rule);
          const id = `rule-${plan.registrationId}-${rule.id}`;
          const zoneWord = t(rule.zone === 'red' ? 'zoneRed' : 'zoneYellow');
          return html`<li class="card zone-${rule.zone}" data-rule=${rule.id}>
            ${limit
              ? html`<label for=${id}>${zoneWord}: ${labels.get(limit.item) ?? limit.item} ${OPERATORS[limit.op]}</label>
                  <input id=${id} type="text" inputmode="decimal" .value=${this.values[rule.id] ?? String(limit.value)}
                    aria-invalid=${this.ruleErrors[rule.id] ? 'true' : 'false'} aria-describedby=${ifDefined(this.ruleErrors[rule.id] ? `${id}-error` : undefined)}
                    @input=${(event: Event) => (this.values = { ...this.values, [rule.id]: (event.target as HTMLInputElement).value })} />
                  ${this.ruleErrors[rule.id] ? html`<p class="field-error" id=${`${id}-error`}>${this.ruleErrors[rule.id]}</p>` : null}`
              : html`<p><strong>${zoneWord}:</strong> ${rule.explanation || rule.id}</p>`}
            ${rule.personal ? html`<p class="hint">${t('planPersonalRule')}</p>` : null}
          </li>`;
        })}
      </ul>
      <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t('planSave')}</button></div>
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </form>`;
  }
}

if (!customElements.get('cl-plan-editor')) customElements.define('cl-plan-editor', ClPlanEditor);

declare global {
  interface HTMLElementTagNameMap {
    'cl-plan-editor': ClPlanEditor;
  }
}
