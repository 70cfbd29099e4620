import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { validModule, validProgram, validResponse } from '../src/validate/test-fixtures.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'careloom-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

async function validate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'schemas/scripts/validate-cli.ts', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('validate CLI', () => {
  it('prints ok and exits 0 when every file is valid, resolving a program\'s modules among the files', async () => {
    const module = write('module.json', validModule());
    const program = write('program.json', validProgram());
    const response = write('response.json', validResponse());
    const result = await validate(module, program, response);
    expect(result.stdout).toBe(`${module}: ok\n${program}: ok\n${response}: ok\n`);
    expect(result.code).toBe(0);
  });

  it('prints each issue with its path and code and exits 1', async () => {
    const module = validModule();
    module.pages[0]!.id = 'scale';
    const file = write('duplicate.json', module);
    const program = write('lonely-program.json', { ...validProgram(), modules: [{ key: 'x', module: { moduleId: 'no-such-module' }, unlock: {} }], measurements: [], registrations: [] });
    const result = await validate(file, program);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${file}: /pages/1/id: Page 2 ("scale") has the id "scale"`);
    expect(result.stdout).toContain('[ids.duplicate]');
    expect(result.stdout).toContain(`${program}: /modules/0/module: Module entry 1 ("x") refers to module "no-such-module"`);
  });

  it('honours --kind', async () => {
    const file = write('as-program.json', validModule());
    const result = await validate('--kind', 'program', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${file}: /: The program is missing its "durationWeeks". [schema.required]`);
  });

  it('exits 2 on a JSON syntax error, naming line and column', async () => {
    const file = write('broken.json', '{\n  "formatVersion": 1,\n  }\n');
    const valid = write('fine.json', validResponse());
    const result = await validate(file, valid);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON: .* at line 3, column 3`));
    expect(result.stdout).toContain(`${valid}: ok`);
  });

  it('exits 2 on an unreadable file, an unknown kind and a usage error', async () => {
    const unknown = write('unknown.json', { formatVersion: 1 });
    // Four separate runs of the command, side by side: one after another they outlasted the
    // test's time on a loaded 2-core machine.
    const [missing, unknownKind, usage, badKind] = await Promise.all([validate(join(dir, 'missing.json')), validate(unknown), validate(), validate('--kind', 'recipe', unknown)]);
    expect(missing).toMatchObject({ code: 2, stdout: expect.stringContaining('cannot read the file (ENOENT)') });
    expect(unknownKind).toMatchObject({ code: 2, stdout: expect.stringContaining('--kind') });
    expect(usage).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage:') });
    expect(badKind).toMatchObject({ code: 2, stderr: expect.stringContaining('--kind must be') });
  });
});
