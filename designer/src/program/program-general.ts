import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Program } from '@careloom/format';
import { i18n, t } from '../i18n/i18n.js';

/** The form of a language tag the format accepts ('sv', 'nb', 'en-GB'). */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Z]{2})?$/;
const MAX_TAG_LENGTH = 40;

/** What the general section needs from the editor: how to write, and the messages of its two small forms. */
export interface GeneralContext {
  readOnly: boolean;
  setText(key: 'title' | 'summary', language: string, text: string): void;
  setDurationWeeks(weeks: number | undefined): void;
  addLanguage(language: string): void;
  removeLanguage(language: string): void;
  setDefaultLanguage(language: string): void;
  addTag(tag: string): void;
  removeTag(tag: string): void;
  languageError: string | undefined;
  tagError: string | undefined;
  reportLanguage(message: string | undefined): void;
  reportTag(message: string | undefined): void;
}

/** 'Svenska (sv)' in the designer's language; an unknown tag is shown as it is. */
export function languageName(tag: string): string {
  let name = tag;
  try {
    name = new Intl.DisplayNames([i18n.locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    // An unknown tag keeps its code as its name.
  }
  return name === tag ? tag : `${name} (${tag})`;
}

/** 'EN-gb' → 'en-GB': the case the format wants, so a tag typed in any case is accepted. */
function normaliseTag(value: string): string {
  const [language = '', region] = value.trim().split(/[-_]/);
  return region === undefined ? language.toLowerCase() : `${language.toLowerCase()}-${region.toUpperCase()}`;
}

/** The declared languages, the default first (what the side-by-side translations follow). */
function orderedLanguages(program: Program): string[] {
  const languages = program.languages.length > 0 ? program.languages : [program.defaultLanguage];
  return [...languages].sort((left, right) => Number(right === program.defaultLanguage) - Number(left === program.defaultLanguage));
}

/**
 * The program's own fields: title and summary side by side in every declared language, length in
 * weeks, the languages (add, remove, default) and the catalog tags.
 */
export function generalSection(program: Program, ctx: GeneralContext): TemplateResult {
  const languages = orderedLanguages(program);
  return html`
    <div class="translations" style="--columns:${languages.length}">
      ${languages.map((language) => html`<div class="field">
        <label for="program-title-${language}">${t('program.programTitle', { language })}</label>
        <input id="program-title-${language}" lang=${language} .value=${program.title[language] ?? ''} ?disabled=${ctx.readOnly}
          @input=${(event: Event) => ctx.setText('title', language, (event.target as HTMLInputElement).value)} />
      </div>`)}
    </div>
    <div class="translations" style="--columns:${languages.length}">
      ${languages.map((language) => html`<div class="field">
        <label for="program-summary-${language}">${t('program.summary', { language })}</label>
        <textarea id="program-summary-${language}" lang=${language} rows="3" .value=${program.summary?.[language] ?? ''} ?disabled=${ctx.readOnly}
          @input=${(event: Event) => ctx.setText('summary', language, (event.target as HTMLTextAreaElement).value)}></textarea>
      </div>`)}
    </div>
    <div class="row">
      <div class="field">
        <label for="program-weeks">${t('program.durationWeeks')}</label>
        <input id="program-weeks" type="number" min="1" max="104" .value=${String(program.durationWeeks ?? '')} ?disabled=${ctx.readOnly} @change=${(event: Event) => {
          const raw = (event.target as HTMLInputElement).value;
          ctx.setDurationWeeks(raw === '' ? undefined : Number(raw));
        }} />
      </div>
      <div class="field">
        <label for="program-default-language">${t('program.defaultLanguage')}</label>
        <select id="program-default-language" ?disabled=${ctx.readOnly} @change=${(event: Event) => ctx.setDefaultLanguage((event.target as HTMLSelectElement).value)}>
          ${languages.map((language) => html`<option value=${language} ?selected=${language === program.defaultLanguage}>${languageName(language)}</option>`)}
        </select>
      </div>
    </div>
    ${languagesField(program, languages, ctx)}
    ${tagsField(program, ctx)}
  `;
}

function languagesField(program: Program, languages: readonly string[], ctx: GeneralContext): TemplateResult {
  return html`<fieldset class="inline chips" data-role="languages">
    <legend>${t('program.languages')}</legend>
    <ul>
      ${languages.map((language) => html`<li data-language=${language}>
        <span>${languageName(language)}</span>
        ${language === program.defaultLanguage ? html`<span class="muted">(${t('program.isDefault')})</span>` : nothing}
        ${ctx.readOnly || language === program.defaultLanguage
          ? nothing
          : html`<button type="button" class="chip-remove" data-action="remove-language" aria-label=${t('program.removeLanguage', { language: languageName(language) })} @click=${() => ctx.removeLanguage(language)}>✕</button>`}
      </li>`)}
    </ul>
    ${ctx.readOnly
      ? nothing
      : html`<form class="row" data-role="add-language" @submit=${(event: Event) => submitLanguage(event, languages, ctx)}>
          <div class="field">
            <label for="new-language">${t('program.newLanguage')}</label>
            <input id="new-language" name="language" autocomplete="off" spellcheck="false" aria-invalid=${ctx.languageError ? 'true' : 'false'}
              aria-describedby=${ctx.languageError ? 'language-error' : 'language-hint'} @input=${() => ctx.reportLanguage(undefined)} />
            <span class="hint" id=${ctx.languageError ? 'language-error' : 'language-hint'} role=${ctx.languageError ? 'alert' : nothing}>${ctx.languageError ?? t('program.languageHint')}</span>
          </div>
          <button type="submit">${t('program.addLanguage')}</button>
        </form>`}
  </fieldset>`;
}

function submitLanguage(event: Event, languages: readonly string[], ctx: GeneralContext): void {
  event.preventDefault();
  const input = (event.currentTarget as HTMLFormElement).elements.namedItem('language') as HTMLInputElement;
  const tag = normaliseTag(input.value);
  if (!LANGUAGE_TAG.test(tag)) return ctx.reportLanguage(t('program.languageInvalid', { tag: input.value.trim() }));
  if (languages.includes(tag)) return ctx.reportLanguage(t('program.languageTaken', { language: languageName(tag) }));
  ctx.addLanguage(tag);
  input.value = '';
  ctx.reportLanguage(undefined);
}

function tagsField(program: Program, ctx: GeneralContext): TemplateResult {
  const tags = program.tags ?? [];
  return html`<fieldset class="inline chips" data-role="tags">
    <legend>${t('program.tags')}</legend>
    ${tags.length === 0
      ? html`<p class="muted">${t('program.noTags')}</p>`
      : html`<ul>
          ${tags.map((tag) => html`<li data-tag=${tag}>
            <span>${tag}</span>
            ${ctx.readOnly ? nothing : html`<button type="button" class="chip-remove" data-action="remove-tag" aria-label=${t('program.removeTag', { tag })} @click=${() => ctx.removeTag(tag)}>✕</button>`}
          </li>`)}
        </ul>`}
    ${ctx.readOnly
      ? nothing
      : html`<form class="row" data-role="add-tag" @submit=${(event: Event) => submitTag(event, tags, ctx)}>
          <div class="field">
            <label for="new-tag">${t('program.newTag')}</label>
            <input id="new-tag" name="tag" maxlength=${MAX_TAG_LENGTH} autocomplete="off" aria-invalid=${ctx.tagError ? 'true' : 'false'}
              aria-describedby=${ctx.tagError ? 'tag-error' : 'tag-hint'} @input=${() => ctx.reportTag(undefined)} />
            <span class="hint" id=${ctx.tagError ? 'tag-error' : 'tag-hint'} role=${ctx.tagError ? 'alert' : nothing}>${ctx.tagError ?? t('program.tagsHint')}</span>
          </div>
          <button type="submit">${t('program.addTag')}</button>
        </form>`}
  </fieldset>`;
}

function submitTag(event: Event, tags: readonly string[], ctx: GeneralContext): void {
  event.preventDefault();
  const input = (event.currentTarget as HTMLFormElement).elements.namedItem('tag') as HTMLInputElement;
  const tag = input.value.trim();
  if (tag.length === 0 || tag.length > MAX_TAG_LENGTH) return ctx.reportTag(t('program.tagInvalid', { max: MAX_TAG_LENGTH }));
  if (tags.includes(tag)) return ctx.reportTag(t('program.tagTaken', { tag }));
  ctx.addTag(tag);
  input.value = '';
  ctx.reportTag(undefined);
}
