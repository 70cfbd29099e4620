export { DesignerApi } from './api-client.js';
export { ApiError, isApiError, type ApiClientOptions, type ApiIssue } from '@careloom/client/api';
export type * from '@careloom/format/api';
