import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { startServer, type RunningServer } from './server.js';
import { createRecordingLogger } from './testing/recording-logger.js';
import { lenientValidators } from './testing/test-app.js';

let folder: string;
let server: RunningServer | undefined;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'careloom-server-'));
  mkdirSync(join(folder, 'examples', 'modules'), { recursive: true });
  writeFileSync(join(folder, 'examples', 'modules', 'sleep.json'), JSON.stringify({ id: 'sleep', title: { en: 'Sleep' }, languages: ['en'], defaultLanguage: 'en' }));
  writeFileSync(join(folder, 'examples', 'modules', 'broken.json'), '{ not json');
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(folder, { recursive: true, force: true });
});

const config = () => loadConfig({ CARELOOM_DB: join(folder, 'data', 'test.sqlite'), CARELOOM_PORT: '0', CARELOOM_EXAMPLES_DIR: join(folder, 'examples') });

describe('startServer over real HTTP', () => {
  it('serves /health and /api/examples on an ephemeral port with a file database', async () => {
    const logger = createRecordingLogger();
    server = await startServer({ config: config(), logger, validators: lenientValidators });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toMatch(/:0$/);
    expect(server.config.publicUrl).toBe(server.url);
    expect(server.exampleCount).toBe(2);

    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok', version: expect.any(String) });
    expect(health.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);

    const list = (await (await fetch(`${server.url}/api/examples`)).json()) as { examples: Array<{ id: string; valid: boolean }> };
    expect(list.examples.map((example) => [example.id, example.valid])).toEqual([['broken', false], ['sleep', true]]);
    expect(logger.records).toContainEqual(expect.objectContaining({ level: 'warn', message: 'Example is invalid; listed with valid:false', fields: expect.objectContaining({ file: 'modules/broken.json' }) }));
  });

  it('warns when a server others can reach has no CARELOOM_PUBLIC_URL, and not when it has one', async () => {
    const env = { CARELOOM_DB: join(folder, 'data', 'test.sqlite'), CARELOOM_PORT: '0', CARELOOM_EXAMPLES_DIR: join(folder, 'examples'), CARELOOM_HOST: '0.0.0.0' };
    const warned = (logger: ReturnType<typeof createRecordingLogger>) => logger.records.some((record) => record.level === 'warn' && record.message.startsWith('CARELOOM_PUBLIC_URL is not set'));
    const bare = createRecordingLogger();
    server = await startServer({ config: loadConfig(env), logger: bare, validators: lenientValidators });
    await server.close();
    server = undefined;
    expect(warned(bare)).toBe(true);
    const configured = createRecordingLogger();
    server = await startServer({ config: loadConfig({ ...env, CARELOOM_PUBLIC_URL: 'https://care.example.org' }), logger: configured, validators: lenientValidators });
    expect(warned(configured)).toBe(false);
  });

  it('keeps the database file across restarts and closes cleanly', async () => {
    server = await startServer({ config: config(), validators: lenientValidators });
    const first = server.url;
    await server.close();
    server = await startServer({ config: config(), validators: lenientValidators });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    await expect(fetch(`${first}/health`).then((response) => response.status)).rejects.toThrow();
  });

  it('uses the format validators by default (the real examples may or may not be valid)', async () => {
    server = await startServer({ config: config() });
    const list = (await (await fetch(`${server.url}/api/examples`)).json()) as { examples: Array<{ id: string; valid: boolean; issueCount: number }> };
    const sleep = list.examples.find((example) => example.id === 'sleep');
    expect(sleep?.valid).toBe(false); // not a complete module: the real validator says so
    expect(sleep?.issueCount).toBeGreaterThan(0);
  });

  it('refuses to start on a port that is taken, naming the variable', async () => {
    server = await startServer({ config: config(), validators: lenientValidators });
    const port = new URL(server.url).port;
    const taken = loadConfig({ CARELOOM_DB: ':memory:', CARELOOM_PORT: port, CARELOOM_EXAMPLES_DIR: join(folder, 'examples') });
    await expect(startServer({ config: taken, validators: lenientValidators })).rejects.toThrow(/is in use; set CARELOOM_PORT/);
  });
});
