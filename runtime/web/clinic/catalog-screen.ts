import { html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { seg } from '@careloom/client/api';
import type { CatalogEntry, Deployment, Unit } from '@careloom/format/api';
import { formatDateTime } from '../shared/i18n.js';
import { ScreenElement } from '../shared/screen-element.js';

/** `<cl-catalog-screen>`: released modules and programs, each deployable (its current version) to a chosen unit. */
export class ClCatalogScreen extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    entries: { state: true },
    units: { state: true },
    unitId: { state: true },
    results: { state: true },
  };

  declare entries: CatalogEntry[] | null;
  declare units: Unit[];
  declare unitId: string;
  /** What happened to each entry's last Deploy press: ok or an error sentence. */
  declare results: Record<string, { ok: boolean; text: string }>;

  constructor() {
    super();
    this.entries = null;
    this.units = [];
    this.unitId = '';
    this.results = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    const loaded = await this.guard(() => Promise.all([this.api.get<{ entries: CatalogEntry[] }>('/api/catalog'), this.api.get<{ units: Unit[] }>('/api/care/units')]));
    if (!loaded) return;
    this.entries = loaded[0].entries;
    this.units = loaded[1].units;
    this.unitId ||= this.units.find((unit) => unit.active)?.id ?? this.units[0]?.id ?? '';
  }

  private async deploy(entry: CatalogEntry): Promise<void> {
    const unit = this.units.find((candidate) => candidate.id === this.unitId);
    if (!unit || entry.currentVersion === null) return;
    try {
      const deployment = await this.api.post<Deployment>(`/api/care/units/${seg(unit.id)}/deployments`, { documentId: entry.id, version: entry.currentVersion });
      this.results = { ...this.results, [entry.id]: { ok: true, text: this.t('deployDone', { title: deployment.title, version: deployment.version, unit: unit.name }) } };
    } catch (error) {
      this.results = { ...this.results, [entry.id]: { ok: false, text: this.describeError(error) } };
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<h1 tabindex="-1">${t('catalogTitle')}</h1>
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      <label for="deploy-unit">${t('catalogDeployTo')}</label>
      <select id="deploy-unit" @change=${(event: Event) => (this.unitId = (event.target as HTMLSelectElement).value)}>
        ${this.units.map((unit) => html`<option value=${unit.id} ?selected=${unit.id === this.unitId}>${unit.name}${unit.active ? '' : ` (${t('unitInactive')})`}</option>`)}
      </select>
      ${this.entries === null && !this.loadError ? html`<p role="status">${t('common.loading')}</p>` : null}
      <ul class="plain">${(this.entries ?? []).map((entry) => {
        const current = entry.history.find((version) => version.number === entry.currentVersion);
        const result = this.results[entry.id];
        return html`<li class="card entry" data-entry=${entry.id}>
          <h2>${entry.title}</h2>
          <p>${t(entry.kind === 'program' ? 'common.program' : 'common.module')}${current ? html` · ${t('versionN', { n: current.number })} · ${t('releasedAt', { time: formatDateTime(current.releasedAt, this.language) })}` : html` · ${t('catalogRetired')}`}</p>
          ${current?.changeNote ? html`<p class="hint">${current.changeNote}</p>` : null}
          ${entry.currentVersion !== null
            ? html`<button type="button" class="primary" data-action="deploy" ?disabled=${!this.unitId} @click=${() => this.deploy(entry)}>${t('catalogDeploy', { title: entry.title })}</button>`
            : null}
          <p role="status" class=${result?.ok === false ? 'field-error' : ''}>${result?.text ?? ''}</p>
        </li>`;
      })}</ul>`;
  }
}

if (!customElements.get('cl-catalog-screen')) customElements.define('cl-catalog-screen', ClCatalogScreen);

declare global {
  interface HTMLElementTagNameMap {
    'cl-catalog-screen': ClCatalogScreen;
  }
}
