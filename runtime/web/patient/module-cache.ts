import type { ApiClient } from '@careloom/client/api';
import { seg } from '@careloom/client/api';
import type { Module } from '@careloom/format/api';

export interface LoadedModule {
  module: Module;
  /** The version's content hash (the ETag), sent with each response; undefined when the server sent none. */
  contentHash: string | undefined;
}

/**
 * Fetches a module version the patient is on, and keeps a copy so that a patient who loses the
 * connection can still open it and answer (the answers wait in the queue). Released versions never
 * change, so a copy is never stale; it holds content, not answers.
 */
export async function loadModuleVersion(api: ApiClient, moduleId: string, version: number, storage: Pick<Storage, 'getItem' | 'setItem'>): Promise<LoadedModule> {
  const key = `careloom.module.${moduleId}@${version}`;
  try {
    const { body, headers } = await api.exchange<Module>('GET', `/api/me/module-versions/${seg(moduleId)}/${seg(version)}`);
    const etag = headers.get('ETag')?.replace(/^W\//, '').replace(/"/g, '') || undefined;
    const loaded = { module: body, contentHash: etag && /^[0-9a-f]{64}$/.test(etag) ? etag : undefined };
    try {
      storage.setItem(key, JSON.stringify(loaded));
    } catch {
      // A full storage only costs the offline copy.
    }
    return loaded;
  } catch (error) {
    const copy = storage.getItem(key);
    if (copy) return JSON.parse(copy) as LoadedModule;
    throw error;
  }
}
