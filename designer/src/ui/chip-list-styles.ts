import { css } from 'lit';

/**
 * The look of `<cl-language-list>` and `<cl-tag-list>`. They render into their host's tree (so the
 * host's labels, ids and tests reach their inputs), so each host adds these styles to its own.
 */
export const chipListStyles = css`
  ul.chip-list { list-style: none; padding: 0; margin: 0.25rem 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
  ul.chip-list li { display: inline-flex; align-items: center; gap: 0.25rem; border: 1px solid var(--cl-line, #c8ced6); border-radius: 1rem; padding: 0.125rem 0.25rem 0.125rem 0.75rem; background: var(--cl-bg); }
  ul.chip-list .default-mark, .chip-hint { font-size: 0.875rem; color: var(--cl-muted); }
  .chip-remove { min-width: 2.5rem; }
  form.chip-add { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-end; margin: 0.25rem 0; }
  form.chip-add .field { display: flex; flex-direction: column; gap: 0.125rem; }
  .chip-error { color: var(--cl-error); margin: 0.25rem 0; font-size: 0.9375rem; }
`;
