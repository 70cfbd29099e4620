import { css } from 'lit';

/** The program editor's own styles (header with connection state and peers, sections, entries, the problems aside), after `uiStyles`. */
export const programEditorStyles = css`
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    border-bottom: 1px solid var(--cl-line, #c8ced6);
    padding-bottom: 0.5rem;
    margin-bottom: 0.5rem;
  }
  header h1 {
    flex: 1 1 20rem;
    margin: 0;
  }
  .status {
    font-weight: 600;
  }
  .status.connected {
    color: var(--cl-ok);
  }
  .status.offline,
  .status.stopped {
    color: var(--cl-error);
  }
  .stopped-notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: 0.5rem 0.75rem;
    border-radius: 0.25rem;
    color: var(--cl-warn);
    background: var(--cl-warn-bg);
  }
  .stopped-notice p {
    margin: 0;
  }
  ul.avatars {
    display: flex;
    gap: 0.25rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .avatar {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 2rem;
    height: 2rem;
    border-radius: 50%;
    color: #fff;
    font-weight: 700;
    font-size: 0.8125rem;
  }
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
  fieldset.chips ul {
    list-style: none;
    padding: 0;
    margin: 0.25rem 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  fieldset.chips li {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    border: 1px solid var(--cl-line, #c8ced6);
    border-radius: 1rem;
    padding: 0.125rem 0.25rem 0.125rem 0.75rem;
  }
  .chip-remove {
    min-width: 2.5rem;
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
