// Runs `npm run build`, then the compiled server from another folder, as `npm run serve` runs it:
// the production build tests (SQLite and PostgreSQL) start it through here.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export interface BuiltServer {
  url: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): void;
}

/** Builds runtime/dist and starts runtime/dist/main.js in `cwd` with `env`; resolves once it listens. */
export async function buildAndStart(cwd: string, env: Record<string, string>): Promise<BuiltServer> {
  execFileSync(process.execPath, ['--import', 'tsx', 'runtime/scripts/build.ts'], { cwd: root, stdio: 'pipe' });
  // Started from another folder, so nothing can be found relative to the working directory by luck.
  const child: ChildProcess = spawn(process.execPath, [resolve(root, 'runtime/dist/main.js')], { cwd, env: { ...process.env, ...env, CARELOOM_PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Careloom is running at (http:\/\/\S+)/.exec(output);
      if (match) resolveUrl(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`The compiled server exited with ${code}:\n${output}`)));
  });
  return { url, output: () => output, stop: () => void child.kill('SIGTERM') };
}
