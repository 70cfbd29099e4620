import { css } from 'lit';

/**
 * Careloom's colour tokens, one list for the renderer, the designer and the patient and clinic
 * apps, so a patient sees the same colours in the preview and on their phone. Every text colour has
 * AA contrast on white and on its paired background. A declaration list, to interpolate into a
 * `:host { … }` rule.
 */
export const palette = css`
  --cl-text: #1a1a1a;
  --cl-muted: #4d4d4d;
  --cl-bg: #ffffff;
  --cl-surface: #f4f5f7;
  --cl-border: #6b6b6b;
  --cl-line: #d0d4da;
  --cl-accent: #0b57d0;
  --cl-accent-text: #ffffff;
  --cl-focus: #0b57d0;
  --cl-error: #b3261e;
  --cl-error-bg: #fce8e6;
  --cl-green: #0d652d;
  --cl-green-bg: #e6f4ea;
  --cl-yellow: #7a4f01;
  --cl-yellow-bg: #fef7e0;
  --cl-red: #a50e0e;
  --cl-red-bg: #fce8e6;
  --cl-ok: var(--cl-green);
  --cl-ok-bg: var(--cl-green-bg);
  --cl-warn: var(--cl-yellow);
  --cl-warn-bg: var(--cl-yellow-bg);
`;
