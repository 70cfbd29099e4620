import { describe, expect, it } from 'vitest';
import { createSessionRevokedHub, type SessionRevokedEvent } from './session-revoked.js';

describe('createSessionRevokedHub', () => {
  it('tells every listener, survives a throwing one, and stops telling a removed one', () => {
    const errors: unknown[] = [];
    const hub = createSessionRevokedHub((error) => errors.push(error));
    const seen: SessionRevokedEvent[] = [];
    hub.on(() => {
      throw new Error('listener bug');
    });
    const off = hub.on((event) => seen.push(event));
    hub.emit({ personId: 'p1', reason: 'logout', sessionIds: ['s1'] });
    off();
    hub.emit({ personId: 'p2', reason: 'member_removed' });
    expect(seen).toEqual([{ personId: 'p1', reason: 'logout', sessionIds: ['s1'] }]);
    expect(errors).toHaveLength(2);
  });
});
