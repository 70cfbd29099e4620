import type { Issue } from '@careloom/format';
import type { Deployment as DeploymentView } from '@careloom/format/api';
import { moduleRefs } from '../authoring/document-content.js';
import { foreignMediaIssues } from '../media/media-references.js';
import { DomainError } from '../errors.js';
import { actorOf, careAudit, unitFor } from './care-access.js';
import type { CareContext, CareDeps } from './care-deps.js';
import { contentLanguages } from './invitation-mail.js';
import type { DeploymentRecord, ModulePin, ReleasedVersion } from './ports.js';

/** A deployment as the clinic sees it: the wire type, defined once. */
export type { Deployment as DeploymentView } from '@careloom/format/api';

export function presentDeployment(deployment: DeploymentRecord): DeploymentView {
  const { id, unitId, kind, documentId, version, title, contentHash, status, deployedAt, modules } = deployment;
  return { id, unitId, kind, documentId, version, title, contentHash, status, deployedAt, modules };
}

/** A program pins, per module it schedules, the version the program names, else what its release pinned, else the newest released. */
export async function programPins(deps: CareDeps, content: unknown, releasePins: readonly ModulePin[]): Promise<ModulePin[]> {
  const pins: ModulePin[] = [];
  const issues: Issue[] = [];
  for (const ref of moduleRefs(content)) {
    if (pins.some((pin) => pin.moduleId === ref.moduleId)) continue;
    const number = ref.version ?? releasePins.find((pin) => pin.moduleId === ref.moduleId)?.version ?? (await deps.content.currentVersion(ref.moduleId));
    const version = number !== undefined ? await deps.content.version(ref.moduleId, number) : undefined;
    if (!version || version.state !== 'released') {
      issues.push({ code: 'deployment.module_not_released', path: `/documentId`, message: `The program schedules module "${ref.moduleId}", which has no released version.`, params: { moduleId: ref.moduleId } });
    } else pins.push({ moduleId: ref.moduleId, version: version.number });
  }
  if (issues.length > 0) throw new DomainError('conflict', issues.map((issue) => issue.message).join(' '), { issues });
  return pins;
}

/** The module versions a deployment of this released version gives its patients. */
export function deploymentPins(deps: CareDeps, version: ReleasedVersion): Promise<ModulePin[]> {
  return version.kind === 'program' ? programPins(deps, version.content, version.pins) : Promise.resolve([{ moduleId: version.documentId, version: version.number }]);
}

/**
 * A module version naming another organisation's media library file (submitted before submitting
 * refused it) is not deployed: its patients could not see that file (media-access.ts).
 */
async function refuseForeignMedia(deps: CareDeps, modules: readonly ModulePin[]): Promise<void> {
  const issues: Issue[] = [];
  for (const pin of modules) {
    const version = await deps.content.versionContent(pin.moduleId, pin.version);
    // The request names only the document; the message names the module and the block.
    for (const issue of version ? foreignMediaIssues(version.content, version.organisationId, { moduleId: pin.moduleId }) : []) issues.push({ ...issue, path: '/documentId' });
  }
  if (issues.length > 0) throw new DomainError('conflict', issues.map((issue) => issue.message).join(' '), { issues });
}

export function createDeploymentCommands(deps: CareDeps) {
  return {
    async listDeployments(context: CareContext, unitId: string): Promise<DeploymentView[]> {
      const { unit } = await unitFor(deps, context, unitId, 'deployment.read');
      // With the languages each is written in (the enroll form's choice of the patient's language) and its title in each.
      return Promise.all((await deps.store.listDeployments(unit.id)).map(async (deployment) => {
        const declared = await contentLanguages(deps, deployment.documentId, deployment.version);
        const languages = [declared.defaultLanguage, ...declared.languages.filter((language) => language !== declared.defaultLanguage)];
        const titles = Object.fromEntries(languages.flatMap((language) => { const title = declared.title(language); return title ? [[language, title]] : []; }));
        return { ...presentDeployment(deployment), languages, titles };
      }));
    },

    /** Deploys a released version to a unit. Anything not released (a draft, a retired version) is a conflict. */
    async deploy(context: CareContext, unitId: string, input: { documentId: string; version: number }): Promise<DeploymentView> {
      const { unit, role } = await unitFor(deps, context, unitId, 'deployment.write');
      const version = await deps.content.version(input.documentId, input.version);
      // A version that was never released is not in the catalog: answered as if it did not exist, so a
      // care provider cannot learn which modules a publishing organisation is still working on.
      if (!version || (version.state !== 'released' && version.state !== 'retired')) throw new DomainError('not_found', `The catalog has no "${input.documentId}" version ${input.version}.`);
      if (version.state !== 'released') {
        const message = `"${input.documentId}" version ${input.version} is ${version.state.replace(/_/g, ' ')}; only released versions can be deployed.`;
        throw new DomainError('conflict', message, { issues: [{ code: 'deployment.not_released', path: '/version', message, params: { state: version.state } }] });
      }
      if (!unit.active) throw new DomainError('conflict', `The unit "${unit.name}" is not active; activate it first.`);
      const modules = await deploymentPins(deps, version);
      await refuseForeignMedia(deps, modules);
      const at = deps.now().toISOString();
      const deployment: DeploymentRecord = {
        id: deps.newId(),
        unitId: unit.id,
        kind: version.kind,
        documentId: version.documentId,
        version: version.number,
        title: version.title,
        contentHash: version.contentHash,
        modules,
        status: 'active',
        deployedAt: at,
        deployedBy: actorOf(context),
        withdrawnAt: null,
      };
      const audit = careAudit(deps, context, { at, role, action: 'deployment.create', objectType: 'deployment', objectId: deployment.id, unit, details: { documentId: deployment.documentId, version: deployment.version, contentHash: deployment.contentHash, modules } });
      const created = await deps.store.createDeployment({ deployment, audit });
      if (!created.ok) {
        const message = `"${version.title}" version ${version.number} is already deployed to ${unit.name}.`;
        throw new DomainError('conflict', message, { issues: [{ code: 'deployment.already_deployed', path: '/version', message, params: { deploymentId: created.existing.id } }] });
      }
      return presentDeployment(created.value);
    },

    /** Withdraws a deployment: no new enrollments; patients already enrolled carry on. */
    async withdraw(context: CareContext, deploymentId: string): Promise<DeploymentView> {
      const deployment = await deps.store.getDeployment(deploymentId);
      const { unit, role } = await unitFor(deps, context, deployment?.unitId ?? '', 'deployment.write').catch((error: unknown) => {
        throw error instanceof DomainError && error.code === 'not_found' ? new DomainError('not_found', `There is no deployment "${deploymentId}".`) : error;
      });
      if (!deployment) throw new DomainError('not_found', `There is no deployment "${deploymentId}".`);
      if (deployment.status === 'withdrawn') return presentDeployment(deployment);
      const at = deps.now().toISOString();
      const result = await deps.store.withdrawDeployment({ id: deployment.id, at, audit: careAudit(deps, context, { at, role, action: 'deployment.withdraw', objectType: 'deployment', objectId: deployment.id, unit }) });
      if (!result.ok) throw new DomainError('conflict', 'The deployment changed meanwhile; reload and try again.');
      return presentDeployment(result.value);
    },
  };
}
