import { css } from 'lit';
import { palette } from '@careloom/client/palette';

/**
 * The designer screens' shared look: readable contrast (WCAG AA on white), a visible focus ring on
 * every control, buttons and inputs at least 2.5rem tall, and status colours always paired with a
 * word. Adopt it with `static styles = [uiStyles, css\`…\`]`.
 */
export const uiStyles = css`
  :host {
    ${palette}
    color: var(--cl-text);
    font: 1rem/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h1,
  h2,
  h3 {
    line-height: 1.25;
    margin: 0.5rem 0;
  }
  h1 {
    font-size: 1.5rem;
  }
  h2 {
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1.0625rem;
  }
  a {
    color: var(--cl-accent);
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    min-height: 2.5rem;
    padding: 0.375rem 0.875rem;
    border: 1px solid var(--cl-border);
    border-radius: 0.375rem;
    background: var(--cl-bg);
    cursor: pointer;
  }
  button.primary {
    background: var(--cl-accent);
    border-color: var(--cl-accent);
    color: var(--cl-accent-text);
  }
  button.danger {
    color: var(--cl-error);
    border-color: var(--cl-error);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    min-height: 2.5rem;
    padding: 0.375rem 0.5rem;
    border: 1px solid var(--cl-border);
    border-radius: 0.25rem;
    background: var(--cl-bg);
    max-width: 100%;
  }
  textarea {
    width: 100%;
    min-height: 5rem;
  }
  :focus-visible {
    outline: 3px solid var(--cl-focus);
    outline-offset: 2px;
  }
  label {
    font-weight: 600;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin: 0.5rem 0;
    /* In a wrapping row a field may shrink below its select's longest option rather than widen the page. */
    min-width: 0;
    max-width: 100%;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: flex-end;
  }
  .hint,
  .muted {
    color: var(--cl-muted);
    font-size: 0.9375rem;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .error {
    color: var(--cl-error);
    background: var(--cl-error-bg);
    border-left: 4px solid var(--cl-error);
    padding: 0.5rem 0.75rem;
    margin: 0.5rem 0;
  }
  .success {
    color: var(--cl-ok);
    background: var(--cl-ok-bg);
    border-left: 4px solid var(--cl-ok);
    padding: 0.5rem 0.75rem;
    margin: 0.5rem 0;
  }
  .issues {
    margin: 0.25rem 0 0;
    padding-left: 1.25rem;
  }
  .issues code,
  code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace;
    font-size: 0.875rem;
    background: var(--cl-surface);
    padding: 0 0.25rem;
    border-radius: 0.25rem;
    color: var(--cl-text);
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 0.5rem;
    border-bottom: 1px solid var(--cl-line);
  }
  /*
   * On a phone a table marked .cards shows each row as a card of labelled lines (the cell's
   * data-label): four or five columns do not fit 360 px, and the page must not scroll sideways.
   */
  @media (max-width: 40rem) {
    table.cards thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    table.cards,
    table.cards tbody,
    table.cards tr,
    table.cards th,
    table.cards td {
      display: block;
    }
    table.cards tr {
      border-top: 1px solid var(--cl-line);
      padding: 0.5rem 0;
    }
    table.cards tbody th,
    table.cards td {
      border: 0;
      padding: 0.125rem 0;
    }
    table.cards td[data-label]::before {
      content: attr(data-label) ': ';
      font-weight: 600;
    }
  }
  .card {
    border: 1px solid var(--cl-line);
    border-radius: 0.5rem;
    padding: 0.75rem 1rem;
    margin: 0.75rem 0;
    background: var(--cl-bg);
  }
  fieldset {
    border: 1px solid var(--cl-line);
    border-radius: 0.375rem;
    margin: 0.5rem 0;
    /* A fieldset is as wide as its widest content by default: a long module title in a select widened the page on a phone. */
    min-width: 0;
  }
  legend {
    font-weight: 600;
  }
`;
