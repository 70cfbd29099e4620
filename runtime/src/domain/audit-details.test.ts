import { describe, expect, it } from 'vitest';
import { checkAuditDetails } from './audit-details.js';

describe('checkAuditDetails', () => {
  it('accepts ids, states and counts', () => {
    expect(checkAuditDetails({ fromState: 'draft', toState: 'in_review', version: 3, moduleIds: ['a', 'b'], passage: 'x', answerCount: 4 })).toEqual([]);
  });

  it('refuses secret-looking or answer keys at any depth, with their path', () => {
    expect(checkAuditDetails({ password: 'x', nested: [{ sessionToken: 'y' }], answers: {} }).map((issue) => issue.path)).toEqual(['/password', '/nested/0/sessionToken', '/answers']);
  });
});
