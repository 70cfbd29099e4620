import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { Translate } from './i18n.js';

/** Interface languages offered, by their own names. */
export const LANGUAGES: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'en', name: 'English' },
  { code: 'sv', name: 'Svenska' },
  { code: 'nb', name: 'Norsk bokmål' },
];

/** Where the chosen interface language is remembered on the device. */
export const LANGUAGE_KEY = 'careloom.language';

/** A labelled language select that calls `onChange` with the chosen code. */
export function languagePicker(language: string, t: Translate, onChange: (code: string) => void): TemplateResult {
  return html`<label class="language"><span class="visually-hidden">${t('language')}</span>
    <select name="language" aria-label=${t('language')} @change=${(event: Event) => onChange((event.target as HTMLSelectElement).value)}>
      ${LANGUAGES.map((option) => html`<option value=${option.code} ?selected=${option.code === language} lang=${option.code}>${option.name}</option>`)}
    </select></label>`;
}
