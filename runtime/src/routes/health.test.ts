import { describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.js';

describe('GET /health', () => {
  it('reports ok with the database and version', async () => {
    const response = await createTestApp().app.request('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok', version: '9.9.9-test' });
    expect(response.headers.get('Cache-Control')).toBe('no-store');
  });

  it('answers 503 unavailable when the database does not answer, and logs no error', async () => {
    const { app, stores, logger } = createTestApp();
    await stores.close();
    const response = await app.request('/health');
    expect(response.status).toBe(503);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
    expect(await response.json()).toMatchObject({ code: 'unavailable', status: 503, detail: 'The database is not answering.', instance: '/health' });
    expect(logger.records.filter((record) => record.level === 'error')).toEqual([]);
  });
});
