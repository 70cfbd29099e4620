import { describe, expect, it } from 'vitest';
import { checkResponseContract } from './response-contract.js';

// The check the integration tests rely on must itself fail when an answer drifts from the document.
describe('checkResponseContract', () => {
  const json = 'application/json; charset=UTF-8';
  const health = { status: 'ok', database: 'ok', version: '1.0.0' };

  it('accepts an answer its documented schema allows, and leaves problems, 304 and undocumented paths alone', () => {
    expect(() => checkResponseContract('GET', '/health', 200, json, health)).not.toThrow();
    expect(() => checkResponseContract('GET', '/api/me/today', 401, 'application/problem+json', { status: 401 })).not.toThrow();
    expect(() => checkResponseContract('GET', '/api/examples/x', 304, null, undefined)).not.toThrow();
    expect(() => checkResponseContract('GET', '/clinic', 200, 'text/html', '<html>')).not.toThrow();
  });

  it('fails on a field too many, a missing field or a wrong type, naming the place', () => {
    expect(() => checkResponseContract('GET', '/health', 200, json, { ...health, secret: 'x' })).toThrow(/GET \/health answered 200[\s\S]*additional properties[\s\S]*secret/);
    expect(() => checkResponseContract('GET', '/health', 200, json, { status: 'ok', database: 'ok' })).toThrow(/version/);
    expect(() => checkResponseContract('GET', '/api/me/today?lang=sv', 200, json, { due: [], new: [], messages: { unread: '1', latest: [] } })).toThrow(/\/messages\/unread must be integer/);
  });

  it('fails on an undocumented 2xx status, on JSON where no body is documented, and on a body that is not JSON', () => {
    expect(() => checkResponseContract('GET', '/health', 202, json, health)).toThrow(/does not document/);
    expect(() => checkResponseContract('POST', '/api/auth/logout', 204, json, {})).toThrow(/documents no body/);
    expect(() => checkResponseContract('GET', '/health', 200, 'text/plain', 'ok')).toThrow(/not the JSON/);
  });

  it('matches a literal path segment before a parameter', () => {
    expect(() => checkResponseContract('POST', '/api/care/enrollments/e-1/messages/read', 204, null, undefined)).not.toThrow();
    expect(() => checkResponseContract('GET', '/api/me/enrollments', 200, json, { enrollments: [] })).not.toThrow();
  });
});
