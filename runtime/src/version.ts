import { readFileSync } from 'node:fs';

/** The server package's version (runtime/package.json), reported by /health. */
export function readPackageVersion(packageJsonUrl: URL = new URL('../../package.json', import.meta.url)): string {
  const parsed = JSON.parse(readFileSync(packageJsonUrl, 'utf8')) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : '0.0.0';
}
