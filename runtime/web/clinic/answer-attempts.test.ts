import { describe, expect, it } from 'vitest';
import type { StoredResponse } from '@careloom/format/api';
import { attemptAsResponse, groupAttempts } from './answer-attempts.js';

let n = 0;
function saved(minute: number, answers: StoredResponse['answers'], extra: Partial<StoredResponse> = {}): StoredResponse {
  const at = `2026-03-02T10:${String(minute).padStart(2, '0')}:00.000Z`;
  n += 1;
  return { id: `r${n}`, clientId: `c${n}`, moduleId: 'panic-week-1', moduleVersion: 1, answers, completes: false, answeredAt: at, receivedAt: at, scores: [], zones: [], ...extra };
}

describe('groupAttempts', () => {
  it('makes one attempt of a module filled in answer by answer, with the final answers and each item\'s history', () => {
    const attempts = groupAttempts([
      saved(1, { sensations: ['palpitations'] }),
      saved(2, { sensations: ['palpitations', 'dizziness'] }),
      saved(3, { peak: 120 }),
      saved(4, { peak: null }),
      saved(5, {}, { pageId: 'diary' }),
      saved(6, { goal: 'Take the bus' }),
      saved(7, {}, { pageId: 'end', completes: true }),
    ]);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ id: 'r7', completed: true, answers: { sensations: ['palpitations', 'dizziness'], goal: 'Take the bus' }, answeredAt: '2026-03-02T10:07:00.000Z' });
    // A cleared out-of-range number is not a final answer, but stays in the item's history.
    expect(attempts[0]!.answers).not.toHaveProperty('peak');
    expect(Object.keys(attempts[0]!.history).sort()).toEqual(['peak', 'sensations']);
    expect(attempts[0]!.history['sensations']!.map((entry) => entry.value)).toEqual([['palpitations'], ['palpitations', 'dizziness']]);
  });

  it('starts a new attempt after a completion (weekly PHQ-9), newest first, with the score of the completing response', () => {
    const score = (total: number) => [{ instrumentId: 'phq9', title: 'PHQ-9', total, band: 'mild', bandLabel: 'Mild' }] as unknown as StoredResponse['scores'];
    const phq = (minute: number, answers: StoredResponse['answers'], extra: Partial<StoredResponse> = {}) => saved(minute, answers, { moduleId: 'phq-9', ...extra });
    const attempts = groupAttempts([
      phq(1, { q1: 'a' }),
      phq(2, {}, { completes: true, scores: score(5) }),
      phq(30, { q1: 'b' }),
      phq(31, {}, { completes: true, scores: score(9) }),
      phq(40, { q1: 'c' }),
    ]);
    expect(attempts.map((attempt) => [attempt.completed, attempt.answers['q1'], attempt.scores[0]?.total ?? null])).toEqual([[false, 'c', null], [true, 'b', 9], [true, 'a', 5]]);
    expect(attemptAsResponse(attempts[1]!)).toMatchObject({ moduleId: 'phq-9', answers: { q1: 'b' }, completes: true });
  });

  it('keeps each registration entry whole and apart, and leaves out attempts with nothing to show', () => {
    const attempts = groupAttempts([
      saved(1, { temperature: 37.2 }, { moduleId: 'copd', registrationId: 'daily' }),
      saved(2, { temperature: 38.4 }, { moduleId: 'copd', registrationId: 'daily' }),
      saved(3, {}, { pageId: 'welcome' }),
    ]);
    expect(attempts.map((attempt) => attempt.answers['temperature'])).toEqual([38.4, 37.2]);
  });
});
