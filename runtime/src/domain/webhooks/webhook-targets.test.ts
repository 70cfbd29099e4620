import { describe, expect, it } from 'vitest';
import { addressRefusal, checkTargetUrl, classifyAddress, PUBLIC_TARGETS_ONLY } from './webhook-targets.js';

describe('webhook targets (SSRF guard)', () => {
  it('tells public, private, loopback and never-allowed addresses apart, IPv4-mapped IPv6 included', () => {
    const cases: Array<[string, string]> = [
      ['93.184.216.34', 'public'], ['2606:4700::1111', 'public'],
      ['10.1.2.3', 'private'], ['172.31.255.255', 'private'], ['192.168.0.10', 'private'], ['100.64.0.1', 'private'], ['fd12:3456::1', 'private'],
      ['127.0.0.1', 'loopback'], ['127.9.9.9', 'loopback'], ['::1', 'loopback'], ['::ffff:127.0.0.1', 'loopback'], ['::ffff:10.0.0.1', 'private'],
      ['169.254.169.254', 'forbidden'], ['0.0.0.0', 'forbidden'], ['::', 'forbidden'], ['fe80::1', 'forbidden'], ['224.0.0.1', 'forbidden'], ['255.255.255.255', 'forbidden'],
      ['64:ff9b::a00:1', 'forbidden'], ['::ffff:a00:1', 'forbidden'], ['not an address', 'forbidden'],
    ];
    for (const [address, kind] of cases) expect(classifyAddress(address), address).toBe(kind);
  });

  it('allows private networks and this machine only when configured, and the cloud metadata address never', () => {
    expect(addressRefusal('10.0.0.5', PUBLIC_TARGETS_ONLY)).toMatch(/private network.*CARELOOM_WEBHOOK_ALLOW/);
    expect(addressRefusal('10.0.0.5', { private: true, loopback: false })).toBeUndefined();
    expect(addressRefusal('127.0.0.1', { private: true, loopback: false })).toMatch(/loopback/);
    expect(addressRefusal('127.0.0.1', { private: false, loopback: true })).toBeUndefined();
    expect(addressRefusal('169.254.169.254', { private: true, loopback: true })).toMatch(/reserved or link-local/);
  });

  it('takes https endpoints, http only to this machine when loopback is allowed, and refuses credentials, fragments and other schemes', () => {
    const loopback = { private: false, loopback: true };
    expect(checkTargetUrl('https://records.example.org/hooks?x=1', PUBLIC_TARGETS_ONLY)).toEqual({ ok: true, url: 'https://records.example.org/hooks?x=1' });
    expect(checkTargetUrl('http://127.0.0.1:9999/hook', loopback)).toEqual({ ok: true, url: 'http://127.0.0.1:9999/hook' });
    expect(checkTargetUrl('http://localhost:9999/hook', loopback).ok).toBe(true);
    const refused: Array<[string, RegExp]> = [
      ['http://records.example.org/hook', /https/],
      ['http://127.0.0.1:9999/hook', /https/],
      ['https://localhost/hook', /loopback/],
      ['https://[::1]/hook', /loopback/],
      ['https://10.0.0.8/hook', /private/],
      ['https://169.254.169.254/latest/meta-data', /link-local/],
      ['https://user:pw@records.example.org/hook', /user name or password/],
      ['https://records.example.org/hook#x', /fragment/],
      ['ftp://records.example.org/hook', /https/],
      ['file:///etc/passwd', /https/],
      ['records.example.org/hook', /absolute web address/],
      [`https://records.example.org/${'a'.repeat(2000)}`, /2000/],
    ];
    for (const [url, reason] of refused) {
      const checked = checkTargetUrl(url, PUBLIC_TARGETS_ONLY);
      expect(checked.ok, url).toBe(false);
      if (!checked.ok) expect(checked.reason, url).toMatch(reason);
    }
    expect(checkTargetUrl('https://[::1]/hook', loopback).ok).toBe(true);
    expect(checkTargetUrl('http://10.0.0.8/hook', { private: true, loopback: true }).ok).toBe(false);
  });
});
