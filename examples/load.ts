// Reads the example documents for the example tests. Plain JSON on disk: what a designer would import.
import { readdirSync, readFileSync } from 'node:fs';
import type { InstrumentBlock, Module, Program, RegistrationBlock } from '@careloom/format';

const here = new URL('./', import.meta.url);

/** The parsed JSON of one example file, e.g. `readExample('modules/phq-9.json')`. */
export function readExample<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(new URL(path, here), 'utf8')) as T;
}

/** File names (without folder) of the examples of one kind. */
export function exampleFiles(kind: 'modules' | 'programs'): string[] {
  return readdirSync(new URL(`${kind}/`, here)).filter((name) => name.endsWith('.json')).sort();
}

/** Every example module by id. */
export function exampleModules(): Map<string, Module> {
  return new Map(exampleFiles('modules').map((name) => {
    const module = readExample<Module>(`modules/${name}`);
    return [module.id, module];
  }));
}

export function readModule(id: string): Module {
  return readExample<Module>(`modules/${id}.json`);
}

export function readProgram(id: string): Program {
  return readExample<Program>(`programs/${id}.json`);
}

/** The first instrument block of a module. */
export function instrumentOf(module: Module): InstrumentBlock {
  const block = module.pages.flatMap((page) => page.blocks).find((candidate) => candidate.type === 'instrument');
  if (!block || block.type !== 'instrument') throw new Error(`Module "${module.id}" has no instrument.`);
  return block;
}

/** The registration block with this id. */
export function registrationOf(module: Module, id: string): RegistrationBlock {
  const block = module.pages.flatMap((page) => page.blocks).find((candidate) => candidate.id === id);
  if (!block || block.type !== 'registration') throw new Error(`Module "${module.id}" has no registration "${id}".`);
  return block;
}
