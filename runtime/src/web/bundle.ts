import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { WebApp } from './web-apps.js';

/** A built browser bundle held in memory, ready to serve. */
export interface Bundle {
  /** File name with a content hash, so it can be cached forever. */
  fileName: string;
  js: Uint8Array;
  gzip: Uint8Array;
  css: string | undefined;
}

/**
 * Bundles one app's entry with esbuild (minified ES2022 modules, no source maps in memory).
 * Throws with esbuild's messages when the entry does not build.
 */
export async function bundleWebApp(app: WebApp, rootDir: string): Promise<Bundle> {
  // Loaded when first needed: a production build serves prebuilt bundles and never needs esbuild.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [resolve(rootDir, app.entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    outdir: '/out',
    legalComments: 'none',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const jsFile = result.outputFiles.find((file) => file.path.endsWith('.js'));
  if (!jsFile) throw new Error(`esbuild produced no JavaScript for ${app.entry}`);
  const cssFile = result.outputFiles.find((file) => file.path.endsWith('.css'));
  const hash = createHash('sha256').update(jsFile.contents).digest('hex').slice(0, 16);
  return { fileName: `${app.name}-${hash}.js`, js: jsFile.contents, gzip: gzipSync(jsFile.contents, { level: 9 }), css: cssFile?.text };
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

/** What `npm run build` writes beside the bundles: each app's bundle file and its stylesheet file. */
export interface BundleManifest {
  apps: Record<string, { fileName: string; css?: string }>;
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
      pending = (async () => ({
        fileName: entry.fileName,
        js: await readFile(resolve(dir, entry.fileName)),
        gzip: await readFile(resolve(dir, `${entry.fileName}.gz`)),
        css: entry.css === undefined ? undefined : await readFile(resolve(dir, entry.css), 'utf8'),
      }))();
      pending.catch(() => loaded.delete(name));
      loaded.set(name, pending);
    }
    return pending;
  };
}
