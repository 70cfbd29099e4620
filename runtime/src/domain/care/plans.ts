import { answerValueProblem, canonicalJson, indexModule, localize } from '@careloom/format/engine';
import type { ModuleIndex } from '@careloom/format/engine';
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
      const input = field.input;
      const unit = input.kind === 'number' && input.unit ? textIn(input.unit.label, module, language) : undefined;
      const range = input.kind === 'number' || input.kind === 'slider' ? { ...(input.min !== undefined ? { min: input.min } : {}), ...(input.max !== undefined ? { max: input.max } : {}) } : {};
      return { id: field.id, label: textIn(field.label, module, language), ...(unit ? { unit } : {}), ...range };
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
  // Before the module's checks, which quote the value they refuse.
  const tooLong = longThresholds(rules);
  if (tooLong.length > 0) return tooLong;
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
  if (result.ok) return thresholdIssues(module, registration, rules);
  return result.issues.flatMap((issue) => {
    for (const [path, index] of rulePaths) {
      if (issue.path === path || issue.path.startsWith(`${path}/`)) return [{ ...issue, path: `${pointer('zones', index, 'when')}${issue.path.slice(path.length)}` }];
    }
    return [];
  });
}

/** The longest text a threshold may compare with: longer than any answer a patient types in a diary. */
const MAX_THRESHOLD_TEXT = 1000;

/**
 * Every value a patient's rule compares an answer with must be an answer the item could take: a
 * temperature threshold of 60 °C on a diary field that accepts 34–42 °C would never (or always)
 * hold, and the patient would land in the wrong zone. The item's own limits decide (a number's min,
 * max and decimals, a slider's steps, a date's supported years), as for the patient's answers;
 * text has a length limit of its own.
 */
function thresholdIssues(module: Module, registration: RegistrationBlock, rules: readonly PlanRuleInput[]): Issue[] {
  const index = indexModule(module);
  const issues: Issue[] = [];
  rules.forEach((rule, position) => visitCompares(rule.when, pointer('zones', position, 'when'), (condition, path) => {
    const problem = thresholdProblem(module, registration, index, rule.id, condition);
    if (problem) issues.push({ ...problem, path: `${path}/value` });
  }));
  return issues;
}

/** Thresholds whose text is longer than any answer a patient types; never quoted back. */
function longThresholds(rules: readonly PlanRuleInput[]): Issue[] {
  const issues: Issue[] = [];
  rules.forEach((rule, position) => visitCompares(rule.when, pointer('zones', position, 'when'), (condition, path) => {
    const length = typeof condition.value === 'string' ? [...condition.value].length : 0;
    if (length > MAX_THRESHOLD_TEXT) {
      issues.push({ code: 'plan.threshold_too_long', path: `${path}/value`, message: `The threshold of "${condition.item}" in rule "${rule.id}" has ${length} characters; at most ${MAX_THRESHOLD_TEXT} are taken.`, params: { rule: rule.id, item: condition.item, maxLength: MAX_THRESHOLD_TEXT } });
    }
  }));
  return issues;
}

type Compare = Extract<Condition, { op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' }>;

function visitCompares(condition: Condition, path: string, visit: (condition: Compare, path: string) => void): void {
  switch (condition.op) {
    case 'eq': case 'ne': case 'gt': case 'gte': case 'lt': case 'lte':
      visit(condition, path);
      return;
    case 'all': case 'any':
      condition.conditions.forEach((inner, position) => visitCompares(inner, `${path}/conditions/${position}`, visit));
      return;
    case 'not':
      visitCompares(condition.condition, `${path}/condition`, visit);
      return;
    default:
      return;
  }
}

function thresholdProblem(module: Module, registration: RegistrationBlock, index: ModuleIndex, ruleId: string, condition: Compare): Omit<Issue, 'path'> | undefined {
  const item = index.items.get(condition.item);
  if (!item) return undefined;
  const field = registration.fields.find((candidate) => candidate.id === item.id);
  const label = field ? localize(field.label, module.defaultLanguage, module.defaultLanguage) : item.id;
  const where = `The threshold of "${label}" in rule "${ruleId}"`;
  const value = condition.value;
  const problem = answerValueProblem(item, value);
  if (!problem) return undefined;
  const input = item.input;
  const unit = input?.kind === 'number' && input.unit ? ` ${localize(input.unit.label, module.defaultLanguage, module.defaultLanguage)}` : '';
  if (problem.code === 'answer.out_of_range' && input && (input.kind === 'number' || input.kind === 'slider')) {
    const { min, max } = input;
    const range = min !== undefined && max !== undefined ? `from ${min} to ${max}${unit}` : min !== undefined ? `of at least ${min}${unit}` : `of at most ${max}${unit}`;
    return { code: 'plan.threshold_out_of_range', message: `${where} is ${String(value)}${unit}, but the field takes values ${range}: such a threshold would never or always hold.`, params: { rule: ruleId, item: item.id, value, min, max } };
  }
  return { code: `plan.threshold_${problem.code.replace(/^answer\./, '')}`, message: `${where} is not a value the field takes: ${problem.message}`, params: { rule: ruleId, ...problem.params } };
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
