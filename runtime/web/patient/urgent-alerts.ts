import type { AlertRule, InstrumentBlock, Module } from '@careloom/format';
import { scoreInstrument } from '@careloom/format/engine';
import type { Answers } from '@careloom/format/api';

/**
 * The urgent alert rules the patient's answers meet (PHQ-9 item 9 above 0, …), found with the same
 * engine the server scores with. The done screen then shows the unit's crisis information: the
 * therapist's alert alone leaves a patient at risk with nothing but "Well done!" until someone calls.
 */
export function urgentAlertRules(module: Module, answers: Answers): AlertRule[] {
  const instruments = module.pages.flatMap((page) => page.blocks).filter((block): block is InstrumentBlock => block.type === 'instrument');
  return instruments.flatMap((instrument) => {
    const fired = new Set(scoreInstrument(instrument, answers).alerts);
    return (instrument.scoring.alerts ?? []).filter((rule) => rule.level === 'urgent' && fired.has(rule.id));
  });
}
