import { css, html } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { indexModule } from '@careloom/format/engine';
import type { ModuleIndex } from '@careloom/format/engine';
import { firstPageId, nextPageId } from '@careloom/format/engine';
import { localize } from '@careloom/format/engine';
import type { RegistrationBlock } from '@careloom/format';
import type { AnswerChangeDetail, NavigateDetail, UnitContact } from '@careloom/renderer';
import '@careloom/renderer';
import { seg } from '@careloom/client/api';
import { refusedAfterVersionMove, type AnswerQueue, type QueueStatus } from '../shared/answer-queue.js';
import type { AnswerValue, Answers, Module, Program, Progress, ResponseDocument } from '@careloom/format/api';
import { hashOf } from '@careloom/client/router';
import { ScreenElement } from '../shared/screen-element.js';
import { loadModuleVersion } from './module-cache.js';
import { urgentAlertRules } from './urgent-alerts.js';

/** How long a text or slider answer must rest before it is saved (one save per pause, not per keystroke). */
const SETTLE_MS = 700;

/**
 * `<cl-module-player>`: a module page by page, with the designer preview's `<cl-module-page>`.
 *
 * - Each answer is saved as it is given: a response with a fresh `clientId`, through the
 *   {@link AnswerQueue}, so answers given offline are kept and sent in order later.
 * - Leaving a page with Next records the page as done (a response with `pageId`), which is where
 *   the patient resumes (the page after the last one done).
 * - The last page's "Finish" sends `completes: true`.
 * - A registration's fields are an entry: they are sent together (with `registrationId`) when the
 *   page is left, and a module with registrations starts empty every time (a new entry).
 * - `fresh` (due measurements) starts a new round with no earlier answers filled in.
 */
export class ClModulePlayer extends ScreenElement {
  static override styles = [
    ScreenElement.styles,
    css`
      .save-state { position: sticky; top: 0; z-index: 1; background: var(--cl-surface); border-bottom: 1px solid var(--cl-line); padding: 0.375rem 1rem; margin: 0; font-size: 0.9375rem; }
      .save-state[data-state='offline'] { background: var(--cl-yellow-bg); color: var(--cl-yellow); }
      .save-state[data-state='error'] { background: var(--cl-red-bg); color: var(--cl-red); }
      .done { max-width: 42rem; margin: 0 auto; padding: 1rem; }
      .crisis { border: 2px solid var(--cl-error, #a50e0e); border-radius: 0.5rem; padding: 0.5rem 1rem; margin: 1rem 0; background: #fff; }
      .crisis h2 { margin-top: 0.25rem; font-size: 1.25rem; }
      .loading { padding: 1rem; }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    queue: { attribute: false },
    storage: { attribute: false },
    enrollmentId: { attribute: 'enrollment-id' },
    moduleId: { attribute: 'module-id' },
    version: { type: Number },
    fresh: { type: Boolean },
    unitContact: { attribute: false },
    module: { state: true },
    answers: { state: true },
    pageId: { state: true },
    finished: { state: true },
    saveStatus: { state: true },
    contentHash: { state: true },
  };

  declare queue: AnswerQueue;
  /** Where module versions are kept for offline use. */
  declare storage: Pick<Storage, 'getItem' | 'setItem'>;
  declare enrollmentId: string;
  declare moduleId: string;
  declare version: number | undefined;
  declare fresh: boolean;
  declare unitContact: UnitContact | undefined;
  declare module: Module | null;
  declare answers: Answers;
  declare pageId: string | undefined;
  declare finished: boolean;
  declare saveStatus: QueueStatus;
  declare contentHash: string | undefined;

  #index: ModuleIndex | undefined;
  /** Answers waiting for the patient to stop typing, by item id. */
  readonly #settling = new Map<string, { value: AnswerValue; timer: ReturnType<typeof setTimeout> }>();
  /** Registration fields answered on this visit, by registration id. */
  #entries = new Map<string, Answers>();
  #unsubscribe: (() => void) | undefined;
  #loadToken = 0;

  constructor() {
    super();
    this.enrollmentId = '';
    this.moduleId = '';
    this.fresh = false;
    this.storage = localStorage;
    this.module = null;
    this.answers = {};
    this.finished = false;
    this.saveStatus = { state: 'saved', pending: 0 };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.queue) this.#unsubscribe = this.queue.subscribe((status) => (this.saveStatus = status));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#flushSettling();
    this.#unsubscribe?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('queue') && this.isConnected && this.queue) {
      this.#unsubscribe?.();
      this.#unsubscribe = this.queue.subscribe((status) => (this.saveStatus = status));
    }
    if ((changed.has('enrollmentId') || changed.has('moduleId') || changed.has('version') || changed.has('fresh')) && this.api && this.enrollmentId && this.moduleId) {
      void this.load();
    }
  }

  /** Loads the module version and, unless this is a new round, where the patient left off. */
  async load(): Promise<void> {
    const token = ++this.#loadToken;
    this.module = null;
    this.finished = false;
    this.#entries = new Map();
    const loaded = await this.guard(async () => {
      const version = this.version ?? (await this.#versionFromProgram());
      const module = await loadModuleVersion(this.api, this.moduleId, version, this.storage);
      const fresh = this.fresh || this.#hasRegistrations(module.module);
      const progress: Progress = fresh
        ? { answers: {}, pageId: null, completed: false }
        : await this.api.get<Progress>(`/api/me/enrollments/${seg(this.enrollmentId)}/modules/${seg(this.moduleId)}/progress`);
      return { ...module, version, progress };
    });
    if (!loaded || token !== this.#loadToken) return;
    this.version = loaded.version;
    this.contentHash = loaded.contentHash;
    this.#index = indexModule(loaded.module);
    this.answers = { ...loaded.progress.answers, ...this.#queuedAnswers() };
    this.pageId = this.#resumePage(loaded.module, loaded.progress);
    this.module = loaded.module;
  }

  async #versionFromProgram(): Promise<number> {
    const program = await this.api.get<Program>(`/api/me/enrollments/${seg(this.enrollmentId)}/program`);
    const found = program.modules.find((module) => module.moduleId === this.moduleId);
    if (!found) throw new Error(`Module ${this.moduleId} is not in the program`);
    return found.version;
  }

  /** Answers still in the offline queue for this module: the server does not know them yet. */
  #queuedAnswers(): Answers {
    const answers: Answers = {};
    for (const item of this.queue?.pending ?? []) {
      if (item.enrollmentId === this.enrollmentId && item.body.moduleId === this.moduleId && item.body.registrationId === undefined) {
        Object.assign(answers, item.body.answers);
      }
    }
    return answers;
  }

  #resumePage(module: Module, progress: Progress): string | undefined {
    if (progress.completed || !progress.pageId || !module.pages.some((page) => page.id === progress.pageId)) {
      return firstPageId(module, progress.answers) ?? undefined;
    }
    return nextPageId(module, progress.pageId, progress.answers) ?? progress.pageId;
  }

  #hasRegistrations(module: Module): boolean {
    return module.pages.some((page) => page.blocks.some((block) => block.type === 'registration'));
  }

  /** The registration an item is a field of, if any. */
  #registrationOf(itemId: string): RegistrationBlock | undefined {
    const item = this.#index?.items.get(itemId);
    if (!item || item.source !== 'field') return undefined;
    const block = this.#index?.blocks.get(item.blockId)?.block;
    return block?.type === 'registration' ? block : undefined;
  }

  #body(answers: Answers, extra: Partial<ResponseDocument> = {}): ResponseDocument {
    return {
      formatVersion: 1,
      clientId: crypto.randomUUID(),
      moduleId: this.moduleId,
      moduleVersion: this.version!,
      ...(this.contentHash ? { contentHash: this.contentHash } : {}),
      answers: answers as ResponseDocument['answers'],
      answeredAt: new Date().toISOString(),
      ...extra,
    };
  }

  #send(body: ResponseDocument): void {
    void this.queue.enqueue({ enrollmentId: this.enrollmentId, body });
  }

  private onAnswer(event: CustomEvent<AnswerChangeDetail>): void {
    const { itemId, value } = event.detail;
    this.answers = { ...this.answers, [itemId]: value };
    const registration = this.#registrationOf(itemId);
    if (registration) {
      this.#entries.set(registration.id, { ...(this.#entries.get(registration.id) ?? {}), [itemId]: value });
      return;
    }
    const input = this.#index?.items.get(itemId)?.input;
    const typed = input && (input.kind === 'text' || input.kind === 'slider' || input.kind === 'number');
    if (!typed) {
      this.#settle(itemId);
      this.#send(this.#body({ [itemId]: value }));
      return;
    }
    const waiting = this.#settling.get(itemId);
    if (waiting) clearTimeout(waiting.timer);
    this.#settling.set(itemId, { value, timer: setTimeout(() => this.#settle(itemId), SETTLE_MS) });
  }

  /** Sends a typed answer now (its pause is over, or the page is being left). */
  #settle(itemId: string): void {
    const waiting = this.#settling.get(itemId);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    this.#settling.delete(itemId);
    this.#send(this.#body({ [itemId]: waiting.value }));
  }

  #flushSettling(): void {
    for (const itemId of [...this.#settling.keys()]) this.#settle(itemId);
  }

  private onNavigate(event: CustomEvent<NavigateDetail>): void {
    const module = this.module;
    const leaving = this.pageId;
    if (!module || !leaving) return;
    this.#flushSettling();
    const forward = event.detail.to === null || event.detail.to === nextPageId(module, leaving, this.answers);
    if (forward) this.#pageDone(module, leaving, event.detail.to === null);
    if (event.detail.to === null) {
      this.finished = true;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.done h1')?.focus());
      return;
    }
    this.pageId = event.detail.to;
    window.scrollTo?.(0, 0);
  }

  /** A page left forwards: its registration entries, then the page marker (or, on the last page, completion). */
  #pageDone(module: Module, pageId: string, last: boolean): void {
    const page = module.pages.find((candidate) => candidate.id === pageId);
    const registrations = (page?.blocks ?? []).filter((block): block is RegistrationBlock => block.type === 'registration');
    for (const registration of registrations) {
      const entry = this.#entries.get(registration.id);
      if (entry && Object.keys(entry).length > 0) this.#send(this.#body(entry, { registrationId: registration.id }));
      this.#entries.delete(registration.id);
    }
    // A module with registrations is an entry form: its fields are not module answers, so no page markers.
    if (this.#hasRegistrations(module)) return;
    this.#send(this.#body({}, { pageId, ...(last ? { completes: true } : {}) }));
  }

  protected override render(): TemplateResult {
    const t = this.t;
    if (this.loadError) return html`<div class="done"><h1 tabindex="-1">${t('common.module')}</h1><p class="form-error" role="alert">${this.loadError}</p><p><a href="#/today">${t('backToToday')}</a></p></div>`;
    return html`${this.renderSaveState()}
      ${this.module === null
        ? html`<p class="loading" role="status">${t('common.loading')}</p>`
        : this.finished
          ? this.renderDone(this.module)
          : html`<cl-module-page .module=${this.module} .pageId=${this.pageId} .answers=${this.answers} .language=${this.language}
              .unitContact=${this.unitContact} @answer-change=${this.onAnswer} @navigate=${this.onNavigate}></cl-module-page>`}`;
  }

  private renderSaveState(): TemplateResult {
    const t = this.t;
    const status = this.saveStatus;
    let text: string;
    // The server's sentence is English; a refusal the app knows is said in the patient's language.
    const rejected = status.rejected ? (refusedAfterVersionMove(status.rejected.error) ? t('saveVersionMoved') : t('saveRejected', { reason: status.rejected.error.detail || status.rejected.error.title })) : undefined;
    if (status.state === 'offline') text = t('saveOffline', { n: status.pending });
    else if (status.state === 'error') text = rejected ?? t('saveRetrying', { n: status.pending });
    else if (status.state === 'saving') text = t('saveSaving');
    else text = rejected ?? t('saveSaved');
    return html`<p class="save-state" data-state=${status.rejected && status.state === 'saved' ? 'error' : status.state} role="status" aria-live="polite">${text}</p>`;
  }

  /** After an answer that alerts the care team urgently: that they will be in touch, and where to turn now. */
  private renderCrisis(): TemplateResult {
    const t = this.t;
    const contact = this.unitContact ?? {};
    const crisisPhone = contact.crisisPhone?.trim();
    return html`<section class="crisis" role="alert" aria-labelledby="crisis-title">
      <h2 id="crisis-title">${t('crisisTitle')}</h2>
      <p>${t('crisisCareTeam', { unit: contact.name?.trim() || t('crisisYourCareTeam') })}</p>
      <p><strong>${crisisPhone ? html`${t('crisisCallUnit')} <a href=${`tel:${crisisPhone.replace(/[^+\d]/g, '')}`}>${crisisPhone}</a>` : t('crisisNoUnitNumber')}</strong></p>
      <p>${t('crisisEmergency')}</p>
    </section>`;
  }

  private renderDone(module: Module): TemplateResult {
    const t = this.t;
    const title = localize(module.title, this.language, module.defaultLanguage);
    return html`<div class="done">
      <h1 tabindex="-1">${t('moduleDoneTitle')}</h1>
      <p>${t('moduleDoneText', { title })}</p>
      ${urgentAlertRules(module, this.answers).length > 0 ? this.renderCrisis() : null}
      <div class="actions">
        <a class="button primary" href="#/today">${t('backToToday')}</a>
        <a class="button" href=${hashOf('program')}>${t('common.program')}</a>
      </div>
    </div>`;
  }
}

if (!customElements.get('cl-module-player')) customElements.define('cl-module-player', ClModulePlayer);

declare global {
  interface HTMLElementTagNameMap {
    'cl-module-player': ClModulePlayer;
  }
}
