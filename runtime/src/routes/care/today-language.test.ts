import { beforeAll, describe, expect, it } from 'vitest';
import { createCareTestApp } from '../../testing/care-test-app.js';
import type { CareTestApp } from '../../testing/care-test-app.js';
import { expectStatus, seedCareScenario } from '../../testing/care-scenario.js';

/**
 * Today, the enrollments and the program name programs and modules in the patient's language: the
 * one the request asks for (`?lang=`, the patient app's interface language), else the one the patient
 * was enrolled in, else the program's default. The panic program is written in English and Swedish.
 */
let t: CareTestApp;
let enrollmentId: string;

beforeAll(async () => {
  t = await createCareTestApp();
  enrollmentId = (await seedCareScenario(t)).panicEnrollmentId;
});

type Today = { due: Array<{ title: string }>; new: Array<{ title: string }> };
const titles = async (query: string) => {
  const today = expectStatus(await t.call('patient', 'GET', `/api/me/today${query}`), 200) as Today;
  const enrollments = expectStatus(await t.call('patient', 'GET', `/api/me/enrollments${query}`), 200) as { enrollments: Array<{ id: string; title: string }> };
  const program = expectStatus(await t.call('patient', 'GET', `/api/me/enrollments/${enrollmentId}/program${query}`), 200) as { title: string; modules: Array<{ title: string }> };
  return { today: [...today.due, ...today.new].map((item) => item.title), enrollment: enrollments.enrollments.find((entry) => entry.id === enrollmentId)?.title, program: program.title, modules: program.modules.map((module) => module.title) };
};

describe('the patient’s titles and their language', () => {
  it('follows ?lang=, and without it the language the patient was enrolled in', async () => {
    const english = await titles('?lang=en');
    const swedish = await titles('?lang=sv');
    expect(english.today.length).toBeGreaterThan(0);
    expect(swedish.today).not.toEqual(english.today);
    expect(swedish.program).toBe('Internetbaserad KBT vid paniksyndrom (8 veckor)');
    expect(swedish.enrollment).toBe(swedish.program);
    expect(swedish.modules).not.toEqual(english.modules);
    expect(await titles('')).toEqual(english);

    // Enrolled in Swedish (both of the patient's programs are written in it).
    t.db.prepare('UPDATE enrollments SET language = ? WHERE patient_id = (SELECT patient_id FROM enrollments WHERE id = ?)').run('sv', enrollmentId);
    expect(await titles('')).toEqual(swedish);
    expect(await titles('?lang=en')).toEqual(english);
  });
});
