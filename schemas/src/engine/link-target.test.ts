import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSafeLinkTarget, LINK_TARGET_PATTERN } from './link-target.js';

describe('isSafeLinkTarget', () => {
  it('is the pattern of the link mark in common.schema.json', () => {
    const schema = JSON.parse(readFileSync(new URL('../../json/common.schema.json', import.meta.url), 'utf8')) as { $defs: { RichTextMark: { properties: { attrs: { properties: { href: { pattern: string } } } } } } };
    expect(schema.$defs.RichTextMark.properties.attrs.properties.href.pattern).toBe(LINK_TARGET_PATTERN);
  });

  it.each(['https://www.1177.se', 'http://example.org/a?b=c#d', 'mailto:vard@example.org', 'tel:+46812345678', '/clinic', '#/program', '#'])('accepts %s', (href) => {
    expect(isSafeLinkTarget(href)).toBe(true);
  });

  it.each([
    '//evil.example', '//evil.example/path', '/\\evil.example', '\\\\evil.example', 'https://', 'https:evil.example', 'http:/evil.example',
    'javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'vbscript:x', 'mailto:', 'tel:', ' https://x.example', '/\t/evil.example',
    '/\n/evil.example', '\u0001//evil.example', 'https://x.example/\u0000', 'ftp://x.example', '', 'evil.example',
  ])('refuses %j', (href) => {
    expect(isSafeLinkTarget(href)).toBe(false);
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 42, ['https://x.example'], { href: 'https://x.example' }]) expect(isSafeLinkTarget(value)).toBe(false);
  });
});
