import { BlockList, isIP } from 'node:net';

/**
 * Which endpoint addresses webhooks may reach beyond the public internet (CARELOOM_WEBHOOK_ALLOW):
 * `private` adds private networks (a record system inside the hospital's network, still https);
 * `loopback` adds this machine, over http too (development and tests only).
 */
export interface WebhookTargetPolicy {
  readonly private: boolean;
  readonly loopback: boolean;
}

export const PUBLIC_TARGETS_ONLY: WebhookTargetPolicy = Object.freeze({ private: false, loopback: false });

export type AddressKind = 'public' | 'private' | 'loopback' | 'forbidden';

function list(subnets: ReadonlyArray<[string, number, 'ipv4' | 'ipv6']>): BlockList {
  const blocks = new BlockList();
  for (const [network, prefix, family] of subnets) blocks.addSubnet(network, prefix, family);
  return blocks;
}

const LOOPBACK = list([['127.0.0.0', 8, 'ipv4'], ['::1', 128, 'ipv6']]);
const PRIVATE = list([
  ['10.0.0.0', 8, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'], // carrier-grade NAT
  ['fc00::', 7, 'ipv6'], // unique local
]);
// Never a webhook target, whatever is configured: cloud metadata (169.254.169.254) and other
// link-local addresses, "this network", multicast, broadcast, documentation and reserved ranges.
const FORBIDDEN = list([
  ['0.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
  ['64:ff9b::', 96, 'ipv6'], // NAT64: reaches IPv4 addresses the checks above would not see
  ['2001:db8::', 32, 'ipv6'],
]);

/** What kind of address an IP literal is; an IPv4-mapped IPv6 address (::ffff:10.0.0.1) counts as its IPv4 address. */
export function classifyAddress(address: string): AddressKind {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(bare);
  const ip = mapped ? mapped[1]! : bare;
  const family = isIP(ip);
  if (family === 0) return 'forbidden';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (family === 6 && /^::ffff:/.test(ip)) return 'forbidden'; // mapped in hex form: no need to accept it
  if (FORBIDDEN.check(ip, type)) return 'forbidden';
  if (LOOPBACK.check(ip, type)) return 'loopback';
  if (PRIVATE.check(ip, type)) return 'private';
  return 'public';
}

/** Why an address may not be called under `policy`, or undefined when it may. */
export function addressRefusal(address: string, policy: WebhookTargetPolicy): string | undefined {
  const kind = classifyAddress(address);
  if (kind === 'public') return undefined;
  if (kind === 'private' && policy.private) return undefined;
  if (kind === 'loopback' && policy.loopback) return undefined;
  const what = { private: 'a private network address', loopback: 'this machine (loopback)', forbidden: 'a reserved or link-local address' }[kind];
  return `${address} is ${what}, which webhooks may not call${kind === 'forbidden' ? '' : ` unless CARELOOM_WEBHOOK_ALLOW includes "${kind}"`}.`;
}

/** Host names that are this machine whatever DNS says. */
function isLoopbackName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost');
}

/**
 * Checks an endpoint URL as an admin gives it: an absolute https URL without credentials or
 * fragment, at most 2000 characters; http only to this machine when loopback targets are allowed.
 * An IP literal is checked here; a host name is checked on every delivery against the addresses it
 * resolves to then (webhooks/webhook-sender.ts), since DNS can change.
 *
 * @returns the normalised URL, or the reason it is refused
 */
export function checkTargetUrl(value: string, policy: WebhookTargetPolicy): { ok: true; url: string } | { ok: false; reason: string } {
  if (value.length > 2000) return { ok: false, reason: 'The address is longer than 2000 characters.' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: 'This is not an absolute web address such as https://records.example.org/careloom/events.' };
  }
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'The address must not carry a user name or password; the signature authenticates Careloom.' };
  if (url.hash !== '') return { ok: false, reason: 'The address must not have a fragment (#…).' };
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const literal = isIP(host) !== 0;
  const loopback = isLoopbackName(host) || (literal && classifyAddress(host) === 'loopback');
  if (url.protocol === 'http:') {
    if (!(loopback && policy.loopback)) return { ok: false, reason: 'The address must start with https:// (http is allowed only to this machine, in development).' };
  } else if (url.protocol !== 'https:') {
    return { ok: false, reason: 'The address must start with https://.' };
  }
  if (isLoopbackName(host) && !policy.loopback) return { ok: false, reason: addressRefusal('127.0.0.1', policy)!.replace('127.0.0.1', host) };
  if (literal) {
    const refusal = addressRefusal(host, policy);
    if (refusal) return { ok: false, reason: refusal };
  }
  return { ok: true, url: url.href };
}
