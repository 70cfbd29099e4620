import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMediaService } from '../domain/media/media-service.js';
import { openMediaFiles } from '../storage/media-files.js';
import { createSecretBox } from '../mail/secret-box.js';
import { identityDigester } from '../domain/oidc/identity-digest.js';
import { createOidcSignInService } from '../domain/oidc/oidc-sign-in.js';
import type { OidcProviderPort } from '../domain/oidc/oidc-provider-port.js';
import { createSecondFactorService } from '../domain/second-factor/second-factor-service.js';
import { createTestClock, type Clock } from '../clock.js';
import { createAccountsServices } from '../domain/accounts/accounts-services.js';
import { createStaffServices } from '../domain/accounts/staff-services.js';
import { createDataAdminService } from '../domain/data-admin/data-admin-service.js';
import { createAuthoringService } from '../domain/authoring/authoring-service.js';
import type { ExampleLibrary } from '../domain/authoring/ports.js';
import { yDocDraftCodec } from '../domain/authoring/ydoc-draft-codec.js';
import { createCareService } from '../domain/care/care-service.js';
import { createFhirService } from '../domain/fhir/fhir-service.js';
import { createApiTokenService } from '../domain/api-tokens/api-tokens.js';
import { createWebhookService } from '../domain/webhooks/webhooks.js';
import { createResearchExportService } from '../domain/research-export/research-export.js';
import { newInvitationCode } from '../domain/care/invitation-code.js';
import { createPatientAccounts, invitedSessionsOf } from '../domain/care/patient-accounts.js';
import { createReleasedContent } from '../domain/care/released-content.js';
import type { ExampleCatalog } from '../domain/example-catalog.js';
import { createHealthService } from '../domain/health-service.js';
import type { Services } from '../domain/services.js';
import { createSequentialIds, type IdGenerator } from '../ids.js';
import { silentLogger, type Logger } from '../logger.js';
import type { Stores } from '../storage/types.js';
import { PUBLIC_TARGETS_ONLY, type WebhookTargetPolicy } from '../domain/webhooks/webhook-targets.js';
import { plainHasher } from './care-test-app.js';

/** No examples to start a document from. */
const noExamples: ExampleLibrary = { list: async () => [], get: async () => undefined };

/**
 * Complete services on the given stores, as server.ts builds them but with a fake password hasher,
 * the Yjs codec in this thread and no example library: for tests of the bare HTTP layer (createApp),
 * which then mounts every route exactly as in production.
 *
 * @example
 * const stores = createSqliteStores(openDatabase({ file: ':memory:' }).db);
 * const services = createTestServices(stores, { examples });
 */
export function createTestServices(stores: Stores, options: { examples: ExampleCatalog; clock?: Clock; ids?: IdGenerator; logger?: Logger; publicUrl?: string; version?: string; newResetToken?: () => string; webhookTargets?: WebhookTargetPolicy; oidcProvider?: OidcProviderPort; mediaDir?: string; mediaMaxBytes?: number }): Services {
  const clock = options.clock ?? createTestClock();
  const ids = options.ids ?? createSequentialIds('service');
  const publicUrl = () => options.publicUrl ?? 'http://localhost:8080';
  // One key for the run, as server.ts has the mail key.
  const box = createSecretBox(randomBytes(32));
  const secondFactor = createSecondFactorService({
    store: stores.secondFactors,
    accounts: stores.accounts,
    sealer: box,
    recoveryKey: randomBytes(32),
    throttle: stores.rateLimits.loginThrottle(() => clock.now().getTime()),
    clock,
    // As server.ts: forgotten by the session cache at once.
    sessionsChanged: (personIds) => {
      for (const personId of personIds) accounts.sessionRevoked.emit({ personId, reason: 'second_factor' });
    },
  });
  const accounts = createAccountsServices({ store: stores.accounts, hasher: plainHasher, clock, ids, invitations: { store: stores.memberInvitations, publicUrl }, secondFactorGate: (personId) => secondFactor.requirement(personId) });
  const fhir = createFhirService({ care: stores.care, responses: stores.responses, content: createReleasedContent(stores.authoring), canonicalBase: () => `${publicUrl()}/fhir/r4`, now: () => clock.now(), newId: () => ids.newId() });
  const care = createCareService({
    store: stores.care,
    alertSafety: stores.alertSafety,
    patientSchedules: stores.patientSchedules,
    versionMoves: stores.versionMoves,
    patientNotices: stores.patientNotices,
    staffNotices: stores.staffNotices,
    content: createReleasedContent(stores.authoring),
    accounts: createPatientAccounts({ store: stores.accounts, hasher: plainHasher, newId: () => ids.newId() }),
    sessions: invitedSessionsOf(accounts.authentication, plainHasher),
    now: () => clock.now(),
    newId: () => ids.newId(),
    newInvitationCode: () => newInvitationCode(),
    responsible: stores.staff,
    publicUrl,
    logger: options.logger ?? silentLogger,
  });
  const oidc = createOidcSignInService({
    provider: options.oidcProvider,
    identities: stores.externalIdentities,
    accounts: stores.accounts,
    authentication: accounts.authentication,
    memberInvitations: accounts.invitations,
    care,
    sealer: { seal: (text) => box.seal(text, 'careloom_oidc'), open: (sealed) => box.open(sealed, 'careloom_oidc') },
    digest: identityDigester(randomBytes(32)),
    clock,
    publicUrl,
  });
  return {
    oidc,
    secondFactor,
    health: createHealthService({ storage: stores, version: options.version ?? '9.9.9-test' }),
    examples: options.examples,
    accounts,
    dataAdmin: createDataAdminService({ store: stores.dataAdmin, now: () => clock.now(), newId: () => ids.newId(), sessionRevoked: accounts.sessionRevoked, fhir: { content: createReleasedContent(stores.authoring), getUnit: (id) => stores.care.getUnit(id), canonicalBase: () => `${publicUrl()}/fhir/r4` } }),
    staff: createStaffServices({ store: stores.staff, accounts: stores.accounts, audit: stores.audit, hasher: plainHasher, sessionRevoked: accounts.sessionRevoked, clock, ids, publicUrl, ...(options.newResetToken ? { newResetToken: options.newResetToken } : {}) }),
    authoring: createAuthoringService({ store: stores.authoring, drafts: stores.drafts, codec: yDocDraftCodec, examples: noExamples, now: () => clock.now(), newId: () => ids.newId() }),
    care,
    fhir,
    apiTokens: createApiTokenService({ store: stores.apiTokens, care: stores.care, now: () => clock.now(), newId: () => ids.newId() }),
    media: createMediaService({ store: stores.media, drafts: stores.drafts, codec: yDocDraftCodec, bodies: openMediaFiles(options.mediaDir ?? join(tmpdir(), 'careloom-test-media')), care: stores.care, maxBytes: options.mediaMaxBytes ?? 1024 * 1024, now: () => clock.now() }),
    researchExport: createResearchExportService({ care: stores.care, content: createReleasedContent(stores.authoring), audit: stores.audit, pseudonymSecret: Buffer.alloc(32, 1), now: () => clock.now(), newId: () => ids.newId() }),
    webhooks: createWebhookService({ store: stores.webhooks, policy: options.webhookTargets ?? PUBLIC_TARGETS_ONLY, now: () => clock.now(), newId: () => ids.newId() }),
  };
}
