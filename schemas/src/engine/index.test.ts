import { describe, expect, it } from 'vitest';
import * as engine from './index.js';

describe('engine public surface', () => {
  it('exports the functions a designer and the runtime need', () => {
    for (const name of ['evaluateCondition', 'nextPageId', 'missingRequired', 'checkAnswers', 'scoreInstrument', 'zoneFor', 'goalProgress', 'localize', 'programStatus', 'remindersDue', 'missedRegistrations', 'canonicalJson', 'contentHash', 'diffDocuments']) {
      expect(typeof (engine as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
