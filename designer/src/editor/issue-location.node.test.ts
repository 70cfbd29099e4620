import { describe, expect, it } from 'vitest';
import { locateIssue } from './issue-location.js';

describe('locateIssue', () => {
  it('finds the page and block of a path inside a block', () => {
    expect(locateIssue('/pages/2/blocks/3/input/options/1/label/sv')).toEqual({ pageIndex: 2, blockIndex: 3 });
  });

  it('finds only the page for page settings and branches', () => {
    expect(locateIssue('/pages/1/branches/0/goTo')).toEqual({ pageIndex: 1 });
    expect(locateIssue('/pages/0/title/en')).toEqual({ pageIndex: 0 });
    expect(locateIssue('/pages/0/blocks')).toEqual({ pageIndex: 0 });
  });

  it('finds nothing for module-level paths and malformed indexes', () => {
    expect(locateIssue('/title/sv')).toEqual({});
    expect(locateIssue('')).toEqual({});
    expect(locateIssue('/pages/01/blocks/0')).toEqual({});
    expect(locateIssue('/pages/x')).toEqual({});
  });
});
