import { diffWordsWithSpace } from 'diff';

/** One run of a word diff: text kept, inserted or deleted. */
export interface WordRun {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/**
 * Word-by-word difference between two texts, for showing a reviewer exactly which words changed.
 * Whitespace is kept in the runs so concatenating the equal and delete runs gives `before` back,
 * and the equal and insert runs give `after`.
 *
 * @example
 * wordDiff('Breathe slowly', 'Breathe slowly and calmly');
 * // [{ op: 'equal', text: 'Breathe slowly' }, { op: 'insert', text: ' and calmly' }]
 */
export function wordDiff(before: string, after: string): WordRun[] {
  const runs: WordRun[] = [];
  for (const part of diffWordsWithSpace(before, after)) {
    const op = part.added ? 'insert' : part.removed ? 'delete' : 'equal';
    const last = runs[runs.length - 1];
    if (last && last.op === op) last.text += part.value;
    else runs.push({ op, text: part.value });
  }
  return runs;
}
