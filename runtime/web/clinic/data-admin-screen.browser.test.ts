import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ApiClient } from '@careloom/client/api';
import { deep, deepAll, overflowing, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import { auditQuery, type ClDataScreen } from './data-admin-screen.js';
import './data-admin-screen.js';

const entry = (id: string, at: string) => ({ id, at, action: 'patient.read', actor: { id: 'p2', name: 'Tess Therapist', role: 'therapist' }, unit: { id: 'u1', name: 'Unit North' }, patientId: 'pat-1' });

function fake() {
  const calls: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), location.origin);
    calls.push(`${init?.method ?? 'GET'} ${url.pathname}${url.search}${init?.body ? ` ${String(init.body)}` : ''}`);
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    if (url.pathname === '/api/data/providers/o1/audit') return json(url.searchParams.get('cursor') ? { entries: [entry('a3', '2026-03-01T08:00:00Z')], nextCursor: null } : { entries: [entry('a1', '2026-03-02T09:00:00Z'), entry('a2', '2026-03-02T08:00:00Z')], nextCursor: 7 });
    if (url.pathname === '/api/data/providers/o1/audit/review') return json({ offCaseload: [{}], outsideHours: [{}, {}], manyPatients: [{ actorId: 'p2', actorName: 'Tess Therapist', day: '2026-03-02', patients: 41 }] });
    if (url.pathname === '/api/data/providers/o1/patients/pat-1/purge') return json({ enrollments: 1, responses: 3, messages: 2, alerts: 1 });
    return new Response(null, { status: 404 });
  };
  return { calls, fetch };
}

describe('<cl-data-screen>', () => {
  it('builds the query from the filled-in fields only', () => {
    expect(auditQuery({ patientId: ' pat-1 ', actorId: '', from: '2026-03-01' })).to.equal('patientId=pat-1&from=2026-03-01');
  });

  it('searches the audit log, pages on, offers the CSV of the same search, and runs the review', async () => {
    const { calls, fetch } = fake();
    const screen = await fixture<ClDataScreen>(html`<cl-data-screen .api=${new ApiClient({ fetch })} organisation-id="o1"></cl-data-screen>`);
    const search = deep(screen, '[data-form="search"]') as HTMLFormElement;
    (search.querySelector('input[name="patientId"]') as HTMLInputElement).value = 'pat-1';
    search.requestSubmit();
    await until(() => deepAll(screen, '[data-entry]').length === 2);
    expect(deep(screen, '[data-entry="a1"]').textContent).to.contain('Tess Therapist (therapist)');
    expect(deep(screen, 'a[download]').getAttribute('href')).to.equal('/api/data/providers/o1/audit/export?patientId=pat-1');
    (deep(screen, '[data-action="more"]') as HTMLButtonElement).click();
    await until(() => deepAll(screen, '[data-entry]').length === 3);
    expect(calls).to.include('GET /api/data/providers/o1/audit?patientId=pat-1&cursor=7');
    const review = deep(screen, '[data-form="review"]') as HTMLFormElement;
    (review.querySelector('input[name="from"]') as HTMLInputElement).value = '2026-03-01';
    (review.querySelector('input[name="until"]') as HTMLInputElement).value = '2026-03-08';
    review.requestSubmit();
    await until(() => deep(screen, '[data-review="many"]'));
    expect(deep(screen, '[data-review="many"]').textContent).to.equal('Tess Therapist read 41 patients on 2026-03-02');
    expect(deep(screen, '[data-review="outside-hours"]').textContent).to.contain(': 2');
    await settleAll(screen);
    expect(await seriousViolations(screen)).to.deep.equal([]);
    await setViewport({ width: 360, height: 800 });
    expect(overflowing(screen, 360).filter((name) => !name.startsWith('table'))).to.deep.equal([]);
    await setViewport({ width: 1024, height: 800 });
  });

  it('offers the patient\'s export and purges only with the id typed again', async () => {
    const { calls, fetch } = fake();
    const screen = await fixture<ClDataScreen>(html`<cl-data-screen .api=${new ApiClient({ fetch })} organisation-id="o1"></cl-data-screen>`);
    const form = deep(screen, '[data-form="purge"]') as HTMLFormElement;
    const id = form.querySelector('input[name="patientId"]') as HTMLInputElement;
    id.value = 'pat-1';
    id.dispatchEvent(new Event('input'));
    await until(() => deep(screen, '[data-export="csv"]'));
    expect(deep(screen, '[data-export="csv"]').getAttribute('href')).to.equal('/api/data/providers/o1/patients/pat-1/export?format=csv');
    (form.querySelector('input[name="confirm"]') as HTMLInputElement).value = 'pat-1';
    form.requestSubmit();
    await until(() => screen.message);
    expect(screen.error).to.equal('');
    expect(screen.message).to.contain('erased');
    expect(calls).to.include('POST /api/data/providers/o1/patients/pat-1/purge {"reason":"request","confirm":"pat-1"}');
  });
});
