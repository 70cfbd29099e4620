import { createApp, type AppDeps } from '../app.js';
import { createTestClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { createExampleCatalog, type ExampleFile, type ExampleValidators } from '../domain/example-catalog.js';
import { contentHash } from '@careloom/format/engine';
import { createSequentialIds } from '../ids.js';
import { openDatabase } from '../storage/sqlite/open-database.js';
import { createSqliteStores } from '../storage/sqlite/sqlite-stores.js';
import type { Stores } from '../storage/types.js';
import { createTestServices } from './test-services.js';
import { createRecordingLogger } from './recording-logger.js';

/** Validators that accept any document with an `id`, for tests that are not about the format. */
export const lenientValidators: ExampleValidators = {
  module: (doc) => (hasId(doc) ? { ok: true, value: doc } : { ok: false, issues: [{ code: 'test.no_id', path: '/id', message: 'No id.' }] }),
  program: (doc) => (hasId(doc) ? { ok: true, value: doc } : { ok: false, issues: [{ code: 'test.no_id', path: '/id', message: 'No id.' }] }),
};

function hasId(doc: unknown): boolean {
  return typeof doc === 'object' && doc !== null && typeof (doc as { id?: unknown }).id === 'string';
}

/**
 * A real app with complete services (createTestServices) on an in-memory, migrated database, with
 * a fixed clock, sequential ids and a recording logger. Override any dependency; `exampleFiles`
 * seeds the example catalog; `stores` replaces the database.
 *
 * @example
 * const { app, logger } = createTestApp();
 * const response = await app.request('/health');
 */
export function createTestApp(overrides: Partial<AppDeps> & { exampleFiles?: ExampleFile[]; validators?: ExampleValidators; stores?: Stores } = {}) {
  const { exampleFiles = [], validators = lenientValidators, stores = createSqliteStores(openDatabase({ file: ':memory:' }).db), ...rest } = overrides;
  const logger = createRecordingLogger();
  const clock = createTestClock();
  const deps: AppDeps = {
    config: loadConfig({ CARELOOM_DB: ':memory:' }),
    clock,
    ids: createSequentialIds('req'),
    logger,
    services: createTestServices(stores, { examples: createExampleCatalog({ files: exampleFiles, validators, contentHash }), clock, logger }),
    ...rest,
  };
  return { app: createApp(deps), deps, stores, logger };
}
