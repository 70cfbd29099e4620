import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readExampleFiles } from './read-example-files.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'careloom-examples-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('readExampleFiles', () => {
  it('reads modules/*.json and programs/*.json in name order, skipping other files and sub-folders', () => {
    mkdirSync(join(folder, 'modules', 'nested'), { recursive: true });
    mkdirSync(join(folder, 'programs'));
    writeFileSync(join(folder, 'modules', 'b.json'), '{"id":"b"}');
    writeFileSync(join(folder, 'modules', 'a.json'), '{"id":"a"}');
    writeFileSync(join(folder, 'modules', 'notes.md'), '# not an example');
    writeFileSync(join(folder, 'modules', 'nested', 'c.json'), '{}');
    writeFileSync(join(folder, 'programs', 'p.json'), '{"id":"p"}');
    expect(readExampleFiles(folder)).toEqual([
      { kind: 'module', file: 'modules/a.json', text: '{"id":"a"}' },
      { kind: 'module', file: 'modules/b.json', text: '{"id":"b"}' },
      { kind: 'program', file: 'programs/p.json', text: '{"id":"p"}' },
    ]);
  });

  it('yields nothing for a missing folder', () => {
    expect(readExampleFiles(join(folder, 'missing'))).toEqual([]);
  });
});
