import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Program } from '@careloom/format';
import { validateProgram } from '@careloom/format/validate';
import { programToYDoc, yDocToProgram } from '@careloom/format/ydoc';
import panicProgram from '@careloom/examples/programs/panic-icbt-8-weeks.json';
import { addEntry, addLanguage, addTag, moveEntry, programStrings, removeEntry, removeLanguage, removeTag, setDefaultLanguage, setEntryValue, setProgramText, setProgramValue } from './program-doc.js';

const seeded = () => programToYDoc(structuredClone(panicProgram) as unknown as Program);
const read = (doc: Y.Doc) => yDocToProgram(doc) as Program;

describe('program draft edits', () => {
  it('adds, moves and removes scheduled modules and keeps the program valid', () => {
    const doc = seeded();
    const count = read(doc).modules.length;
    addEntry(doc, 'modules', { key: 'extra', module: { moduleId: 'phq-9' }, unlock: { week: 8 } });
    expect(read(doc).modules).toHaveLength(count + 1);
    expect(read(doc).modules[count]).toEqual({ key: 'extra', module: { moduleId: 'phq-9' }, unlock: { week: 8 } });
    moveEntry(doc, 'modules', count, 0);
    expect(read(doc).modules[0]!.key).toBe('extra');
    expect(validateProgram(read(doc)).ok).toBe(true);
    removeEntry(doc, 'modules', 0);
    expect(read(doc).modules.map((entry) => entry.key)).toEqual(panicProgram.modules.map((entry) => entry.key));
  });

  it('sets and clears nested fields, value lists and reminders', () => {
    const doc = seeded();
    setEntryValue(doc, 'modules', 1, ['unlock', 'week'], 5);
    setEntryValue(doc, 'modules', 1, ['module', 'version'], 2);
    setEntryValue(doc, 'modules', 1, ['unlock', 'afterCompleting'], [panicProgram.modules[0]!.key]);
    const entry = read(doc).modules[1]!;
    expect(entry.unlock).toEqual({ week: 5, afterCompleting: [panicProgram.modules[0]!.key] });
    expect(entry.module.version).toBe(2);
    setEntryValue(doc, 'modules', 1, ['module', 'version'], undefined);
    expect(read(doc).modules[1]!.module).toEqual({ moduleId: panicProgram.modules[1]!.module.moduleId });
    setEntryValue(doc, 'registrations', 0, ['weekdays'], [1, 3, 5]);
    setEntryValue(doc, 'registrations', 0, ['frequency'], 'weekly');
    setEntryValue(doc, 'registrations', 0, ['reminders'], [{ minutesBefore: 30, channels: ['app'] }]);
    expect(read(doc).registrations![0]).toMatchObject({ frequency: 'weekly', weekdays: [1, 3, 5], reminders: [{ minutesBefore: 30, channels: ['app'] }] });
    expect(validateProgram(read(doc)).ok).toBe(true);
  });

  it('reports what it cannot hold through the validator, with the path', () => {
    const doc = seeded();
    setProgramValue(doc, 'durationWeeks', 0);
    const result = validateProgram(read(doc));
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => issue.path)).toContain('/durationWeeks');
  });

  it('edits a title in place so concurrent typing in another replica merges', () => {
    const a = seeded();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setProgramText(a, 'title', 'en', 'Internet CBT for panic disorder (8 weeks), new');
    setProgramText(b, 'title', 'en', 'Guided Internet CBT for panic disorder (8 weeks)');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(read(a).title['en']).toBe('Guided Internet CBT for panic disorder (8 weeks), new');
    expect(read(b).title).toEqual(read(a).title);
  });

  it('removes an emptied summary translation, and the summary when none is left', () => {
    const doc = seeded();
    const languages = Object.keys(read(doc).summary ?? {});
    expect(languages.length).toBeGreaterThan(0);
    setProgramText(doc, 'summary', languages[0]!, '');
    expect(read(doc).summary?.[languages[0]!]).toBeUndefined();
    for (const language of languages.slice(1)) setProgramText(doc, 'summary', language, '');
    expect(read(doc).summary).toBeUndefined();
    setProgramText(doc, 'summary', 'en', 'Back again');
    expect(read(doc).summary).toEqual({ en: 'Back again' });
  });

  it('adds tags once and removes them by value, dropping the emptied list', () => {
    const doc = seeded();
    for (const tag of programStrings(doc, 'tags')) removeTag(doc, tag);
    expect(read(doc).tags).toBeUndefined();
    addTag(doc, 'panic');
    addTag(doc, 'panic');
    addTag(doc, 'icbt');
    expect(read(doc).tags).toEqual(['panic', 'icbt']);
    removeTag(doc, 'panic');
    expect(read(doc).tags).toEqual(['icbt']);
  });

  it('adds a language, makes it the default, and removes another with its translations', () => {
    const doc = seeded();
    const before = read(doc);
    addLanguage(doc, 'nb');
    addLanguage(doc, 'nb');
    expect(read(doc).languages).toEqual([...before.languages, 'nb']);
    expect(() => setDefaultLanguage(doc, 'fi')).toThrow(RangeError);
    setProgramText(doc, 'title', 'nb', 'Panikk');
    setDefaultLanguage(doc, 'nb');
    expect(() => removeLanguage(doc, 'nb')).toThrow(RangeError);
    const dropped = removeLanguage(doc, before.defaultLanguage);
    expect(dropped).toBe(before.summary?.[before.defaultLanguage] === undefined ? 1 : 2);
    const after = read(doc);
    expect(after.languages).not.toContain(before.defaultLanguage);
    expect(after.title[before.defaultLanguage]).toBeUndefined();
    expect(after.defaultLanguage).toBe('nb');
  });
});
