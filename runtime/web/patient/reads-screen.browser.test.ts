import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ApiClient } from '@careloom/client/api';
import { deep, deepAll, overflowing, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClReadsScreen } from './reads-screen.js';
import './reads-screen.js';
import type { ClPasswordResetScreen } from '../shared/password-reset-screen.js';
import '../shared/password-reset-screen.js';

const json = (body: unknown, status = 200) => new Response(status === 204 || status === 202 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });

describe('<cl-reads-screen>', () => {
  it('shows who read the patient\'s data, with role and unit, in the patient\'s language', async () => {
    const fetch = async () => json({ reads: [{ at: '2026-03-02T08:00:00.000Z', name: 'Tess Therapist', role: 'therapist', unit: 'Unit North' }, { at: '2026-03-01T08:00:00.000Z', name: null, role: null, unit: null }] });
    const screen = await fixture<ClReadsScreen>(html`<cl-reads-screen .api=${new ApiClient({ fetch })} language="sv"></cl-reads-screen>`);
    await until(() => deepAll(screen, '.read').length === 2);
    expect(deepAll(screen, '.read strong').map((name) => name.textContent)).to.deep.equal(['Tess Therapist', 'Någon som inte längre finns i Careloom']);
    expect(deep(screen, '.read p').textContent).to.contain('Behandlare, Unit North');
    expect(deep(screen, 'time').getAttribute('datetime')).to.equal('2026-03-02T08:00:00.000Z');
    expect(await seriousViolations(screen)).to.deep.equal([]);
    await setViewport({ width: 360, height: 800 });
    expect(overflowing(screen, 360)).to.deep.equal([]);
    await setViewport({ width: 1024, height: 800 });
  });
});

describe('<cl-password-reset-screen>', () => {
  it('asks for the address and says the same whatever the answer', async () => {
    const calls: string[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(`${String(input)} ${String(init?.body)}`);
      return json(null, 202);
    };
    const screen = await fixture<ClPasswordResetScreen>(html`<cl-password-reset-screen .api=${new ApiClient({ fetch })} language="nb"></cl-password-reset-screen>`);
    (deep(screen, 'input[name="email"]') as HTMLInputElement).value = 'ada@example.org';
    (deep(screen, 'form') as HTMLFormElement).requestSubmit();
    await until(() => screen.done);
    await settleAll(screen);
    expect(calls).to.deep.equal(['/api/public/password-reset {"email":"ada@example.org","language":"nb"}']);
    expect(deep(screen, '[role="status"]').textContent).to.contain('Hvis adressen hører til en konto');
  });

  it('sets the new password with the link\'s token, and shows a refused link plainly', async () => {
    let status = 404;
    const fetch = async () => (status === 204 ? json(null, 204) : json({ type: 'https://careloom.org/problems/not_found', title: 'Not found', status: 404, detail: 'This link is unknown, already used or expired.' }, 404));
    const screen = await fixture<ClPasswordResetScreen>(html`<cl-password-reset-screen .api=${new ApiClient({ fetch })} token="t0ken"></cl-password-reset-screen>`);
    (deep(screen, 'input[name="password"]') as HTMLInputElement).value = 'a brand new long password';
    (deep(screen, 'form') as HTMLFormElement).requestSubmit();
    await until(() => screen.error);
    await settleAll(screen);
    expect(deep(screen, '[role="alert"]').textContent).to.not.equal('');
    status = 204;
    (deep(screen, 'form') as HTMLFormElement).requestSubmit();
    await until(() => screen.done);
    await settleAll(screen);
    expect(deep(screen, '[role="status"]').textContent).to.equal('Your new password is saved.');
    expect(await seriousViolations(screen)).to.deep.equal([]);
  });
});
