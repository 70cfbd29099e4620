import { describe, expect, it } from 'vitest';
import { fieldMessages, orderedRoles, sameRoles } from './member-roles.js';

describe('fieldMessages', () => {
  it('puts each issue on the field its path names, roles by index included', () => {
    const messages = fieldMessages({
      status: 422,
      title: 'Invalid content',
      detail: 'The request has 4 problems.',
      issues: [
        { code: 'schema.format', path: '/email', message: 'bad e-mail' },
        { code: 'role.not_assignable', path: '/roles/1', message: 'bad role' },
        { code: 'schema.enum', path: '/language', message: 'bad language' },
        { code: 'schema.additional_property', path: '/password', message: 'not a field' },
      ],
    });
    expect(messages).toEqual({ email: ['bad e-mail'], roles: ['bad role'], language: ['bad language'], form: ['not a field'] });
  });

  it('does not confuse a field with another that starts the same way', () => {
    expect(fieldMessages({ status: 422, title: '', detail: '', issues: [{ code: 'x', path: '/emails', message: 'm' }] }).form).toEqual(['m']);
  });

  it('puts a conflict without issues on the e-mail address, anything else on the form', () => {
    expect(fieldMessages({ status: 409, title: 'Conflict', detail: 'Already a member.', issues: [] }).email).toEqual(['Already a member.']);
    expect(fieldMessages({ status: 403, title: 'Not allowed', detail: '', issues: [] }).form).toEqual(['Not allowed']);
  });
});

describe('role helpers', () => {
  it('compares role lists without regard to order', () => {
    expect(sameRoles(['designer', 'tester'], ['tester', 'designer'])).toBe(true);
    expect(sameRoles(['designer'], ['designer', 'tester'])).toBe(false);
    expect(sameRoles(['designer', 'designer'], ['designer'])).toBe(true);
  });

  it('orders roles as the screen shows them and drops unknown ones', () => {
    expect(orderedRoles(['permissions_admin', 'therapist', 'designer'])).toEqual(['designer', 'permissions_admin']);
  });
});
