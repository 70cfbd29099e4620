import { describe, expect, it } from 'vitest';
import { checkAuditDetails, MAX_AUDIT_DETAILS_CHARS } from './audit-details.js';

describe('checkAuditDetails', () => {
  it('accepts ids, states and counts', () => {
    expect(checkAuditDetails({ fromState: 'draft', toState: 'in_review', version: 3, moduleIds: ['a', 'b'], passage: 'x', answerCount: 4, invitedBy: 'person-1' })).toEqual([]);
  });

  it('refuses secret-looking or answer keys at any depth, with their path', () => {
    expect(checkAuditDetails({ password: 'x', nested: [{ sessionToken: 'y' }], answers: {} }).map((issue) => issue.path)).toEqual(['/password', '/nested/0/sessionToken', '/answers']);
  });

  it('refuses names and contact details instead of ids, by key or by an e-mail-shaped value', () => {
    const issues = checkAuditDetails({ name: 'Unit one', patientName: 'Pat', email: 'x', phone: '+46', people: [{ id: 'p1', note: 'write to pat@example.org' }] });
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['audit.name_in_details', '/name'],
      ['audit.name_in_details', '/patientName'],
      ['audit.name_in_details', '/email'],
      ['audit.name_in_details', '/phone'],
      ['audit.name_in_details', '/people/0/note'],
    ]);
  });

  it('refuses details larger than the bound, and accepts them at the bound', () => {
    const padding = (chars: number) => ({ moduleIds: 'x'.repeat(chars - JSON.stringify({ moduleIds: '' }).length) });
    expect(checkAuditDetails(padding(MAX_AUDIT_DETAILS_CHARS))).toEqual([]);
    expect(checkAuditDetails(padding(MAX_AUDIT_DETAILS_CHARS + 1)).map((issue) => issue.code)).toEqual(['audit.details_too_large']);
  });
});
