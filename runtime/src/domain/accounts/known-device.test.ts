import { describe, expect, it } from 'vitest';
import { deviceCookieAfterLogin, KNOWN_DEVICE_TTL_MS, knownDeviceId, MAX_ACCOUNTS_PER_DEVICE, readDeviceCookie } from './known-device.js';

const NOW = Date.parse('2026-03-01T08:00:00Z');
const ANN = 'scrypt$16384$8$1$c2FsdA$YW5uJ3MgaGFzaA';
const BOB = 'scrypt$16384$8$1$c2FsdA$Ym9iJ3MgaGFzaA';

describe('known devices', () => {
  it('knows the device for the account that signed in on it, and only that account', () => {
    const cookie = readDeviceCookie(deviceCookieAfterLogin(undefined, ANN, NOW));
    expect(cookie?.deviceId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(knownDeviceId(cookie, ANN, NOW + 1000)).toBe(cookie!.deviceId);
    expect(knownDeviceId(cookie, BOB, NOW + 1000)).toBeUndefined();
  });

  it('forgets the device when the password changes, and after its lifetime', () => {
    const cookie = readDeviceCookie(deviceCookieAfterLogin(undefined, ANN, NOW));
    expect(knownDeviceId(cookie, `${ANN}x`, NOW)).toBeUndefined();
    expect(knownDeviceId(cookie, ANN, NOW + KNOWN_DEVICE_TTL_MS - 1000)).toBeDefined();
    expect(knownDeviceId(cookie, ANN, NOW + KNOWN_DEVICE_TTL_MS)).toBeUndefined();
  });

  it('keeps one device id for several accounts on a shared computer, renewing each, at most a few', () => {
    let value = deviceCookieAfterLogin(undefined, ANN, NOW);
    const deviceId = readDeviceCookie(value)!.deviceId;
    value = deviceCookieAfterLogin(readDeviceCookie(value), BOB, NOW + 1000);
    value = deviceCookieAfterLogin(readDeviceCookie(value), ANN, NOW + 2000);
    const cookie = readDeviceCookie(value)!;
    expect(cookie.deviceId).toBe(deviceId);
    expect(cookie.entries).toHaveLength(2);
    expect([knownDeviceId(cookie, ANN, NOW + 3000), knownDeviceId(cookie, BOB, NOW + 3000)]).toEqual([deviceId, deviceId]);
    for (let i = 0; i < 20; i++) value = deviceCookieAfterLogin(readDeviceCookie(value), `hash-${i}`, NOW + 4000 + i);
    expect(readDeviceCookie(value)!.entries).toHaveLength(MAX_ACCOUNTS_PER_DEVICE);
    expect(knownDeviceId(readDeviceCookie(value), ANN, NOW + 5000)).toBeUndefined();
    expect(value.length).toBeLessThan(400);
  });

  it('refuses forged, altered, future-dated and malformed cookies', () => {
    const value = deviceCookieAfterLogin(undefined, ANN, NOW);
    const [version, deviceId, entry] = value.split('.') as [string, string, string];
    const [issuedAt, mac] = entry.split('~') as [string, string];
    const otherDevice = `${version}.${'A'.repeat(22)}.${entry}`;
    const laterTime = `${version}.${deviceId}.${(parseInt(issuedAt, 36) + 1).toString(36)}~${mac}`;
    const flippedMac = `${version}.${deviceId}.${issuedAt}~${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`;
    for (const forged of [otherDevice, laterTime, flippedMac]) expect(knownDeviceId(readDeviceCookie(forged), ANN, NOW)).toBeUndefined();
    const future = deviceCookieAfterLogin(undefined, ANN, NOW + 3600_000);
    expect(knownDeviceId(readDeviceCookie(future), ANN, NOW)).toBeUndefined();
    for (const malformed of [undefined, '', 'v2.x', `${value}.`, `${value};x`, 'v1.' + 'A'.repeat(22) + '.1~' + 'A'.repeat(22) + '.1~x', 'x'.repeat(5000)]) {
      expect(readDeviceCookie(malformed)).toBeUndefined();
    }
  });
});
