// `npm run build`: the production build. Compiles the server ahead of time into one ES module per
// entry point under runtime/dist (esbuild; the workspace packages and the small libraries are bundled
// in, the others in node_modules stay imports), copies the SQLite migrations beside
// it, and bundles the three browser apps into runtime/dist/web with a manifest, so `npm run serve`
// starts without a TypeScript loader and serves the apps without building them on first request.
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { bundleWebApp, type BundleManifest } from '../src/web/bundle.js';
import { repositoryRoot, WEB_APPS } from '../src/web/web-apps.js';
import { PATIENT_ICONS, PATIENT_ICONS_DIR } from '../src/web/patient-offline.js';

const runtimeDir = resolve(import.meta.dirname, '..');
const outDir = join(runtimeDir, 'dist');

/**
 * Bundles the workspace packages (they export TypeScript, which Node does not run) and the small
 * libraries every start loads: Node resolves, reads and links each file of a package on its own,
 * and these are some 150 files (hono alone 54), which took about a fifth of the start. Native
 * modules (better-sqlite3) stay in node_modules, and so do the large libraries the server loads only
 * on first use (nodemailer, ajv, openid-client, file-type, the PostgreSQL driver): bundled, they
 * would be compiled at every start. Measured on 2 cores, alternating builds: /health after 450 ms
 * instead of 550 ms.
 */
const BUNDLED = new Set(['hono', '@hono/node-server', 'lib0', 'yjs', 'y-protocols', 'diff', 'csv-stringify', 'otpauth', '@noble/hashes', 'ws', 'syllable', 'pluralize', 'normalize-strings', 'ajv-formats']);
const packageOf = (path: string) => path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/');

const externalNodeModules: Plugin = {
  name: 'external-node-modules',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@careloom/') || BUNDLED.has(packageOf(args.path)) ? undefined : { path: args.path, external: true }));
  },
};

/** @hono/node-server's `node:http2` becomes `http2-unused.ts` (why: see that file). */
const noHttp2: Plugin = {
  name: 'no-http2',
  setup(builder) {
    builder.onResolve({ filter: /^node:http2$/ }, (args) => (args.importer.includes('/node_modules/@hono/node-server/') ? { path: join(runtimeDir, 'scripts/http2-unused.ts') } : undefined));
  },
};

const started = performance.now();
rmSync(outDir, { recursive: true, force: true });
await build({
  entryPoints: {
    serve: join(runtimeDir, 'src/serve.ts'),
    main: join(runtimeDir, 'src/main.ts'),
    'yjs-worker': join(runtimeDir, 'src/collab/yjs-worker.ts'),
    'admin-create': join(runtimeDir, 'src/admin-create.ts'),
    'demo-remove': join(runtimeDir, 'src/demo-remove.ts'),
  },
  outdir: outDir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  // Every start parses and compiles the whole server: minified, that is 1.4 MB instead of 2.6 MB.
  // Logged stacks are mapped back to the TypeScript sources through the source maps (stack-sources.ts).
  minify: true,
  // Code reached only through import() (the PostgreSQL stores) goes into chunks of its own, so a
  // server on SQLite never loads it or the driver. Chunks sit beside the entry points: code finds
  // its files (migrations, the Yjs worker, the web bundles) relative to import.meta.url.
  splitting: true,
  chunkNames: '[name]-[hash]',
  plugins: [noHttp2, externalNodeModules],
  logLevel: 'warning',
  // ws is CommonJS and requires Node's built-ins; esbuild's ES module output has no \`require\` of its own.
  banner: { js: "import { createRequire as careloomCreateRequire } from 'node:module'; const require = careloomCreateRequire(import.meta.url);" },
});

// SQLite's and PostgreSQL's migrations, each where the compiled code looks for them
// (migration-files.ts, open-postgres.ts).
for (const [from, to] of [['src/storage/sqlite/migrations', 'migrations'], ['src/storage/postgres/migrations', 'postgres-migrations']] as const) {
  mkdirSync(join(outDir, to), { recursive: true });
  for (const file of readdirSync(join(runtimeDir, from)).filter((name) => name.endsWith('.sql'))) copyFileSync(join(runtimeDir, from, file), join(outDir, to, file));
}

const webDir = join(outDir, 'web');
mkdirSync(webDir, { recursive: true });
const manifest: BundleManifest = { apps: {} };
for (const app of WEB_APPS) {
  const bundle = await bundleWebApp(app, repositoryRoot);
  writeFileSync(join(webDir, bundle.fileName), bundle.js);
  writeFileSync(join(webDir, `${bundle.fileName}.gz`), bundle.gzip);
  const css = bundle.css === undefined ? undefined : `${app.name}.css`;
  if (css !== undefined) writeFileSync(join(webDir, css), bundle.css!);
  // The app's workers (the designer's simulation) beside it, named in the manifest by worker.
  const workers: Record<string, string> = {};
  for (const [name, worker] of Object.entries(bundle.workers ?? {})) {
    writeFileSync(join(webDir, worker.fileName), worker.js);
    writeFileSync(join(webDir, `${worker.fileName}.gz`), worker.gzip);
    workers[name] = worker.fileName;
  }
  manifest.apps[app.name] = { fileName: bundle.fileName, ...(css === undefined ? {} : { css }), ...(Object.keys(workers).length > 0 ? { workers } : {}) };
}
writeFileSync(join(webDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
// The patient app's icons (its web app manifest names them): the compiled server reads them from here.
mkdirSync(join(webDir, 'icons'), { recursive: true });
for (const icon of PATIENT_ICONS) copyFileSync(join(PATIENT_ICONS_DIR, icon.file), join(webDir, 'icons', icon.file));
process.stdout.write(`Built the server and ${WEB_APPS.length} web apps into ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
