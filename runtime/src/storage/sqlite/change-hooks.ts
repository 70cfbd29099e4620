import type Database from 'better-sqlite3';

/** Who is told when this connection changes a person's memberships, a patient's enrollments or a care unit. */
export interface ChangeHooks {
  onAccessChanged(listener: (personId: string) => void): void;
  onEnrollmentsChanged(listener: (patientId: string) => void): void;
  onUnitChanged(listener: (unitId: string) => void): void;
}

const installed = new WeakMap<Database.Database, ChangeHooks>();

/**
 * Every column of enrollments but `last_activity_at`: each recorded answer sets that one, and it
 * decides no access, so forgetting the patient's enrollments on it would make every answer read
 * them again. A column added by a migration must be added here (change-hooks.test.ts checks).
 */
export const ENROLLMENT_ACCESS_COLUMNS = ['id', 'unit_id', 'deployment_id', 'patient_id', 'status', 'started_on', 'started_at', 'modules', 'created_by', 'created_at', 'updated_at', 'accepted_at', 'invited_name', 'language'] as const;

/** Triggers calling `fn` with the `key` column of every row inserted, updated (`updateOf` only, when given) or deleted in `table`. */
function watch(table: string, fn: string, key: string, updateOf?: readonly string[]): string {
  const update = updateOf ? `UPDATE OF ${updateOf.join(', ')}` : 'UPDATE';
  return `
CREATE TEMP TRIGGER IF NOT EXISTS careloom_${table}_inserted AFTER INSERT ON main.${table}
BEGIN SELECT ${fn}(NEW.${key}); END;
CREATE TEMP TRIGGER IF NOT EXISTS careloom_${table}_updated AFTER ${update} ON main.${table}
BEGIN SELECT ${fn}(OLD.${key}); SELECT ${fn}(NEW.${key}); END;
CREATE TEMP TRIGGER IF NOT EXISTS careloom_${table}_deleted AFTER DELETE ON main.${table}
BEGIN SELECT ${fn}(OLD.${key}); END;`;
}

// TEMP triggers belong to this connection alone: they fire for its own writes, whatever store
// method or path made them, and no other connection (the sqlite3 shell, `npm run admin:create`)
// needs the functions they call. Writes by other connections are seen when a cached read expires.
const TRIGGERS = [
  watch('memberships', 'careloom_access_changed', 'person_id'),
  watch('enrollments', 'careloom_enrollments_changed', 'patient_id', ENROLLMENT_ACCESS_COLUMNS),
  watch('care_units', 'careloom_unit_changed', 'id'),
].join('\n');

/**
 * Tells the stores the moment this connection changes memberships, enrollments or care units, so the reads
 * they keep for a moment (read-cache.ts) are forgotten inside the changing statement: a role
 * granted or taken away, an invitation accepted, an enrollment paused or a patient purged is seen
 * by the very next request, with no write path able to forget to say so. Installed once per
 * connection, on a migrated database.
 *
 * A listener runs before the write's transaction commits or rolls back; it may only forget things
 * (forgetting after a rollback costs one read more, never a wrong answer).
 *
 * @example
 * changeHooksOf(db).onAccessChanged((personId) => cache.forget(personId));
 */
export function changeHooksOf(db: Database.Database): ChangeHooks {
  const known = installed.get(db);
  if (known) return known;
  const access: Array<(personId: string) => void> = [];
  const enrollments: Array<(patientId: string) => void> = [];
  const units: Array<(unitId: string) => void> = [];
  const call = (listeners: ReadonlyArray<(id: string) => void>) => (id: unknown) => {
    if (typeof id === 'string') for (const listener of listeners) listener(id);
    return null;
  };
  db.function('careloom_access_changed', { deterministic: false }, call(access));
  db.function('careloom_enrollments_changed', { deterministic: false }, call(enrollments));
  db.function('careloom_unit_changed', { deterministic: false }, call(units));
  db.exec(TRIGGERS);
  const hooks: ChangeHooks = {
    onAccessChanged: (listener) => void access.push(listener),
    onEnrollmentsChanged: (listener) => void enrollments.push(listener),
    onUnitChanged: (listener) => void units.push(listener),
  };
  installed.set(db, hooks);
  return hooks;
}
