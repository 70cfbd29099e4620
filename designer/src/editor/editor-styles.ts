import { css } from 'lit';
import { uiStyles } from '../ui/ui-styles.js';

/** The editor's look, on top of the designer's shared styles (contrast, focus ring, control sizes). */
export const editorStyles = [
  uiStyles,
  css`
    .languages { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(14rem, 100%), 1fr)); gap: 0.5rem; margin: 0.375rem 0; }
    .languages.rich { grid-template-columns: repeat(auto-fit, minmax(min(18rem, 100%), 1fr)); }
    .inline { display: flex; flex-wrap: wrap; gap: 0.5rem 0.75rem; align-items: flex-end; margin: 0.375rem 0; }
    .control { display: inline-flex; flex-direction: column; gap: 0.125rem; }
    .control label { font-size: 0.875rem; font-weight: 600; color: var(--cl-muted); }
    .control.checkbox { flex-direction: row; align-items: center; gap: 0.375rem; min-height: 2.5rem; }
    .control.number input { width: 8rem; }
    .check { display: inline-flex; align-items: center; gap: 0.25rem; margin-right: 0.75rem; font-weight: 400; }
    fieldset { padding: 0.375rem 0.75rem 0.625rem; }
    ol.entries { list-style: none; padding: 0; margin: 0; }
    .entry { display: flex; gap: 0.5rem; border-top: 1px solid var(--cl-line); padding: 0.375rem 0; }
    .entry:first-child { border-top: 0; }
    .entry-body { flex: 1; min-width: 0; }
    .entry-actions { display: flex; flex-direction: column; gap: 0.25rem; }
    button.small { min-height: 2rem; min-width: 2rem; padding: 0.125rem 0.5rem; font-size: 0.875rem; }
    button.add { margin-top: 0.375rem; }
    .notice { background: var(--cl-warn-bg); color: var(--cl-warn); border-left: 4px solid var(--cl-warn); padding: 0.5rem 0.75rem; }
    .condition-row, .condition-group, .condition-not { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-end; }
    .condition-group ul { flex-basis: 100%; margin: 0.25rem 0; padding-left: 1rem; }
    .condition-empty { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.375rem 0; }
    .missing-rich { display: flex; flex-direction: column; gap: 0.25rem; border: 1px dashed var(--cl-border); padding: 0.5rem; border-radius: 0.375rem; }
    .zone-green { border-left: 4px solid #18753c; padding-left: 0.5rem; }
    .zone-yellow { border-left: 4px solid #8a5a00; padding-left: 0.5rem; }
    .zone-red { border-left: 4px solid #a8321a; padding-left: 0.5rem; }
  `,
];
