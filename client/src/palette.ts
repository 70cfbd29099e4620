import { css, unsafeCSS } from 'lit';

/**
 * Careloom's colours, one list for the renderer, the designer and the patient and clinic apps, so
 * a patient sees the same colours in the preview and on their phone. Every text colour has AA
 * contrast on white and on its paired background. Styles use them as `--cl-*` custom properties
 * (`palette`); what draws on a canvas (the charts) reads the values here.
 */
export const colours = {
  text: '#1a1a1a',
  muted: '#4d4d4d',
  bg: '#ffffff',
  surface: '#f4f5f7',
  border: '#6b6b6b',
  line: '#d0d4da',
  accent: '#0b57d0',
  accentText: '#ffffff',
  focus: '#0b57d0',
  error: '#b3261e',
  errorBg: '#fce8e6',
  green: '#0d652d',
  greenBg: '#e6f4ea',
  yellow: '#7a4f01',
  yellowBg: '#fef7e0',
  red: '#a50e0e',
  redBg: '#fce8e6',
  /** The web apps' header bar (white text on it). */
  header: '#0b3d91',
} as const;

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/**
 * The colours as `--cl-*` declarations (`--cl-accent-text` for `accentText`), with `--cl-ok` and
 * `--cl-warn` naming the green and yellow. A declaration list, to interpolate into a `:host { … }` rule.
 */
export const palette = css`
  ${unsafeCSS(Object.entries(colours).map(([name, value]) => `--cl-${kebab(name)}: ${value};`).join('\n  '))}
  --cl-ok: var(--cl-green);
  --cl-ok-bg: var(--cl-green-bg);
  --cl-warn: var(--cl-yellow);
  --cl-warn-bg: var(--cl-yellow-bg);
`;
