import type { Principal } from '../principal.js';
import { AUTHORING_ROLES, rolesIn } from '../authoring/policy.js';
import type { CareStore, ModulePin } from '../care/ports.js';
import { createLruCache } from '../care/lru-cache.js';
import type { MediaStore, MediaUse } from './media-store.js';

/** Version states whose modules are in the catalog, where every care-provider admin may read them. */
const CATALOG_STATES = new Set(['released', 'retired']);

/** How long one person's answer for one file is kept: a film plays as dozens of range requests. */
const DECISION_TTL_MS = 60_000;

export interface MediaAccessDeps {
  store: Pick<MediaStore, 'usesOf'>;
  care: Pick<CareStore, 'listEnrollmentsOfPatient' | 'listDeployments' | 'listUnits'>;
  now: () => Date;
}

/**
 * Who may read a library file: whoever may see a module that names it.
 *
 * - The designers, publishers and testers of the owning organisation: every file of its library
 *   (they see its drafts, which may name a file no version names yet).
 * - Anyone else only through a submitted version that names the file (its hash is in the version's
 *   content, `MediaStore.usesOf`), and only a version they may see:
 *   - a patient: a version one of their accepted enrollments is on;
 *   - a therapist: a version a deployment of one of their units gives patients;
 *   - a care-provider admin: a released (or retired) version, which the catalog shows every admin,
 *     and any version deployed to a unit of their provider.
 * Anything else is `false`, which the service answers as "no such file" (not "forbidden"), so a
 * hash does not tell whether another organisation holds that file.
 *
 * A yes is kept for a minute per session and file: a role taken away stops reading a file it
 * allowed within that minute (the file is the same content every patient on the version gets).
 */
export function createMediaAccess(deps: MediaAccessDeps) {
  const decisions = createLruCache<string, { allowed: boolean; at: number }>({ maxEntries: 4096 });

  const visiblePins = async (principal: Principal): Promise<ModulePin[]> => {
    const pins: ModulePin[] = [];
    const unitIds = new Set<string>();
    for (const membership of principal.memberships) {
      if (membership.role === 'therapist' && membership.unitId) unitIds.add(membership.unitId);
    }
    const adminOf = principal.memberships.filter((membership) => membership.role === 'care_provider_admin').map((membership) => membership.organisationId);
    if (adminOf.length > 0) for (const unit of await deps.care.listUnits({ organisationIds: adminOf, unitIds: [] })) unitIds.add(unit.id);
    for (const unitId of unitIds) {
      for (const deployment of await deps.care.listDeployments(unitId)) if (deployment.status === 'active') pins.push(...deployment.modules);
    }
    if (principal.memberships.some((membership) => membership.role === 'patient')) {
      for (const enrollment of await deps.care.listEnrollmentsOfPatient(principal.personId)) {
        if (enrollment.acceptedAt !== null && enrollment.status !== 'invited') pins.push(...enrollment.modules);
      }
    }
    return pins;
  };

  const decide = async (principal: Principal, organisationId: string, sha256: string): Promise<boolean> => {
    if (rolesIn(principal, organisationId).some((role) => AUTHORING_ROLES.includes(role))) return true;
    const uses: MediaUse[] = await deps.store.usesOf(organisationId, sha256);
    if (uses.length === 0) return false;
    const admin = principal.memberships.some((membership) => membership.role === 'care_provider_admin');
    if (admin && uses.some((use) => CATALOG_STATES.has(use.state))) return true;
    const pins = await visiblePins(principal);
    return uses.some((use) => pins.some((pin) => pin.moduleId === use.moduleId && pin.version === use.version));
  };

  return {
    async mayRead(principal: Principal, organisationId: string, sha256: string): Promise<boolean> {
      const key = `${principal.personId}\u0000${principal.sessionId}\u0000${organisationId}\u0000${sha256}`;
      const now = deps.now().getTime();
      const kept = decisions.get(key);
      if (kept && now - kept.at < DECISION_TTL_MS && now >= kept.at) return kept.allowed;
      const allowed = await decide(principal, organisationId, sha256);
      // Only a yes is kept: a refusal must end the moment the patient is enrolled or the version deployed.
      if (allowed) decisions.set(key, { allowed, at: now });
      return allowed;
    },
  };
}
