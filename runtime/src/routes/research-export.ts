import type { ResearchExportDocuments, ResearchExportManifest } from '@careloom/format/api';
import { stringify } from 'csv-stringify/sync';
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { CareContext } from '../domain/care/care-deps.js';
import { parseScope, type ResearchExportService } from '../domain/research-export/research-export.js';
import type { AppEnv } from '../http/app-env.js';
import type { ApiOperation } from './api-operation.js';

export interface ResearchExportRouteDeps {
  researchExport: ResearchExportService;
  clientIp?: (c: Context<AppEnv>) => string | null;
}

/** Spreadsheets run a cell that starts with = + - @ as a formula: such text gets a leading apostrophe (numbers stay numbers). */
const neutralise = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
const line = (row: ReadonlyArray<string | number>) => stringify([row], { cast: { string: neutralise } });

const BASE = '/api/care/providers/:organisationId/research-exports';

/**
 * Research exports for care-provider admins and data admins: what can be exported, an export's
 * files with row counts, and each file as CSV streamed row by row (csv-stringify), never built
 * whole in memory. Answers are `no-store` (the /api/* default).
 */
export function researchExportRoutes(deps: ResearchExportRouteDeps) {
  const app = new Hono<AppEnv>();
  const context = (c: Context<AppEnv>): CareContext => ({ principal: c.get('principal'), requestId: c.get('requestId') ?? null, ip: deps.clientIp?.(c) ?? null });
  const organisation = (c: Context<AppEnv>) => c.req.param('organisationId') ?? '';

  app.get(BASE, async (c) => c.json({ documents: await deps.researchExport.documents(context(c), organisation(c)) } satisfies ResearchExportDocuments));

  const scope = (c: Context<AppEnv>) => parseScope({ ...c.req.query(), documentId: c.req.param('documentId') });

  app.get(`${BASE}/:documentId/manifest`, async (c) => c.json((await deps.researchExport.manifest(context(c), organisation(c), scope(c))) satisfies ResearchExportManifest));

  app.get(`${BASE}/:documentId/files/:file`, async (c) => {
    const file = await deps.researchExport.file(context(c), organisation(c), scope(c), c.req.param('file') ?? '');
    const iterator = file.rows[Symbol.asyncIterator]();
    const encoder = new TextEncoder();
    let headerSent = false;
    // Pulled by the client: the next rows are read only as the previous ones are sent.
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(line(file.header)));
          return;
        }
        let chunk = '';
        for (let count = 0; count < 200; count += 1) {
          const next = await iterator.next();
          if (next.done) {
            if (chunk) controller.enqueue(encoder.encode(chunk));
            controller.close();
            return;
          }
          chunk += line(next.value);
        }
        controller.enqueue(encoder.encode(chunk));
      },
      async cancel() {
        await iterator.return?.();
      },
    });
    return new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
  return app;
}

const PATH = '/api/care/providers/{organisationId}/research-exports';
const PROBLEMS = [401, 403, 404, 422];

/** The research export routes in /api/openapi.json. */
export const RESEARCH_EXPORT_OPERATIONS: ApiOperation[] = [
  { method: 'get', path: PATH, summary: 'The deployed programs and modules a research export can cover, with their units and module versions', tag: 'care', auth: 'session', success: { status: 200, description: 'Exportable deployments', response: 'ResearchExportDocuments' }, problems: [401, 403, 404] },
  { method: 'get', path: `${PATH}/{documentId}/manifest`, summary: 'The files of an export of a deployed program or module (optionally unitId, moduleId and moduleVersion, from and to): a codebook and one CSV per instrument and registration, with row counts', tag: 'care', auth: 'session', success: { status: 200, description: 'The files and the number of participants', response: 'ResearchExportManifest' }, problems: PROBLEMS },
  { method: 'get', path: `${PATH}/{documentId}/files/{file}`, summary: 'One file of the export as CSV, streamed: wide format, one row per completed questionnaire or registration entry, participants under a pseudonym (audited)', tag: 'care', auth: 'session', success: { status: 200, description: 'The CSV file', csv: true }, problems: PROBLEMS },
];
