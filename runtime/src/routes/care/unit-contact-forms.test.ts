import { beforeAll, describe, expect, it } from 'vitest';
import { createCareTestApp } from '../../testing/care-test-app.js';
import type { CareTestApp } from '../../testing/care-test-app.js';
import { expectStatus, seedCareScenario } from '../../testing/care-scenario.js';

/**
 * A unit's contact details are shown to every patient of the unit: an e-mail address that is not
 * one ("nope") or a phone number of letters is refused with the field named in words, and "" still
 * removes a detail.
 */
let t: CareTestApp;

beforeAll(async () => {
  t = await createCareTestApp();
  await seedCareScenario(t);
});

async function patch(settings: Record<string, string>) {
  const response = await t.call('care-admin', 'PATCH', '/api/care/units/unit-1', { settings });
  return { status: response.status, type: response.headers.get('Content-Type'), body: response.body };
}

describe('PATCH /api/care/units/:id settings', () => {
  it('refuses an e-mail address that is not one, naming the field', async () => {
    const refused = await patch({ email: 'nope' });
    expect(refused.status).toBe(422);
    expect(refused.type).toMatch(/^application\/problem\+json/);
    expect(refused.body['detail']).toBe('The e-mail address is not an e-mail address; write it like name@example.org.');
    expect(refused.body['issues']).toEqual([expect.objectContaining({ code: 'body.format', path: '/settings/email', message: refused.body['detail'] })]);
  });

  it('refuses phone numbers without digits or with letters, naming which', async () => {
    for (const [field, words] of [['phone', 'The phone number'], ['crisisPhone', 'The crisis phone number']] as const) {
      for (const value of ['call us', '+', '12 ab 34']) {
        const refused = await patch({ [field]: value });
        expect(refused.status, `${field} ${value}`).toBe(422);
        const issues = refused.body['issues'] as Array<{ path: string; message: string }>;
        expect(issues.map((issue) => issue.path)).toEqual([`/settings/${field}`]);
        expect(issues[0]!.message.startsWith(`${words} does not have the right form.`)).toBe(true);
      }
    }
  });

  it('keeps what was stored when a change is refused, takes valid details and removes one with ""', async () => {
    expectStatus(await t.call('care-admin', 'PATCH', '/api/care/units/unit-1', { settings: { email: 'care@example.org', phone: '+46 8-123 45 00', crisisPhone: '112' } }), 200);
    expect((await patch({ email: 'nope', phone: '08 123' })).status).toBe(422);
    const units = expectStatus(await t.call('care-admin', 'GET', '/api/care/units'), 200) as { units: Array<{ id: string; settings: Record<string, string> }> };
    expect(units.units.find((unit) => unit.id === 'unit-1')?.settings).toMatchObject({ email: 'care@example.org', phone: '+46 8-123 45 00', crisisPhone: '112' });
    const removed = await patch({ email: '' });
    expect(removed.status).toBe(200);
    expect((removed.body['settings'] as Record<string, string>)['email']).toBeUndefined();
  });

  it('refuses a public referral whose e-mail address or phone number is not one', async () => {
    const response = await t.call(undefined, 'POST', '/api/public/units/unit-1/intake', { contact: { name: 'Sam', email: 'sam at example.org', phone: 'ring me' }, response: {} });
    expect(response.status).toBe(422);
    const issues = (response.body as { issues: Array<{ path: string; message: string }> }).issues;
    expect(issues.filter((issue) => issue.path.startsWith('/contact/'))).toEqual([
      expect.objectContaining({ path: '/contact/email', message: 'The e-mail address is not an e-mail address; write it like name@example.org.' }),
      expect.objectContaining({ path: '/contact/phone', message: expect.stringMatching(/^The phone number does not have the right form\./) }),
    ]);
  });
});
