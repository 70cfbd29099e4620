import type { Module, Program } from '@careloom/format';
import { isApiError } from '@careloom/client/api';
import type { DesignerApi } from '../api/api-client.js';

/** Where the simulator took a module's content from. */
export type ModuleSource = { moduleId: string; from: 'version'; version: number } | { moduleId: string; from: 'draft' } | { moduleId: string; from: 'missing' };

/** What a simulation runs on: the document (a program or a module) and the modules a program names. */
export interface SimulationContent {
  kind: 'module' | 'program';
  document: Program | Module;
  /** The version simulated, or null for the draft. */
  version: number | null;
  /** Problems submitting the draft would report (empty for a version). */
  draftIssues: number;
  modules: Record<string, Module>;
  sources: ModuleSource[];
}

/**
 * Loads what a simulation needs through the designer's API: the draft or version of the document
 * and, for a program, each module it names: the version it pins, else the newest released version,
 * else the newest version, else the draft (what a designer editing both is looking at). A module the
 * person cannot read (another organisation's) is `missing`: the run schedules it without answers.
 *
 * @example
 * await loadSimulationContent(workspace.api, 'panic-icbt-8-weeks', null);
 */
export async function loadSimulationContent(api: DesignerApi, id: string, version: number | null): Promise<SimulationContent> {
  let document: Program | Module;
  let kind: 'module' | 'program';
  let draftIssues = 0;
  if (version === null) {
    const draft = await api.getDraft(id);
    document = draft.content as Program | Module;
    kind = draft.document.kind === 'program' ? 'program' : 'module';
    draftIssues = draft.issues.length;
  } else {
    const [summary, found] = await Promise.all([api.getDocument(id), api.getVersion(id, version)]);
    document = found.content as Program | Module;
    kind = summary.kind === 'program' ? 'program' : 'module';
  }
  if (kind === 'module') {
    const module = document as Module;
    return { kind, document, version, draftIssues, modules: { [module.id]: module }, sources: [] };
  }
  const program = document as Program;
  const refs = new Map<string, number | undefined>();
  for (const entry of [...(program.modules ?? []), ...(program.measurements ?? []), ...(program.registrations ?? [])]) {
    const ref = entry?.module;
    if (ref && typeof ref.moduleId === 'string' && ref.moduleId !== '' && !refs.has(ref.moduleId)) refs.set(ref.moduleId, ref.version);
  }
  const loaded = await Promise.all([...refs].map(([moduleId, pinned]) => loadModule(api, moduleId, pinned)));
  const modules: Record<string, Module> = {};
  for (const { module, source } of loaded) if (module) modules[source.moduleId] = module;
  return { kind, document, version, draftIssues, modules, sources: loaded.map(({ source }) => source) };
}

async function loadModule(api: DesignerApi, moduleId: string, pinned: number | undefined): Promise<{ module?: Module; source: ModuleSource }> {
  try {
    if (pinned !== undefined) return { module: (await api.getVersion(moduleId, pinned)).content as Module, source: { moduleId, from: 'version', version: pinned } };
    const versions = await api.listVersions(moduleId);
    const newest = (list: typeof versions) => list.reduce<(typeof versions)[number] | undefined>((best, candidate) => (!best || candidate.number > best.number ? candidate : best), undefined);
    const chosen = newest(versions.filter((candidate) => candidate.state === 'released')) ?? newest(versions);
    if (chosen) return { module: (await api.getVersion(moduleId, chosen.number)).content as Module, source: { moduleId, from: 'version', version: chosen.number } };
    return { module: (await api.getDraft(moduleId)).content as Module, source: { moduleId, from: 'draft' } };
  } catch (error) {
    // Not readable here (another organisation's module, or gone): scheduled, not answered.
    if (isApiError(error) && (error.status === 404 || error.status === 403)) return { source: { moduleId, from: 'missing' } };
    throw error;
  }
}
