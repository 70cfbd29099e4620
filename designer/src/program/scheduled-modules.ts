import type { Module, ModuleRef } from '@careloom/format';
import type { DocumentSummary } from '@careloom/format/api';
import type { DesignerApi } from '../api/api-client.js';

type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed' };

/**
 * What the program editor knows of the modules a program schedules: each module's content at the
 * version the program pins (unpinned: the released version, else the draft; what release would pin
 * or refuse) and each module's released version numbers. Fetched once each, on first need;
 * `onContent` runs when content arrives (the program is validated again), `onVersions` when version numbers do.
 *
 * @example
 * const scheduled = new ScheduledModules(() => workspace.api, () => this.#refresh(), () => this.requestUpdate());
 * validateProgram(json, { resolveModule: (ref) => scheduled.content(ref) });
 */
export class ScheduledModules {
  /** Content by `moduleId@version` (`moduleId@` for the released version or the draft). */
  readonly #contents = new Map<string, Loaded<Module>>();
  readonly #versions = new Map<string, Loaded<number[]>>();
  /** The organisation's modules, for their released version numbers. */
  modules: readonly DocumentSummary[] = [];

  readonly #api: () => DesignerApi | undefined;
  readonly #onContent: () => void;
  readonly #onVersions: () => void;

  constructor(api: () => DesignerApi | undefined, onContent: () => void, onVersions: () => void) {
    this.#api = api;
    this.#onContent = onContent;
    this.#onVersions = onVersions;
  }

  /** The module's content if it has arrived. */
  content(ref: ModuleRef): Module | undefined {
    const loaded = this.#contents.get(keyOf(ref));
    return loaded?.state === 'ready' ? loaded.value : undefined;
  }

  /** The module's released version numbers if they have arrived. */
  releasedVersions(moduleId: string): number[] | undefined {
    const loaded = this.#versions.get(moduleId);
    return loaded?.state === 'ready' ? loaded.value : undefined;
  }

  /** Starts fetching what is not known yet of `ref`. */
  want(ref: ModuleRef): void {
    this.#fetchContent(ref);
    this.#fetchVersions(ref.moduleId);
  }

  #fetchContent(ref: ModuleRef): void {
    const key = keyOf(ref);
    const api = this.#api();
    if (!api || this.#contents.has(key) || !ref.moduleId) return;
    this.#contents.set(key, { state: 'loading' });
    const released = this.modules.find((module) => module.id === ref.moduleId)?.releasedVersion ?? null;
    const number = ref.version ?? released;
    const content = number !== null ? api.getVersion(ref.moduleId, number).then((version) => version.content) : api.getDraft(ref.moduleId).then((draft) => draft.content);
    content.then(
      (value) => {
        this.#contents.set(key, { state: 'ready', value: value as Module });
        this.#onContent();
      },
      () => this.#contents.set(key, { state: 'failed' }),
    );
  }

  #fetchVersions(moduleId: string): void {
    const api = this.#api();
    if (!api || this.#versions.has(moduleId) || !moduleId) return;
    this.#versions.set(moduleId, { state: 'loading' });
    api.listVersions(moduleId).then(
      (versions) => {
        this.#versions.set(moduleId, { state: 'ready', value: versions.filter((version) => version.state === 'released').map((version) => version.number) });
        this.#onVersions();
      },
      () => this.#versions.set(moduleId, { state: 'failed' }),
    );
  }
}

function keyOf(ref: ModuleRef): string {
  return `${ref.moduleId}@${ref.version ?? ''}`;
}
