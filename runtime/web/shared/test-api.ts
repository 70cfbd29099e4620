// A small in-browser fake of the care API (runtime/src/routes/care/README.md) for the web apps'
// tests: fixtures in the README's shapes, the real example modules, and enough behaviour to test the
// apps against (idempotent responses by clientId, required answers per page, read receipts,
// acknowledgements, enrollment with an invitation). Only for tests.
import { checkAnswers } from '@careloom/format/engine';
import copdJson from '@careloom/examples/modules/copd-daily-report.json';
import panicJson from '@careloom/examples/modules/panic-week-1.json';
import phqJson from '@careloom/examples/modules/phq-9.json';
import type {
  Alert, Answers, CatalogEntry, Charts, Deployment, DueItem, Message, Module, MyEnrollment, PatientRow, Plan, Program, Referral,
  OutboxMessage, ResponseDocument, Session, StoredResponse, Unit, UnitReport,
} from '@careloom/format/api';

export const phq9 = phqJson as unknown as Module;
export const panicWeek1 = panicJson as unknown as Module;
export const copdDaily = copdJson as unknown as Module;
const modules: Record<string, Module> = { 'phq-9': phq9, 'panic-week-1': panicWeek1, 'copd-daily-report': copdDaily };
const HASH = 'a'.repeat(64);

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  csrf: string | null;
}

type Role = 'patient' | 'therapist' | 'admin';

const sessions: Record<Role, Session> = {
  patient: { person: { id: 'p1', name: 'Pat Patient', email: 'pat@example.org' }, memberships: [], csrfToken: 'csrf-patient', expiresAt: '2030-01-01T00:00:00Z' },
  therapist: {
    person: { id: 't1', name: 'Theo Therapist', email: 'theo@example.org' },
    memberships: [
      { organisationId: 'o1', organisationName: 'Region North', organisationKind: 'care_provider', role: 'therapist', unitId: 'u1' },
      { organisationId: 'o1', organisationName: 'Region North', organisationKind: 'care_provider', role: 'therapist', unitId: 'u2' },
    ],
    csrfToken: 'csrf-therapist',
    expiresAt: '2030-01-01T00:00:00Z',
  },
  admin: {
    person: { id: 'a1', name: 'Cora Care-Admin', email: 'cora@example.org' },
    memberships: [{ organisationId: 'o1', organisationName: 'Region North', organisationKind: 'care_provider', role: 'care_provider_admin' }],
    csrfToken: 'csrf-admin',
    expiresAt: '2030-01-01T00:00:00Z',
  },
};

const unitSettings = { contactName: 'Psychiatry Clinic North', phone: '+46 8 123 456 00', crisisPhone: '112', openingHours: 'Mon–Fri 8–16' };

function phqChart(): Charts['instruments'][number] {
  const block = phq9.pages.flatMap((page) => page.blocks).find((candidate) => candidate.type === 'instrument');
  const bands = block && block.type === 'instrument' ? block.scoring.bands.map((band) => ({ min: band.min, max: band.max, label: band.label.en ?? band.id, severity: band.level ?? 0 })) : [];
  return {
    moduleId: 'phq-9', instrumentId: 'phq9', title: 'PHQ-9', min: 0, max: 27, bands,
    points: [{ at: '2025-03-03T09:00:00Z', total: 16, band: 'moderatelySevere' }, { at: '2025-03-10T09:00:00Z', total: 11, band: 'moderate' }],
  };
}

/** The params the server gives PHQ-9's item 9 alert at a total of 16, from the real module's texts. */
const phq9Item9Alert = (() => {
  const instrument = phq9.pages.flatMap((page) => page.blocks).find((block) => block.type === 'instrument');
  if (instrument?.type !== 'instrument') throw new Error('phq-9 has no instrument');
  const rule = instrument.scoring.alerts?.find((candidate) => candidate.when.of === 'item');
  const item = instrument.items.find((candidate) => candidate.id === 'phq9_9');
  const band = instrument.scoring.bands.find((candidate) => candidate.id === 'moderatelySevere');
  if (!rule || !item || !band) throw new Error('phq-9 lacks its item 9 alert');
  return { instrument: instrument.abbreviation, instrumentName: instrument.name, rule: rule.message, total: 16, band: band.id, bandLabel: band.label, itemId: item.id, item: item.text, defaultLanguage: phq9.defaultLanguage };
})();

export interface FakeApiOptions {
  /** Who is signed in at the start; null for nobody. */
  as?: Role | null;
  /** Password that /api/auth/login accepts for every fixture person. */
  password?: string;
}

/**
 * The fake: `fetch` to hand to an ApiClient, its recorded `requests`, mutable `state`, and
 * `offline` to make every request fail as a network error.
 */
export function createFakeApi(options: FakeApiOptions = {}) {
  let session: Session | null = options.as ? sessions[options.as] : null;
  const password = options.password ?? 'correct horse battery';
  const requests: FakeRequest[] = [];
  const recorded = new Map<string, { enrollmentId: string; body: ResponseDocument; result: StoredResponse }>();
  let idCounter = 0;
  const nextId = (prefix: string) => `${prefix}${++idCounter}`;
  const invitedLanguages = new Map<string, string>();

  const state = {
    /** Modules the patient was moved to a newer version of (module id → version now): an answer to an older one is refused as the server does after a version move. */
    movedTo: {} as Record<string, number>,
    /** What GET /api/dev/outbox holds; `smtp: true` makes it answer 404, as with an SMTP relay. */
    smtp: false,
    outbox: [
      { id: 'mail2', to: 'olle@example.org', subject: 'Reminder: PHQ-9', text: 'Clinic North reminds you: "PHQ-9" is due by 2025-03-05T20:00:00Z. Open Careloom to fill it in: https://careloom.example', createdAt: '2025-03-05T07:00:00Z' },
      { id: 'mail1', to: 'nina@example.org', subject: 'Your invitation from Clinic North', text: 'Hello Nina,\n\nOpen this link to choose your password and start:\nhttps://careloom.example/#/invite/WXYZ7-9876K\n\nOr type the invitation code: WXYZ7-9876K', createdAt: '2025-03-03T09:00:00Z' },
    ] as OutboxMessage[],
    enrollments: [{ id: 'e1', title: 'Internet CBT for panic disorder (8 weeks)', status: 'active', startedOn: '2025-03-03', unit: { id: 'u1', name: 'Clinic North', settings: unitSettings } }] as MyEnrollment[],
    due: [
      { kind: 'module', enrollmentId: 'e1', moduleId: 'panic-week-1', version: 1, title: 'Week 1: Understanding panic', dueAt: '2025-03-09T20:00:00Z', overdue: false },
      { kind: 'measurement', enrollmentId: 'e1', moduleId: 'phq-9', version: 1, title: 'PHQ-9', dueAt: '2025-03-05T20:00:00Z', overdue: true },
    ] as DueItem[],
    messages: {
      e1: [
        { id: 'm1', from: 'therapist', authorName: 'Theo Therapist', body: 'Welcome to the program!', sentAt: '2025-03-03T10:00:00Z', readAt: '2025-03-03T12:00:00Z' },
        { id: 'm3', from: 'therapist', authorName: 'Theo Therapist', body: 'How did the breathing exercise go?', sentAt: '2025-03-06T08:30:00Z', readAt: null },
        { id: 'm2', from: 'patient', authorName: 'Pat Patient', body: 'Thank you, I have started.', sentAt: '2025-03-04T18:00:00Z', readAt: null },
      ],
    } as Record<string, Message[]>,
    units: [
      { id: 'u1', organisationId: 'o1', name: 'Clinic North', active: true, timeZone: 'Europe/Stockholm', settings: unitSettings, intake: null },
      { id: 'u2', organisationId: 'o1', name: 'Clinic South', active: false, timeZone: 'Europe/Stockholm', settings: {}, intake: null },
    ] as Unit[],
    deployments: [
      { id: 'd1', unitId: 'u1', kind: 'program', documentId: 'panic-icbt-8-weeks', version: 1, title: 'Internet CBT for panic disorder (8 weeks)', contentHash: HASH, status: 'active', deployedAt: '2025-02-01T10:00:00Z', modules: [{ moduleId: 'panic-week-1', version: 1 }, { moduleId: 'phq-9', version: 1 }], languages: ['en', 'sv'], titles: { en: 'Internet CBT for panic disorder (8 weeks)', sv: 'Internetbaserad KBT vid paniksyndrom (8 veckor)' } },
      { id: 'd2', unitId: 'u1', kind: 'module', documentId: 'gad-7', version: 1, title: 'GAD-7', contentHash: HASH, status: 'withdrawn', deployedAt: '2025-02-01T10:00:00Z', modules: [{ moduleId: 'gad-7', version: 1 }] },
    ] as Deployment[],
    patients: [
      { enrollmentId: 'e2', patient: { id: 'p2', name: 'Quiet Quinn' }, deploymentId: 'd1', title: 'Internet CBT for panic disorder (8 weeks)', status: 'active', startedOn: '2025-03-03', openAlerts: 0, unreadMessages: 0, overdueReports: 0, lastActivityAt: '2025-03-09T10:00:00Z', attention: 0, latestScore: { title: 'PHQ-9', total: 6, max: 27, bandLabel: 'Mild depression', level: 1, at: '2025-03-09T10:00:00Z', previous: 11, trend: 'better' } },
      { enrollmentId: 'e3', patient: { id: 'p3', name: 'Una Unread' }, deploymentId: 'd1', title: 'Internet CBT for panic disorder (8 weeks)', status: 'active', startedOn: '2025-03-03', openAlerts: 0, unreadMessages: 2, overdueReports: 0, lastActivityAt: '2025-03-08T10:00:00Z', attention: 20 },
      { enrollmentId: 'e1', patient: { id: 'p1', name: 'Pat Patient' }, deploymentId: 'd1', title: 'Internet CBT for panic disorder (8 weeks)', status: 'active', startedOn: '2025-03-03', openAlerts: 1, unreadMessages: 1, overdueReports: 1, lastActivityAt: '2025-03-06T10:00:00Z', attention: 111, latestScore: { title: 'PHQ-9', total: 15, max: 27, bandLabel: 'Moderately severe depression', level: 3, at: '2025-03-06T09:00:00Z', previous: 9, trend: 'worse' } },
      { enrollmentId: 'e4', patient: { id: 'p4', name: 'Olle Overdue' }, deploymentId: 'd1', title: 'Internet CBT for panic disorder (8 weeks)', status: 'paused', startedOn: '2025-03-03', openAlerts: 0, unreadMessages: 0, overdueReports: 3, lastActivityAt: null, attention: 3 },
    ] as PatientRow[],
    alerts: [
      { id: 'al1', enrollmentId: 'e1', patient: { id: 'p1', name: 'Pat Patient' }, kind: 'item', severity: 'urgent', message: `PHQ-9: ${phq9Item9Alert.rule['en'] ?? ''}`, code: 'item_threshold', params: phq9Item9Alert, moduleId: 'phq-9', createdAt: '2025-03-06T09:00:00Z' },
    ] as Alert[],
    /** Bodies of POST …/enrollments, as sent. */
    enrollRequests: [] as Array<{ deploymentId?: string; language?: string }>,
    /** Enrollments a new invitation was sent for, in order. */
    resentInvitations: [] as string[],
    referrals: [
      { id: 'r1', contact: { name: 'Rita Referral', email: 'rita@example.org', phone: '070-000 00 00' }, answers: {}, scores: [{ instrumentId: 'phq9', title: 'PHQ-9', total: 12, band: 'moderate', bandLabel: 'Moderate depression' }], receivedAt: '2025-03-05T12:00:00Z', status: 'new' },
    ] as Referral[],
    report: {
      enrolled: 12, active: 8, completed: 3, droppedOut: 1,
      instruments: [{ instrumentId: 'phq9', title: 'PHQ-9', patients: 3, meanPre: 15.3, meanPost: 8.7, meanChange: -6.6, reliablyImproved: 66.67, reliablyDeteriorated: 0 }],
      programs: [{
        documentId: 'panic-icbt-8-weeks', version: 1, kind: 'program', title: 'Internet CBT for panic disorder (8 weeks)', enrolled: 12, completed: 3, droppedOut: 1, completionRate: 75,
        dropoutByWeek: [{ week: 1, patients: 0 }, { week: 2, patients: 0 }, { week: 3, patients: 1 }],
        instruments: [{ instrumentId: 'phq9', title: 'PHQ-9', patients: 3, meanPre: 15.3, meanPost: 8.7, meanChange: -6.6, reliablyImproved: 66.67, reliablyDeteriorated: 0 }],
      }],
    } as UnitReport,
    catalog: [
      { id: 'panic-icbt-8-weeks', kind: 'program', title: 'Internet CBT for panic disorder (8 weeks)', titles: { en: 'Internet CBT for panic disorder (8 weeks)', sv: 'Internetbaserad KBT vid paniksyndrom (8 veckor)' }, summary: null, defaultLanguage: 'en', organisationId: 'pub', currentVersion: 1, history: [{ number: 1, retired: false, contentHash: HASH, changeNote: 'First release', releaseNotes: 'First release.', releasedAt: '2025-01-10T10:00:00Z', releaseClass: 'major', pins: [] }] },
      { id: 'copd-daily-report', kind: 'module', title: 'COPD daily report', titles: { en: 'COPD daily report' }, summary: { en: 'A daily report of symptoms.' }, defaultLanguage: 'en', organisationId: 'pub', currentVersion: 2, history: [{ number: 2, retired: false, contentHash: HASH, changeNote: 'Clearer wording', releaseNotes: 'Clearer wording of the breathing questions.', releasedAt: '2025-01-20T10:00:00Z', releaseClass: 'major', pins: [] }, { number: 1, retired: true, contentHash: HASH, changeNote: 'First release', releaseNotes: '', releasedAt: '2025-01-10T10:00:00Z', releaseClass: 'major', pins: [] }] },
    ] as CatalogEntry[],
    charts: {
      instruments: [phqChart()],
      registrations: [{
        moduleId: 'copd-daily-report', registrationId: 'copdDaily', title: 'Daily COPD report',
        fields: [{
          id: 'temperature', title: 'Temperature', unit: '°C',
          zones: [{ zone: 'yellow', op: 'gte', value: 38, ruleId: 'fever' }, { zone: 'red', op: 'gte', value: 39, ruleId: 'highFever' }],
          points: [{ at: '2025-03-04T08:00:00Z', value: 37.2, zone: 'green' }, { at: '2025-03-05T08:00:00Z', value: 38.4, zone: 'yellow' }],
        }],
      }],
    } as Charts,
    plans: [{
      moduleId: 'copd-daily-report', registrationId: 'copdDaily', title: 'Daily COPD report',
      fields: [{ id: 'temperature', label: 'Temperature', unit: '°C' }],
      zones: [
        { zone: 'green', rule: '', rules: [], action: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Keep taking your usual medicines.' }] }] } },
        { zone: 'yellow', rule: 'Temperature 38 °C or higher.', rules: [{ id: 'fever', zone: 'yellow', when: { op: 'gte', item: 'temperature', value: 38 }, explanation: 'Temperature 38 °C or higher.', personal: false, alert: false }], action: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Start your standby medicines.' }] }] } },
        { zone: 'red', rule: 'Temperature 39 °C or higher.', rules: [{ id: 'highFever', zone: 'red', when: { op: 'gte', item: 'temperature', value: 39 }, explanation: 'Temperature 39 °C or higher.', personal: false, alert: true }], action: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Call 112.' }] }] } },
      ],
    }] as Plan[],
    /** Responses already on the server before the test, by enrollment. */
    seeded: [] as Array<{ enrollmentId: string; body: ResponseDocument }>,
  };

  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
  const problem = (status: number, title: string, detail: string, issues: Array<{ path: string; message: string; code?: string }> = []) =>
    new Response(JSON.stringify({ type: 'about:blank', title, status, detail, ...(issues.length ? { issues } : {}) }), { status, headers: { 'Content-Type': 'application/problem+json' } });

  const allResponses = (enrollmentId: string) => [
    ...state.seeded.filter((item) => item.enrollmentId === enrollmentId).map((item) => item.body),
    ...[...recorded.values()].filter((item) => item.enrollmentId === enrollmentId).map((item) => item.body),
  ];

  function progress(enrollmentId: string, moduleId: string) {
    const answers: Answers = {};
    let pageId: string | null = null;
    let completed = false;
    for (const body of allResponses(enrollmentId)) {
      if (body.moduleId !== moduleId || body.registrationId !== undefined) continue;
      Object.assign(answers, body.answers);
      if (body.pageId) pageId = body.pageId;
      if (body.completes) completed = true;
    }
    return { answers, pageId, completed };
  }

  function recordResponse(enrollmentId: string, body: ResponseDocument): Response {
    const existing = recorded.get(body.clientId);
    if (existing) {
      if (JSON.stringify(existing.body) !== JSON.stringify(body)) return problem(409, 'Conflict', 'A different submission with this clientId was recorded.', [{ path: '/clientId', message: 'Already used' }]);
      return json(200, { id: existing.result.id, receivedAt: existing.result.receivedAt, scores: [], zones: [] });
    }
    const movedTo = state.movedTo[body.moduleId];
    if (movedTo !== undefined && body.moduleVersion < movedTo) {
      const message = `"${body.moduleId}" was updated to a new version after these answers were given, so they were not saved. Open it again and answer in the new version.`;
      return problem(409, 'Conflict', message, [{ code: 'response.version_moved', path: '/moduleVersion', message }]);
    }
    const module = modules[body.moduleId];
    if (!module) return problem(422, 'Invalid', 'Not part of your program.', [{ path: '/moduleId', message: 'Not part of your program.' }]);
    if (body.registrationId === undefined) {
      const merged = { ...progress(enrollmentId, body.moduleId).answers, ...body.answers };
      const issues = checkAnswers(module, body.registrationId ? {} : merged, { ...(body.pageId ? { pageId: body.pageId } : {}), requireComplete: body.completes === true })
        .concat(checkAnswers(module, body.answers));
      if (issues.length > 0) return problem(422, 'Invalid answers', `The answers have ${issues.length} problems.`, issues.map((issue) => ({ path: issue.path, message: issue.message })));
    }
    const result: StoredResponse = { id: nextId('resp'), clientId: body.clientId, moduleId: body.moduleId, moduleVersion: body.moduleVersion, answers: body.answers as Answers, completes: body.completes === true, answeredAt: body.answeredAt, receivedAt: new Date().toISOString(), scores: [], zones: [], ...(body.pageId ? { pageId: body.pageId } : {}), ...(body.registrationId ? { registrationId: body.registrationId } : {}) };
    recorded.set(body.clientId, { enrollmentId, body, result });
    return json(201, { id: result.id, receivedAt: result.receivedAt, scores: [], zones: [] });
  }

  function enrollmentDetail(enrollmentId: string) {
    const row = state.patients.find((patient) => patient.enrollmentId === enrollmentId);
    if (!row) return undefined;
    return {
      enrollment: { id: enrollmentId, status: row.status, startedOn: row.startedOn, deploymentId: row.deploymentId, acceptedAt: row.status === 'invited' ? null : '2025-03-03T08:00:00Z', ...(invitedLanguages.has(enrollmentId) ? { language: invitedLanguages.get(enrollmentId) } : {}) },
      patient: { id: row.patient.id, name: row.patient.name, email: `${row.patient.id}@example.org` },
      unit: { id: 'u1', name: 'Clinic North' },
      program: {
        title: row.title, week: 2,
        modules: [
          { key: 'week1', moduleId: 'panic-week-1', version: 1, title: 'Week 1: Understanding panic', state: 'completed', unlockedAt: '2025-03-03T00:00:00Z', completedAt: '2025-03-05T10:00:00Z' },
          { key: 'week2', moduleId: 'panic-week-2', version: 1, title: 'Week 2: Your panic cycle', state: 'unlocked', unlockedAt: '2025-03-10T00:00:00Z' },
          { key: 'week3', moduleId: 'panic-week-3', version: 1, title: 'Week 3', state: 'locked' },
        ],
      } as Program,
      due: state.due.filter((item) => item.enrollmentId === enrollmentId),
      alerts: state.alerts.filter((alert) => alert.enrollmentId === enrollmentId),
      plans: state.plans,
    };
  }

  /** Each enrollment's schedule adjustments, as GET/POST …/schedule keep them. */
  const schedules = new Map<string, { revision: number; hidden: string[]; early: Record<string, string>; deadline: string | null }>();
  function patientSchedule(enrollmentId: string) {
    const detail = enrollmentDetail(enrollmentId);
    if (!detail) return undefined;
    const adjusted = schedules.get(enrollmentId) ?? { revision: 0, hidden: [], early: {}, deadline: null };
    return {
      enrollmentId, status: detail.enrollment.status, paused: detail.enrollment.status === 'paused', revision: adjusted.revision, timeZone: 'Europe/Stockholm',
      pausedDays: detail.enrollment.status === 'paused' ? 0 : 3,
      pauses: [{ pausedAt: '2025-03-06T09:00:00Z', resumedAt: detail.enrollment.status === 'paused' ? null : '2025-03-09T09:00:00Z' }],
      modules: detail.program.modules.map((module, index) => {
        const early = adjusted.early[module.key] ?? null;
        const state = early !== null && module.state === 'locked' ? 'unlocked' : module.state === 'completed' ? 'completed' : module.state === 'locked' ? 'locked' : 'unlocked';
        return { key: module.key, moduleId: module.moduleId, title: module.title, week: index + 1, state, unlockedAt: early ?? module.unlockedAt ?? null, regularUnlockAt: index === 2 ? null : module.unlockedAt ?? null, earlyUnlockAt: early, hidden: adjusted.hidden.includes(module.key) };
      }),
      registrations: [{ id: 'copdDaily', moduleId: 'copd-daily-report', title: 'Daily report', deadline: '12:00', personalDeadline: adjusted.deadline }],
      updatedAt: null,
    };
  }

  type Handler = (match: RegExpMatchArray, request: FakeRequest) => Response | undefined;
  const routes: Array<[string, RegExp, Handler]> = [
    ['POST', /^\/api\/auth\/login$/, (_m, request) => {
      const body = request.body as { email?: string; password?: string };
      const found = Object.values(sessions).find((candidate) => candidate.person.email === body.email);
      if (!found || body.password !== password) return problem(401, 'Unauthorized', 'Wrong e-mail or password.');
      session = found;
      return json(200, found);
    }],
    ['POST', /^\/api\/auth\/logout$/, () => ((session = null), new Response(null, { status: 204 }))],
    ['GET', /^\/api\/auth\/me$/, () => (session ? json(200, session) : problem(401, 'Unauthorized', 'Sign in.'))],
    ['GET', /^\/api\/auth\/session$/, () => json(200, { session })],
    ['POST', /^\/api\/public\/invitations\/redeem$/, (_m, request) => {
      const body = request.body as { code?: string };
      // Like the server: any case, with or without the dash.
      const code = body.code?.replace(/[\s-]/g, '').toUpperCase();
      // EXIST-12345 is addressed to Pat's existing account: never redeemed with a password.
      if (code === 'EXIST12345') return problem(409, 'Conflict', 'This e-mail address already has a Careloom account.', [{ path: '/code', message: 'This e-mail address already has a Careloom account.' }]);
      if (code !== 'ABCDE12345') return problem(404, 'Not found', 'Unknown code.');
      session = sessions.patient;
      return json(200, session);
    }],
    ['POST', /^\/api\/me\/invitations\/accept$/, (_m, request) => {
      if (!session) return problem(401, 'Unauthorized', 'Sign in.');
      const code = (request.body as { code?: string }).code?.replace(/[\s-]/g, '').toUpperCase();
      if (code !== 'EXIST12345') return problem(404, 'Not found', 'Unknown code.');
      if (session !== sessions.patient) return problem(403, 'Forbidden', 'This invitation was sent to another e-mail address.');
      return json(200, { enrollment: { id: 'e1', title: 'Internet CBT for panic disorder (8 weeks)', status: 'active', startedOn: '2025-03-03', unit: { id: 'u1', name: 'Psychiatry Clinic North' } } });
    }],
    ['GET', /^\/api\/dev\/outbox$/, () => {
      if (state.smtp) return problem(404, 'Not found', 'E-mail is sent by SMTP; there is no development outbox.');
      if (!session?.memberships.some((membership) => membership.role === 'care_provider_admin')) return problem(403, 'Forbidden', 'The outbox is for care-provider admins.');
      return json(200, { messages: state.outbox });
    }],
    ['GET', /^\/api\/me\/enrollments$/, () => json(200, { enrollments: state.enrollments })],
    ['GET', /^\/api\/me\/today$/, () => {
      const latest = state.messages.e1 ?? [];
      return json(200, {
        paused: state.enrollments.filter((enrollment) => enrollment.status === 'paused').map((enrollment) => ({ enrollmentId: enrollment.id, title: enrollment.title })),
        due: state.due, new: [{ enrollmentId: 'e1', moduleId: 'panic-week-1', version: 1, title: 'Week 1: Understanding panic', unlockedAt: '2025-03-03T00:00:00Z' }],
        messages: { unread: latest.filter((message) => message.from === 'therapist' && message.readAt === null).length, latest: latest.map((message) => ({ ...message, enrollmentId: 'e1' })) },
      });
    }],
    ['GET', /^\/api\/me\/enrollments\/([^/]+)\/program$/, () => json(200, {
      title: 'Internet CBT for panic disorder (8 weeks)', week: 1,
      modules: [
        { key: 'week1', moduleId: 'panic-week-1', version: 1, title: 'Week 1: Understanding panic', state: 'in_progress', progress: { answered: 2, pageId: 'welcome' } },
        { key: 'week2', moduleId: 'panic-week-2', version: 1, title: 'Week 2', state: 'locked', progress: { answered: 0 } },
      ],
    })],
    ['GET', /^\/api\/me\/module-versions\/([^/]+)\/(\d+)$/, (match) => {
      const module = modules[match[1]!];
      return module ? json(200, module, { ETag: `"${HASH}"` }) : problem(404, 'Not found', 'No such version.');
    }],
    ['GET', /^\/api\/me\/enrollments\/([^/]+)\/modules\/([^/]+)\/progress$/, (match) => json(200, progress(match[1]!, match[2]!))],
    ['POST', /^\/api\/me\/enrollments\/([^/]+)\/responses$/, (match, request) => recordResponse(match[1]!, request.body as ResponseDocument)],
    ['GET', /^\/api\/(?:me|care)\/enrollments\/([^/]+)\/charts$/, () => json(200, state.charts)],
    ['GET', /^\/api\/me\/enrollments\/([^/]+)\/plan$/, () => json(200, { plans: state.plans })],
    ['GET', /^\/api\/(?:me|care)\/enrollments\/([^/]+)\/messages$/, (match) => json(200, { messages: state.messages[match[1]!] ?? [] })],
    ['POST', /^\/api\/(me|care)\/enrollments\/([^/]+)\/messages\/read$/, (match) => {
      const reader = match[1] === 'me' ? 'patient' : 'therapist';
      state.messages[match[2]!] = (state.messages[match[2]!] ?? []).map((message) => (message.from !== reader && message.readAt === null ? { ...message, readAt: '2025-03-10T12:00:00Z' } : message));
      return new Response(null, { status: 204 });
    }],
    ['POST', /^\/api\/(me|care)\/enrollments\/([^/]+)\/messages$/, (match, request) => {
      const body = (request.body as { body?: string }).body ?? '';
      if (!body.trim()) return problem(422, 'Invalid', 'The message is empty.', [{ path: '/body', message: 'Write a message.' }]);
      const message: Message = { id: nextId('sent-message'), from: match[1] === 'me' ? 'patient' : 'therapist', authorName: session?.person.name ?? '', body, sentAt: '2025-03-10T12:00:00Z', readAt: null };
      state.messages[match[2]!] = [...(state.messages[match[2]!] ?? []), message];
      return json(201, message);
    }],
    // Clinic
    ['GET', /^\/api\/care\/units$/, () => json(200, { units: session?.memberships.some((membership) => membership.role === 'care_provider_admin') ? state.units : state.units.filter((unit) => session?.memberships.some((membership) => membership.unitId === unit.id)) })],
    ['PATCH', /^\/api\/care\/units\/([^/]+)$/, (match, request) => {
      const unit = state.units.find((candidate) => candidate.id === match[1]);
      if (!unit) return problem(404, 'Not found', 'No such unit.');
      const patch = request.body as Partial<Unit>;
      if (patch.settings?.email !== undefined && patch.settings.email !== '' && !patch.settings.email.includes('@')) return problem(422, 'Invalid', 'The unit has 1 problem.', [{ path: '/settings/email', message: 'Not an e-mail address.' }]);
      Object.assign(unit, { ...patch, settings: { ...unit.settings, ...(patch.settings ?? {}) } });
      return json(200, unit);
    }],
    ['GET', /^\/api\/care\/units\/([^/]+)\/deployments$/, (match) => json(200, { deployments: state.deployments.filter((deployment) => deployment.unitId === match[1]) })],
    ['POST', /^\/api\/care\/units\/([^/]+)\/deployments$/, (match, request) => {
      const body = request.body as { documentId: string; version: number };
      const entry = state.catalog.find((candidate) => candidate.id === body.documentId);
      if (!entry || entry.history.find((version) => version.number === body.version)?.retired !== false) return problem(409, 'Conflict', 'Only released versions can be deployed.');
      const deployment: Deployment = { id: nextId('d'), unitId: match[1]!, kind: entry.kind, documentId: entry.id, version: body.version, title: entry.title, contentHash: HASH, status: 'active', deployedAt: '2025-03-10T12:00:00Z', modules: [] };
      state.deployments.push(deployment);
      return json(201, deployment);
    }],
    ['POST', /^\/api\/care\/deployments\/([^/]+)\/withdraw$/, (match) => {
      const deployment = state.deployments.find((candidate) => candidate.id === match[1]);
      if (!deployment) return problem(404, 'Not found', 'No such deployment.');
      deployment.status = 'withdrawn';
      return json(200, deployment);
    }],
    ['GET', /^\/api\/catalog$/, () => json(200, { entries: state.catalog })],
    ['GET', /^\/api\/care\/units\/([^/]+)\/patients$/, () => json(200, { patients: state.patients })],
    ['POST', /^\/api\/care\/units\/([^/]+)\/enrollments$/, (_m, request) => {
      const body = request.body as { deploymentId?: string; patient?: { name?: string; email?: string }; language?: string };
      state.enrollRequests.push(body);
      const issues = [];
      if (!body.patient?.name) issues.push({ path: '/patient/name', message: 'Enter the patient’s name.' });
      if (!body.patient?.email?.includes('@')) issues.push({ path: '/patient/email', message: 'Enter an e-mail address.' });
      if (issues.length) return problem(422, 'Invalid', `The enrollment has ${issues.length} problems.`, issues);
      const id = nextId('e');
      state.patients.push({ enrollmentId: id, patient: { id: nextId('p'), name: body.patient!.name! }, deploymentId: body.deploymentId ?? '', title: 'Internet CBT for panic disorder (8 weeks)', status: 'invited', startedOn: null, openAlerts: 0, unreadMessages: 0, overdueReports: 0, lastActivityAt: null, attention: 0 });
      if (body.language) invitedLanguages.set(id, body.language);
      return json(201, { enrollment: { id, status: 'invited', ...(body.language ? { language: body.language } : {}) }, invitation: { code: 'WXYZ7-9876K', url: `https://careloom.example/#/invite/WXYZ7-9876K?lang=${body.language ?? 'en'}`, expiresAt: '2025-03-24T12:00:00Z' } });
    }],
    ['POST', /^\/api\/care\/enrollments\/([^/]+)\/invitation$/, (match) => {
      const row = state.patients.find((patient) => patient.enrollmentId === match[1]);
      if (!row) return problem(404, 'Not found', 'No such enrollment.');
      if (row.status !== 'invited') return problem(409, 'Conflict', 'The patient has already accepted the invitation; there is nothing to send again.');
      state.resentInvitations.push(row.enrollmentId);
      const code = `NEWC${state.resentInvitations.length}-ABCDE`;
      return json(201, { code, url: `https://careloom.example/#/invite/${code}?lang=${invitedLanguages.get(row.enrollmentId) ?? 'en'}`, expiresAt: '2025-03-31T12:00:00Z' });
    }],
    ['GET', /^\/api\/care\/enrollments\/([^/]+)$/, (match) => {
      const detail = enrollmentDetail(match[1]!);
      return detail ? json(200, detail) : problem(404, 'Not found', 'No such enrollment.');
    }],
    ['PATCH', /^\/api\/care\/enrollments\/([^/]+)$/, (match, request) => {
      const row = state.patients.find((patient) => patient.enrollmentId === match[1]);
      if (!row) return problem(404, 'Not found', 'No such enrollment.');
      row.status = (request.body as { status: PatientRow['status'] }).status;
      return json(200, { id: row.enrollmentId, status: row.status });
    }],
    ['GET', /^\/api\/care\/enrollments\/([^/]+)\/schedule$/, (match) => {
      const schedule = patientSchedule(match[1]!);
      return schedule ? json(200, schedule) : problem(404, 'Not found', 'No such enrollment.');
    }],
    ['POST', /^\/api\/care\/enrollments\/([^/]+)\/schedule\/changes$/, (match, request) => {
      const enrollmentId = match[1]!;
      if (!patientSchedule(enrollmentId)) return problem(404, 'Not found', 'No such enrollment.');
      const body = request.body as { kind: string; moduleKey?: string; deadline?: string | null; revision?: number };
      const adjusted = schedules.get(enrollmentId) ?? { revision: 0, hidden: [], early: {}, deadline: null };
      if (body.revision !== undefined && body.revision !== adjusted.revision) return problem(409, 'Conflict', 'Someone changed this patient\'s schedule at the same time; reload and try again.');
      if (body.kind === 'hideModule') adjusted.hidden = [...adjusted.hidden, body.moduleKey!];
      if (body.kind === 'showModule') adjusted.hidden = adjusted.hidden.filter((key) => key !== body.moduleKey);
      if (body.kind === 'unlockEarly') adjusted.early = { ...adjusted.early, [body.moduleKey!]: '2025-03-10T09:00:00.000Z' };
      if (body.kind === 'setDeadline') {
        if (body.deadline && !/^([01]\d|2[0-3]):[0-5]\d$/.test(body.deadline)) return problem(422, 'Invalid', 'Not a time of day.', [{ path: '/deadline', message: 'Not a time of day.' }]);
        adjusted.deadline = body.deadline ?? null;
      }
      schedules.set(enrollmentId, { ...adjusted, revision: adjusted.revision + 1 });
      return json(200, patientSchedule(enrollmentId));
    }],
    ['GET', /^\/api\/care\/enrollments\/([^/]+)\/responses$/, () => json(200, {
      responses: [
        { id: 'resp-a', clientId: '00000000-0000-4000-8000-000000000001', moduleId: 'phq-9', moduleVersion: 1, answers: { phq9_1: 'nearlyEveryDay', phq9_9: 'severalDays' }, completes: true, answeredAt: '2025-03-06T08:55:00Z', receivedAt: '2025-03-06T09:00:00Z', scores: [{ instrumentId: 'phq9', title: 'PHQ-9', total: 16, band: 'moderatelySevere', bandLabel: 'Moderately severe depression' }], zones: [] },
        {
          id: 'resp-b', clientId: '00000000-0000-4000-8000-000000000002', moduleId: 'copd-daily-report', moduleVersion: 1, registrationId: 'copdDaily', completes: false, answeredAt: '2025-03-05T08:00:00Z', receivedAt: '2025-03-05T08:01:00Z', scores: [],
          answers: { breathlessness: 'atRest', cough: 'more', sputumColour: 'yellow', temperature: 38.4, spo2: null, extraReliever: true },
          zones: [{ registrationId: 'copdDaily', fieldId: 'breathlessness', zone: 'red' }, { registrationId: 'copdDaily', fieldId: 'temperature', zone: 'yellow' }, { registrationId: 'copdDaily', fieldId: 'cough', zone: 'green' }],
        },
        {
          id: 'resp-c', clientId: '00000000-0000-4000-8000-000000000003', moduleId: 'panic-week-1', moduleVersion: 1, pageId: 'homework', completes: false, answeredAt: '2025-03-04T18:00:00Z', receivedAt: '2025-03-04T18:00:05Z', scores: [], zones: [],
          answers: { hadAttackLastWeek: true, mainFear: 'heart', diaryWhen: '2025-03-04T14:30', diaryWhere: 'On the bus to work', diarySensations: ['palpitations', 'dizzy'], diaryPeak: 7, diaryDuration: 15 },
        },
      ],
    })],
    ['GET', /^\/api\/care\/enrollments\/([^/]+)\/module-versions\/([^/]+)\/(\d+)$/, (match) => {
      const module = enrollmentDetail(match[1]!) ? modules[match[2]!] : undefined;
      return module && match[3] === '1' ? json(200, module, { ETag: `"${HASH}"` }) : problem(404, 'Not found', 'This enrollment is not on that version.');
    }],
    ['PUT', /^\/api\/care\/enrollments\/([^/]+)\/plans\/([^/]+)\/([^/]+)$/, (match, request) => {
      const plan = state.plans.find((candidate) => candidate.moduleId === match[2] && candidate.registrationId === match[3]);
      if (!plan) return problem(404, 'Not found', 'No such plan.');
      const rules = (request.body as { zones: Array<{ id: string; when: { value?: unknown } }> }).zones;
      const bad = rules.findIndex((rule) => typeof rule.when.value === 'number' && (rule.when.value < 34 || rule.when.value > 42));
      if (bad >= 0) return problem(422, 'Invalid', 'The plan has 1 problem.', [{ path: `/zones/${bad}/when/value`, message: 'Must be between 34 and 42.' }]);
      for (const zone of plan.zones) {
        zone.rules = (zone.rules ?? []).map((rule) => {
          const sent = rules.find((candidate) => candidate.id === rule.id);
          return sent ? { ...rule, when: sent.when as typeof rule.when, personal: true } : rule;
        });
      }
      return json(200, plan);
    }],
    ['GET', /^\/api\/care\/units\/([^/]+)\/alerts$/, (_m, request) => {
      const status = request.query.get('status');
      return json(200, { alerts: state.alerts.filter((alert) => (status === 'acknowledged' ? alert.acknowledgedAt : status === 'open' ? !alert.acknowledgedAt : true)) });
    }],
    ['POST', /^\/api\/care\/alerts\/([^/]+)\/acknowledge$/, (match, request) => {
      const alert = state.alerts.find((candidate) => candidate.id === match[1]);
      if (!alert) return problem(404, 'Not found', 'No such alert.');
      const action = (request.body as { action?: { kind: string; note?: string } } | undefined)?.action;
      if (!action) return problem(422, 'Invalid', 'The body must have "action".', [{ path: '/action', message: 'Required.' }]);
      if (action.kind === 'other' && !action.note?.trim()) return problem(422, 'Invalid', 'Say what was done.', [{ path: '/action/note', message: 'Say what was done: "other" needs a note.' }]);
      Object.assign(alert, { acknowledgedAt: '2025-03-10T12:00:00Z', acknowledgedBy: session?.person.name ?? '', actionTaken: action, overdue: false });
      const row = state.patients.find((patient) => patient.enrollmentId === alert.enrollmentId);
      if (row) row.openAlerts = Math.max(0, row.openAlerts - 1);
      return json(200, alert);
    }],
    ['GET', /^\/api\/care\/units\/([^/]+)\/report$/, () => json(200, state.report)],
    ['GET', /^\/api\/care\/units\/([^/]+)\/referrals$/, () => json(200, { referrals: state.referrals })],
    ['POST', /^\/api\/care\/referrals\/([^/]+)\/accept$/, (match, request) => {
      const referral = state.referrals.find((candidate) => candidate.id === match[1]);
      if (!referral) return problem(404, 'Not found', 'No such referral.');
      if (!(request.body as { deploymentId?: string }).deploymentId) return problem(422, 'Invalid', 'Choose a program.', [{ path: '/deploymentId', message: 'Choose a program.' }]);
      referral.status = 'accepted';
      return json(201, { enrollment: { id: nextId('e'), status: 'invited' }, invitation: { code: 'REF55-5555M', url: 'https://careloom.example/#/invite/REF55-5555M', expiresAt: '2025-03-24T12:00:00Z' } });
    }],
    ['POST', /^\/api\/care\/referrals\/([^/]+)\/decline$/, (match) => {
      const referral = state.referrals.find((candidate) => candidate.id === match[1]);
      if (!referral) return problem(404, 'Not found', 'No such referral.');
      referral.status = 'declined';
      return json(200, referral);
    }],
    ['GET', /^\/api\/public\/units\/([^/]+)\/intake$/, (match) => match[1] === 'u1' ? json(200, { unit: { id: 'u1', name: 'Clinic North', settings: unitSettings }, module: phq9, version: 1, contentHash: HASH }) : problem(404, 'Not found', 'No intake.')],
    ['POST', /^\/api\/public\/units\/([^/]+)\/intake$/, () => json(201, { id: nextId('r') })],
  ];

  const fake = {
    requests,
    state,
    offline: false,
    /** Responses the server has recorded, in order. */
    get recorded(): Array<{ enrollmentId: string; body: ResponseDocument }> {
      return [...recorded.values()].map(({ enrollmentId, body }) => ({ enrollmentId, body }));
    },
    signIn(role: Role | null): void {
      session = role ? sessions[role] : null;
    },
    fetch: (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(String(input), 'http://careloom.test');
      const method = (init.method ?? 'GET').toUpperCase();
      const headers = new Headers(init.headers);
      const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
      const request: FakeRequest = { method, path: url.pathname, query: url.searchParams, body, csrf: headers.get('X-CSRF-Token') };
      requests.push(request);
      if (fake.offline) throw new TypeError('Failed to fetch');
      const isPublic = url.pathname.startsWith('/api/public/') || url.pathname === '/api/auth/login';
      if (!isPublic && url.pathname !== '/api/auth/me' && url.pathname !== '/api/auth/session' && !session) return problem(401, 'Unauthorized', 'Sign in.');
      if (method !== 'GET' && !isPublic && session && request.csrf !== session.csrfToken) return problem(403, 'Forbidden', 'CSRF token missing or wrong.');
      for (const [routeMethod, pattern, handler] of routes) {
        if (routeMethod !== method) continue;
        const match = url.pathname.match(pattern);
        if (match) {
          const response = handler(match, request);
          if (response) return response;
        }
      }
      return problem(404, 'Not found', `No route ${method} ${url.pathname}`);
    }) as typeof fetch,
  };
  return fake;
}

export type FakeApi = ReturnType<typeof createFakeApi>;

/** An in-memory Storage for the answer queue and language choice. */
export function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}
