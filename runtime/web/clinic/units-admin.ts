import { html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { seg } from '@careloom/client/api';
import type { Unit } from '@careloom/format/api';
import { hashOf } from '@careloom/client/router';
import { ScreenElement } from '../shared/screen-element.js';

/**
 * `<cl-units-admin>`: the care-provider admin's units, each activated or deactivated in place.
 *
 * @fires units-changed - after a unit changed, so the app can refresh its unit picker
 */
export class ClUnitsAdmin extends ScreenElement {
  static override properties: PropertyDeclarations = { ...ScreenElement.properties, units: { state: true }, errors: { state: true } };

  declare units: Unit[] | null;
  declare errors: Record<string, string>;

  constructor() {
    super();
    this.units = null;
    this.errors = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    const result = await this.guard(() => this.api.get<{ units: Unit[] }>('/api/care/units'));
    if (result) this.units = result.units;
  }

  private async setActive(unit: Unit, active: boolean): Promise<void> {
    try {
      const updated = await this.api.patch<Unit>(`/api/care/units/${seg(unit.id)}`, { active });
      this.units = (this.units ?? []).map((candidate) => (candidate.id === unit.id ? updated : candidate));
      this.errors = { ...this.errors, [unit.id]: '' };
      this.dispatchEvent(new CustomEvent('units-changed', { bubbles: true, composed: true }));
    } catch (error) {
      this.errors = { ...this.errors, [unit.id]: this.describeError(error) };
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<h1 tabindex="-1">${t('unitsTitle')}</h1>
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      ${this.units === null && !this.loadError ? html`<p role="status">${t('common.loading')}</p>` : null}
      <ul class="plain">${(this.units ?? []).map((unit) => html`<li class="card unit" data-unit=${unit.id}>
        <h2><a href=${hashOf('units', unit.id)}>${unit.name}</a></h2>
        <p><span class="badge ${unit.active ? 'neutral' : 'warning'}">${t(unit.active ? 'unitActive' : 'unitInactive')}</span> · ${unit.timeZone}</p>
        <div class="actions">
          ${unit.active
            ? html`<button type="button" data-action="deactivate" @click=${() => this.setActive(unit, false)}>${t('unitDeactivate', { name: unit.name })}</button>`
            : html`<button type="button" class="primary" data-action="activate" @click=${() => this.setActive(unit, true)}>${t('unitActivate', { name: unit.name })}</button>`}
          <a class="button" href=${hashOf('units', unit.id)}>${t('unitSettings')}</a>
        </div>
        ${this.errors[unit.id] ? html`<p class="field-error" role="alert">${this.errors[unit.id]}</p>` : null}
      </li>`)}</ul>`;
  }
}

if (!customElements.get('cl-units-admin')) customElements.define('cl-units-admin', ClUnitsAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'cl-units-admin': ClUnitsAdmin;
  }
}
