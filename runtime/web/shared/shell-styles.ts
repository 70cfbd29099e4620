import { css } from 'lit';

/** The app frame: a header with the product name, and the main region (the menu between them is `<cl-main-nav>`). */
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
  /* On a phone the header and the menu share at most 120 px: one header row, one menu row (cl-main-nav in main-nav.ts puts what does not fit under "More"). */
  @media (max-width: 40rem) {
    header.top { padding: 0.25rem 0.5rem 0.25rem 0.75rem; gap: 0.25rem; }
    header.top .brand { font-size: 1rem; }
    header.top .tools { gap: 0.25rem; }
    /* Wide enough for the longest language name, "Norsk bokmål", whole, in a smaller size so that it still
       shares the patient header's one row with the brand and "Sign out"; a long unit name is cut here. */
    header.top select { min-width: 0; max-width: 11rem; padding-inline: 0.25rem; font-size: 0.875rem; }
    header.top button { padding-inline: 0.5rem; }
  }
  main { max-width: 48rem; margin: 0 auto; padding: 0.5rem 1rem 3rem; }
  main.wide { max-width: 72rem; }
  main.flush { padding: 0; max-width: none; }
`;
