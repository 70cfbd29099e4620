// For browser tests: arranging care on a real test server (renderer/src/test-server.ts) through the
// same API the clinic and the patient app use. The demo seed has the released examples and an active
// "Demo clinic" with its therapist, but nothing deployed and no patients: a test builds the state it
// needs here (a program deployed, patients enrolled and signed up, answers, messages), so the state
// is one the server itself produced. Only tests use it; the apps never do.
import type { TestServer } from './test-server.js';

/** The jars the arranging calls use; a test's own screens use jars of their own. */
const ADMIN = 'arrange-admin';
const THERAPIST = 'arrange-therapist';

export const PATIENT_PASSWORD = 'a long patient passphrase 42';

export interface ArrangedUnit {
  id: string;
  organisationId: string;
  name: string;
  timeZone: string;
}

export interface ArrangedPatient {
  enrollmentId: string;
  name: string;
  email: string;
  /** The invitation's code (used already when the patient accepted). */
  code: string;
  /** The cookie jar the patient is signed in on, when accepted. */
  jar: string;
}

const signedIn = new WeakMap<TestServer, Promise<ArrangedUnit>>();
let patients = 0;

/** The demo clinic, with the care-provider admin and the therapist signed in for arranging. */
export function demoClinic(server: TestServer): Promise<ArrangedUnit> {
  let unit = signedIn.get(server);
  if (!unit) {
    unit = (async () => {
      await server.signIn(ADMIN, 'care-admin');
      await server.signIn(THERAPIST, 'therapist');
      const { units } = await server.call<{ units: ArrangedUnit[] }>(ADMIN, 'GET', '/api/care/units');
      const clinic = units.find((candidate) => candidate.name === 'Demo clinic');
      if (!clinic) throw new Error('The demo has no "Demo clinic".');
      return clinic;
    })();
    signedIn.set(server, unit);
  }
  return unit;
}

/**
 * Signs the arranging admin and therapist in again: after `moveClock` past the idle limit their
 * sessions have ended, as anyone's would. (A patient's jar is signed in again with `server.signIn`.)
 */
export async function signInAgain(server: TestServer): Promise<void> {
  await server.signIn(ADMIN, 'care-admin');
  await server.signIn(THERAPIST, 'therapist');
}

/** Deploys a released example (`panic-icbt-8-weeks`, `copd-home-follow-up`, `phq-9`, …) at the demo clinic. */
export async function deploy(server: TestServer, documentId: string, version = 1): Promise<{ id: string; title: string }> {
  const unit = await demoClinic(server);
  return server.call(ADMIN, 'POST', `/api/care/units/${unit.id}/deployments`, { documentId, version });
}

/**
 * Enrolls a new patient as the demo therapist; unless `accept` is false the patient takes the
 * invitation up (choosing PATIENT_PASSWORD) and is signed in on a jar of their own. With `existing`
 * the same person is enrolled again (their account's address), and accepts on their jar.
 */
export async function enroll(server: TestServer, options: { deploymentId: string; name: string; language?: string; startsOn?: string; accept?: boolean; existing?: ArrangedPatient }): Promise<ArrangedPatient> {
  const unit = await demoClinic(server);
  const email = options.existing?.email ?? `patient-${++patients}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const body = { deploymentId: options.deploymentId, patient: { name: options.name, email }, ...(options.language ? { language: options.language } : {}), ...(options.startsOn ? { startsOn: options.startsOn } : {}) };
  const created = await server.call<{ enrollment: { id: string }; invitation: { code: string } }>(THERAPIST, 'POST', `/api/care/units/${unit.id}/enrollments`, body);
  const jar = options.existing?.jar ?? `patient-${patients}`;
  if (options.accept !== false && options.existing) {
    // Someone who already has an account accepts while signed in.
    await server.call(jar, 'POST', '/api/me/invitations/accept', { code: created.invitation.code });
  } else if (options.accept !== false) {
    await server.call(jar, 'POST', '/api/public/invitations/redeem', { code: created.invitation.code, password: PATIENT_PASSWORD });
  }
  return { enrollmentId: created.enrollment.id, name: options.name, email, code: created.invitation.code, jar };
}

/** Records one response as the patient's app does (a new clientId each time). */
export async function respond(server: TestServer, patient: ArrangedPatient, moduleId: string, answers: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<{ id: string; scores: unknown[] }> {
  const body = { formatVersion: 1, clientId: crypto.randomUUID(), moduleId, moduleVersion: 1, answers, answeredAt: new Date().toISOString(), ...extra };
  return server.call(patient.jar, 'POST', `/api/me/enrollments/${patient.enrollmentId}/responses`, body);
}

/**
 * A completed PHQ-9 with `total` (0–27) as its score: items 1–9 filled from the highest option down,
 * item 9 "not at all" unless `item9` says otherwise (its score counts towards the total).
 */
export function phq9Answers(total: number, item9 = 'notAtAll'): Record<string, string> {
  const options = ['notAtAll', 'severalDays', 'moreThanHalf', 'nearlyEveryDay'];
  const answers: Record<string, string> = { phq9_9: item9, phq9_10: 'somewhatDifficult' };
  let left = total - options.indexOf(item9);
  for (let item = 1; item <= 8; item += 1) {
    const score = Math.max(0, Math.min(3, left));
    answers[`phq9_${item}`] = options[score]!;
    left -= score;
  }
  if (left !== 0) throw new Error(`PHQ-9 cannot total ${total} with item 9 "${item9}".`);
  return answers;
}

/** A COPD daily report in the green zone (add `spo2: 85` for red, `temperature: 38.4` for yellow). */
export const COPD_GREEN: Readonly<Record<string, unknown>> = Object.freeze({ breathlessness: 'usual', cough: 'usual', sputumColour: 'clear', temperature: 36.8, extraReliever: false });

/** The unit's alerts as the demo therapist reads them (`open`, `acknowledged` or all). */
export async function unitAlerts<T = unknown>(server: TestServer, status?: 'open' | 'acknowledged'): Promise<T[]> {
  const unit = await demoClinic(server);
  return (await server.call<{ alerts: T[] }>(THERAPIST, 'GET', `/api/care/units/${unit.id}/alerts${status ? `?status=${status}` : ''}`)).alerts;
}

/** A completed GAD-7 with `total` (0–21) as its score, items 1–7 filled from the highest option down. */
export function gad7Answers(total: number): Record<string, string> {
  const options = ['notAtAll', 'severalDays', 'moreThanHalf', 'nearlyEveryDay'];
  const answers: Record<string, string> = {};
  let left = total;
  for (let item = 1; item <= 7; item += 1) {
    const score = Math.max(0, Math.min(3, left));
    answers[`gad7_${item}`] = options[score]!;
    left -= score;
  }
  if (left !== 0) throw new Error(`GAD-7 cannot total ${total}.`);
  return answers;
}

/** One response as the server recorded it (the clinic's view of the patient's answers). */
export interface RecordedResponse {
  id: string;
  clientId: string;
  moduleId: string;
  moduleVersion: number;
  pageId?: string;
  registrationId?: string;
  answers: Record<string, unknown>;
  completes: boolean;
}

/** The responses the server has recorded for the enrollment, in the order it stored them (read as the demo therapist). */
export async function recordedResponses(server: TestServer, enrollmentId: string): Promise<RecordedResponse[]> {
  await demoClinic(server);
  return (await server.call<{ responses: RecordedResponse[] }>(THERAPIST, 'GET', `/api/care/enrollments/${enrollmentId}/responses`)).responses;
}

/** Makes `deploymentId` the demo clinic's public intake form (as its care-provider admin). */
export async function setIntake(server: TestServer, deploymentId: string): Promise<void> {
  const unit = await demoClinic(server);
  await server.call(ADMIN, 'PATCH', `/api/care/units/${unit.id}`, { intake: { deploymentId } });
}

/** Sends a message in the enrollment as the demo therapist. */
export async function therapistWrites(server: TestServer, enrollmentId: string, body: string): Promise<void> {
  await server.call(THERAPIST, 'POST', `/api/care/enrollments/${enrollmentId}/messages`, { body });
}

/** Sends a message in the enrollment as the patient. */
export async function patientWrites(server: TestServer, patient: ArrangedPatient, body: string): Promise<void> {
  await server.call(patient.jar, 'POST', `/api/me/enrollments/${patient.enrollmentId}/messages`, { body });
}

/** Changes the enrollment's schedule as the demo therapist (a colleague of whoever the test signs in). */
export async function changeSchedule(server: TestServer, enrollmentId: string, change: Record<string, unknown>): Promise<void> {
  await server.call(THERAPIST, 'POST', `/api/care/enrollments/${enrollmentId}/schedule/changes`, change);
}

/** Sets the enrollment's status as the demo therapist (`paused`, `active`, `ended`). */
export async function setStatus(server: TestServer, enrollmentId: string, status: 'active' | 'paused' | 'ended'): Promise<void> {
  await server.call(THERAPIST, 'PATCH', `/api/care/enrollments/${enrollmentId}`, { status });
}
