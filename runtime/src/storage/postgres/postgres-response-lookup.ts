import type pg from 'pg';
import type { ResponseLookup } from '../../domain/fhir/fhir-ports.js';
import { toResponse, type ResponseRow } from '../sqlite/care-rows.js';

/** The PostgreSQL response lookup: one read of `responses` by its unique id. */
export function createPostgresResponseLookup(pool: pg.Pool): ResponseLookup {
  return {
    findResponse: async (id) => {
      const row = (await pool.query<ResponseRow>('SELECT * FROM responses WHERE id = $1', [id])).rows[0];
      return row ? toResponse(row) : undefined;
    },
  };
}
