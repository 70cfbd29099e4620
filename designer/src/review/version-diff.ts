import { css, html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import type { WordRun } from '@careloom/format/engine';
import { isApiError } from '@careloom/client/api';
import type { DiffView, VersionRef } from '@careloom/format/api';
import type { Workspace } from '../app/workspace.js';
import { t } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/i18n.js';
import { uiStyles } from '../ui/ui-styles.js';
import { wordChanges } from './change-words.js';
import type { WordedChange } from './change-words.js';
import { DesignerElement } from '../i18n/designer-element.js';

/**
 * The structural difference between two versions (or a version and the draft), side by side:
 * each added, removed, changed or moved page, block, item, option, score or band, with changed
 * texts marked word by word (`<del>` on the left, `<ins>` on the right), and the release class the
 * changes suggest. The reviewer picks the two sides; `versions` lists the choices.
 */
export class ClVersionDiff extends DesignerElement {
  static override properties: PropertyDeclarations = {
    workspace: { attribute: false },
    documentId: { type: String, attribute: 'document-id' },
    versions: { attribute: false },
    from: { attribute: false },
    to: { attribute: false },
    diff: { state: true },
    contents: { state: true },
    problem: { state: true },
    loading: { state: true },
  };
  static override styles = [
    uiStyles,
    css`
      .sides {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0.5rem;
      }
      .side {
        border: 1px solid var(--cl-line);
        border-radius: 0.25rem;
        padding: 0.5rem;
        overflow-wrap: anywhere;
        white-space: pre-wrap;
        min-height: 2.5rem;
      }
      .side-label {
        font-size: 0.8125rem;
        font-weight: 600;
        color: var(--cl-muted);
        display: block;
      }
      ins {
        background: #d2f4dc;
        color: #0b3d1b;
        text-decoration: underline;
      }
      del {
        background: #fcdcd9;
        color: #6b0b06;
        text-decoration: line-through;
      }
      .change {
        border-left: 4px solid var(--cl-line);
        padding: 0.25rem 0 0.25rem 0.75rem;
        margin: 1rem 0;
      }
      .change.added {
        border-left-color: #0d652d;
      }
      .change.removed {
        border-left-color: #a50e0e;
      }
      .change.changed,
      .change.moved {
        border-left-color: #0b57d0;
      }
      .change h4 {
        margin: 0 0 0.25rem;
        font-size: 1rem;
      }
      .kind {
        font-weight: 700;
        text-transform: uppercase;
        font-size: 0.75rem;
        letter-spacing: 0.04em;
        margin-right: 0.5rem;
      }
      .where {
        font-size: 0.8125rem;
      }
      .empty {
        color: var(--cl-muted);
        font-style: italic;
      }
      .class-major {
        color: #a50e0e;
      }
      @media (max-width: 40rem) {
        .sides {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  declare workspace: Workspace | undefined;
  declare documentId: string;
  /** Version numbers to choose from (the draft is always offered). */
  declare versions: readonly number[];
  declare from: VersionRef | undefined;
  declare to: VersionRef | undefined;
  declare diff: DiffView | undefined;
  /** The two sides' content, to name places, options and conditions as the editor shows them. */
  declare contents: { before: unknown; after: unknown } | undefined;
  declare problem: string;
  declare loading: boolean;
  #request = 0;

  constructor() {
    super();
    this.documentId = '';
    this.versions = [];
    this.problem = '';
    this.loading = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('from') || changed.has('to') || changed.has('documentId') || changed.has('workspace')) && this.from !== undefined && this.to !== undefined) void this.#load();
  }

  async #load(): Promise<void> {
    const workspace = this.workspace;
    if (!workspace || !this.documentId || this.from === undefined || this.to === undefined) return;
    const request = ++this.#request;
    this.loading = true;
    try {
      const contentOf = async (ref: VersionRef) => (ref === 'draft' ? (await workspace.api.getDraft(this.documentId)).content : (await workspace.api.getVersion(this.documentId, ref)).content);
      const [diff, before, after] = await Promise.all([workspace.api.diff(this.documentId, this.from, this.to), contentOf(this.from), contentOf(this.to)]);
      if (request !== this.#request) return;
      this.contents = { before, after };
      this.diff = diff;
      this.problem = '';
    } catch (error) {
      if (!isApiError(error)) throw error;
      if (request === this.#request) this.problem = error.detail || error.title;
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  override render() {
    return html`
      <h2 id="diff-title">${t('diff.title')}</h2>
      <div class="row">
        ${this.#sidePicker('from', t('diff.from'))} ${this.#sidePicker('to', t('diff.to'))}
      </div>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <div aria-live="polite" aria-busy=${this.loading ? 'true' : 'false'}>${this.diff ? this.#result(this.diff) : this.loading ? html`<p role="status">${t('common.loading')}</p>` : nothing}</div>
    `;
  }

  #sidePicker(side: 'from' | 'to', label: string): TemplateResult {
    const value = this[side];
    return html`<div class="field">
      <label for="diff-${side}">${label}</label>
      <select id="diff-${side}" @change=${(event: Event) => this.#choose(side, (event.target as HTMLSelectElement).value)}>
        ${value === undefined ? html`<option value="" selected>${t('common.choose')}</option>` : nothing}
        ${[...this.versions].sort((a, b) => a - b).map((number) => html`<option value=${number} ?selected=${value === number}>${t('history.versionNumber', { n: number })}</option>`)}
        <option value="draft" ?selected=${value === 'draft'}>${t('diff.draft')}</option>
      </select>
    </div>`;
  }

  #choose(side: 'from' | 'to', raw: string): void {
    if (raw === '') return;
    this[side] = raw === 'draft' ? 'draft' : Number(raw);
  }

  #result(diff: DiffView): TemplateResult {
    const label = (ref: VersionRef) => (ref === 'draft' ? t('diff.draft') : t('history.versionNumber', { n: ref }));
    const level = diff.suggestedClass.level;
    const changes = wordChanges(diff.changes, this.contents?.before, this.contents?.after, this.locale.language);
    return html`
      <p class="suggested">
        <strong class=${`class-${level}`}>${t(`diff.suggested.${level}`)}</strong>
        ${level === 'none' ? nothing : html`<span class="muted">${t('diff.changeCount', { n: diff.changes.length })}</span>`}
      </p>
      ${level === 'major'
        ? html`<details><summary>${t('diff.why')}</summary><ul>${changes.filter((change) => change.summaries.some((summary) => diff.suggestedClass.reasons.includes(summary))).map((change) => html`<li>${heading(change)}</li>`)}</ul></details>`
        : nothing}
      ${changes.map((change) => this.#change(change, label(diff.from), label(diff.to)))}
    `;
  }

  #change(change: WordedChange, fromLabel: string, toLabel: string): TemplateResult {
    return html`<article class="change ${change.kind}" data-kind=${change.kind} data-entity=${change.entity} data-category=${change.category}>
      <h4><span class="kind">${t(`diff.kind.${change.kind}` as MessageKey)}</span>${heading(change)}</h4>
      <p class="where muted">${t(`diff.category.${change.category}` as MessageKey)}</p>
      <div class="sides">
        <div class="side before"><span class="side-label">${fromLabel}</span>${this.#side(change, 'before')}</div>
        <div class="side after"><span class="side-label">${toLabel}</span>${this.#side(change, 'after')}</div>
      </div>
    </article>`;
  }

  #side(change: WordedChange, side: 'before' | 'after'): TemplateResult | string {
    if (change.words) return html`${change.words.map((run) => wordRun(run, side))}`;
    const value = change[side];
    if (value === undefined || value === '') return html`<span class="empty">${t('diff.absent')}</span>`;
    return value;
  }
}

/** Where a change is and which field, as the editor shows them: 'Page 4 “…”, block 2 (Text) · condition for showing it'. */
function heading(change: WordedChange): string {
  return [change.where, change.field, change.language].filter((part) => part !== undefined && part !== '').join(' · ');
}

function wordRun(run: WordRun, side: 'before' | 'after'): TemplateResult | string {
  if (run.op === 'equal') return run.text;
  if (run.op === 'delete') return side === 'before' ? html`<del>${run.text}</del>` : '';
  return side === 'after' ? html`<ins>${run.text}</ins>` : '';
}

customElements.define('cl-version-diff', ClVersionDiff);

declare global {
  interface HTMLElementTagNameMap {
    'cl-version-diff': ClVersionDiff;
  }
}
