import { html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { LANGUAGE_TAG } from '../editor/y/languages.js';
import { DesignerElement } from '../i18n/designer-element.js';
import { i18n, t } from '../i18n/i18n.js';


/** Suggestions for the new-language input; any tag of the right form is accepted. */
const SUGGESTED_LANGUAGES = ['sv', 'nb', 'nn', 'da', 'fi', 'is', 'en', 'de', 'fr', 'es', 'ar', 'fa', 'so', 'ti', 'uk', 'pl', 'tr', 'se'];

/** 'EN-gb' → 'en-GB': the case the format wants, so a tag typed in any case is accepted. */
export function normaliseLanguageTag(value: string): string {
  const [language = '', region] = value.trim().split(/[-_]/);
  return region === undefined ? language.toLowerCase() : `${language.toLowerCase()}-${region.toUpperCase()}`;
}

/** 'Svenska (sv)' in the designer's language; an unknown tag is shown as it is. */
export function languageName(tag: string): string {
  let name = tag;
  try {
    name = new Intl.DisplayNames([i18n.locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    // An unknown tag keeps its code as its name.
  }
  return name === tag ? tag : t('languageList.name', { name, tag });
}

/** The `language-add` and `language-remove` events' detail. */
export interface LanguageDetail {
  language: string;
}

/**
 * `<cl-language-list>`: the declared languages of a module or a program as chips, each with a
 * remove button (not for the default language, nor the last one: the hint says why), and a form
 * to add one by its tag, refusing a malformed tag or one already there in words. It changes
 * nothing itself: the owner edits the draft on `language-add` and `language-remove` (the module
 * details ask first, the program editor removes at once). Renders into its host's tree, so the
 * host's labels and focus moves reach the input (`#new-language`); the host adds `chipListStyles`.
 *
 * @fires language-add {LanguageDetail}
 * @fires language-remove {LanguageDetail}
 */
export class ClLanguageList extends DesignerElement {
  static override properties: PropertyDeclarations = {
    languages: { attribute: false },
    defaultLanguage: { attribute: false },
    label: { type: String },
    readOnly: { type: Boolean, attribute: 'read-only' },
    error: { state: true },
  };

  declare languages: readonly string[];
  declare defaultLanguage: string;
  /** What the list is, for screen readers ("Languages"). */
  declare label: string;
  declare readOnly: boolean;
  declare error: string | undefined;

  constructor() {
    super();
    this.languages = [];
    this.defaultLanguage = '';
    this.label = '';
    this.readOnly = false;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Moves focus to the new-language input (after a removal, so the keyboard is not left on nothing). */
  async focusInput(): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLInputElement>('#new-language')?.focus();
  }

  protected override render() {
    const languages = this.languages;
    const only = languages.length <= 1;
    return html`
      <ul class="chip-list" aria-label=${this.label || nothing}>
        ${languages.map((language) => html`<li data-language=${language}>
          <span>${languageName(language)}</span>
          ${language === this.defaultLanguage ? html`<span class="default-mark">(${t('languageList.isDefault')})</span>` : nothing}
          ${this.readOnly
            ? nothing
            : html`<button type="button" class="small chip-remove" data-action="remove-language" data-language=${language}
                aria-label=${t('languageList.remove', { language: languageName(language) })}
                aria-describedby=${language === this.defaultLanguage ? 'default-language-hint' : nothing}
                ?disabled=${language === this.defaultLanguage || only}
                @click=${() => this.#fire('language-remove', language)}>✕</button>`}
        </li>`)}
      </ul>
      ${this.readOnly ? nothing : html`<p class="chip-hint" id="default-language-hint">${t('languageList.cannotRemoveDefault')}</p>
        <form class="chip-add" data-role="add-language" @submit=${this.#submit}>
          <div class="field">
            <label for="new-language">${t('languageList.new')}</label>
            <input id="new-language" name="language" list="language-suggestions" autocomplete="off" spellcheck="false"
              aria-invalid=${this.error ? 'true' : 'false'} aria-describedby=${this.error ? 'language-error' : 'language-hint'}
              @input=${() => (this.error = undefined)} />
            <datalist id="language-suggestions">
              ${SUGGESTED_LANGUAGES.filter((tag) => !languages.includes(tag)).map((tag) => html`<option value=${tag}>${languageName(tag)}</option>`)}
            </datalist>
            <span class="chip-hint" id="language-hint">${t('languageList.hint')}</span>
          </div>
          <button type="submit">${t('languageList.add')}</button>
        </form>
        ${this.error ? html`<p class="chip-error" id="language-error" role="alert">${this.error}</p>` : nothing}`}
    `;
  }

  readonly #submit = (event: Event): void => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('language') as HTMLInputElement;
    const tag = normaliseLanguageTag(input.value);
    if (!LANGUAGE_TAG.test(tag)) {
      this.error = t('languageList.invalid', { tag: input.value.trim() });
      return;
    }
    if (this.languages.includes(tag)) {
      this.error = t('languageList.taken', { language: languageName(tag) });
      return;
    }
    input.value = '';
    this.error = undefined;
    this.#fire('language-add', tag);
  };

  #fire(type: 'language-add' | 'language-remove', language: string): void {
    this.dispatchEvent(new CustomEvent<LanguageDetail>(type, { detail: { language }, bubbles: true, composed: true }));
  }
}

if (!customElements.get('cl-language-list')) customElements.define('cl-language-list', ClLanguageList);

declare global {
  interface HTMLElementTagNameMap {
    'cl-language-list': ClLanguageList;
  }
}
