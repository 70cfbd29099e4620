import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { createReleasedContent } from '../domain/care/released-content.js';
import { DomainError } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';
import { createResearchExportService } from '../domain/research-export/research-export.js';
import type { AppEnv } from '../http/app-env.js';
import { problemResponse } from '../http/problem.js';
import { CARE_ROLES, carePrincipal, createCareTestApp } from '../testing/care-test-app.js';
import type { CareTestApp } from '../testing/care-test-app.js';
import { expectStatus, phq9Answers, responseBody, seedCareScenario } from '../testing/care-scenario.js';
import { checkResponseContract } from '../testing/response-contract.js';
import { researchExportRoutes } from './research-export.js';

const ALL_ROLES = ['anonymous', 'data-admin', ...CARE_ROLES];
const BASE = '/api/care/providers/care-1/research-exports';
const DOC = `${'/api/care/providers/care-1/research-exports'}/panic-icbt-8-weeks`;
let t: CareTestApp;
let app: Hono<AppEnv>;

/** A data administrator of care-1 (the fixture's publisher person, given the role here). */
const dataAdmin: Principal = { personId: 'person-publisher', name: 'Data admin', email: 'data@example.org', memberships: [{ organisationId: 'care-1', role: 'data_admin' }], sessionId: 'session-data' } as Principal;

/** RFC 4180 as spreadsheets read it: quoted fields, doubled quotes, line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') endField();
    else if (char === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else if (char !== '\r') field += char;
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

async function call(who: string | undefined, path: string) {
  const response = await app.request(path, { headers: who ? { 'x-test-principal': who } : {} });
  const text = await response.text();
  const csv = (response.headers.get('content-type') ?? '').startsWith('text/csv');
  const parsed = csv || text === '' ? text : (JSON.parse(text) as unknown);
  if (!csv) checkResponseContract('GET', path.split('?')[0]!, response.status, response.headers.get('content-type'), parsed);
  return { status: response.status, body: parsed as Record<string, unknown> & string, text, headers: response.headers };
}

const auditRows = () => t.db.prepare("SELECT actor_id, actor_role, organisation_id, object_id, details FROM audit_log WHERE action = 'research.export' ORDER BY seq").all() as Array<{ actor_id: string; actor_role: string; organisation_id: string; object_id: string; details: string }>;

beforeAll(async () => {
  t = await createCareTestApp();
  const scenario = await seedCareScenario(t);
  for (const [who, enrollmentId, item9, at] of [
    ['patient', scenario.panicEnrollmentId, 'notAtAll', '2026-03-02T08:30:00.000Z'],
    ['patient', scenario.panicEnrollmentId, 'severalDays', '2026-03-09T08:30:00.000Z'],
    ['other-patient', scenario.otherEnrollmentId, 'nearlyEveryDay', '2026-03-10T08:30:00.000Z'],
  ] as const) {
    t.clock.set(new Date(Date.parse(at) + 60_000));
    expectStatus(await t.call(who, 'POST', `/api/me/enrollments/${enrollmentId}/responses`, responseBody('phq-9', phq9Answers(item9), { completes: true, answeredAt: at })), 201);
  }
  const researchExport = createResearchExportService({ care: t.stores.care, content: createReleasedContent(t.stores.authoring), audit: t.stores.audit, pseudonymSecret: Buffer.alloc(32, 7), now: () => t.clock.now(), newId: () => crypto.randomUUID() });
  app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('requestId', 'req-export');
    const who = c.req.header('x-test-principal');
    if (who) c.set('principal', who === 'data-admin' ? dataAdmin : carePrincipal(who));
    await next();
  });
  app.route('/', researchExportRoutes({ researchExport, clientIp: () => '192.0.2.4' }));
  app.onError((error, c) => {
    if (error instanceof DomainError) return problemResponse(c, error);
    throw error;
  });
});

describe('research export routes: every route × every role', () => {
  const allowed = (success: number) => ({ ...Object.fromEntries(ALL_ROLES.map((role) => [role, 403])), anonymous: 401, 'other-admin': 404, 'care-admin': success, 'data-admin': success });
  const cases = [
    { name: 'what can be exported', path: BASE },
    { name: 'manifest', path: `${DOC}/manifest` },
    { name: 'codebook file', path: `${DOC}/files/codebook.csv` },
  ];
  for (const endpoint of cases) {
    const expected = allowed(200);
    it(`${endpoint.name}: covers every role`, () => expect(Object.keys(expected).sort()).toEqual([...ALL_ROLES].sort()));
    for (const [role, status] of Object.entries(expected)) {
      it(`${endpoint.name}: ${role} → ${status}`, async () => {
        const response = await call(role === 'anonymous' ? undefined : role, endpoint.path);
        expect(response.status, response.text).toBe(status);
      });
    }
  }

  it('refuses another organisation\'s deployment, even to its own admin through their own provider', async () => {
    expect((await call('other-admin', `/api/care/providers/care-2/research-exports/panic-icbt-8-weeks/manifest`)).status).toBe(404);
    expect((await call('other-admin', `/api/care/providers/care-2/research-exports/panic-icbt-8-weeks/files/codebook.csv`)).status).toBe(404);
    expect((await call('care-admin', `${DOC}/manifest?unitId=unit-3`)).status).toBe(404);
  });

  it('names what is wrong with a configuration', async () => {
    for (const [query, path] of [['from=2026-13-01', '/from'], ['from=2026-03-10&to=2026-03-01', '/to'], ['moduleVersion=1', '/moduleVersion'], ['moduleId=phq-9&moduleVersion=x', '/moduleVersion']]) {
      const response = await call('care-admin', `${DOC}/manifest?${query}`);
      expect(response.status, query).toBe(422);
      expect(JSON.stringify(response.body), query).toContain(path);
    }
    expect((await call('care-admin', `${DOC}/files/audit_log.csv`)).status).toBe(404);
  });
});

describe('the export of the demo program', () => {
  it('lists the deployed programs with their units and module versions', async () => {
    const documents = (await call('data-admin', BASE)).body.documents as Array<{ documentId: string; units: Array<{ id: string }>; modules: Array<{ moduleId: string }> }>;
    const panic = documents.find((document) => document.documentId === 'panic-icbt-8-weeks')!;
    expect(panic.units.map((unit) => unit.id)).toEqual(['unit-1']);
    expect(panic.modules.map((module) => module.moduleId)).toContain('phq-9');
  });

  it('parses as CSV whose columns are exactly the codebook\'s, one row per completed questionnaire, under stable pseudonyms', async () => {
    const manifest = (await call('care-admin', `${DOC}/manifest`)).body as unknown as { files: Array<{ name: string; rows: number; kind: string }>; participants: number };
    expect(manifest.participants).toBe(2);
    const phq = manifest.files.find((file) => file.name.startsWith('phq-9_v1_'))!;
    expect(phq).toMatchObject({ kind: 'instrument', rows: 3 });
    const codebookResponse = await call('care-admin', `${DOC}/files/codebook.csv`);
    expect(codebookResponse.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(codebookResponse.headers.get('cache-control')).toBe('no-store');
    const codebook = parseCsv(codebookResponse.text);
    expect(codebook[0]).toEqual(['file', 'column', 'label', 'type', 'options', 'code', 'module', 'module_version', 'source']);
    expect(codebook.length - 1).toBe(manifest.files.find((file) => file.kind === 'codebook')!.rows);
    const described = codebook.slice(1).filter((row) => row[0] === phq.name);
    const item9 = described.find((row) => row[1] === 'phq9_9')!;
    expect(item9[2]).toMatch(/better off dead/);
    expect(item9[3]).toBe('categorical');
    expect(item9[4]).toMatch(/notAtAll = Not at all \[score 0\].*nearlyEveryDay = Nearly every day \[score 3\]/);
    expect(item9[5]).toBe('44260-8');
    expect(described.find((row) => row[1]!.endsWith('_total'))![5]).toBe('44261-6');

    const file = await call('data-admin', `${DOC}/files/${phq.name}`);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${phq.name}"`);
    const rows = parseCsv(file.text);
    expect(rows[0]).toEqual(described.map((row) => row[1]));
    expect(rows).toHaveLength(1 + phq.rows);
    const column = (name: string) => rows[0]!.indexOf(name);
    const byItem9 = (value: string) => rows.slice(1).find((row) => row[column('phq9_9')] === value)!;
    expect(rows.slice(1).map((row) => row[column('phq9_9')]).sort()).toEqual(['nearlyEveryDay', 'notAtAll', 'severalDays']);
    expect(Number(byItem9('severalDays')[column('day')]) - Number(byItem9('notAtAll')[column('day')])).toBe(7);
    expect(byItem9('notAtAll')[column('answered_at')]).toBe('2026-03-02T08:30:00.000Z');
    expect(byItem9('severalDays')[column(`${phq.name.replace('phq-9_v1_', '').replace('.csv', '')}_total`)]).toMatch(/^\d+$/);
    const participants = rows.slice(1).map((row) => row[0]!);
    const patient = byItem9('notAtAll')[0]!;
    expect(patient).toMatch(/^P[0-9a-f]{16}$/);
    expect(byItem9('severalDays')[0]).toBe(patient);
    expect(byItem9('nearlyEveryDay')[0]).not.toBe(patient);
    expect(file.text).not.toMatch(/person-patient|person-other-patient|Pat Patient|@example\.org/);

    // The same configuration gives the same pseudonyms; another configuration other ones.
    const again = parseCsv((await call('care-admin', `${DOC}/files/${phq.name}`)).text);
    expect(again.slice(1).map((row) => row[0])).toEqual(participants);
    const narrowed = parseCsv((await call('care-admin', `${DOC}/files/${phq.name}?from=2026-03-09`)).text);
    expect(narrowed.slice(1).map((row) => row[column('phq9_9')]).sort()).toEqual(['nearlyEveryDay', 'severalDays']);
    expect(narrowed.slice(1).some((row) => participants.includes(row[0]!))).toBe(false);
  });

  it('audits every file handed out, with who and which configuration', async () => {
    const before = auditRows().length;
    await call('data-admin', `${DOC}/files/codebook.csv?moduleId=phq-9&moduleVersion=1&to=2026-03-31`);
    const [row] = auditRows().slice(before);
    expect(row).toMatchObject({ actor_id: 'person-publisher', actor_role: 'data_admin', organisation_id: 'care-1', object_id: 'panic-icbt-8-weeks' });
    expect(JSON.parse(row!.details)).toEqual({ file: 'codebook.csv', scope: { moduleId: 'phq-9', moduleVersion: 1, from: null, to: '2026-03-31' } });
    await call('care-admin', `${DOC}/manifest`);
    expect(auditRows().length).toBe(before + 1);
  });
});
