import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAuthoringTestApp } from '../testing/authoring-test-app.js';

const questionnaire = JSON.parse(readFileSync(new URL('../domain/fhir/test-fixtures/lhc-style-phq-9.questionnaire.json', import.meta.url), 'utf8')) as unknown;

describe('POST /api/modules/fhir-import', () => {
  const expected: Record<string, number> = { anonymous: 401, publisher: 403, tester: 403, admin: 403, 'other-publisher': 403, 'care-admin': 403, therapist: 403, designer: 201 };
  for (const [role, status] of Object.entries(expected)) {
    it(`${role} → ${status}`, async () => {
      const t = createAuthoringTestApp();
      const response = await t.call(role === 'anonymous' ? undefined : role, 'POST', '/api/modules/fhir-import', { organisationId: 'org-a', id: 'phq-9-lhc', questionnaire });
      expect(response.status, JSON.stringify(response.body)).toBe(status);
    });
  }

  it('refuses before reading the Questionnaire, so a refusal says nothing about its content', async () => {
    const t = createAuthoringTestApp();
    const response = await t.call('publisher', 'POST', '/api/modules/fhir-import', { organisationId: 'org-a', id: 'x-y', questionnaire: { resourceType: 'Patient' } });
    expect(response.status).toBe(403);
  });

  it('creates a draft a designer can open, returns the notes, and refuses a taken id and a Patient', async () => {
    const t = createAuthoringTestApp();
    const created = await t.call('designer', 'POST', '/api/modules/fhir-import', { organisationId: 'org-a', id: 'phq-9-lhc', questionnaire });
    expect(created.status).toBe(201);
    const body = created.body as { document: { id: string }; notes: Array<{ code: string; linkId?: string; message: string }>; issues: unknown[] };
    expect(body.document.id).toBe('phq-9-lhc');
    expect(body.issues).toEqual([]);
    expect(body.notes.map((note) => note.code)).toContain('instrument.bands');
    const draft = await t.call('designer', 'GET', '/api/modules/phq-9-lhc/draft');
    expect(draft.status).toBe(200);
    expect(JSON.stringify(draft.body)).toContain('44261-6');
    expect((await t.call('designer', 'POST', '/api/modules/fhir-import', { organisationId: 'org-a', id: 'phq-9-lhc', questionnaire })).status).toBe(409);
    const patient = await t.call('designer', 'POST', '/api/modules/fhir-import', { organisationId: 'org-a', id: 'other', questionnaire: { resourceType: 'Patient' } });
    expect(patient.status).toBe(422);
    expect(JSON.stringify(patient.body)).toContain('/resourceType');
  });
});
