export { ApiClient, secondFactorOwed, seg, type ApiClientOptions, type Method } from './api-client.js';
export { ApiError, apiErrorFrom, isApiError, type ApiIssue } from './api-error.js';
export { oidcStartUrl, takeSignInOutcome, SIGN_IN_OUTCOMES, type OidcApp, type SignInOutcome } from './oidc.js';
