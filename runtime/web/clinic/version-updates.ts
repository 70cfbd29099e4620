import { css, html } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { seg } from '@careloom/client/api';
import type { DeploymentMoveResult, VersionUpdate, VersionUpdates } from '@careloom/format/api';
import { ScreenElement } from '../shared/screen-element.js';
import { ADJUSTMENT_KEY, releaseNotes, versionChanges } from './version-words.js';

/**
 * `<cl-version-updates>`: on a unit's page, for its care-provider admin, each deployment whose
 * module or program has a newer released version: the publisher's release notes and change class,
 * how many patients are on it, and what the newer version changes for answers already given. A
 * minor version moves every patient at once (after confirming; the old version is withdrawn) and
 * says afterwards how many moved and what did not carry over, counted per question. A major version
 * is deployed here and moved patient by patient by their therapists. Fires `deployments-changed`.
 */
export class ClVersionUpdates extends ScreenElement {
  static override styles = [
    ScreenElement.styles,
    css`
      ul.releases, ul.changes { padding-left: 1.25rem; }
      ul.releases li { margin-bottom: 0.5rem; }
      .release-notes { margin: 0.25rem 0; white-space: pre-line; }
      h3, h4 { margin-bottom: 0.25rem; overflow-wrap: anywhere; }
      li { overflow-wrap: anywhere; }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    unitId: { attribute: 'unit-id' },
    unitName: { attribute: 'unit-name' },
    updates: { state: true },
    confirming: { state: true },
    pending: { state: true },
    results: { state: true },
  };

  declare unitId: string;
  declare unitName: string;
  declare updates: VersionUpdate[] | null;
  /** The deployment whose move waits for confirmation. */
  declare confirming: string | null;
  declare pending: string | null;
  /** What the last action on each deployment did, by deployment id. */
  declare results: Record<string, { ok: boolean; text: string; moved?: DeploymentMoveResult }>;

  constructor() {
    super();
    this.unitId = '';
    this.unitName = '';
    this.updates = null;
    this.confirming = null;
    this.pending = null;
    this.results = {};
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('unitId') && this.unitId && this.api) void this.load();
  }

  protected override languageChanged(): Promise<void> {
    return this.load();
  }

  async load(): Promise<void> {
    const loaded = await this.guard(() => this.api.get<VersionUpdates>(`/api/care/units/${seg(this.unitId)}/version-updates`));
    if (loaded) this.updates = loaded.updates;
  }

  private async moveAll(update: VersionUpdate): Promise<void> {
    if (this.pending !== null) return;
    this.pending = update.deploymentId;
    try {
      const moved = await this.api.post<DeploymentMoveResult>(`/api/care/deployments/${seg(update.deploymentId)}/version-move`, { version: update.toVersion });
      this.results = { ...this.results, [update.deploymentId]: { ok: true, text: this.t('verMovedAll', { n: moved.moved, version: moved.deployment.version }), moved } };
      this.dispatchEvent(new CustomEvent('deployments-changed', { bubbles: true, composed: true }));
    } catch (error) {
      this.results = { ...this.results, [update.deploymentId]: { ok: false, text: this.describeError(error) } };
    } finally {
      this.pending = null;
      this.confirming = null;
    }
    await this.load();
  }

  private async deploy(update: VersionUpdate): Promise<void> {
    if (this.pending !== null) return;
    this.pending = update.deploymentId;
    try {
      await this.api.post(`/api/care/units/${seg(this.unitId)}/deployments`, { documentId: update.documentId, version: update.toVersion });
      this.results = { ...this.results, [update.deploymentId]: { ok: true, text: this.t('verDeployed', { version: update.toVersion }) } };
      this.dispatchEvent(new CustomEvent('deployments-changed', { bubbles: true, composed: true }));
    } catch (error) {
      this.results = { ...this.results, [update.deploymentId]: { ok: false, text: this.describeError(error) } };
    } finally {
      this.pending = null;
    }
    await this.load();
  }

  private renderResult(result: { ok: boolean; text: string; moved?: DeploymentMoveResult } | undefined): TemplateResult {
    const t = this.t;
    const moved = result?.moved;
    return html`<div role="status" class=${result?.ok === false ? 'field-error' : ''}>
      ${result ? html`<p>${result.text}</p>` : null}
      ${moved && moved.skipped > 0 ? html`<p>${t('verMovedSkipped', { n: moved.skipped })}</p>` : null}
      ${moved && moved.answers.length + moved.adjustments.length > 0
        ? html`<ul class="changes">
            ${moved.answers.map((answer) => html`<li>${t('verNotCarriedCount', { item: answer.item, module: answer.moduleTitle, n: answer.patients })}</li>`)}
            ${moved.adjustments.map((adjustment) => html`<li>${t('verAdjustmentCount', { what: t(ADJUSTMENT_KEY[adjustment.kind], { title: adjustment.title }), n: adjustment.patients })}</li>`)}
          </ul>`
        : null}
    </div>`;
  }

  private renderUpdate(update: VersionUpdate): TemplateResult {
    const t = this.t;
    const minor = update.changeClass === 'minor';
    return html`<li class="card update" data-update=${update.deploymentId}>
      <h3>${t('verUpdateHeading', { title: update.title, version: update.toVersion })}</h3>
      <p><span class="badge ${minor ? 'neutral' : 'warning'}">${t(minor ? 'verMinor' : 'verMajor')}</span> ${t('verUpdateOn', { version: update.fromVersion, n: update.enrolled })}</p>
      ${releaseNotes(update.releases, t, this.language)}
      ${versionChanges(update.changes, t)}
      ${minor
        ? update.enrolled === 0
          ? null
          : this.confirming === update.deploymentId
            ? html`<div class="confirm" role="group" aria-label=${t('verMoveAll', { n: update.enrolled, version: update.toVersion })}>
                <p>${t('verMoveAllConfirm', { unit: this.unitName, from: update.fromVersion, to: update.toVersion })}</p>
                <button type="button" class="primary" data-action="confirm-move" ?disabled=${this.pending !== null} @click=${() => this.moveAll(update)}>${t('verMoveAllYes')}</button>
                <button type="button" @click=${() => (this.confirming = null)}>${t('common.cancel')}</button>
              </div>`
            : html`<button type="button" class="primary" data-action="move" @click=${() => (this.confirming = update.deploymentId)}>${t('verMoveAll', { n: update.enrolled, version: update.toVersion })}</button>`
        : html`<p class="hint">${t('verMajorHint')}</p>
            ${update.targetDeploymentId
              ? html`<p>${t('verDeployed', { version: update.toVersion })}</p>`
              : html`<button type="button" class="primary" data-action="deploy" ?disabled=${this.pending !== null} @click=${() => this.deploy(update)}>${t('verDeploy', { version: update.toVersion })}</button>`}`}
      ${this.renderResult(this.results[update.deploymentId])}
    </li>`;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const done = Object.entries(this.results).filter(([deploymentId]) => !this.updates?.some((update) => update.deploymentId === deploymentId));
    return html`<h2>${t('verUpdatesTitle')}</h2>
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      ${this.updates === null && !this.loadError ? html`<p role="status">${t('common.loading')}</p>` : null}
      ${done.map(([, result]) => this.renderResult(result))}
      ${this.updates !== null && this.updates.length === 0 ? html`<p class="muted">${t('verUpdatesNone')}</p>` : null}
      <ul class="plain">${(this.updates ?? []).map((update) => this.renderUpdate(update))}</ul>`;
  }
}

if (!customElements.get('cl-version-updates')) customElements.define('cl-version-updates', ClVersionUpdates);

declare global {
  interface HTMLElementTagNameMap {
    'cl-version-updates': ClVersionUpdates;
  }
}
