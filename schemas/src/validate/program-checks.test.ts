import { describe, expect, it } from 'vitest';
import type { Module, ModuleRef } from '../generated/format.js';
import { validateProgram } from './index.js';
import { broken, validModule, validProgram } from './test-fixtures.js';
import { expectIssues } from './test-helpers.js';

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests break documents on purpose

const library = (modules: Module[]) => ({ resolveModule: (ref: ModuleRef) => modules.find((module) => module.id === ref.moduleId) });
const brokenProgram = (change: (doc: Loose) => void, modules: Module[] = [validModule()]) =>
  validateProgram(broken(validProgram() as unknown as Loose, change), library(modules));

describe('validateProgram', () => {
  it('accepts the fixture, with and without a module resolver', () => {
    expect(validateProgram(validProgram()).ok).toBe(true);
    expect(validateProgram(validProgram(), library([validModule()]))).toEqual({ ok: true, value: validProgram(), issues: [] });
  });

  it('has unique module keys, measurement and registration ids', () => {
    expectIssues(brokenProgram((doc) => {
      doc.modules[1].key = 'basics';
      doc.modules[1].unlock = { week: 2 };
      doc.measurements.push({ ...doc.measurements[0] });
    }), [
      { code: 'program.duplicate_key', path: '/modules/1/key', mentions: ['module entry 2 ("basics")', '"basics"', 'entry 1'] },
      { code: 'ids.duplicate_in_list', path: '/measurements/1/id', mentions: ['measurement 2 ("weekly")'] },
    ]);
  });

  it('unlocks after existing modules, without cycles', () => {
    expectIssues(brokenProgram((doc) => {
      doc.modules[0].unlock.afterCompleting = ['more'];
      doc.modules.push({ key: 'extra', module: { moduleId: 'sleep-basics' }, unlock: { afterCompleting: ['ghost'] } });
    }), [
      { code: 'program.unknown_key', path: '/modules/2/unlock/afterCompleting/0', mentions: ['module entry 3 ("extra")', '"ghost"'] },
      { code: 'program.unlock_cycle', path: '/modules/0/unlock/afterCompleting', mentions: ['module entry 1 ("basics")', '"basics" waits for "more" waits for "basics"'] },
    ]);
  });

  it('schedules nothing after the last week and runs registrations forward', () => {
    expectIssues(brokenProgram((doc) => {
      doc.modules[1].unlock.week = 5;
      doc.measurements[0].weeks = [1, 6];
      doc.registrations[0].fromWeek = 3;
      doc.registrations[0].toWeek = 2;
    }), [
      { code: 'program.week_after_end', path: '/modules/1/unlock/week', mentions: ['module entry 2 ("more")', 'week 5', '4 weeks'] },
      { code: 'program.week_after_end', path: '/measurements/0/weeks/1', mentions: ['measurement 1 ("weekly")', 'week 6'] },
      { code: 'program.week_range', path: '/registrations/0/toWeek', mentions: ['registration 1 ("log")', 'week 3 to week 2'] },
    ]);
  });

  it('names weekdays for weekly registrations only', () => {
    expectIssues(brokenProgram((doc) => { delete doc.registrations[0].weekdays; }), [
      { code: 'program.weekdays_missing', path: '/registrations/0', mentions: ['registration 1 ("log")', '"weekdays"'] },
    ]);
    expectIssues(brokenProgram((doc) => { doc.registrations[0].frequency = 'daily'; }), [
      { code: 'program.weekdays_ignored', path: '/registrations/0/weekdays', mentions: ['daily'] },
    ]);
  });

  it('refers to modules that exist in its languages', () => {
    const swedishOnly = broken(validModule(), (module) => { module.id = 'swedish-only'; module.languages = ['sv']; });
    expectIssues(brokenProgram((doc) => {
      doc.modules[1].module = { moduleId: 'missing-module', version: 3 };
      doc.modules[0].module.moduleId = 'swedish-only';
    }, [validModule(), swedishOnly]), [
      { code: 'program.module_language_missing', path: '/modules/0/module', mentions: ['"swedish-only"', '"en"'] },
      { code: 'program.unknown_module', path: '/modules/1/module', mentions: ['module entry 2 ("more")', '"missing-module" version 3'] },
    ]);
  });

  it('measures with a module that holds an instrument and registers with a registration block', () => {
    const plain = broken(validModule(), (module) => { module.id = 'plain'; module.pages = [module.pages[0]]; });
    expectIssues(brokenProgram((doc) => {
      doc.measurements[0].module.moduleId = 'plain';
      doc.registrations.push({ ...doc.registrations[0], id: 'other', registration: 'isi' });
      doc.registrations.push({ ...doc.registrations[0], id: 'third', registration: 'nothing' });
    }, [validModule(), plain]), [
      { code: 'program.no_instrument', path: '/measurements/0/module', mentions: ['measurement 1 ("weekly")', '"plain"'] },
      { code: 'program.not_a_registration', path: '/registrations/1/registration', mentions: ['"isi"', 'instrument'] },
      { code: 'program.unknown_registration', path: '/registrations/2/registration', mentions: ['"nothing"', '"sleep-basics"'] },
    ]);
  });

  it('is translated into its languages', () => {
    expectIssues(brokenProgram((doc) => { delete doc.title.sv; }), [
      { code: 'translation.missing', path: '/title', mentions: ['"title" of the program', '"sv"'] },
    ]);
  });
});
