import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { MemberInvitation, StaffDirectory } from '@careloom/format/api';
import { ApiClient } from '@careloom/client/api';
import { deep, deepAll, overflowing, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClStaffScreen } from './staff-screen.js';
import './staff-screen.js';

/** A small fake of the staff endpoints: it records each call and answers from `state`. */
function staffFake() {
  const state: { directory: StaffDirectory; invitations: MemberInvitation[]; calls: string[] } = {
    directory: {
      members: [
        { person: { id: 'p1', name: 'Ada Admin', email: 'ada@example.org' }, roles: ['permissions_admin'] },
        { person: { id: 'p2', name: 'Tess Therapist', email: 'tess@example.org' }, roles: ['therapist'], unitRoles: [{ role: 'therapist', unitId: 'u1' }] },
      ],
      units: [
        { id: 'u1', name: 'Unit North', active: true },
        { id: 'u2', name: 'Unit South', active: true },
      ],
    },
    invitations: [],
    calls: [],
  };
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), location.origin);
    const method = init?.method ?? 'GET';
    state.calls.push(`${method} ${url.pathname}${method === 'GET' ? '' : ` ${String(init?.body ?? '')}`}`);
    if (method === 'GET' && url.pathname === '/api/care/providers/o1/staff') return json(state.directory);
    if (method === 'GET' && url.pathname === '/api/organisations/o1/invitations') return json({ invitations: state.invitations });
    if (method === 'POST' && url.pathname === '/api/organisations/o1/invitations') {
      const body = JSON.parse(String(init?.body)) as { email: string; roles: string[] };
      if (body.email === 'member@example.org') return new Response(JSON.stringify({ type: 'https://careloom.dev/problems/conflict', title: 'Conflict', status: 409, detail: 'This person is already a member of the organisation; change their roles instead.' }), { status: 409, headers: { 'Content-Type': 'application/problem+json' } });
      const invitation = { id: 'i1', email: body.email, roles: body.roles, invitedBy: { id: 'p1', name: 'Ada Admin' }, createdAt: '2026-03-01T08:00:00Z', sentAt: '2026-03-01T08:00:00Z', expiresAt: '2026-03-08T08:00:00Z', expired: false } as MemberInvitation;
      state.invitations = [invitation];
      return json(invitation, 201);
    }
    if (method === 'PUT' && url.pathname === '/api/care/units/u2/therapists/p2') {
      state.directory.members[1]!.unitRoles = [...(state.directory.members[1]!.unitRoles ?? []), { role: 'therapist', unitId: 'u2' }];
      return new Response(null, { status: 204 });
    }
    if (method === 'POST' && url.pathname === '/api/organisations/o1/members/p2/disable') {
      state.directory.members[1]!.person.disabledAt = '2026-03-01T09:00:00Z';
      return new Response(null, { status: 204 });
    }
    return json({ type: 'https://careloom.dev/problems/not_found', title: 'Not found', status: 404, detail: 'No such thing.' }, 404);
  };
  return { state, fetch };
}

async function mount(language = 'en') {
  const fake = staffFake();
  const screen = await fixture<ClStaffScreen>(html`<cl-staff-screen .api=${new ApiClient({ fetch: fake.fetch })} language=${language} organisation-id="o1"></cl-staff-screen>`);
  await until(() => screen.directory !== null);
  await settleAll(screen);
  return { screen, fake };
}

describe('<cl-staff-screen>', () => {
  it('lists the staff with their roles and, for therapists, the units they work in', async () => {
    const { screen } = await mount();
    const tess = deep(screen, '[data-person="p2"]');
    expect(tess.querySelector('h2')!.textContent).to.contain('Tess Therapist');
    expect((tess.querySelector('[data-role="therapist"]') as HTMLInputElement).checked).to.equal(true);
    expect((tess.querySelector('[data-unit="u1"]') as HTMLInputElement).checked).to.equal(true);
    expect((tess.querySelector('[data-unit="u2"]') as HTMLInputElement).checked).to.equal(false);
    // An admin who is no therapist has no units to choose.
    expect(deep(screen, '[data-person="p1"]').querySelector('[data-unit]')).to.equal(null);
  });

  it('assigns a therapist to a unit and disables an account, saving each change at once', async () => {
    const { screen, fake } = await mount();
    (deep(screen, '[data-person="p2"] [data-unit="u2"]') as HTMLInputElement).click();
    await until(() => fake.state.calls.some((call) => call.startsWith('PUT /api/care/units/u2/therapists/p2')));
    await until(() => (deep(screen, '[data-person="p2"] [data-unit="u2"]') as HTMLInputElement).checked);
    (deep(screen, '[data-person="p2"] [data-action="disable"]') as HTMLButtonElement).click();
    await until(() => deep(screen, '[data-person="p2"] [data-action="enable"]'));
    expect(deep(screen, '[data-person="p2"] h2').textContent).to.contain('disabled');
    expect(deep(screen, '[role="status"]').textContent).to.contain('Tess Therapist is signed out');
  });

  it('invites by e-mail with roles, asks for a role first, and shows the server\'s refusal', async () => {
    const { screen, fake } = await mount('sv');
    const form = deep(screen, 'form') as HTMLFormElement;
    (form.querySelector('input[name="email"]') as HTMLInputElement).value = 'new@example.org';
    form.requestSubmit();
    await until(() => deep(screen, 'form [role="alert"]'));
    expect(deep(screen, 'form [role="alert"]').textContent).to.equal('Välj minst en roll.');
    (form.querySelector('input[value="therapist"]') as HTMLInputElement).checked = true;
    form.requestSubmit();
    await until(() => deepAll(screen, '[data-invitation]').length === 1);
    expect(fake.state.calls).to.include('POST /api/organisations/o1/invitations {"email":"new@example.org","roles":["therapist"],"language":"sv"}');
    (form.querySelector('input[name="email"]') as HTMLInputElement).value = 'member@example.org';
    (form.querySelector('input[value="therapist"]') as HTMLInputElement).checked = true;
    form.requestSubmit();
    await until(() => deep(screen, 'form [role="alert"]')?.textContent?.includes('already a member'));
  });

  it('passes axe and fits a 360 px screen', async () => {
    const { screen } = await mount();
    expect(await seriousViolations(screen)).to.deep.equal([]);
    await setViewport({ width: 360, height: 800 });
    expect(overflowing(screen, 360)).to.deep.equal([]);
    await setViewport({ width: 1024, height: 800 });
  });
});
