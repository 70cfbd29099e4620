import type { LocalizedText, Program } from '../generated/format.js';
import { answerValueProblem } from './answer-value-check.js';
import type { AnswerValue } from './answers.js';
import type { ModuleIndex } from './module-index.js';
import type { ScheduleAdjustments } from './schedule-adjustments.js';

/**
 * Moving an enrolled patient from one released version of a module or program to a newer one:
 * which of their answers and per-patient adjustments carry over, decided by ids alone. Answers
 * carry over by item id when the new version still has the item and the answer still fits it (the
 * same check the server makes on a submitted answer); the patient's calendar (start date, pauses)
 * is not touched by a move at all, and the therapist's adjustments carry over by the program's
 * module keys and registration ids.
 */

/** How a release is classed by its publisher: a major one changes what patients answer or how it is scored. */
export type ReleaseLevel = 'major' | 'minor';

/** Why an item's answers may not carry over to the newer module version. */
export type ItemLossReason = 'item_removed' | 'answer_kind_changed' | 'options_removed';

/** An item of the older version whose answers do not (all) fit the newer version. */
export interface ItemLoss {
  itemId: string;
  reason: ItemLossReason;
  /** For `options_removed`: the option ids the newer version no longer offers. */
  removedOptions?: string[];
  /** What the item asked, in every language the older version has (for saying it in the reader's words). */
  prompt?: LocalizedText;
}

/** An answer of the patient that is left behind by a move. */
export interface DroppedAnswer {
  itemId: string;
  reason: 'item_removed' | 'answer_no_longer_fits';
}

/** A therapist's per-patient adjustment that the newer version has no place for. */
export interface DroppedAdjustment {
  kind: 'early_unlock' | 'hidden_module' | 'registration_deadline';
  /** The program module key or registration id it was for. */
  key: string;
}

/**
 * The change class of moving from version `from` to version `to`: major when any release after
 * `from` up to and including `to` was major (a patient skipping a major release gets its changes too).
 *
 * @example
 * moveLevel([{ number: 2, releaseClass: 'minor' }, { number: 3, releaseClass: 'major' }], 1, 2); // 'minor'
 * moveLevel([{ number: 2, releaseClass: 'minor' }, { number: 3, releaseClass: 'major' }], 1, 3); // 'major'
 */
export function moveLevel(releases: ReadonlyArray<{ number: number; releaseClass: ReleaseLevel }>, from: number, to: number): ReleaseLevel {
  if (!(to > from)) throw new Error(`A move goes to a newer version: ${from} → ${to}.`);
  return releases.some((release) => release.number > from && release.number <= to && release.releaseClass === 'major') ? 'major' : 'minor';
}

/**
 * The items of the older module version whose answers may not carry over to the newer one, in the
 * older version's order: removed items, items whose answer is of another kind now (a choice became
 * a number), and choice items that lost options (answers naming a kept option still carry over).
 *
 * @example
 * itemLosses(indexModule(v1), indexModule(v2)); // [{ itemId: 'sleep', reason: 'item_removed', prompt: { en: 'How did you sleep?' } }]
 */
export function itemLosses(from: ModuleIndex, to: ModuleIndex): ItemLoss[] {
  const losses: ItemLoss[] = [];
  for (const item of from.items.values()) {
    const prompt = itemPrompt(from, item.id);
    const withPrompt = prompt ? { prompt } : {};
    const next = to.items.get(item.id);
    if (!next) {
      losses.push({ itemId: item.id, reason: 'item_removed', ...withPrompt });
      continue;
    }
    if (next.shape !== item.shape) {
      losses.push({ itemId: item.id, reason: 'answer_kind_changed', ...withPrompt });
      continue;
    }
    const kept = new Set((next.options ?? []).map((option) => option.id));
    const removedOptions = (item.options ?? []).map((option) => option.id).filter((id) => !kept.has(id));
    if (removedOptions.length > 0) losses.push({ itemId: item.id, reason: 'options_removed', removedOptions, ...withPrompt });
  }
  return losses;
}

/**
 * Splits answers given to an older version into those the newer version (`to`) takes, by item id,
 * and those it does not: the item is gone, or the answer no longer fits it (another kind, a removed
 * option, out of the new range). Answers are never rewritten: an answer either carries over as it
 * was or is left behind with its reason. Cleared answers (null) always carry over.
 *
 * @example
 * carryOverAnswers(indexModule(v2), { mood: 'low', sleep: 'well' });
 * // { carried: { mood: 'low' }, dropped: [{ itemId: 'sleep', reason: 'item_removed' }] }
 */
export function carryOverAnswers(to: ModuleIndex, answers: Readonly<Record<string, AnswerValue | undefined>>): { carried: Record<string, AnswerValue>; dropped: DroppedAnswer[] } {
  const carried: Record<string, AnswerValue> = {};
  const dropped: DroppedAnswer[] = [];
  for (const [itemId, value] of Object.entries(answers)) {
    if (value === undefined) continue;
    const item = to.items.get(itemId);
    if (!item) dropped.push({ itemId, reason: 'item_removed' });
    else if (value !== null && answerValueProblem(item, value)) dropped.push({ itemId, reason: 'answer_no_longer_fits' });
    else carried[itemId] = value;
  }
  return { carried, dropped };
}

/**
 * The adjustments a therapist made for one patient that the newer program has no place for: an
 * early unlock or a hidden module whose key the program no longer schedules, a personal deadline
 * for a registration it no longer has. Pauses always carry over (they are the patient's calendar,
 * not the program's). The adjustments themselves stay as stored: an entry the program does not
 * name is never read, and it comes back into use if a later version brings the key back.
 *
 * @example
 * droppedAdjustments(programV2, { hiddenModules: ['week3-old'] }); // [{ kind: 'hidden_module', key: 'week3-old' }]
 */
export function droppedAdjustments(to: Pick<Program, 'modules' | 'registrations'>, adjustments: ScheduleAdjustments): DroppedAdjustment[] {
  const keys = new Set(to.modules.map((scheduled) => scheduled.key));
  const registrations = new Set((to.registrations ?? []).map((registration) => registration.id));
  return [
    ...Object.keys(adjustments.earlyUnlocks ?? {}).filter((key) => !keys.has(key)).map((key) => ({ kind: 'early_unlock' as const, key })),
    ...(adjustments.hiddenModules ?? []).filter((key) => !keys.has(key)).map((key) => ({ kind: 'hidden_module' as const, key })),
    ...Object.keys(adjustments.registrationDeadlines ?? {}).filter((id) => !registrations.has(id)).map((key) => ({ kind: 'registration_deadline' as const, key })),
  ];
}

/**
 * The module versions that change with a move, from the pins of the old and new deployment: a
 * module newly scheduled has `from` null, one the newer version no longer schedules has `to` null.
 *
 * @example
 * pinChanges([{ moduleId: 'a', version: 1 }], [{ moduleId: 'a', version: 2 }]); // [{ moduleId: 'a', from: 1, to: 2 }]
 */
export function pinChanges(from: ReadonlyArray<{ moduleId: string; version: number }>, to: ReadonlyArray<{ moduleId: string; version: number }>): Array<{ moduleId: string; from: number | null; to: number | null }> {
  const changes: Array<{ moduleId: string; from: number | null; to: number | null }> = [];
  for (const pin of from) {
    const next = to.find((candidate) => candidate.moduleId === pin.moduleId);
    if (!next) changes.push({ moduleId: pin.moduleId, from: pin.version, to: null });
    else if (next.version !== pin.version) changes.push({ moduleId: pin.moduleId, from: pin.version, to: next.version });
  }
  for (const pin of to) if (!from.some((candidate) => candidate.moduleId === pin.moduleId)) changes.push({ moduleId: pin.moduleId, from: null, to: pin.version });
  return changes;
}

/** What an item asks, in every language of its module: a question's or grid row's prompt, an instrument item's text, a field's label. */
export function itemPrompt(index: ModuleIndex, itemId: string): LocalizedText | undefined {
  const item = index.items.get(itemId);
  const block = item ? index.blocks.get(item.blockId)?.block : undefined;
  if (!item || !block) return undefined;
  switch (block.type) {
    case 'question':
      return block.prompt;
    case 'grid':
      return block.rows.find((row) => row.id === itemId)?.prompt;
    case 'instrument':
      return block.items.find((candidate) => candidate.id === itemId)?.text;
    case 'exercise':
    case 'registration':
      return block.fields?.find((field) => field.id === itemId)?.label;
    default:
      return undefined;
  }
}
