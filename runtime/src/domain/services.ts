import type { AccountsServices } from './accounts/accounts-services.js';
import type { ApiTokenService } from './api-tokens/api-tokens.js';
import type { StaffServices } from './accounts/staff-services.js';
import type { DataAdminService } from './data-admin/data-admin-service.js';
import type { AuthoringService } from './authoring/authoring-service.js';
import type { CareService } from './care/care-service.js';
import type { ExampleCatalog } from './example-catalog.js';
import type { FhirService } from './fhir/fhir-service.js';
import type { SecondFactorService } from './second-factor/second-factor-service.js';
import type { OidcSignInService } from './oidc/oidc-sign-in.js';
import type { HealthService } from './health-service.js';
import type { MediaService } from './media/media-service.js';
import type { WebhookService } from './webhooks/webhooks.js';
import type { ResearchExportService } from './research-export/research-export.js';

/**
 * The domain services routes may call. Built once by the composition root (server.ts) and handed
 * to `createApp`; routes never reach storage except through these. Always complete: tests of the
 * bare HTTP layer build them with `createTestServices` (testing/test-services.ts).
 */
export interface Services {
  health: HealthService;
  examples: ExampleCatalog;
  accounts: AccountsServices;
  authoring: AuthoringService;
  care: CareService;
  /** The read-only FHIR R4 endpoint. */
  fhir: FhirService;
  /** API tokens of integrating systems: created and revoked by care-provider admins, used on /fhir/r4. */
  apiTokens: ApiTokenService;
  /** Webhook subscriptions of care providers and their delivery log. */
  webhooks: WebhookService;
  /** Pseudonymised research exports (CSV and codebook) for care-provider admins and data admins. */
  researchExport: ResearchExportService;
  /** Staff administration at care providers and password resets (issue 12). */
  staff: StaffServices;
  /** The data administrator: audit search, review, patient export and purge (issue 12). */
  dataAdmin: DataAdminService;
  /** Sign-in with an OpenID Connect provider; only `describe` answers when none is configured (issue 12). */
  oidc: OidcSignInService;
  /** Publishing organisations' media libraries: uploads, the library list, and the files for whoever may see a module naming them (issue 13). */
  media: MediaService;
  /** The second factor (TOTP) of staff with passwords, and organisations' rule requiring it (issue 12). */
  secondFactor: SecondFactorService;
}
