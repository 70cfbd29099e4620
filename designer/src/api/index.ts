export { ApiClient, type ApiClientOptions } from './api-client.js';
export { ApiError, isApiError, type ApiIssue } from './api-error.js';
export type * from '@careloom/format/api';
