// The engine runs unchanged in the browser (designer preview, patient app): these checks run in Chromium,
// whose Intl time-zone data may differ from Node's.
import { expect } from '@open-wc/testing';
import { evaluateCondition } from './conditions.js';
import { localDateOf, localDateTimeToInstant, localTimeOf } from './zoned-time.js';

describe('engine in the browser', () => {
  it('turns a Stockholm deadline into the right instant on both sides of the spring DST change', () => {
    expect(localDateTimeToInstant('2026-03-28', '12:00', 'Europe/Stockholm')).to.equal('2026-03-28T11:00:00.000Z');
    expect(localDateTimeToInstant('2026-03-30', '12:00', 'Europe/Stockholm')).to.equal('2026-03-30T10:00:00.000Z');
  });

  it('reads the local date and time of an instant near midnight', () => {
    expect(localDateOf('2026-10-24T22:30:00.000Z', 'Europe/Stockholm')).to.equal('2026-10-25');
    expect(localTimeOf('2026-10-24T22:30:00.000Z', 'Europe/Stockholm')).to.equal('00:30');
  });

  it('evaluates conditions on answers', () => {
    expect(evaluateCondition({ op: 'gte', item: 'hours', value: 7 }, { hours: 8 })).to.equal(true);
    expect(evaluateCondition({ op: 'ne', item: 'smoker', value: true }, {})).to.equal(false);
  });
});
