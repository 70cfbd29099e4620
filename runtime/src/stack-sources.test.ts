import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { createConsoleLogger } from './console-logger.js';
import { createSourceMaps, stackWithSources } from './stack-sources.js';

const dir = mkdtempSync(join(tmpdir(), 'careloom-stack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Compiles a TypeScript file the way `npm run build` does (bundled, linked map) and returns the
 * stack it throws with in plain Node (the test runner would map stacks itself).
 */
async function thrownByCompiled(): Promise<{ stack: string }> {
  const source = join(dir, 'opens-the-store.ts');
  writeFileSync(source, ['// line 1', 'export function openTheStore(name: string): never {', '  const why: string = `cannot open ${name}`;', '  throw new Error(why);', '}', ''].join('\n'));
  await build({ entryPoints: [source], outfile: join(dir, 'dist', 'main.js'), bundle: true, format: 'esm', platform: 'node', sourcemap: 'linked', minify: true, banner: { js: '// a banner shifts every line\n// like the require banner does' } });
  const script = `import(${JSON.stringify(pathToFileURL(join(dir, 'dist', 'main.js')).href)}).then((m) => { try { m.openTheStore('careloom.sqlite'); } catch (error) { process.stdout.write(error.stack); } })`;
  return { stack: execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }) };
}

describe('stackWithSources', () => {
  it('names the TypeScript line a compiled frame came from', async () => {
    const error = await thrownByCompiled();
    expect(error.stack).toContain('dist/main.js:');
    const mapped = stackWithSources(error.stack, createSourceMaps());
    expect(mapped).toContain(`${join(dir, 'opens-the-store.ts')}:4:`);
    expect(mapped).not.toContain('dist/main.js:');
    expect(mapped.split('\n')[0]).toBe('Error: cannot open careloom.sqlite');
  });

  it('leaves frames without a map as they are, and reads a missing map only once', () => {
    let reads = 0;
    const maps = createSourceMaps();
    const counting = { of: (file: string) => ((reads += 1), maps.of(file)) };
    const stack = 'Error: x\n    at a (/nowhere/lib.js:10:5)\n    at b (node:internal/timers:1:1)\n    at c (file:///nowhere/lib.js:11:7)';
    expect(stackWithSources(stack, counting)).toBe(stack);
    expect(reads).toBe(2);
    expect(maps.of('/nowhere/lib.js')).toBeNull();
  });

  it('logs the stack as it was when a map cannot be read', () => {
    const stack = 'Error: x\n    at a (/srv/careloom/runtime/dist/main.js:10:5)';
    const broken = { of: () => { throw new Error('the map is not JSON'); } };
    expect(stackWithSources(stack, broken)).toBe(stack);
  });

  it('is what the console logger does to a logged stack', async () => {
    const error = await thrownByCompiled();
    const lines: string[] = [];
    const sink = { write: (text: string) => lines.push(text) };
    createConsoleLogger({ out: sink, err: sink, stack: (stack) => stackWithSources(stack, createSourceMaps()) }).error('Request failed', { stack: error.stack, status: 500 });
    expect(lines[0]).toContain('opens-the-store.ts:4:');
    expect(lines[0]).toContain('status=500');
  });
});
