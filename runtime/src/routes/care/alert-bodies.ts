import { apiValidator } from '../../http/api-schemas.js';

/** `POST /api/care/alerts/:alertId/acknowledge`: what the therapist did (schemas/json/api/care.schema.json `AcknowledgeAlertInput`; a note is required for "other", checked by the service). */
export const acknowledgeAlertBody = apiValidator('AcknowledgeAlertInput');
