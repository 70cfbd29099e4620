import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { acceptedLanguages, pickLanguage, type Language } from '@careloom/client/messages';
import type { AppEnv } from '../http/app-env.js';
import { DomainError } from '../domain/errors.js';
import type { Logger } from '../logger.js';
import { bundleFile, type Bundle } from '../web/bundle.js';
import type { WebApp } from '../web/web-apps.js';
import { patientManifest, patientServiceWorker, readPatientIcons } from '../web/patient-offline.js';

export interface WebAppRoutesDeps {
  apps: readonly WebApp[];
  /** The app's bundle, built on first use. */
  bundleOf: (name: string) => Promise<Bundle>;
  /** Folder served at /media/examples (the example modules' images, films and captions). */
  exampleMediaDir: string;
  /** Folder of the patient app's icons; the sources' by default (the production build has its own copy). */
  patientIconsDir?: string;
  logger: Logger;
}

/**
 * The browser apps: an HTML shell per app (the patient app at `/`, `/clinic`, `/designer`), their
 * bundles under `/assets/` with content-hashed names (cached for a year), and the example media.
 * Each shell carries a Content-Security-Policy that allows only this origin's scripts and sockets.
 */
export function webAppRoutes(deps: WebAppRoutesDeps & { origins: () => readonly string[] }) {
  const app = new Hono<AppEnv>();
  const built = async (name: string): Promise<Bundle> => {
    try {
      return await deps.bundleOf(name);
    } catch (error) {
      deps.logger.error('A web app did not build', { app: name, error: error instanceof Error ? error.message.slice(0, 2000) : String(error) });
      throw new DomainError('unavailable', `The ${name} app could not be built; the server log names the error.`);
    }
  };

  for (const webApp of deps.apps) {
    const paths = webApp.mount === '/' ? ['/'] : [webApp.mount, `${webApp.mount}/`];
    for (const path of paths) {
      app.get(path, async (c) => {
        const bundle = await built(webApp.name);
        c.header('Content-Security-Policy', contentSecurityPolicy(deps.origins()));
        c.header('Cache-Control', 'no-cache');
        c.header('Vary', 'Accept-Language');
        // The shell's <html lang> is the browser's best interface language, matched as the apps
        // match it (one matcher): they start in it until the person picks another (a fixed
        // lang="en" would override a Swedish or Norwegian browser).
        return c.html(shell(webApp, bundle, pickLanguage(acceptedLanguages(c.req.header('Accept-Language')))));
      });
    }
  }

  app.get('/assets/:file', async (c) => {
    const file = c.req.param('file');
    const webApp = deps.apps.find((candidate) => file.startsWith(`${candidate.name}-`) && file.endsWith('.js'));
    if (!webApp) throw new DomainError('not_found', `There is no asset ${file}.`);
    const bundle = await built(webApp.name);
    const script = bundleFile(bundle, file);
    if (!script) throw new DomainError('not_found', `There is no asset ${file}; the app has been rebuilt as ${bundle.fileName}.`);
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    c.header('Vary', 'Accept-Encoding');
    // A worker runs under the policy its script is served with, not the page's: it computes and
    // answers by message, so it may load, fetch and evaluate nothing at all.
    if (script.worker) c.header('Content-Security-Policy', WORKER_CONTENT_SECURITY_POLICY);
    if (/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) {
      c.header('Content-Encoding', 'gzip');
      return c.body(script.gzip as Uint8Array<ArrayBuffer>);
    }
    return c.body(script.js as Uint8Array<ArrayBuffer>);
  });

  // The patient app installs on a phone and opens offline (patient-offline.ts): its manifest, icons
  // and service worker. The worker is revalidated on every check (no-cache), so a new build reaches
  // patients the next time they open the app with a connection.
  const icons = readPatientIcons(deps.patientIconsDir);
  app.get('/manifest.webmanifest', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.body(JSON.stringify(patientManifest()), 200, { 'Content-Type': 'application/manifest+json; charset=utf-8' });
  });
  app.get('/sw.js', async (c) => {
    const bundle = await built('patient');
    c.header('Cache-Control', 'no-cache');
    return c.body(patientServiceWorker(bundle.fileName), 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });
  app.get('/icons/:file', (c) => {
    const icon = icons.get(c.req.param('file'));
    if (!icon) throw new DomainError('not_found', `There is no icon ${c.req.param('file')}.`);
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(icon as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'image/png' });
  });

  app.use('/media/examples/*', async (c, next) => {
    await next();
    // An SVG opened on its own is a document on this origin: it may style itself, but never run script or load anything.
    c.header('Content-Security-Policy', MEDIA_CONTENT_SECURITY_POLICY);
  });
  app.get('/media/examples/*', serveStatic({ root: deps.exampleMediaDir, rewriteRequestPath: (path) => path.replace(/^\/media\/examples/, '') }));
  return app;
}

const MEDIA_CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";
const WORKER_CONTENT_SECURITY_POLICY = "default-src 'none'";

/**
 * The same policy for every app. Scripts only from this origin, and no eval: the designer's live
 * validation runs validators compiled by `npm run gen`, not compiled in the browser. The sockets
 * come from the configured public URL's origins (`originsOf`), never from the request's Host
 * header, which the client chooses.
 */
function contentSecurityPolicy(origins: readonly string[]): string {
  // CSP host-sources cannot name an IPv6 literal (Chromium rejects `ws://[::1]:3000` as invalid);
  // 'self' already allows the page's own ws:/wss: origin, so such an origin is simply left out.
  const sockets = origins.filter((origin) => !new URL(origin).hostname.startsWith('[')).map((origin) => origin.replace(/^http/, 'ws')).join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    // The designer's simulation worker: a script file of this origin, never a blob: or data: URL.
    "worker-src 'self'",
    // Lit adopts constructed stylesheets, but ProseMirror and chart.js set style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "media-src 'self' https:",
    `connect-src 'self' ${sockets}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);

function shell(webApp: WebApp, bundle: Bundle, language: Language): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(webApp.title)}</title>
${webApp.mount === '/' ? '<link rel="manifest" href="/manifest.webmanifest">\n<meta name="theme-color" content="#0f5c5a">\n<link rel="icon" href="/icons/careloom-192.png">\n<link rel="apple-touch-icon" href="/icons/careloom-192.png">' : '<link rel="icon" href="data:,">'}
<style>html,body{margin:0;padding:0}body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1b1f24;background:#f7f7f5}</style>
${bundle.css ? `<style>${bundle.css}</style>` : ''}
</head>
<body>
<noscript>${escapeHtml(webApp.title)} needs JavaScript.</noscript>
<script type="module" src="/assets/${bundle.fileName}"></script>
</body>
</html>`;
}
