import { css, html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { renderRichText } from '@careloom/renderer';
import type { RichTextDoc } from '@careloom/format';
import { seg } from '@careloom/client/api';
import type { MyEnrollment, Plan, Zone } from '@careloom/format/api';
import type { MessageKey } from '../shared/i18n.js';
import { ScreenElement } from '../shared/screen-element.js';

const ZONE_KEY: Record<Zone, MessageKey> = { green: 'zoneGreen', yellow: 'zoneYellow', red: 'zoneRed' };
const ZONE_ICON: Record<Zone, string> = { green: '●', yellow: '▲', red: '■' };

/**
 * `<cl-plan-screen>`: the self-treatment plan: for each registration with zones, what puts the
 * patient in the yellow or red zone (with their own thresholds) and what to do in each zone.
 */
export class ClPlanScreen extends ScreenElement {
  static override styles = [
    ScreenElement.styles,
    css`
      .zone { border-left: 6px solid currentColor; }
      .zone h3 { margin-top: 0; }
      .zone .action { color: var(--cl-text); }
      .personal { font-weight: 600; }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    enrollments: { attribute: false },
    plans: { state: true },
  };

  declare enrollments: MyEnrollment[];
  declare plans: Plan[] | null;

  constructor() {
    super();
    this.enrollments = [];
    this.plans = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  protected override languageChanged(): Promise<void> {
    return this.load();
  }

  async load(): Promise<void> {
    const lists = await this.guard(() => Promise.all(this.enrollments.map((enrollment) => this.api.get<{ plans: Plan[] }>(`/api/me/enrollments/${seg(enrollment.id)}/plan`))));
    if (lists) this.plans = lists.flatMap((list) => list.plans);
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<h1 tabindex="-1">${t('navPlan')}</h1>
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      ${this.plans === null && !this.loadError ? html`<p role="status">${t('common.loading')}</p>` : null}
      ${this.plans?.length === 0 ? html`<p class="muted">${t('planNone')}</p>` : null}
      ${(this.plans ?? []).map((plan) => html`<section class="plan" data-registration=${plan.registrationId} aria-labelledby=${`plan-${plan.registrationId}`}>
        <h2 id=${`plan-${plan.registrationId}`}>${plan.title}</h2>
        ${plan.zones.map((zone) => html`<div class="card zone zone-${zone.zone}" data-zone=${zone.zone}>
          <h3><span aria-hidden="true">${ZONE_ICON[zone.zone]}</span> ${t(ZONE_KEY[zone.zone])}</h3>
          ${zone.rule ? html`<p>${t('planWhen', { rule: zone.rule })}</p>` : null}
          ${(zone.rules ?? []).some((rule) => rule.personal) ? html`<p class="personal">${t('planPersonal')}</p>` : null}
          <div class="action">${renderRichText(zone.action as RichTextDoc | undefined, { headingOffset: 3 })}</div>
        </div>`)}
      </section>`)}`;
  }
}

if (!customElements.get('cl-plan-screen')) customElements.define('cl-plan-screen', ClPlanScreen);

declare global {
  interface HTMLElementTagNameMap {
    'cl-plan-screen': ClPlanScreen;
  }
}
