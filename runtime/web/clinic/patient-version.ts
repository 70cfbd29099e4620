import { css, html } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { seg } from '@careloom/client/api';
import type { EnrollmentVersions, VersionMove } from '@careloom/format/api';
import { formatDate } from '../shared/i18n.js';
import { ScreenElement } from '../shared/screen-element.js';
import { notCarriedList, releaseNotes, versionChanges } from './version-words.js';

/**
 * `<cl-patient-version>`: on the patient page, the program version the patient is on and newer
 * versions deployed to the unit. For each, the publisher's release notes and change class and what
 * moving would leave behind for this patient (answers to unfinished modules that no longer fit,
 * adjustments for modules the newer version no longer has); the therapist moves the patient after
 * confirming. Earlier moves are listed with what did not carry over. The move names the version the
 * therapist saw, so a colleague's move at the same time answers 409 and the view loads again.
 * Fires `version-moved` after a move, so the page reloads the program.
 */
export class ClPatientVersion extends ScreenElement {
  static override styles = [
    ScreenElement.styles,
    css`
      ul.releases, ul.changes, ul.not-carried { padding-left: 1.25rem; }
      .release-notes { margin: 0.25rem 0; white-space: pre-line; }
      h3, h4, li { overflow-wrap: anywhere; }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    enrollmentId: { attribute: 'enrollment-id' },
    versions: { state: true },
    confirming: { state: true },
    busy: { state: true },
    error: { state: true },
    notice: { state: true },
  };

  declare enrollmentId: string;
  declare versions: EnrollmentVersions | null;
  declare confirming: string | null;
  declare busy: boolean;
  declare error: string | null;
  declare notice: string | null;

  constructor() {
    super();
    this.enrollmentId = '';
    this.versions = null;
    this.confirming = null;
    this.busy = false;
    this.error = null;
    this.notice = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('enrollmentId') && this.enrollmentId && this.api) void this.load();
  }

  protected override languageChanged(): Promise<void> {
    return this.load();
  }

  async load(): Promise<void> {
    const loaded = await this.guard(() => this.api.get<EnrollmentVersions>(`/api/care/enrollments/${seg(this.enrollmentId)}/versions`));
    if (loaded) this.versions = loaded;
  }

  private async move(deploymentId: string): Promise<void> {
    const versions = this.versions;
    if (!versions || this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      const moved = await this.api.post<VersionMove>(`/api/care/enrollments/${seg(this.enrollmentId)}/version-move`, { deploymentId, fromDeploymentId: versions.deploymentId });
      this.notice = this.t('verMovedOne', { version: moved.toVersion });
      this.dispatchEvent(new CustomEvent('version-moved', { bubbles: true, composed: true }));
    } catch (error) {
      this.error = this.describeError(error);
    } finally {
      this.busy = false;
      this.confirming = null;
    }
    await this.load();
  }

  private renderMove(move: VersionMove): TemplateResult {
    const t = this.t;
    const lines = notCarriedList(move.notCarried, t);
    return html`<li>
      <p>${t('verHistoryLine', { from: move.fromVersion, to: move.toVersion, date: formatDate(move.movedAt, this.language), name: move.movedBy, change: t(move.changeClass === 'major' ? 'verMajor' : 'verMinor') })}</p>
      ${lines.length === 0 ? html`<p class="hint">${t('verHistoryAllCarried')}</p>` : html`<p>${t('verHistoryNotCarried')}</p><ul class="not-carried">${lines}</ul>`}
    </li>`;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    if (this.loadError) return html`<p class="form-error" role="alert">${this.loadError}</p>`;
    const versions = this.versions;
    if (!versions) return html`<p role="status">${t('common.loading')}</p>`;
    return html`<p>${t('verPatientOn', { title: versions.title, version: versions.version })}</p>
      ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : null}
      <p role="status">${this.notice ?? ''}</p>
      <ul class="plain">${versions.available.map((available) => {
        const lines = notCarriedList(available.notCarried, t);
        return html`<li class="card available" data-version=${available.version}>
          <h3>${t('verPatientAvailable', { version: available.version })} <span class="badge ${available.changeClass === 'major' ? 'warning' : 'neutral'}">${t(available.changeClass === 'major' ? 'verMajor' : 'verMinor')}</span></h3>
          ${releaseNotes(available.releases, t, this.language)}
          <h4>${t('verPatientNotCarried')}</h4>
          ${lines.length === 0 ? html`<p class="hint">${t('verPatientAllCarries')}</p>` : html`<ul class="not-carried">${lines}</ul>`}
          <details><summary>${t('verChangesTitle')}</summary>${versionChanges(available.changes, t)}</details>
          ${this.confirming === available.deploymentId
            ? html`<div class="confirm" role="group" aria-label=${t('verMoveOne', { version: available.version })}>
                <p>${t('verMoveOneConfirm', { version: available.version })}</p>
                <button type="button" class="primary" data-action="confirm-move" ?disabled=${this.busy} @click=${() => this.move(available.deploymentId)}>${t('verMoveOneYes')}</button>
                <button type="button" @click=${() => (this.confirming = null)}>${t('common.cancel')}</button>
              </div>`
            : html`<button type="button" class="primary" data-action="move" @click=${() => (this.confirming = available.deploymentId)}>${t('verMoveOne', { version: available.version })}</button>`}
        </li>`;
      })}</ul>
      ${versions.moves.length > 0 ? html`<h3>${t('verHistoryTitle')}</h3><ul class="plain">${versions.moves.map((move) => this.renderMove(move))}</ul>` : null}`;
  }
}

if (!customElements.get('cl-patient-version')) customElements.define('cl-patient-version', ClPatientVersion);

declare global {
  interface HTMLElementTagNameMap {
    'cl-patient-version': ClPatientVersion;
  }
}
