// Issue 9, findings 11 and 15: the Host header was copied into the CSP's connect-src; HSTS was sent
// over plain http; the database file was created world-readable (0644); rich-text links accepted
// protocol-relative `//host` targets. Now the CSP names the configured public URL only, HSTS goes
// out only when that URL is https, the database and its -wal/-shm files are 0600 in a 0700 folder,
// and a module with a `//evil.example` link is refused with a problem naming the link's path.
import { readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { DEMO_ACCOUNTS } from '../domain/demo-accounts.js';
import { HttpSession } from '../integration/http-client.js';
import { tempServers } from '../testing/temp-servers.js';
import { startServer, type RunningServer } from '../server.js';
import type { Bundle } from '../web/bundle.js';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';

const EXAMPLES = join(import.meta.dirname, '../../../examples');
const temp = tempServers('careloom-headers-');

/** The web apps' HTML without building them: these tests are about headers. */
const fakeBundle = async (name: string): Promise<Bundle> => {
  const js = new TextEncoder().encode(`console.log(${JSON.stringify(name)})`);
  return { fileName: `${name}-0123456789abcdef.js`, js, gzip: gzipSync(js), css: undefined };
};

async function start(env: Record<string, string>, options: { demo?: boolean } = {}): Promise<{ server: RunningServer; dir: string; file: string }> {
  const dir = temp.folder();
  // A folder that does not exist yet: Careloom creates it.
  const file = join(dir, 'data', 'careloom.sqlite');
  const server = await startServer({ config: loadConfig({ CARELOOM_DB: file, CARELOOM_PORT: '0', CARELOOM_EXAMPLES_DIR: EXAMPLES, ...env }), bundleOf: fakeBundle, shutdownGraceMs: 100, ...(options.demo ? { demo: true } : {}) });
  temp.keep(server);
  return { server, dir, file };
}

/** A raw GET with a Host header of the caller's choosing (fetch does not let one set Host). */
function getWithHost(url: string, path: string, host: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET', headers: { Host: host } }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Content-Security-Policy', () => {
  it('names the configured public URL in connect-src, never the Host header the client sent', async () => {
    const { server } = await start({ CARELOOM_PUBLIC_URL: 'https://care.example.org' });
    for (const path of ['/', '/clinic', '/designer']) {
      const answer = await getWithHost(server.url, path, 'evil.example');
      expect(answer.status, path).toBe(200);
      const csp = String(answer.headers['content-security-policy']);
      expect(csp).not.toContain('evil.example');
      expect(csp).toContain("connect-src 'self' wss://care.example.org;");
    }
  });
});

describe('Strict-Transport-Security', () => {
  it('is not sent when the public URL is plain http', async () => {
    const { server } = await start({});
    for (const path of ['/health', '/clinic', '/api/examples']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('is sent when the public URL is https (TLS ends at the proxy in front)', async () => {
    const { server } = await start({ CARELOOM_PUBLIC_URL: 'https://care.example.org' });
    const response = await fetch(`${server.url}/health`);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains');
  });
});

describe('X-Forwarded-For', () => {
  /** Signs in the demo therapist with a forged X-Forwarded-For; returns the address the audit log recorded. */
  async function loggedIp(env: Record<string, string>): Promise<string | null> {
    const { server, file } = await start(env, { demo: true });
    const account = DEMO_ACCOUNTS.find((candidate) => candidate.email === 'therapist@demo.careloom.test')!;
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: new URL(server.url).origin, 'X-Forwarded-For': '198.51.100.7, 203.0.113.9' },
      body: JSON.stringify({ email: account.email, password: account.password }),
    });
    expect(response.status).toBe(200);
    const db = new Database(file, { readonly: true });
    try {
      return (db.prepare("SELECT ip FROM audit_log WHERE action = 'auth.login' ORDER BY rowid DESC LIMIT 1").get() as { ip: string | null }).ip;
    } finally {
      db.close();
    }
  }

  it('is ignored unless CARELOOM_TRUST_PROXY is on, and then the proxy\'s last entry is the caller', { timeout: 120_000 }, async () => {
    expect(await loggedIp({})).toMatch(/127\.0\.0\.1$/);
    expect(await loggedIp({ CARELOOM_TRUST_PROXY: 'on' })).toBe('203.0.113.9');
  });
});

describe('the database file', () => {
  it('is readable by the server\'s user only, with its -wal and -shm files, in a folder only that user can open', async () => {
    const { server, file } = await start({});
    // A write, so the WAL has content.
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    for (const path of [file, `${file}-wal`, `${file}-shm`]) expect((statSync(path).mode & 0o777).toString(8), path).toBe('600');
    expect((statSync(join(file, '..')).mode & 0o777).toString(8)).toBe('700');
  });
});

/** The JSON Pointer of the first text node of the first text block's English content, and the document with a link mark on it. */
function withLink(href: string): { document: Record<string, unknown>; path: string } {
  const document = JSON.parse(readFileSync(join(EXAMPLES, 'modules', 'panic-week-1.json'), 'utf8')) as { pages: Array<{ blocks: Array<Record<string, unknown>> }> };
  const blockIndex = document.pages[0]!.blocks.findIndex((block) => block['type'] === 'text');
  const block = document.pages[0]!.blocks[blockIndex] as { content: { en: { content: Array<{ content: Array<Record<string, unknown>> }> } } };
  block.content.en.content[0]!.content[0]!['marks'] = [{ type: 'link', attrs: { href } }];
  return { document: { ...document, id: 'panic-week-1-linked' }, path: `/pages/0/blocks/${blockIndex}/content/en/content/0/content/0/marks/0/attrs/href` };
}

describe('rich-text links', () => {
  let server: RunningServer;
  let designer: HttpSession;

  beforeAll(async () => {
    ({ server } = await start({}, { demo: true }));
    const account = DEMO_ACCOUNTS.find((candidate) => candidate.email === 'designer@demo.careloom.test')!;
    designer = await HttpSession.login(server.url, account.email, account.password);
  }, 120_000);

  it.each(['//evil.example', '//evil.example/phish', '/\\evil.example', 'javascript:alert(1)'])('refuses a module linking to %s with a problem naming the link\'s path', async (href) => {
    const { document, path } = withLink(href);
    const id = `linked-${Math.random().toString(36).slice(2, 8)}`;
    const created = await designer.call('POST', '/api/modules', { organisationId: designer.organisationIds[0], id, document: { ...document, id } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // A draft may hold problems while it is written; it says where they are.
    expect(JSON.stringify((created.body as { issues: unknown[] }).issues)).toContain(path);

    const submitted = await designer.call('POST', `/api/modules/${id}/versions`, { changeNote: 'With a link' });
    expect(submitted.status).toBe(422);
    expect(submitted.headers.get('content-type')).toContain('application/problem+json');
    const issues = (submitted.body as { issues: Array<{ path: string; message: string }> }).issues;
    expect(issues.find((issue) => issue.path === path)?.message).toMatch(/link/i);
  });

  it('accepts an https link', async () => {
    const { document } = withLink('https://www.1177.se/panik');
    const id = `linked-${Math.random().toString(36).slice(2, 8)}`;
    expect((await designer.call('POST', '/api/modules', { organisationId: designer.organisationIds[0], id, document: { ...document, id } })).status).toBe(201);
    const submitted = await designer.call('POST', `/api/modules/${id}/versions`, { changeNote: 'With a link' });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  });
});
