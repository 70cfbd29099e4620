import type { AcknowledgeAlertInput } from '@careloom/format/api';
import { bodySchema } from '../authoring-request.js';

/** `POST /api/care/alerts/:alertId/acknowledge`: what the therapist did (a note up to 2000 characters; required for "other", checked by the service). */
export const acknowledgeAlertBody = bodySchema<AcknowledgeAlertInput>({
  type: 'object',
  additionalProperties: false,
  required: ['action'],
  properties: {
    action: {
      type: 'object',
      additionalProperties: false,
      required: ['kind'],
      properties: {
        kind: { enum: ['contacted', 'risk_assessed', 'referred', 'other'] },
        note: { type: 'string', maxLength: 2000 },
      },
    },
  },
});
