import { css, html, nothing } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import * as Y from 'yjs';
import type { EditContext } from './edit-context.js';
import { editorStyles } from './editor-styles.js';
import { numberControl, selectControl, stringControl } from './fields/controls.js';
import { listEditor } from './fields/list-editor.js';
import { localizedText } from './fields/localized.js';
import { t } from './messages.js';
import { dropLanguage, translationCount } from './y/languages.js';
import { arrayAt, mapAt, numberAt } from './y/read.js';
import { YDeepObserver } from './y-deep-observer.js';
import { DesignerElement } from '../i18n/designer-element.js';
import { chipListStyles } from '../ui/chip-list-styles.js';
import { languageName, type LanguageDetail } from '../ui/language-list.js';
import '../ui/language-list.js';
import type { TagDetail } from '../ui/tag-list.js';
import '../ui/tag-list.js';

/** Root keys this screen shows; a change to any of them (not to texts inside) re-renders it. */
const DETAIL_KEYS = new Set(['id', 'formatVersion', 'title', 'summary', 'languages', 'defaultLanguage', 'tags', 'authors', 'targetGroup', 'estimatedMinutes', 'readingLevel']);


/**
 * `<cl-module-details>`: the module's own metadata: id (read-only), title, summary, target group,
 * estimated minutes, the reading level patients' pages are checked against, languages (add; remove with a warning and an undo; the default language),
 * tags and authors. Every edit is a small Y operation on the draft's root map; translated texts
 * show one input per declared language side by side, as on the canvas.
 *
 * `context` is the canvas's edit context; the languages are read live from the draft, so a
 * language added here gets its inputs at once rather than after the next validation.
 *
 * @fires announce {{ message: string }}
 */
export class ClModuleDetails extends DesignerElement {
  static override properties: PropertyDeclarations = {
    context: { attribute: false },
    confirming: { state: true },
    removed: { state: true },
  };
  static override styles = [
    ...editorStyles,
    chipListStyles,
    css`
      :host { display: block; }
      section { background: var(--cl-surface); border-radius: 0.5rem; padding: 0.5rem 0.75rem; margin: 0 0 0.75rem; }
      h2 { margin: 0 0 0.5rem; }
      h3 { margin: 0.25rem 0 0.5rem; font-size: 1.0625rem; }
      .confirm { background: var(--cl-warn-bg); color: var(--cl-warn); border-left: 4px solid var(--cl-warn); padding: 0.5rem 0.75rem; margin: 0.5rem 0; }
      .confirm p { margin: 0 0 0.5rem; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
      .optional { display: flex; flex-direction: column; gap: 0.25rem; }
    `,
  ];

  declare context: EditContext | undefined;
  /** The language whose removal awaits confirmation. */
  declare confirming: string | undefined;
  /** The last removal, while it can still be undone in one step. */
  declare removed: { language: string; count: number; stackItem: unknown } | undefined;
  #focusAfterRender: string | undefined;

  /** The draft's root map. */
  get root(): Y.Map<unknown> | undefined {
    return this.context?.session.doc.getMap('module');
  }

  /** Redraws on root keys, and on the lists of languages, tags and authors; texts update their own inputs. */
  protected readonly yObserver = new YDeepObserver(this, () => this.root, (events) =>
    events.some((event) => {
      if (event.path.length === 0) return [...(event as Y.YMapEvent<unknown>).keysChanged].some((key) => DETAIL_KEYS.has(key));
      const [first] = event.path;
      return typeof first === 'string' && DETAIL_KEYS.has(first) && event.path.length <= 2 && !(event.target instanceof Y.Text);
    }),
  );

  protected override updated(): void {
    if (this.#focusAfterRender) {
      this.renderRoot.querySelector<HTMLElement>(this.#focusAfterRender)?.focus();
      this.#focusAfterRender = undefined;
    }
  }

  /** The declared languages now, from the draft itself. */
  #languages(): string[] {
    return (arrayAt(this.root, 'languages')?.toArray() ?? []).filter((value): value is string => typeof value === 'string');
  }

  protected override render() {
    const context = this.context;
    const root = this.root;
    if (!context || !root) return nothing;
    const languages = this.#languages();
    const defaultLanguage = typeof root.get('defaultLanguage') === 'string' ? (root.get('defaultLanguage') as string) : (languages[0] ?? context.defaultLanguage);
    const shown = { ...context, languages: languages.length > 0 ? languages : context.languages, defaultLanguage };
    return html`
      <h2 id="details-heading" tabindex="-1">${t('details.heading')}</h2>
      <section aria-labelledby="about-heading">
        <h3 id="about-heading">${t('details.about')}</h3>
        <div class="inline">
          ${stringControl(shown, root, 'id', t('details.id'), { disabled: true })}
          <span class="hint">${t('details.formatVersion', { version: numberAt(root, 'formatVersion') ?? '?' })}</span>
        </div>
        <p class="hint">${t('details.idHint')}</p>
        ${localizedText(shown, root, 'title', t('common.title'))}
        ${this.#optionalText(shown, root, 'summary', t('details.summary'), true)}
        ${this.#optionalText(shown, root, 'targetGroup', t('details.targetGroup'), false)}
        <div class="inline">${numberControl(shown, root, 'estimatedMinutes', t('details.estimatedMinutes'), { optional: true, integer: true, min: 1 })}</div>
        <div class="inline" data-role="reading-level">${selectControl(shown, root, 'readingLevel', t('details.readingLevel'), [
          { value: 'easy', label: t('details.readingLevel.easy') },
          { value: 'standard', label: t('details.readingLevel.standard') },
        ], { optional: true })}</div>
        <p class="hint">${t('details.readingLevelHint')}</p>
      </section>
      ${this.#languagesSection(shown, root, languages, defaultLanguage)}
      ${this.#tagsSection(shown, root)}
      <section>${this.#authors(shown, root)}</section>
    `;
  }

  /** An optional translated text: its inputs, and a button that removes it whole. */
  #optionalText(context: EditContext, root: Y.Map<unknown>, key: string, label: string, multiline: boolean): TemplateResult {
    const present = mapAt(root, key) !== undefined;
    return html`<div class="optional">
      ${localizedText(context, root, key, label, { multiline })}
      ${present && !context.readOnly
        ? html`<div><button type="button" class="small" data-action=${`clear-${key}`} @click=${() => context.session.transact(() => root.delete(key))}>${t('details.clearField', { field: label.toLowerCase() })}</button></div>`
        : nothing}
    </div>`;
  }

  #languagesSection(context: EditContext, root: Y.Map<unknown>, languages: readonly string[], defaultLanguage: string): TemplateResult {
    const editable = !context.readOnly;
    const confirming = this.confirming;
    const removed = this.removed;
    return html`<section aria-labelledby="languages-heading">
      <h3 id="languages-heading">${t('details.languages')}</h3>
      <cl-language-list .languages=${languages} .defaultLanguage=${defaultLanguage} label=${t('details.languages')} ?read-only=${!editable}
        @language-add=${(event: CustomEvent<LanguageDetail>) => this.#addLanguage(context, event.detail.language)}
        @language-remove=${(event: CustomEvent<LanguageDetail>) => this.#askRemove(event.detail.language)}></cl-language-list>
      ${confirming
        ? html`<div class="confirm" role="alert" data-role="confirm-remove">
            <p>${t('details.confirmRemove', { language: languageName(confirming), count: translationCount(context.session.doc, confirming) })}</p>
            <div class="actions">
              <button type="button" class="danger" data-action="confirm-remove" @click=${() => this.#remove(context, confirming)}>${t('details.confirmRemoveButton', { language: languageName(confirming) })}</button>
              <button type="button" data-action="cancel-remove" @click=${this.#cancelRemove}>${t('details.keepLanguage', { language: languageName(confirming) })}</button>
            </div>
          </div>`
        : nothing}
      ${removed
        ? html`<div class="success actions" role="status">
            <span>${t('details.languageRemoved', { language: languageName(removed.language), count: removed.count })}</span>
            <button type="button" data-action="undo-remove-language" @click=${this.#undoRemove}>${t('common.undo')}</button>
          </div>`
        : nothing}
      <div class="inline">
        ${selectControl(context, root, 'defaultLanguage', t('details.defaultLanguage'), languages.map((language) => ({ value: language, label: languageName(language) })))}
      </div>
    </section>`;
  }

  #addLanguage(context: EditContext, tag: string): void {
    const root = this.root;
    if (!root) return;
    context.session.transact(() => {
      let array = arrayAt(root, 'languages');
      if (!array) {
        array = new Y.Array<unknown>();
        root.set('languages', array);
      }
      array.push([tag]);
    });
    this.#announce(t('details.languageAdded', { language: languageName(tag) }));
  }

  #askRemove(language: string): void {
    this.confirming = language;
    this.#focusAfterRender = '[data-action="confirm-remove"]';
  }

  readonly #cancelRemove = (): void => {
    const language = this.confirming;
    this.confirming = undefined;
    this.#focusAfterRender = `button[data-action="remove-language"][data-language="${language ?? ''}"]`;
  };

  /** Drops the language and its translations as one undo step, then offers to take it back. */
  #remove(context: EditContext, language: string): void {
    const session = context.session;
    if (session.readOnly || language === this.root?.get('defaultLanguage')) return;
    let count = 0;
    session.undoManager.stopCapturing();
    session.transact(() => (count = dropLanguage(session.doc, language)));
    session.undoManager.stopCapturing();
    const stack = session.undoManager.undoStack;
    this.confirming = undefined;
    this.removed = { language, count, stackItem: stack[stack.length - 1] };
    this.#focusAfterRender = '[data-action="undo-remove-language"]';
    this.#announce(t('details.languageRemoved', { language: languageName(language), count }));
  }

  readonly #undoRemove = (): void => {
    const removed = this.removed;
    const session = this.context?.session;
    this.removed = undefined;
    if (!removed || !session) return;
    const stack = session.undoManager.undoStack;
    // Only when nothing was done since: otherwise undo would take back a later edit instead.
    if (stack[stack.length - 1] !== removed.stackItem) return;
    session.undoManager.undo();
    this.#focusAfterRender = '#new-language';
    this.#announce(t('details.languageRestored', { language: languageName(removed.language) }));
  };

  #tagsSection(context: EditContext, root: Y.Map<unknown>): TemplateResult {
    const tags = (arrayAt(root, 'tags')?.toArray() ?? []).filter((tag): tag is string => typeof tag === 'string');
    return html`<section aria-labelledby="tags-heading">
      <h3 id="tags-heading">${t('details.tags')}</h3>
      <cl-tag-list .tags=${tags} label=${t('details.tags')} ?read-only=${context.readOnly}
        @tag-add=${(event: CustomEvent<TagDetail>) => this.#addTag(context, root, event.detail.tag)}
        @tag-remove=${(event: CustomEvent<TagDetail>) => this.#removeTag(context, root, event.detail.tag)}></cl-tag-list>
    </section>`;
  }

  #addTag(context: EditContext, root: Y.Map<unknown>, tag: string): void {
    context.session.transact(() => {
      let array = arrayAt(root, 'tags');
      if (!array) {
        array = new Y.Array<unknown>();
        root.set('tags', array);
      }
      array.push([tag]);
    });
  }

  #removeTag(context: EditContext, root: Y.Map<unknown>, tag: string): void {
    const array = arrayAt(root, 'tags');
    // Another editor may have changed the list since the last render: the tag is looked up now.
    const index = array?.toArray().indexOf(tag) ?? -1;
    if (!array || index < 0) return;
    context.session.transact(() => array.delete(index, 1));
  }

  #authors(context: EditContext, root: Y.Map<unknown>): TemplateResult {
    return listEditor(context, arrayAt(root, 'authors'), {
      legend: t('details.authors'),
      itemLabel: (number) => t('details.author', { number }),
      addLabel: t('details.addAuthor'),
      removeLabel: (number) => t('details.removeAuthor', { number }),
      onAdd: () => context.session.transact(() => {
        let array = arrayAt(root, 'authors');
        if (!array) {
          array = new Y.Array<unknown>();
          root.set('authors', array);
        }
        array.push([new Y.Map<unknown>([['name', '']])]);
      }),
      render: (author) => html`<div class="inline">
        ${stringControl(context, author, 'name', t('common.name'))}
        ${stringControl(context, author, 'organisation', t('details.authorOrganisation'), { optional: true })}
        ${stringControl(context, author, 'role', t('details.authorRole'), { optional: true })}
      </div>`,
    });
  }

  #announce(message: string): void {
    this.dispatchEvent(new CustomEvent('announce', { detail: { message }, bubbles: true, composed: true }));
  }

  /** Moves focus to the screen's heading (when it is opened from the outline). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#details-heading')?.focus();
  }
}
