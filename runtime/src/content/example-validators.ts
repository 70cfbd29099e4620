import type { Module } from '../../../schemas/src/generated/format.js';
import { validateModule, validateProgram } from '../../../schemas/src/validate/index.js';
import type { ExampleValidators } from '../domain/example-catalog.js';

/** The format's real validators, adapted to what the example catalog asks for. */
export const formatValidators: ExampleValidators = {
  module: (doc) => validateModule(doc),
  program: (doc, resolveModule) => validateProgram(doc, { resolveModule: (ref) => resolveModule(ref.moduleId) as Module | undefined }),
};
