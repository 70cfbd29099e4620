// `npm run validate -- <file.json>…`: validates modules, programs and responses and prints every
// problem as `file: /path: message [code]`. Exit 0 when all are valid, 1 when any is invalid,
// 2 on a usage error, an unreadable file or a JSON syntax error.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Module, ModuleRef } from '../src/generated/format.js';
import type { Issue } from '../src/issue.js';
import { detectDocumentKind, validateModule, validateProgram, validateResponse } from '../src/validate/index.js';

type Kind = 'module' | 'program' | 'response';
const kinds: readonly Kind[] = ['module', 'program', 'response'];
const examplesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'modules');

const usage = `Usage: npm run validate -- [--kind module|program|response] <file.json>…

Validates Careloom modules, programs and responses. The kind of each file is told from its fields
unless --kind is given. Programs' module references are resolved against the other files given
and examples/modules/*.json.`;

interface Parsed {
  file: string;
  doc?: unknown;
  error?: string;
}

function parseArguments(argv: string[]): { files: string[]; kind?: Kind } | { error: string } {
  const files: string[] = [];
  let kind: Kind | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] as string;
    if (argument === '--help' || argument === '-h') return { error: '' };
    if (argument === '--kind' || argument.startsWith('--kind=')) {
      const value = argument === '--kind' ? argv[(index += 1)] : argument.slice('--kind='.length);
      if (!kinds.includes(value as Kind)) return { error: `--kind must be module, program or response (got ${value ?? 'nothing'}).` };
      kind = value as Kind;
    } else if (argument.startsWith('-')) {
      return { error: `Unknown option ${argument}.` };
    } else {
      files.push(argument);
    }
  }
  if (files.length === 0) return { error: 'Give at least one file to validate.' };
  return { files, kind };
}

/** Reads and parses one file; a syntax error names its line and column. */
function readJson(file: string): Parsed {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { file, error: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  try {
    return { file, doc: JSON.parse(text) as unknown };
  } catch (error) {
    return { file, error: `not valid JSON: ${syntaxError(text, (error as Error).message)}` };
  }
}

function syntaxError(text: string, message: string): string {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  const reason = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+.*$/, '');
  if (lineColumn) return `${reason} at line ${lineColumn[1]}, column ${lineColumn[2]}`;
  const position = /at position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : text.length;
  const before = text.slice(0, offset).split('\n');
  return `${reason} at line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1}`;
}

function exampleModules(): Module[] {
  let names: string[] = [];
  try {
    names = readdirSync(examplesDir).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  return names.map((name) => readJson(join(examplesDir, name)).doc).filter((doc): doc is Module => detectDocumentKind(doc) === 'module');
}

function main(argv: string[]): number {
  const parsed = parseArguments(argv);
  if ('error' in parsed) {
    if (parsed.error) console.error(parsed.error);
    console.error(usage);
    return parsed.error ? 2 : 0;
  }
  const documents = parsed.files.map(readJson);
  const given = documents.map((entry) => entry.doc).filter((doc): doc is Module => detectDocumentKind(doc) === 'module');
  let library: Module[] | undefined;
  const resolveModule = (ref: ModuleRef) => {
    library ??= [...given, ...exampleModules()];
    return library.find((module) => module.id === ref.moduleId);
  };
  let exitCode = 0;
  for (const { file, doc, error } of documents) {
    if (error !== undefined) {
      console.log(`${file}: ${error}`);
      exitCode = 2;
      continue;
    }
    const kind = parsed.kind ?? detectDocumentKind(doc);
    if (!kind) {
      console.log(`${file}: cannot tell whether this is a module, a program or a response; give --kind.`);
      exitCode = 2;
      continue;
    }
    const result = kind === 'module' ? validateModule(doc) : kind === 'program' ? validateProgram(doc, { resolveModule }) : validateResponse(doc);
    if (result.ok) {
      console.log(`${file}: ok`);
      continue;
    }
    for (const issue of result.issues as Issue[]) console.log(`${file}: ${issue.path || '/'}: ${issue.message} [${issue.code}]`);
    exitCode = Math.max(exitCode, 1);
  }
  return exitCode;
}

process.exitCode = main(process.argv.slice(2));
