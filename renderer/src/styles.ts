import { css } from 'lit';
import { palette } from '@careloom/client/palette';

/**
 * The renderer's stylesheet: mobile first (360 px and up), no horizontal scrolling, visible focus,
 * touch targets of at least 44 × 44 px, and meaning never carried by colour alone. `<cl-module-page>`
 * adopts it; a host that renders block components on their own can adopt it too.
 */
export const rendererStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    ${palette}
    color: var(--cl-text);
    background: var(--cl-bg);
    font: 1rem/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .page {
    max-width: 42rem;
    margin: 0 auto;
    padding: 1rem;
    overflow-wrap: anywhere;
  }
  h1 {
    font-size: 1.75rem;
    line-height: 1.2;
    margin: 0.25rem 0 1rem;
  }
  h2 {
    font-size: 1.375rem;
    line-height: 1.25;
  }
  h3 {
    font-size: 1.125rem;
  }
  h1:focus {
    outline: none;
  }
  h1:focus-visible {
    outline: 3px solid var(--cl-focus);
  }
  a {
    color: var(--cl-accent);
    text-decoration: underline;
  }
  :focus-visible {
    outline: 3px solid var(--cl-focus);
    outline-offset: 2px;
  }
  img,
  video {
    max-width: 100%;
    height: auto;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .progress {
    color: var(--cl-muted);
    margin: 0;
    font-size: 0.9375rem;
  }
  .block {
    display: block;
    margin: 0 0 1.5rem;
  }

  /* Rich text */
  .rich-text > :first-child {
    margin-top: 0;
  }
  blockquote {
    margin: 1rem 0;
    padding-left: 1rem;
    border-left: 4px solid var(--cl-border);
  }
  .callout {
    display: flex;
    gap: 0.75rem;
    padding: 0.75rem 1rem;
    margin: 1rem 0;
    border: 1px solid var(--cl-border);
    border-left-width: 6px;
    border-radius: 6px;
    background: var(--cl-surface);
  }
  .callout-body > :first-child {
    margin-top: 0;
  }
  .callout-body > :last-child {
    margin-bottom: 0;
  }
  .callout-icon {
    flex: none;
    font-weight: 700;
    width: 1.5rem;
    height: 1.5rem;
    border-radius: 50%;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    border: 2px solid currentColor;
  }
  .callout-warning {
    background: var(--cl-yellow-bg);
    border-color: var(--cl-yellow);
  }
  .callout-crisis {
    background: var(--cl-red-bg);
    border-color: var(--cl-red);
  }
  .callout-tip {
    background: var(--cl-green-bg);
    border-color: var(--cl-green);
  }

  /* Media */
  figure.media {
    margin: 0;
  }
  figure.media img,
  figure.media video {
    display: block;
    width: 100%;
    border-radius: 6px;
    background: var(--cl-surface);
  }
  figure.media audio {
    display: block;
    width: 100%;
    min-height: 3rem;
  }
  .audio-captions {
    margin-top: 0.5rem;
    border-radius: 6px;
    padding: 0.5rem 0.75rem;
    background: var(--cl-surface);
    border: 1px solid var(--cl-border);
  }
  .audio-captions-label {
    display: block;
    font-size: 0.8125rem;
    color: var(--cl-muted);
  }
  .audio-captions .cue {
    margin: 0.25rem 0 0;
    min-height: 3em;
    white-space: pre-line;
    font-size: 1.0625rem;
  }
  .audio-captions .cue.waiting {
    color: var(--cl-muted);
    font-size: 0.9375rem;
  }
  figcaption {
    margin-top: 0.5rem;
    color: var(--cl-muted);
  }
  .credit {
    display: block;
    font-size: 0.8125rem;
  }
  details.transcript {
    margin-top: 0.75rem;
    border: 1px solid var(--cl-border);
    border-radius: 6px;
    padding: 0 1rem;
  }
  details.transcript > summary {
    min-height: 2.75rem;
    display: flex;
    align-items: center;
    cursor: pointer;
    font-weight: 600;
    color: var(--cl-accent);
    list-style-position: inside;
  }
  details.transcript > summary::before {
    content: '▸';
    margin-right: 0.5rem;
  }
  details.transcript[open] > summary::before {
    content: '▾';
  }
  details.transcript > summary::-webkit-details-marker {
    display: none;
  }

  /* Questions and fields */
  .item {
    margin: 0 0 1.25rem;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .item legend,
  .item-label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.375rem;
    padding: 0;
  }
  .item.question > legend,
  .item.question > .item-label {
    font-size: 1.125rem;
  }
  .marker {
    font-weight: 400;
    color: var(--cl-muted);
    font-size: 0.9375rem;
  }
  .help,
  .hint {
    margin: 0 0 0.5rem;
    color: var(--cl-muted);
  }
  .error {
    margin: 0 0 0.5rem;
    color: var(--cl-error);
    font-weight: 600;
  }
  .choices {
    display: grid;
    gap: 0.5rem;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--cl-border);
    border-radius: 6px;
    cursor: pointer;
  }
  .choice:has(input:checked) {
    border-width: 2px;
    border-color: var(--cl-accent);
    background: #eef3fd;
  }
  .choice:has(input:focus-visible) {
    outline: 3px solid var(--cl-focus);
    outline-offset: 2px;
  }
  .choice:has(input:disabled) {
    cursor: not-allowed;
    color: var(--cl-muted);
  }
  .choice input,
  .grid-cell input {
    flex: none;
    width: 1.375rem;
    height: 1.375rem;
    margin: 0;
    accent-color: var(--cl-accent);
  }
  .scale .choices {
    grid-template-columns: repeat(auto-fit, minmax(7rem, 1fr));
  }
  .yes-no .choices {
    grid-template-columns: repeat(2, minmax(0, 1fr));
  }
  input[type='text'],
  input[type='date'],
  input[type='time'],
  input[type='datetime-local'],
  select,
  textarea {
    font: inherit;
    color: inherit;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--cl-border);
    border-radius: 6px;
    background: var(--cl-bg);
    max-width: 100%;
  }
  input[type='text'],
  textarea,
  select {
    width: 100%;
  }
  [aria-invalid='true'] {
    border-color: var(--cl-error);
    border-width: 2px;
  }
  .number {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .number input {
    width: 9rem;
  }
  .slider input[type='range'] {
    width: 100%;
    min-height: 2.75rem;
    margin: 0;
    accent-color: var(--cl-accent);
  }
  .slider input.unanswered {
    opacity: 0.6;
  }
  .slider-ends {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
    color: var(--cl-muted);
    font-size: 0.9375rem;
  }
  .slider-ends span:last-child {
    text-align: right;
  }
  .slider-value {
    display: block;
    margin-top: 0.25rem;
    font-weight: 600;
  }

  /* Grid: a table on wide screens, stacked rows on narrow ones */
  .grid-container {
    container-type: inline-size;
  }
  .grid table {
    width: 100%;
    border-collapse: collapse;
  }
  .grid th,
  .grid td {
    padding: 0.25rem;
    border-bottom: 1px solid var(--cl-border);
    text-align: center;
    vertical-align: middle;
  }
  .grid th[scope='row'] {
    text-align: left;
    font-weight: 400;
  }
  .grid th[scope='row'] .error {
    display: block;
    margin: 0.25rem 0 0;
  }
  .grid thead th {
    font-size: 0.875rem;
    font-weight: 600;
  }
  .grid-cell {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 2.75rem;
    min-height: 2.75rem;
    cursor: pointer;
    border-radius: 6px;
  }
  .grid-cell:has(input:focus-visible) {
    outline: 3px solid var(--cl-focus);
  }
  .cell-label {
    display: none;
  }
  @container (max-width: 34rem) {
    .grid table,
    .grid tbody,
    .grid tr,
    .grid th,
    .grid td {
      display: block;
      width: 100%;
    }
    .grid thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    .grid tr {
      padding: 0.5rem 0 0.75rem;
      border-bottom: 1px solid var(--cl-border);
    }
    .grid th,
    .grid td {
      border: 0;
      text-align: left;
      padding: 0.125rem 0;
    }
    .grid th[scope='row'] {
      font-weight: 600;
      padding-bottom: 0.375rem;
    }
    .grid-cell {
      display: flex;
      justify-content: flex-start;
      gap: 0.75rem;
      width: 100%;
      padding: 0.375rem 0.75rem;
      border: 1px solid var(--cl-border);
    }
    .cell-label {
      display: inline;
    }
  }

  /* Instruments, exercises, registrations */
  .instrument,
  .exercise,
  .registration {
    border-top: 1px solid var(--cl-border);
    padding-top: 0.5rem;
  }
  .licence {
    color: var(--cl-muted);
  }
  .scores {
    margin-top: 1rem;
    padding: 0.75rem 1rem;
    border: 2px dashed var(--cl-border);
    border-radius: 6px;
    background: var(--cl-surface);
  }
  .scores h3 {
    margin-top: 0;
  }
  .scores dl,
  .unit-contact dl {
    margin: 0;
  }
  .score-row,
  .contact-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
    padding: 0.25rem 0;
  }
  .score-row dt::after,
  .contact-row dt::after {
    content: ':';
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .alerts {
    padding-left: 1.25rem;
  }
  .alert-urgent {
    color: var(--cl-red);
  }
  .zone {
    margin-top: 1rem;
    padding: 0.75rem 1rem;
    border: 2px solid var(--cl-border);
    border-radius: 6px;
  }
  .zone h3 {
    margin: 0 0 0.5rem;
  }
  .zone-label {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-size: 1.25rem;
    font-weight: 700;
    margin: 0 0 0.5rem;
  }
  .zone-icon {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 2rem;
    height: 2rem;
    color: #ffffff;
    font-size: 1.125rem;
  }
  .zone-green {
    background: var(--cl-green-bg);
    border-color: var(--cl-green);
  }
  .zone-green .zone-icon {
    background: var(--cl-green);
    border-radius: 50%;
  }
  .zone-yellow {
    background: var(--cl-yellow-bg);
    border-color: var(--cl-yellow);
  }
  .zone-yellow .zone-icon {
    background: var(--cl-yellow);
    clip-path: polygon(50% 0, 100% 100%, 0 100%);
    padding-top: 0.375rem;
  }
  .zone-red {
    background: var(--cl-red-bg);
    border-color: var(--cl-red);
  }
  .zone-red .zone-icon {
    background: var(--cl-red);
    border-radius: 3px;
  }

  /* Unit contact */
  .unit-contact {
    padding: 0.75rem 1rem;
    border: 1px solid var(--cl-border);
    border-radius: 6px;
    background: var(--cl-surface);
  }
  .unit-contact > p:first-child {
    margin-top: 0;
  }
  .crisis {
    display: flex;
    gap: 0.75rem;
    align-items: center;
    padding: 0.75rem;
    border: 2px solid var(--cl-red);
    border-radius: 6px;
    background: var(--cl-red-bg);
    font-size: 1.125rem;
    font-weight: 600;
  }
  .crisis-number {
    display: inline-flex;
    align-items: center;
    min-height: 2.75rem;
    font-size: 1.5rem;
    font-weight: 700;
    color: var(--cl-red);
  }
  .contact-row a {
    display: inline-flex;
    align-items: center;
    min-height: 2.75rem;
  }
  .placeholder-text {
    font-style: italic;
    color: var(--cl-muted);
  }

  /* Error summary and navigation */
  .error-summary {
    border: 4px solid var(--cl-error);
    border-radius: 6px;
    padding: 0.75rem 1rem;
    margin: 0 0 1.5rem;
  }
  .error-summary:focus {
    outline: 3px solid var(--cl-focus);
    outline-offset: 2px;
  }
  .error-summary h2 {
    margin: 0 0 0.5rem;
    font-size: 1.25rem;
  }
  .error-summary ul {
    margin: 0;
    padding-left: 1.25rem;
  }
  .error-summary a {
    color: var(--cl-error);
    font-weight: 600;
    display: inline-block;
    padding: 0.5rem 0;
  }
  .page-nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    justify-content: space-between;
    margin-top: 2rem;
  }
  button {
    font: inherit;
    font-weight: 600;
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: 0.5rem 1.25rem;
    border-radius: 6px;
    border: 2px solid var(--cl-accent);
    cursor: pointer;
  }
  button.primary {
    background: var(--cl-accent);
    color: var(--cl-accent-text);
    margin-left: auto;
  }
  button.secondary {
    background: var(--cl-bg);
    color: var(--cl-accent);
  }
`;
