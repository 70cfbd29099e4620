import type { Stores } from '../storage/types.js';
import { DomainError } from './errors.js';

export interface HealthReport {
  status: 'ok';
  database: 'ok';
  version: string;
}

export interface HealthService {
  /** Checks that the database answers; throws `unavailable` when it does not. */
  check(): Promise<HealthReport>;
}

/**
 * @example
 * const health = createHealthService({ storage, version: '0.1.0' });
 * await health.check(); // { status: 'ok', database: 'ok', version: '0.1.0' }
 */
export function createHealthService(deps: { storage: Pick<Stores, 'ping'>; version: string }): HealthService {
  return {
    async check() {
      try {
        await deps.storage.ping();
      } catch (error) {
        throw new DomainError('unavailable', 'The database is not answering.', { cause: error });
      }
      return { status: 'ok', database: 'ok', version: deps.version };
    },
  };
}
