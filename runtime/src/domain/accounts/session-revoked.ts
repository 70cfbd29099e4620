/** Why a person's access shrank. */
export type SessionRevokedReason = 'logout' | 'expired' | 'password_changed' | 'roles_changed' | 'member_removed' | 'disabled' | 'password_reset' | 'purged' | 'second_factor';

/**
 * A person's sessions ended or their roles shrank. `sessionIds` lists ended sessions; when absent,
 * the sessions live on but every open connection of the person must re-check what it may do.
 */
export interface SessionRevokedEvent {
  personId: string;
  sessionIds?: readonly string[];
  organisationId?: string;
  reason: SessionRevokedReason;
}

export type SessionRevokedListener = (event: SessionRevokedEvent) => void;

export interface SessionRevokedHub {
  /** Adds a listener; returns the function that removes it. */
  on(listener: SessionRevokedListener): () => void;
  emit(event: SessionRevokedEvent): void;
}

/**
 * The `sessionRevoked` hook: the accounts services emit, the collaboration server listens and
 * closes or re-authorises that person's live connections. A throwing listener is reported to
 * `onListenerError` and does not stop the others or fail the request that revoked.
 *
 * @example
 * const sessionRevoked = createSessionRevokedHub();
 * sessionRevoked.on(({ personId }) => collab.closeConnectionsOf(personId));
 */
export function createSessionRevokedHub(onListenerError: (error: unknown) => void = () => {}): SessionRevokedHub {
  const listeners = new Set<SessionRevokedListener>();
  return {
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
  };
}
