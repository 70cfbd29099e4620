import { css } from 'lit';
import { palette } from '@careloom/client/palette';

/**
 * The web apps' stylesheet, adopted by every screen: mobile first (no horizontal scrolling at
 * 360 px), visible focus, 44 px touch targets, and meaning never carried by colour alone (badges
 * and zones always have words). Colours match the renderer's, with AA contrast on white.
 */
export const appStyles = css`
  :host {
    display: block;
    ${palette}
    color: var(--cl-text);
    font: 1rem/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    overflow-wrap: anywhere;
  }
  *, *::before, *::after { box-sizing: border-box; }
  h1 { font-size: 1.5rem; line-height: 1.2; margin: 0.5rem 0 1rem; }
  h2 { font-size: 1.25rem; line-height: 1.25; margin: 1.5rem 0 0.5rem; }
  h3 { font-size: 1.0625rem; margin: 1rem 0 0.25rem; }
  h1:focus { outline: none; }
  a { color: var(--cl-accent); }
  :focus-visible { outline: 3px solid var(--cl-focus); outline-offset: 2px; }
  button, .button {
    display: inline-flex; align-items: center; justify-content: center; gap: 0.375rem;
    min-height: 44px; min-width: 44px; padding: 0.5rem 1rem;
    border: 2px solid var(--cl-accent); border-radius: 0.5rem;
    background: var(--cl-bg); color: var(--cl-accent);
    font: inherit; font-weight: 600; text-decoration: none; cursor: pointer;
  }
  button.primary, .button.primary { background: var(--cl-accent); color: var(--cl-accent-text); }
  button.danger { border-color: var(--cl-red); color: var(--cl-red); }
  button[disabled] { opacity: 0.6; cursor: not-allowed; }
  label { display: block; font-weight: 600; margin: 0.75rem 0 0.25rem; }
  input, select, textarea {
    display: block; width: 100%; max-width: 32rem; min-height: 44px;
    padding: 0.5rem 0.625rem; border: 2px solid var(--cl-border); border-radius: 0.375rem;
    font: inherit; color: inherit; background: var(--cl-bg);
  }
  textarea { min-height: 6rem; resize: vertical; }
  /* A checkbox or radio sits beside its words (not as a full-width box above them); the whole label is its 44 px target. */
  label:has(> input[type='checkbox']), label:has(> input[type='radio']) { display: flex; align-items: center; gap: 0.5rem; min-height: 44px; margin: 0; font-weight: 400; }
  input[type='checkbox'], input[type='radio'] { display: inline-block; flex: none; width: 1.25rem; height: 1.25rem; min-height: 0; margin: 0; padding: 0; }
  input[aria-invalid='true'], textarea[aria-invalid='true'], select[aria-invalid='true'] { border-color: var(--cl-error); }
  .field-error { color: var(--cl-error); font-weight: 600; margin: 0.25rem 0 0; }
  .form-error { color: var(--cl-error); border-left: 4px solid var(--cl-error); padding: 0.5rem 0.75rem; background: var(--cl-red-bg); margin: 0.75rem 0; }
  .hint { color: var(--cl-muted); font-size: 0.9375rem; margin: 0.25rem 0; }
  .muted { color: var(--cl-muted); }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 1rem 0; }
  .card {
    border: 1px solid var(--cl-line); border-radius: 0.75rem; padding: 0.75rem 1rem; margin: 0.5rem 0;
    background: var(--cl-bg);
  }
  ul.plain, ol.plain { list-style: none; padding: 0; margin: 0; }
  .badge {
    display: inline-block; min-width: 1.5rem; padding: 0.0625rem 0.5rem; border-radius: 999px;
    background: var(--cl-red); color: #fff; font-size: 0.875rem; font-weight: 700; text-align: center;
  }
  .badge.neutral { background: var(--cl-surface); color: var(--cl-text); border: 1px solid var(--cl-border); }
  .badge.warning { background: var(--cl-yellow-bg); color: var(--cl-yellow); border: 1px solid var(--cl-yellow); }
  .zone-green { background: var(--cl-green-bg); color: var(--cl-green); }
  .zone-yellow { background: var(--cl-yellow-bg); color: var(--cl-yellow); }
  .zone-red { background: var(--cl-red-bg); color: var(--cl-red); }
  .status { min-height: 1.5rem; }
  .visually-hidden {
    position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
    overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 0.375rem 0.5rem; border-bottom: 1px solid var(--cl-line); vertical-align: top; }
  .table-scroll { max-width: 100%; overflow-x: auto; }
  dl.facts { display: grid; grid-template-columns: minmax(0, auto) minmax(0, 1fr); gap: 0.25rem 1rem; }
  dl.facts dt { font-weight: 600; }
  dl.facts dd { margin: 0; }
`;
