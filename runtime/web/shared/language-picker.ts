import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { LANGUAGES, LANGUAGE_NAMES } from '@careloom/client/messages';
import type { Translate } from './i18n.js';

/** Where the chosen interface language is remembered on the device. */
export const LANGUAGE_KEY = 'careloom.language';

/** A labelled language select that calls `onChange` with the chosen code. */
export function languagePicker(language: string, t: Translate, onChange: (code: string) => void): TemplateResult {
  return html`<label class="language"><span class="visually-hidden">${t('common.language')}</span>
    <select name="language" aria-label=${t('common.language')} @change=${(event: Event) => onChange((event.target as HTMLSelectElement).value)}>
      ${LANGUAGES.map((code) => html`<option value=${code} ?selected=${code === language} lang=${code}>${LANGUAGE_NAMES[code]}</option>`)}
    </select></label>`;
}
