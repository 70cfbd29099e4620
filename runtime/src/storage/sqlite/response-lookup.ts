import type Database from 'better-sqlite3';
import type { ResponseLookup } from '../../domain/fhir/fhir-ports.js';
import { toResponse, type ResponseRow } from './care-rows.js';

/** The SQLite response lookup: one indexed read of `responses` by its unique id. */
export function createSqliteResponseLookup(db: Database.Database): ResponseLookup {
  const select = db.prepare('SELECT * FROM responses WHERE id = ?');
  return {
    findResponse: async (id) => {
      const row = select.get(id) as ResponseRow | undefined;
      return row ? toResponse(row) : undefined;
    },
  };
}
