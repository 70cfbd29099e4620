/** What {@link followConnectivity} needs of y-websocket's `WebsocketProvider`. */
export interface Reconnectable {
  readonly shouldConnect: boolean;
  readonly wsconnected: boolean;
  connect(): void;
  disconnect(): void;
  emit(name: 'status', args: [{ status: 'disconnected' }]): void;
}

/** Where the browser says it went offline or online (the window). */
export interface ConnectivityEvents {
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
}

/**
 * Closes the live draft's socket when the browser says it is offline and opens it again when it is
 * back. A socket does not notice a lost network by itself: it stays "open" until y-websocket's
 * 30-second silence check, so until then the editor would claim to be connected while edits pile
 * up unsent. Closing at once shows "offline" (and removes the others' carets, which are no longer
 * live); reconnecting exchanges state vectors, so what was typed meanwhile is sent and merged.
 * Returns the function that stops following.
 *
 * @example
 * const stop = followConnectivity(provider, window, () => navigator.onLine);
 */
export function followConnectivity(provider: Reconnectable, events: ConnectivityEvents, isOnline: () => boolean): () => void {
  /** Only a connection this function closed is reopened: a provider someone disconnected on purpose stays so. */
  let closedHere = false;
  const offline = (): void => {
    if (!provider.shouldConnect) return;
    const wasConnected = provider.wsconnected;
    closedHere = true;
    provider.disconnect();
    // y-websocket reports "disconnected" only for a socket that had opened; one still connecting is offline too.
    if (!wasConnected) provider.emit('status', [{ status: 'disconnected' }]);
  };
  const online = (): void => {
    if (!closedHere) return;
    closedHere = false;
    provider.connect();
  };
  events.addEventListener('offline', offline);
  events.addEventListener('online', online);
  if (!isOnline()) offline();
  return () => {
    events.removeEventListener('offline', offline);
    events.removeEventListener('online', online);
  };
}
