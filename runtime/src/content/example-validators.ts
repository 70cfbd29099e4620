import type { Module } from '@careloom/format';
import { validateModule, validateProgram } from '@careloom/format/validate';
import type { ExampleValidators } from '../domain/example-catalog.js';

/** The format's real validators, adapted to what the example catalog asks for. */
export const formatValidators: ExampleValidators = {
  module: (doc) => validateModule(doc),
  program: (doc, resolveModule) => validateProgram(doc, { resolveModule: (ref) => resolveModule(ref.moduleId) as Module | undefined }),
};
