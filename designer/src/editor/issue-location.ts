import { pointerSegments } from '@careloom/format/validate';

/** Where in the outline and canvas a problem's JSON Pointer points. */
export interface IssueLocation {
  /** Index of the page, when the path is inside one. */
  pageIndex?: number;
  /** Index of the block on that page, when the path is inside one. */
  blockIndex?: number;
}

/**
 * The page and block a validation issue's JSON Pointer points into:
 * `/pages/2/blocks/0/input/options/1/label/sv` → page 2, block 0; `/title/sv` → neither.
 *
 * @example
 * locateIssue('/pages/1/branches/0/goTo'); // { pageIndex: 1 }
 */
export function locateIssue(path: string): IssueLocation {
  const segments = pointerSegments(path);
  if (segments[0] !== 'pages') return {};
  const pageIndex = index(segments[1]);
  if (pageIndex === undefined) return {};
  if (segments[2] !== 'blocks') return { pageIndex };
  const blockIndex = index(segments[3]);
  return blockIndex === undefined ? { pageIndex } : { pageIndex, blockIndex };
}

function index(segment: string | undefined): number | undefined {
  return segment !== undefined && /^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : undefined;
}
