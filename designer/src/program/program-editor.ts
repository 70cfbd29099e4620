import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import type * as Y from 'yjs';
import type { ModuleRef, Program } from '@careloom/format';
import { validateProgram } from '@careloom/format/validate';
import { yDocToProgram } from '@careloom/format/ydoc';
import { isApiError } from '@careloom/client/api';
import type { DocumentSummary } from '@careloom/format/api';
import { routeHash } from '../app/router.js';
import { canEdit, type Workspace } from '../app/workspace.js';
import type { CollabSession } from '../collab/collab-session.js';
import { openCollabSession } from '../collab/open-collab-session.js';
import { CollabSessionController } from '../collab/collab-session-controller.js';
import { UndoKeys } from '../collab/undo-keys.js';
import { userColor } from '../collab/user-color.js';
import { ClEditorHeader } from '../editor/editor-header.js';
import type { Peer } from '../collab/presence.js';
import { t } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/i18n.js';
import '../ui/issue-list.js';
import type { ListedIssue } from '../ui/issue-list.js';
import { Announcer } from '../ui/announcer.js';
import { uiStyles } from '../ui/ui-styles.js';
import { chipListStyles } from '../ui/chip-list-styles.js';
import { peerMarks } from './peer-marks.js';
import { programEditorStyles } from './program-editor-styles.js';
import { ScheduledModules } from './scheduled-modules.js';
import { addEntry, addLanguage, addTag, moveEntry, removeEntry, removeLanguage, removeTag, setDefaultLanguage, setEntryValue, setProgramText, setProgramValue, type EntryValue, type ProgramList } from './program-doc.js';
import { generalSection, type GeneralContext } from './program-general.js';
import { languageName } from '../ui/language-list.js';
import { programPeersOf, publishProgramFocus, type ProgramPeer } from './program-presence.js';
import { measurementsSection, modulesSection, registrationsSection, type SectionContext } from './program-sections.js';
import { DesignerElement } from '../i18n/designer-element.js';

const SECTION_NAMES: Record<string, MessageKey> = {
  general: 'common.program',
  modules: 'program.modules',
  measurements: 'program.measurements',
  registrations: 'program.registrations',
};

/**
 * The program editor (`#/programs/<id>`), bound to the program's live Y.Doc through a
 * {@link CollabSession}: title and summary in every declared language side by side, length,
 * languages, tags, modules on the weekly schedule (module, released version, unlock week, after
 * completing), repeated measurements and registrations with frequency, weekdays, deadline and
 * reminders. The header shows the connection state, the other editors (with the section and entry
 * each is on, published in awareness) and undo/redo of this person's own edits (also Ctrl/Cmd+Z,
 * Shift+Ctrl/Cmd+Z and Ctrl+Y). Validation (`validateProgram`, with the scheduled modules' content)
 * runs on every change. Publishers and testers see it read-only. Tests pass a ready `session`.
 */
export class ClProgramEditor extends DesignerElement {
  static override properties: PropertyDeclarations = {
    workspace: { attribute: false },
    documentId: { type: String, attribute: 'document-id' },
    session: { attribute: false },
    program: { state: true },
    issues: { state: true },
    modules: { state: true },
    fieldErrors: { state: true },
  };
  static override styles = [
    uiStyles,
    programEditorStyles,
    chipListStyles,
  ];

  declare workspace: Workspace | undefined;
  declare documentId: string;
  /** The live draft; opened from `document-id` when not given (tests give a local one). */
  declare session: CollabSession | undefined;
  declare program: Program | undefined;
  declare issues: readonly ListedIssue[];
  declare modules: readonly DocumentSummary[];
  declare fieldErrors: Readonly<Record<string, string>>;
  readonly #announcer = new Announcer(this);
  /** Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl/Cmd+Y anywhere in the editor: this person's own history, not the field's. */
  protected readonly undoKeys = new UndoKeys(this, { undo: () => this.#undo(), redo: () => this.#redo() });
  /** The live draft: opened while the editor is in the page, the other editors, let go on removal. */
  readonly #collab = new CollabSessionController<ProgramPeer>(this, {
    documentId: () => this.documentId,
    open: (readOnly) => this.#open(readOnly),
    peersOf: programPeersOf,
    attached: (session) => {
      const onUpdate = () => this.#refresh();
      session.doc.on('update', onUpdate);
      this.#refresh();
      return [() => session.doc.off('update', onUpdate)];
    },
  });
  /** The scheduled modules' content and released versions, fetched from the server on first need. */
  readonly #scheduled = new ScheduledModules(() => this.workspace?.api, () => this.#refresh(), () => this.requestUpdate());

  constructor() {
    super();
    this.documentId = '';
    this.issues = [];
    this.modules = [];
    this.fieldErrors = {};
  }

  /** The live doc (for tests and the integrator's debugging). */
  get doc() {
    return this.session?.doc;
  }

  /** The other editors of the program, with the section and entry each is on. */
  get peers(): readonly ProgramPeer[] {
    return this.#collab.peers;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) this.#collab.follow();
    if ((changed.has('documentId') || changed.has('workspace')) && this.isConnected) {
      void this.#collab.open();
      if (this.workspace) void this.#loadModules();
    }
  }

  /** Opens the live draft `/collab/<documentId>`, read-only for people who may not edit programs. */
  #open(readOnly: boolean): CollabSession | undefined {
    const workspace = this.workspace;
    if (!workspace || !this.documentId) return undefined;
    const person = workspace.session.person;
    const documentId = this.documentId;
    return openCollabSession({
      documentId,
      readOnly: !canEdit(workspace) || readOnly,
      root: 'program',
      user: { id: person.id, name: person.name, color: userColor(person.id) },
      checkAccess: () => workspace.api.getDocument(documentId).then(() => true, (error: unknown) => (isApiError(error, 403, 404) ? false : Promise.reject(error))),
    });
  }

  async #loadModules(): Promise<void> {
    const workspace = this.workspace!;
    try {
      const documents = await workspace.api.listDocuments();
      this.modules = documents.filter((document) => document.kind === 'module' && document.organisationId === workspace.organisationId);
      this.#scheduled.modules = this.modules;
      this.#refresh();
    } catch (error) {
      if (!isApiError(error)) throw error;
    }
  }

  /** Reads the doc, validates it against the modules it schedules, and fetches the ones not yet known. */
  #refresh(): void {
    const doc = this.session?.doc;
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
    const result = validateProgram(json, { resolveModule: (ref) => this.#scheduled.content(ref) });
    this.issues = result.issues;
    for (const ref of referencedModules(this.program)) this.#scheduled.want(ref);
  }

  /** Whether this person may change the draft now. */
  get #readOnly(): boolean {
    return !this.workspace || !canEdit(this.workspace) || !this.session || this.session.readOnly;
  }

  override render() {
    const workspace = this.workspace;
    const session = this.session;
    if (!workspace || !session) return null;
    const program = this.program;
    const readOnly = this.#readOnly || !program;
    return html`
      ${this.#header(session, program, readOnly)}
      <p>
        <a href=${routeHash({ name: 'review', id: this.documentId }, 'program')}>${t('program.review')}</a>
        ${!canEdit(workspace) ? html` · <span class="muted">${t('program.readOnly')}</span>` : nothing}
      </p>
      ${program ? this.#editor(program, readOnly) : html`<p role="status">${t('program.waiting')}</p>`}
      ${this.#announcer.region()}
    `;
  }

  /** The editors' shared header: title, connection state, the other editors (with their section and entry) and undo/redo. */
  #header(session: CollabSession, program: Program | undefined, readOnly: boolean): TemplateResult {
    const undo = session.undoManager;
    return html`<cl-editor-header
      .heading=${program ? t('program.titleOf', { title: program.title[program.defaultLanguage] ?? program.id }) : t('common.program')}
      .connection=${session.connection}
      .synced=${session.synced}
      .readOnly=${readOnly}
      .readOnlyNotice=${''}
      .stopped=${session.stopped}
      .reloadable=${this.#collab.owned}
      .peers=${this.peers}
      .canUndo=${undo.undoStack.length > 0}
      .canRedo=${undo.redoStack.length > 0}
      .describePlace=${(peer: Peer) => this.#describePlace(peer as ProgramPeer)}
      @undo=${() => this.#undo()}
      @redo=${() => this.#redo()}
      @reload-draft=${() => this.#reload()}
    ></cl-editor-header>`;
  }

  /** Opens the draft again after the server stopped the connection: what is saved, from the server. */
  #reload(): void {
    this.#collab.reload();
  }

  #describePlace(peer: ProgramPeer): string {
    const key = peer.section ? SECTION_NAMES[peer.section] : undefined;
    if (!key) return t('program.peerNowhere', { name: peer.name });
    const section = t(key);
    return peer.entry ? t('program.peerOnEntry', { name: peer.name, section, entry: peer.entry }) : t('program.peerOnSection', { name: peer.name, section });
  }

  #peersOn(section: string, entry: string | null): ProgramPeer[] {
    return this.peers.filter((peer) => peer.section === section && (entry === null || peer.entry === entry));
  }

  #editor(program: Program, readOnly: boolean): TemplateResult {
    const ctx = this.#sectionContext(readOnly);
    return html`<div class="layout" @focusin=${this.#onFocusIn}>
      <div>
        <section aria-labelledby="general-title" data-section="general">
          <h2 id="general-title">${t('common.program')}</h2>
          ${peerMarks(this.#peersOn('general', null))}
          ${generalSection(program, this.#generalContext(readOnly))}
        </section>
        ${this.#section('modules', t('program.modules'), modulesSection(program, ctx), readOnly, t('program.addModule'))}
        ${this.#section('measurements', t('program.measurements'), measurementsSection(program, ctx), readOnly, t('program.addMeasurement'))}
        ${this.#section('registrations', t('program.registrations'), registrationsSection(program, ctx), readOnly, t('program.addRegistration'))}
      </div>
      <aside aria-labelledby="issues-title">
        <h2 id="issues-title">${t('common.problems')}</h2>
        <p role="status" aria-live="polite" class=${this.issues.length === 0 ? 'success' : 'error'}>${this.issues.length === 0 ? t('program.noIssues') : t('program.issueCount', { n: this.issues.length })}</p>
        <cl-issue-list .issues=${this.issues} .document=${this.program}></cl-issue-list>
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

  #generalContext(readOnly: boolean): GeneralContext {
    return {
      readOnly,
      setText: (key, language, text) => this.#edit((doc) => setProgramText(doc, key, language, text)),
      setDurationWeeks: (weeks) => this.#edit((doc) => setProgramValue(doc, 'durationWeeks', weeks)),
      addLanguage: (language) => {
        this.#edit((doc) => addLanguage(doc, language));
        this.#announcer.announce(t('program.languageAdded', { language: languageName(language) }));
      },
      removeLanguage: (language) => {
        let count = 0;
        this.#edit((doc) => (count = removeLanguage(doc, language)));
        this.#announcer.announce(t('program.languageRemoved', { language: languageName(language), count }));
        void this.renderRoot.querySelector('cl-language-list')?.focusInput();
      },
      setDefaultLanguage: (language) => this.#edit((doc) => setDefaultLanguage(doc, language)),
      addTag: (tag) => this.#edit((doc) => addTag(doc, tag)),
      removeTag: (tag) => this.#edit((doc) => removeTag(doc, tag)),
    };
  }

  #sectionContext(readOnly: boolean): SectionContext {
    return {
      readOnly,
      modules: this.modules.map((module) => ({ id: module.id, title: module.title })),
      releasedVersions: (moduleId) => this.#scheduled.releasedVersions(moduleId),
      registrationBlocks: (moduleId) => {
        const module = this.#scheduled.content({ moduleId });
        return module ? module.pages.flatMap((page) => page.blocks.filter((block) => block.type === 'registration').map((block) => block.id)) : undefined;
      },
      set: (list, index, path, value: EntryValue | undefined) => this.#edit((doc) => setEntryValue(doc, list, index, path, value)),
      remove: (list, index) => this.#edit((doc) => removeEntry(doc, list, index)),
      move: (list, from, to) => this.#edit((doc) => moveEntry(doc, list, from, to)),
      peersOn: (list, entry) => this.#peersOn(list, entry),
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

  /** Runs an edit as this person's (undoable, sent to the others); nothing for readers. */
  #edit(change: (doc: Y.Doc) => void): void {
    const session = this.session;
    if (!session || this.#readOnly) return;
    session.transact(() => change(session.doc));
  }

  #undo(): void {
    if (!this.#readOnly) this.session?.undoManager.undo();
  }

  #redo(): void {
    if (!this.#readOnly) this.session?.undoManager.redo();
  }

  /** Publishes the section and entry that now has focus, so the others see where this person is. */
  readonly #onFocusIn = (event: FocusEvent): void => {
    const session = this.session;
    const target = event.target;
    if (!session || !(target instanceof Element)) return;
    const section = target.closest('[data-section]')?.getAttribute('data-section') ?? null;
    const entry = target.closest('[data-entry]')?.getAttribute('data-entry') ?? null;
    publishProgramFocus(session, { section, entry });
  };
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

// The module editor's define.ts registers the header too (both guard, so either may come first).
if (!customElements.get('cl-editor-header')) customElements.define('cl-editor-header', ClEditorHeader);
customElements.define('cl-program-editor', ClProgramEditor);

declare global {
  interface HTMLElementTagNameMap {
    'cl-program-editor': ClProgramEditor;
  }
}
