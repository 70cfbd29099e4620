import { localize } from '@careloom/format/engine';
import { html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { seg } from '@careloom/client/api';
import { ApiError } from '@careloom/client/api';
import type { CatalogEntry, Deployment, Unit } from '@careloom/format/api';
import { formatDateTime } from '../shared/i18n.js';
import { ScreenElement } from '../shared/screen-element.js';

/**
 * `<cl-catalog-screen>`: released modules and programs in the interface language, searchable, each
 * with the publisher's release notes and whether the chosen unit already has it. Deploying asks for
 * confirmation and cannot be sent twice (the server refuses a duplicate anyway).
 */
export class ClCatalogScreen extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    entries: { state: true },
    units: { state: true },
    unitId: { state: true },
    deployments: { state: true },
    query: { state: true },
    confirming: { state: true },
    pending: { state: true },
    results: { state: true },
  };

  declare entries: CatalogEntry[] | null;
  declare units: Unit[];
  declare unitId: string;
  /** The chosen unit's deployments, to mark what it already has. */
  declare deployments: Deployment[];
  declare query: string;
  /** The entry whose Deploy is waiting for confirmation. */
  declare confirming: string | null;
  /** The entry whose deployment is being sent. */
  declare pending: string | null;
  /** What happened to each entry's last deployment: ok or an error sentence. */
  declare results: Record<string, { ok: boolean; text: string }>;

  constructor() {
    super();
    this.entries = null;
    this.units = [];
    this.unitId = '';
    this.deployments = [];
    this.query = '';
    this.confirming = null;
    this.pending = null;
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
    await this.loadDeployments();
  }

  private async loadDeployments(): Promise<void> {
    const unitId = this.unitId;
    if (!unitId) return;
    const loaded = await this.guard(() => this.api.get<{ deployments: Deployment[] }>(`/api/care/units/${seg(unitId)}/deployments`));
    if (loaded && unitId === this.unitId) this.deployments = loaded.deployments;
  }

  private chooseUnit(unitId: string): void {
    // Choosing the unit already shown changes nothing: clearing its deployments would show every
    // entry as not deployed, with a Deploy button, until they were read again.
    if (unitId === this.unitId) return;
    this.unitId = unitId;
    this.deployments = [];
    this.confirming = null;
    this.results = {};
    void this.loadDeployments();
  }

  private entryTitle(entry: CatalogEntry): string {
    return localize(entry.titles, this.language, entry.defaultLanguage) || entry.title;
  }

  private async deploy(entry: CatalogEntry): Promise<void> {
    const unit = this.units.find((candidate) => candidate.id === this.unitId);
    // One request per confirmation: a second click while it is on its way does nothing.
    if (!unit || entry.currentVersion === null || this.pending !== null) return;
    this.pending = entry.id;
    try {
      const deployment = await this.api.post<Deployment>(`/api/care/units/${seg(unit.id)}/deployments`, { documentId: entry.id, version: entry.currentVersion });
      this.deployments = [...this.deployments, deployment];
      this.results = { ...this.results, [entry.id]: { ok: true, text: this.t('deployDone', { title: this.entryTitle(entry), version: deployment.version, unit: unit.name }) } };
    } catch (error) {
      const duplicate = error instanceof ApiError && error.status === 409 && error.issues.some((issue) => issue.code === 'deployment.already_deployed');
      const text = duplicate ? this.t('catalogAlreadyDeployed', { title: this.entryTitle(entry), version: entry.currentVersion, unit: unit.name }) : this.describeError(error);
      this.results = { ...this.results, [entry.id]: { ok: false, text } };
      if (duplicate) await this.loadDeployments();
    } finally {
      this.pending = null;
      this.confirming = null;
    }
  }

  private matchesQuery(entry: CatalogEntry): boolean {
    const words = this.query.trim().toLocaleLowerCase(this.language).split(/\s+/).filter(Boolean);
    if (words.length === 0) return true;
    const haystack = [entry.id, entry.title, ...Object.values(entry.titles), ...Object.values(entry.summary ?? {})].join(' ').toLocaleLowerCase(this.language);
    return words.every((word) => haystack.includes(word));
  }

  private renderEntry(entry: CatalogEntry, unit: Unit | undefined): TemplateResult {
    const t = this.t;
    const title = this.entryTitle(entry);
    const current = entry.history.find((version) => version.number === entry.currentVersion);
    const result = this.results[entry.id];
    const active = this.deployments.filter((deployment) => deployment.status === 'active' && deployment.documentId === entry.id);
    const deployedNow = current !== undefined && active.some((deployment) => deployment.version === current.number);
    const older = active.filter((deployment) => deployment.version !== current?.number).map((deployment) => deployment.version);
    const summary = entry.summary ? localize(entry.summary, this.language, entry.defaultLanguage) : '';
    return html`<li class="card entry" data-entry=${entry.id}>
      <h2>${title}</h2>
      ${summary ? html`<p class="summary">${summary}</p>` : null}
      <p class="hint">${t(entry.kind === 'program' ? 'common.program' : 'common.module')}${current ? html` · ${t('versionN', { n: current.number })} · ${t('releasedAt', { time: formatDateTime(current.releasedAt, this.language) })}` : html` · ${t('catalogRetired')}`}</p>
      ${current?.releaseNotes ? html`<p class="release-notes"><strong>${t('catalogReleaseNotes')}:</strong> ${current.releaseNotes}</p>` : null}
      ${deployedNow && unit ? html`<p><span class="badge neutral" data-marker="deployed">${t('catalogDeployedHere', { unit: unit.name })}</span></p>` : null}
      ${older.length > 0 && unit ? html`<p class="hint" data-marker="older">${t('catalogOlderDeployed', { versions: older.join(', '), unit: unit.name })}</p>` : null}
      ${current && !deployedNow && unit
        ? this.confirming === entry.id
          ? html`<div class="confirm" role="group" aria-label=${t('catalogDeploy', { title })}>
              <p>${t('catalogConfirmDeploy', { title, version: current.number, unit: unit.name })}</p>
              <button type="button" class="primary" data-action="confirm-deploy" ?disabled=${this.pending !== null} @click=${() => this.deploy(entry)}>${t('catalogConfirmYes')}</button>
              <button type="button" @click=${() => (this.confirming = null)}>${t('common.cancel')}</button>
            </div>`
          : html`<button type="button" class="primary" data-action="deploy" @click=${() => (this.confirming = entry.id)}>${t('catalogDeploy', { title })}</button>`
        : null}
      <p role="status" class=${result?.ok === false ? 'field-error' : ''}>${result?.text ?? ''}</p>
    </li>`;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const unit = this.units.find((candidate) => candidate.id === this.unitId);
    const shown = (this.entries ?? []).filter((entry) => this.matchesQuery(entry));
    return html`<h1 tabindex="-1">${t('catalogTitle')}</h1>
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      <label for="deploy-unit">${t('catalogDeployTo')}</label>
      <select id="deploy-unit" @change=${(event: Event) => this.chooseUnit((event.target as HTMLSelectElement).value)}>
        ${this.units.map((candidate) => html`<option value=${candidate.id} ?selected=${candidate.id === this.unitId}>${candidate.name}${candidate.active ? '' : ` (${t('unitInactive')})`}</option>`)}
      </select>
      <label for="catalog-search">${t('catalogSearch')}</label>
      <input id="catalog-search" type="search" .value=${this.query} @input=${(event: Event) => (this.query = (event.target as HTMLInputElement).value)} />
      ${this.entries === null && !this.loadError ? html`<p role="status">${t('common.loading')}</p>` : null}
      ${this.entries !== null && shown.length === 0 ? html`<p role="status">${t('catalogNoMatch', { query: this.query.trim() })}</p>` : null}
      <ul class="plain">${shown.map((entry) => this.renderEntry(entry, unit))}</ul>`;
  }
}

if (!customElements.get('cl-catalog-screen')) customElements.define('cl-catalog-screen', ClCatalogScreen);

declare global {
  interface HTMLElementTagNameMap {
    'cl-catalog-screen': ClCatalogScreen;
  }
}
