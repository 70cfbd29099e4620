// The engine runs unchanged in the browser (designer preview, patient app): these checks run in Chromium,
// whose Intl time-zone data may differ from Node's.
import { expect } from '@open-wc/testing';
import { canonicalJson } from './canonical-json.js';
import { contentHash } from './content-hash.js';
import { evaluateCondition } from './conditions.js';
import { programWeek, weekStart } from './program-weeks.js';
import { programStatus } from './schedule.js';
import { localDateOf, localDateTimeToInstant, localMidnight, localTimeOf, parseInstant } from './zoned-time.js';

describe('engine in the browser', () => {
  it('turns a Stockholm deadline into the right instant on both sides of the spring DST change', () => {
    expect(localDateTimeToInstant('2026-03-28', '12:00', 'Europe/Stockholm')).to.equal('2026-03-28T11:00:00.000Z');
    expect(localDateTimeToInstant('2026-03-29', '12:00', 'Europe/Stockholm')).to.equal('2026-03-29T10:00:00.000Z');
    expect(localDateTimeToInstant('2026-03-30', '12:00', 'Europe/Stockholm')).to.equal('2026-03-30T10:00:00.000Z');
    expect(localDateTimeToInstant('2026-03-29', '02:30', 'Europe/Stockholm')).to.equal('2026-03-29T01:30:00.000Z');
    expect(localDateTimeToInstant('2026-10-25', '02:30', 'Europe/Stockholm')).to.equal('2026-10-25T00:30:00.000Z');
  });

  it('reads the local date and time of an instant near midnight', () => {
    expect(localDateOf('2026-10-24T22:30:00.000Z', 'Europe/Stockholm')).to.equal('2026-10-25');
    expect(localTimeOf('2026-10-24T22:30:00.000Z', 'Europe/Stockholm')).to.equal('00:30');
    expect(localMidnight('2026-03-30', 'Europe/Stockholm')).to.equal('2026-03-29T22:00:00.000Z');
  });

  it('counts program weeks in the patient’s zone across a DST change', () => {
    expect(weekStart('2026-03-23T08:00:00.000Z', 'Europe/Stockholm', 2)).to.equal('2026-03-29T22:00:00.000Z');
    expect(programWeek('2026-03-02T03:00:00.000Z', 'America/New_York', '2026-03-08T10:00:00.000Z')).to.equal(2);
    expect(programWeek('2026-03-02T03:00:00.000Z', 'Asia/Tokyo', '2026-03-08T10:00:00.000Z')).to.equal(1);
  });

  it('refuses an impossible date that Date.parse would roll over', () => {
    expect(() => parseInstant('2026-02-30T00:00:00Z')).to.throw();
  });

  it('gives the same programme status as Node', () => {
    const status = programStatus(
      {
        formatVersion: 1, id: 'p', title: { en: 'p' }, languages: ['en'], defaultLanguage: 'en', durationWeeks: 2,
        modules: [{ key: 'intro', module: { moduleId: 'intro' }, unlock: {} }],
        registrations: [{ id: 'diary', module: { moduleId: 'copd' }, registration: 'entry', frequency: 'daily', deadline: '12:00' }],
      },
      { startedAt: '2026-03-23T08:00:00.000Z', timeZone: 'Europe/Stockholm', now: '2026-03-29T09:00:00.000Z', completedModules: {}, measurementsDone: [], registrationsDone: [] },
    );
    expect(status.dueRegistrations[0]?.dueAt).to.equal('2026-03-29T10:00:00.000Z');
  });

  it('writes the same canonical JSON and content hash as Node', () => {
    expect(canonicalJson({ b: [1e21, -0], a: '\u20ac' })).to.equal('{"a":"€","b":[1e+21,0]}');
    expect(contentHash({ a: 1 })).to.equal('015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
  });

  it('evaluates conditions on answers', () => {
    expect(evaluateCondition({ op: 'gte', item: 'hours', value: 7 }, { hours: 8 })).to.equal(true);
    expect(evaluateCondition({ op: 'ne', item: 'smoker', value: true }, {})).to.equal(false);
  });
});
