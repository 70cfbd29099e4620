// Acknowledged uploads survive a crash: a file the server answered 201 for is on disk (written,
// synced, renamed, folder synced) before its library row commits, so a kill -9 right after the
// answer loses none of them, and an upload cut off by the kill leaves no half file under a hash.
// On SQLite and, under `npm run test:pg`, with the library's rows on PostgreSQL.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serverProcesses } from '../testing/server-process.js';
import { testDatabaseEnv } from '../testing/test-database-env.js';
import { HttpSession } from './http-client.js';

const servers = serverProcesses();
const MIB = 1024 * 1024;


/** A PNG signature, a header chunk and an image-data chunk of random bytes: an image as far as the type check goes. */
function picture(bytes: number): Uint8Array<ArrayBuffer> {
  const body = new Uint8Array(randomBytes(bytes));
  const head = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89];
  const data = bytes - head.length - 12;
  body.set([...head, (data >>> 24) & 0xff, (data >>> 16) & 0xff, (data >>> 8) & 0xff, data & 0xff, 0x49, 0x44, 0x41, 0x54]);
  return body;
}

function uploadRequest(session: HttpSession, organisationId: string, body: BodyInit, length?: number): Promise<Response> {
  const headers: Record<string, string> = { Origin: new URL(session.baseUrl).origin, Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken, 'Content-Type': 'image/png' };
  if (length !== undefined) headers['Content-Length'] = String(length);
  return fetch(`${session.baseUrl}/api/media/${organisationId}?name=photo.png`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
}

describe('media crash durability', () => {
  let dir = '';
  afterEach(() => {
    servers.killAll();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged upload (2 MiB each, past the 1 MiB JSON limit) after kill -9, and no half file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'careloom-media-crash-'));
    const databaseFile = join(dir, 'careloom.sqlite');
    const first = await servers.start({ ...(await testDatabaseEnv(databaseFile)), CARELOOM_MEDIA_DIR: join(dir, 'media'), CARELOOM_MEDIA_MAX_BYTES: String(8 * MIB) });
    const designer = await HttpSession.login(first.url, 'designer@demo.careloom.test', 'careloom-demo-designer');
    const organisationId = designer.organisationIds[0]!;

    const acknowledged: Array<{ url: string; sha256: string }> = [];
    for (let index = 0; index < 6; index += 1) {
      const bytes = picture(2 * MIB);
      const response = await uploadRequest(designer, organisationId, bytes, bytes.byteLength);
      expect(response.status).toBe(201);
      const { media } = (await response.json()) as { media: { url: string; sha256: string } };
      expect(media.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      acknowledged.push(media);
    }
    // One more upload is half-way when the server dies.
    let sent = 0;
    const hanging = uploadRequest(designer, organisationId, new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        if (sent >= MIB) return new Promise<void>(() => undefined);
        controller.enqueue(picture(256 * 1024));
        sent += 256 * 1024;
      },
    })).catch(() => undefined);
    await new Promise((done) => setTimeout(done, 300));

    first.child.kill('SIGKILL');
    await new Promise((done) => first.child.once('exit', done));
    void hanging;

    const second = await servers.start({ ...(await testDatabaseEnv(databaseFile)), CARELOOM_MEDIA_DIR: join(dir, 'media'), CARELOOM_MEDIA_MAX_BYTES: String(8 * MIB) });
    const again = await HttpSession.login(second.url, 'designer@demo.careloom.test', 'careloom-demo-designer');
    const list = await again.call('GET', `/api/media/${organisationId}`);
    expect((list.body as { media: Array<{ sha256: string }> }).media.map((file) => file.sha256).sort()).toEqual(acknowledged.map((file) => file.sha256).sort());
    for (const file of acknowledged) {
      const response = await fetch(`${second.url}${file.url}`, { headers: { Cookie: again.cookie } });
      expect(response.status).toBe(200);
      expect(createHash('sha256').update(new Uint8Array(await response.arrayBuffer())).digest('hex')).toBe(file.sha256);
    }
    // Every body under a hash name is whole: its bytes hash to its name.
    const mediaDir = join(dir, 'media');
    const bodies = readdirSync(mediaDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && !entry.parentPath.endsWith('incoming'));
    expect(bodies.length).toBe(acknowledged.length);
    for (const entry of bodies) expect(createHash('sha256').update(readFileSync(join(entry.parentPath, entry.name))).digest('hex')).toBe(entry.name);
  }, 300_000);
});
