import { indexModule } from '@careloom/format/engine';
import type { ApiClient } from '@careloom/client/api';
import { seg } from '@careloom/client/api';
import type { Module } from '@careloom/format/api';
import type { LabelledModule } from './answer-labels.js';

/** Distinct module versions kept per signed-in client; a therapist's patients use a few dozen. */
const MAX_VERSIONS = 64;

// Released versions never change, so one fetch per version serves every patient page for as long as
// the app runs. Keyed by client, so a new sign-in (a new client) starts empty.
const caches = new WeakMap<ApiClient, Map<string, Promise<LabelledModule>>>();

/** The key of a module version: the number first, since it has no separator in it. */
export const versionKey = (moduleId: string, version: number): string => `${version}:${moduleId}`;

/**
 * A module version an enrollment is on, with its engine index, fetched once per client and version.
 * A failed fetch is forgotten, so the next page tries again.
 */
export function enrollmentModule(api: ApiClient, enrollmentId: string, moduleId: string, version: number): Promise<LabelledModule> {
  let cache = caches.get(api);
  if (!cache) caches.set(api, (cache = new Map()));
  const key = versionKey(moduleId, version);
  const cached = cache.get(key);
  if (cached) return cached;
  const loading = api
    .get<Module>(`/api/care/enrollments/${seg(enrollmentId)}/module-versions/${seg(moduleId)}/${seg(version)}`)
    .then((module) => ({ module, index: indexModule(module) }));
  loading.catch(() => {
    if (cache.get(key) === loading) cache.delete(key);
  });
  cache.set(key, loading);
  // The oldest fetched goes first: enough for a working session, and it bounds the memory.
  if (cache.size > MAX_VERSIONS) cache.delete(cache.keys().next().value as string);
  return loading;
}

/** Every module version the responses answered, by `versionKey`; those that failed to load are left out. */
export async function modulesOfResponses(api: ApiClient, enrollmentId: string, responses: ReadonlyArray<{ moduleId: string; moduleVersion: number }>): Promise<Map<string, LabelledModule>> {
  const wanted = new Map(responses.map((response) => [versionKey(response.moduleId, response.moduleVersion), response]));
  const loaded = await Promise.allSettled([...wanted.values()].map((response) => enrollmentModule(api, enrollmentId, response.moduleId, response.moduleVersion)));
  const modules = new Map<string, LabelledModule>();
  [...wanted.keys()].forEach((key, position) => {
    const result = loaded[position];
    if (result?.status === 'fulfilled') modules.set(key, result.value);
  });
  return modules;
}
