import { describe, expect, it } from 'vitest';
import { linkHref } from './link-href.js';

describe('linkHref', () => {
  it('keeps addresses the format accepts', () => {
    expect(linkHref(' https://www.1177.se/panik ')).toBe('https://www.1177.se/panik');
    expect(linkHref('mailto:unit@example.org')).toBe('mailto:unit@example.org');
    expect(linkHref('tel:+46101234567')).toBe('tel:+46101234567');
    expect(linkHref('/clinic/help')).toBe('/clinic/help');
    expect(linkHref('#week-2')).toBe('#week-2');
  });

  it('puts https:// in front of a bare host', () => {
    expect(linkHref('www.1177.se')).toBe('https://www.1177.se');
    expect(linkHref('example.org/a?b=c')).toBe('https://example.org/a?b=c');
  });

  it('refuses what is not a link target', () => {
    for (const typed of ['', '   ', 'javascript:alert(1)', 'data:text/html,x', 'ftp://example.org', 'https://', 'mailto:', 'hello world', 'just-a-word', '//evil.example', '//evil.example/x', '/\\evil.example', 'https:evil.example']) {
      expect(linkHref(typed), typed).toBeUndefined();
    }
  });
});
