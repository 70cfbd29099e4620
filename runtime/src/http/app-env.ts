import type { ApiClient } from '../domain/api-tokens/api-tokens.js';
import type { Principal } from '../domain/principal.js';

/** Per-request values set by middleware, typed for every route (`c.get('principal')`). */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** Set by the authentication middleware when the request carries a valid session; absent for anonymous requests. */
    principal?: Principal;
    /** Set on /fhir/* when the request carries a live API token (`Authorization: Bearer`); never together with `principal`. */
    apiClient?: ApiClient;
  };
}
