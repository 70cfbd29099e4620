export { ApiClient, seg, type ApiClientOptions, type Method } from './api-client.js';
export { ApiError, apiErrorFrom, isApiError, type ApiIssue } from './api-error.js';
