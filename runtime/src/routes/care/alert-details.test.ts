// Alerts carry what they say as data (`code`, `params` with the module's texts in every language it
// has), beside the English `message`, so the clinic can word them in its own language.
import { beforeAll, describe, expect, it } from 'vitest';
import { createCareTestApp } from '../../testing/care-test-app.js';
import { expectStatus, phq9Answers, responseBody, seedCareScenario } from '../../testing/care-scenario.js';
import type { CareScenario } from '../../testing/care-scenario.js';

let seeded: Buffer;
let ids: CareScenario;

beforeAll(async () => {
  const t = await createCareTestApp();
  ids = await seedCareScenario(t);
  seeded = t.snapshot();
});

const fresh = () => createCareTestApp({ from: seeded });

interface AlertBody { kind: string; message: string; code?: string; params?: Record<string, unknown> }

const COPD_GREEN = { breathlessness: 'usual', cough: 'usual', sputumColour: 'clear', temperature: 36.8, extraReliever: false };

describe('alert details', () => {
  it('gives a PHQ-9 item alert its rule text, item text, total and band in the module\'s languages', async () => {
    const t = await fresh();
    expectStatus(await t.call('patient', 'POST', `/api/me/enrollments/${ids.panicEnrollmentId}/responses`, responseBody('phq-9', phq9Answers('severalDays'), { completes: true })), 201);
    const { alerts } = expectStatus(await t.call('therapist', 'GET', '/api/care/units/unit-1/alerts'), 200) as { alerts: AlertBody[] };
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      kind: 'item',
      // The stored English wording is unchanged (audit trail, older clients).
      message: expect.stringMatching(/^PHQ-9: Item 9 \(thoughts of being better off dead/),
      code: 'item_threshold',
      params: {
        instrument: 'PHQ-9',
        rule: { en: expect.stringContaining('Contact the patient the same day'), sv: expect.stringContaining('Kontakta patienten samma dag') },
        total: 13,
        band: 'moderate',
        bandLabel: { en: 'Moderate depression', sv: 'Måttlig depression' },
        itemId: 'phq9_9',
        item: { sv: expect.stringContaining('bättre om du var död') },
        defaultLanguage: 'en',
      },
    });
    // The enrollment detail presents the same alert the same way.
    const detail = expectStatus(await t.call('therapist', 'GET', `/api/care/enrollments/${ids.panicEnrollmentId}`), 200) as { alerts: AlertBody[] };
    expect(detail.alerts[0]).toMatchObject({ code: 'item_threshold', params: { itemId: 'phq9_9' } });
  });

  it('gives a zone alert the registration title, zone and the rules\' explanations', async () => {
    const t = await fresh();
    expectStatus(await t.call('patient', 'POST', `/api/me/enrollments/${ids.copdEnrollmentId}/responses`, responseBody('copd-daily-report', { ...COPD_GREEN, spo2: 86 }, { registrationId: 'copdDaily' })), 201);
    const { alerts } = expectStatus(await t.call('therapist', 'GET', '/api/care/units/unit-1/alerts'), 200) as { alerts: AlertBody[] };
    expect(alerts).toEqual([expect.objectContaining({
      kind: 'zone',
      message: 'Daily COPD check: red zone. Your oxygen saturation is below 88 %.',
      code: 'zone',
      params: { title: { en: 'Daily COPD check', sv: 'Daglig KOL-kontroll' }, zone: 'red', reasons: [{ en: 'Your oxygen saturation is below 88 %.', sv: 'Din syremättnad är under 88 %.' }], defaultLanguage: 'en' },
    })]);
  });

  it('gives a missing-report alert the day, deadline, time zone and registration title', async () => {
    const t = await fresh();
    t.clock.set('2026-03-02T11:01:00.000Z');
    await t.care.runDueWork(t.clock.now());
    const { alerts } = expectStatus(await t.call('therapist', 'GET', '/api/care/units/unit-1/alerts'), 200) as { alerts: AlertBody[] };
    expect(alerts).toEqual([expect.objectContaining({
      kind: 'missing_report',
      message: 'No report for 2026-03-02 by its deadline (12:00, Europe/Stockholm).',
      code: 'missing_report',
      params: { day: '2026-03-02', deadline: '12:00', timeZone: 'Europe/Stockholm', title: { en: 'Daily COPD check', sv: 'Daglig KOL-kontroll' }, defaultLanguage: 'en' },
    })]);
  });
});
