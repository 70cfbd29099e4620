import type { Answers } from '@careloom/format/engine';
import { isAnswered } from '@careloom/format/engine';
import { localize } from '@careloom/format/engine';
import { scoreInstrument } from '@careloom/format/engine';
import { zoneFor } from '@careloom/format/engine';
import type { Condition, InstrumentBlock, Module, RegistrationBlock } from '@careloom/format';
import type { AlertDetails, AlertKind, AlertSeverity, StoredScore, StoredZone } from './ports.js';

/** An alert to raise, before it gets its ids. */
export interface AlertDraft {
  kind: AlertKind;
  severity: AlertSeverity;
  /** In English (the module's text in its default language), for the audit trail. */
  message: string;
  details: AlertDetails;
}

const text = (module: Module, value: Parameters<typeof localize>[0]) => localize(value, module.defaultLanguage, module.defaultLanguage);

export function instrumentsOf(module: Module): InstrumentBlock[] {
  return module.pages.flatMap((page) => page.blocks).filter((block): block is InstrumentBlock => block.type === 'instrument');
}

export function registrationsOf(module: Module): RegistrationBlock[] {
  return module.pages.flatMap((page) => page.blocks).filter((block): block is RegistrationBlock => block.type === 'registration');
}

/**
 * Scores every instrument of the module with at least one answered item, and the alerts its rules
 * raise: an item rule (PHQ-9 item 9 above 0) is an `item` alert, any other a `score` alert.
 */
export function scoreModule(module: Module, answers: Answers): { scores: StoredScore[]; alerts: AlertDraft[] } {
  const scores: StoredScore[] = [];
  const alerts: AlertDraft[] = [];
  for (const instrument of instrumentsOf(module)) {
    if (!instrument.items.some((item) => isAnswered(answers[item.id]))) continue;
    const score = scoreInstrument(instrument, answers);
    const band = instrument.scoring.bands.find((candidate) => candidate.id === score.band);
    scores.push({ instrumentId: instrument.id, title: instrument.abbreviation, total: score.total, band: score.band, bandLabel: band ? text(module, band.label) : null, subscales: score.subscales, alerts: score.alerts });
    for (const ruleId of score.alerts) {
      const rule = instrument.scoring.alerts?.find((candidate) => candidate.id === ruleId);
      if (!rule) continue;
      const item = rule.when.of === 'item' ? instrument.items.find((candidate) => candidate.id === (rule.when as { item: string }).item) : undefined;
      const details: AlertDetails = {
        code: rule.when.of === 'item' ? 'item_threshold' : 'score_band',
        params: {
          instrument: instrument.abbreviation,
          instrumentName: instrument.name,
          rule: rule.message,
          total: score.total,
          band: score.band,
          bandLabel: band ? band.label : null,
          ...(item ? { itemId: item.id, item: item.text } : {}),
          defaultLanguage: module.defaultLanguage,
          ...(rule.response ? { response: rule.response } : {}),
        },
      };
      alerts.push({ kind: rule.when.of === 'item' ? 'item' : 'score', severity: rule.level, message: `${instrument.abbreviation}: ${text(module, rule.message)}`, details });
    }
  }
  return { scores, alerts };
}

const RANK = { green: 0, yellow: 1, red: 2 } as const;

/**
 * The zone of a registration entry per field (the worst zone among the rules that hold and read the
 * field; green otherwise), and an alert when a rule marked `alert` holds. `overrides` are the
 * patient's own thresholds, by rule id.
 */
export function zoneEntry(module: Module, registration: RegistrationBlock, answers: Answers, overrides: Readonly<Record<string, Condition>>): { zones: StoredZone[]; alerts: AlertDraft[] } {
  if (!registration.zones) return { zones: [], alerts: [] };
  const result = zoneFor(registration.zones, answers, overrides);
  const matched = registration.zones.rules.filter((rule) => result.matchedRules.includes(rule.id));
  const zones = registration.fields.map((field): StoredZone => {
    let zone: StoredZone['zone'] = 'green';
    for (const rule of matched) {
      const condition = Object.hasOwn(overrides, rule.id) ? (overrides[rule.id] as Condition) : rule.when;
      if (conditionItems(condition).has(field.id) && RANK[rule.zone] > RANK[zone]) zone = rule.zone;
    }
    return { registrationId: registration.id, fieldId: field.id, zone };
  });
  const alertRules = matched.filter((rule) => result.alertRules.includes(rule.id));
  if (alertRules.length === 0) return { zones, alerts: [] };
  const reasons = alertRules.map((rule) => (rule.explanation ? text(module, rule.explanation) : rule.id)).join(' ');
  const details: AlertDetails = {
    code: 'zone',
    // A rule without an explanation is named by its id, in every language.
    params: { title: registration.title, zone: result.zone, reasons: alertRules.map((rule) => rule.explanation ?? { [module.defaultLanguage]: rule.id }), defaultLanguage: module.defaultLanguage },
  };
  return { zones, alerts: [{ kind: 'zone', severity: result.zone === 'red' ? 'urgent' : 'warning', message: `${text(module, registration.title)}: ${result.zone} zone. ${reasons}`.trim(), details }] };
}

/** The overall zone of an entry from its per-field zones. */
export function entryZone(zones: readonly StoredZone[]): StoredZone['zone'] | null {
  if (zones.length === 0) return null;
  return zones.reduce<StoredZone['zone']>((worst, entry) => (RANK[entry.zone] > RANK[worst] ? entry.zone : worst), 'green');
}

/** Item ids a condition reads. */
export function conditionItems(condition: Condition): Set<string> {
  const items = new Set<string>();
  const walk = (node: Condition): void => {
    if ('item' in node && typeof node.item === 'string') items.add(node.item);
    if ('conditions' in node && Array.isArray(node.conditions)) node.conditions.forEach(walk);
    if ('condition' in node && node.condition) walk(node.condition as Condition);
  };
  walk(condition);
  return items;
}
