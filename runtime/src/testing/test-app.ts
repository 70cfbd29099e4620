import { createApp, type AppDeps } from '../app.js';
import { createTestClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { createExampleCatalog, type ExampleFile, type ExampleValidators } from '../domain/example-catalog.js';
import { createHealthService } from '../domain/health-service.js';
import { contentHash } from '@careloom/format/engine';
import { createSequentialIds } from '../ids.js';
import { openDatabase } from '../storage/sqlite/open-database.js';
import { createSqliteStorage } from '../storage/sqlite/sqlite-storage.js';
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
 * A real app on an in-memory, migrated database with a fixed clock, sequential ids and a
 * recording logger. Override any dependency; `exampleFiles` seeds the example catalog.
 *
 * @example
 * const { app, logger } = createTestApp();
 * const response = await app.request('/health');
 */
export function createTestApp(overrides: Partial<AppDeps> & { exampleFiles?: ExampleFile[]; validators?: ExampleValidators } = {}) {
  const { exampleFiles = [], validators = lenientValidators, ...rest } = overrides;
  const storage = rest.storage ?? createSqliteStorage(openDatabase({ file: ':memory:' }).db);
  const logger = createRecordingLogger();
  const deps: AppDeps = {
    config: loadConfig({ CARELOOM_DB: ':memory:' }),
    clock: createTestClock(),
    ids: createSequentialIds('req'),
    storage,
    logger,
    services: {
      health: createHealthService({ storage, version: '9.9.9-test' }),
      examples: createExampleCatalog({ files: exampleFiles, validators, contentHash }),
    },
    ...rest,
  };
  return { app: createApp(deps), deps, storage, logger };
}
