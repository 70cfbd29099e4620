import type { Unit as WireUnit } from '@careloom/format/api';
import { DEFAULT_TIME_ZONE } from '@careloom/format/engine';
import { DomainError } from '../errors.js';
import { actorOf, careAudit, requireAllowed, unitFor } from './care-access.js';
import type { CareContext, CareDeps } from './care-deps.js';
import { authorizeProvider, careScope } from './policy.js';
import type { UnitRecord, UnitSettings } from './ports.js';

/** A unit as the API shows it: the wire type (schemas/json/api/care.schema.json). */
export type UnitView = WireUnit;

export interface UnitPatch {
  name?: string;
  active?: boolean;
  timeZone?: string;
  settings?: UnitSettings;
  intake?: { deploymentId: string } | null;
}

// The engine holds the default, so the designer's simulator starts in the zone a new unit keeps.
export { DEFAULT_TIME_ZONE };

export function presentUnit(unit: UnitRecord): UnitView {
  return {
    id: unit.id,
    organisationId: unit.organisationId,
    name: unit.name,
    active: unit.active,
    timeZone: unit.timeZone,
    settings: unit.settings,
    intake: unit.intakeDeploymentId ? { deploymentId: unit.intakeDeploymentId } : null,
  };
}

/** Whether the runtime knows an IANA time zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function checkTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) {
    const message = `"${timeZone}" is not a time zone; use an IANA name such as "Europe/Stockholm".`;
    throw new DomainError('invalid', message, { issues: [{ code: 'unit.time_zone', path: '/timeZone', message }] });
  }
}

export function createUnitCommands(deps: CareDeps) {
  return {
    /** Units the caller works with: every unit of the providers they administer, and the units they treat in. */
    async listUnits(context: CareContext): Promise<UnitView[]> {
      if (!context.principal) throw new DomainError('unauthenticated', 'Sign in to work with care units.');
      const scope = careScope(context.principal);
      if (scope.organisationIds.length === 0 && scope.unitIds.length === 0) throw new DomainError('forbidden', 'Care units are for care-provider admins and therapists.');
      return (await deps.store.listUnits(scope)).map(presentUnit);
    },

    async createUnit(context: CareContext, organisationId: string, input: { name: string; timeZone?: string }): Promise<UnitView> {
      const role = requireAllowed(authorizeProvider(context.principal, 'unit.create', organisationId));
      const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
      checkTimeZone(timeZone);
      const at = deps.now().toISOString();
      const unit: UnitRecord = { id: deps.newId(), organisationId, name: input.name.trim(), active: true, timeZone, settings: {}, intakeDeploymentId: null, createdAt: at, updatedAt: at };
      const stored = await deps.store.createUnit({ unit, audit: careAudit(deps, context, { at, role, action: 'unit.create', objectType: 'unit', objectId: unit.id, unit, details: { timeZone } }) });
      return presentUnit(stored);
    },

    /** Changes a unit's name, activity, time zone, contact settings (merged; '' removes one) or intake questionnaire. */
    async updateUnit(context: CareContext, unitId: string, patch: UnitPatch): Promise<UnitView> {
      const { unit, role } = await unitFor(deps, context, unitId, 'unit.update');
      if (patch.timeZone !== undefined) checkTimeZone(patch.timeZone);
      if (patch.intake) {
        const deployment = await deps.store.getDeployment(patch.intake.deploymentId);
        if (!deployment || deployment.unitId !== unit.id) {
          const message = `The unit has no deployment "${patch.intake.deploymentId}".`;
          throw new DomainError('invalid', message, { issues: [{ code: 'unit.intake_unknown', path: '/intake/deploymentId', message }] });
        }
        if (deployment.kind !== 'module' || deployment.status !== 'active') {
          const message = 'An intake questionnaire must be an active deployment of a single module.';
          throw new DomainError('invalid', message, { issues: [{ code: 'unit.intake_not_module', path: '/intake/deploymentId', message }] });
        }
      }
      const settings: UnitSettings = { ...unit.settings };
      for (const [key, value] of Object.entries(patch.settings ?? {}) as Array<[keyof UnitSettings, string]>) {
        if (value.trim() === '') delete settings[key];
        else settings[key] = value.trim();
      }
      const at = deps.now().toISOString();
      const updated: UnitRecord = {
        ...unit,
        name: patch.name?.trim() ?? unit.name,
        active: patch.active ?? unit.active,
        timeZone: patch.timeZone ?? unit.timeZone,
        settings,
        intakeDeploymentId: patch.intake === undefined ? unit.intakeDeploymentId : (patch.intake?.deploymentId ?? null),
        updatedAt: at,
      };
      const changed = Object.keys(patch);
      actorOf(context);
      return presentUnit(await deps.store.updateUnit({ unit: updated, audit: careAudit(deps, context, { at, role, action: 'unit.update', objectType: 'unit', objectId: unit.id, unit, details: { changed } }) }));
    },
  };
}
