import type { RecordedResponse as WireRecordedResponse, StoredResponse as WireStoredResponse } from '@careloom/format/api';
import { hash } from 'node:crypto';
import { checkAnswers } from '@careloom/format/engine';
import type { AnswerValue, Answers } from '@careloom/format/engine';
import { canonicalJson } from '@careloom/format/engine';
import type { ModuleIndex } from '@careloom/format/engine';
import { relevantAnswers } from '@careloom/format/engine';
import { localDateOf } from '@careloom/format/engine';
import type { Module, Response as ResponseDocument } from '@careloom/format';
import type { Issue } from '@careloom/format';
import { pointer } from '@careloom/format';
import { validateResponse } from '@careloom/format/validate';
import { DomainError } from '../errors.js';
import { auditPatientRead, careAudit, enrollmentFor, ownEnrollment } from './care-access.js';
import type { CareContext, CareDeps } from './care-deps.js';
import { loadModule, pinOf } from './care-content.js';
import { effectiveTime } from './enrollment-schedule.js';
import type { AlertRecord, EnrollmentRecord, ResponseRecord, StoredScore, StoredZone } from './ports.js';
import type { AlertDraft } from './response-scoring.js';
import { registrationsOf, scoreModule, zoneEntry } from './response-scoring.js';
import { currentAnswers } from './version-moves.js';

/** A score as the patient is told it: which alert rules fired is for the therapist only. */
export type PatientScore = Omit<StoredScore, 'alerts'>;

/** What the patient is told about a recorded response (alerts are for the therapist). */
export type RecordedView = WireRecordedResponse;

/** The receipt of a response for the patient: scores without the alert rules they fired. */
export function patientScores(scores: readonly StoredScore[]): PatientScore[] {
  return scores.map(({ alerts: _alerts, ...score }) => score);
}

/** A stored response as the therapist reads it: the wire type. */
export type ResponseView = WireStoredResponse;

export function presentResponse(response: ResponseRecord): ResponseView {
  return {
    id: response.id,
    clientId: response.clientId,
    moduleId: response.moduleId,
    moduleVersion: response.moduleVersion,
    ...(response.pageId !== null ? { pageId: response.pageId } : {}),
    ...(response.registrationId !== null ? { registrationId: response.registrationId } : {}),
    answers: response.answers,
    completes: response.completes,
    answeredAt: response.answeredAt,
    receivedAt: response.receivedAt,
    scores: response.scores,
    zones: response.zones,
  };
}

/** The patient's latest answer per item of a module (registration entries excluded). */
export function latestAnswers(responses: readonly ResponseRecord[], moduleId: string): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (const response of responses) {
    if (response.moduleId !== moduleId || response.registrationId !== null) continue;
    Object.assign(answers, response.answers);
  }
  return answers;
}

/** What tells a replay of a submission from a different one under the same clientId: SHA-256 of its canonical JSON. */
function bodyHashOf(document: ResponseDocument): string {
  return hash('sha256', canonicalJson(document), 'hex');
}

function invalid(issues: Issue[]): DomainError {
  const items = [...new Set(issues.map((issue) => issue.path))].join(', ');
  return new DomainError('invalid', `The answers have ${issues.length} problem${issues.length === 1 ? '' : 's'}: ${items}.`, { issues });
}

export function createResponseCommands(deps: CareDeps) {
  /** Checks a registration entry: only its own fields, each well-formed, the required ones given. */
  const checkRegistration = (module: Module, registrationId: string, answers: Answers): Issue[] => {
    const registration = registrationsOf(module).find((block) => block.id === registrationId);
    if (!registration) return [{ code: 'response.unknown_registration', path: '/registrationId', message: `Module "${module.id}" has no registration "${registrationId}".` }];
    const fields = new Set(registration.fields.map((field) => field.id));
    const foreign: Issue[] = Object.keys(answers).filter((id) => !fields.has(id)).map((id) => ({ code: 'answer.not_in_registration', path: pointer('answers', id), message: `"${id}" is not a field of registration "${registrationId}".` }));
    const malformed = checkAnswers(module, Object.fromEntries(Object.entries(answers).filter(([id]) => fields.has(id))));
    const missing: Issue[] = registration.fields
      .filter((field) => field.required === true && (answers[field.id] === undefined || answers[field.id] === null || answers[field.id] === ''))
      .map((field) => ({ code: 'answer.required', path: pointer('answers', field.id), message: `"${field.id}" is required in every entry of "${registrationId}".` }));
    return [...foreign, ...malformed, ...missing];
  };

  /** Checks module answers: each submitted one well-formed; required items of the page (or, when finishing, of the whole path) answered. */
  const checkModuleAnswers = (module: Module, index: ModuleIndex, submitted: Answers, merged: Answers, document: ResponseDocument): Issue[] => {
    const malformed = checkAnswers(module, submitted, { index });
    const required = checkAnswers(module, merged, { index, ...(document.pageId !== undefined ? { pageId: document.pageId } : {}), requireComplete: document.completes === true })
      .filter((issue) => issue.code === 'answer.required' || issue.code === 'answer.unknown_page');
    const seen = new Set(malformed.map((issue) => issue.path));
    return [...malformed, ...required.filter((issue) => !seen.has(issue.path))];
  };

  const alertRecords = (drafts: AlertDraft[], enrollment: EnrollmentRecord, moduleId: string, responseId: string, at: string): AlertRecord[] =>
    drafts.map((draft) => ({ id: deps.newId(), enrollmentId: enrollment.id, unitId: enrollment.unitId, patientId: enrollment.patientId, ...draft, moduleId, responseId, dedupeKey: null, createdAt: at, acknowledgedAt: null, acknowledgedBy: null }));

  return {
    /**
     * Records one submission of the calling patient. Refusals: the body against response.schema.json
     * (422), a module version the patient is not on (422 at /moduleVersion), a changed content hash
     * (409), every answer against the module (422 naming each item). Then scores, zones and alerts
     * are computed and stored with the response in one write. Idempotent by `clientId`.
     */
    async recordResponse(context: CareContext, enrollmentId: string, body: unknown): Promise<{ created: boolean; result: RecordedView }> {
      const { enrollment, unit } = await ownEnrollment(deps, context, enrollmentId);
      const validation = validateResponse(body);
      if (!validation.ok) throw invalid(validation.issues);
      const document = validation.value;
      if (enrollment.status === 'ended') throw new DomainError('conflict', 'This program has ended; answers can no longer be recorded.');
      const pin = pinOf(enrollment.modules, document.moduleId);
      if ((!pin || pin.version !== document.moduleVersion) && (await movedFrom(deps, enrollment, document.moduleId, document.moduleVersion))) {
        // A retry of an answer recorded before the move (its acknowledgement was lost) is answered as recorded.
        const earlier = (await deps.store.listResponses(enrollment.id)).find((response) => response.clientId === document.clientId);
        if (earlier && earlier.bodyHash === bodyHashOf(document)) {
          return { created: false, result: { id: earlier.id, receivedAt: earlier.receivedAt, scores: patientScores(earlier.scores), zones: earlier.zones } };
        }
        // Given on the version the patient was on before a move (offline, sent after it): not
        // carried over (docs/answers-across-version-moves.md), so the app asks them to answer again.
        const message = `"${document.moduleId}" was updated to a new version after these answers were given, so they were not saved. Open it again and answer in the new version.`;
        throw new DomainError('conflict', message, { issues: [{ code: 'response.version_moved', path: '/moduleVersion', message }] });
      }
      if (!pin || pin.version !== document.moduleVersion) {
        const message = pin ? `You are on version ${pin.version} of "${document.moduleId}", not ${document.moduleVersion}.` : `"${document.moduleId}" is not part of your program.`;
        throw new DomainError('invalid', message, { issues: [{ code: 'response.not_enrolled_version', path: pin ? '/moduleVersion' : '/moduleId', message }] });
      }
      const { module, version, index } = await loadModule(deps, pin);
      if (document.contentHash !== undefined && document.contentHash !== version.contentHash) {
        const message = 'The module you answered is not the version stored; reload it and answer again.';
        throw new DomainError('conflict', message, { issues: [{ code: 'response.content_hash', path: '/contentHash', message }] });
      }
      const submitted = document.answers as Answers;
      // Only the attempt in progress counts: last week's PHQ-9 must not fill in this week's.
      const previous = document.registrationId === undefined ? await deps.store.openAttempt(enrollment.id, module.id) : [];
      // Answers given before the patient was moved to this version count where they carry over by item id.
      const merged: Answers = { ...(await currentAnswers(deps, previous, pin)), ...submitted };
      const issues = document.registrationId !== undefined ? checkRegistration(module, document.registrationId, submitted) : checkModuleAnswers(module, index, submitted, merged, document);
      if (issues.length > 0) throw invalid(issues);

      let scored: { scores: StoredScore[]; zones: StoredZone[]; alerts: AlertDraft[] } = { scores: [], zones: [], alerts: [] };
      if (document.registrationId !== undefined) {
        const registration = registrationsOf(module).find((block) => block.id === document.registrationId)!;
        const plan = (await deps.store.listPlans(enrollment.id)).find((candidate) => candidate.moduleId === module.id && candidate.registrationId === registration.id);
        const entry = zoneEntry(module, registration, submitted, plan?.overrides ?? {});
        scored = { scores: [], zones: entry.zones, alerts: entry.alerts };
      } else if (document.completes === true) {
        const result = scoreModule(module, relevantAnswers(module, merged, index));
        scored = { scores: result.scores, zones: [], alerts: result.alerts };
      }

      const receivedAt = deps.now().toISOString();
      const id = deps.newId();
      const response: ResponseRecord = {
        id,
        enrollmentId: enrollment.id,
        clientId: document.clientId,
        bodyHash: bodyHashOf(document),
        moduleId: module.id,
        moduleVersion: pin.version,
        pageId: document.pageId ?? null,
        registrationId: document.registrationId ?? null,
        answers: document.answers as Record<string, AnswerValue>,
        completes: document.completes === true,
        answeredAt: document.answeredAt,
        receivedAt,
        localDate: localDateOf(effectiveTime({ answeredAt: document.answeredAt, receivedAt }), unit.timeZone),
        scores: scored.scores,
        zones: scored.zones,
      };
      const audit = careAudit(deps, context, {
        at: receivedAt, role: 'patient', action: 'response.record', objectType: 'response', objectId: id, unit, patientId: enrollment.patientId,
        details: { enrollmentId: enrollment.id, moduleId: module.id, moduleVersion: pin.version, completes: response.completes, alertCount: scored.alerts.length },
      });
      const recorded = await deps.store.recordResponse({ response, alerts: alertRecords(scored.alerts, enrollment, module.id, id, receivedAt), audit });
      if (!recorded.created && recorded.response.bodyHash !== response.bodyHash) {
        const message = `A different submission with clientId "${document.clientId}" was already recorded; send new answers with a new clientId.`;
        throw new DomainError('conflict', message, { issues: [{ code: 'response.client_id_reused', path: '/clientId', message }] });
      }
      const stored = recorded.response;
      return { created: recorded.created, result: { id: stored.id, receivedAt: stored.receivedAt, scores: patientScores(stored.scores), zones: stored.zones } };
    },

    /** Every response of an enrollment, for its therapist (audited). */
    async listResponses(context: CareContext, enrollmentId: string): Promise<ResponseView[]> {
      const { enrollment, unit, role } = await enrollmentFor(deps, context, enrollmentId, 'enrollment.read');
      await auditPatientRead(deps, context, role, enrollment, unit, 'responses');
      return (await deps.store.listResponses(enrollment.id)).map(presentResponse);
    },

    /** Where the patient left off in a module: latest answer per item, the last page, whether finished. */
    async progress(context: CareContext, enrollmentId: string, moduleId: string): Promise<{ answers: Record<string, AnswerValue>; pageId: string | null; completed: boolean }> {
      const { enrollment } = await ownEnrollment(deps, context, enrollmentId);
      if (!pinOf(enrollment.modules, moduleId)) throw new DomainError('not_found', `"${moduleId}" is not part of this program.`);
      const responses = (await deps.store.listResponses(enrollment.id, { moduleId })).filter((response) => response.registrationId === null);
      const last = [...responses].reverse().find((response) => response.pageId !== null);
      const pin = pinOf(enrollment.modules, moduleId)!;
      // After a move to a newer version: answers by item id where they fit it, and the last page if it still has it.
      const pageId = last && (last.moduleVersion === pin.version || (await loadModule(deps, pin)).index.pages.has(last.pageId!)) ? last.pageId : null;
      return { answers: await currentAnswers(deps, responses, pin), pageId, completed: responses.some((response) => response.completes) };
    },
  };
}

/** Exposed for the referral intake, which checks and scores a questionnaire without an enrollment. */
export function checkIntakeAnswers(module: Module, answers: Answers, index?: ModuleIndex): Issue[] {
  return checkAnswers(module, answers, { requireComplete: true, ...(index ? { index } : {}) });
}

/**
 * Whether the enrollment was on this module version before one of its version moves: an answer to
 * it can only have been given before the move (offline, and sent after).
 */
async function movedFrom(deps: CareDeps, enrollment: EnrollmentRecord, moduleId: string, moduleVersion: number): Promise<boolean> {
  for (const move of await deps.versionMoves.listMoves(enrollment.id)) {
    const before = await deps.store.getDeployment(move.fromDeploymentId);
    if (before?.modules.some((pin) => pin.moduleId === moduleId && pin.version === moduleVersion)) return true;
  }
  return false;
}
