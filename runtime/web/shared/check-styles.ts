import { css } from 'lit';

/** A checkbox beside its label text (the app styles make inputs full-width blocks), a 44 px target. */
export const checkStyles = css`
  label.check { display: flex; gap: 0.625rem; align-items: flex-start; font-weight: 400; min-height: 44px; margin: 0.5rem 0; cursor: pointer; }
  label.check input { flex: none; width: 1.5rem; height: 1.5rem; min-height: 0; margin: 0.125rem 0 0; padding: 0; }
  fieldset { border: 1px solid var(--cl-line); border-radius: 0.75rem; padding: 0.5rem 1rem 0.75rem; margin: 1rem 0; min-width: 0; }
  legend { font-weight: 600; padding: 0 0.25rem; }
`;
