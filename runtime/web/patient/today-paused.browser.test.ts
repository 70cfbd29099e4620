import { expect, fixture, html } from '@open-wc/testing';
import { ApiClient } from '@careloom/client/api';
import { createFakeApi } from '../shared/test-api.js';
import { pierce, pierceAll, seriousViolations, until } from '../shared/test-helpers.js';
import type { ClTodayScreen } from './today-screen.js';
import './today-screen.js';

describe('<cl-today-screen> with a paused program', () => {
  it('says first, in the patient\'s language, that the program is paused', async () => {
    const fake = createFakeApi({ as: 'patient' });
    fake.state.enrollments[0]!.status = 'paused';
    const screen = await fixture<ClTodayScreen>(html`<cl-today-screen .api=${new ApiClient({ fetch: fake.fetch })} .language=${'sv'}></cl-today-screen>`);
    const notice = await until(() => pierceAll(screen, '[data-paused]')[0]);
    expect(notice.textContent).to.equal(`Din behandlare har pausat ”${fake.state.enrollments[0]!.title}”. Inget i det ska göras och du får inga påminnelser förrän det fortsätter; det du har öppnat kan du fortfarande läsa.`);
    // Before the messages and what is due, so an empty list is not mistaken for a fault.
    expect(notice.compareDocumentPosition(pierce(screen, 'section')) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(await seriousViolations(screen)).to.deep.equal([]);
  });

  it('says nothing of pauses when no program is paused', async () => {
    const fake = createFakeApi({ as: 'patient' });
    const screen = await fixture<ClTodayScreen>(html`<cl-today-screen .api=${new ApiClient({ fetch: fake.fetch })} .language=${'en'}></cl-today-screen>`);
    await until(() => pierceAll(screen, 'section').length > 0);
    expect(pierceAll(screen, '[data-paused]')).to.have.length(0);
  });
});
