// Staff administration at a care provider (issue 12): the People screen's directory, unit
// assignments, responsible therapists and password reset.
import type { Member } from './accounts.js';

/** GET /api/care/providers/:orgId/staff */
export interface StaffDirectory {
  members: Member[];
  units: Array<{ id: string; name: string; active: boolean }>;
}

/** GET|PUT|DELETE /api/care/units/:unitId/patients/:patientId/therapists[/:personId] */
export interface ResponsibleTherapists {
  therapists: Array<{ id: string; name: string; assignedAt: string }>;
}

/** POST /api/public/password-reset */
export interface PasswordResetRequestBody {
  email: string;
  language?: 'en' | 'sv' | 'nb';
}

/** POST /api/public/password-reset/complete */
export interface PasswordResetCompleteBody {
  token: string;
  password: string;
}
