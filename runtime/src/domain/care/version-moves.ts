import { carryOverAnswers, droppedAdjustments, itemLosses, itemPrompt, localize, moveLevel, pinChanges } from '@careloom/format/engine';
import type { AnswerValue, ModuleIndex, ReleaseLevel } from '@careloom/format/engine';
import type { Program } from '@careloom/format';
import type { DeploymentMoveResult, EnrollmentVersions, NotCarried as NotCarriedView, VersionChanges, VersionMove as VersionMoveView, VersionRelease, VersionUpdate } from '@careloom/format/api';
import { DomainError } from '../errors.js';
import type { Role } from '../principal.js';
import { actorOf, auditPatientRead, careAudit, enrollmentFor, unitFor } from './care-access.js';
import type { CareContext, CareDeps } from './care-deps.js';
import { loadModule, loadProgram, pinOf, textIn } from './care-content.js';
import { createDeploymentCommands, deploymentPins, presentDeployment } from './deployments.js';
import { singleModuleProgram } from './enrollment-schedule.js';
import { contentLanguages } from './invitation-mail.js';
import type { DeploymentRecord, EnrollmentRecord, ModulePin, ResponseRecord, UnitRecord } from './ports.js';
import type { NotCarried, PlannedMove, VersionMoveRecord } from './version-move-ports.js';

/**
 * Moving enrolled patients to a newer released version of what their unit deployed (issue 13,
 * "versions in use"). A care-provider admin sees each deployment with a newer release, its notes
 * and change class, and moves every patient of the deployment at once when the change is minor
 * (the old deployment is withdrawn in the same write, so new patients get the newer version too).
 * A major change is moved one patient at a time by their therapist, from the patient page, once the
 * admin has deployed it. What a move keeps: the enrollment itself (start date, pauses, every
 * response), the therapist's adjustments by module key, and the answers of unfinished modules by
 * item id where they still fit (the engine decides, `version-move.ts`); what it cannot keep is
 * shown before confirming and recorded with the move. Admins never see patients' answers: they get
 * the structural changes before, and counts per item after.
 */

/**
 * The answers that count now in a module the patient is on `pin` of: the latest per item, where
 * answers given to an older version count only if they carry over to this one by item id.
 */
export async function currentAnswers(deps: CareDeps, responses: readonly ResponseRecord[], pin: ModulePin): Promise<Record<string, AnswerValue>> {
  const answers: Record<string, AnswerValue> = {};
  let index: ModuleIndex | undefined;
  for (const response of responses) {
    if (response.moduleId !== pin.moduleId || response.registrationId !== null) continue;
    if (response.moduleVersion === pin.version) {
      Object.assign(answers, response.answers);
      continue;
    }
    index ??= (await loadModule(deps, pin)).index;
    Object.assign(answers, carryOverAnswers(index, response.answers).carried);
  }
  return answers;
}

/** The program a deployment with these pins gives its patients (a module deployment: a one-module program). */
async function programFor(deps: CareDeps, deployment: Pick<DeploymentRecord, 'kind' | 'documentId' | 'version'>, pins: readonly ModulePin[]): Promise<Program> {
  return (await loadProgram(deps, deployment as DeploymentRecord)) ?? singleModuleProgram((await loadModule(deps, pins[0]!)).module);
}

/** The releases after `from` up to `to`, with their class and notes (versions never released are skipped). */
async function releasesBetween(deps: CareDeps, documentId: string, from: number, to: number): Promise<VersionRelease[]> {
  const releases: VersionRelease[] = [];
  for (let number = from + 1; number <= to; number++) {
    const version = await deps.content.version(documentId, number);
    if (version?.release) releases.push({ number, releaseClass: version.release.releaseClass, releaseNotes: version.release.releaseNotes, releasedAt: version.release.releasedAt });
  }
  return releases.reverse();
}

export function createVersionMoveCommands(deps: CareDeps) {
  const moduleTitle = async (pin: ModulePin, language: string | undefined) => {
    const { module } = await loadModule(deps, pin);
    return textIn(module.title, module, language);
  };

  /** What the newer pins change for answers already given, from the two versions alone. */
  const versionChanges = async (from: readonly ModulePin[], to: readonly ModulePin[], language: string | undefined): Promise<VersionChanges> => {
    const changes: VersionChanges = { items: [], modulesRemoved: [], modulesAdded: [] };
    for (const change of pinChanges(from, to)) {
      if (change.from !== null && change.to !== null) {
        const older = await loadModule(deps, { moduleId: change.moduleId, version: change.from });
        const newer = await loadModule(deps, { moduleId: change.moduleId, version: change.to });
        const title = textIn(older.module.title, older.module, language);
        for (const loss of itemLosses(older.index, newer.index)) {
          changes.items.push({ moduleId: change.moduleId, moduleTitle: title, itemId: loss.itemId, item: localize(loss.prompt, language ?? older.module.defaultLanguage, older.module.defaultLanguage), reason: loss.reason });
        }
      } else if (change.from !== null) changes.modulesRemoved.push({ moduleId: change.moduleId, title: await moduleTitle({ moduleId: change.moduleId, version: change.from }, language) });
      else changes.modulesAdded.push({ moduleId: change.moduleId, title: await moduleTitle({ moduleId: change.moduleId, version: change.to! }, language) });
    }
    return changes;
  };

  /** What moving this enrollment to `toPins` / `toProgram` would leave behind, by ids (stored with the move). */
  const notCarriedOf = async (enrollment: EnrollmentRecord, toPins: readonly ModulePin[], toProgram: Program): Promise<NotCarried> => {
    const notCarried: NotCarried = { answers: [], adjustments: [], modulesRemoved: [] };
    for (const change of pinChanges(enrollment.modules, toPins)) {
      if (change.from === null) continue;
      if (change.to === null) {
        notCarried.modulesRemoved.push(change.moduleId);
        continue;
      }
      // Only the attempt in progress carries over: finished attempts stay with the version they answered.
      const attempt = await deps.store.openAttempt(enrollment.id, change.moduleId);
      const answers = await currentAnswers(deps, attempt, { moduleId: change.moduleId, version: change.from });
      const { index } = await loadModule(deps, { moduleId: change.moduleId, version: change.to });
      for (const dropped of carryOverAnswers(index, answers).dropped) notCarried.answers.push({ moduleId: change.moduleId, ...dropped });
    }
    notCarried.adjustments = droppedAdjustments(toProgram, (await deps.patientSchedules.get(enrollment.id)).adjustments);
    return notCarried;
  };

  /** Says what did not carry over in the reader's words: items by what they asked, adjustments by their module. */
  const presentNotCarried = async (notCarried: NotCarried, fromPins: readonly ModulePin[], fromProgram: Program | undefined, language: string | undefined): Promise<NotCarriedView> => {
    const titleOf = async (moduleId: string) => {
      const pin = pinOf(fromPins, moduleId);
      return pin ? moduleTitle(pin, language) : moduleId;
    };
    const answers: NotCarriedView['answers'] = [];
    for (const answer of notCarried.answers) {
      const pin = pinOf(fromPins, answer.moduleId);
      const loaded = pin ? await loadModule(deps, pin) : undefined;
      const item = loaded ? localize(itemPrompt(loaded.index, answer.itemId), language ?? loaded.module.defaultLanguage, loaded.module.defaultLanguage) : '';
      answers.push({ moduleId: answer.moduleId, moduleTitle: await titleOf(answer.moduleId), itemId: answer.itemId, item: item || answer.itemId, reason: answer.reason });
    }
    const adjustments: NotCarriedView['adjustments'] = [];
    for (const adjustment of notCarried.adjustments) {
      const moduleId = adjustment.kind === 'registration_deadline'
        ? fromProgram?.registrations?.find((registration) => registration.id === adjustment.key)?.module.moduleId
        : fromProgram?.modules.find((scheduled) => scheduled.key === adjustment.key)?.module.moduleId;
      adjustments.push({ ...adjustment, title: moduleId ? await titleOf(moduleId) : adjustment.key });
    }
    return { answers, adjustments, modulesRemoved: await Promise.all(notCarried.modulesRemoved.map(async (moduleId) => ({ moduleId, title: await titleOf(moduleId) }))) };
  };

  /** A deployment's title in the reader's language (its content's), else the catalog's. */
  const titleOf = async (deployment: Pick<DeploymentRecord, 'documentId' | 'version' | 'title'>, language: string | undefined): Promise<string> =>
    (await contentLanguages(deps, deployment.documentId, deployment.version)).title(language ?? '') ?? deployment.title;

  const releaseLevel = async (documentId: string, from: number, to: number): Promise<{ level: ReleaseLevel; releases: VersionRelease[] }> => {
    const releases = await releasesBetween(deps, documentId, from, to);
    return { level: moveLevel(releases, from, to), releases };
  };

  const planMove = async (context: CareContext, role: Role, unit: UnitRecord, enrollment: EnrollmentRecord, from: DeploymentRecord, to: DeploymentRecord, level: ReleaseLevel, toProgram: Program, at: string): Promise<PlannedMove> => {
    const notCarried = await notCarriedOf(enrollment, to.modules, toProgram);
    const move: VersionMoveRecord = {
      id: deps.newId(),
      enrollmentId: enrollment.id,
      unitId: unit.id,
      documentId: to.documentId,
      fromDeploymentId: from.id,
      toDeploymentId: to.id,
      fromVersion: from.version,
      toVersion: to.version,
      changeClass: level,
      notCarried,
      movedAt: at,
      movedBy: actorOf(context),
    };
    const audit = careAudit(deps, context, {
      at, role, action: 'enrollment.version_move', objectType: 'enrollment', objectId: enrollment.id, unit, patientId: enrollment.patientId,
      details: { moveId: move.id, fromDeploymentId: from.id, toDeploymentId: to.id, fromVersion: from.version, toVersion: to.version, changeClass: level, answersNotCarried: notCarried.answers.length, adjustmentsNotCarried: notCarried.adjustments.length },
    });
    return { move, modules: to.modules, audit };
  };

  const presentMove = async (move: VersionMoveRecord, enrollment: EnrollmentRecord, language: string | undefined): Promise<VersionMoveView> => {
    const from = await deps.store.getDeployment(move.fromDeploymentId);
    const fromPins = from?.modules ?? enrollment.modules;
    const fromProgram = from ? await programFor(deps, from, fromPins).catch(() => undefined) : undefined;
    return {
      id: move.id,
      fromVersion: move.fromVersion,
      toVersion: move.toVersion,
      changeClass: move.changeClass,
      movedAt: move.movedAt,
      movedBy: (await deps.store.personName(move.movedBy)) ?? '',
      notCarried: await presentNotCarried(move.notCarried, fromPins, fromProgram, language),
    };
  };

  const openOn = async (unitId: string, deploymentId: string) =>
    (await deps.store.listEnrollmentsOfUnit(unitId)).filter((enrollment) => enrollment.deploymentId === deploymentId && enrollment.status !== 'ended');

  /** A newer deployment the therapist may move a patient to: active, in the patient's unit, of the same document. */
  const targetFor = async (enrollment: EnrollmentRecord, current: DeploymentRecord, deploymentId: string): Promise<DeploymentRecord> => {
    const target = await deps.store.getDeployment(deploymentId);
    if (!target || target.unitId !== enrollment.unitId || target.documentId !== current.documentId || target.status !== 'active' || target.version <= current.version) {
      const message = `The unit has no newer deployment "${deploymentId}" of "${current.title}" to move the patient to.`;
      throw new DomainError('invalid', message, { issues: [{ code: 'version_move.unknown_deployment', path: '/deploymentId', message }] });
    }
    return target;
  };

  /** The unit's active deployment of this version, deployed now if it has none (a second admin deploying at the same moment finds the first one's). */
  const deployedTarget = async (context: CareContext, unit: UnitRecord, documentId: string, version: number): Promise<DeploymentRecord> => {
    const find = async () => (await deps.store.listDeployments(unit.id)).find((candidate) => candidate.status === 'active' && candidate.documentId === documentId && candidate.version === version);
    const existing = await find();
    if (existing) return existing;
    try {
      const created = await createDeploymentCommands(deps).deploy(context, unit.id, { documentId, version });
      return (await deps.store.getDeployment(created.id))!;
    } catch (error) {
      const raced = error instanceof DomainError && error.issues.some((issue) => issue.code === 'deployment.already_deployed') ? await find() : undefined;
      if (raced) return raced;
      throw error;
    }
  };

  return {
    /** Care-provider admins: the unit's deployments whose module or program has a newer released version. */
    async versionUpdates(context: CareContext, unitId: string): Promise<{ updates: VersionUpdate[] }> {
      const { unit } = await unitFor(deps, context, unitId, 'deployment.write');
      const deployments = await deps.store.listDeployments(unit.id);
      const enrollments = await deps.store.listEnrollmentsOfUnit(unit.id);
      const updates: VersionUpdate[] = [];
      for (const deployment of deployments.filter((candidate) => candidate.status === 'active')) {
        const current = await deps.content.currentVersion(deployment.documentId);
        if (current === undefined || current <= deployment.version) continue;
        // A newer version already deployed and nobody left on this one: nothing to do here.
        const enrolled = enrollments.filter((enrollment) => enrollment.deploymentId === deployment.id && enrollment.status !== 'ended').length;
        const target = deployments.find((candidate) => candidate.status === 'active' && candidate.documentId === deployment.documentId && candidate.version === current);
        if (target && enrolled === 0) continue;
        const version = await deps.content.version(deployment.documentId, current);
        if (!version || version.state !== 'released') continue;
        const { level, releases } = await releaseLevel(deployment.documentId, deployment.version, current);
        const pins = target?.modules ?? (await deploymentPins(deps, version).catch(() => undefined));
        if (!pins) continue;
        updates.push({
          deploymentId: deployment.id,
          documentId: deployment.documentId,
          kind: deployment.kind,
          title: await titleOf(deployment, context.language),
          fromVersion: deployment.version,
          toVersion: current,
          changeClass: level,
          releases,
          enrolled,
          targetDeploymentId: target?.id ?? null,
          changes: await versionChanges(deployment.modules, pins, context.language),
        });
      }
      return { updates };
    },

    /**
     * Care-provider admins: moves every patient of a deployment to a newer minor version, deploying
     * it to the unit first when it is not there yet, and withdrawing the old deployment in the
     * moves' own transaction. A major version is refused (409): its patients are moved one by one.
     */
    async moveDeploymentPatients(context: CareContext, deploymentId: string, input: { version: number }): Promise<DeploymentMoveResult> {
      const source = await deps.store.getDeployment(deploymentId);
      const { unit, role } = await unitFor(deps, context, source?.unitId ?? '', 'deployment.write').catch((error: unknown) => {
        throw error instanceof DomainError && error.code === 'not_found' ? new DomainError('not_found', `There is no deployment "${deploymentId}".`) : error;
      });
      if (!source) throw new DomainError('not_found', `There is no deployment "${deploymentId}".`);
      if (source.status !== 'active') throw new DomainError('conflict', `"${source.title}" version ${source.version} was withdrawn from this unit; its patients were moved or stay where they are.`);
      if (input.version <= source.version) {
        const message = `Version ${input.version} is not newer than version ${source.version}, which the patients are on.`;
        throw new DomainError('invalid', message, { issues: [{ code: 'version_move.not_newer', path: '/version', message }] });
      }
      const version = await deps.content.version(source.documentId, input.version);
      if (!version || version.state !== 'released') {
        const message = `"${source.title}" has no released version ${input.version}.`;
        throw new DomainError('invalid', message, { issues: [{ code: 'version_move.not_released', path: '/version', message }] });
      }
      const { level } = await releaseLevel(source.documentId, source.version, input.version);
      if (level === 'major') {
        const message = `Version ${input.version} of "${source.title}" is a major change: deploy it, and each patient's therapist moves them from the patient page.`;
        throw new DomainError('conflict', message, { issues: [{ code: 'version_move.major', path: '/version', message }] });
      }
      const target = await deployedTarget(context, unit, source.documentId, input.version);
      const toProgram = await programFor(deps, target, target.modules);
      const fromProgram = await programFor(deps, source, source.modules);
      const at = deps.now().toISOString();
      const moves: PlannedMove[] = [];
      for (const enrollment of await openOn(unit.id, source.id)) moves.push(await planMove(context, role, unit, enrollment, source, target, level, toProgram, at));
      const withdraw = { deploymentId: source.id, at, audit: careAudit(deps, context, { at, role, action: 'deployment.withdraw', objectType: 'deployment', objectId: source.id, unit, details: { movedTo: target.id } }) };
      const { moved, skipped } = await deps.versionMoves.move({ moves, withdraw });

      // Counted per item and adjustment over the patients who moved: what the admin may know.
      const answers = new Map<string, { moduleTitle: string; item: string; patients: number }>();
      const adjustments = new Map<string, { kind: NotCarriedView['adjustments'][number]['kind']; title: string; patients: number }>();
      for (const move of moved) {
        const shown = await presentNotCarried(move.notCarried, source.modules, fromProgram, context.language);
        for (const answer of shown.answers) {
          const key = `${answer.moduleId}\u0000${answer.itemId}`;
          const entry = answers.get(key) ?? { moduleTitle: answer.moduleTitle, item: answer.item, patients: 0 };
          entry.patients++;
          answers.set(key, entry);
        }
        for (const adjustment of shown.adjustments) {
          const key = `${adjustment.kind}\u0000${adjustment.key}`;
          const entry = adjustments.get(key) ?? { kind: adjustment.kind, title: adjustment.title, patients: 0 };
          entry.patients++;
          adjustments.set(key, entry);
        }
      }
      return { deployment: presentDeployment(target), moved: moved.length, skipped: skipped.length, answers: [...answers.values()], adjustments: [...adjustments.values()] };
    },

    /** Therapists: the version the patient is on, newer ones deployed to the unit with what a move would leave behind, and earlier moves (audited). */
    async enrollmentVersions(context: CareContext, enrollmentId: string): Promise<EnrollmentVersions> {
      const { enrollment, unit, role } = await enrollmentFor(deps, context, enrollmentId, 'enrollment.read');
      const current = await deps.store.getDeployment(enrollment.deploymentId);
      if (!current) throw new Error(`enrollment ${enrollment.id} has no deployment ${enrollment.deploymentId}`);
      const fromProgram = await programFor(deps, current, enrollment.modules);
      const available: EnrollmentVersions['available'] = [];
      if (enrollment.status !== 'ended') {
        const newer = (await deps.store.listDeployments(unit.id)).filter((candidate) => candidate.status === 'active' && candidate.documentId === current.documentId && candidate.version > current.version);
        for (const target of newer.sort((a, b) => b.version - a.version)) {
          const { level, releases } = await releaseLevel(current.documentId, current.version, target.version);
          const notCarried = await notCarriedOf(enrollment, target.modules, await programFor(deps, target, target.modules));
          available.push({
            deploymentId: target.id,
            version: target.version,
            changeClass: level,
            releases,
            changes: await versionChanges(enrollment.modules, target.modules, context.language),
            notCarried: await presentNotCarried(notCarried, enrollment.modules, fromProgram, context.language),
          });
        }
      }
      const moves = await Promise.all((await deps.versionMoves.listMoves(enrollment.id)).map((move) => presentMove(move, enrollment, context.language)));
      await auditPatientRead(deps, context, role, enrollment, unit, 'versions');
      return { deploymentId: current.id, title: await titleOf(current, context.language), version: current.version, available, moves };
    },

    /** Therapists: moves one patient to a newer deployment of their unit (any change class); 409 when the patient was moved meanwhile. */
    async moveEnrollment(context: CareContext, enrollmentId: string, input: { deploymentId: string; fromDeploymentId: string }): Promise<VersionMoveView> {
      const { enrollment, unit, role } = await enrollmentFor(deps, context, enrollmentId, 'enrollment.write');
      if (enrollment.status === 'ended') throw new DomainError('conflict', 'This enrollment has ended; it stays on the version it ended on.');
      const stale = () => new DomainError('conflict', 'The patient was moved to another version meanwhile; reload and look again.', { issues: [{ code: 'version_move.stale', path: '/fromDeploymentId', message: 'The patient is no longer on this version.' }] });
      if (enrollment.deploymentId !== input.fromDeploymentId) throw stale();
      const current = await deps.store.getDeployment(enrollment.deploymentId);
      if (!current) throw new Error(`enrollment ${enrollment.id} has no deployment ${enrollment.deploymentId}`);
      const target = await targetFor(enrollment, current, input.deploymentId);
      const { level } = await releaseLevel(current.documentId, current.version, target.version);
      const planned = await planMove(context, role, unit, enrollment, { ...current, modules: enrollment.modules }, target, level, await programFor(deps, target, target.modules), deps.now().toISOString());
      const { moved } = await deps.versionMoves.move({ moves: [planned] });
      if (moved.length === 0) throw stale();
      return presentMove(moved[0]!, enrollment, context.language);
    },
  };
}
