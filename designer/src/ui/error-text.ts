import type { ApiError } from '@careloom/client/api';
import { t } from '../i18n/i18n.js';

/** What to tell a person about a failed call: the server's own sentence, or that it cannot be reached. */
export function errorText(error: ApiError): string {
  return error.status === 0 ? t('error.network') : error.detail || error.title;
}
