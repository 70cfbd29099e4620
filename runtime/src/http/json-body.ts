import type { Context } from 'hono';
import { DomainError } from '../domain/errors.js';

/**
 * Reads the request body as JSON, refusing a missing or non-JSON content type (415) and a body
 * that does not parse (400, naming where parsing failed). What the JSON must contain is checked
 * afterwards by a schema validator.
 *
 * @example
 * app.post('/api/things', async (c) => c.json(await services.things.create(await readJsonBody(c))));
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new DomainError('unsupported_media_type', `Send the body as application/json${type ? `, not ${type.split(';')[0]}` : ''}.`);
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // V8 quotes part of the body in its message; keep only the reason so nothing is echoed back.
    const reason = error instanceof SyntaxError ? error.message.replace(/, ".*" is not valid JSON$/s, '') : 'unreadable';
    throw new DomainError('bad_request', `The request body is not valid JSON: ${reason}.`, {
      issues: [{ code: 'body.malformed_json', path: '', message: `The body could not be parsed as JSON (${reason}).` }],
    });
  }
}
