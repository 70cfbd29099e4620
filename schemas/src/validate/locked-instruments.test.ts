import { describe, expect, it } from 'vitest';
import type { InstrumentBlock, Module } from '../generated/format.js';
import { checkLockedInstrumentChanges } from './index.js';
import { broken, validModule } from './test-fixtures.js';
import { expectIssues } from './test-helpers.js';

const isi = '/pages/1/blocks/0';
const edit = (change: (instrument: InstrumentBlock, module: Module) => void) =>
  broken(validModule(), (module) => change(module.pages[1]?.blocks[0] as InstrumentBlock, module));

describe('checkLockedInstrumentChanges', () => {
  it('allows new translations, other edits and unlocked instruments', () => {
    const next = edit((instrument, module) => {
      instrument.items[0]!.text['de'] = 'Einschlafen';
      instrument.scoring.bands[0]!.label['de'] = 'Keine';
      instrument.tests.push({ name: 'more', answers: {}, expect: { total: null } });
      module.pages[0]!.title = { sv: 'Ny', en: 'New' };
    });
    expect(checkLockedInstrumentChanges(validModule(), next)).toEqual([]);
    const unlocked = edit((instrument) => { instrument.locked = false; });
    expect(checkLockedInstrumentChanges(unlocked, edit((instrument) => { instrument.items.reverse(); }))).toEqual([]);
  });

  it('refuses unlocking', () => {
    expectIssues(checkLockedInstrumentChanges(validModule(), edit((instrument) => { delete instrument.locked; })), [
      { code: 'locked.unlocked', path: `${isi}/locked`, mentions: ['Instrument "isi"'] },
    ]);
  });

  it('refuses reordered, added or renamed items and changed reversal', () => {
    expectIssues(checkLockedInstrumentChanges(validModule(), edit((instrument) => {
      instrument.items.reverse();
      instrument.items[1]!.reversed = true;
    })), [
      { code: 'locked.items_changed', path: `${isi}/items`, mentions: ['"isi"', '"i1", "i2", "i3"'] },
      { code: 'locked.item_changed', path: `${isi}/items/1`, mentions: ['item 2 ("i2")', 'reversed'] },
    ]);
  });

  it('refuses changed options, scores and scoring', () => {
    expectIssues(checkLockedInstrumentChanges(validModule(), edit((instrument) => {
      instrument.options![1]!.score = 5;
      instrument.scoring.bands[0]!.max = 3;
    })), [
      { code: 'locked.options_changed', path: `${isi}/options`, mentions: ['"some" (1)'] },
      { code: 'locked.scoring_changed', path: `${isi}/scoring`, mentions: ['"isi"', 'scoring'] },
    ]);
  });

  it('refuses changed wording in a language the previous version had', () => {
    expectIssues(checkLockedInstrumentChanges(validModule(), edit((instrument) => {
      instrument.items[2]!.text['en'] = 'Worrying';
      instrument.scoring.bands[1]!.label['sv'] = 'Lindrig';
    })), [
      { code: 'locked.text_changed', path: `${isi}/items/2/text/en`, mentions: ['item 3 ("i3")', '"en"'] },
      { code: 'locked.text_changed', path: `${isi}/scoring/bands/1/label/sv`, mentions: ['band 2 ("mild")', '"sv"'] },
    ]);
  });
});

describe('checkLockedInstrumentChanges and the safety protocol', () => {
  it('allows setting or changing an alert rule\'s response deadline, which is the service\'s, not the instrument\'s', () => {
    const withRule = edit((instrument) => {
      instrument.scoring.alerts = [{ id: 'high', level: 'urgent', message: { sv: 'Hög', en: 'High' }, when: { of: 'total', op: 'gte', value: 8 } }];
    });
    const withDeadline = broken(withRule, (module) => {
      (module.pages[1]!.blocks[0] as InstrumentBlock).scoring.alerts![0]!.response = { sameWorkingDay: true, escalate: true };
    });
    expect(checkLockedInstrumentChanges(withRule, withDeadline)).toEqual([]);
    const changedLevel = broken(withDeadline, (module) => {
      (module.pages[1]!.blocks[0] as InstrumentBlock).scoring.alerts![0]!.level = 'info';
    });
    expect(checkLockedInstrumentChanges(withDeadline, changedLevel).map((found) => found.code)).toEqual(['locked.scoring_changed']);
  });
});
