import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Module } from '@careloom/format';
import { validateModule } from '@careloom/format/validate';
import { moduleToYDoc, yDocToModule } from '@careloom/format/ydoc';
import panicJson from '@careloom/examples/modules/panic-week-1.json';
import phqJson from '@careloom/examples/modules/phq-9.json';
import { dropLanguage, translatedTextMaps, translationCount } from './languages.js';

const phq9 = phqJson as unknown as Module;
const panicWeek1 = panicJson as unknown as Module;

describe('dropLanguage', () => {
  it('drops a language from every text, plain and rich, instruments included, leaving a valid module', () => {
    for (const module of [phq9, panicWeek1]) {
      const doc = moduleToYDoc(module);
      const count = translationCount(doc, 'sv');
      expect(count).toBe(translatedTextMaps(doc).length);
      expect(doc.transact(() => dropLanguage(doc, 'sv'))).toBe(count);
      const after = yDocToModule(doc);
      expect(JSON.stringify(after)).not.toMatch(/"sv":/);
      expect((after as Module).languages).toEqual(['en']);
      expect(validateModule(after).ok).toBe(true);
    }
  });

  it('is undone in one step, back to the module byte for byte', () => {
    const doc = moduleToYDoc(phq9);
    const undo = new Y.UndoManager(doc.getMap('module'));
    doc.transact(() => dropLanguage(doc, 'sv'));
    undo.undo();
    expect(yDocToModule(doc)).toEqual(yDocToModule(moduleToYDoc(phq9)));
  });

  it('counts only texts that have the language', () => {
    const doc = moduleToYDoc(panicWeek1);
    expect(translationCount(doc, 'nb')).toBe(0);
    expect(doc.transact(() => dropLanguage(doc, 'nb'))).toBe(0);
    expect(yDocToModule(doc)).toEqual(yDocToModule(moduleToYDoc(panicWeek1)));
  });
});
