import { css } from 'lit';

/** The app frame: a header with the product name, the main navigation, and the main region. */
export const shellStyles = css`
  :host { min-height: 100vh; background: var(--cl-bg, #fff); }
  header.top {
    display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem;
    padding: 0.5rem 1rem; background: var(--cl-header, #0b3d91); color: #fff;
  }
  header.top .brand { font-weight: 700; font-size: 1.125rem; color: #fff; text-decoration: none; }
  header.top .tools { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
  /* Form controls inherit the header's white text; the select keeps its own light background, so it needs dark text. */
  header.top select { width: auto; min-width: 8rem; color: var(--cl-text); }
  header.top button { border-color: #fff; color: #fff; background: transparent; }
  header.top :focus-visible { outline-color: #fff; }
  nav.main ul { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; margin: 0; padding: 0.25rem 0.5rem; background: var(--cl-surface); border-bottom: 1px solid var(--cl-line); }
  nav.main a {
    display: inline-flex; align-items: center; gap: 0.375rem; min-height: 44px; padding: 0.375rem 0.75rem;
    border-radius: 0.375rem; color: var(--cl-text); text-decoration: none; font-weight: 600;
  }
  nav.main a[aria-current='page'] { background: var(--cl-bg); color: var(--cl-accent); box-shadow: inset 0 -3px 0 var(--cl-accent); }
  /* On a phone the header and the menu share at most 120 px: one header row, one menu row that scrolls sideways. */
  @media (max-width: 40rem) {
    header.top { padding: 0.25rem 0.5rem 0.25rem 0.75rem; }
    header.top .brand { font-size: 1rem; }
    header.top .tools { gap: 0.25rem; }
    header.top select { min-width: 0; max-width: 8.5rem; padding-inline: 0.375rem; }
    header.top button { padding-inline: 0.625rem; }
    /* Positioned, so the visually hidden text of an unread badge scrolled out of view is clipped here instead of widening the page. */
    nav.main ul { flex-wrap: nowrap; overflow-x: auto; gap: 0; padding: 0 0.25rem; scrollbar-width: thin; position: relative; }
    nav.main a { padding: 0.25rem 0.625rem; white-space: nowrap; }
  }
  main { max-width: 48rem; margin: 0 auto; padding: 0.5rem 1rem 3rem; }
  main.wide { max-width: 72rem; }
  main.flush { padding: 0; max-width: none; }
`;
