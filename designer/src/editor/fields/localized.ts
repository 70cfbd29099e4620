import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import * as Y from 'yjs';
import type { EditContext } from '../edit-context.js';
import { mapAt } from '../y/read.js';
import { t } from '../messages.js';

export interface LocalizedOptions {
  multiline?: boolean;
  /** Locked instruments: the text may be translated but the default language stays as it is. */
  translateOnly?: boolean;
}

/**
 * One text input per declared language, side by side (translations next to each other): the
 * LocalizedText at `parent.get(key)`. A language not written yet is created on its first keystroke.
 */
export function localizedText(context: EditContext, parent: Y.Map<unknown>, key: string, label: string, options: LocalizedOptions = {}): TemplateResult {
  const texts = mapAt(parent, key);
  const create = () => {
    const existing = mapAt(parent, key);
    if (existing) return existing;
    const made = new Y.Map<unknown>();
    parent.set(key, made);
    return made;
  };
  const several = context.languages.length > 1;
  return html`<div class="languages" data-field=${key}>
    ${context.languages.map((language) => html`<cl-text-field
      .session=${context.session}
      .map=${texts}
      .create=${create}
      key=${language}
      lang=${language}
      ?multiline=${options.multiline ?? false}
      ?disabled=${context.readOnly || (options.translateOnly === true && language === context.defaultLanguage)}
      label=${several ? `${label} (${language})` : label}
    ></cl-text-field>`)}
  </div>`;
}

/** One rich-text editor per declared language, side by side: the LocalizedRichText at `parent.get(key)`. */
export function localizedRichText(context: EditContext, parent: Y.Map<unknown>, key: string, label: string): TemplateResult {
  const texts = mapAt(parent, key);
  const several = context.languages.length > 1;
  return html`<div class="languages rich" data-field=${key}>
    ${context.languages.map((language) => {
      const fragment = texts?.get(language);
      const fieldLabel = several ? `${label} (${language})` : label;
      if (fragment instanceof Y.XmlFragment) {
        return html`<cl-rich-text .session=${context.session} .fragment=${fragment} lang=${language} label=${fieldLabel}></cl-rich-text>`;
      }
      return html`<div class="missing-rich">
        <span>${fieldLabel}: ${t('rich.missing', { language })}</span>
        ${context.readOnly ? nothing : html`<button type="button" @click=${() => context.session.transact(() => {
          let map = mapAt(parent, key);
          if (!map) {
            map = new Y.Map<unknown>();
            parent.set(key, map);
          }
          map.set(language, new Y.XmlFragment());
        })}>${t('rich.create', { language })}</button>`}
      </div>`;
    })}
  </div>`;
}
