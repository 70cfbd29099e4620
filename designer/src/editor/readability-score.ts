import { css, html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { meetsReadingLevel, readabilityFormula } from '@careloom/format/engine';
import type { PageReadability, ReadingLevel } from '@careloom/format/engine';
import { i18n } from '../i18n/i18n.js';
import { editorStyles } from './editor-styles.js';
import { languageName } from './issue-words.js';
import { t } from './messages.js';
import { DesignerElement } from '../i18n/designer-element.js';

/**
 * `<cl-readability-score>`: how easy the page being edited is to read, per content language, in
 * the designer's words ("Swedish: easy (LIX 28)"), with its word and sentence counts and, when the
 * module chose a reading level, whether the page is harder than it. The editor gives it the page's
 * entries of the draft analysis, so it follows each edit (after the analysis' short pause).
 * No live region: announcing a score at every keystroke would drown the editor's own messages.
 */
export class ClReadabilityScore extends DesignerElement {
  static override properties: PropertyDeclarations = { scores: { attribute: false }, level: { attribute: false } };
  static override styles = [
    ...editorStyles,
    css`
      :host { display: block; margin: 0 0 0.75rem; }
      section { border: 1px solid var(--cl-line); border-radius: 0.375rem; padding: 0.375rem 0.75rem; }
      h3 { font-size: 0.9375rem; margin: 0 0 0.25rem; }
      ul { list-style: none; margin: 0; padding: 0; }
      li { margin: 0.125rem 0; overflow-wrap: anywhere; }
      li.above { color: var(--cl-warn); font-weight: 600; }
      .counts { color: var(--cl-muted); font-size: 0.875rem; }
      p { margin: 0.25rem 0 0; font-size: 0.875rem; color: var(--cl-muted); }
    `,
  ];

  /** The page's readability per language (the analysis' entries for this page). */
  declare scores: readonly PageReadability[];
  declare level: ReadingLevel | undefined;

  constructor() {
    super();
    this.scores = [];
    this.level = undefined;
  }

  protected override render() {
    const level = this.level;
    return html`<section aria-labelledby="readability-heading" data-role="readability">
      <h3 id="readability-heading">${t('readability.heading')}</h3>
      <ul>
        ${this.scores.map((entry) => {
          const language = capitalise(languageName(entry.language));
          const score = entry.score;
          if (!score) {
            return html`<li data-language=${entry.language}>${t(readabilityFormula(entry.language) ? 'readability.noText' : 'readability.noFormula', { language })}</li>`;
          }
          const above = level !== undefined && !meetsReadingLevel(score, level);
          return html`<li data-language=${entry.language} data-band=${score.band} class=${above ? 'above' : ''}>
            ${t('readability.score', { language, band: t(`readability.band.${score.band}`), formula: t(`readability.formula.${score.formula}`), score: Math.round(score.score) })}${above ? html` — ${t('readability.aboveLevel', { level: t(`readability.level.${level}`) })}` : nothing}
            <span class="counts">· ${t('readability.counts', { words: score.words, sentences: score.sentences })}</span>
          </li>`;
        })}
      </ul>
      <p>${level ? t('readability.level', { level: t(`readability.level.${level}`) }) : t('readability.noLevel')}</p>
    </section>`;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase(i18n.language) + text.slice(1);
}
