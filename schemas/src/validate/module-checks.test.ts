import { describe, expect, it } from 'vitest';
import { validateModule } from './index.js';
import { broken, text, validModule } from './test-fixtures.js';
import { expectIssues } from './test-helpers.js';

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests break documents on purpose

const brokenModule = (change: (doc: Loose) => void) => validateModule(broken(validModule() as unknown as Loose, change));
const instrument = (doc: Loose) => doc.pages[1].blocks[0];
const isi = '/pages/1/blocks/0';

describe('validateModule', () => {
  it('accepts the fixture and returns it', () => {
    const result = validateModule(validModule());
    expect(result).toEqual({ ok: true, value: validModule(), issues: [] });
  });
});

describe('ids', () => {
  it('are unique across pages, blocks, items and fields', () => {
    expectIssues(brokenModule((doc) => {
      doc.pages[0].blocks[4].id = 'mood';
      doc.pages[2].blocks[0].fields[1].id = 'i2';
      doc.pages[2].id = 'intro';
    }), [
      { code: 'ids.duplicate', path: '/pages/0/blocks/4/id', mentions: ['Page 1 block 5 (question "mood")', '"mood"', 'page 1 block 2 (question "mood")'] },
      { code: 'ids.duplicate', path: '/pages/2/id', mentions: ['"intro"', 'page 1 ("intro")'] },
      { code: 'ids.duplicate', path: '/pages/2/blocks/0/fields/1/id', mentions: ['field 2 ("i2")', 'item 2 ("i2")'] },
    ]);
  });

  it('of options, bands, subscales, alert and zone rules are unique within their list', () => {
    expectIssues(brokenModule((doc) => {
      doc.pages[0].blocks[1].input.options[1].id = 'good';
      doc.pages[0].blocks[5].visibleWhen.value = 'good';
      instrument(doc).scoring.alerts.push({ id: 'worry', level: 'info', message: text('x'), when: { of: 'total', op: 'gt', value: 100 } });
      doc.pages[2].blocks[0].zones.rules[1].id = 'short';
    }), [
      { code: 'ids.duplicate_in_list', path: '/pages/0/blocks/1/input/options/1/id', mentions: ['option 2 ("good")', 'option 1'] },
      { code: 'ids.duplicate_in_list', path: `${isi}/scoring/alerts/1/id`, mentions: ['alert rule 2 ("worry")', 'alert rule 1'] },
      { code: 'ids.duplicate_in_list', path: '/pages/2/blocks/0/zones/rules/1/id', mentions: ['zone rule 2 ("short")', 'zone rule 1'] },
    ]);
  });
});

describe('conditions', () => {
  it('refer to existing items', () => {
    expectIssues(brokenModule((doc) => { doc.pages[0].blocks[5].visibleWhen.item = 'mod'; }), [
      { code: 'reference.unknown_item', path: '/pages/0/blocks/5/visibleWhen/item', mentions: ['block 6 (text "badNote")', '"mod"'] },
    ]);
  });

  it('of blocks refer to earlier items, of pages to items on earlier pages', () => {
    expectIssues(brokenModule((doc) => {
      doc.pages[0].blocks[1].visibleWhen = { op: 'answered', item: 'mood' };
      doc.pages[1].visibleWhen = { op: 'answered', item: 'i1' };
      doc.pages[0].blocks[5].visibleWhen = { op: 'not', condition: { op: 'answered', item: 'rested' } };
    }), [
      { code: 'reference.later_item', path: '/pages/1/visibleWhen/item', mentions: ['page 2 ("scale")', '"i1"', 'earlier pages'] },
      { code: 'reference.later_item', path: '/pages/0/blocks/1/visibleWhen/item', mentions: ['question "mood"', '"mood"'] },
      { code: 'reference.later_item', path: '/pages/0/blocks/5/visibleWhen/condition/item', mentions: ['"rested"'] },
    ]);
  });

  it('of branches may use their own page but not later ones', () => {
    expectIssues(brokenModule((doc) => { doc.pages[0].branches[0].when = { op: 'any', conditions: [{ op: 'answered', item: 'mood' }, { op: 'answered', item: 'slept' }] }; }), [
      { code: 'reference.later_item', path: '/pages/0/branches/0/when/conditions/1/item', mentions: ['Page 1 branch 1', '"slept"', 'later page'] },
    ]);
  });

  it('of zone rules use their own registration\'s fields', () => {
    expectIssues(brokenModule((doc) => { doc.pages[2].blocks[0].zones.rules[0].when = { op: 'lt', item: 'hours', value: 6 }; }), [
      { code: 'reference.outside_registration', path: '/pages/2/blocks/0/zones/rules/0/when/item', mentions: ['zone rule 1 ("short")', '"hours"'] },
    ]);
  });

  it('compare with an operator that suits the item', () => {
    expectIssues(brokenModule((doc) => {
      doc.pages[0].blocks[5].visibleWhen = {
        op: 'all',
        conditions: [
          { op: 'gt', item: 'mood', value: 1 },
          { op: 'includes', item: 'mood', value: 'good' },
          { op: 'eq', item: 'habits', value: 'coffee' },
        ],
      };
    }), [
      { code: 'reference.wrong_kind', path: '/pages/0/blocks/5/visibleWhen/conditions/0/op', mentions: ['"mood"', '"gt"', 'single-choice question', 'numbers'] },
      { code: 'reference.wrong_kind', path: '/pages/0/blocks/5/visibleWhen/conditions/1/op', mentions: ['"includes"', '"mood"', 'multiple-choice'] },
      { code: 'reference.wrong_kind', path: '/pages/0/blocks/5/visibleWhen/conditions/2/op', mentions: ['"eq"', '"habits"', '"includes"'] },
    ]);
  });

  it('compare with a value of the item\'s kind', () => {
    expectIssues(brokenModule((doc) => {
      doc.pages[0].blocks[5].visibleWhen = {
        op: 'any',
        conditions: [
          { op: 'eq', item: 'mood', value: 'great' },
          { op: 'eq', item: 'smoker', value: 'yes' },
          { op: 'lt', item: 'hours', value: '7' },
          { op: 'includes', item: 'habits', value: 'tea' },
        ],
      };
    }), [
      { code: 'reference.invalid_value', path: '/pages/0/blocks/5/visibleWhen/conditions/0/value', mentions: ['"great"', '"good" and "bad"'] },
      { code: 'reference.invalid_value', path: '/pages/0/blocks/5/visibleWhen/conditions/1/value', mentions: ['"smoker"', 'yes/no question', 'true or false'] },
      { code: 'reference.invalid_value', path: '/pages/0/blocks/5/visibleWhen/conditions/2/value', mentions: ['"hours"', 'a number'] },
      { code: 'reference.invalid_value', path: '/pages/0/blocks/5/visibleWhen/conditions/3/value', mentions: ['"tea"', '"coffee" and "screens"'] },
    ]);
  });

  it('compare a date question only with a date it can be answered with, from 1900 to 2199', () => {
    expectIssues(brokenModule((doc) => {
      doc.pages[0].blocks[0] = { type: 'question', id: 'since', prompt: text('Since when?'), input: { kind: 'dateTime', mode: 'date' } };
      doc.pages[0].blocks[5].visibleWhen = {
        op: 'any',
        conditions: [
          { op: 'eq', item: 'since', value: '2026-03-01' },
          { op: 'eq', item: 'since', value: '9999-12-31' },
          { op: 'ne', item: 'since', value: 'yesterday' },
          { op: 'eq', item: 'since', value: 20260301 },
        ],
      };
    }), [
      { code: 'reference.invalid_value', path: '/pages/0/blocks/5/visibleWhen/conditions/1/value', mentions: ['"since"', '"9999-12-31"', '1900-01-01', '2199-12-31'] },
      { code: 'reference.invalid_value', path: '/pages/0/blocks/5/visibleWhen/conditions/2/value', mentions: ['"yesterday"'] },
      { code: 'reference.invalid_value', path: '/pages/0/blocks/5/visibleWhen/conditions/3/value', mentions: ['20260301'] },
    ]);
  });
});

describe('branches', () => {
  it('go forward to an existing page or #end', () => {
    expectIssues(brokenModule((doc) => {
      doc.pages[1].branches = [
        { when: { op: 'answered', item: 'i1' }, goTo: 'intro' },
        { when: { op: 'answered', item: 'i1' }, goTo: 'scale' },
        { when: { op: 'answered', item: 'i1' }, goTo: 'outro' },
        { when: { op: 'answered', item: 'i1' }, goTo: '#end' },
      ];
    }), [
      { code: 'branch.backward', path: '/pages/1/branches/0/goTo', mentions: ['Page 2 branch 1', 'page 1 ("intro")', 'forward'] },
      { code: 'branch.backward', path: '/pages/1/branches/1/goTo', mentions: ['page 2 ("scale")'] },
      { code: 'branch.unknown_page', path: '/pages/1/branches/2/goTo', mentions: ['"outro"', '"#end"'] },
    ]);
  });
});

describe('instruments', () => {
  it('give every item options', () => {
    expectIssues(brokenModule((doc) => {
      const shared = instrument(doc).options;
      delete instrument(doc).options;
      instrument(doc).items[1].options = shared;
      instrument(doc).items[2].options = shared;
    }), [
      { code: 'instrument.missing_options', path: `${isi}/items/0`, mentions: ['item 1 ("i1")', '"options"'] },
    ]);
  });

  it('score items, subscales and bands they have', () => {
    expectIssues(brokenModule((doc) => {
      const { scoring } = instrument(doc);
      scoring.total.items = ['i1', 'i4'];
      scoring.subscales[0].items = ['i5'];
      scoring.alerts.push({ id: 'sub', level: 'info', message: text('x'), when: { of: 'subscale', subscale: 'day', op: 'gt', value: 1 } });
      scoring.alerts.push({ id: 'band', level: 'info', message: text('x'), when: { of: 'band', bands: ['extreme'] } });
      scoring.alerts[0].when.item = 'i9';
    }), [
      { code: 'scoring.unknown_item', path: `${isi}/scoring/total/items/1`, mentions: ['"i4"', 'instrument "isi"'] },
      { code: 'scoring.unknown_item', path: `${isi}/scoring/subscales/0/items/0`, mentions: ['subscale 1 ("night")', '"i5"'] },
      { code: 'scoring.unknown_item', path: `${isi}/scoring/alerts/0/when/item`, mentions: ['alert rule 1 ("worry")', '"i9"'] },
      { code: 'scoring.unknown_subscale', path: `${isi}/scoring/alerts/1/when/subscale`, mentions: ['"day"'] },
      { code: 'scoring.unknown_band', path: `${isi}/scoring/alerts/2/when/bands/0`, mentions: ['"extreme"'] },
    ]);
  });

  it('have test cases that use their items, options, bands, subscales and alerts', () => {
    expectIssues(brokenModule((doc) => {
      const test = instrument(doc).tests[1];
      test.answers.i4 = 'never';
      test.answers.i1 = 'sometimes';
      test.expect = { total: 9, band: 'worst', subscales: { day: 1 }, alerts: ['panic'] };
    }), [
      { code: 'scoring.unknown_option', path: `${isi}/tests/1/answers/i1`, mentions: ['scoring test 2 ("highest")', '"sometimes"'] },
      { code: 'scoring.unknown_item', path: `${isi}/tests/1/answers/i4`, mentions: ['"i4"'] },
      { code: 'scoring.unknown_band', path: `${isi}/tests/1/expect/band`, mentions: ['"worst"'] },
      { code: 'scoring.unknown_subscale', path: `${isi}/tests/1/expect/subscales/day`, mentions: ['"day"'] },
      { code: 'scoring.unknown_alert', path: `${isi}/tests/1/expect/alerts/0`, mentions: ['"panic"'] },
    ]);
  });

  it('have bands that cover the score range without gaps', () => {
    const issues = expectIssues(brokenModule((doc) => {
      instrument(doc).scoring.bands = [
        { id: 'none', min: 0, max: 2, label: text('None') },
        { id: 'severe', min: 6, max: 8, label: text('Severe') },
      ];
      instrument(doc).tests = [{ name: 'lowest', answers: { i1: 'never', i2: 'never', i3: 'never' }, expect: { total: 0 } }];
    }), [
      { code: 'bands.gap', path: `${isi}/scoring/bands`, mentions: ['Scores 3 to 5 fall in no band', 'instrument "isi"'] },
      { code: 'bands.gap', path: `${isi}/scoring/bands`, mentions: ['Score 9 falls in no band'] },
    ]);
    expect(issues[0]?.params).toEqual({ from: 3, to: 5 });
  });

  it('have bands that do not overlap, stay in range and are not empty', () => {
    expectIssues(brokenModule((doc) => {
      const { bands } = instrument(doc).scoring;
      bands[1].min = 2;
      bands[2].max = 12;
      bands.push({ id: 'odd', min: 5.2, max: 5.8, label: text('Odd') });
    }), [
      { code: 'bands.outside_range', path: `${isi}/scoring/bands/2`, mentions: ['band 3 ("severe")', '12', '0 to 9'] },
      { code: 'bands.empty', path: `${isi}/scoring/bands/3`, mentions: ['band 4 ("odd")', 'no possible score'] },
      { code: 'bands.overlap', path: `${isi}/scoring/bands/1`, mentions: ['"none"', '"mild"', 'score 2'] },
    ]);
  });

  it('count bands in steps of the total\'s decimals', () => {
    expectIssues(brokenModule((doc) => {
      const { scoring } = instrument(doc);
      scoring.total = { method: 'mean', decimals: 1 };
      scoring.bands = [
        { id: 'none', min: 0, max: 1.4, label: text('None') },
        { id: 'mild', min: 1.6, max: 3, label: text('Mild') },
      ];
      instrument(doc).tests = [{ name: 'lowest', answers: { i1: 'never', i2: 'never', i3: 'never' }, expect: { total: 0, band: 'none' } }];
    }), [
      { code: 'bands.gap', path: `${isi}/scoring/bands`, mentions: ['Score 1.5 falls in no band'] },
    ]);
  });

  it('pass their own scoring test cases', () => {
    const issues = expectIssues(brokenModule((doc) => {
      const test = instrument(doc).tests[1];
      test.expect = { total: 8, band: 'mild', subscales: { night: 5 }, alerts: [] };
    }), [
      { code: 'scoring.test_failed', path: `${isi}/tests/1`, mentions: ['scoring test 2 ("highest")', 'total 8, but the scoring gives 9', 'band "mild", but the scoring gives band "severe"', 'subscale "night" 5', 'no alerts, but the scoring raises alerts "worry"'] },
    ]);
    expect(issues[0]?.params).toEqual({
      expected: { total: 8, band: 'mild', 'subscales.night': 5, alerts: [] },
      actual: { total: 9, band: 'severe', 'subscales.night': 6, alerts: ['worry'] },
    });
  });
});

describe('inputs', () => {
  it('have ranges that run upward and steps that divide them', () => {
    expectIssues(brokenModule((doc) => {
      doc.pages[0].blocks[3].input.min = 24;
      doc.pages[2].blocks[0].fields[0].input.step = 5;
    }), [
      { code: 'input.range', path: '/pages/0/blocks/3/input/max', mentions: ['question "hours"', '"min" 24', '"max" 24'] },
      { code: 'input.step', path: '/pages/2/blocks/0/fields/0/input/step', mentions: ['field 1 ("slept")', 'step of 5', '0 to 12'] },
    ]);
  });

  it('have selection limits their options allow and scales that run one way', () => {
    expectIssues(brokenModule((doc) => {
      Object.assign(doc.pages[0].blocks[4].input, { minSelected: 2, maxSelected: 3 });
      doc.pages[0].blocks[1].input = { kind: 'scale', options: [{ id: 'a', label: text('a'), value: 1 }, { id: 'b', label: text('b'), value: 3 }, { id: 'c', label: text('c'), value: 2 }] };
      doc.pages[0].blocks[5].visibleWhen.value = 'a';
    }), [
      { code: 'input.scale_order', path: '/pages/0/blocks/1/input/options', mentions: ['question "mood"', '1, 3, 2'] },
      { code: 'input.selection', path: '/pages/0/blocks/4/input/maxSelected', mentions: ['question "habits"', '"maxSelected" 3', 'only 2 options'] },
    ]);
  });
});

describe('goals', () => {
  it('are about a numeric field of their registration', () => {
    expectIssues(brokenModule((doc) => { doc.pages[2].blocks[0].goal.field = 'naps'; }), [
      { code: 'goal.not_numeric', path: '/pages/2/blocks/0/goal/field', mentions: ['registration "sleepLog"', '"naps"', 'yes/no'] },
    ]);
    expectIssues(brokenModule((doc) => { doc.pages[2].blocks[0].goal.field = 'hours'; }), [
      { code: 'goal.unknown_field', path: '/pages/2/blocks/0/goal/field', mentions: ['"hours"', 'not a field of this registration'] },
    ]);
  });
});

describe('translations', () => {
  it('give every text in each declared language and no other', () => {
    expectIssues(brokenModule((doc) => {
      delete doc.pages[0].title.en;
      instrument(doc).scoring.bands[1].label.de = 'Mild';
      delete doc.pages[2].blocks[0].zones.actions.red.sv;
    }), [
      { code: 'translation.missing', path: '/pages/0/title', mentions: ['"title" of page 1 ("intro")', '"en"'] },
      { code: 'translation.undeclared', path: `${isi}/scoring/bands/1/label/de`, mentions: ['band 2 ("mild")', '"de"', '"sv" and "en"'] },
      { code: 'translation.missing', path: '/pages/2/blocks/0/zones/actions/red', mentions: ['"zones.actions.red"', 'registration "sleepLog"', '"sv"'] },
    ]);
  });

  it('follow the schema, so a translated field anywhere is checked', () => {
    expectIssues(brokenModule((doc) => { doc.pages[0].blocks[3].input.unit = { code: 'h', label: { sv: 'tim' } }; }), [
      { code: 'translation.missing', path: '/pages/0/blocks/3/input/unit/label', mentions: ['"input.unit.label"', '"en"'] },
    ]);
  });

  it('include the default language', () => {
    expectIssues(brokenModule((doc) => { doc.defaultLanguage = 'fi'; }), [
      { code: 'language.default_not_declared', path: '/defaultLanguage', mentions: ['"fi"', '"sv" and "en"'] },
    ]);
  });
});
