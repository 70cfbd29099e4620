import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { WebApp } from './web-apps.js';

/** A built script held in memory, ready to serve. */
export interface BundleFile {
  /** File name with a content hash, so it can be cached forever. */
  fileName: string;
  js: Uint8Array;
  gzip: Uint8Array;
}

/** A built browser bundle held in memory, ready to serve: the app's script and its workers' scripts. */
export interface Bundle extends BundleFile {
  css: string | undefined;
  /** The app's dedicated workers (`WebApp.workers`), by name; none when absent. */
  workers?: Readonly<Record<string, BundleFile>>;
}

/** The bundle's script or one of its workers' named `fileName`, or undefined. */
export function bundleFile(bundle: Bundle, fileName: string): (BundleFile & { worker: boolean }) | undefined {
  if (bundle.fileName === fileName) return { ...bundle, worker: false };
  const worker = Object.values(bundle.workers ?? {}).find((file) => file.fileName === fileName);
  return worker ? { ...worker, worker: true } : undefined;
}

/**
 * Bundles one app's entry with esbuild (minified ES2022 modules, no source maps in memory), and
 * each of its workers on its own first: the app's bundle gets the workers' hashed file names as
 * `CARELOOM_WORKER_URLS`, so a changed worker changes the app's hash too and no cached app ever
 * starts a worker that is gone. Throws with esbuild's messages when an entry does not build.
 */
export async function bundleWebApp(app: WebApp, rootDir: string): Promise<Bundle> {
  const workers: Record<string, BundleFile> = {};
  for (const [name, entry] of Object.entries(app.workers ?? {})) {
    const built = await bundleEntry(resolve(rootDir, entry), {});
    workers[name] = file(`${app.name}-${name}-worker`, built.js);
  }
  const workerUrls = Object.fromEntries(Object.entries(workers).map(([name, worker]) => [name, `/assets/${worker.fileName}`]));
  const built = await bundleEntry(resolve(rootDir, app.entry), { CARELOOM_WORKER_URLS: JSON.stringify(workerUrls) });
  if (built.js === undefined) throw new Error(`esbuild produced no JavaScript for ${app.entry}`);
  return { ...file(app.name, built.js), css: built.css, ...(Object.keys(workers).length > 0 ? { workers } : {}) };
}

function file(name: string, js: Uint8Array): BundleFile {
  const hash = createHash('sha256').update(js).digest('hex').slice(0, 16);
  return { fileName: `${name}-${hash}.js`, js, gzip: gzipSync(js, { level: 9 }) };
}

async function bundleEntry(entry: string, define: Record<string, string>): Promise<{ js: Uint8Array; css: string | undefined }> {
  // Loaded when first needed: a production build serves prebuilt bundles and never needs esbuild.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    outdir: '/out',
    legalComments: 'none',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"', ...define },
  });
  const jsFile = result.outputFiles.find((output) => output.path.endsWith('.js'));
  if (!jsFile) throw new Error(`esbuild produced no JavaScript for ${entry}`);
  const cssFile = result.outputFiles.find((output) => output.path.endsWith('.css'));
  return { js: jsFile.contents, css: cssFile?.text };
}

/**
 * Builds each app once, on first use: servers started by tests that never open an app pay
 * nothing, and a failed build is retried on the next request rather than cached.
 */
export function lazyBundles(apps: readonly WebApp[], rootDir: string, bundle = bundleWebApp): (name: string) => Promise<Bundle> {
  const builds = new Map<string, Promise<Bundle>>();
  return (name) => {
    const app = apps.find((candidate) => candidate.name === name);
    if (!app) return Promise.reject(new Error(`no web app named ${name}`));
    let pending = builds.get(name);
    if (!pending) {
      pending = bundle(app, rootDir);
      pending.catch(() => builds.delete(name));
      builds.set(name, pending);
    }
    return pending;
  };
}

/** What `npm run build` writes beside the bundles: each app's bundle file, its stylesheet file and its workers' files. */
export interface BundleManifest {
  apps: Record<string, { fileName: string; css?: string; workers?: Record<string, string> }>;
}

/**
 * Bundles written ahead of time by `npm run build` (runtime/scripts/build.ts) into `dir`, read once
 * each on first use; undefined when `dir` holds no manifest (a start from the TypeScript sources,
 * which bundles on first use instead).
 */
export function prebuiltBundles(dir: string): ((name: string) => Promise<Bundle>) | undefined {
  const manifestFile = resolve(dir, 'manifest.json');
  if (!existsSync(manifestFile)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BundleManifest;
  const loaded = new Map<string, Promise<Bundle>>();
  return (name) => {
    const entry = manifest.apps[name];
    if (!entry) return Promise.reject(new Error(`no prebuilt web app named ${name}`));
    let pending = loaded.get(name);
    if (!pending) {
      const read = async (fileName: string): Promise<BundleFile> => ({ fileName, js: await readFile(resolve(dir, fileName)), gzip: await readFile(resolve(dir, `${fileName}.gz`)) });
      pending = (async () => {
        const workers = Object.fromEntries(await Promise.all(Object.entries(entry.workers ?? {}).map(async ([name, fileName]) => [name, await read(fileName)] as const)));
        return {
          ...(await read(entry.fileName)),
          css: entry.css === undefined ? undefined : await readFile(resolve(dir, entry.css), 'utf8'),
          ...(Object.keys(workers).length > 0 ? { workers } : {}),
        };
      })();
      pending.catch(() => loaded.delete(name));
      loaded.set(name, pending);
    }
    return pending;
  };
}
