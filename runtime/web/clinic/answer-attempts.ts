import type { AnswerValue, Answers, StoredResponse } from '@careloom/format/api';

/**
 * One filling-in of a module or questionnaire as the therapist reads it: the patient's final answer
 * to each item, the score of the round, and for each item every value saved on the way.
 */
export interface AnswerAttempt {
  /** The last response of the attempt (stable, for the page's markup). */
  id: string;
  moduleId: string;
  moduleVersion: number;
  registrationId?: string;
  startedAt: string;
  /** When the last answer of the attempt was given. */
  answeredAt: string;
  receivedAt: string;
  /** Finished with the last page's Finish (a registration entry is whole without it). */
  completed: boolean;
  /** The last value given to each item, in-between states and cleared answers left out. */
  answers: Answers;
  /** Scores and zones of the attempt: from the response that completed it. */
  scores: StoredResponse['scores'];
  zones: StoredResponse['zones'];
  /** Items given more than one value in the attempt: each value with when it was given, oldest first. */
  history: Record<string, Array<{ value: AnswerValue; answeredAt: string }>>;
}

const isEmpty = (value: AnswerValue | undefined): boolean => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * Groups a patient's saved responses into attempts, newest first. Responses of one module version
 * belong to one attempt until a response completes it; the next answer starts a new attempt (the
 * next week's PHQ-9). A registration entry is an attempt of its own. Page markers (no answers) only
 * move the attempt on; an attempt with no answers and no completion is not shown.
 */
export function groupAttempts(responses: readonly StoredResponse[]): AnswerAttempt[] {
  const chronological = [...responses].sort((left, right) => left.answeredAt.localeCompare(right.answeredAt) || left.receivedAt.localeCompare(right.receivedAt));
  const open = new Map<string, AnswerAttempt>();
  const attempts: AnswerAttempt[] = [];
  const start = (response: StoredResponse): AnswerAttempt => ({
    id: response.id,
    moduleId: response.moduleId,
    moduleVersion: response.moduleVersion,
    ...(response.registrationId ? { registrationId: response.registrationId } : {}),
    startedAt: response.answeredAt,
    answeredAt: response.answeredAt,
    receivedAt: response.receivedAt,
    completed: false,
    answers: {},
    scores: [],
    zones: [],
    history: {},
  });
  const add = (attempt: AnswerAttempt, response: StoredResponse): void => {
    attempt.id = response.id;
    attempt.receivedAt = response.receivedAt;
    for (const [itemId, value] of Object.entries(response.answers)) {
      attempt.answeredAt = response.answeredAt;
      (attempt.history[itemId] ??= []).push({ value: value ?? null, answeredAt: response.answeredAt });
      if (isEmpty(value)) delete attempt.answers[itemId];
      else attempt.answers[itemId] = value ?? null;
    }
    if (response.scores.length > 0) attempt.scores = response.scores;
    if (response.zones.length > 0) attempt.zones = response.zones;
  };

  for (const response of chronological) {
    if (response.registrationId) {
      const entry = start(response);
      add(entry, response);
      entry.completed = response.completes;
      attempts.push(entry);
      continue;
    }
    const key = `${response.moduleVersion}:${response.moduleId}`;
    let attempt = open.get(key);
    if (!attempt) {
      attempt = start(response);
      open.set(key, attempt);
      attempts.push(attempt);
    }
    add(attempt, response);
    if (response.completes) {
      attempt.completed = true;
      attempt.answeredAt = response.answeredAt;
      open.delete(key);
    }
  }
  for (const attempt of attempts) {
    for (const [itemId, values] of Object.entries(attempt.history)) if (values.length < 2) delete attempt.history[itemId];
  }
  return attempts.filter((attempt) => attempt.completed || Object.keys(attempt.answers).length > 0).reverse();
}

/** An attempt as a response, so that it is labelled like one (module title, question texts, option labels, scores). */
export function attemptAsResponse(attempt: AnswerAttempt): StoredResponse {
  return {
    id: attempt.id,
    clientId: attempt.id,
    moduleId: attempt.moduleId,
    moduleVersion: attempt.moduleVersion,
    ...(attempt.registrationId ? { registrationId: attempt.registrationId } : {}),
    answers: attempt.answers,
    completes: attempt.completed,
    answeredAt: attempt.answeredAt,
    receivedAt: attempt.receivedAt,
    scores: attempt.scores,
    zones: attempt.zones,
  };
}
