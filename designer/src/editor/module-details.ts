import { css, html, nothing } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import * as Y from 'yjs';
import { i18n } from '../i18n/i18n.js';
import type { EditContext } from './edit-context.js';
import { editorStyles } from './editor-styles.js';
import { numberControl, selectControl, stringControl } from './fields/controls.js';
import { listEditor } from './fields/list-editor.js';
import { localizedText } from './fields/localized.js';
import { t } from './messages.js';
import { dropLanguage, LANGUAGE_TAG, translationCount } from './y/languages.js';
import { arrayAt, mapAt, numberAt } from './y/read.js';
import { YDeepObserver } from './y-deep-observer.js';
import { DesignerElement } from '../i18n/designer-element.js';

/** Root keys this screen shows; a change to any of them (not to texts inside) re-renders it. */
const DETAIL_KEYS = new Set(['id', 'formatVersion', 'title', 'summary', 'languages', 'defaultLanguage', 'tags', 'authors', 'targetGroup', 'estimatedMinutes', 'readingLevel']);

/** Suggestions for the new-language input; any tag of the right form is accepted. */
const SUGGESTED_LANGUAGES = ['sv', 'nb', 'nn', 'da', 'fi', 'is', 'en', 'de', 'fr', 'es', 'ar', 'fa', 'so', 'ti', 'uk', 'pl', 'tr', 'se'];

const MAX_TAG_LENGTH = 40;

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
    languageError: { state: true },
    tagError: { state: true },
  };
  static override styles = [
    ...editorStyles,
    css`
      :host { display: block; }
      section { background: var(--cl-surface); border-radius: 0.5rem; padding: 0.5rem 0.75rem; margin: 0 0 0.75rem; }
      h2 { margin: 0 0 0.5rem; }
      h3 { margin: 0.25rem 0 0.5rem; font-size: 1.0625rem; }
      ul.languages-list, ul.tags { list-style: none; padding: 0; margin: 0.25rem 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
      ul.languages-list li, ul.tags li { display: inline-flex; align-items: center; gap: 0.25rem; border: 1px solid var(--cl-line); border-radius: 1rem; padding: 0.125rem 0.25rem 0.125rem 0.75rem; background: var(--cl-bg); }
      .default-mark { font-size: 0.8125rem; color: var(--cl-muted); }
      .confirm { background: var(--cl-warn-bg); color: var(--cl-warn); border-left: 4px solid var(--cl-warn); padding: 0.5rem 0.75rem; margin: 0.5rem 0; }
      .confirm p { margin: 0 0 0.5rem; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
      .field-error { color: var(--cl-error); margin: 0.25rem 0; font-size: 0.9375rem; }
      .optional { display: flex; flex-direction: column; gap: 0.25rem; }
    `,
  ];

  declare context: EditContext | undefined;
  /** The language whose removal awaits confirmation. */
  declare confirming: string | undefined;
  /** The last removal, while it can still be undone in one step. */
  declare removed: { language: string; count: number; stackItem: unknown } | undefined;
  declare languageError: string | undefined;
  declare tagError: string | undefined;
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

  #languageName(tag: string): string {
    let name = tag;
    try {
      name = new Intl.DisplayNames([i18n.locale], { type: 'language' }).of(tag) ?? tag;
    } catch {
      // An unknown tag keeps its code as its name.
    }
    return name === tag ? tag : t('details.languageName', { name, tag });
  }

  #languagesSection(context: EditContext, root: Y.Map<unknown>, languages: readonly string[], defaultLanguage: string): TemplateResult {
    const editable = !context.readOnly;
    const confirming = this.confirming;
    const removed = this.removed;
    return html`<section aria-labelledby="languages-heading">
      <h3 id="languages-heading">${t('details.languages')}</h3>
      <ul class="languages-list" aria-labelledby="languages-heading">
        ${languages.map((language) => html`<li data-language=${language}>
          <span>${this.#languageName(language)}</span>
          ${language === defaultLanguage ? html`<span class="default-mark">(${t('details.isDefault')})</span>` : nothing}
          ${editable
            ? html`<button type="button" class="small danger" data-action="remove-language" data-language=${language}
                aria-label=${t('details.removeLanguage', { language: this.#languageName(language) })}
                aria-describedby=${language === defaultLanguage ? 'default-hint' : nothing}
                ?disabled=${language === defaultLanguage || languages.length <= 1}
                @click=${() => this.#askRemove(language)}>✕</button>`
            : nothing}
        </li>`)}
      </ul>
      ${editable ? html`<p class="hint" id="default-hint">${t('details.cannotRemoveDefault')}</p>` : nothing}
      ${confirming
        ? html`<div class="confirm" role="alert" data-role="confirm-remove">
            <p>${t('details.confirmRemove', { language: this.#languageName(confirming), count: translationCount(context.session.doc, confirming) })}</p>
            <div class="actions">
              <button type="button" class="danger" data-action="confirm-remove" @click=${() => this.#remove(context, confirming)}>${t('details.confirmRemoveButton', { language: this.#languageName(confirming) })}</button>
              <button type="button" data-action="cancel-remove" @click=${this.#cancelRemove}>${t('details.keepLanguage', { language: this.#languageName(confirming) })}</button>
            </div>
          </div>`
        : nothing}
      ${removed
        ? html`<div class="success actions" role="status">
            <span>${t('details.languageRemoved', { language: this.#languageName(removed.language), count: removed.count })}</span>
            <button type="button" data-action="undo-remove-language" @click=${this.#undoRemove}>${t('common.undo')}</button>
          </div>`
        : nothing}
      <div class="inline">
        ${selectControl(context, root, 'defaultLanguage', t('details.defaultLanguage'), languages.map((language) => ({ value: language, label: this.#languageName(language) })))}
      </div>
      ${editable
        ? html`<form class="inline" data-role="add-language" @submit=${(event: Event) => this.#addLanguage(event, context, languages)}>
            <span class="control text">
              <label for="new-language">${t('details.newLanguage')}</label>
              <input id="new-language" name="language" list="language-suggestions" autocomplete="off" spellcheck="false"
                aria-invalid=${this.languageError ? 'true' : 'false'} aria-describedby=${this.languageError ? 'language-error' : nothing}
                @input=${() => (this.languageError = undefined)} />
              <datalist id="language-suggestions">
                ${SUGGESTED_LANGUAGES.filter((tag) => !languages.includes(tag)).map((tag) => html`<option value=${tag}>${this.#languageName(tag)}</option>`)}
              </datalist>
            </span>
            <button type="submit">${t('details.addLanguage')}</button>
          </form>
          ${this.languageError ? html`<p class="field-error" id="language-error" role="alert">${this.languageError}</p>` : nothing}`
        : nothing}
    </section>`;
  }

  #addLanguage(event: Event, context: EditContext, languages: readonly string[]): void {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('language') as HTMLInputElement;
    const tag = normaliseTag(input.value);
    if (!LANGUAGE_TAG.test(tag)) {
      this.languageError = t('details.languageInvalid', { tag: input.value.trim() });
      return;
    }
    if (languages.includes(tag)) {
      this.languageError = t('details.languageTaken', { language: this.#languageName(tag) });
      return;
    }
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
    input.value = '';
    this.languageError = undefined;
    this.#announce(t('details.languageAdded', { language: this.#languageName(tag) }));
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
    this.#announce(t('details.languageRemoved', { language: this.#languageName(language), count }));
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
    this.#announce(t('details.languageRestored', { language: this.#languageName(removed.language) }));
  };

  #tagsSection(context: EditContext, root: Y.Map<unknown>): TemplateResult {
    const tags = (arrayAt(root, 'tags')?.toArray() ?? []).filter((tag): tag is string => typeof tag === 'string');
    return html`<section aria-labelledby="tags-heading">
      <h3 id="tags-heading">${t('details.tags')}</h3>
      <p class="hint">${t('details.tagsHint')}</p>
      ${tags.length === 0
        ? html`<p class="hint">${t('details.noTags')}</p>`
        : html`<ul class="tags" aria-labelledby="tags-heading">
            ${tags.map((tag, index) => html`<li>
              <span>${tag}</span>
              ${context.readOnly ? nothing : html`<button type="button" class="small" data-action="remove-tag" aria-label=${t('details.removeTag', { tag })} @click=${() => this.#removeTag(context, root, index, tag)}>✕</button>`}
            </li>`)}
          </ul>`}
      ${context.readOnly
        ? nothing
        : html`<form class="inline" data-role="add-tag" @submit=${(event: Event) => this.#addTag(event, context, root, tags)}>
            <span class="control text">
              <label for="new-tag">${t('details.newTag')}</label>
              <input id="new-tag" name="tag" maxlength=${MAX_TAG_LENGTH} autocomplete="off"
                aria-invalid=${this.tagError ? 'true' : 'false'} aria-describedby=${this.tagError ? 'tag-error' : nothing}
                @input=${() => (this.tagError = undefined)} />
            </span>
            <button type="submit">${t('details.addTag')}</button>
          </form>
          ${this.tagError ? html`<p class="field-error" id="tag-error" role="alert">${this.tagError}</p>` : nothing}`}
    </section>`;
  }

  #addTag(event: Event, context: EditContext, root: Y.Map<unknown>, tags: readonly string[]): void {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('tag') as HTMLInputElement;
    const tag = input.value.trim();
    if (tag.length === 0 || tag.length > MAX_TAG_LENGTH) {
      this.tagError = t('details.tagInvalid');
      return;
    }
    if (tags.includes(tag)) {
      this.tagError = t('details.tagTaken', { tag });
      return;
    }
    context.session.transact(() => {
      let array = arrayAt(root, 'tags');
      if (!array) {
        array = new Y.Array<unknown>();
        root.set('tags', array);
      }
      array.push([tag]);
    });
    input.value = '';
    this.tagError = undefined;
    input.focus();
  }

  #removeTag(context: EditContext, root: Y.Map<unknown>, index: number, tag: string): void {
    const array = arrayAt(root, 'tags');
    // The index is from the last render; another editor may have changed the list since.
    if (!array || array.get(index) !== tag) return;
    context.session.transact(() => array.delete(index, 1));
    this.#focusAfterRender = '#new-tag';
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

/** 'EN-gb' → 'en-GB': the case the format wants, so a tag typed in any case is accepted. */
function normaliseTag(value: string): string {
  const [language = '', region] = value.trim().split(/[-_]/);
  return region === undefined ? language.toLowerCase() : `${language.toLowerCase()}-${region.toUpperCase()}`;
}
