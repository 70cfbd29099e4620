import type { Logger } from '../logger.js';
import type { AccountsStore } from './accounts/accounts-store.js';
import type { OrganisationService } from './accounts/organisation-service.js';
import type { AuthoringContext } from './authoring/authoring-deps.js';
import type { AuthoringService } from './authoring/authoring-service.js';
import type { DocumentKind, ExampleLibrary } from './authoring/ports.js';
import type { CareContext } from './care/care-deps.js';
import type { CareService } from './care/care-service.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { EXAMPLES_AUTHOR } from './examples-author.js';
import type { Principal, Role } from './principal.js';

export interface DemoContentDeps {
  authoring: AuthoringService;
  care: CareService;
  organisations: OrganisationService;
  accountsStore: AccountsStore;
  examples: ExampleLibrary;
  logger: Logger;
  now: () => Date;
}

const PUBLISHING = { slug: 'careloom-demo-publishing', name: 'Careloom Demo Publishing', kind: 'publisher' as const };
const PROVIDER = { slug: 'demo-care-provider', name: 'Demo Care Provider', kind: 'care_provider' as const };
const CLINIC = 'Demo clinic';
const CLINIC_SETTINGS = {
  contactName: 'Demo clinic, psychiatry outpatient unit',
  phone: '+46 8 123 45 00',
  crisisPhone: '112',
  email: 'demo-clinic@demo.careloom.test',
  address: 'Exempelgatan 1, 111 22 Stockholm',
  openingHours: 'Weekdays 08:00–16:00',
};

function demoPrincipal(key: string, personId: string, organisationId: string, role: Role, unitId?: string): Principal {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.email === `${key}@demo.careloom.test`)!;
  return { personId, name: account.name, email: account.email, sessionId: `demo-seed-${key}`, memberships: [{ organisationId, role, ...(unitId ? { unitId } : {}) }] };
}

async function personOf(organisations: OrganisationService, key: string, organisationId: string, roles: Role[]) {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.email === `${key}@demo.careloom.test`)!;
  return organisations.ensureAccount({ email: account.email, name: account.name, password: account.password }, organisationId, roles);
}

/**
 * The demo content for `npm start`, after `seedDemo`: every example module and program created in
 * the demo publishing organisation and released through the real authoring workflow (written and
 * submitted by "Careloom examples", a person nobody signs in as (examples-author.ts), reviewed,
 * approved and released by the demo publisher), and the demo care provider's
 * active "Demo clinic" with its contact settings and the demo therapist working there. Nothing is
 * deployed or enrolled: that is what a demo (and the end-to-end test) does through the UI.
 * Idempotent: a restart finds everything in place, and finishes a release a crash interrupted.
 *
 * @example
 * await seedDemoContent({ authoring, care, organisations, accountsStore, examples, logger, now });
 */
export async function seedDemoContent(deps: DemoContentDeps): Promise<void> {
  const publishing = await deps.organisations.ensureOrganisation(PUBLISHING);
  const provider = await deps.organisations.ensureOrganisation(PROVIDER);
  await personOf(deps.organisations, 'designer', publishing.id, ['designer']);
  const publisher = await personOf(deps.organisations, 'publisher', publishing.id, ['publisher']);
  const admin = await personOf(deps.organisations, 'care-admin', provider.id, ['care_provider_admin']);
  const therapist = await personOf(deps.organisations, 'therapist', provider.id, ['therapist']);

  const as = (principal: Principal): AuthoringContext & CareContext => ({ principal, requestId: null, ip: null });
  // The examples' author acts as a designer of the demo publishing organisation for the seed only:
  // it holds no membership there (so it is in no people list) and has no session anywhere.
  const designerContext = as({ personId: EXAMPLES_AUTHOR.id, name: EXAMPLES_AUTHOR.name, email: EXAMPLES_AUTHOR.email, sessionId: 'demo-seed-examples', memberships: [{ organisationId: publishing.id, role: 'designer' }] });
  const publisherContext = as(demoPrincipal('publisher', publisher.id, publishing.id, 'publisher'));
  const adminContext = as(demoPrincipal('care-admin', admin.id, provider.id, 'care_provider_admin'));

  const clinic = (await deps.care.listUnits(adminContext)).find((unit) => unit.name === CLINIC) ?? (await deps.care.createUnit(adminContext, provider.id, { name: CLINIC, timeZone: 'Europe/Stockholm' }));
  if (!clinic.active || Object.keys(clinic.settings).length === 0) await deps.care.updateUnit(adminContext, clinic.id, { active: true, settings: CLINIC_SETTINGS });
  await deps.accountsStore.grantRole(provider.id, therapist.id, { role: 'therapist', unitId: clinic.id }, { at: deps.now().toISOString() });

  const examples = await deps.examples.list();
  const ordered: Array<{ kind: DocumentKind; name: string }> = [...examples.filter((example) => example.kind === 'module'), ...examples.filter((example) => example.kind === 'program')];
  const existing = new Map((await deps.authoring.listDocuments(designerContext)).map((document) => [document.id, document]));
  for (const example of ordered) {
    try {
      await releaseExample(deps, example, existing.get(example.name), { designerContext, publisherContext, organisationId: publishing.id });
    } catch (error) {
      deps.logger.warn('A demo example could not be released', { example: example.name, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

async function releaseExample(
  deps: DemoContentDeps,
  example: { kind: DocumentKind; name: string },
  existing: { releasedVersion: number | null } | undefined,
  contexts: { designerContext: AuthoringContext; publisherContext: AuthoringContext; organisationId: string },
): Promise<void> {
  if (existing?.releasedVersion != null) return;
  const id = existing ? example.name : (await deps.authoring.createDocument(contexts.designerContext, { organisationId: contexts.organisationId, kind: example.kind, example: example.name })).document.id;
  const versions = await deps.authoring.listVersions(contexts.designerContext, id);
  let version = versions[versions.length - 1];
  if (!version || ['changes_requested', 'withdrawn', 'retired'].includes(version.state)) version = await deps.authoring.submitVersion(contexts.designerContext, id, { changeNote: 'Example content shipped with Careloom' });
  for (const action of ['start_review', 'approve_for_test', 'release'] as const) {
    if (version.allowedActions.includes(action)) {
      version = await deps.authoring.transitionVersion(contexts.publisherContext, id, version.number, action === 'release' ? { action, releaseNotes: 'First release of the example content.' } : { action });
    }
  }
}
