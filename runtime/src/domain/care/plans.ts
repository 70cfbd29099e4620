import { canonicalJson } from '@careloom/format/engine';
import { localizeRich } from '@careloom/format/engine';
import type { Plan as WirePlan, PlanRule as WirePlanRule, PlanRuleInput } from '@careloom/format/api';
import type { Condition, Module, RegistrationBlock, RichTextDoc } from '@careloom/format';
import type { Issue } from '@careloom/format';
import { pointer } from '@careloom/format';
import { validateModule } from '@careloom/format/validate';
import { DomainError } from '../errors.js';
import { actorOf, careAudit, enrollmentFor, ownEnrollment } from './care-access.js';
import type { CareContext, CareDeps } from './care-deps.js';
import { loadModule, pinOf, textIn } from './care-content.js';
import type { EnrollmentRecord, PlanRecord } from './ports.js';
import { registrationsOf } from './response-scoring.js';

/**
 * A zone rule as the plan shows it: the wire type (`PlanRule`), with the condition as the format
 * types it (the wire's `PlanCondition` reads only what the plan editor needs).
 */
export type PlanRuleView = Omit<WirePlanRule, 'when'> & { when: Condition };

type WirePlanZone = WirePlan['zones'][number];

/**
 * A self-treatment plan: the wire type (`Plan`), with its rules and actions as the format types them.
 * `planView` checks with `satisfies` that what it builds is still the wire's `Plan`.
 */
export type PlanView = Omit<WirePlan, 'zones'> & { zones: Array<Omit<WirePlanZone, 'rules' | 'action'> & { rules: PlanRuleView[]; action: RichTextDoc }> };

/** A patient-specific rule, as the therapist sends it (PUT …/plans/…): the registration's rule with its own condition. */
export type { PlanRuleInput } from '@careloom/format/api';

function planView(module: Module, registration: RegistrationBlock, plan: PlanRecord | undefined, language: string | undefined): PlanView {
  const overrides = plan?.overrides ?? {};
  const rules: PlanRuleView[] = (registration.zones?.rules ?? []).map((rule) => ({
    id: rule.id,
    zone: rule.zone,
    when: Object.hasOwn(overrides, rule.id) ? (overrides[rule.id] as Condition) : rule.when,
    explanation: rule.explanation ? textIn(rule.explanation, module, language) : '',
    personal: Object.hasOwn(overrides, rule.id),
    alert: rule.alert === true,
  } satisfies WirePlanRule));
  const zones = (['green', 'yellow', 'red'] as const).map((zone) => {
    const inZone = rules.filter((rule) => rule.zone === zone);
    return {
      zone,
      rule: inZone.map((rule) => rule.explanation).filter((text) => text !== '').join(' '),
      rules: inZone,
      action: localizeRich(registration.zones?.actions[zone], language ?? module.defaultLanguage, module.defaultLanguage),
    };
  });
  return {
    moduleId: module.id,
    registrationId: registration.id,
    title: textIn(registration.title, module, language),
    fields: registration.fields.map((field) => {
      const unit = field.input.kind === 'number' && field.input.unit ? textIn(field.input.unit.label, module, language) : undefined;
      return { id: field.id, label: textIn(field.label, module, language), ...(unit ? { unit } : {}) };
    }),
    zones,
    updatedAt: plan?.updatedAt ?? null,
  } satisfies WirePlan;
}

/** Every self-treatment plan (registration with zones) of an enrollment's modules, with the patient's own thresholds. */
export async function presentPlans(deps: CareDeps, enrollment: EnrollmentRecord, language: string | undefined): Promise<PlanView[]> {
  const plans = await deps.store.listPlans(enrollment.id);
  const views: PlanView[] = [];
  for (const pin of enrollment.modules) {
    const { module } = await loadModule(deps, pin);
    for (const registration of registrationsOf(module)) {
      if (!registration.zones) continue;
      views.push(planView(module, registration, plans.find((plan) => plan.moduleId === module.id && plan.registrationId === registration.id), language));
    }
  }
  return views;
}

/**
 * Checks the patient's rules by putting them into a copy of the module and validating it: the same
 * checks as authoring (condition shape, items of the right kind, option ids), reported at the
 * rule's place in the request.
 */
function checkRules(module: Module, registration: RegistrationBlock, rules: readonly PlanRuleInput[]): Issue[] {
  const known = registration.zones?.rules ?? [];
  const issues: Issue[] = [];
  rules.forEach((rule, index) => {
    const original = known.find((candidate) => candidate.id === rule.id);
    if (!original) issues.push({ code: 'plan.unknown_rule', path: pointer('zones', index, 'id'), message: `Registration "${registration.id}" has no zone rule "${rule.id}".` });
    else if (rule.zone !== undefined && rule.zone !== original.zone) issues.push({ code: 'plan.zone_changed', path: pointer('zones', index, 'zone'), message: `Rule "${rule.id}" leads to the ${original.zone} zone; a patient's plan changes thresholds, not zones.` });
  });
  if (issues.length > 0) return issues;
  const copy = structuredClone(module);
  const pageIndex = copy.pages.findIndex((page) => page.blocks.some((block) => block.id === registration.id));
  const blockIndex = copy.pages[pageIndex]!.blocks.findIndex((block) => block.id === registration.id);
  const block = copy.pages[pageIndex]!.blocks[blockIndex] as RegistrationBlock;
  const rulePaths = new Map<string, number>();
  for (const [index, rule] of rules.entries()) {
    const position = block.zones!.rules.findIndex((candidate) => candidate.id === rule.id);
    block.zones!.rules[position]!.when = rule.when;
    rulePaths.set(pointer('pages', pageIndex, 'blocks', blockIndex, 'zones', 'rules', position, 'when'), index);
  }
  const result = validateModule(copy);
  if (result.ok) return [];
  return result.issues.flatMap((issue) => {
    for (const [path, index] of rulePaths) {
      if (issue.path === path || issue.path.startsWith(`${path}/`)) return [{ ...issue, path: `${pointer('zones', index, 'when')}${issue.path.slice(path.length)}` }];
    }
    return [];
  });
}

export function createPlanCommands(deps: CareDeps) {
  const registrationFor = async (enrollment: EnrollmentRecord, moduleId: string, registrationId: string) => {
    const pin = pinOf(enrollment.modules, moduleId);
    if (!pin) throw new DomainError('not_found', `"${moduleId}" is not part of this program.`);
    const { module } = await loadModule(deps, pin);
    const registration = registrationsOf(module).find((block) => block.id === registrationId);
    if (!registration || !registration.zones) throw new DomainError('not_found', `"${moduleId}" has no registration "${registrationId}" with zones.`);
    return { module, registration };
  };

  return {
    /** The patient's own plans: what to do in each zone, with their personal thresholds. */
    async myPlans(context: CareContext, enrollmentId: string): Promise<PlanView[]> {
      const { enrollment } = await ownEnrollment(deps, context, enrollmentId);
      return presentPlans(deps, enrollment, context.language);
    },

    /** Sets a patient's own thresholds for a registration; they decide that patient's zones and alerts from now on. */
    async putPlan(context: CareContext, enrollmentId: string, moduleId: string, registrationId: string, input: { zones: PlanRuleInput[] }): Promise<PlanView> {
      const { enrollment, unit, role } = await enrollmentFor(deps, context, enrollmentId, 'enrollment.write');
      const { module, registration } = await registrationFor(enrollment, moduleId, registrationId);
      const issues = checkRules(module, registration, input.zones);
      if (issues.length > 0) throw new DomainError('invalid', `The plan has ${issues.length} problem${issues.length === 1 ? '' : 's'}.`, { issues });
      const overrides: Record<string, Condition> = {};
      for (const rule of input.zones) {
        const original = registration.zones!.rules.find((candidate) => candidate.id === rule.id)!;
        if (canonicalJson(original.when) !== canonicalJson(rule.when)) overrides[rule.id] = rule.when;
      }
      const at = deps.now().toISOString();
      const plan: PlanRecord = { enrollmentId: enrollment.id, moduleId, registrationId, overrides, updatedAt: at, updatedBy: actorOf(context) };
      const stored = await deps.store.putPlan({ plan, audit: careAudit(deps, context, { at, role, action: 'plan.update', objectType: 'enrollment', objectId: enrollment.id, unit, patientId: enrollment.patientId, details: { moduleId, registrationId, personalRules: Object.keys(overrides) } }) });
      return planView(module, registration, stored, context.language);
    },
  };
}
