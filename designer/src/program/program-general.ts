import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { Program } from '@careloom/format';
import { t } from '../i18n/i18n.js';
import { languageName, type LanguageDetail } from '../ui/language-list.js';
import '../ui/language-list.js';
import type { TagDetail } from '../ui/tag-list.js';
import '../ui/tag-list.js';

/** What the general section needs from the editor: how to write. */
export interface GeneralContext {
  readOnly: boolean;
  setText(key: 'title' | 'summary', language: string, text: string): void;
  setDurationWeeks(weeks: number | undefined): void;
  addLanguage(language: string): void;
  removeLanguage(language: string): void;
  setDefaultLanguage(language: string): void;
  addTag(tag: string): void;
  removeTag(tag: string): void;
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
    <cl-language-list .languages=${languages} .defaultLanguage=${program.defaultLanguage} label=${t('program.languages')} ?read-only=${ctx.readOnly}
      @language-add=${(event: CustomEvent<LanguageDetail>) => ctx.addLanguage(event.detail.language)}
      @language-remove=${(event: CustomEvent<LanguageDetail>) => ctx.removeLanguage(event.detail.language)}></cl-language-list>
  </fieldset>`;
}

function tagsField(program: Program, ctx: GeneralContext): TemplateResult {
  return html`<fieldset class="inline chips" data-role="tags">
    <legend>${t('program.tags')}</legend>
    <cl-tag-list .tags=${program.tags ?? []} label=${t('program.tags')} ?read-only=${ctx.readOnly}
      @tag-add=${(event: CustomEvent<TagDetail>) => ctx.addTag(event.detail.tag)}
      @tag-remove=${(event: CustomEvent<TagDetail>) => ctx.removeTag(event.detail.tag)}></cl-tag-list>
  </fieldset>`;
}
