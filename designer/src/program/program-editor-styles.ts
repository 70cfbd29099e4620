import { css } from 'lit';

/** The program editor's own styles (sections, entries, peer marks, the problems aside), after `uiStyles`; the header is `<cl-editor-header>`'s. */
export const programEditorStyles = css`
  .peers-here {
    margin: 0 0 0.25rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  .peer {
    border-left: 4px solid;
    padding: 0 0.375rem;
    font-size: 0.875rem;
    font-weight: 600;
    background: #fff;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(16rem, 1fr);
    gap: 1.5rem;
    align-items: start;
  }
  aside {
    position: sticky;
    top: 0.5rem;
  }
  .translations {
    display: grid;
    grid-template-columns: repeat(var(--columns, 1), minmax(12rem, 1fr));
    gap: 0.5rem 1rem;
    margin-bottom: 0.5rem;
  }
  .translations textarea,
  .translations input {
    width: 100%;
    box-sizing: border-box;
  }
  fieldset.entry {
    padding: 0.5rem 0.75rem;
  }
  fieldset.inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    border-style: dashed;
  }
  label.check {
    font-weight: 400;
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 2.5rem;
  }
  input[type='number'] {
    width: 6rem;
  }
  .entry-buttons button {
    min-width: 2.5rem;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  @media (max-width: 60rem) {
    .layout,
    .translations {
      /* minmax(0, …): on a phone nothing inside may widen the page (it was 524 px wide at 360 px). */
      grid-template-columns: minmax(0, 1fr);
    }
    aside {
      position: static;
    }
  }
`;
