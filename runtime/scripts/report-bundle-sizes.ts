// `npm run build:web`: builds each browser app the way the server does and prints its size, raw
// and gzipped, as a Markdown table (the README's bundle sizes come from here). Fails when an app
// does not build.
import { bundleWebApp } from '../src/web/bundle.js';
import { repositoryRoot, WEB_APPS } from '../src/web/web-apps.js';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const rows: string[] = [];
for (const app of WEB_APPS) {
  const bundle = await bundleWebApp(app, repositoryRoot);
  rows.push(`| ${app.name} (\`${app.mount}\`) | ${kib(bundle.js.byteLength)} | ${kib(bundle.gzip.byteLength)} |`);
  // A worker is loaded only when the app starts it (the designer's simulation), so it is its own row.
  for (const [name, worker] of Object.entries(bundle.workers ?? {})) rows.push(`| ${app.name}'s ${name} worker | ${kib(worker.js.byteLength)} | ${kib(worker.gzip.byteLength)} |`);
}
process.stdout.write(`| app | minified | gzipped |\n|---|---|---|\n${rows.join('\n')}\n`);
