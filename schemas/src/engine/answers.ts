/** One answer as stored: option id, list of option ids, number, string, boolean, or null (cleared). */
export type AnswerValue = string | number | boolean | string[] | null;

/** Answers keyed by item id. A missing key, null, '' and [] all mean "not answered". */
export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

/** Whether an answer counts as given. */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return Number.isFinite(value);
  return true;
}
