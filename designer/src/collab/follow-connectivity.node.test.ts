import { describe, expect, it } from 'vitest';
import { followConnectivity, type Reconnectable } from './follow-connectivity.js';

/** A provider that records calls, connected as y-websocket is once its socket opened. */
function fakeProvider(connected = true) {
  const calls: string[] = [];
  const provider: Reconnectable & { calls: string[] } = {
    calls,
    shouldConnect: true,
    wsconnected: connected,
    connect() {
      calls.push('connect');
      Object.assign(provider, { shouldConnect: true });
    },
    disconnect() {
      calls.push('disconnect');
      if (provider.wsconnected) calls.push('status:disconnected');
      Object.assign(provider, { shouldConnect: false, wsconnected: false });
    },
    emit(_name, [event]) {
      calls.push(`status:${event.status}`);
    },
  };
  return provider;
}

describe('followConnectivity', () => {
  it('closes the socket when the browser goes offline and reopens it when it is back', () => {
    const provider = fakeProvider();
    const window = new EventTarget();
    followConnectivity(provider, window, () => true);
    expect(provider.calls).toEqual([]);
    window.dispatchEvent(new Event('offline'));
    expect(provider.calls).toEqual(['disconnect', 'status:disconnected']);
    window.dispatchEvent(new Event('online'));
    expect(provider.calls).toEqual(['disconnect', 'status:disconnected', 'connect']);
  });

  it('reports a socket that was still connecting as disconnected, so the editor says offline', () => {
    const provider = fakeProvider(false);
    const window = new EventTarget();
    followConnectivity(provider, window, () => true);
    window.dispatchEvent(new Event('offline'));
    expect(provider.calls).toEqual(['disconnect', 'status:disconnected']);
  });

  it('starts offline when the browser is offline already', () => {
    const provider = fakeProvider(false);
    const window = new EventTarget();
    followConnectivity(provider, window, () => false);
    expect(provider.calls).toEqual(['disconnect', 'status:disconnected']);
    window.dispatchEvent(new Event('online'));
    expect(provider.calls.at(-1)).toBe('connect');
  });

  it('leaves a provider that was disconnected on purpose alone, and stops when asked', () => {
    const provider = fakeProvider();
    const window = new EventTarget();
    const stop = followConnectivity(provider, window, () => true);
    provider.disconnect();
    provider.calls.length = 0;
    window.dispatchEvent(new Event('offline'));
    window.dispatchEvent(new Event('online'));
    expect(provider.calls).toEqual([]);

    provider.connect();
    Object.assign(provider, { wsconnected: true });
    stop();
    provider.calls.length = 0;
    window.dispatchEvent(new Event('offline'));
    expect(provider.calls).toEqual([]);
  });
});
