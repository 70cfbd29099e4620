import { localize } from '@careloom/format/engine';
import type { ModuleIndex } from '@careloom/format/engine';
import type { LocalizedText, Module, Program } from '@careloom/format';
import { DomainError } from '../errors.js';
import type { CareDeps } from './care-deps.js';
import type { DeploymentRecord, ModulePin, VersionContent } from './ports.js';

/** A module version a patient is on, parsed (shared and frozen: never change it), with its engine index. */
export interface LoadedModule {
  version: VersionContent;
  module: Module;
  index: ModuleIndex;
}

/**
 * Loads a module version from the catalog (an internal inconsistency if it is gone). Only the
 * immutable content is read: a patient stays on the version they started even once it is retired.
 */
export async function loadModule(deps: CareDeps, pin: ModulePin): Promise<LoadedModule> {
  const version = await deps.content.versionContent(pin.moduleId, pin.version);
  if (!version || version.kind !== 'module' || !version.index) throw new DomainError('not_found', `Module "${pin.moduleId}" version ${pin.version} is not available.`);
  return { version, module: version.content as Module, index: version.index };
}

/** The program a deployment delivers, or null for a single-module deployment. */
export async function loadProgram(deps: CareDeps, deployment: DeploymentRecord): Promise<Program | null> {
  if (deployment.kind !== 'program') return null;
  const version = await deps.content.versionContent(deployment.documentId, deployment.version);
  if (!version) throw new DomainError('not_found', `Program "${deployment.documentId}" version ${deployment.version} is not available.`);
  return version.content as Program;
}

/** A document's localised text in the requested language, else its default language. */
export function textIn(text: LocalizedText | undefined, document: { defaultLanguage: string }, language: string | undefined): string {
  return localize(text, language ?? document.defaultLanguage, document.defaultLanguage);
}

/** The pinned version of a module for an enrollment, or undefined when the patient is not on it. */
export function pinOf(modules: readonly ModulePin[], moduleId: string): ModulePin | undefined {
  return modules.find((pin) => pin.moduleId === moduleId);
}
