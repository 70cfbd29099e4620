import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { NotCarried, VersionChanges, VersionRelease } from '@careloom/format/api';
import { formatDate } from '../shared/i18n.js';
import type { MessageKey, Translate } from '../shared/i18n.js';

/** Why an answer does not carry over to the newer version, in the reader's words. */
export const REASON_KEY: Readonly<Record<VersionChanges['items'][number]['reason'] | NotCarried['answers'][number]['reason'], MessageKey>> = {
  item_removed: 'verReasonItemRemoved',
  answer_kind_changed: 'verReasonKindChanged',
  options_removed: 'verReasonOptionsRemoved',
  answer_no_longer_fits: 'verReasonNoLongerFits',
};

/** A per-patient adjustment that does not carry over, in the reader's words. */
export const ADJUSTMENT_KEY: Readonly<Record<NotCarried['adjustments'][number]['kind'], MessageKey>> = {
  early_unlock: 'verAdjEarly',
  hidden_module: 'verAdjHidden',
  registration_deadline: 'verAdjDeadline',
};

/** The publisher's releases between the patients' version and the newer one, newest first. */
export function releaseNotes(releases: readonly VersionRelease[], t: Translate, language: string): TemplateResult {
  return html`<ul class="releases">${releases.map((release) => html`<li>
    <strong>${t('verReleaseLine', { version: release.number, date: formatDate(release.releasedAt, language) })}</strong>
    <span class="badge neutral">${t(release.releaseClass === 'major' ? 'verMajor' : 'verMinor')}</span>
    <p class="release-notes">${release.releaseNotes}</p>
  </li>`)}</ul>`;
}

/** What the newer version changes for answers already given (from the two versions, no patient's data). */
export function versionChanges(changes: VersionChanges, t: Translate): TemplateResult {
  const none = changes.items.length === 0 && changes.modulesRemoved.length === 0;
  return html`<h4>${t('verChangesTitle')}</h4>
    ${none ? html`<p class="hint">${t('verChangesNone')}</p>` : null}
    ${changes.items.length > 0 ? html`<ul class="changes">${changes.items.map((item) => html`<li>${t('verItemIn', { item: item.item, module: item.moduleTitle, reason: t(REASON_KEY[item.reason]) })}</li>`)}</ul>` : null}
    ${changes.modulesRemoved.length > 0 ? html`<p>${t('verModulesRemoved', { titles: changes.modulesRemoved.map((module) => module.title).join(', ') })}</p>` : null}
    ${changes.modulesAdded.length > 0 ? html`<p>${t('verModulesAdded', { titles: changes.modulesAdded.map((module) => module.title).join(', ') })}</p>` : null}`;
}

/** What one patient's move left (or would leave) behind. */
export function notCarriedList(notCarried: NotCarried, t: Translate): TemplateResult[] {
  return [
    ...notCarried.answers.map((answer) => html`<li>${t('verAnswerLine', { item: answer.item, module: answer.moduleTitle, reason: t(REASON_KEY[answer.reason]) })}</li>`),
    ...notCarried.adjustments.map((adjustment) => html`<li>${t(ADJUSTMENT_KEY[adjustment.kind], { title: adjustment.title })}</li>`),
    ...notCarried.modulesRemoved.map((module) => html`<li>${t('verModuleRemovedLine', { title: module.title })}</li>`),
  ];
}
