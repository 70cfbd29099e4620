import { html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { DesignerElement } from '../i18n/designer-element.js';
import { t } from '../i18n/i18n.js';

/** The longest tag the format takes. */
export const MAX_TAG_LENGTH = 40;

/** The `tag-add` and `tag-remove` events' detail. */
export interface TagDetail {
  tag: string;
}

/**
 * `<cl-tag-list>`: the catalog tags of a module or a program as chips with remove buttons, and a
 * form to add one (Enter adds; an empty, too long or repeated tag is refused in words and the
 * focus stays in the input). It changes nothing itself: the owner edits the draft on `tag-add` and
 * `tag-remove`. After a removal the focus moves to the input. Renders into its host's tree (the
 * input is `#new-tag`); the host adds `chipListStyles`.
 *
 * @fires tag-add {TagDetail}
 * @fires tag-remove {TagDetail}
 */
export class ClTagList extends DesignerElement {
  static override properties: PropertyDeclarations = {
    tags: { attribute: false },
    label: { type: String },
    readOnly: { type: Boolean, attribute: 'read-only' },
    error: { state: true },
  };

  declare tags: readonly string[];
  /** What the list is, for screen readers ("Tags"). */
  declare label: string;
  declare readOnly: boolean;
  declare error: string | undefined;

  constructor() {
    super();
    this.tags = [];
    this.label = '';
    this.readOnly = false;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render() {
    const tags = this.tags;
    return html`
      ${tags.length === 0
        ? html`<p class="chip-hint">${t('tagList.none')}</p>`
        : html`<ul class="chip-list tags" aria-label=${this.label || nothing}>
            ${tags.map((tag) => html`<li data-tag=${tag}>
              <span>${tag}</span>
              ${this.readOnly ? nothing : html`<button type="button" class="small chip-remove" data-action="remove-tag" aria-label=${t('tagList.remove', { tag })} @click=${() => this.#remove(tag)}>✕</button>`}
            </li>`)}
          </ul>`}
      ${this.readOnly
        ? nothing
        : html`<form class="chip-add" data-role="add-tag" @submit=${this.#submit}>
            <div class="field">
              <label for="new-tag">${t('tagList.new')}</label>
              <input id="new-tag" name="tag" maxlength=${MAX_TAG_LENGTH} autocomplete="off"
                aria-invalid=${this.error ? 'true' : 'false'} aria-describedby=${this.error ? 'tag-error' : 'tag-hint'}
                @input=${() => (this.error = undefined)} />
              <span class="chip-hint" id="tag-hint">${t('tagList.hint', { max: MAX_TAG_LENGTH })}</span>
            </div>
            <button type="submit">${t('tagList.add')}</button>
          </form>
          ${this.error ? html`<p class="chip-error" id="tag-error" role="alert">${this.error}</p>` : nothing}`}
    `;
  }

  readonly #submit = (event: Event): void => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('tag') as HTMLInputElement;
    const tag = input.value.trim();
    if (tag.length === 0 || tag.length > MAX_TAG_LENGTH) {
      this.error = t('tagList.invalid', { max: MAX_TAG_LENGTH });
      return;
    }
    if (this.tags.includes(tag)) {
      this.error = t('tagList.taken', { tag });
      return;
    }
    input.value = '';
    this.error = undefined;
    this.dispatchEvent(new CustomEvent<TagDetail>('tag-add', { detail: { tag }, bubbles: true, composed: true }));
    input.focus();
  };

  #remove(tag: string): void {
    this.dispatchEvent(new CustomEvent<TagDetail>('tag-remove', { detail: { tag }, bubbles: true, composed: true }));
    void this.updateComplete.then(() => this.querySelector<HTMLInputElement>('#new-tag')?.focus());
  }
}

if (!customElements.get('cl-tag-list')) customElements.define('cl-tag-list', ClTagList);

declare global {
  interface HTMLElementTagNameMap {
    'cl-tag-list': ClTagList;
  }
}
