import { css, html, LitElement, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import * as Y from 'yjs';
import type { Module, ModuleRef, Program } from '../../../schemas/src/generated/format.js';
import { validateProgram } from '../../../schemas/src/validate/index.js';
import { yDocToProgram } from '../../../schemas/src/ydoc/index.js';
import { isApiError } from '../api/api-error.js';
import type { DocumentSummary } from '../api/types.js';
import { routeHash } from '../app/router.js';
import { canEdit, type Workspace } from '../app/workspace.js';
import { LocaleController, t } from '../i18n/i18n.js';
import '../ui/issue-list.js';
import type { ListedIssue } from '../ui/issue-list.js';
import { uiStyles } from '../ui/ui-styles.js';
import { websocketConnector, type CollabConnection, type CollabConnector } from './collab-connection.js';
import { addEntry, moveEntry, removeEntry, setEntryValue, setProgramText, setProgramValue, type EntryValue, type ProgramList } from './program-doc.js';
import { measurementsSection, modulesSection, registrationsSection, type SectionContext } from './program-sections.js';

type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed' };

/**
 * The program editor (`#/programs/<id>`), bound to the program's live Y.Doc: modules on the weekly
 * schedule (module, released version, unlock week, after completing), repeated measurements and
 * registrations with frequency, weekdays, deadline and reminders. The connection state is shown;
 * validation (`validateProgram`, with the scheduled modules' content) runs on every change.
 * Publishers and testers see it read-only. `connector` is injectable (tests use a local doc).
 */
export class ClProgramEditor extends LitElement {
  static override properties: PropertyDeclarations = {
    workspace: { attribute: false },
    documentId: { type: String, attribute: 'document-id' },
    connector: { attribute: false },
    program: { state: true },
    issues: { state: true },
    connectionState: { state: true },
    synced: { state: true },
    modules: { state: true },
    fieldErrors: { state: true },
  };
  static override styles = [
    uiStyles,
    css`
      .status {
        font-weight: 600;
      }
      .status.connected {
        color: var(--cl-ok);
      }
      .status.disconnected {
        color: var(--cl-error);
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(16rem, 1fr);
        gap: 1.5rem;
        align-items: start;
      }
      aside {
        position: sticky;
        top: 0.5rem;
      }
      fieldset.entry {
        padding: 0.5rem 0.75rem;
      }
      fieldset.inline {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        border-style: dashed;
      }
      label.check {
        font-weight: 400;
        display: inline-flex;
        align-items: center;
        gap: 0.375rem;
        min-height: 2.5rem;
      }
      input[type='number'] {
        width: 6rem;
      }
      .entry-buttons button {
        min-width: 2.5rem;
      }
      @media (max-width: 60rem) {
        .layout {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  declare workspace: Workspace | undefined;
  declare documentId: string;
  declare connector: CollabConnector;
  declare program: Program | undefined;
  declare issues: readonly ListedIssue[];
  declare connectionState: CollabConnection['state'];
  declare synced: boolean;
  declare modules: readonly DocumentSummary[];
  declare fieldErrors: Readonly<Record<string, string>>;
  private readonly locale = new LocaleController(this);
  #doc: Y.Doc | undefined;
  #connection: CollabConnection | undefined;
  #stopListening: (() => void) | undefined;
  /** Scheduled modules' content (`moduleId@version`, `@` alone for the catalog or draft) and released versions. */
  readonly #contents = new Map<string, Loaded<Module>>();
  readonly #versions = new Map<string, Loaded<number[]>>();

  constructor() {
    super();
    this.documentId = '';
    this.connector = websocketConnector();
    this.issues = [];
    this.connectionState = 'connecting';
    this.synced = false;
    this.modules = [];
    this.fieldErrors = {};
  }

  /** The live doc (for tests and the integrator's debugging). */
  get doc(): Y.Doc | undefined {
    return this.#doc;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('documentId') || changed.has('workspace') || changed.has('connector')) && this.isConnected) this.#open();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.#connection && this.hasUpdated) this.#open();
  }

  override disconnectedCallback(): void {
    this.#close();
    super.disconnectedCallback();
  }

  #open(): void {
    this.#close();
    if (!this.workspace || !this.documentId) return;
    const doc = new Y.Doc();
    this.#doc = doc;
    const onUpdate = () => this.#refresh();
    doc.on('update', onUpdate);
    const connection = this.connector(this.documentId, doc);
    this.#connection = connection;
    const stop = connection.onChange(() => {
      this.connectionState = connection.state;
      this.synced = connection.synced;
      this.#refresh();
    });
    this.#stopListening = () => {
      stop();
      doc.off('update', onUpdate);
    };
    this.connectionState = connection.state;
    this.synced = connection.synced;
    this.#refresh();
    void this.#loadModules();
  }

  #close(): void {
    this.#stopListening?.();
    this.#connection?.destroy();
    this.#doc?.destroy();
    this.#connection = undefined;
    this.#doc = undefined;
    this.#stopListening = undefined;
  }

  async #loadModules(): Promise<void> {
    const workspace = this.workspace!;
    try {
      const documents = await workspace.api.listDocuments();
      this.modules = documents.filter((document) => document.kind === 'module' && document.organisationId === workspace.organisationId);
      this.#refresh();
    } catch (error) {
      if (!isApiError(error)) throw error;
    }
  }

  /** Reads the doc, validates it against the modules it schedules, and fetches the ones not yet known. */
  #refresh(): void {
    const doc = this.#doc;
    if (!doc || doc.getMap('meta').size === 0) {
      this.program = undefined;
      return;
    }
    let json: unknown;
    try {
      json = yDocToProgram(doc);
    } catch (error) {
      this.program = undefined;
      this.issues = [{ path: '', message: error instanceof Error ? error.message : String(error) }];
      return;
    }
    this.program = json as Program;
    const result = validateProgram(json, { resolveModule: (ref) => this.#moduleContent(ref) });
    this.issues = result.issues;
    for (const ref of referencedModules(this.program)) {
      this.#fetchContent(ref);
      this.#fetchVersions(ref.moduleId);
    }
  }

  #contentKey(ref: ModuleRef): string {
    return `${ref.moduleId}@${ref.version ?? ''}`;
  }

  #moduleContent(ref: ModuleRef): Module | undefined {
    const loaded = this.#contents.get(this.#contentKey(ref));
    return loaded?.state === 'ready' ? loaded.value : undefined;
  }

  /** A pinned version's content; unpinned: the catalog's released version, else the draft (what release would pin or refuse). */
  #fetchContent(ref: ModuleRef): void {
    const key = this.#contentKey(ref);
    const api = this.workspace?.api;
    if (!api || this.#contents.has(key) || !ref.moduleId) return;
    this.#contents.set(key, { state: 'loading' });
    const released = this.modules.find((module) => module.id === ref.moduleId)?.releasedVersion ?? null;
    const number = ref.version ?? released;
    const content = number !== null ? api.getVersion(ref.moduleId, number).then((version) => version.content) : api.getDraft(ref.moduleId).then((draft) => draft.content);
    content.then(
      (value) => {
        this.#contents.set(key, { state: 'ready', value: value as Module });
        this.#refresh();
      },
      () => this.#contents.set(key, { state: 'failed' }),
    );
  }

  #fetchVersions(moduleId: string): void {
    const api = this.workspace?.api;
    if (!api || this.#versions.has(moduleId) || !moduleId) return;
    this.#versions.set(moduleId, { state: 'loading' });
    api.listVersions(moduleId).then(
      (versions) => {
        this.#versions.set(moduleId, { state: 'ready', value: versions.filter((version) => version.state === 'released').map((version) => version.number) });
        this.requestUpdate();
      },
      () => this.#versions.set(moduleId, { state: 'failed' }),
    );
  }

  override render() {
    const workspace = this.workspace;
    if (!workspace) return null;
    const program = this.program;
    const readOnly = !canEdit(workspace) || !program;
    return html`
      <h1>${program ? t('program.titleOf', { title: program.title[program.defaultLanguage] ?? program.id }) : t('program.title')}</h1>
      <p>
        <span class="status ${this.connectionState}" role="status">${t(`connection.${this.connectionState}`)}${this.connectionState === 'connected' && !this.synced ? ` · ${t('connection.syncing')}` : ''}</span>
        · <a href=${routeHash({ name: 'review', id: this.documentId }, 'program')}>${t('program.review')}</a>
        ${!canEdit(workspace) ? html` · <span class="muted">${t('program.readOnly')}</span>` : nothing}
      </p>
      ${program ? this.#editor(program, readOnly) : html`<p role="status">${t('program.waiting')}</p>`}
    `;
  }

  #editor(program: Program, readOnly: boolean): TemplateResult {
    const ctx = this.#sectionContext(readOnly);
    const language = program.defaultLanguage;
    return html`<div class="layout">
      <div>
        <section aria-labelledby="general-title">
          <h2 id="general-title">${t('program.general')}</h2>
          <div class="row">
            <div class="field">
              <label for="program-title">${t('program.programTitle', { language })}</label>
              <input id="program-title" .value=${program.title[language] ?? ''} ?disabled=${readOnly} @input=${(event: Event) => this.#edit((doc) => setProgramText(doc, 'title', language, (event.target as HTMLInputElement).value))} />
            </div>
            <div class="field">
              <label for="program-weeks">${t('program.durationWeeks')}</label>
              <input id="program-weeks" type="number" min="1" max="104" .value=${String(program.durationWeeks ?? '')} ?disabled=${readOnly} @change=${(event: Event) => {
                const raw = (event.target as HTMLInputElement).value;
                this.#edit((doc) => setProgramValue(doc, 'durationWeeks', raw === '' ? undefined : Number(raw)));
              }} />
            </div>
          </div>
        </section>
        ${this.#section('modules', t('program.modules'), modulesSection(program, ctx), readOnly, t('program.addModule'))}
        ${this.#section('measurements', t('program.measurements'), measurementsSection(program, ctx), readOnly, t('program.addMeasurement'))}
        ${this.#section('registrations', t('program.registrations'), registrationsSection(program, ctx), readOnly, t('program.addRegistration'))}
      </div>
      <aside aria-labelledby="issues-title">
        <h2 id="issues-title">${t('program.issues')}</h2>
        <p role="status" aria-live="polite" class=${this.issues.length === 0 ? 'success' : 'error'}>${this.issues.length === 0 ? t('program.noIssues') : t('program.issueCount', { n: this.issues.length })}</p>
        <cl-issue-list .issues=${this.issues}></cl-issue-list>
      </aside>
    </div>`;
  }

  #section(list: ProgramList, title: string, body: TemplateResult, readOnly: boolean, addLabel: string): TemplateResult {
    return html`<section aria-labelledby="${list}-title" data-section=${list}>
      <h2 id="${list}-title">${title}</h2>
      ${body}
      ${readOnly ? nothing : html`<button type="button" data-add=${list} @click=${() => this.#add(list)}>${addLabel}</button>`}
    </section>`;
  }

  #sectionContext(readOnly: boolean): SectionContext {
    return {
      readOnly,
      modules: this.modules.map((module) => ({ id: module.id, title: module.title })),
      releasedVersions: (moduleId) => {
        const loaded = this.#versions.get(moduleId);
        return loaded?.state === 'ready' ? loaded.value : undefined;
      },
      registrationBlocks: (moduleId) => {
        const module = this.#moduleContent({ moduleId });
        return module ? module.pages.flatMap((page) => page.blocks.filter((block) => block.type === 'registration').map((block) => block.id)) : undefined;
      },
      set: (list, index, path, value: EntryValue | undefined) => this.#edit((doc) => setEntryValue(doc, list, index, path, value)),
      remove: (list, index) => this.#edit((doc) => removeEntry(doc, list, index)),
      move: (list, from, to) => this.#edit((doc) => moveEntry(doc, list, from, to)),
      fieldError: (key) => this.fieldErrors[key],
      reportField: (key, message) => {
        const next = { ...this.fieldErrors };
        if (message === undefined) delete next[key];
        else next[key] = message;
        this.fieldErrors = next;
      },
    };
  }

  #add(list: ProgramList): void {
    const program = this.program;
    if (!program) return;
    const moduleId = this.modules[0]?.id ?? '';
    const taken = new Set([...program.modules.map((entry) => entry.key), ...(program.measurements ?? []).map((entry) => entry.id), ...(program.registrations ?? []).map((entry) => entry.id)]);
    const fresh = (base: string) => {
      let n = 1;
      while (taken.has(`${base}${n}`)) n++;
      return `${base}${n}`;
    };
    const entry =
      list === 'modules'
        ? { key: fresh('module'), module: { moduleId }, unlock: { week: 1 } }
        : list === 'measurements'
          ? { id: fresh('measurement'), module: { moduleId }, weeks: [1], dueWithinDays: 7 }
          : { id: fresh('registration'), module: { moduleId }, registration: '', frequency: 'daily', deadline: '20:00' };
    this.#edit((doc) => addEntry(doc, list, entry));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-section="${list}"] fieldset.entry:last-of-type input`)?.focus());
  }

  #edit(change: (doc: Y.Doc) => void): void {
    if (!this.#doc || !this.workspace || !canEdit(this.workspace)) return;
    change(this.#doc);
  }
}

/** Every module reference a program makes, once each. */
function referencedModules(program: Program): ModuleRef[] {
  const refs = [...program.modules.map((entry) => entry.module), ...(program.measurements ?? []).map((entry) => entry.module), ...(program.registrations ?? []).map((entry) => entry.module)];
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = `${ref.moduleId}@${ref.version ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

customElements.define('cl-program-editor', ClProgramEditor);

declare global {
  interface HTMLElementTagNameMap {
    'cl-program-editor': ClProgramEditor;
  }
}
